import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { useI18n } from "../../i18n/index.tsx";
import { myAreaFigures } from "./data.ts";
import { Figure } from "./figure.tsx";

/** Officers (and whoever reads the area): hazards waiting at each step of the loop, overdue and listed, each opening the board filtered. */
export function OfficerHome() {
  const { t } = useI18n();
  const area = createAsync(() => myAreaFigures());
  const inState = (state: string) => () => area()?.open.byState[state] ?? (area() ? 0 : undefined);
  const role = () => signedInUser()!.role;
  return (
    <>
      <h2>{t("work.waiting")}</h2>
      <div class="figures">
        <Figure href="/hazards?state=discovered" label={t("work.toRegister")} value={inState("discovered")} testId="home-to-register" />
        <Figure href="/hazards?state=registered" label={t("work.toDispatch")} value={inState("registered")} testId="home-to-dispatch" />
        <Figure href="/hazards?state=verifying" label={t("work.toVerify")} value={inState("verifying")} testId="home-to-verify" />
        <Figure href="/hazards?overdue=1" label={t("work.overdueHazards")} value={() => area()?.overdue.total} alert testId="home-overdue-hazards" />
        <Figure href="/hazards?listed=1" label={t("work.listed")} value={() => area()?.listed.total} testId="home-listed" />
        <Figure href="/hazards" label={t("work.openHazards")} value={() => area()?.open.total} testId="home-open-hazards" />
      </div>
      <nav class="home-links" aria-label={t("work.more")}>
        {/* The board itself is in the menu; the figures above open it filtered. */}
        <A href="/dashboard">{t("work.dashboard")}</A>
        <Show when={role() === "department_liaison"}>
          <A href="/hazards/department">{t("work.department")}</A>
        </Show>
        <Show when={can(role(), "hazard.report")}>
          <A href="/hazards/new">{t("work.report")}</A>
        </Show>
      </nav>
    </>
  );
}
