import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";
import { DisplayName, Email, Password, passwordPolicy, Phone, Username } from "./fields.ts";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./password.ts";
import { assignableRoles, authorize, can } from "../access/index.ts";
import { roleNames, roles, type Role } from "../access/index.ts";
import { liveSessionsOf, revokeSessions } from "./sessions.ts";
import { toUserView, type UserView } from "./user-view.ts";
import { BodyId, checkBody, describeBody, type BodyRef } from "./body.ts";
import { profileAt, roleLevelWarning } from "../profile/index.ts";

/** The user as saved, with a warning when their role does not fit their node's level (allowed, but said). */
async function withRoleFit(view: UserView, level: string): Promise<UserView> {
  const { profile } = await profileAt();
  const warning = roleLevelWarning(profile, view.role, level);
  return warning ? { ...view, warnings: [warning] } : view;
}

async function loadUser(userId: string) {
  const actor = useUser();
  const { data } = await tenantDb().service.entities.user.get({ tenantId: actor.tenantId, userId }).go();
  if (!data) throw new AppError("not_found", "user.not_found");
  return data;
}

async function loadNode(nodeId: string) {
  const actor = useUser();
  const { data } = await tenantDb().service.entities.node.get({ tenantId: actor.tenantId, nodeId }).go();
  if (!data || data.status !== "active") throw new AppError("not_found", "node.not_found");
  return data;
}

function assertAssignable(role: Role) {
  const actor = useUser();
  if (!assignableRoles[actor.role]?.includes(role)) {
    throw new AppError("forbidden", "user.role_not_assignable", { roleZh: roleNames[role].zh, roleEn: roleNames[role].en });
  }
}

export const ListUsersInput = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Users in the caller's subtree, a page at a time. */
export const listUsers = useCase(
  ListUsersInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "user.read");
    const page = await tenantDb()
      .service.entities.user.query.byScope({ tenantId: actor.tenantId })
      .begins({ scopePath: actor.scopePath })
      .go({ cursor: input.cursor ?? null, limit: input.limit });
    const withContact = can(actor, "user.manage");
    return { items: page.data.map((u) => toUserView(u, withContact)), cursor: page.cursor };
  },
  "query",
);

export async function getUser(userId: string): Promise<UserView> {
  const actor = useUser();
  const user = await loadUser(userId);
  if (user.userId !== actor.userId) authorize(actor, "user.read", { path: user.scopePath });
  return toUserView(user, user.userId === actor.userId || can(actor, "user.manage", { path: user.scopePath }));
}

export const CreateUserInput = z
  .object({
    username: Username,
    displayName: DisplayName,
    phone: Phone.optional(),
    email: Email.optional(),
    role: z.enum(roles),
    scopeNodeId: z.string().min(1),
    bodyId: BodyId.optional(),
    password: Password,
  })
  .superRefine(passwordPolicy("password", (v: { password: string; username: string; phone?: string }) => v))
  .meta({ id: "CreateUserInput" });

/** An admin or officer creates a user at a node of their subtree, with a temporary password. */
export const createUser = useCase(CreateUserInput, async (input, opts: { idempotencyKey?: string } = {}): Promise<UserView> => {
  const actor = useUser();
  const node = await loadNode(input.scopeNodeId);
  authorize(actor, "user.manage", { path: node.path });
  assertAssignable(input.role);
  if (input.bodyId !== undefined) await checkBody(input.bodyId, node.path);
  const userId = randomUUID();
  const item = {
    tenantId: actor.tenantId,
    userId,
    username: input.username,
    displayName: input.displayName,
    phone: input.phone,
    email: input.email,
    role: input.role,
    scopeNodeId: node.nodeId,
    scopePath: node.path,
    ...(input.bodyId !== undefined ? { bodyId: input.bodyId } : {}),
    passwordHash: await hashPassword(input.password),
    mustChangePassword: true,
  };
  const stored = await writeTransaction<{ userId: string }>(({ user, login, audit }) => [
      user.create(item).commit(),
      login.create({ tenantId: actor.tenantId, username: input.username, userId }).commit(),
      auditItem({ audit }, { action: "user.create", targetType: "user", targetId: userId, details: { username: input.username, role: input.role, scopeNodeId: node.nodeId, ...(input.bodyId !== undefined ? { bodyId: input.bodyId } : {}) } }),
    ],
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: input, result: { userId } } : undefined,
      onCanceled: () => new AppError("conflict", "user.username_taken", { username: input.username }),
    },
  );
  return withRoleFit(await getUser(stored?.userId ?? userId), node.level);
});

