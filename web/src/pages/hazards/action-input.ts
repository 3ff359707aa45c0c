import type { HazardAction, HazardActionInput } from "@firegov/core/contract";

/** Merge has its own form and endpoint (merge.tsx): it names a second hazard. */
export type FormAction = Exclude<HazardAction, "merge">;

type Fields = Readonly<Record<string, string | undefined>>;

/**
 * The request for one action from what its form holds: each action takes
 * only the fields core's schema gives it, so a form that offered more would
 * fail the typecheck rather than send what the API drops.
 */
export function actionInput(action: FormAction, expectedVersion: number, v: Fields, photos: readonly string[]): HazardActionInput {
  // A note for the public (the resident's receipt, an Open311 platform's status_notes), on any action that offers it.
  const base = { expectedVersion, ...(v.publicNote ? { publicNote: v.publicNote } : {}) };
  const note = v.note ? { note: v.note } : {};
  const reason = { reason: v.reason ?? "" };
  const shots = photos.length ? { photos: [...photos] } : {};
  const deadline = v.deadline ? { deadline: v.deadline } : {};
  const party = v.partyName ? { responsibleParty: { name: v.partyName, ...(v.partyContact ? { contact: v.partyContact } : {}) } } : {};
  switch (action) {
    case "register":
      return { action, ...base, ...note, ...party, ...(v.severity ? { severity: v.severity } : {}), ...(v.code ? { code: v.code } : {}), ...(v.codeText ? { codeText: v.codeText } : {}), ...(v.nodeId ? { nodeId: v.nodeId } : {}) };
    case "dispatch":
      return { action, ...base, ...note, ...party, ...deadline, ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}) };
    case "start":
      return { action, ...base, ...note };
    case "submit":
    case "close":
    case "fix_on_spot":
      return { action, ...base, ...note, ...shots };
    case "reject":
      return { action, ...base, ...reason, ...deadline, ...shots };
    case "withdraw":
    case "reopen":
      return { action, ...base, ...reason };
    case "acknowledge":
      return { action, ...base, ...note, ...(v.body ? { body: v.body } : {}) };
    case "escalate":
      return { action, ...base, ...reason, to: v.to ?? "" };
    case "assess":
      return { action, ...base };
    case "list":
    case "delist":
      return { action, ...base, ...reason, level: v.level ?? "" };
  }
}
