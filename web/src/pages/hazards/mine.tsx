import { createAsync } from "@solidjs/router";
import { ErrorBoundary } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { LoadError } from "../../components/load-error.tsx";
import { HazardListView } from "./list.tsx";
import { profileInEffect } from "../../data/queries.ts";

/** Field staff and responsible parties: the open hazards I reported or am assigned. */
export default function MyHazards() {
  const { t } = useI18n();
  const profile = createAsync(() => profileInEffect());
  return (
    <section class="card">
      <h1>{t("hzBoard.mine")}</h1>
      <p class="hint">{t("hzBoard.mineIntro")}</p>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <HazardListView params={{ list: "search", mine: "1" }} profile={profile()} label={t("hzBoard.mine")} />
      </ErrorBoundary>
    </section>
  );
}
