import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { PolicyProfile } from "@firegov/core/contract";
import { Loading } from "../../components/load-error.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { levelName, pick } from "../../organisation/labels.ts";
import { IncentiveRegister } from "./register.tsx";
import { frequency } from "../profile/vocabulary.ts";
import { CommandTabs } from "../../components/command-tabs.tsx";

type Scheme = PolicyProfile["assessment"]["schemes"][number];

/** The levels a scheme assesses: its own and those of the bodies it names. */
const assessed = (profile: PolicyProfile, scheme: Scheme) => [...new Set([...scheme.assessedLevels, ...(scheme.assessedBodies ?? []).flatMap((b) => profile.bodies.filter((x) => x.id === b).map((x) => x.level))])];

/** The profile's schemes, each opening its scorecards (a scheme that names nobody assessed is data only), and the register. */
export default function AssessmentPage() {
  const { t, locale } = useI18n();
  const profile = createAsync(() => profileInEffect());
  return (
    <section class="card">
      <CommandTabs />
      <Loading>
        <h1>{t("assessment.title")}</h1>
        <p class="lead">{t("assessment.intro")}</p>
        <Show when={profile()}>
          {(p) => (
            <>
              <h2>{t("assessment.schemes")}</h2>
              <ul class="user-list">
                <For each={p().assessment.schemes}>
                  {(scheme) => {
                    const levels = assessed(p(), scheme);
                    return (
                      <li class="scheme-row" data-testid="scheme">
                        <strong>{pick(scheme.name, locale())}</strong>
                        <div class="user-meta">
                          {scheme.sourceRef ? t("assessment.clause", { ref: scheme.sourceRef }) : t("assessment.assumed")} · {t("assessment.frequency", { frequency: frequency(scheme.frequency ?? { every: 1, unit: "year" }, locale()) })}
                        </div>
                        <Show when={levels.length} fallback={<p class="muted">{t("assessment.dataOnly", { reason: t("assessment.noAssessed") })}</p>}>
                          <div class="user-meta">{t("assessment.assessedLevels", { levels: levels.map((l) => levelName(p(), l, locale())).join("、") })}</div>
                          <A class="button button-secondary" href={`/assessment/${scheme.id}`}>{t("assessment.open")}</A>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
              <IncentiveRegister profile={p()} />
            </>
          )}
        </Show>
      </Loading>
    </section>
  );
}
