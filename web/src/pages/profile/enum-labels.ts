/**
 * A value of any of the schema's closed lists by its label, for the rule
 * forms' selects: the labels vocabulary.ts keeps, tried in turn; a value
 * none of them knows shows as itself (a kind added to the schema still shows).
 * The county's words (body kinds, flags, record kinds …) are not here: their
 * pickers list the profile's vocabulary with its own labels.
 */
import type { Locale } from "../../i18n/index.tsx";
import * as vocabulary from "./vocabulary.ts";

type Labeller = (value: string, locale: Locale) => string;

const LABELLERS: Labeller[] = [
  vocabulary.deployment,
  vocabulary.venuePolicyKind,
  vocabulary.inspectionMethod,
  vocabulary.hazardState,
  vocabulary.escalationAction,
  vocabulary.obligationEvent,
  vocabulary.incentiveKind,
  (value: string, locale: Locale) => ((vocabulary.FREQUENCY_UNITS as readonly string[]).includes(value) ? vocabulary.frequencyUnit(value as vocabulary.FrequencyUnit, locale) : value),
].filter((labeller): labeller is Labeller => typeof labeller === "function");

export function enumLabel(value: string, locale: Locale): string {
  for (const labeller of LABELLERS) {
    const label = labeller(value, locale);
    if (label && label !== value) return locale === "en" ? label : `${label}（${value}）`;
  }
  return value;
}
