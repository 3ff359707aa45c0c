import { createAsync } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { JurisdictionNode, PolicyProfile, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { Notice } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { pick } from "../../organisation/labels.ts";
import { Loading } from "../../components/load-error.tsx";
import { ImportWizard } from "./import-wizard.tsx";
import { TreeItem, type TreeContext } from "./tree-item.tsx";
import { profileInEffect, subtreeNodes } from "../../data/queries.ts";

const collator = new Intl.Collator("zh-CN");

function Tree(props: { me: User; profile: PolicyProfile; nodes: JurisdictionNode[] }) {
  const { t, locale } = useI18n();
  const [flash, setFlash] = createSignal<string>();
  const [importing, setImporting] = createSignal(false);
  const [showRetired, setShowRetired] = createSignal(false);
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set([props.me.scopeNodeId]));
  const shown = createMemo(() => props.nodes.filter((n) => showRetired() || n.status === "active"));
  const children = createMemo(() => {
    const map = new Map<string, JurisdictionNode[]>();
    for (const n of shown()) if (n.parentId) map.set(n.parentId, [...(map.get(n.parentId) ?? []), n]);
    for (const list of map.values()) list.sort((a, b) => collator.compare(a.name, b.name));
    return map;
  });
  // The user's own node is the top of what they see.
  const top = () => shown().find((n) => n.nodeId === props.me.scopeNodeId) ?? shown()[0];
  const ctx: TreeContext = {
    me: props.me,
    get profile() {
      return props.profile;
    },
    get nodes() {
      return props.nodes;
    },
    childrenOf: (nodeId) => children().get(nodeId) ?? [],
    isOpen: (nodeId) => expanded().has(nodeId),
    setOpen: (nodeId, open) => {
      const next = new Set(expanded());
      if (open) next.add(nodeId);
      else next.delete(nodeId);
      setExpanded(next);
    },
    onDone: (message) => setFlash(message || undefined),
  };
  const mayImport = () => can(props.me.role, "node.manage") || can(props.me.role, "org.manage");
  return (
    <>
      <div class="page-head">
        <h1>{t("tree.title")}</h1>
        <Show when={mayImport() && !importing()}>
          <button type="button" class="button" onClick={() => { setFlash(undefined); setImporting(true); }}>{t("tree.import")}</button>
        </Show>
      </div>
      <p class="lead">{t("tree.levels", { levels: props.profile.levels.map((l) => pick(l.name, locale())).join(" › ") })}</p>
      <Show when={importing()}>
        <ImportWizard me={props.me} nodes={props.nodes} profile={props.profile} onClose={() => setImporting(false)} />
      </Show>
      <Show when={flash()}>{(message) => <Notice tone="success">{message()}</Notice>}</Show>
      <label class="check toggle-retired">
        <input type="checkbox" checked={showRetired()} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
        <span>{t("tree.showRetired")}</span>
      </label>
      <Show when={top()} fallback={<p class="muted">{t("tree.empty")}</p>}>
        {(root) => (
          <ul class="tree">
            <TreeItem node={root()} ctx={ctx} />
          </ul>
        )}
      </Show>
    </>
  );
}

/** The user's subtree, named with the profile's level names; expand, create, rename, move, retire, classify, import. */
export default function TreePage() {
  const profile = createAsync(() => profileInEffect());
  const nodes = createAsync(() => subtreeNodes());
  return (
    <section class="card">
      <Loading>
        <Show when={signedInUser()}>
          {(me) => (
            <Show when={profile() && nodes()}>
              <Tree me={me()} profile={profile()!} nodes={nodes()!} />
            </Show>
          )}
        </Show>
      </Loading>
    </section>
  );
}
