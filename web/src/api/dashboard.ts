// The leaders' dashboard of a node's subtree (issue 17).
import type { Dashboard } from "@firegov/core/contract";
import { json, queryString } from "./http.ts";

/** A node's figures; without a path, the caller's own scope. */
export function getDashboard(path?: string): Promise<Dashboard> {
  return json(`/v1/dashboard${queryString({ path })}`);
}
