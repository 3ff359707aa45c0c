import { createAsync, query } from "@solidjs/router";
import { batch, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { listAudit, type AuditEntry } from "../../api/audit.ts";
import { formValues, TextField } from "../../components/form.tsx";
import { auditActionName, auditActorName, auditDetails, auditTargetName, formatDateTime, toLocalInput } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { userNames } from "../../data/queries.ts";

const auditPage = query((from: string, to: string, cursor?: string) => listAudit({ from, to, cursor, limit: 50 }), "audit");

interface Range {
  from: string;
  to: string;
}

/** From the start of the day a week ago to the end of today, in the browser's time zone. */
function lastWeek(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - 6);
  const end = new Date();
  end.setHours(23, 59, 0, 0);
  return { from: toLocalInput(start), to: toLocalInput(end) };
}

/** A datetime-local value covers its whole minute: the range ends at its last millisecond. */
const toRange = (from: string, to: string): Range => ({ from: new Date(from).toISOString(), to: new Date(new Date(to).getTime() + 59_999).toISOString() });

function LoadError(props: { error: unknown }) {
  const { t } = useI18n();
  const message = () => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <p class="alert alert-error" role="alert">
      {t("error.generic", { message: message() })}
    </p>
  );
}

function Entry(props: { entry: AuditEntry; names: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <li class="audit-entry" data-testid="audit-entry">
      <div class="audit-head">
        <span class="audit-action">{auditActionName(props.entry.action, locale())}</span>
        <time datetime={props.entry.at}>{formatDateTime(props.entry.at, locale())}</time>
      </div>
      <div class="user-meta">
        {t("audit.actor", { name: auditActorName(props.entry, props.names, locale()) })} · {t("audit.target", { name: auditTargetName(props.entry, props.names) })}
      </div>
      <Show when={auditDetails(props.entry, locale())}>{(details) => <div class="user-meta">{details()}</div>}</Show>
      <div class="muted small">{t("audit.requestId")} {props.entry.requestId}</div>
    </li>
  );
}

function AuditChunk(props: { range: Range; cursor: string | undefined; last: boolean; names: ReadonlyMap<string, string>; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => auditPage(props.range.from, props.range.to, props.cursor));
  return (
    <Suspense fallback={<li role="status">{t("form.loading")}</li>}>
      <Show when={page() && page()!.items.length === 0 && props.cursor === undefined}>
        <li class="muted">{t("audit.empty")}</li>
      </Show>
      <For each={page()?.items}>{(entry) => <Entry entry={entry} names={props.names} />}</For>
      <Show when={props.last && page()?.cursor}>
        {(cursor) => (
          <li class="list-more">
            <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>
              {t("audit.loadMore")}
            </button>
          </li>
        )}
      </Show>
    </Suspense>
  );
}

export default function AuditPage() {
  const { t } = useI18n();
  const initial = lastWeek();
  const [range, setRange] = createSignal(toRange(initial.from, initial.to));
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const names = createAsync(() => userNames(), { initialValue: new Map() });
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const { from, to } = formValues(e.currentTarget as HTMLFormElement);
    if (!from || !to) return;
    // Together: a later page's cursor belongs to the old range.
    batch(() => {
      setRange(toRange(from, to));
      setCursors([undefined]);
    });
  };
  return (
    <section class="card">
      <h1>{t("audit.title")}</h1>
      <form class="form range-form" onSubmit={onSubmit}>
        <TextField label={t("audit.from")} name="from" type="datetime-local" value={initial.from} required />
        <TextField label={t("audit.to")} name="to" type="datetime-local" value={initial.to} required />
        <button type="submit" class="button">{t("audit.search")}</button>
      </form>
      <ErrorBoundary fallback={(error) => <LoadError error={error} />}>
        <ul class="audit-list">
          <For each={cursors()}>
            {(cursor, i) => <AuditChunk range={range()} cursor={cursor} last={i() === cursors().length - 1} names={names()} onMore={(next) => setCursors([...cursors(), next])} />}
          </For>
        </ul>
      </ErrorBoundary>
    </section>
  );
}
