import { A, createAsync } from "@solidjs/router";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { useI18n } from "../../i18n/index.tsx";
import { openTasks } from "../inspections/data.ts";
import { isOverdue } from "../inspections/labels.ts";
import { myAreaFigures, myOpenHazards } from "./data.ts";
import { Figure } from "./figure.tsx";

/** Field roles: today's inspections, the hazards on me, what is overdue; the ways to act on them. */
export function FieldHome() {
  const { t } = useI18n();
  const opened = Date.now();
  const inspects = () => can(signedInUser()!.role, "inspection.perform");
  const tasks = createAsync(() => (inspects() ? openTasks(opened) : Promise.resolve([])));
  const mine = createAsync(() => myOpenHazards());
  const area = createAsync(() => myAreaFigures());
  const count = (n: { count: number; more: boolean } | undefined) => (n ? (n.more ? `${n.count}+` : n.count) : undefined);
  return (
    <>
      <h2>{t("work.todayTasks")}</h2>
      <div class="figures">
        <Figure href="/today" label={t("work.tasksDue")} value={() => tasks()?.length} testId="home-tasks" />
        <Figure href="/today" label={t("work.tasksOverdue")} value={() => tasks()?.filter((task) => isOverdue(task, opened)).length} alert testId="home-tasks-overdue" />
      </div>
      <h2>{t("work.myHazards")}</h2>
      <div class="figures">
        <Figure href="/hazards/mine" label={t("work.myOpen")} value={() => count(mine())} testId="home-my-hazards" />
        <Figure href="/hazards?overdue=1" label={t("work.overdueHazards")} value={() => area()?.overdue.total} alert testId="home-overdue-hazards" />
      </div>
      <nav class="home-links" aria-label={t("work.more")}>
        <A href="/hazards/mine">{t("work.myHazards")}</A>
        <A href="/hazards" end>{t("work.board")}</A>
        <A href="/hazards/new">{t("work.report")}</A>
      </nav>
    </>
  );
}
