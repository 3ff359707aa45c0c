import { createMemo, For, Show, type JSX } from "solid-js";
import { BorrowedProvider } from "../../components/borrowed.tsx";
import type { PolicyProfile } from "@firegov/core/contract";
import { useI18n } from "../../i18n/index.tsx";
import { CitedValue, Rule, type Fact } from "./rule.tsx";
import { SettingsSection } from "./settings-section.tsx";
import * as v from "./vocabulary.ts";

/** The topics a profile is read by, in order; the page's index jumps to them. */
const SECTIONS = ["terminology", "organisation", "brigades", "venues", "inspections", "hazards", "obligations", "milestones", "assessment", "duties"] as const;

type Ctx = { p: PolicyProfile; names: v.ProfileNames; locale: "zh-CN" | "en" };

function Topic(props: { topic: v.Topic; children: JSX.Element }) {
  const { locale } = useI18n();
  return (
    <section class="topic" id={`topic-${props.topic}`} aria-labelledby={`topic-${props.topic}-title`}>
      <h2 id={`topic-${props.topic}-title`}>{v.topicName(props.topic, locale())}</h2>
      {props.children}
    </section>
  );
}

/** A titled list of rules; nothing when the profile has none. */
function Group<T>(props: { title: string; items: readonly T[] | undefined; children: (item: T) => JSX.Element }) {
  return (
    <Show when={props.items?.length}>
      <h3>{props.title}</h3>
      <ul class="rules">
        <For each={props.items}>{(item) => props.children(item)}</For>
      </ul>
    </Show>
  );
}

const name = (label: { zh: string; en: string }, locale: Ctx["locale"]) => v.pick(label, locale);

function Terminology(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  return (
    <Topic topic="terminology">
      <Group title={t("profile.group.levels")} items={props.p.levels}>
        {(level) => <Rule id={level.id} title={name(level.name, l())} facts={[[t("profile.fact.units"), v.joinList(level.units, l())]]} rule={level} />}
      </Group>
      <Group title={t("profile.group.bodies")} items={props.p.bodies}>
        {(body) => (
          <Rule
            id={body.id}
            title={name(body.name, l())}
            facts={[
              [t("profile.fact.level"), props.names.level(body.level)],
              [t("profile.fact.kind"), props.names.bodyKind(body.kind)],
              [t("profile.fact.within"), props.names.body(body.within)],
              [t("profile.fact.guidedBy"), props.names.body(body.guidedBy)],
            ]}
            rule={body}
          />
        )}
      </Group>
      <Group title={t("profile.group.roles")} items={props.p.roles}>
        {(role) => <Rule id={role.id} title={name(role.name, l())} facts={[[t("profile.fact.body"), props.names.body(role.body)]]} rule={role} />}
      </Group>
    </Topic>
  );
}

function Organisation(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  const yes = (value: boolean) => t(value ? "profile.yes" : "profile.no");
  return (
    <Topic topic="organisation">
      <Group title={t("profile.group.composition")} items={props.p.composition}>
        {(position) => (
          <Rule
            id={position.id}
            title={`${props.names.body(position.body)} · ${name(position.title, l())}`}
            facts={[
              [t("profile.fact.filledBy"), props.names.role(position.filledBy)],
              [t("profile.fact.count"), v.headcount(position.count, l())],
              [t("profile.fact.required"), yes(position.required)],
              [t("profile.fact.memberUnits"), position.units && v.joinList(position.units, l())],
            ]}
            rule={position}
          />
        )}
      </Group>
      <Group title={t("profile.group.tiers")} items={props.p.staffing.tiers}>
        {(tier) => <Rule id={tier.id} title={name(tier.name, l())} rule={tier} />}
      </Group>
      <Group title={t("profile.group.staffing")} items={props.p.staffing.rules}>
        {(rule) => (
          <Rule
            id={rule.id}
            title={v.staffingSubject(rule, props.names, l())}
            facts={[[t("profile.fact.requirement"), <strong>{v.requirementText(rule.requirement, l())}</strong>]]}
            rule={rule}
          />
        )}
      </Group>
      <Group title={t("profile.group.stationStandards")} items={props.p.stationStandards}>
        {(standard) => (
          <Rule
            id={standard.id}
            title={name(standard.name, l())}
            facts={[
              [t("profile.fact.body"), props.names.body(standard.body)],
              [t("profile.fact.items"), v.joinList(standard.items.map((item) => name(item.name, l())), l())],
              [t("profile.fact.deadline"), standard.deadline],
            ]}
            rule={standard}
          />
        )}
      </Group>
    </Topic>
  );
}

