import { A } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { JurisdictionNode, PolicyProfile, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { useI18n } from "../../i18n/index.tsx";
import { childLevelOf, levelName, parentLevelOf, pick, tierName } from "../../organisation/labels.ts";
import { CreateChildForm, MoveForm, RenameForm, RetireConfirm, TierForm } from "./node-panels.tsx";

type Panel = "menu" | "create" | "rename" | "move" | "retire" | "tier";

export interface TreeContext {
  me: User;
  profile: PolicyProfile;
  nodes: readonly JurisdictionNode[];
  childrenOf: (nodeId: string) => JurisdictionNode[];
  /** Expanded nodes are kept by id: a list read again after a change keeps them open. */
  isOpen: (nodeId: string) => boolean;
  setOpen: (nodeId: string, open: boolean) => void;
  onDone: (message: string) => void;
}

/** One node: its name and the profile's word for its level, its children on demand, and what the user may do to it. */
export function TreeItem(props: { node: JurisdictionNode; ctx: TreeContext }) {
  const { t, locale } = useI18n();
  const open = () => props.ctx.isOpen(props.node.nodeId);
  const setOpen = (value: boolean) => props.ctx.setOpen(props.node.nodeId, value);
  const [panel, setPanel] = createSignal<Panel>();
  const children = () => props.ctx.childrenOf(props.node.nodeId);
  const active = () => props.node.status === "active";
  const manage = () => active() && can(props.ctx.me.role, "node.manage");
  // The root and the user's own node are moved or retired from above (the API says so too).
  const movable = () => manage() && props.node.parentId !== undefined && props.node.nodeId !== props.ctx.me.scopeNodeId;
  const childLevel = () => childLevelOf(props.ctx.profile, props.node.level);
  const classify = () => active() && can(props.ctx.me.role, "node.classify") && props.ctx.profile.staffing.tiers.length > 0;
  const toggle = (next: Panel) => setPanel(panel() === next ? "menu" : next);
  const done = (message: string) => {
    setPanel(undefined);
    if (message) setOpen(true);
    props.ctx.onDone(message);
  };
  const panelProps = () => ({ node: props.node, profile: props.ctx.profile, onDone: done, onCancel: () => setPanel(undefined) });
  return (
    <li class="tree-item" data-testid="tree-item" data-node-id={props.node.nodeId} classList={{ retired: !active() }}>
      <div class="tree-row">
        <Show when={children().length} fallback={<span class="tree-toggle-space" aria-hidden="true" />}>
          <button
            type="button"
            class="tree-toggle"
            aria-expanded={open()}
            aria-label={t(open() ? "tree.collapse" : "tree.expand", { name: props.node.name })}
            onClick={() => setOpen(!open())}
          >
            {open() ? "▾" : "▸"}
          </button>
        </Show>
        <div class="tree-main">
          <A href={`/nodes/${props.node.nodeId}`} class="tree-name">
            {props.node.name}
          </A>
          <div class="tree-meta">
            <span class="badge badge-level">{levelName(props.ctx.profile, props.node.level, locale())}</span>
            <Show when={props.node.unit && props.node.unit !== levelName(props.ctx.profile, props.node.level, locale())}>
              <span>{props.node.unit}</span>
            </Show>
            <Show when={props.node.tier}>
              <span class="badge badge-muted">{tierName(props.ctx.profile, props.node.tier, locale())}</span>
            </Show>
            <Show when={!active()}>
              <span class="badge badge-muted">{t("tree.retiredBadge")}</span>
            </Show>
            <Show when={children().length}>
              <span class="muted">{t("tree.children", { count: children().length })}</span>
            </Show>
          </div>
        </div>
        <button type="button" class="button button-secondary tree-menu" aria-expanded={panel() !== undefined} onClick={() => setPanel(panel() ? undefined : "menu")}>
          {t("tree.manage")}
        </button>
      </div>
      <Show when={panel()}>
        <div class="tree-actions" role="group" aria-label={`${t("tree.manage")} ${props.node.name}`}>
          <A class="button button-secondary" href={`/nodes/${props.node.nodeId}`}>{t("tree.organisation")}</A>
          <A class="button button-secondary" href={`/nodes/${props.node.nodeId}/compliance`}>{t("tree.compliance")}</A>
          <Show when={manage() && childLevel()}>
            {(level) => (
              <button type="button" class="button button-secondary" aria-expanded={panel() === "create"} onClick={() => toggle("create")}>
                {t("tree.addChild", { level: pick(level().name, locale()) })}
              </button>
            )}
          </Show>
          <Show when={manage()}>
            <button type="button" class="button button-secondary" aria-expanded={panel() === "rename"} onClick={() => toggle("rename")}>{t("tree.rename")}</button>
          </Show>
          <Show when={movable() && parentLevelOf(props.ctx.profile, props.node.level)}>
            <button type="button" class="button button-secondary" aria-expanded={panel() === "move"} onClick={() => toggle("move")}>{t("tree.move")}</button>
          </Show>
          <Show when={classify()}>
            <button type="button" class="button button-secondary" aria-expanded={panel() === "tier"} onClick={() => toggle("tier")}>{t("tree.setTier")}</button>
          </Show>
          <Show when={movable()}>
            <button type="button" class="button button-secondary" aria-expanded={panel() === "retire"} onClick={() => toggle("retire")}>{t("tree.retire")}</button>
          </Show>
        </div>
      </Show>
      <Switch>
        <Match when={panel() === "create"}>
          <CreateChildForm {...panelProps()} />
        </Match>
        <Match when={panel() === "rename"}>
          <RenameForm {...panelProps()} />
        </Match>
        <Match when={panel() === "move"}>
          <MoveForm {...panelProps()} nodes={props.ctx.nodes} />
        </Match>
        <Match when={panel() === "retire"}>
          <RetireConfirm {...panelProps()} />
        </Match>
        <Match when={panel() === "tier"}>
          <TierForm {...panelProps()} />
        </Match>
      </Switch>
      <Show when={open() && children().length}>
        <ul class="tree-children">
          <For each={children()}>{(child) => <TreeItem node={child} ctx={props.ctx} />}</For>
        </ul>
      </Show>
    </li>
  );
}
