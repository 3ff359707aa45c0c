// Recovery with a one-time code: its own module, so the sign-in shell does not carry it.
import type { RecoverInput } from "@firegov/core/contract";
import { apiFetch, post } from "./http.ts";

/** Resets a password with a one-time recovery code (an admin with neither phone nor email). */
export async function recover(input: RecoverInput): Promise<void> {
  await apiFetch("/v1/auth/recover", post(input), { anonymous: true });
}
