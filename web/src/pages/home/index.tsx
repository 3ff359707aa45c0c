import { Match, Show, Switch } from "solid-js";
import { signedInUser } from "../../auth/session.ts";
import { isFieldRole } from "../../components/field-roles.ts";
import { useI18n } from "../../i18n/index.tsx";
import { AdminHome } from "./admin.tsx";
import { FieldHome } from "./field.tsx";
import { OfficerHome } from "./officer.tsx";

/** Each role's home shows its work: field roles their day, officers what waits for them, the admin the setup. */
export default function HomePage() {
  const { t } = useI18n();
  return (
    <section class="card home">
      <Show
        when={signedInUser()}
        fallback={
          <>
            <h1>{t("home.welcome")}</h1>
            <p>{t("home.intro")}</p>
          </>
        }
      >
        {(u) => (
          <>
            <h1>{t("work.title")}</h1>
            <p class="hint" data-testid="greeting">{t("home.greeting", { name: u().displayName })}</p>
            <Show when={!u().mustChangePassword}>
              <Switch fallback={<OfficerHome />}>
                <Match when={isFieldRole(u().role)}>
                  <FieldHome />
                </Match>
                <Match when={u().role === "tenant_admin"}>
                  <AdminHome />
                </Match>
              </Switch>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
