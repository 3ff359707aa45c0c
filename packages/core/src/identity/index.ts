export { login, refresh, logout, authenticate, LoginInput, RefreshInput, SignedInSchema, LOGIN_LIMITS, type SignedIn } from "./sessions.ts";
export { listUsers, getUser, createUser, updateUser, setUserStatus, resetPassword, changeOwnPassword, ListUsersInput, CreateUserInput, UpdateUserInput, SetUserStatusInput, ResetPasswordInput, ChangePasswordInput } from "./users.ts";
export { UserViewSchema, type UserView } from "./user-view.ts";
export { roles, roleNames, type Role } from "./roles.ts";
export { actions, policy, assignableRoles, authorize, can, inSubtree, type Action } from "./policy.ts";
export { hashPassword, verifyPassword, checkPasswordPolicy } from "./password.ts";
export { loadSigningKey, setSigningKey, signingKeyFromSeed, type SigningKey } from "./signing-key.ts";
export { issueAccessToken, verifyAccessToken, ACCESS_TOKEN_SECONDS, SESSION_SECONDS } from "./tokens.ts";
