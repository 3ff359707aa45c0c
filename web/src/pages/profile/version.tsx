import { createAsync, useParams } from "@solidjs/router";
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { useI18n } from "../../i18n/index.tsx";
import { profileVersion } from "./data.ts";
import { LoadError } from "../../components/load-error.tsx";
import { VersionView } from "./version-view.tsx";

function Version(props: { n: number }) {
  const { t } = useI18n();
  const version = createAsync(() => profileVersion(props.n));
  return (
    <ErrorBoundary fallback={(error, reset) => <section class="card"><LoadError error={error} reset={reset} /></section>}>
      <Suspense fallback={<p class="card" role="status">{t("form.loading")}</p>}>
        <Show when={version()}>{(v) => <VersionView version={v()} heading={t("profile.versionTitle", { n: v().version })} />}</Show>
      </Suspense>
    </ErrorBoundary>
  );
}

/** Any published version, read-only; a new one (another number) starts afresh, errors and all. */
export default function VersionPage() {
  const params = useParams<{ n: string }>();
  return (
    <Show when={params.n} keyed>
      {(n) => <Version n={Number(n)} />}
    </Show>
  );
}
