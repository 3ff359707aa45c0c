import { createAsync } from "@solidjs/router";
import { createResource, createSignal, For, Show, Suspense } from "solid-js";
import { recordReceipts } from "../../api/organisation.ts";
import type { ObligationRecord, OrganisationView, PolicyProfile, RecordKind, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { Notice } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { allRecords, recordsPage } from "../../organisation/data.ts";
import { formatDate, obligationName, recordKindName, recordKindsOf } from "../../organisation/labels.ts";
import { SectionHead } from "../../organisation/ui.tsx";
import { saveXlsx } from "../../organisation/xlsx.ts";
import { recordsSheet } from "./ledger.ts";
import { RecordForm } from "./record-form.tsx";

interface Ctx {
  me: User;
  profile: PolicyProfile;
  org: OrganisationView;
}

/** A meeting's work-notice read receipts: read N of M, and who. */
function Receipts(props: { nodeId: string; recordId: string }) {
  const { t } = useI18n();
  const [receipts] = createResource(() => recordReceipts(props.nodeId, props.recordId));
  return (
    <Show when={receipts()}>
      {(rc) => (
        <div class="record-receipts" data-testid="record-receipts">
          <p>{t("records.receipts", { read: rc().read, total: rc().total })}</p>
          <ul class="inline-list">
            <For each={rc().recipients}>{(x) => <li>{x.name ?? x.userId}：{x.readAt ? t("records.receiptRead") : t("records.receiptUnread")}</li>}</For>
          </ul>
        </div>
      )}
    </Show>
  );
}

function RecordItem(props: Ctx & { record: ObligationRecord; onDone: (m: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const r = () => props.record;
  const name = (id: string | undefined) => props.org.people.find((p) => p.personId === id)?.name ?? "";
  const headline = () => r().title || r().course || r().drillType || r().target || recordKindName(props.profile, r().kind, locale());
  const facts = () =>
    [
      [t("records.obligation"), obligationName(props.profile, r().obligationId, locale())],
      [t("records.chair"), name(r().chairPersonId)],
      [t("records.topics"), (r().topics ?? []).join("；")],
      [t("records.workNotices"), (r().workNotices ?? []).join("；")],
      [t("records.minutes"), r().minutes ?? ""],
      [t("records.course"), r().course ?? ""],
      [t("records.hours"), r().hours?.toString() ?? ""],
      [t("records.drillType"), r().drillType ?? ""],
      [t("records.participantCount"), r().participantCount?.toString() ?? ""],
      [t("records.target"), r().target ?? ""],
      [t("records.campaign"), r().campaign ?? ""],
      [t("records.audienceCount"), r().audienceCount?.toString() ?? ""],
      [t("gaps.ledgerMonth"), r().ledgerMonth ? t("gaps.ledgerShown", { month: r().ledgerMonth ?? "", discovered: r().ledgerCounts?.discovered ?? "—", closed: r().ledgerCounts?.closed ?? "—" }) : ""],
      [t("records.attendees"), r().attendees.map((a) => name(a.personId) || a.personId).join("、")],
      [t("records.note"), r().note ?? ""],
    ].filter(([, value]) => value);
  return (
    <li class="user-item" data-testid="record-item">
      <div class="user-summary">
        <div class="user-main">
          <div class="user-name">
            <span class="badge badge-muted">{recordKindName(props.profile, r().kind, locale())}</span>
            {headline()}
          </div>
          <div class="user-meta">
            <time datetime={r().date}>{formatDate(r().date, locale())}</time>
            <Show when={r().attendees.length}> · {t("records.attendeeCount", { count: r().attendees.length })}</Show>
          </div>
        </div>
        <Show when={can(props.me.role, "org.manage") && !editing()}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>{t("records.edit")}</button>
          </div>
        </Show>
      </div>
      <Show when={facts().length}>
        <details class="record-details">
          <summary>{t("records.details")}</summary>
          <dl class="rule-facts">
            <For each={facts()}>
              {([label, value]) => (
                <div>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              )}
            </For>
          </dl>
        </details>
      </Show>
      <Show when={r().noticeTo}>
        <Receipts nodeId={r().nodeId} recordId={r().recordId} />
      </Show>
      <Show when={editing()}>
        <RecordForm profile={props.profile} org={props.org} record={r()} onDone={(m) => { setEditing(false); props.onDone(m); }} onCancel={() => setEditing(false)} />
      </Show>
    </li>
  );
}

function RecordsChunk(props: Ctx & { kind: RecordKind | undefined; cursor: string | undefined; first: boolean; last: boolean; onMore: (cursor: string) => void; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => recordsPage(props.org.node.nodeId, props.kind, props.cursor));
  return (
    <Suspense fallback={<li role="status">{t("form.loading")}</li>}>
      <Show when={props.first && page()?.items.length === 0 && !page()?.cursor}>
        <li class="muted">{t("records.empty")}</li>
      </Show>
      <For each={page()?.items}>{(record) => <RecordItem {...props} record={record} />}</For>
      <Show when={props.last && page()?.cursor}>
        {(cursor) => (
          <li class="list-more">
            <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>{t("records.loadMore")}</button>
          </li>
        )}
      </Show>
    </Suspense>
  );
}

/** The node's records (台账) newest first, by kind; add, edit, export. */
export function RecordsSection(props: Ctx) {
  const { t, locale } = useI18n();
  const [kind, setKind] = createSignal<RecordKind>();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [adding, setAdding] = createSignal(false);
  const [flash, setFlash] = createSignal<string>();
  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<string>();
  const choose = (next: RecordKind | undefined) => {
    setKind(next);
    setCursors([undefined]);
  };
  const exportLedger = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const records = await allRecords(props.org.node.nodeId, kind());
      const names = new Map(props.org.people.map((p) => [p.personId, p.name]));
      const what = kind() ? recordKindName(props.profile, kind()!, "zh-CN") : t("records.sheet");
      await saveXlsx(recordsSheet(records, props.profile, names), what, `${props.org.node.name}-${what}${t("records.ledger")}.xlsx`);
    } catch (error) {
      setExportError(t("error.generic", { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <section>
      <SectionHead title={t("records.heading")}>
        <button type="button" class="button button-secondary" disabled={exporting()} aria-busy={exporting()} onClick={() => void exportLedger()}>
          {exporting() ? t("records.exporting") : t("records.export")}
        </button>
        <Show when={can(props.me.role, "org.manage") && props.org.node.status === "active" && !adding()}>
          <button type="button" class="button" onClick={() => { setFlash(undefined); setAdding(true); }}>{t("records.add")}</button>
        </Show>
      </SectionHead>
      <div class="chips" role="group" aria-label={t("records.kind")}>
        <button type="button" class="chip" aria-pressed={kind() === undefined} onClick={() => choose(undefined)}>{t("records.all")}</button>
        <For each={recordKindsOf(props.profile)}>
          {(k) => (
            <button type="button" class="chip" aria-pressed={kind() === k} onClick={() => choose(k)}>
              {recordKindName(props.profile, k, locale())}
            </button>
          )}
        </For>
      </div>
      <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
      <Show when={exportError()}>{(m) => <p class="alert alert-error" role="alert">{m()}</p>}</Show>
      <Show when={adding()}>
        <RecordForm profile={props.profile} org={props.org} onDone={(m) => { setAdding(false); setFlash(m); }} onCancel={() => setAdding(false)} />
      </Show>
      <ul class="user-list">
        <For each={cursors()}>
          {(cursor, i) => (
            <RecordsChunk
              {...props}
              kind={kind()}
              cursor={cursor}
              first={i() === 0}
              last={i() === cursors().length - 1}
              onMore={(next) => setCursors([...cursors(), next])}
              onDone={setFlash}
            />
          )}
        </For>
      </ul>
    </section>
  );
}
