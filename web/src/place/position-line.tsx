import { Match, Switch } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import type { PositionState } from "./position.ts";

/** 位置：已获取 ±15 m / 未获取（重试）: one line under a form's title; retry asks the phone again. */
export function PositionLine(props: { state: PositionState; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <p class="position-line hint" role="status" aria-live="polite">
      {t("place.position")}
      <Switch>
        <Match when={props.state.status === "locating"}>{t("place.locating")}</Match>
        <Match when={props.state.status === "found" && props.state}>
          {(s) => t("place.found", { accuracy: Math.round((s() as { position: { accuracy: number } }).position.accuracy) })}
        </Match>
        <Match when={props.state.status === "missing"}>
          {t("place.missing")}
          <button type="button" class="link-button" onClick={() => props.onRetry()}>
            {t("place.retry")}
          </button>
        </Match>
      </Switch>
    </p>
  );
}
