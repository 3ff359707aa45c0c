import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Finding } from "@firegov/core/contract";
import { signedInUser } from "../../auth/session.ts";
import { activeNodes } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { saveFile } from "../profile/data.ts";
import { downloadWorkbook } from "../../api/resources.ts";

/** A page's writes: one at a time (busy), the last refusal kept for the form (error), the data read again after each (version). */
export function useActions() {
  const [version, setVersion] = createSignal(0);
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const act = async (run: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await run();
      setVersion((v) => v + 1);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { version, error, setError, busy, act };
}

/** The node the page shows: `?node=` or the caller's own scope node, chosen from the active nodes of the scope. */
export function useNodeChoice() {
  const [search, setSearch] = useSearchParams<{ node?: string }>();
  const nodes = createAsync(() => activeNodes());
  const nodeId = createMemo(() => search.node || signedInUser()?.scopeNodeId || "");
  const choices = createMemo(() => {
    const scope = signedInUser()?.scopePath ?? "";
    return (nodes() ?? []).filter((n) => n.path === scope || n.path.startsWith(`${scope}/`)).sort((a, b) => a.path.localeCompare(b.path));
  });
  return { nodeId, choices, choose: (id: string) => setSearch({ node: id || undefined }) };
}

export function NodePicker(props: { nodeId: string; choices: { nodeId: string; name: string; path: string }[]; onChoose: (id: string) => void }) {
  const { t } = useI18n();
  const depth = () => (signedInUser()?.scopePath ?? "").split("/").length;
  return (
    <div class="field">
      <label for="resources-node">{t("resources.node")}</label>
      <select id="resources-node" value={props.nodeId} onChange={(e) => props.onChoose(e.currentTarget.value)}>
        <For each={props.choices}>{(n) => <option value={n.nodeId} selected={n.nodeId === props.nodeId}>{"\u3000".repeat(Math.max(0, n.path.split("/").length - depth())) + n.name}</option>}</For>
      </select>
    </div>
  );
}

const BADGE: Record<string, string> = { met: "badge badge-ok", due_soon: "badge badge-warn", unmet: "badge", overdue: "badge", not_applicable: "badge badge-muted" };

/** The status of a finding about one subject (equipment, certificate), as a badge. */
export function StatusBadge(props: { findings: readonly Finding[] | undefined; ruleId: string; subjectId: string }) {
  const { t } = useI18n();
  const finding = () => props.findings?.find((f) => f.ruleId === props.ruleId && f.subjectId === props.subjectId);
  return (
    <Show when={finding()} fallback={<span class="muted">{t("resources.st.none")}</span>}>
      {(f) => <span class={BADGE[f().status] ?? "badge"}>{t(`resources.st.${f().status}` as "resources.st.met")}</span>}
    </Show>
  );
}

/** The findings that need acting on (not met), each with its evidence and the clause it cites. */
export function FindingList(props: { findings: readonly Finding[] | undefined; prefixes: readonly string[] }) {
  const { t, locale } = useI18n();
  const open = () => (props.findings ?? []).filter((f) => f.status !== "met" && f.status !== "not_applicable" && props.prefixes.some((p) => f.ruleId.startsWith(p)));
  return (
    <section aria-labelledby="resources-findings">
      <h2 id="resources-findings">{t("resources.findings")}</h2>
      <Show when={open().length} fallback={<p class="muted">{t("resources.noFindings")}</p>}>
        <ul class="plain-list" data-testid="resource-findings">
          <For each={open()}>
            {(f) => (
              <li>
                <span class={BADGE[f.status] ?? "badge"}>{t(`resources.st.${f.status}` as "resources.st.met")}</span> {locale() === "en" ? f.evidence.en : f.evidence.zh}
                <span class="hint"> · {t("resources.clause")}：{f.sourceRef ?? t("resources.defaultRule")}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** A button that downloads a workbook. */
export function ExportButton(props: { path: string; label: string; fallback: string; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const run = async () => {
    setBusy(true);
    try {
      saveFile(await downloadWorkbook(props.path, props.fallback));
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="button button-secondary" disabled={busy()} onClick={() => void run()}>
      {busy() ? t("resources.downloading") : props.label}
    </button>
  );
}

/** The value of a form's field, or undefined when left empty. */
export const formValue = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};
