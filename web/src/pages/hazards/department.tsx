import { createAsync, useSearchParams } from "@solidjs/router";
import { ErrorBoundary, For, Show } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { LoadError } from "../../components/load-error.tsx";
import { HazardListView } from "./list.tsx";
import { profileInEffect } from "../../data/queries.ts";

/**
 * A department's inbox: hazards reported to its body and not yet acknowledged.
 * Acknowledging, handling or returning one is done on the hazard's page, where
 * the API answers which of them the user may take.
 */
export default function DepartmentInbox() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams<{ body?: string }>();
  const profile = createAsync(() => profileInEffect());
  return (
    <section class="card">
      <h1>{t("hazards.deptTitle")}</h1>
      <p class="hint">{t("hazards.deptIntro")}</p>
      <label class="hz-inline-field">
        {t("hazards.deptBody")}
        <select value={search.body ?? ""} onChange={(e) => setSearch({ body: e.currentTarget.value || undefined })}>
          <option value="">{t("hazards.choose")}</option>
          <For each={profile()?.bodies ?? []}>{(b) => <option value={b.id}>{locale() === "en" ? b.name.en : b.name.zh}</option>}</For>
        </select>
      </label>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Show when={search.body} keyed>
          {(bodyId) => <HazardListView params={{ list: "awaiting-ack", bodyId }} profile={profile()} label={t("hazards.deptTitle")} />}
        </Show>
      </ErrorBoundary>
    </section>
  );
}
