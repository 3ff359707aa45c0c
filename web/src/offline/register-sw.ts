// The service worker (built by vite-plugin-pwa into /sw.js) keeps the app
// shell and the day's data for offline use. Registered after the first
// screen, from a lazy chunk; only in a production build (the dev server has none).
let registered = false;

export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  registered = true;
  void import("workbox-window")
    .then(({ Workbox }) => new Workbox("/sw.js", { scope: "/" }).register())
    .catch((error: unknown) => console.error(error));
}