function Brigades(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  const per = (value: string) => (value === "key_unit" ? t("profile.perKeyUnit") : value === "zone" ? t("profile.perZone") : t("profile.perLevel", { level: props.names.level(value) }));
  return (
    <Topic topic="brigades">
      <Group title={t("profile.group.grades")} items={props.p.brigades.grades}>
        {(grade) => (
          <Rule
            id={grade.id}
            title={name(grade.name, l())}
            facts={[
              [t("profile.fact.minStaff"), grade.minStaff !== undefined ? v.headcount({ min: grade.minStaff }, l()) : undefined],
              [t("profile.fact.engines"), grade.minEngines.length ? v.joinList(grade.minEngines.map((e) => `${props.names.engineType(e.type)} ≥ ${e.min}`), l()) : undefined],
              [t("profile.fact.staffQuota"), grade.staffQuota],
            ]}
            rule={grade}
          >
            <Show when={grade.deployment}>
              {(deployment) => (
                <CitedValue label={t("profile.fact.deployment")} value={v.joinList(deployment().value.map((d) => v.deployment(d, l())), l())} cite={deployment()} />
              )}
            </Show>
          </Rule>
        )}
      </Group>
      <Group title={t("profile.group.forces")} items={props.p.brigades.requirements}>
        {(requirement) => (
          <Rule
            id={requirement.id}
            title={`${props.names.forceKind(requirement.force)} · ${per(requirement.per)}`}
            facts={[
              [t("profile.fact.units"), requirement.units && v.joinList(requirement.units, l())],
              [t("profile.fact.grade"), props.names.brigadeGrade(requirement.grade)],
              [t("profile.fact.alternatives"), requirement.alternatives && v.joinList(requirement.alternatives.map((a) => props.names.forceKind(a)), l())],
              [t("profile.fact.standard"), requirement.standard],
              [t("profile.fact.publicInstitution"), requirement.publicInstitution === undefined ? undefined : `${t(requirement.publicInstitution ? "profile.yes" : "profile.no")}${typeof requirement.publicInstitution === "object" && requirement.publicInstitution.sourceRef ? ` · ${t("profile.clause", { clause: requirement.publicInstitution.sourceRef })}` : ""}`],
            ]}
            rule={requirement}
          />
        )}
      </Group>
      <Group title={t("profile.group.personnel")} items={props.p.brigades.personnel}>
        {(rule) => (
          <Rule
            id={rule.id}
            title={rule.kind === "pay_floor" ? t("profile.payFloor") : t("profile.longService", { years: rule.minServiceYears })}
            facts={[[rule.kind === "pay_floor" ? t("profile.fact.benchmark") : t("profile.fact.benefit"), name(rule.kind === "pay_floor" ? rule.benchmark : rule.benefit, l())]]}
            rule={rule}
          />
        )}
      </Group>
    </Topic>
  );
}

/** A body chosen by the venue's kind (按照行业类别), with the body named for kinds no department answers for. */
function byKind(t: ReturnType<typeof useI18n>["t"], props: Ctx, body: string | undefined): string {
  return t("profile.byVenueKind", { body: props.names.body(body) ?? "—" });
}

