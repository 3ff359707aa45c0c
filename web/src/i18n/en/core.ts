/**
 * UI strings, en. The words every page may show: the header and its
 * navigation (each area's name and the inbox's unread count, so the layout
 * never waits for an area's words), the session, forms, errors and photos,
 * the home and status pages. zh-CN comes with the app; en is loaded before its first paint.
 */
import type zh from "../zh/core.ts";

const en: typeof zh = {
  app: { title: "Grassroots Fire Safety", subtitle: "Hazard loop · Venue inspection · Organisation compliance" },
  nav: {
    home: "Home",
    commandCentre: "Command centre",
    registers: "Registers",
    integrations: "Integrations",
    health: "System status",
    apiDocs: "API docs",
    language: "中文",
    users: "Users",
    audit: "Audit log",
    profile: "Policy profile",
    login: "Sign in",
    signup: "Sign a county up",
    password: "Change password",
    logout: "Sign out",
  },
  home: {
    welcome: "Welcome to grassroots fire-safety governance",
    greeting: "Hello, {{name}}",
    intro: "Counties, towns, villages and grids work together here: venue inspections, hazard closed loops and organisational compliance, all driven by the local policy documents.",
  },
  health: {
    title: "System status",
    api: "API service",
    database: "Database (DynamoDB)",
    reachable: "reachable",
    unreachable: "unreachable",
    latency: "{{ms}} ms",
    checkedAt: "Checked at",
    refresh: "Check again",
    loading: "Checking…",
    failed: "Cannot reach the API: {{message}}",
    ok: "OK",
    degraded: "Degraded",
  },
  auth: {
    expired: "Your session has expired; please sign in again.",
    ended: "This session has ended; please sign in again.",
    restoring: "Restoring your session…",
    unreachable: "Cannot reach the API to restore your session: {{message}}",
    forbidden: "You are not allowed to open this page.",
  },
  form: {
    optional: "optional",
    submitting: "Submitting…",
    loading: "Loading…",
    mismatch: "The two passwords do not match",
    passwordHint: "8–128 characters with letters and digits, not containing the username or phone number",
    cancel: "Cancel",
    confirm: "Confirm",
  },
  error: { generic: "Something went wrong: {{message}}", retry: "Retry" },
  photos: {
    add: "Take or choose photos",
    uploading: "Uploading photos…",
    rejected: "Only JPEG, PNG or WebP photos up to 10 MB",
    failed: "Not uploaded: {{reason}}",
  },
  hazards: { nav: "Hazards", navMine: "My hazards" },
  inbox: { nav: "Inbox", unread: "{{count}} unread" },
  today: { nav: "Today" },
  venues: { nav: "Venues" },
  selfCheck: { nav: "Self-checks" },
  coverage: { nav: "Coverage" },
  dashboard: { nav: "Dashboard" },
  open311: { nav: "Open311 clients" },
  campaigns: { nav: "Campaigns" },
  tree: { nav: "Jurisdiction" },
  compliance: { nav: "Compliance" },
  assessment: { nav: "Assessment" },
  reports: { nav: "Reports" },
  map: { nav: "Map" },
};
export default en;
