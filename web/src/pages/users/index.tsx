import { createAsync } from "@solidjs/router";
import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { JurisdictionNode, User } from "@firegov/core/contract";
import { can, grantableRoles } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { Notice } from "../../components/form.tsx";
import { savedWarning } from "./user-fields.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { CreateUserForm } from "./create-user-form.tsx";
import { usersPage } from "./data.ts";
import { UserItem } from "./user-item.tsx";
import { activeNodes } from "../../data/queries.ts";

/** One page of the list; the last one offers the next. */
function UsersChunk(props: { cursor: string | undefined; last: boolean; me: User; nodes: JurisdictionNode[]; onMore: (cursor: string) => void; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => usersPage(props.cursor));
  return (
    <Suspense fallback={<li role="status">{t("form.loading")}</li>}>
      <For each={page()?.items}>{(user) => <UserItem user={user} me={props.me} nodes={props.nodes} onDone={props.onDone} />}</For>
      <Show when={props.last && page()?.cursor}>
        {(cursor) => (
          <li class="list-more">
            <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>
              {t("users.loadMore")}
            </button>
          </li>
        )}
      </Show>
    </Suspense>
  );
}

function LoadError(props: { error: unknown; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div class="alert alert-error" role="alert">
      <p>{t("error.generic", { message: props.error instanceof Error ? props.error.message : String(props.error) })}</p>
      <button type="button" class="button button-secondary" onClick={() => props.reset()}>{t("error.retry")}</button>
    </div>
  );
}

function UsersView(props: { me: User }) {
  const { t, locale } = useI18n();
  const nodes = createAsync(() => activeNodes());
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [creating, setCreating] = createSignal(false);
  const [flash, setFlash] = createSignal<{ message: string; tone: "success" | "warning" }>();
  const startCreating = () => {
    setFlash(undefined);
    setCreating(true);
  };
  const created = (user: User) => {
    setCreating(false);
    setCursors([undefined]);
    const warning = savedWarning(user, locale());
    setFlash({ message: [t("users.created", { name: user.displayName }), warning].filter(Boolean).join(" "), tone: warning ? "warning" : "success" });
  };
  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("users.title")}</h1>
        <Show when={can(props.me.role, "user.manage") && !creating()}>
          <button type="button" class="button" onClick={startCreating}>{t("users.create")}</button>
        </Show>
      </div>
      <Show when={flash()}>{(f) => <Notice tone={f().tone}>{f().message}</Notice>}</Show>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Show when={creating()}>
          <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
            <Show when={nodes()}>
              {(list) => <CreateUserForm nodes={list()} roles={grantableRoles(props.me.role)} onCreated={created} onCancel={() => setCreating(false)} />}
            </Show>
          </Suspense>
        </Show>
        <ul class="user-list">
          <For each={cursors()}>
            {(cursor, i) => (
              <UsersChunk
                cursor={cursor}
                last={i() === cursors().length - 1}
                me={props.me}
                nodes={nodes() ?? []}
                onMore={(next) => setCursors([...cursors(), next])}
                onDone={(message) => setFlash({ message, tone: "success" })}
              />
            )}
          </For>
        </ul>
      </ErrorBoundary>
    </section>
  );
}

export default function UsersPage() {
  return <Show when={signedInUser()}>{(me) => <UsersView me={me()} />}</Show>;
}
