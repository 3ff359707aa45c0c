import { Route } from "@solidjs/router";
import { screen } from "@solidjs/testing-library";
import type { ProfileVersion } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import NewVenuePage from "../../web/src/pages/venues/new.tsx";
import { admin, fakeApi, json, renderAt, signedIn } from "./fake-api.tsx";
import { county, dongHe } from "./organisation-fixture.ts";

/**
 * 新增场所 opened by a signed-in admin, with the given profile in effect:
 * waits until the profile's first kind (`firstKind`) and the node options
 * are on screen. `create` answers POST /v1/venues.
 */
export async function openNewVenueForm(profile: ProfileVersion, firstKind: string, create: Parameters<typeof fakeApi>[0][string]) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: admin })) });
  await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
  const api = fakeApi({
    "GET /v1/profile": () => json(200, profile),
    "GET /v1/nodes": () => json(200, { items: [county, dongHe], cursor: null }),
    "POST /v1/venues": create,
    "GET /v1/venues/v-new": () => json(200, {}),
  });
  const view = renderAt("/venues/new", () => (
    <>
      <Route path="/venues/new" component={NewVenuePage} />
      <Route path="/venues/:venueId" component={() => <p>venue page</p>} />
    </>
  ));
  await screen.findByText(firstKind);
  await screen.findByRole("option", { name: /东河乡/ });
  return { api, view };
}
