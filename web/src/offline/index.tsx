// What the shell takes from offline work: one small lazy badge. IndexedDB,
// the sync and the service worker's registration load with its chunk, after
// the first screen, never in the initial 35 KB.
import { lazy, Suspense } from "solid-js";
import { withWords } from "../i18n/index.tsx";

const Badge = lazy(() => withWords(["offline"], import("./outbox-badge.tsx")));

export function OutboxBadge() {
  return (
    <Suspense>
      <Badge />
    </Suspense>
  );
}
