// The domain's entities join the table's one service when the domain loads.
import "./user.entity.ts";
import "./throttle.entity.ts";
import "./session.entity.ts";
export { login, refresh, logout, authenticate, LoginInput, RefreshInput, SignedInSchema, LOGIN_LIMITS, REFRESH_REUSE_GRACE_SECONDS, type SignedIn } from "./sessions.ts";
export { getMe, listUsers, getUser, createUser, updateUser, setUserStatus, resetPassword, changeOwnPassword, ListUsersInput, CreateUserInput, UpdateUserInput, SetUserStatusInput, ResetPasswordInput, ChangePasswordInput } from "./users.ts";
export { UserViewSchema, type UserView } from "./user-view.ts";
export { BodyRefSchema, bodyRef, type BodyRef } from "./body.ts";
export { hashPassword, verifyPassword, checkPasswordPolicy } from "./password.ts";
export { loadSigningKey, setSigningKey, signingKeyFromSeed, type SigningKey } from "./signing-key.ts";
export { issueAccessToken, verifyAccessToken, ACCESS_TOKEN_SECONDS, SESSION_SECONDS } from "./tokens.ts";
export { Username, DisplayName, Phone, Email, Password, passwordPolicy } from "./fields.ts";
export { SESSION_CHECK_SECONDS } from "./session-cache.ts";
export { activeUsersWithRoles, activeUsersUnder, type PoolUser, type ScopedUser } from "./pool.ts";
export { recoverPassword, RecoverInput, issueRecoveryCodes, RECOVERY_CODE_COUNT, renewRecoveryCodes, RenewRecoveryCodesInput, operatorResetPassword } from "./recovery.ts";
