/**
 * UI strings, en. Signup, login and the password change.
 */
import type zh from "../zh/account.ts";

const en: typeof zh = {
  signup: {
    title: "Sign a county up",
    intro: "Open the platform for your county or district: choose the policy document it follows and set up its first administrator.",
    county: "County",
    slug: "County code",
    slugHint: "3–32 lowercase letters, digits or hyphens, starting with a letter, e.g. xinhe; used to sign in",
    name: "County name",
    namePlaceholder: "e.g. Xinhe County",
    preset: "Policy profile",
    presetHint: "The local fire-safety policy document to start from; adjustable later",
    presetChoose: "Choose a policy profile",
    presetsFailed: "Cannot load the policy profiles: {{message}}",
    admin: "Administrator",
    username: "Username",
    usernameHint: "3–32 lowercase letters, digits or _ . -",
    displayName: "Name",
    phone: "Mobile number",
    email: "Email",
    contactHint: "Give a mobile number or an email, or both",
    password: "Password",
    passwordConfirm: "Confirm password",
    submit: "Sign up",
    haveAccount: "Already signed up? Sign in",
  },
  login: {
    title: "Sign in",
    tenant: "County code",
    tenantHint: "The code your county chose when it signed up",
    username: "Username",
    password: "Password",
    submit: "Sign in",
    signedUp: "Signed up. Sign in with the administrator account.",
    noAccount: "County not on the platform yet? Sign it up",
  },
  account: {
    title: "Change password",
    forced: "This is a temporary password: set your own new password first.",
    current: "Current password",
    next: "New password",
    confirm: "Confirm new password",
    submit: "Save new password",
    done: "Your password has been changed.",
  },
};
export default en;
