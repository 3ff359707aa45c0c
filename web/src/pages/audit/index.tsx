import { createAsync, query } from "@solidjs/router";
import { batch, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { exportAudit, listAudit, type AuditEntry, type AuditFilter } from "../../api/audit.ts";
import { FormError, formValues, SelectField, TextField } from "../../components/form.tsx";
import { formatDateTime, toLocalInput } from "../../display.ts";
import { auditActionChoices, auditActionName, auditActorName, auditDetails, auditTargetChoices, auditTargetKindName, auditTargetName } from "./labels.ts";
import { saveFile } from "../profile/data.ts";
import { useI18n } from "../../i18n/index.tsx";
import { profileInEffect, userNames } from "../../data/queries.ts";

const auditPage = query((filter: AuditFilter, cursor?: string) => listAudit({ ...filter, cursor, limit: 50 }), "audit");

type Range = AuditFilter;

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
const toRange = (from: string, to: string, v: Record<string, string> = {}): Range => ({
  from: new Date(from).toISOString(),
  to: new Date(new Date(to).getTime() + 59_999).toISOString(),
  actorId: v.actorId || undefined,
  action: v.action || undefined,
  targetType: v.targetType || undefined,
  targetId: v.targetId || undefined,
});

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
  const profile = createAsync(() => profileInEffect().catch(() => undefined));
  return (
    <li class="audit-entry" data-testid="audit-entry">
      <div class="audit-head">
        <span class="audit-action">{auditActionName(props.entry.action, locale())}</span>
        <time datetime={props.entry.at}>{formatDateTime(props.entry.at, locale())}</time>
      </div>
      <div class="user-meta">
        {t("audit.actor", { name: auditActorName(props.entry, props.names, locale()) })} · {t("audit.target", { name: auditTargetName(props.entry, props.names, locale()) })}
      </div>
      <Show when={auditDetails(props.entry, locale(), profile())}>{(details) => <div class="user-meta">{details()}</div>}</Show>
      <div class="muted small">{t("audit.requestId")} {props.entry.requestId}</div>
    </li>
  );
}

function AuditChunk(props: { range: Range; cursor: string | undefined; last: boolean; names: ReadonlyMap<string, string>; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => auditPage(props.range, props.cursor));
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
  const { t, locale } = useI18n();
  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<unknown>();
  const download = () => {
    setExporting(true);
    setExportError(undefined);
    exportAudit(range())
      .then(saveFile, setExportError)
      .finally(() => setExporting(false));
  };
  const initial = lastWeek();
  const [range, setRange] = createSignal(toRange(initial.from, initial.to));
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const names = createAsync(() => userNames(), { initialValue: new Map() });
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    const { from, to } = v;
    if (!from || !to) return;
    // Together: a later page's cursor belongs to the old range.
    batch(() => {
      setRange(toRange(from, to, v));
      setCursors([undefined]);
    });
  };
  return (
    <section class="card">
      <h1>{t("audit.title")}</h1>
      <form class="form range-form" onSubmit={onSubmit}>
        <TextField label={t("audit.from")} name="from" type="datetime-local" value={initial.from} required />
        <TextField label={t("audit.to")} name="to" type="datetime-local" value={initial.to} required />
        <SelectField label={t("audit.person")} name="actorId" optional>
          <option value="">{t("audit.anyone")}</option>
          <For each={[...names().entries()]}>{([id, name]) => <option value={id}>{name}</option>}</For>
        </SelectField>
        <SelectField label={t("audit.action")} name="action" optional>
          <option value="">{t("audit.anyAction")}</option>
          <For each={auditActionChoices()}>{(a) => <option value={a}>{auditActionName(a, locale())}</option>}</For>
        </SelectField>
        <SelectField label={t("audit.objectType")} name="targetType" optional>
          <option value="">{t("audit.anyObject")}</option>
          <For each={auditTargetChoices()}>{(k) => <option value={k}>{auditTargetKindName(k, locale())}</option>}</For>
        </SelectField>
        <TextField label={t("audit.objectId")} name="targetId" optional />
        <div class="actions">
          <button type="submit" class="button">{t("audit.search")}</button>
          <button type="button" class="button button-secondary" onClick={download} disabled={exporting()}>{exporting() ? t("audit.exporting") : t("audit.export")}</button>
        </div>
      </form>
      <FormError error={exportError()} paths={[]} />
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
