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
    receiptCode: "Your code (keep it to follow your report up):",
    lookup: "Follow a report",
    code: "Code",
    lookupButton: "Look up",
    codeUnknown: "No report for this code; please check it.",
    stageLabel: "Status: ",
    stage: { received: "Received, to be checked", confirmed: "Confirmed and being handled", closed: "Done", not_confirmed: "Checked: no hazard found" },
    note: "Note: ",
    reward: { pending: "Once confirmed, it may earn the reward ({{form}}).", eligible: "Your report is confirmed and eligible for the reward ({{form}}).", rewarded: "The reward ({{form}}) was given.", not_eligible: "This report is not eligible for the reward ({{form}})." },
    rewardGiven: " ({{form}}{{amount}}, {{date}})",
    amount: " {{amount}} yuan",
    notFound: "No such county: check the link.",
  },
};
export default en;
