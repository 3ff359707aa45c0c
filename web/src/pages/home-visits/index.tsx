import { createAsync } from "@solidjs/router";
import { createResource, createSignal, For, Index, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { HomeVisitPolicy, Household, JurisdictionNode, RegisterHouseholdInput } from "@firegov/core/contract";
import { dueVisits, exportHouseholds, homeVisitPolicy, listHouseholds, recordVisit, registerHousehold, revealIdNumber } from "../../api/home-visits.ts";
import { ApiError } from "../../api/http.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, Notice, revealProblem, SelectField, SubmitButton, submissionKey, TextField } from "../../components/form.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { activeNodes, profileInEffect } from "../../data/queries.ts";
import { nodeOptionLabel } from "../../display.ts";
import { levelNamesFrom } from "../../levels.ts";
import { useI18n } from "../../i18n/index.tsx";

type Name = { zh: string; en: string };
const REGISTER_PATHS = ["body.nodeId", "body.category", "body.address", "body.contactName", "body.phone", "body.idNumber", "body.consent.by", "body.consent.on", "body.consent.how"] as const;
const BY = ["self", "guardian", "family", "village_committee"] as const;
const HOW = ["written", "oral", "electronic"] as const;

function save(file: { filename: string; blob: Blob }) {
  const url = URL.createObjectURL(file.blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: file.filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The status of a household's next visit, as a badge. */
function DueBadge(props: { household: Household }) {
  const { t } = useI18n();
  const tone = () => ({ overdue: "badge-danger", due_soon: "badge-warn", not_due: "badge-ok" })[props.household.dueStatus];
  return <span class={`badge ${tone()}`}>{t(`homeVisits.status.${props.household.dueStatus}`)}</span>;
}

/** The phone-friendly visit form: each checklist item OK or not OK, a note for those not OK. */
function VisitForm(props: { household: Household; policy: HomeVisitPolicy; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const name = (n: Name) => (locale() === "en" ? n.en : n.zh);
  const key = submissionKey();
  const [answers, setAnswers] = createStore(props.policy.checklist.map((c) => ({ itemId: c.id, result: undefined as "pass" | "fail" | undefined, note: "" })));
  const [note, setNote] = createSignal("");
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const unanswered = () => answers.filter((a) => a.result === undefined).length;
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (unanswered()) return;
    const form = e.currentTarget as HTMLFormElement;
    setPending(true);
    setError(undefined);
    try {
      const items = answers.map((a) => ({ itemId: a.itemId, result: a.result!, ...(a.result === "fail" && a.note.trim() ? { note: a.note.trim() } : {}) }));
      const done = await recordVisit(props.household.householdId, { items, ...(note().trim() ? { note: note().trim() } : {}), expectedVersion: props.household.version }, key.current());
      key.renew();
      props.onDone(t("homeVisits.visited", { failed: done.visit.failed, hazards: done.visit.hazardIds.length }) as string);
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };
  return (
    <form class="card self-check-form" onSubmit={onSubmit} aria-label={t("homeVisits.visitTitle", { address: props.household.address }) as string}>
      <h3>{t("homeVisits.visitTitle", { address: props.household.address })}</h3>
      <FormError error={error()} paths={[]} />
      <ol class="check-items">
        <Index each={props.policy.checklist}>
          {(item, i) => (
            <li class="check-item" classList={{ "check-item-fail": answers[i]!.result === "fail" }} data-testid="home-visit-item">
              <fieldset>
                <legend>{name(item().name)}</legend>
                <div class="outcomes">
                  <For each={["pass", "fail"] as const}>
                    {(result) => (
                      <button type="button" class={`outcome outcome-${result}`} aria-pressed={answers[i]!.result === result} onClick={() => (key.renew(), setAnswers(i, { result }))}>
                        {t(`homeVisits.${result}`)}
                      </button>
                    )}
                  </For>
                </div>
                <Show when={answers[i]!.result === "fail"}>
                  <div class="field">
                    <label for={`home-visit-note-${i}`}>{t("homeVisits.itemNote")}</label>
                    <textarea id={`home-visit-note-${i}`} rows={2} value={answers[i]!.note} onInput={(e) => setAnswers(i, { note: e.currentTarget.value })} />
                  </div>
                </Show>
              </fieldset>
            </li>
          )}
        </Index>
      </ol>
      <div class="field">
        <label for="home-visit-note">{t("homeVisits.visitNote")}<span class="optional">（{t("form.optional")}）</span></label>
        <textarea id="home-visit-note" rows={2} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <Show when={unanswered()}>
        <p class="hint" role="status">{t("homeVisits.unanswered", { count: unanswered() })}</p>
      </Show>
      <SubmitButton pending={pending()}>{t("homeVisits.saveVisit")}</SubmitButton>
      <button type="button" class="button button-secondary button-block" onClick={() => props.onCancel()}>{t("homeVisits.cancel")}</button>
    </form>
  );
}

/** The visit button of a household, opening its visit form in place. */
function Visit(props: { household: Household; policy: HomeVisitPolicy | undefined; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const me = signedInUser();
  const [open, setOpen] = createSignal(false);
  return (
    <Show when={me && can(me.role, "home_visit.perform") && props.policy}>
      <Show when={open()} fallback={<button type="button" class="button" aria-label={`${t("homeVisits.visit")}：${props.household.address}`} onClick={() => setOpen(true)}>{t("homeVisits.visit")}</button>}>
        <VisitForm
          household={props.household}
          policy={props.policy!}
          onCancel={() => setOpen(false)}
          onDone={(m) => {
            setOpen(false);
            props.onDone(m);
          }}
        />
      </Show>
    </Show>
  );
}

/** Registering a household: consent first; without it only the category and address (and what the profile keeps). */
function RegisterForm(props: { policy: HomeVisitPolicy; nodes: JurisdictionNode[]; onDone: (h: Household) => void }) {
  const { t, locale } = useI18n();
  const name = (n: Name) => (locale() === "en" ? n.en : n.zh);
  const key = submissionKey();
  // Households are registered at the village-like level and below (whatever the county calls them).
  // Without the profile (offline, say) every node at hand is offered; the server judges the level.
  const profile = createAsync(() => profileInEffect().catch(() => undefined));
  const lowest = () => {
    const levels = profile()?.levels ?? [];
    const village = levels.findIndex((l) => (l.kernel ?? l.id) === "village");
    return new Set(levels.slice(village < 0 ? -2 : village).map((l) => l.id));
  };
  const places = () => (profile() ? props.nodes.filter((n) => lowest().has(n.level)) : props.nodes);
  const [consent, setConsent] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const err = (path: string) => fieldError(error(), path);
  const keeps = (field: string) => consent() || props.policy.withoutConsent.includes(field);
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = Object.fromEntries([...new FormData(form)].map(([k, x]) => [k, String(x).trim()]));
    const input: RegisterHouseholdInput = {
      nodeId: v.nodeId ?? "",
      category: v.category ?? "",
      address: v.address ?? "",
      ...(v.contactName ? { contactName: v.contactName } : {}),
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.idNumber ? { idNumber: v.idNumber } : {}),
      consent: consent() ? { given: true, ...(v.by ? { by: v.by as never } : {}), ...(v.on ? { on: v.on } : {}), ...(v.how ? { how: v.how as never } : {}) } : { given: false },
    };
    setPending(true);
    setError(undefined);
    try {
      const made = await registerHousehold(input, key.current());
      key.renew();
      form.reset();
      setConsent(false);
      props.onDone(made);
    } catch (failure) {
      setError(failure);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };
  return (
    <form class="card" onSubmit={onSubmit} onInput={() => key.renew()} aria-labelledby="home-visit-add">
      <h2 id="home-visit-add">{t("homeVisits.addTitle")}</h2>
      <FormError error={error()} paths={REGISTER_PATHS} />
      <SelectField label={t("homeVisits.node", { levels: levelNamesFrom(profile(), "village", locale(), locale() === "en" ? "Node" : "节点") }) as string} name="nodeId" required error={err("body.nodeId")}>
        <For each={places()}>{(n) => <option value={n.nodeId}>{nodeOptionLabel(n, places()[0])}</option>}</For>
      </SelectField>
      <SelectField label={t("homeVisits.category") as string} name="category" required error={err("body.category")}>
        <For each={props.policy.categories}>{(c) => <option value={c.id}>{name(c.name)}</option>}</For>
      </SelectField>
      <TextField label={t("homeVisits.address") as string} name="address" required maxLength={200} error={err("body.address")} />
      <label class="radio">
        <input type="checkbox" name="consentGiven" checked={consent()} onChange={(e) => setConsent(e.currentTarget.checked)} />
        {t("homeVisits.consentGiven")}
      </label>
      <Show when={consent()} fallback={<p class="hint">{t("homeVisits.consentNone")}</p>}>
        <SelectField label={t("homeVisits.consentBy") as string} name="by" required error={err("body.consent.by")}>
          <For each={BY}>{(b) => <option value={b}>{t(`homeVisits.by.${b}`)}</option>}</For>
        </SelectField>
        <TextField label={t("homeVisits.consentOn") as string} name="on" type="date" required error={err("body.consent.on")} />
        <SelectField label={t("homeVisits.consentHow") as string} name="how" required error={err("body.consent.how")}>
          <For each={HOW}>{(h) => <option value={h}>{t(`homeVisits.how.${h}`)}</option>}</For>
        </SelectField>
      </Show>
      <Show when={keeps("contactName")}>
        <TextField label={t("homeVisits.contactName") as string} name="contactName" optional maxLength={40} error={err("body.contactName")} />
      </Show>
      <Show when={keeps("phone")}>
        <TextField label={t("homeVisits.phone") as string} name="phone" type="tel" optional error={err("body.phone")} />
      </Show>
      <Show when={keeps("idNumber")}>
        <TextField label={t("homeVisits.idNumber") as string} name="idNumber" optional autocomplete="off" maxLength={18} hint={t("homeVisits.idNumberHint") as string} error={err("body.idNumber")} />
      </Show>
      <SubmitButton pending={pending()}>{t("homeVisits.add")}</SubmitButton>
    </form>
  );
}

/** One household of the register: masked ID, with the audited reveal for those the profile allows. */
function RegisterRow(props: { household: Household; mayReveal: boolean; policy: HomeVisitPolicy | undefined; onVisited: (message: string) => void }) {
  const { t, locale } = useI18n();
  const h = () => props.household;
  const [full, setFull] = createSignal<string | null>();
  const [problem, setProblem] = createSignal<string>();
  const reveal = async () => {
    try {
      setFull((await revealIdNumber(h().householdId)).idNumber);
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <li data-testid="household">
      <strong>{h().address}</strong> <span class="badge badge-level">{locale() === "en" ? h().categoryName.en : h().categoryName.zh}</span> <DueBadge household={h()} />
      <br />
      <Show when={h().contactName}>{(n) => <span>{t("homeVisits.contactName")}：{n()} </span>}</Show>
      <Show when={h().idNumber}>
        {(id) => (
          <span>
            {t("homeVisits.idNumber")}：<span data-testid="id-number">{full() ?? id()}</span>{" "}
            <Show when={props.mayReveal && full() === undefined}>
              <button type="button" class="button button-secondary" title={t("homeVisits.revealHint") as string} onClick={() => void reveal()}>{t("homeVisits.reveal")}</button>
            </Show>
          </span>
        )}
      </Show>
      <Show when={problem()}>{(m) => <p class="field-error">{m()}</p>}</Show>
      <p class="hint">
        {h().lastVisitOn ? `${t("homeVisits.lastVisit")}：${h().lastVisitOn}` : t("homeVisits.never")} · {t("homeVisits.dueOn", { date: h().dueOn })}
      </p>
      <Visit household={h()} policy={props.policy} onDone={props.onVisited} />
    </li>
  );
}

/**
 * 入户走访: the visits due in my subtree (most overdue first) with a phone-friendly
 * visit form, the register of vulnerable households (ID numbers masked), a form
 * to register one, and the register's export.
 */
export default function HomeVisitsPage() {
  const { t, locale } = useI18n();
  const me = signedInUser();
  const mayManage = () => (me ? can(me.role, "home_visit.manage") : false);
  const [policy] = createResource(() => homeVisitPolicy());
  const nodes = createAsync(() => (mayManage() ? activeNodes() : Promise.resolve([] as JurisdictionNode[])));
  const [due, { refetch: refetchDue }] = createResource(() => dueVisits());
  const [rows, setRows] = createSignal<Household[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [request, setRequest] = createSignal<{ cursor?: string; n: number }>({ n: 0 });
  const [page] = createResource(request, async (r) => {
    const answer = await listHouseholds({ ...(r.cursor ? { cursor: r.cursor } : {}), limit: 50 });
    setRows((before) => (r.cursor ? [...before, ...answer.items] : answer.items));
    setCursor(answer.cursor);
    return answer;
  });
  const [message, setMessage] = createSignal<string>();
  const [exporting, setExporting] = createSignal(false);
  const reload = () => {
    setRequest((r) => ({ n: r.n + 1 }));
    void refetchDue();
  };
  const visited = (m: string) => {
    setMessage(m);
    reload();
  };
  const mayReveal = () => Boolean(me && policy()?.piiReaders.includes(me.role));
  const frequency = (f: { every: number; unit: string }) => t("homeVisits.frequency", { every: f.every, unit: t(`homeVisits.unit.${f.unit as "month"}`) as string });
  const download = async () => {
    setExporting(true);
    try {
      save(await exportHouseholds());
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <SectionTabs section="registers" />
      <section class="card">
        <h1>{t("homeVisits.title")}</h1>
        <p class="hint">{t("homeVisits.intro")}</p>
        <Show when={policy()}>
          {(p) => (
            <>
              <Show when={!p().fromProfile}><Notice tone="warning">{t("homeVisits.defaults")}</Notice></Show>
              <ul class="plain-list">
                <For each={p().categories}>{(c) => <li>{locale() === "en" ? c.name.en : c.name.zh}：{frequency(c.frequency)}</li>}</For>
              </ul>
            </>
          )}
        </Show>
        <Show when={message()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
      </section>

      <section class="card" aria-labelledby="home-visits-due">
        <h2 id="home-visits-due">{t("homeVisits.dueTitle")}</h2>
        <ul class="plain-list history-list" data-testid="due-visits">
          <For each={due()?.items ?? []} fallback={<li class="hint">{due.loading ? t("form.loading") : t("homeVisits.dueEmpty")}</li>}>
            {(h) => (
              <li>
                <strong>{h.address}</strong> <DueBadge household={h} /> <span class="hint">{t("homeVisits.dueOn", { date: h.dueOn })}</span>{" "}
                <Visit household={h} policy={policy()} onDone={visited} />
              </li>
            )}
          </For>
        </ul>
      </section>

      <section class="card" aria-labelledby="home-visits-register">
        <h2 id="home-visits-register">{t("homeVisits.registerTitle")}</h2>
        <button type="button" class="button button-secondary" disabled={exporting()} onClick={() => void download()}>{exporting() ? t("homeVisits.exporting") : t("homeVisits.export")}</button>
        <ul class="plain-list history-list" data-testid="household-register">
          <For each={rows()} fallback={<li class="hint">{page.loading ? t("form.loading") : t("homeVisits.registerEmpty")}</li>}>
            {(h) => <RegisterRow household={h} mayReveal={mayReveal()} policy={policy()} onVisited={visited} />}
          </For>
        </ul>
        <Show when={cursor()}>
          {(next) => <button type="button" class="button button-secondary" disabled={page.loading} onClick={() => setRequest((r) => ({ n: r.n, cursor: next() }))}>{t("homeVisits.more")}</button>}
        </Show>
      </section>

      <Show when={mayManage() && policy() && nodes()}>
        <RegisterForm
          policy={policy()!}
          nodes={nodes()!}
          onDone={(h) => {
            setMessage(t("homeVisits.added", { address: h.address }) as string);
            reload();
          }}
        />
      </Show>
    </>
  );
}
