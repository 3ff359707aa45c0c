import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Layout } from "./components/layout.tsx";
import { RequireSignIn } from "./components/require-sign-in.tsx";
import { I18nProvider, withWords } from "./i18n/index.tsx";
import { OutboxPage } from "./offline/index.tsx";

const HomePage = lazy(() => withWords(["shell"], import("./pages/home/index.tsx")));
const HealthPage = lazy(() => withWords(["health"], import("./pages/health/index.tsx")));
const SignupPage = lazy(() => withWords(["account"], import("./pages/signup/index.tsx")));
const LoginPage = lazy(() => withWords(["account"], import("./pages/login/index.tsx")));
const PasswordPage = lazy(() => withWords(["account"], import("./pages/account-password/index.tsx")));
const UsersPage = lazy(() => withWords(["users", "account"], import("./pages/users/index.tsx")));
const AuditPage = lazy(() => withWords(["audit"], import("./pages/audit/index.tsx")));
const ProfilePage = lazy(() => withWords(["profile"], import("./pages/profile/index.tsx")));
const ProfileVersionsPage = lazy(() => withWords(["profile"], import("./pages/profile/versions.tsx")));
const ProfileVersionPage = lazy(() => withWords(["profile"], import("./pages/profile/version.tsx")));
const ProfileDraftPage = lazy(() => withWords(["profile"], import("./pages/profile/draft.tsx")));
const ProfileDiffPage = lazy(() => withWords(["profile"], import("./pages/profile/diff.tsx")));
const RuleCoveragePage = lazy(() => withWords(["profile"], import("./pages/profile/coverage.tsx")));
const TreePage = lazy(() => withWords(["organisation"], import("./pages/tree/index.tsx")));
const NodePage = lazy(() => withWords(["organisation", "map"], import("./pages/node/index.tsx")));
const NodeCompliancePage = lazy(() => withWords(["organisation"], import("./pages/compliance/node.tsx")));
const RollupPage = lazy(() => withWords(["organisation"], import("./pages/compliance/rollup.tsx")));
const HazardBoard = lazy(() => withWords(["hazards"], import("./pages/hazards/index.tsx")));
const ReportHazardPage = lazy(() => withWords(["hazards", "inspections"], import("./pages/hazards/new.tsx")));
const MyHazardsPage = lazy(() => withWords(["hazards"], import("./pages/hazards/mine.tsx")));
const ListedHazardsPage = lazy(() => withWords(["hazards"], import("./pages/hazards/listed.tsx")));
const DepartmentInboxPage = lazy(() => withWords(["hazards"], import("./pages/hazards/department.tsx")));
const HazardPage = lazy(() => withWords(["hazards"], import("./pages/hazards/hazard.tsx")));
const InboxPage = lazy(() => withWords(["hazards"], import("./pages/inbox/index.tsx")));
const TipPage = lazy(() => withWords(["tip"], import("./pages/tip/index.tsx")));
const TipFollowPage = lazy(() => withWords(["tip"], import("./pages/tip/follow.tsx")));
const TodayPage = lazy(() => withWords(["inspections"], import("./pages/inspections/today.tsx")));
const InspectPage = lazy(() => withWords(["inspections"], import("./pages/inspections/inspect.tsx")));
const CoveragePage = lazy(() => withWords(["inspections"], import("./pages/inspections/coverage.tsx")));
const VenuesPage = lazy(() => withWords(["inspections"], import("./pages/venues/index.tsx")));
const NewVenuePage = lazy(() => withWords(["inspections"], import("./pages/venues/new.tsx")));
const VenueImportPage = lazy(() => withWords(["inspections", "organisation"], import("./pages/venues/import.tsx")));
const PublicSpotChecksPage = lazy(() => withWords(["spotchecks"], import("./pages/spot-checks/public.tsx")));
const CampaignsPage = lazy(() => withWords(["campaigns"], import("./pages/campaigns/index.tsx")));
const NewCampaignPage = lazy(() => withWords(["campaigns"], import("./pages/campaigns/new.tsx")));
const WarningsPage = lazy(() => withWords(["warnings"], import("./pages/warnings/index.tsx")));
const CampaignPage = lazy(() => withWords(["campaigns"], import("./pages/campaigns/campaign.tsx")));
const IncidentsPage = lazy(() => withWords(["incidents"], import("./pages/incidents/index.tsx")));
const IncidentPage = lazy(() => withWords(["incidents"], import("./pages/incidents/incident.tsx")));
const AssessmentPage = lazy(() => withWords(["assessment"], import("./pages/assessment/index.tsx")));
const SchemePage = lazy(() => withWords(["assessment"], import("./pages/assessment/scheme.tsx")));
const VenuePage = lazy(() => withWords(["inspections", "selfcheck"], import("./pages/venues/venue.tsx")));
const NearbyVenuesPage = lazy(() => withWords(["hazards", "inspections"], import("./pages/venues/nearby.tsx")));
const SelfCheckPage = lazy(() => withWords(["selfcheck"], import("./pages/self-check/index.tsx")));
const DashboardPage = lazy(() => withWords(["dashboard"], import("./pages/dashboard/index.tsx")));
const IotDevicesPage = lazy(() => withWords(["iot"], import("./pages/iot/index.tsx")));
const SelfChecksPage = lazy(() => withWords(["selfcheck"], import("./pages/self-checks/index.tsx")));
const ReportsPage = lazy(() => withWords(["reports"], import("./pages/reports/index.tsx")));
const ResourcesPage = lazy(() => withWords(["resources"], import("./pages/resources/index.tsx")));
const MapPage = lazy(() => withWords(["map", "inspections"], import("./pages/map/index.tsx")));
const AccountNotificationsPage = lazy(() => withWords(["notify"], import("./pages/account-notifications/index.tsx")));
const NotifyAdminPage = lazy(() => withWords(["notify"], import("./pages/integrations-notifications/index.tsx")));
const Open311Page = lazy(() => withWords(["open311"], import("./pages/open311/index.tsx")));
const MapSettingsPage = lazy(() => withWords(["map"], import("./pages/map/settings.tsx")));
const HomeVisitsPage = lazy(() => withWords(["homevisits"], import("./pages/home-visits/index.tsx")));
const MePage = lazy(() => withWords(["shell"], import("./pages/me/index.tsx")));
const SearchPage = lazy(() => withWords(["shell", "hazards"], import("./pages/search/index.tsx")));

