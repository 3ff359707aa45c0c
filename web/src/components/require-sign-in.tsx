import { Navigate, useCurrentMatches, useLocation, type RouteSectionProps } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { CHANGE_PASSWORD_PATH, gate, type Action } from "../auth/access.ts";
import { restoreSession, session } from "../auth/session.ts";
import { useI18n } from "../i18n/index.tsx";

/**
 * The parent of every page that needs a signed-in user. A route may name the
 * action it needs in `info.access`; the user must change a temporary password
 * before anything else.
 */
export function RequireSignIn(props: RouteSectionProps) {
  const { t } = useI18n();
  const location = useLocation();
  const matches = useCurrentMatches();
  const needs = () => matches().at(-1)?.route.info?.access as Action | undefined;
  const state = () => gate(session(), location.pathname, needs());
  const unreachable = () => {
    const s = session();
    return s.status === "unreachable" ? s.message : "";
  };
  return (
    <Switch>
      <Match when={state() === "wait"}>
        <p class="card" role="status">{t("auth.restoring")}</p>
      </Match>
      <Match when={state() === "unreachable"}>
        <div class="card">
          <p class="alert alert-error" role="alert">{t("auth.unreachable", { message: unreachable() })}</p>
          <button type="button" class="button" onClick={() => void restoreSession()}>{t("error.retry")}</button>
        </div>
      </Match>
      <Match when={state() === "sign-in"}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} />
      </Match>
      <Match when={state() === "change-password"}>
        <Navigate href={CHANGE_PASSWORD_PATH} />
      </Match>
      <Match when={state() === "forbidden"}>
        <p class="card alert alert-error" role="alert">{t("auth.forbidden")}</p>
      </Match>
      <Match when={state() === "open"}>{props.children}</Match>
    </Switch>
  );
}
