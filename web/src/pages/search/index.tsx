import { A, createAsync, query, useSearchParams } from "@solidjs/router";
import { For, Show, Suspense } from "solid-js";
import type { HazardSummary } from "@firegov/core/contract";
import { listHazards, searchHazards } from "../../api/hazards.ts";
import { listVenues } from "../../api/venues.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { Loading } from "../../components/load-error.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { HazardCard } from "../hazards/list.tsx";
import { codeName, hazardCodes } from "../hazards/labels.ts";
import { codesNamed, hazardMatches } from "./match.ts";

// Venues: the API's own query (name, address, external id, contact) over the caller's subtree.
const venueResults = query((q: string) => listVenues({ q, limit: 20 }), "search-venues");
// Hazards: the open ones of the caller's subtree (the API's state list, first 100), matched here by code, code name, venue and place;
// and every open hazard of a code the query names, from the server's search (its code filter).
const openHazards = query(async () => (await listHazards({ list: "state", state: "open", limit: 100 })).items, "search-open-hazards");
const openOfCode = query(async (code: string) => (await searchHazards({ state: "open", code, limit: 50 })).items, "search-open-of-code");

/** Search from the shell: a venue by name or address, an open hazard by its code. The query lives in the address (?q=). */
export default function SearchPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const q = () => (params.q ?? "").trim();
  const role = () => signedInUser()!.role;
  // Names of codes when the profile reads; the codes themselves otherwise.
  const profile = createAsync(() => profileInEffect().catch(() => undefined));
  const venues = createAsync(async () => (q() && can(role(), "venue.read") ? (await venueResults(q())).items : []));
  const hazards = createAsync(async (): Promise<HazardSummary[]> => {
    if (!q() || !can(role(), "hazard.read")) return [];
    const p = await profileInEffect().catch(() => undefined);
    const codes = p ? codesNamed(hazardCodes(p), q()) : [];
    const [first, ...ofCodes] = await Promise.all([openHazards(), ...codes.map((code) => openOfCode(code))]);
    const found = new Map<string, HazardSummary>();
    for (const h of ofCodes.flat()) found.set(h.hazardId, h);
    for (const h of first!) if (hazardMatches(h, q(), codeName(p, h.code, h.codeText, locale()))) found.set(h.hazardId, h);
    return [...found.values()];
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget as HTMLFormElement).get("q");
    setParams({ q: typeof value === "string" && value.trim() ? value.trim() : undefined });
  };
  return (
    <section class="card search-page">
      <h1>{t("search.title")}</h1>
      <form role="search" class="search-form" onSubmit={submit}>
        <label for="search-q" class="visually-hidden">{t("search.label")}</label>
        <input id="search-q" name="q" type="search" value={q()} placeholder={t("search.label")} autocomplete="off" enterkeyhint="search" />
        <button type="submit" class="button">{t("search.submit")}</button>
      </form>
      <p class="hint">{t("search.hint")}</p>
      <Show when={q()}>
        <Loading>
          <h2>{t("search.venues")}</h2>
          <ul class="search-results" aria-label={t("search.venues")} data-testid="search-venues">
            <For each={venues()} fallback={<li class="hint">{t("search.none")}</li>}>
              {(venue) => (
                <li>
                  <A href={`/venues/${encodeURIComponent(venue.venueId)}`} class="search-result">
                    <strong>{venue.name}</strong>
                    <Show when={venue.address}><span class="hint">{venue.address}</span></Show>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Loading>
        <Loading>
          <h2>{t("search.hazards")}</h2>
          <Suspense>
            <ul class="hz-list search-results" aria-label={t("search.hazards")} data-testid="search-hazards">
              <For each={hazards()} fallback={<li class="hint">{t("search.none")}</li>}>
                {(hazard) => <HazardCard hazard={hazard} profile={profile()} />}
              </For>
            </ul>
          </Suspense>
        </Loading>
      </Show>
    </section>
  );
}
