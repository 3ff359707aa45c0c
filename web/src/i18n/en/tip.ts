/**
 * UI strings, en. The public tip page.
 */
import type zh from "../zh/tip.ts";

const en: typeof zh = {
  tip: {
    title: "Report a fire hazard",
    intro: "Seen a fire hazard (blocked fire lane, e-bike charging in a stairwell, broken equipment)? Tell us. No sign-in needed.",
    location: "Where",
    locationHint: "e.g. street, estate, building",
    description: "What you saw",
    descriptionHint: "At least 5 characters",
    contact: "Contact",
    contactHint: "A phone number if you want a call back",
    submit: "Send report",
    thanks: "Report sent",
    another: "Report another",
    rateLimited: "Too many reports: {{message}}",
    notFound: "No such county: check the link.",
  },
};
export default en;
