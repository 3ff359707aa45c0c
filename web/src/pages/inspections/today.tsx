import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { InspectionTask, PolicyProfile } from "@firegov/core/contract";
import { Loading } from "../../components/load-error.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { openTasks } from "./data.ts";
import { categoryName, formatDue, isOverdue, taskFor, taskName } from "./labels.ts";
import { profileInEffect } from "../../data/queries.ts";

/** Where a task opens: the checklist of its venue, with the task it settles. */
export const inspectHref = (task: InspectionTask) => `/inspect/${encodeURIComponent(task.venueId ?? task.subjectId)}?task=${encodeURIComponent(task.taskId)}`;

/** Who the task is for: the named patroller, or the role that does it (only they may finish it). */
function ForWhom(props: { task: InspectionTask; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  return <span class="task-card-for">{t(props.task.assigneeId ? "today.assignedTo" : "today.forRole", { who: taskFor(props.profile, props.task, locale()) })}</span>;
}

function TaskCard(props: { task: InspectionTask; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const overdue = () => isOverdue(props.task);
  const what = () => (props.task.kind === "plan" ? t("today.plan") : taskName(props.profile, props.task, locale()));
  return (
    <li class="task-card" classList={{ "task-card-overdue": overdue() }} data-testid="task">
      <Show
        when={props.task.venueId}
        fallback={
          <div class="task-card-link">
            <strong>{t("today.patrol")}</strong>
            <span class="hint">{categoryName(props.profile, props.task.category, locale())}</span>
            <ForWhom task={props.task} profile={props.profile} />
          </div>
        }
      >
        <A href={inspectHref(props.task)} class="task-card-link">
          <div class="task-card-head">
            <strong>{props.task.venueName ?? props.task.venueId}</strong>
            <Show when={overdue()}>
              <span class="badge badge-danger">{t("today.overdue")}</span>
            </Show>
          </div>
          <div class="task-card-meta">
            <span>{what()}</span>
            <span>{t("today.due", { date: formatDue(props.task.dueAt, locale()) })}</span>
            <ForWhom task={props.task} profile={props.profile} />
          </div>
          <span class="task-card-go" aria-hidden="true">{t("today.open")} ›</span>
        </A>
      </Show>
    </li>
  );
}

/** 今日任务: field staff open their due inspections from here, soonest first. */
export default function TodayPage() {
  const { t } = useI18n();
  const opened = Date.now();
  const profile = createAsync(() => profileInEffect());
  const tasks = createAsync(() => openTasks(opened));
  return (
    <section class="card">
      <h1>{t("today.title")}</h1>
      <p class="hint">{t("today.intro")}</p>
      <Loading>
        <ul class="task-list" aria-label={t("today.title")}>
          <For each={tasks()} fallback={<li class="hz-empty">{t("today.empty")}</li>}>
            {(task) => <TaskCard task={task} profile={profile()} />}
          </For>
        </ul>
      </Loading>
      <p class="hint">
        <A href="/venues">{t("today.adHoc")}</A>
      </p>
    </section>
  );
}