function Venues(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  const grades = () =>
    [
      [t("profile.group.riskGrades"), props.p.venues.riskGrades],
      [t("profile.group.keyUnitLevels"), props.p.venues.keyUnitLevels],
      [t("profile.group.enterpriseGrades"), props.p.venues.enterpriseGrades],
    ] as const;
  const policyFacts = (policy: PolicyProfile["venues"]["policies"][number]): Fact[] => {
    switch (policy.kind) {
      case "patrol_assignment":
        return [[t("profile.fact.match"), v.matchText(policy.match, props.names, l())], [t("profile.fact.assignBy"), v.joinList(policy.assignBy.map((a) => v.patrolTerm(a, l())), l())]];
      case "patrol_plan":
        return [[t("profile.fact.match"), v.matchText(policy.match, props.names, l())], [t("profile.fact.mustName"), v.joinList(policy.mustName.map((a) => v.patrolTerm(a, l())), l())]];
      case "safety_evaluation":
        return [[t("profile.fact.match"), v.matchText(policy.match, props.names, l())]];
      case "report_unassigned":
        return [[t("profile.fact.reportTo"), props.names.body(policy.to)], [t("profile.fact.forwardTo"), policy.byVenueKind ? byKind(t, props, policy.forwardTo) : props.names.body(policy.forwardTo)]];
      case "watchlist":
        return [[t("profile.fact.keeper"), props.names.body(policy.keeper)]];
      case "random_spot_check":
        return [[t("profile.fact.match"), v.matchText(policy.match, props.names, l())], [t("profile.fact.drawnBy"), props.names.body(policy.by)], [t("profile.fact.category"), props.names.category(policy.category)]];
      case "classify":
        return [
          [t("profile.fact.match"), v.matchText(policy.match, props.names, l(), props.p.venues.measures)],
          [t("profile.fact.keyUnitLevel"), props.names.keyUnitLevel(policy.set.keyUnitLevel)],
          [t("profile.fact.riskGrade"), props.names.riskGrade(policy.set.riskGrade)],
          [t("profile.fact.flags"), policy.set.flags ? v.joinList(policy.set.flags.map(props.names.venueFlag), l()) : undefined],
        ];
      default:
        return [];
    }
  };
  return (
    <Topic topic="venues">
      <For each={grades()}>
        {([title, items]) => (
          <Group title={title} items={items}>
            {(grade) => <Rule id={grade.id} title={name(grade.name, l())} rule={grade} />}
          </Group>
        )}
      </For>
      <Group title={t("profile.group.venueKinds")} items={props.p.venues.kinds}>
        {(kind) => (
          <Rule
            id={kind.id}
            title={name(kind.name, l())}
            facts={[
              [t("profile.fact.flags"), kind.flags.length ? v.joinList(kind.flags.map((f) => props.names.venueFlag(f)), l()) : undefined],
              [t("profile.fact.riskGrade"), props.names.riskGrade(kind.riskGrade)],
              [t("profile.fact.category"), v.joinList([...(kind.category ? [kind.category] : []), ...(kind.alsoCategories ?? [])].map(props.names.category), l()) || undefined],
            ]}
            rule={kind}
          />
        )}
      </Group>
      <Group title={t("profile.group.supervision")} items={props.p.venues.supervision.rules}>
        {(rule) => (
          <Rule id={rule.id} title={v.matchText(rule.match, props.names, l())} facts={[[t("profile.fact.supervisor"), rule.byVenueKind ? byKind(t, props, rule.supervisor) : props.names.body(rule.supervisor)]]} rule={rule} />
        )}
      </Group>
      <ul class="rules">
        <Rule title={t("profile.fallback")} facts={[[t("profile.fact.supervisor"), props.names.body(props.p.venues.supervision.fallback.supervisor)]]} rule={props.p.venues.supervision.fallback} />
      </ul>
      <Group title={t("profile.group.venuePolicies")} items={props.p.venues.policies}>
        {(policy) => (
          <Rule id={policy.id} title={v.venuePolicyKind(policy.kind, l())} facts={policyFacts(policy)} rule={policy}>
            {policy.kind === "random_spot_check" ? <SpotCheckValues policy={policy} names={props.names} locale={l()} /> : undefined}
          </Rule>
        )}
      </Group>
      <Group title={t("profile.group.industryDepartments")} items={props.p.venues.industryDepartments ?? []}>
        {(rule) => <Rule id={rule.id} title={v.joinList(rule.kinds.map(props.names.venueKind), l())} facts={[[t("profile.fact.department"), props.names.body(rule.department)]]} rule={rule} />}
      </Group>
    </Topic>
  );
}

