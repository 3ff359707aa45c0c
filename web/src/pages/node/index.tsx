import { A, createAsync, useParams, useSearchParams } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import type { OrganisationView, PolicyProfile, User } from "@firegov/core/contract";
import { signedInUser } from "../../auth/session.ts";
import { useI18n } from "../../i18n/index.tsx";
import { organisation } from "../../organisation/data.ts";
import { levelName, tierName } from "../../organisation/labels.ts";
import { Loading } from "../../components/load-error.tsx";
import { BodiesSection } from "./bodies.tsx";
import { BoundarySection } from "./boundary.tsx";
import { BrigadesSection } from "./brigades.tsx";
import { PeopleSection } from "./people.tsx";
import { RecordsSection } from "./records.tsx";
import { StandardsSection } from "./standards.tsx";
import { profileInEffect } from "../../data/queries.ts";

const TABS = ["bodies", "people", "brigades", "standards", "records", "boundary"] as const;
type Tab = (typeof TABS)[number];

function NodeView(props: { me: User; profile: PolicyProfile; org: OrganisationView }) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (TABS as readonly string[]).includes(search.tab ?? "") ? (search.tab as Tab) : "bodies";
  const ctx = {
    get me() {
      return props.me;
    },
    get profile() {
      return props.profile;
    },
    get org() {
      return props.org;
    },
  };
  const node = () => props.org.node;
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{node().name}</h1>
          <div class="tree-meta">
            <span class="badge badge-level">{levelName(props.profile, node().level, locale())}</span>
            <Show when={node().tier}>
              <span class="badge badge-muted">{tierName(props.profile, node().tier, locale())}</span>
            </Show>
            <Show when={node().status !== "active"}>
              <span class="badge badge-muted">{t("tree.retiredBadge")}</span>
            </Show>
          </div>
        </div>
        <div class="actions">
          <A class="button" href={`/nodes/${node().nodeId}/compliance`}>{t("node.compliance")}</A>
          <A class="button button-secondary" href="/tree">{t("node.tree")}</A>
        </div>
      </div>
      <div class="tabs scroll-tabs" role="tablist" aria-label={t("node.sections")}>
        <For each={TABS}>
          {(id) => (
            <button type="button" role="tab" class="tab" id={`tab-${id}`} aria-selected={tab() === id} aria-controls={`panel-${id}`} onClick={() => setSearch({ tab: id }, { replace: true })}>
              {id === "boundary" ? t("map.boundary.tab") : t(`node.tab.${id}`)}
            </button>
          )}
        </For>
      </div>
      <div role="tabpanel" id={`panel-${tab()}`} aria-labelledby={`tab-${tab()}`}>
        <Switch>
          <Match when={tab() === "bodies"}>
            <BodiesSection {...ctx} />
          </Match>
          <Match when={tab() === "people"}>
            <PeopleSection {...ctx} />
          </Match>
          <Match when={tab() === "brigades"}>
            <BrigadesSection {...ctx} />
          </Match>
          <Match when={tab() === "standards"}>
            <StandardsSection {...ctx} />
          </Match>
          <Match when={tab() === "records"}>
            <RecordsSection {...ctx} />
          </Match>
          <Match when={tab() === "boundary"}>
            <BoundarySection {...ctx} />
          </Match>
        </Switch>
      </div>
    </>
  );
}

/** A node's organisation as its profile names it: bodies, people, brigades, station standards, records. */
export default function NodePage() {
  const params = useParams<{ nodeId: string }>();
  const profile = createAsync(() => profileInEffect());
  const org = createAsync(() => organisation(params.nodeId));
  return (
    <section class="card">
      <Loading>
        <Show when={signedInUser()}>
          {(me) => (
            <Show when={profile() && org()}>
              <NodeView me={me()} profile={profile()!} org={org()!} />
            </Show>
          )}
        </Show>
      </Loading>
    </section>
  );
}
