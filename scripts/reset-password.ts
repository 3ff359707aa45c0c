/**
 * The platform operator resets a user's password when no recovery code is
 * left (a county's first admin with neither phone nor email, say): a
 * temporary password the user must change at the next sign-in; the user's
 * sessions end; the audit log names the operator. Runs against the DynamoDB
 * the environment names (DYNAMODB_ENDPOINT / TABLE_NAME, as the local stack
 * sets them; in AWS, with the operator's own credentials).
 *
 *   tsx scripts/reset-password.ts --tenant <county code> --username <name> --operator <who> --password <temporary>
 */
import { Identity } from "@firegov/core";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const [tenant, username, operator, newPassword] = [arg("tenant"), arg("username"), arg("operator"), arg("password")];
if (!tenant || !username || !operator || !newPassword) {
  console.error("用法 / usage: tsx scripts/reset-password.ts --tenant <county code> --username <name> --operator <who> --password <temporary>");
  process.exit(2);
}
const problems = Identity.checkPasswordPolicy(newPassword, "password", { username });
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.message.zh} / ${p.message.en}`);
  process.exit(2);
}
const { userId } = await Identity.operatorResetPassword({ tenant, username, newPassword, operator });
console.log(JSON.stringify({ reset: "password", tenant, username, userId, operator }));
