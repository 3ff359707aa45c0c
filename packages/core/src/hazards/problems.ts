import type { FieldError } from "../errors/app-error.ts";
import type { Hazard } from "./types.ts";

/**
 * A 409's machine-readable account of where the hazard stands now: its state
 * and version as two entries of `errors` (paths `current.state`, `current.version`).
 */
export function currentFields(current: Pick<Hazard, "state" | "version">): FieldError[] {
  return [
    { path: "current.state", code: "hazard.current_state", message: { zh: current.state, en: current.state } },
    { path: "current.version", code: "hazard.current_version", message: { zh: String(current.version), en: String(current.version) } },
  ];
}
