import { A, createAsync, query, useNavigate } from "@solidjs/router";
import { Show, Suspense } from "solid-js";
import { getMe } from "../api/auth.ts";
import { session, signedInUser, signOut } from "../auth/session.ts";
import { useI18n } from "../i18n/index.tsx";
import { profileInEffect } from "../data/queries.ts";

/** Keyed by user, so a different sign-in never sees the last user's tenant. */
const me = query((_userId: string) => getMe(), "me");

/** Who is signed in (name, role, county) with sign-out; or the ways in. */
export function SessionBar() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const mine = createAsync(async () => {
    const user = signedInUser();
    return user ? await me(user.userId) : undefined;
  });
  const tenant = () => mine()?.tenant;
  // The role as the county's profile labels it (vocabulary.platformRoles); without a profile, its id.
  const roleLabel = createAsync(async () => {
    const user = signedInUser();
    if (!user) return undefined;
    const profile = await profileInEffect().catch(() => undefined);
    return profile?.vocabulary?.platformRoles.find((r) => r.id === user.role)?.name ?? { zh: user.role, en: user.role };
  });
  // The body the user acts for (a department liaison: their department), when bound to one.
  const body = () => mine()?.body ?? undefined;
  const logout = () => {
    navigate("/login", { replace: true });
    void signOut();
  };
  return (
    <div class="session-bar">
      <Show when={signedInUser()}>
        {(user) => (
          <>
            <div class="who" data-testid="signed-in-user">
              <span class="who-name">{user().displayName}</span>
              <span class="who-meta">
                <Suspense>
                  <Show when={roleLabel()}>{(r) => <span data-testid="signed-in-role">{locale() === "en" ? r().en : r().zh}</span>}</Show>
                  <Show when={body()}>{(b) => <span data-testid="signed-in-body">（{locale() === "en" ? b().name.en : b().name.zh}）</span>}</Show>
                  <Show when={tenant()}>{(tn) => <> · {tn().name}</>}</Show>
                </Suspense>
              </span>
            </div>
            <A href="/account/password" class="nav-link">{t("nav.password")}</A>
            <A href="/account/notifications" class="nav-link">{t("notify.account")}</A>
            <button type="button" class="link-button" onClick={logout}>{t("nav.logout")}</button>
          </>
        )}
      </Show>
      <Show when={session().status === "signed-out"}>
        <A href="/login" class="nav-link">{t("nav.login")}</A>
        <A href="/signup" class="nav-link">{t("nav.signup")}</A>
      </Show>
    </div>
  );
}
