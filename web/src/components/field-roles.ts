import type { Role } from "@firegov/core/contract";

/**
 * The roles that work on a phone in the field and get the phone shell (compact header + bottom tab bar);
 * every other role keeps the full menu. A layout choice, not a permission: the API still decides.
 */
export const FIELD_ROLES: readonly Role[] = ["grid_worker", "village_manager", "brigade_member"];
export const isFieldRole = (role: Role) => FIELD_ROLES.includes(role);