/** 双随机: the values of a draw rule, each with its own clause or marked default. */
function SpotCheckValues(props: { policy: Extract<PolicyProfile["venues"]["policies"][number], { kind: "random_spot_check" }>; names: v.ProfileNames; locale: "zh-CN" | "en" }) {
  const { t } = useI18n();
  const p = () => props.policy;
  const size = () => {
    const d = p().draw.value;
    if (d.measure === "count") return t("profile.drawCount", { count: d.count });
    return t("profile.drawShare", { percent: d.percent, min: d.min ?? 0 });
  };
  return (
    <>
      <CitedValue label={t("profile.fact.frequency")} value={v.frequency(p().frequency.value, props.locale)} cite={p().frequency} />
      <CitedValue label={t("profile.fact.drawSize")} value={size()} cite={p().draw} />
      <CitedValue label={t("profile.fact.inspectorRoles")} value={v.joinList(p().inspectorRoles.value.map((r) => props.names.platformRole(r)), props.locale)} cite={p().inspectorRoles} />
      <CitedValue label={t("profile.fact.inspectorsPerVenue")} value={String(p().inspectorsPerVenue.value)} cite={p().inspectorsPerVenue} />
    </>
  );
}

function Inspections(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  return (
    <Topic topic="inspections">
      <Show when={props.p.inspectionCategories.length} fallback={<p class="muted">{t("profile.none")}</p>}>
        <ul class="rules">
          <For each={props.p.inspectionCategories}>
            {(category) => (
              <Rule
                id={category.id}
                title={name(category.name, l())}
                facts={[
                  [t("profile.fact.responsibleRole"), props.names.role(category.responsibleRole)],
                  [t("profile.fact.method"), category.method && v.inspectionMethod(category.method, l())],
                  [t("profile.fact.patrolFrequency"), category.patrolFrequency && <strong>{v.frequency(category.patrolFrequency, l())}</strong>],
                  // A period with its own citation or marked default shows it below; else the category's clause states it.
                  [t("profile.fact.coveragePeriod"), category.coveragePeriod && category.coveragePeriod.sourceRef === undefined ? <strong>{v.frequency(category.coveragePeriod, l())}</strong> : undefined],
                  [t("profile.fact.includes"), category.includes.length ? v.joinList(category.includes.map(props.names.category), l()) : undefined],
                ]}
                rule={category}
              >
                <Show when={category.coveragePeriod?.sourceRef !== undefined && category.coveragePeriod}>
                  {(period) => <CitedValue label={t("profile.fact.coveragePeriod")} value={v.frequency(period(), l())} cite={{ ...period(), sourceRef: period().sourceRef ?? null }} />}
                </Show>
                <Show when={category.checklist.length}>
                  <details class="checklist">
                    <summary>{t("profile.checklist", { count: category.checklist.length })}</summary>
                    <ul class="rules nested">
                      <For each={category.checklist}>
                        {(item) => <Rule id={item.id} title={name(item.name, l())} facts={[[t("profile.fact.hazardCode"), props.names.hazardCode(item.hazardCode)]]} rule={item} />}
                      </For>
                    </ul>
                  </details>
                </Show>
              </Rule>
            )}
          </For>
        </ul>
      </Show>
    </Topic>
  );
}

