// A venue's self-checks: the public form its link opens, and the staff's view of them.
import type { SelfCheck, SelfCheckForm, SelfCheckLink, SelfCheckReceipt, SelfCheckRoll, SelfCheckStatus, SubmitSelfCheckInput } from "@firegov/core/contract";
import { json, post, queryString, type Page } from "./http.ts";
import { venuePath } from "./venues.ts";

/** The link's token travels in a header: never in a path or query that servers log. */
const withToken = (token: string) => ({ "x-self-check-token": token });

/** No sign-in: 401 for a link that is not valid or was replaced. */
export function openSelfCheck(token: string): Promise<SelfCheckForm> {
  return json("/v1/public/self-check", { headers: withToken(token) }, { anonymous: true });
}

/** No sign-in; the same submissionId sent again answers the same; 429 `self_check.rate_limited`. */
export function submitSelfCheck(token: string, input: SubmitSelfCheckInput): Promise<SelfCheckReceipt> {
  return json("/v1/public/self-check", post(input, withToken(token)), { anonymous: true });
}

export function venueSelfCheckStatus(venueId: string): Promise<SelfCheckStatus> {
  return json(`${venuePath(venueId)}/self-check`);
}

/** Issues the link, or replaces it: the earlier one stops working. */
export function issueSelfCheckLink(venueId: string): Promise<SelfCheckLink> {
  return json(`${venuePath(venueId)}/self-check/link`, post({}));
}

export function venueSelfChecks(venueId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<SelfCheck>> {
  return json(`${venuePath(venueId)}/self-checks${queryString(params)}`);
}

export function selfCheckRoll(params: { nodeId?: string; missing?: "true"; cursor?: string; limit?: number } = {}): Promise<SelfCheckRoll> {
  return json(`/v1/self-checks${queryString(params)}`);
}
