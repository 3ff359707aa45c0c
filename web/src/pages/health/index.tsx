import { createResource, Match, Show, Switch } from "solid-js";
import { getHealth } from "../../api/system.ts";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

export default function HealthPage() {
  const { t, locale } = useI18n();
  const [health, { refetch }] = createResource(getHealth);
  return (
    <section class="card" aria-live="polite">
      <h1>{t("health.title")}</h1>
      <Switch>
        <Match when={health.error}>
          <p class="status status-bad" role="alert">{t("health.failed", { message: String(health.error?.message ?? health.error) })}</p>
        </Match>
        <Match when={health.loading && !health.latest}>
          <p>{t("health.loading")}</p>
        </Match>
        <Match when={health.latest}>
          {(report) => (
            <dl class="facts">
              <dt>{t("health.api")}</dt>
              <dd data-testid="api-status" class={report().status === "ok" ? "status status-ok" : "status status-bad"}>
                {report().status === "ok" ? t("health.ok") : t("health.degraded")}
              </dd>
              <dt>{t("health.database")}</dt>
              <dd data-testid="db-status" class={report().dynamodb.reachable ? "status status-ok" : "status status-bad"}>
                {report().dynamodb.reachable ? t("health.reachable") : t("health.unreachable")}
                <Show when={report().dynamodb.reachable}> · {t("health.latency", { ms: report().dynamodb.latencyMs })}</Show>
              </dd>
              <dt>{t("health.checkedAt")}</dt>
              <dd>{formatDateTime(report().checkedAt, locale())}</dd>
            </dl>
          )}
        </Match>
      </Switch>
      <button type="button" class="button" onClick={() => refetch()}>{t("health.refresh")}</button>
    </section>
  );
}
