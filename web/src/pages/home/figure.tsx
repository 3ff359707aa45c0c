import { A } from "@solidjs/router";
import { ErrorBoundary, Suspense } from "solid-js";

/** One figure of a role's work, leading to the list behind it; a dash while it loads or when it cannot be read. */
export function Figure(props: { href: string; label: string; value: () => number | string | undefined; alert?: boolean; testId?: string }) {
  return (
    <A href={props.href} class="figure" classList={{ "figure-alert": props.alert }} data-testid={props.testId}>
      <span class="figure-value">
        <ErrorBoundary fallback="—">
          <Suspense fallback="…">{props.value() ?? "—"}</Suspense>
        </ErrorBoundary>
      </span>
      <span class="figure-label">{props.label}</span>
    </A>
  );
}
