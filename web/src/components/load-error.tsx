import { ErrorBoundary, Show, Suspense, type JSX } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useI18n } from "../i18n/index.tsx";

/** A read that failed: the API's message (a 404 reads as itself), and a retry. */
export function LoadError(props: { error: unknown; reset?: () => void }) {
  const { t } = useI18n();
  const message = () => (props.error instanceof ApiError ? props.error.message : t("error.generic", { message: props.error instanceof Error ? props.error.message : String(props.error) }));
  return (
    <div class="alert alert-error" role="alert">
      <p>{message()}</p>
      <Show when={props.reset}>
        {(reset) => (
          <button type="button" class="button button-secondary" onClick={() => reset()()}>
            {t("error.retry")}
          </button>
        )}
      </Show>
    </div>
  );
}

/** What a page reads: a loading line while it comes, and its error with a retry if it fails. */
export function Loading(props: { children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
      <Suspense fallback={<p role="status">{t("form.loading")}</p>}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
