import { useTenant } from "../context/actor.ts";
import type { ProfileIssue } from "./validate.ts";

// Reading the draft answers its issues: the schema, the semantic checks and
// every quote against the attached document, several milliseconds of CPU for
// a county's profile. They are a pure function of the stored JSON and the
// document's text, so a container keeps the last answer per tenant and reuses
// it while both are exactly the same strings (compared whole: any save,
// import, fork or attach changes one of them, in this container or another).

/** Tenants whose last checked draft a container keeps (one entry each). */
const MAX_TENANTS = 64;

type Source = "draft" | "version";
interface Checked {
  source: Source;
  json: string;
  text: string | undefined;
  profile: Record<string, unknown>;
  issues: ProfileIssue[];
}

const lastByTenant = new Map<string, Checked>();

/**
 * The profile read from `json` and its issues against `text`, computed once
 * per tenant for the same inputs. `source` tells a saved draft (kept as saved)
 * from a published version (read in today's shape), whose JSON may be equal.
 * Callers treat the answer as read-only: it is shared by the next reads.
 */
export function checkedProfile(
  source: Source,
  json: string,
  text: string | undefined,
  read: () => Record<string, unknown>,
  check: (profile: Record<string, unknown>, text: string | undefined) => ProfileIssue[],
): { profile: Record<string, unknown>; issues: ProfileIssue[] } {
  const tenantId = useTenant();
  const last = lastByTenant.get(tenantId);
  if (last && last.source === source && last.json === json && last.text === text) {
    // Most recently used last: the oldest tenant is the one let go.
    lastByTenant.delete(tenantId);
    lastByTenant.set(tenantId, last);
    return last;
  }
  const profile = read();
  const checked: Checked = { source, json, text, profile, issues: check(profile, text) };
  lastByTenant.delete(tenantId);
  lastByTenant.set(tenantId, checked);
  if (lastByTenant.size > MAX_TENANTS) lastByTenant.delete(lastByTenant.keys().next().value!);
  return checked;
}
