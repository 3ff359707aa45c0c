// 双随机、一公开: the public results of a county's random spot checks.
import type { PublicSpotCheckPage } from "@firegov/core/contract";
import { json, queryString } from "./http.ts";

/** No sign-in; 404 for a county code that does not exist. */
export function publicSpotChecks(tenantSlug: string, params: { cursor?: string; limit?: number } = {}): Promise<PublicSpotCheckPage> {
  return json(`/v1/public/${encodeURIComponent(tenantSlug)}/spot-checks${queryString(params)}`, undefined, { anonymous: true });
}
