import { useI18n } from "../../i18n/index.tsx";

export default function HomePage() {
  const { t } = useI18n();
  return (
    <section class="card">
      <h1>{t("home.welcome")}</h1>
      <p>{t("home.intro")}</p>
    </section>
  );
}
