/**
 * UI strings, en. The public results of random spot checks (双随机、一公开).
 */
import type zh from "../zh/spotchecks.ts";

const en: typeof zh = {
  spotChecks: {
    title: "Random spot checks: results",
    intro: "{{county}} draws the venues to inspect and the inspectors at random each period, and publishes the results. No sign-in needed.",
    empty: "No spot checks yet.",
    notFound: "No such county; check the link.",
    period: "Period: {{start}} to {{end}}",
    drawnAt: "Drawn",
    pool: "{{drawn}} of {{venues}} venues drawn, each inspected by {{per}} inspectors (from a pool of {{inspectors}})",
    seed: "Random seed",
    seedHint: "The draw follows from this seed by a published algorithm ({{algorithm}}): the same seed and the same lists always give the same result.",
    venue: "Venue",
    result: "Result",
    date: "Inspected on",
    counts: "{{passed}} items passed, {{hazards}} hazard(s) found",
    outcome: {
      pending: "Not yet inspected",
      passed: "No hazard found",
      hazards_found: "Hazards found",
      withdrawn: "Closed down; not inspected",
    },
    loadMore: "Earlier draws",
  },
};

export default en;