// `/health`, `/v1/*` and `/open311/*` (GeoReport v2) belong to the API on the same origin: no page may use them.
export function App() {
  return (
    <I18nProvider>
      <Router root={Layout}>
        <Route path="/" component={HomePage} />
        <Route path="/status" component={HealthPage} />
        <Route path="/signup" component={SignupPage} />
        {/* /recover (a recovery code) shares the sign-in page's chunk: the app shell stays within its budget. */}
        <Route path={["/login", "/recover"]} component={LoginPage} />
        <Route path="/tip/:tenantSlug" component={TipPage} />
        <Route path="/tip/:tenantSlug/:code" component={TipFollowPage} />
        <Route path="/public/:tenantSlug/spot-checks" component={PublicSpotChecksPage} />
        <Route path="/self-check" component={SelfCheckPage} />
        <Route component={RequireSignIn}>
          <Route path="/account/password" component={PasswordPage} />
          <Route path="/account/notifications" component={AccountNotificationsPage} info={{ access: "inbox.read" }} />
          <Route path="/integrations/notifications" component={NotifyAdminPage} info={{ access: "tenant.configure" }} />
          <Route path="/users" component={UsersPage} info={{ access: "user.read" }} />
          <Route path="/audit" component={AuditPage} info={{ access: "audit.read" }} />
          <Route path="/profile" component={ProfilePage} info={{ access: "profile.read" }} />
          <Route path="/profile/versions" component={ProfileVersionsPage} info={{ access: "profile.read" }} />
          <Route path="/profile/versions/:n" component={ProfileVersionPage} info={{ access: "profile.read" }} />
          <Route path="/profile/draft" component={ProfileDraftPage} info={{ access: "profile.edit" }} />
          <Route path="/profile/diff" component={ProfileDiffPage} info={{ access: "profile.read" }} />
          <Route path="/profile/coverage" component={RuleCoveragePage} info={{ access: "profile.read" }} />
          <Route path="/tree" component={TreePage} info={{ access: "node.read" }} />
          <Route path="/nodes/:nodeId" component={NodePage} info={{ access: "org.read" }} />
          <Route path="/nodes/:nodeId/compliance" component={NodeCompliancePage} info={{ access: "compliance.read" }} />
          <Route path="/compliance" component={RollupPage} info={{ access: "compliance.read" }} />
          <Route path="/hazards" component={HazardBoard} info={{ access: "hazard.read" }} />
          <Route path="/dashboard" component={DashboardPage} info={{ access: "hazard.read" }} />
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
          <Route path="/venues/nearby" component={NearbyVenuesPage} info={{ access: "venue.read" }} />
          <Route path="/venues/new" component={NewVenuePage} info={{ access: "venue.manage" }} />
          <Route path="/venues/:venueId" component={VenuePage} info={{ access: "venue.read" }} />
          <Route path="/campaigns" component={CampaignsPage} info={{ access: "campaign.read" }} />
          <Route path="/campaigns/new" component={NewCampaignPage} info={{ access: "campaign.manage" }} />
          <Route path="/campaigns/:campaignId" component={CampaignPage} info={{ access: "campaign.read" }} />
          <Route path="/incidents" component={IncidentsPage} info={{ access: "incident.read" }} />
          <Route path="/incidents/:incidentId" component={IncidentPage} info={{ access: "incident.read" }} />
          <Route path="/warnings" component={WarningsPage} info={{ access: "warning.read" }} />
          <Route path="/assessment" component={AssessmentPage} info={{ access: "assessment.read" }} />
          <Route path="/assessment/:schemeId" component={SchemePage} info={{ access: "assessment.read" }} />
          <Route path="/self-checks" component={SelfChecksPage} info={{ access: "venue.read" }} />
          <Route path="/iot" component={IotDevicesPage} info={{ access: "iot.read" }} />
          <Route path="/reports" component={ReportsPage} info={{ access: "hazard.read" }} />
          <Route path="/resources/:tab" component={ResourcesPage} info={{ access: "org.read" }} />
          <Route path="/map" component={MapPage} info={{ access: "venue.read" }} />
          <Route path="/map/settings" component={MapSettingsPage} info={{ access: "tenant.read" }} />
          <Route path="/home-visits" component={HomeVisitsPage} info={{ access: "home_visit.read" }} />
          <Route path="/integrations/open311" component={Open311Page} info={{ access: "tenant.configure" }} />
          <Route path="/me" component={MePage} />
          <Route path="/search" component={SearchPage} info={{ access: "venue.read" }} />
          <Route path="/outbox" component={OutboxPage} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
