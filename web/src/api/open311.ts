// The county's Open311 clients (city service platforms): issued, listed, revoked by its admin.
import type { IssuedOpen311Client, IssueOpen311ClientInput, Open311Client } from "@firegov/core/contract";
import { json, post } from "./http.ts";

export function open311Clients(): Promise<{ items: Open311Client[] }> {
  return json("/v1/open311/clients");
}

/** The answer carries the key: it is never shown again. */
export function issueOpen311Client(input: IssueOpen311ClientInput): Promise<IssuedOpen311Client> {
  return json("/v1/open311/clients", post(input));
}

export function revokeOpen311Client(clientId: string): Promise<Open311Client> {
  return json(`/v1/open311/clients/${encodeURIComponent(clientId)}/revoke`, post({}));
}
