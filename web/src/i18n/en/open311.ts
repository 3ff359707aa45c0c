/**
 * UI strings, English. Open311 clients (city service platforms' keys).
 */
export default {
  open311: {
    title: "Open311 clients",
    intro: "Issue keys to city service platforms (a 12345 hotline, a city operations centre): what they file through Open311 GeoReport v2 becomes a hazard of your county (source “city service platform”) for staff to register or withdraw; with the key they can follow its status (only the notes written for the public, never internal notes or staff names).",
    endpoint: "Endpoint:",
    countyCode: "county code",
    issue: "Issue a new key",
    name: "Client name",
    nameHint: "e.g. the district's 12345 citizen hotline",
    issueButton: "Issue",
    shownOnce: "The key for “{{name}}” is shown this once: copy it now and hand it over safely. Only its hash is kept; it cannot be shown again.",
    copy: "Copy key",
    copied: "Copied",
    done: "Saved, close",
    clients: "Clients",
    none: "No keys issued yet.",
    keyPrefix: "Key starts",
    createdAt: "Issued",
    status: "Status",
    actions: "Actions",
    active: "Active",
    revokedAt: "Revoked {{when}}",
    revoke: "Revoke",
    confirmRevoke: "Once “{{name}}” is revoked it can no longer file or read requests. Revoke it?",
  },
};