export const UpdateUserInput = z
  .object({
    displayName: DisplayName.optional(),
    phone: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    role: z.enum(roles).optional(),
    scopeNodeId: z.string().min(1).optional(),
    bodyId: BodyId.nullable().optional().meta({ description: "The body the user acts for; null: none" }),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual("没有要修改的内容", "Nothing to change"))
  .meta({ id: "UpdateUserInput" });

/** Edit a user's details, role, node or body; the next token refresh carries the new role, scope and body. */
export const updateUser = useCase(UpdateUserInput, async (input, userId: string): Promise<UserView> => {
  const actor = useUser();
  const current = await loadUser(userId);
  authorize(actor, "user.manage", { path: current.scopePath });
  // An admin who demotes or moves themselves could leave the county with no one to manage it.
  const changesAccess = (input.role && input.role !== current.role) || (input.scopeNodeId && input.scopeNodeId !== current.scopeNodeId);
  if (userId === actor.userId && changesAccess) throw new AppError("forbidden", "user.cannot_change_own_access");
  const node = input.scopeNodeId ? await loadNode(input.scopeNodeId) : undefined;
  if (node) authorize(actor, "user.manage", { path: node.path });
  if (input.role && input.role !== current.role) {
    assertAssignable(input.role);
    assertAssignable(current.role);
  }
  // The body must fit the node the user ends up at: checked when either changes.
  const bodyId = input.bodyId === undefined ? current.bodyId : (input.bodyId ?? undefined);
  if (bodyId !== undefined && (input.bodyId != null || node)) await checkBody(bodyId, node?.path ?? current.scopePath, input.bodyId != null ? "body.bodyId" : "body.scopeNodeId");
  const set = {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.role ? { role: input.role } : {}),
    ...(node ? { scopeNodeId: node.nodeId, scopePath: node.path } : {}),
    ...(input.bodyId ? { bodyId: input.bodyId } : {}),
  };
  const remove = [...(input.phone === null ? ["phone" as const] : []), ...(input.email === null ? ["email" as const] : []), ...(input.bodyId === null && current.bodyId !== undefined ? ["bodyId" as const] : [])];
  await writeTransaction(({ user, audit }) => [
      user.patch({ tenantId: actor.tenantId, userId }).set(set).remove(remove).where((a, op) => op.eq(a.updatedAt, current.updatedAt)).commit(),
      auditItem({ audit }, { action: "user.update", targetType: "user", targetId: userId, details: { fields: [...Object.keys(set), ...remove] } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  const changed = await getUser(userId);
  const at = node ?? (input.role ? await loadNode(changed.scopeNodeId).catch(() => undefined) : undefined);
  return at ? withRoleFit(changed, at.level) : changed;
});

export const SetUserStatusInput = z.object({ status: z.enum(["active", "disabled"]) }).meta({ id: "SetUserStatusInput" });

/** Disable (ending every session at once) or re-enable a user. */
export const setUserStatus = useCase(SetUserStatusInput, async (input, userId: string): Promise<UserView> => {
  const actor = useUser();
  const current = await loadUser(userId);
  authorize(actor, "user.manage", { path: current.scopePath });
  assertAssignable(current.role);
  if (userId === actor.userId) throw new AppError("validation", "user.cannot_disable_self");
  await writeTransaction(({ user, audit }) => [
      user.patch({ tenantId: actor.tenantId, userId }).set({ status: input.status, failedLogins: 0 }).remove(["lockedUntil"]).commit(),
      auditItem({ audit }, { action: `user.${input.status === "active" ? "enable" : "disable"}`, targetType: "user", targetId: userId }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  if (input.status === "disabled") await revokeSessions(await liveSessionsOf(userId), "disabled");
  return getUser(userId);
});

export const ResetPasswordInput = z
  .object({ newPassword: Password })
  .superRefine(passwordPolicy("newPassword", (v: { newPassword: string }) => ({ password: v.newPassword })))
  .meta({ id: "ResetPasswordInput" });

/** An admin sets a temporary password: the user must change it, and is signed out everywhere. */
export const resetPassword = useCase(ResetPasswordInput, async (input, userId: string): Promise<UserView> => {
  const actor = useUser();
  const current = await loadUser(userId);
  authorize(actor, "user.manage", { path: current.scopePath });
  assertAssignable(current.role);
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(({ user, audit }) => [
      user
        .patch({ tenantId: actor.tenantId, userId })
        .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date().toISOString(), failedLogins: 0 })
        .remove(["lockedUntil"])
        .commit(),
      auditItem({ audit }, { action: "user.reset_password", targetType: "user", targetId: userId }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  await revokeSessions(await liveSessionsOf(userId), "password_reset");
  return getUser(userId);
});

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: Password })
  .superRefine(passwordPolicy("newPassword", (v: { newPassword: string }) => ({ password: v.newPassword })))
  .meta({ id: "ChangePasswordInput" });

/** A user changes their own password; their other sessions end. */
export const changeOwnPassword = useCase(ChangePasswordInput, async (input): Promise<void> => {
  const actor = useUser();
  const current = await loadUser(actor.userId);
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
    throw new AppError("validation", "auth.wrong_password", {}, [{ path: "body.currentPassword", code: "auth.wrong_password", message: { zh: "当前密码不正确", en: "The current password is incorrect" } }]);
  }
  const problems = checkPasswordPolicy(input.newPassword, "body.newPassword", { username: current.username, phone: current.phone });
  if (problems.length) throw new AppError("validation", "request.invalid", {}, problems);
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(({ user, audit }) => [
      user
        .patch({ tenantId: actor.tenantId, userId: actor.userId })
        .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date().toISOString() })
        .commit(),
      auditItem({ audit }, { action: "user.change_password", targetType: "user", targetId: actor.userId }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  const others = (await liveSessionsOf(actor.userId)).filter((s) => s.sessionId !== actor.sessionId);
  await revokeSessions(others, "password_changed");
});

/** The signed-in user as stored now, and the body of the profile in effect they act for (null: none). */
export async function getMe(): Promise<{ user: UserView; body: BodyRef | null }> {
  const actor = useUser();
  const user = await getUser(actor.userId);
  return { user, body: await describeBody(user.bodyId) };
}
