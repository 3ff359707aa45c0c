import { createAsync } from "@solidjs/router";
import { ErrorBoundary } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { LoadError } from "../../components/load-error.tsx";
import { HazardListView } from "./list.tsx";
import { profileInEffect } from "../../data/queries.ts";

/** Open hazards under listed supervision (挂牌督办) at any level. */
export default function ListedHazards() {
  const { t } = useI18n();
  const profile = createAsync(() => profileInEffect());
  return (
    <section class="card">
      <h1>{t("hazards.listedTitle")}</h1>
      <p class="hint">{t("hazards.listedIntro")}</p>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <HazardListView params={{ list: "listed" }} profile={profile()} label={t("hazards.listedTitle")} />
      </ErrorBoundary>
    </section>
  );
}
