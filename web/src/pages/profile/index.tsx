import { createAsync } from "@solidjs/router";
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { currentProfile } from "../../data/queries.ts";
import { LoadError } from "../../components/load-error.tsx";
import { VersionView } from "./version-view.tsx";

/** The policy profile in effect now, for every role. */
export default function ProfilePage() {
  const { t } = useI18n();
  const version = createAsync(() => currentProfile());
  return (
    <ErrorBoundary fallback={(error, reset) => <section class="card"><LoadError error={error} reset={reset} /></section>}>
      <Suspense fallback={<p class="card" role="status">{t("form.loading")}</p>}>
        <Show when={version()}>{(v) => <VersionView version={v()} heading={t("profile.title")} />}</Show>
      </Suspense>
    </ErrorBoundary>
  );
}
