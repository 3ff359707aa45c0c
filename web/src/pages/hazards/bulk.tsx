import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import { MAX_BULK } from "@firegov/core/browser";
import type { HazardBulkResult, HazardSummary, PolicyProfile } from "@firegov/core/contract";
import { bulkHazards, searchHazards, type HazardSearch } from "../../api/hazards.ts";
import { listUsers } from "../../api/users.ts";
import { FormError, SubmitButton, submissionKey } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { HazardCard } from "./list.tsx";
import { hazardTitle } from "./labels.ts";
import { LoadMore } from "../../components/load-more.tsx";

// The officers' board with multi-select: the server filters and sorts, the
// board ticks hazards and sends one bulk request; each hazard is its own
// transaction on the server, and the answer says what happened to each.

type BulkAction = "register" | "dispatch" | "assign";

export const boardPage = query((params: HazardSearch & { cursor?: string }, _opened: number) => searchHazards({ ...params, limit: 50 }), "hazard-board");

/** Users who may be given a hazard: active, and not viewers (the server refuses the others too). */
export const assignableUsers = query(async () => {
  const page = await listUsers({ limit: 100 }).catch(() => undefined);
  return (page?.items ?? []).filter((u) => u.status === "active" && u.role !== "viewer");
}, "assignable-users");

