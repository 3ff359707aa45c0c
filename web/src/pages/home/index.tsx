import { Show } from "solid-js";
import { signedInUser } from "../../auth/session.ts";
import { useI18n } from "../../i18n/index.tsx";

export default function HomePage() {
  const { t } = useI18n();
  return (
    <section class="card">
      <Show when={signedInUser()} fallback={<h1>{t("home.welcome")}</h1>}>
        {(user) => <h1 data-testid="greeting">{t("home.greeting", { name: user().displayName })}</h1>}
      </Show>
      <p>{t("home.intro")}</p>
    </section>
  );
}
