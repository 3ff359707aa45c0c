// Work in progress kept on the phone (an inspection half done survives a
// reload, offline too) until it is submitted or queued.
import { offlineDb } from "./db.ts";

export async function saveDraft(key: string, value: unknown): Promise<void> {
  await (await offlineDb()).put("drafts", { key, savedAt: new Date().toISOString(), value });
}

export async function loadDraft<T>(key: string): Promise<{ value: T; savedAt: string } | undefined> {
  const draft = await (await offlineDb()).get("drafts", key);
  return draft ? { value: draft.value as T, savedAt: draft.savedAt } : undefined;
}

export async function clearDraft(key: string): Promise<void> {
  await (await offlineDb()).delete("drafts", key);
}
