import { query, revalidate } from "@solidjs/router";
import type { AnswerWarningInput, IssueWarningInput } from "@firegov/core/contract";
import { answerWarning, getWarning, issueWarning, listWarnings, nodeWarnings } from "../../api/warnings.ts";

export const issuedWarnings = query(() => listWarnings({ limit: 50 }), "warnings");
export const warningById = query((warningId: string) => getWarning(warningId), "warning");
export const myNodeWarnings = query(() => nodeWarnings({ limit: 50 }), "node-warnings");

export async function issue(input: IssueWarningInput, key: string) {
  const issued = await issueWarning(input, key);
  await revalidate([issuedWarnings.key, myNodeWarnings.key]);
  return issued;
}

export async function answer(warningId: string, nodeId: string, input: AnswerWarningInput) {
  const answered = await answerWarning(warningId, nodeId, input);
  await revalidate([myNodeWarnings.key, warningById.keyFor(warningId), issuedWarnings.key]);
  return answered;
}
