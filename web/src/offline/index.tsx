// What the shell takes from offline work: the badge and the /outbox page, one
// lazy chunk (IndexedDB, the sync and the service worker's registration load
// with it, after the first screen, never in the initial 35 KB).
import { lazy } from "solid-js";
import { withWords } from "../i18n/index.tsx";

const ui = () => withWords(["inspections"], import("./outbox-badge.tsx"));
export const OutboxBadge = lazy(ui);
export const OutboxPage = lazy(() => ui().then((m) => ({ default: m.OutboxPage })));
