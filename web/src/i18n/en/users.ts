/**
 * UI strings, en. User management.
 */
import type zh from "../zh/users.ts";

const en: typeof zh = {
  users: {
    title: "Users",
    create: "New user",
    username: "Username",
    displayName: "Name",
    phone: "Mobile number",
    email: "Email",
    role: "Role",
    roleChoose: "Choose a role",
    scope: "Jurisdiction",
    body: "Body (department)",
    bodyHint: "A department liaison acknowledges and acts for their own department only",
    bodyNone: "None",
    tempPassword: "Temporary password",
    tempPasswordHint: "{{policy}}. Tell the user; they must change it at first sign-in",
    createSubmit: "Create user",
    created: "Created “{{name}}”. Tell them the temporary password; they must change it at first sign-in.",
    loadMore: "Load more",
    edit: "Edit",
    save: "Save",
    saved: "Saved “{{name}}”.",
    disable: "Disable",
    enable: "Enable",
    confirmDisable: "Disable “{{name}}”? All their sessions end at once.",
    confirmEnable: "Enable “{{name}}” again?",
    disabled: "Disabled “{{name}}”.",
    enabled: "Enabled “{{name}}”.",
    resetPassword: "Reset password",
    resetSubmit: "Reset",
    confirmReset: "Reset the password of “{{name}}” to the temporary password entered? All their sessions end at once, and they must change it at next sign-in.",
    resetDone: "Reset the password of “{{name}}”. Tell them the temporary password.",
    you: "you",
    mustChange: "Temporary password",
    locked: "Sign-in locked",
  },
};
export default en;
