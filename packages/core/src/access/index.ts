// Access: the roles users hold and the one policy table of who may do what,
// where (a user acts only within their scope node's subtree). A kernel every
// domain uses to authorize its use cases; it depends on no domain.
export { roles, roleNames, type Role } from "../context/roles.ts";
export { actions, policy, assignableRoles, authorize, can, inSubtree, type Action } from "./policy.ts";
