import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";
import { roles } from "../access/index.ts";

/** A person who signs in, with one role at one node of the tree. */
export const UserEntity = new Entity({
  model: { entity: "user", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    username: { type: "string", required: true, readOnly: true },
    displayName: { type: "string", required: true },
    phone: { type: "string" },
    email: { type: "string" },
    role: { type: roles, required: true },
    scopeNodeId: { type: "string", required: true },
    scopePath: { type: "string", required: true },
    /** The profile body the user acts for (a department's liaison: that department); absent: none named. */
    bodyId: { type: "string" },
    status: { type: ["active", "disabled"] as const, required: true, default: "active" },
    passwordHash: { type: "string", required: true },
    mustChangePassword: { type: "boolean", required: true, default: false },
    failedLogins: { type: "number", required: true, default: 0 },
    lockedUntil: { type: "string" },
    passwordChangedAt: { type: "string", required: true, default: () => new Date().toISOString() },
    /** One-time recovery codes (scrypt hashes, slot i for code number i+1); a used slot is "". Absent: none issued. */
    recoveryCodes: { type: "list", items: { type: "string" } },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
  },
  indexes: {
    byId: { pk: tenantPk("pk"), sk: sortKey("sk", "USER#${userId}", ["userId"]) },
    byScope: { index: "gsi1", pk: tenantPk("gsi1pk", "#USERS"), sk: sortKey("gsi1sk", "${scopePath}#${userId}", ["scopePath", "userId"]) },
  },
});

/** Claims a username within a tenant (uniqueness) and finds the user at login. */
export const LoginEntity = new Entity({
  model: { entity: "login", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    username: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byUsername: { pk: tenantPk("pk"), sk: sortKey("sk", "LOGIN#${username}", ["username"]) },
  },
});

// Access patterns
// - get a user by id: user.byId
// - users in a subtree (paginated): user.byScope begins_with(scopePath)
// - find the user for a username at login: login.byUsername, then user.byId

declare module "../db/service.ts" {
  interface Entities {
    user: typeof UserEntity;
    login: typeof LoginEntity;
  }
}
registerEntities({ user: UserEntity, login: LoginEntity });
