import { z } from "zod";
import { roles, type Role } from "../access/index.ts";
import type { RoleFitWarning } from "../profile/index.ts";

type UserItem = {
  userId: string;
  username: string;
  displayName: string;
  phone?: string;
  email?: string;
  role: Role;
  scopeNodeId: string;
  scopePath: string;
  bodyId?: string;
  status: "active" | "disabled";
  mustChangePassword: boolean;
  lockedUntil?: string;
  createdAt: string;
  updatedAt: string;
};

/** A user as the API shows it: never the hash; contact details only to those who manage users. */
export type UserView = Omit<UserItem, "phone" | "email"> & { phone?: string; email?: string; warnings?: RoleFitWarning[] };

export function toUserView(u: UserItem, withContact: boolean): UserView {
  return {
    userId: u.userId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeNodeId: u.scopeNodeId,
    scopePath: u.scopePath,
    ...(u.bodyId ? { bodyId: u.bodyId } : {}),
    status: u.status,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    ...(withContact ? { phone: u.phone, email: u.email } : {}),
  };
}

export const UserViewSchema = z
  .object({
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
    role: z.enum(roles),
    scopeNodeId: z.string(),
    scopePath: z.string(),
    bodyId: z.string().optional().meta({ description: "The profile body the user acts for (a department liaison: that department)" }),
    status: z.enum(["active", "disabled"]),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    warnings: z
      .array(z.object({ code: z.literal("user.role_level_mismatch"), field: z.literal("body.scopeNodeId"), message: z.object({ zh: z.string(), en: z.string() }) }))
      .optional()
      .meta({ description: "On create or update only: the role does not fit the level of the scope node (saved all the same)" }),
  })
  .meta({ id: "User" });
