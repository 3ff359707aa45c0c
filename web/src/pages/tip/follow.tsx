import { A, createAsync, useParams } from "@solidjs/router";
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { tipStatus } from "../../api/hazards.ts";
import { ApiError } from "../../api/http.ts";
import { useI18n } from "../../i18n/index.tsx";
import { TipStatusView } from "./status.tsx";

/**
 * A tip followed from its link (`/tip/<county>/<code>`, the receipt's link and
 * QR code), without signing in: the tip's stage, dates and the officers'
 * answers to the public. The code is the only key; nothing else is asked.
 */
export default function TipFollowPage() {
  const { t } = useI18n();
  const params = useParams<{ tenantSlug: string; code: string }>();
  const status = createAsync(() => tipStatus(params.tenantSlug, params.code));
  return (
    <section class="card narrow">
      <h1>{t("tip.followTitle")}</h1>
      <p class="hint">
        {t("tip.code")}: <code>{params.code}</code>
      </p>
      <ErrorBoundary
        fallback={(err) => (
          <div class="alert alert-error" role="alert">
            <p>{err instanceof ApiError && err.status === 404 ? t("tip.followMissing") : String((err as Error).message)}</p>
          </div>
        )}
      >
        <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
          <Show when={status()}>{(s) => <TipStatusView status={s()} />}</Show>
        </Suspense>
      </ErrorBoundary>
      <p>
        <A href={`/tip/${encodeURIComponent(params.tenantSlug)}`} class="button button-secondary button-block">{t("tip.backToForm")}</A>
      </p>
    </section>
  );
}
