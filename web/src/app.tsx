import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./components/layout.tsx";
import { I18nProvider } from "./i18n/index.tsx";

const HomePage = lazy(() => import("./pages/home/index.tsx"));
const HealthPage = lazy(() => import("./pages/health/index.tsx"));

export function App() {
  return (
    <I18nProvider>
      <Router root={Layout}>
        <Route path="/" component={HomePage} />
        <Route path="/status" component={HealthPage} />
      </Router>
    </I18nProvider>
  );
}