function Hazards(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  const h = () => props.p.hazards;
  const handler = (by: PolicyProfile["hazards"]["severities"][number]["handledBy"]) =>
    [...new Set([props.names.level(by.level), by.byVenueKind ? byKind(t, props, by.body) : props.names.body(by.body), props.names.role(by.role)].filter(Boolean))].join(" · ");
  return (
    <Topic topic="hazards">
      <ul class="rules">
        <Rule title={t("profile.workflow")} facts={[[t("profile.fact.states"), h().workflow.states.map((s) => v.hazardState(s, l())).join(" → ")]]} rule={h().workflow} />
        <li class="rule">
          <CitedValue label={t("profile.reopenWindow")} value={v.days(h().reopenWindowDays.value, l())} cite={h().reopenWindowDays} />
        </li>
      </ul>
      <Group title={t("profile.group.severities")} items={h().severities}>
        {(severity) => (
          <Rule id={severity.id} title={name(severity.name, l())} facts={[[t("profile.fact.handledBy"), handler(severity.handledBy)]]} rule={severity}>
            <CitedValue label={t("profile.fact.rectificationDays")} value={v.days(severity.rectificationDays.value, l())} cite={severity.rectificationDays} />
          </Rule>
        )}
      </Group>
      <Group title={t("profile.group.hazardCodes")} items={h().codes}>
        {(code) => <Rule id={code.id} title={name(code.name, l())} rule={code} />}
      </Group>
      <Group title={t("profile.group.escalations")} items={h().escalations}>
        {(escalation) => (
          <Rule
            id={escalation.id}
            title={`${props.names.body(escalation.from)} → ${v.escalationAction(escalation.action, l())} → ${escalation.byVenueKind ? byKind(t, props, escalation.to) : props.names.body(escalation.to)}`}
            facts={[[t("profile.fact.when"), v.conditionsText(escalation.when, props.names, l())]]}
            rule={escalation}
          />
        )}
      </Group>
      <Group title={t("profile.group.listedSupervision")} items={h().listedSupervision}>
        {(listed) => (
          <Rule
            id={listed.id}
            title={name(listed.name, l())}
            facts={[
              [t("profile.fact.level"), props.names.level(listed.level)],
              [t("profile.fact.listedBy"), props.names.body(listed.listedBy)],
              [t("profile.fact.via"), props.names.body(listed.via)],
              [t("profile.fact.jointly"), (listed.jointly?.length || listed.jointlyByVenueKind) ? v.joinList([...(listed.jointly ?? []).map(props.names.body), ...(listed.jointlyByVenueKind ? [t("profile.venueKindDepartment")] : [])], l()) : undefined],
            ]}
            rule={listed}
          >
            <ul class="rules nested">
              <For each={listed.triggers}>
                {(trigger) => <Rule id={trigger.id} title={t("profile.trigger")} facts={[[t("profile.fact.when"), v.conditionsText(trigger.when, props.names, l())]]} rule={trigger} />}
              </For>
            </ul>
          </Rule>
        )}
      </Group>
    </Topic>
  );
}

function Obligations(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  return (
    <Topic topic="obligations">
      <Show when={props.p.obligations.length} fallback={<p class="muted">{t("profile.none")}</p>}>
        <ul class="rules">
          <For each={props.p.obligations}>
            {(o) => (
              <Rule
                id={o.id}
                title={name(o.name, l())}
                facts={[
                  [t("profile.fact.kind"), props.names.recordKind(o.kind)],
                  [t("profile.fact.frequency"), v.frequency(o.frequency, l()) + v.rolling(o.periods, l())],
                  [t("profile.fact.levels"), v.joinList(o.levels.map(props.names.level), l())],
                  [t("profile.fact.organiser"), props.names.body(o.organiser)],
                  [t("profile.fact.chair"), props.names.role(o.chair)],
                  [t("profile.fact.covers"), o.covers.length ? v.joinList(o.covers.map(props.names.role), l()) : undefined],
                  [t("profile.fact.events"), o.events && v.joinList(o.events.map((e) => v.obligationEvent(e, l())), l())],
                  [t("profile.fact.targets"), o.targets && v.joinList(o.targets, l())],
                  [t("profile.fact.occasions"), o.occasions && v.joinList(o.occasions.map((x) => `${name(x.name, l())}（${v.occasionDate(x, l())}）`), l())],
                  [t("profile.fact.withAssessment"), o.withAssessment ? t("profile.yes") : undefined],
                ]}
                rule={o}
              />
            )}
          </For>
        </ul>
      </Show>
    </Topic>
  );
}

function Milestones(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  return (
    <Topic topic="milestones">
      <Show when={props.p.milestones.length} fallback={<p class="muted">{t("profile.none")}</p>}>
        <ul class="rules">
          <For each={props.p.milestones}>
            {(m) => (
              <Rule
                id={m.id}
                title={name(m.name, l())}
                facts={[
                  [t("profile.fact.by"), <strong>{m.by}</strong>],
                  [t("profile.fact.level"), props.names.level(m.level)],
                  [t("profile.fact.onlyUnits"), m.units && v.joinList(m.units, l())],
                  [t("profile.fact.exceptUnits"), m.exceptUnits && v.joinList(m.exceptUnits, l())],
                ]}
                rule={m}
              />
            )}
          </For>
        </ul>
      </Show>
    </Topic>
  );
}