/** What one bulk request did: counts, then the stale and the refused ones by name, with the reason. */
export function BulkSummary(props: { result: HazardBulkResult; titles: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  const title = (id: string) => props.titles.get(id) ?? id;
  return (
    <div class="notice notice-info hz-bulk-summary" role="status">
      <p>{t("hzBoard.summary", { ok: props.result.succeeded.length, stale: props.result.stale.length, refused: props.result.refused.length })}</p>
      <Show when={props.result.stale.length}>
        <p>{t("hzBoard.staleHint")}</p>
        <ul class="hz-bulk-stale">
          <For each={props.result.stale}>{(s) => <li>{title(s.id)}</li>}</For>
        </ul>
      </Show>
      <Show when={props.result.refused.length}>
        <p>{t("hzBoard.refusedHint")}</p>
        <ul class="hz-bulk-refused">
          <For each={props.result.refused}>{(r) => <li>{title(r.id)}：{locale() === "en" ? r.reason.en : r.reason.zh}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}

/** The bar shown while hazards are ticked: the action, what it needs, and the send. */
export function BulkBar(props: { selected: { id: string; expectedVersion: number }[]; profile: PolicyProfile | undefined; onClear: () => void; onDone: (result: HazardBulkResult) => void }) {
  const { t, locale } = useI18n();
  const [action, setAction] = createSignal<BulkAction>("register");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const users = createAsync(() => (action() === "register" ? Promise.resolve([]) : assignableUsers()));
  const key = submissionKey();
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const text = (name: string) => {
      const v = String(form.get(name) ?? "").trim();
      return v === "" ? undefined : v;
    };
    const fields = action() === "register" ? { severity: text("severity"), note: text("note") } : { assigneeId: text("assigneeId"), deadline: text("deadline"), note: text("note") };
    setPending(true);
    setError(undefined);
    try {
      const result = await bulkHazards({ action: action(), items: props.selected, fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) }, key.current());
      key.renew();
      props.onDone(result);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const name = () => t(`hzBoard.${action()}`);
  return (
    <form class="form panel hz-bulk-bar" onSubmit={onSubmit} onInput={key.renew} aria-label={t("hzBoard.bulkTitle")}>
      <div class="hz-bulk-head">
        <strong>{t("hzBoard.selected", { count: props.selected.length })}</strong>
        <button type="button" class="button button-secondary" onClick={() => props.onClear()}>{t("hzBoard.clear")}</button>
      </div>
      <FormError error={error()} paths={["body.items", "body.fields.assigneeId", "body.fields.deadline", "body.fields.severity", "body.action"]} />
      <div class="hz-bulk-actions" role="radiogroup" aria-label={t("hzBoard.bulkAction")}>
        <For each={["register", "dispatch", "assign"] as BulkAction[]}>
          {(a) => (
            <button type="button" role="radio" class="button" classList={{ "button-secondary": action() !== a }} aria-checked={action() === a} onClick={() => setAction(a)}>
              {t(`hzBoard.${a}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={action() === "register"}>
        <label>
          {t("hzBoard.severity")}
          <select name="severity">
            <option value="">{t("hzBoard.keepSeverity")}</option>
            <For each={props.profile?.hazards.severities ?? []}>{(s) => <option value={s.id}>{locale() === "en" ? s.name.en : s.name.zh}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={action() !== "register"}>
        <label>
          {t("hzBoard.assignee")}
          <select name="assigneeId" required={action() === "assign"}>
            <option value="">{action() === "assign" ? t("hzBoard.chooseAssignee") : t("hazards.me")}</option>
            <For each={users() ?? []}>{(u) => <option value={u.userId}>{u.displayName}</option>}</For>
          </select>
        </label>
        <label>
          {t("hzBoard.deadline")}
          <input type="date" name="deadline" />
        </label>
      </Show>
      <label>
        {t("hzBoard.note")}
        <input type="text" name="note" maxLength={1000} />
      </label>
      <SubmitButton pending={pending()}>{t("hzBoard.apply", { count: props.selected.length, action: name() })}</SubmitButton>
    </form>
  );
}

function Chunk(props: {
  params: HazardSearch;
  opened: number;
  cursor: string | undefined;
  last: boolean;
  profile: PolicyProfile | undefined;
  selected: ReadonlyMap<string, number>;
  onToggle: (h: HazardSummary, on: boolean) => void;
  onPage: (items: HazardSummary[]) => void;
  onMore: (c: string) => void;
}) {
  const { t } = useI18n();
  const page = createAsync(async () => {
    const p = await boardPage({ ...props.params, ...(props.cursor ? { cursor: props.cursor } : {}) }, props.opened);
    props.onPage(p.items);
    return p;
  });
  return (
    <>
      <Show when={props.cursor === undefined && page()?.truncated}>
        <li class="notice notice-warning">{t("hzBoard.truncated", { max: 1000 })}</li>
      </Show>
      <For each={page()?.items}>
        {(h) => <HazardCard hazard={h} profile={props.profile} select={{ checked: props.selected.has(h.hazardId), onChange: (on) => props.onToggle(h, on) }} />}
      </For>
      <Show when={page() && props.cursor === undefined && page()!.items.length === 0}>
        <li class="hz-empty">{t("hazards.empty")}</li>
      </Show>
      <LoadMore cursor={props.last ? page()?.cursor : undefined} onMore={props.onMore} />
    </>
  );
}

/** The board's list: server-sorted pages, each card with a checkbox, "select all on page", and the bulk bar. */
export function BoardList(props: { params: HazardSearch; profile: PolicyProfile | undefined; label: string }) {
  const { t, locale } = useI18n();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = createSignal<ReadonlyMap<string, number>>(new Map());
  const [shown, setShown] = createSignal<HazardSummary[]>([]);
  const [result, setResult] = createSignal<HazardBulkResult>();
  const [titles, setTitles] = createSignal<ReadonlyMap<string, string>>(new Map());
  const opened = Date.now();
  const toggle = (h: HazardSummary, on: boolean) => {
    const next = new Map(selected());
    if (on && next.size < MAX_BULK) next.set(h.hazardId, h.version);
    else next.delete(h.hazardId);
    setSelected(next);
  };
  const allOnPage = () => shown().length > 0 && shown().every((h) => selected().has(h.hazardId));
  const selectPage = (on: boolean) => {
    const next = new Map(selected());
    for (const h of shown()) {
      if (on && next.size < MAX_BULK) next.set(h.hazardId, h.version);
      else if (!on) next.delete(h.hazardId);
    }
    setSelected(next);
  };
  const done = (r: HazardBulkResult) => {
    setTitles(new Map(shown().map((h) => [h.hazardId, hazardTitle(props.profile, h, locale())])));
    setResult(r);
    setSelected(new Map());
    setCursors([undefined]);
    void revalidate(boardPage.key);
  };
  return (
    <>
      <Show when={result()}>{(r) => <BulkSummary result={r()} titles={titles()} />}</Show>
      <label class="hz-check hz-select-page">
        <input type="checkbox" checked={allOnPage()} onChange={(e) => selectPage(e.currentTarget.checked)} />
        {t("hzBoard.selectPage")}
      </label>
      <Show when={selected().size > 0}>
        <BulkBar selected={[...selected()].map(([id, expectedVersion]) => ({ id, expectedVersion }))} profile={props.profile} onClear={() => setSelected(new Map())} onDone={done} />
      </Show>
      <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
        <ul class="hz-list" aria-label={props.label}>
          <For each={cursors()}>
            {(cursor, i) => (
              <Chunk
                params={props.params}
                opened={opened}
                cursor={cursor}
                last={i() === cursors().length - 1}
                profile={props.profile}
                selected={selected()}
                onToggle={toggle}
                onPage={(items) => setShown((prev) => (cursor === undefined ? items : [...prev, ...items]))}
                onMore={(next) => setCursors([...cursors(), next])}
              />
            )}
          </For>
        </ul>
      </Suspense>
    </>
  );
}
