import "@testing-library/jest-dom/vitest";
import { cleanup } from "@solidjs/testing-library";
import { afterEach } from "vitest";
import { AREAS, loadWords } from "../../web/src/i18n/index.tsx";

// Without vitest globals the testing library cannot register its own cleanup.
afterEach(cleanup);

// jsdom has no scrollTo; the router calls it on navigation.
window.scrollTo = () => {};

// Pages render here without the app's routes, which load each area's words with its page: every word in both languages, up front.
await Promise.all([loadWords("zh-CN", AREAS), loadWords("en", AREAS)]);