function Assessment(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  return (
    <Topic topic="assessment">
      <Group title={t("profile.group.schemes")} items={props.p.assessment.schemes}>
        {(scheme) => (
          <Rule
            id={scheme.id}
            title={name(scheme.name, l())}
            facts={[
              [t("profile.fact.assessor"), props.names.body(scheme.assessor)],
              [t("profile.fact.assessedLevels"), v.joinList(scheme.assessedLevels.map(props.names.level), l())],
              [t("profile.fact.assessedBodies"), scheme.assessedBodies && v.joinList(scheme.assessedBodies.map(props.names.body), l())],
              [t("profile.fact.frequency"), v.frequency(scheme.frequency, l())],
              [t("profile.fact.partOf"), scheme.partOf],
            ]}
            rule={scheme}
          >
            <Show when={scheme.indicators.length}>
              <details class="checklist">
                <summary>{t("profile.indicators", { count: scheme.indicators.length })}</summary>
                <ul class="rules nested">
                  <For each={scheme.indicators}>
                    {(indicator) => <Rule id={indicator.id} title={name(indicator.name, l())} facts={[[t("profile.fact.weight"), indicator.weight]]} rule={indicator} />}
                  </For>
                </ul>
              </details>
            </Show>
          </Rule>
        )}
      </Group>
      <Group title={t("profile.group.incentives")} items={props.p.assessment.incentives}>
        {(incentive) => <Rule id={incentive.id} title={name(incentive.name, l())} facts={[[t("profile.fact.kind"), v.incentiveKind(incentive.kind, l())]]} rule={incentive} />}
      </Group>
    </Topic>
  );
}

function Duties(props: Ctx) {
  const { t } = useI18n();
  const l = () => props.locale;
  return (
    <Topic topic="duties">
      <Group title={t("profile.group.responsibilities")} items={props.p.responsibilities}>
        {(r) => <Rule id={r.id} title={name(r.name, l())} facts={[[t("profile.fact.holder"), props.names.body(r.holder)]]} rule={r} />}
      </Group>
      <Group title={t("profile.group.platforms")} items={props.p.platforms}>
        {(platform) => (
          <Rule
            id={platform.id}
            title={name(platform.name, l())}
            facts={[
              [t("profile.fact.level"), props.names.level(platform.level)],
              [t("profile.fact.functions"), v.joinList(platform.functions.map((f) => props.names.platformFunction(f)), l())],
            ]}
            rule={platform}
          />
        )}
      </Group>
    </Topic>
  );
}

/** Jump links to the topics: on a phone the document is many screens long. */
function TopicIndex() {
  const { t, locale } = useI18n();
  const jump = (topic: string) => document.getElementById(`topic-${topic}`)?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  return (
    <nav class="topic-index" aria-label={t("profile.topics")}>
      <For each={SECTIONS}>
        {(topic) => (
          <button type="button" class="chip" onClick={() => jump(topic)}>
            {v.topicName(topic, locale())}
          </button>
        )}
      </For>
    </nav>
  );
}

/** A published profile, read by topic; every rule with its clause or its assumption. */
export function ProfileDocument(props: { profile: PolicyProfile }) {
  const { locale } = useI18n();
  const names = createMemo(() => v.profileNames(props.profile, locale()));
  return (
    <BorrowedProvider borrowed={props.profile.borrowed}>
    <div class="profile-document">
      <TopicIndex />
      <Terminology p={props.profile} names={names()} locale={locale()} />
      <Organisation p={props.profile} names={names()} locale={locale()} />
      <Brigades p={props.profile} names={names()} locale={locale()} />
      <Venues p={props.profile} names={names()} locale={locale()} />
      <Inspections p={props.profile} names={names()} locale={locale()} />
      <Hazards p={props.profile} names={names()} locale={locale()} />
      <SettingsSection profile={props.profile} />
      <Obligations p={props.profile} names={names()} locale={locale()} />
      <Milestones p={props.profile} names={names()} locale={locale()} />
      <Assessment p={props.profile} names={names()} locale={locale()} />
      <Duties p={props.profile} names={names()} locale={locale()} />
    </div>
    </BorrowedProvider>
  );
}
