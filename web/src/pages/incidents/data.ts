import { action, query, revalidate } from "@solidjs/router";
import type { CreateIncidentInput, UpdateIncidentInput } from "@firegov/core/contract";
import { listVenues } from "../../api/venues.ts";
import { createIncident, getIncident, listIncidents, updateIncident } from "../../api/incidents.ts";

export const incidentList = query((nodeId: string | undefined) => listIncidents({ ...(nodeId ? { nodeId } : {}), limit: 100 }), "incidents");
export const incidentById = query((incidentId: string) => getIncident(incidentId), "incident");
export const venueChoices = query(async () => (await listVenues({ limit: 200 })).items, "incident-venues");

export const createAction = action(async (input: CreateIncidentInput, key: string) => {
  const made = await createIncident(input, key);
  await revalidate(incidentList.key);
  return made;
}, "incident-create");

export const updateAction = action(async (incidentId: string, input: UpdateIncidentInput) => {
  const edited = await updateIncident(incidentId, input);
  await revalidate([incidentById.keyFor(incidentId), incidentList.key]);
  return edited;
}, "incident-update");

/** Save a downloaded file under its name. */
export function saveBlob(file: { filename: string; blob: Blob }) {
  const url = URL.createObjectURL(file.blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: file.filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
