import { A, createAsync, useParams, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { nodeById, nodeFindings } from "../../organisation/data.ts";
import { formatDate, levelName, STATUS_ORDER, statusName, todayLocal } from "../../organisation/labels.ts";
import { Loading } from "../../components/load-error.tsx";
import { FindingGroups } from "./findings.tsx";
import { profileInEffect } from "../../data/queries.ts";

/** The end of a chosen day in the browser's calendar: "as at that day". */
const endOfDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

/** A node's findings under the profile in effect: unmet and overdue first, each with its clause and evidence. */
export default function NodeCompliancePage() {
  const { t, locale } = useI18n();
  const params = useParams<{ nodeId: string }>();
  const [search, setSearch] = useSearchParams<{ on?: string }>();
  const on = () => (search.on && /^\d{4}-\d{2}-\d{2}$/.test(search.on) ? search.on : undefined);
  const node = createAsync(() => nodeById(params.nodeId));
  const profile = createAsync(() => profileInEffect());
  const result = createAsync(() => nodeFindings(params.nodeId, on() ? endOfDay(on()!) : undefined));
  return (
    <section class="card">
      <Loading>
        <div class="page-head">
          <div>
            <h1>{t("compliance.nodeTitle", { name: node()?.name ?? "" })}</h1>
            <Show when={node() && profile()}>
              <span class="badge badge-level">{levelName(profile()!, node()!.level, locale())}</span>
            </Show>
          </div>
          <div class="actions">
            <A class="button button-secondary" href={`/nodes/${params.nodeId}`}>{t("compliance.organisation")}</A>
            <A class="button button-secondary" href="/compliance">{t("compliance.rollupLink")}</A>
          </div>
        </div>
        <Show when={result()}>
          {(r) => (
            <>
              <p class="lead">{t("compliance.basis", { version: r().profileVersion, date: formatDate(r().today, locale()) })}</p>
              <ul class="status-counts" aria-label={t("compliance.summary")}>
                <For each={STATUS_ORDER.filter((s) => r().counts[s] > 0)}>
                  {(s) => (
                    <li class={`status-count status-${s}`}>
                      <strong>{r().counts[s]}</strong> {statusName(s, locale())}
                    </li>
                  )}
                </For>
              </ul>
              <form class="range-form form" onSubmit={(e) => { e.preventDefault(); const v = new FormData(e.currentTarget).get("on"); setSearch({ on: typeof v === "string" && v ? v : undefined }); }}>
                <div class="field">
                  <label for="compliance-on">{t("compliance.asOf")}</label>
                  <input id="compliance-on" name="on" type="date" value={on() ?? todayLocal()} />
                </div>
                <button type="submit" class="button button-secondary">{t("compliance.show")}</button>
              </form>
              <Show when={r().findings.length} fallback={<p class="muted">{t("compliance.none")}</p>}>
                <FindingGroups findings={r().findings} />
              </Show>
            </>
          )}
        </Show>
      </Loading>
    </section>
  );
}
