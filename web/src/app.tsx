import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./components/layout.tsx";
import { RequireSignIn } from "./components/require-sign-in.tsx";
import { I18nProvider } from "./i18n/index.tsx";

const HomePage = lazy(() => import("./pages/home/index.tsx"));
const HealthPage = lazy(() => import("./pages/health/index.tsx"));
const SignupPage = lazy(() => import("./pages/signup/index.tsx"));
const LoginPage = lazy(() => import("./pages/login/index.tsx"));
const PasswordPage = lazy(() => import("./pages/account-password/index.tsx"));
const UsersPage = lazy(() => import("./pages/users/index.tsx"));
const AuditPage = lazy(() => import("./pages/audit/index.tsx"));
const ProfilePage = lazy(() => import("./pages/profile/index.tsx"));
const ProfileVersionsPage = lazy(() => import("./pages/profile/versions.tsx"));
const ProfileVersionPage = lazy(() => import("./pages/profile/version.tsx"));
const ProfileDraftPage = lazy(() => import("./pages/profile/draft.tsx"));
const ProfileDiffPage = lazy(() => import("./pages/profile/diff.tsx"));
const TreePage = lazy(() => import("./pages/tree/index.tsx"));
const NodePage = lazy(() => import("./pages/node/index.tsx"));
const NodeCompliancePage = lazy(() => import("./pages/compliance/node.tsx"));
const RollupPage = lazy(() => import("./pages/compliance/rollup.tsx"));
const HazardBoard = lazy(() => import("./pages/hazards/index.tsx"));
const ReportHazardPage = lazy(() => import("./pages/hazards/new.tsx"));
const MyHazardsPage = lazy(() => import("./pages/hazards/mine.tsx"));
const ListedHazardsPage = lazy(() => import("./pages/hazards/listed.tsx"));
const DepartmentInboxPage = lazy(() => import("./pages/hazards/department.tsx"));
const HazardPage = lazy(() => import("./pages/hazards/hazard.tsx"));
const InboxPage = lazy(() => import("./pages/inbox/index.tsx"));
const TipPage = lazy(() => import("./pages/tip/index.tsx"));
const TodayPage = lazy(() => import("./pages/inspections/today.tsx"));
const InspectPage = lazy(() => import("./pages/inspections/inspect.tsx"));
const CoveragePage = lazy(() => import("./pages/inspections/coverage.tsx"));
const VenuesPage = lazy(() => import("./pages/venues/index.tsx"));
const VenueImportPage = lazy(() => import("./pages/venues/import.tsx"));
const VenuePage = lazy(() => import("./pages/venues/venue.tsx"));

// `/health` and `/v1/*` belong to the API on the same origin: no page may use them.
export function App() {
  return (
    <I18nProvider>
      <Router root={Layout}>
        <Route path="/" component={HomePage} />
        <Route path="/status" component={HealthPage} />
        <Route path="/signup" component={SignupPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/tip/:tenantSlug" component={TipPage} />
        <Route component={RequireSignIn}>
          <Route path="/account/password" component={PasswordPage} />
          <Route path="/users" component={UsersPage} info={{ access: "user.read" }} />
          <Route path="/audit" component={AuditPage} info={{ access: "audit.read" }} />
          <Route path="/profile" component={ProfilePage} info={{ access: "profile.read" }} />
          <Route path="/profile/versions" component={ProfileVersionsPage} info={{ access: "profile.read" }} />
          <Route path="/profile/versions/:n" component={ProfileVersionPage} info={{ access: "profile.read" }} />
          <Route path="/profile/draft" component={ProfileDraftPage} info={{ access: "profile.edit" }} />
          <Route path="/profile/diff" component={ProfileDiffPage} info={{ access: "profile.read" }} />
          <Route path="/tree" component={TreePage} info={{ access: "node.read" }} />
          <Route path="/nodes/:nodeId" component={NodePage} info={{ access: "org.read" }} />
          <Route path="/nodes/:nodeId/compliance" component={NodeCompliancePage} info={{ access: "compliance.read" }} />
          <Route path="/compliance" component={RollupPage} info={{ access: "compliance.read" }} />
          <Route path="/hazards" component={HazardBoard} info={{ access: "hazard.read" }} />
          <Route path="/hazards/new" component={ReportHazardPage} info={{ access: "hazard.report" }} />
          <Route path="/hazards/mine" component={MyHazardsPage} info={{ access: "hazard.read" }} />
          <Route path="/hazards/listed" component={ListedHazardsPage} info={{ access: "hazard.read" }} />
          <Route path="/hazards/department" component={DepartmentInboxPage} info={{ access: "hazard.read" }} />
          <Route path="/hazards/:id" component={HazardPage} info={{ access: "hazard.read" }} />
          <Route path="/inbox" component={InboxPage} info={{ access: "inbox.read" }} />
          <Route path="/today" component={TodayPage} info={{ access: "inspection.perform" }} />
          <Route path="/inspect/:venueId" component={InspectPage} info={{ access: "inspection.perform" }} />
          <Route path="/coverage" component={CoveragePage} info={{ access: "inspection.read" }} />
          <Route path="/venues" component={VenuesPage} info={{ access: "venue.read" }} />
          <Route path="/venues/import" component={VenueImportPage} info={{ access: "venue.manage" }} />
          <Route path="/venues/:venueId" component={VenuePage} info={{ access: "venue.read" }} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
