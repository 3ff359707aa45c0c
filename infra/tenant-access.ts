import { ArnPrincipal, Effect, PolicyStatement, Role, type IRole } from "aws-cdk-lib/aws-iam";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import { leadingKeyPatterns } from "@firegov/core";

/** The data actions a tenant's requests need: item reads and writes, Query, transactions; never Scan. */
export const TENANT_DATA_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
];

/** The session tag that carries the tenant; the policy reads it back as a principal tag. */
export const TENANT_TAG = "TenantId";

/**
 * The second wall: the api Lambda reaches the table only through this role,
 * assumed per tenant with the session tag TenantId. Its policy admits only
 * items whose partition key is `T#<tenant>` or starts with `T#<tenant>#`,
 * so tenant `qd` can never touch `T#qd2…`.
 */
export class TenantAccessRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: { table: Table; assumedBy: IRole }) {
    super(scope, id);
    this.role = new Role(this, "Role", {
      description: "Tenant-scoped data access, assumed per request tenant with session tag TenantId",
      assumedBy: new ArnPrincipal(props.assumedBy.roleArn).withSessionTags(),
    });
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: TENANT_DATA_ACTIONS,
        resources: [props.table.tableArn, `${props.table.tableArn}/index/*`],
        conditions: {
          "ForAllValues:StringLike": { "dynamodb:LeadingKeys": leadingKeyPatterns(`\${aws:PrincipalTag/${TENANT_TAG}}`) },
          StringLike: { [`aws:PrincipalTag/${TENANT_TAG}`]: "?*" },
        },
      }),
    );
    props.assumedBy.addToPrincipalPolicy(
      new PolicyStatement({ actions: ["sts:AssumeRole", "sts:TagSession"], resources: [this.role.roleArn] }),
    );
  }
}
