import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { registeredEntities, tableDefinition } from "@firegov/core";
import { addDeployment } from "../../infra/build.ts";
import { resolveConfig } from "../../infra/config.ts";

const cdkJson = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../cdk.json"), "utf8"));

function template() {
  const app = new App({ context: { ...cdkJson.context, "aws:cdk:bundling-stacks": [] }, builtinCloudFormationValidation: false });
  return Template.fromStack(addDeployment(app, resolveConfig({ region: "cn-northwest-1" })));
}

/** IAM StringLike: `*` is any run of characters, `?` exactly one. */
function iamLike(pattern: string, value: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "s").test(value);
}

/** A plausible item for any entity, built from its attribute types, with the given tenant. */
type AttributeDefinition = { type: unknown; properties?: Record<string, AttributeDefinition> };

function sampleItem(attributes: Record<string, AttributeDefinition>, tenantId: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries(attributes)) {
    const t = attr.type;
    item[name] =
      name === "tenantId" ? tenantId
      : Array.isArray(t) ? t[0]
      : t === "number" ? 1
      : t === "boolean" ? true
      : t === "list" ? []
      : t === "map" ? sampleItem(attr.properties ?? {}, tenantId)
      : t === "any" ? {}
      : t === "set" ? ["a"]
      : `${name}-1`;
  }
  return item;
}

const partitionKeyFields = [tableDefinition.partitionKey, ...tableDefinition.globalIndexes.map((g) => g.partitionKey)];

/** Every partition-key value ElectroDB really writes for the tenant, over every entity and index. */
function partitionKeysWritten(tenantId: string): string[] {
  return Object.values(registeredEntities()).flatMap((entity) => {
    const attributes = (entity as unknown as { schema: { attributes: Record<string, AttributeDefinition> } }).schema.attributes;
    const params = (entity as unknown as { put(i: unknown): { params(o: object): { Item: Record<string, unknown> } } })
      .put(sampleItem(attributes, tenantId))
      .params({ table: "t" });
    return partitionKeyFields.map((f) => params.Item[f]).filter((v): v is string => typeof v === "string");
  });
}

describe("the tenant-access role (second wall)", () => {
  const t = template();
  const policies = Object.values(t.findResources("AWS::IAM::Policy")) as { Properties: { PolicyDocument: { Statement: any[] } } }[];
  const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
  const tenantStatement = statements.find((s) => s.Condition?.["ForAllValues:StringLike"]?.["dynamodb:LeadingKeys"]);

  it("holds item access to keys led by the session's TenantId tag, and nothing in the stack may Scan", () => {
    expect(tenantStatement).toBeDefined();
    expect(tenantStatement.Condition["ForAllValues:StringLike"]["dynamodb:LeadingKeys"]).toEqual(["T#${aws:PrincipalTag/TenantId}", "T#${aws:PrincipalTag/TenantId}#*"]);
    const allActions = statements.flatMap((s) => [s.Action].flat());
    expect(allActions).not.toContain("dynamodb:Scan");
    expect(allActions.filter((a: string) => a === "dynamodb:*")).toEqual([]);
  });

  it("matches every key ElectroDB writes for one tenant and none of another's, even one whose id starts the same", () => {
    const patterns = (tenantStatement.Condition["ForAllValues:StringLike"]["dynamodb:LeadingKeys"] as string[]).map((p) => p.replace("${aws:PrincipalTag/TenantId}", "qd"));
    const written = partitionKeysWritten("qd");
    // The one deliberate exception: the tenant registry's index, which the system's jobs Query to
    // walk every tenant. A tenant's role may write its own registry item (its table key is the
    // tenant's) but can never Query that index, whose key is not the tenant's.
    const systemIndex = written.filter((k) => k.startsWith("T#system#"));
    const own = written.filter((k) => !k.startsWith("T#system#"));
    expect(systemIndex).toEqual(["T#system#TENANTS"]);
    for (const key of systemIndex) expect(patterns.some((p) => iamLike(p, key)), key).toBe(false);
    const other = partitionKeysWritten("qd2").filter((k) => !k.startsWith("T#system#"));
    // Every entity writes at least its table partition key.
    expect(own.length).toBeGreaterThanOrEqual(Object.keys(registeredEntities()).length);
    for (const key of own) expect(patterns.some((p) => iamLike(p, key)), key).toBe(true);
    for (const key of other) expect(patterns.some((p) => iamLike(p, key)), key).toBe(false);
  });

  it("is the api Lambda's only way to the table's items: the function may assume it with a session tag, and only describe the table itself", () => {
    const api = Object.entries(t.findResources("AWS::Lambda::Function")).find(([, r]: [string, any]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === "firegov-api")!;
    const env = (api[1] as any).Properties.Environment.Variables;
    expect(env.TENANT_ROLE_ARN).toBeDefined();
    expect(env.JWT_SECRET_ARN).toBeDefined();
    const roleLogicalId = (api[1] as any).Properties.Role["Fn::GetAtt"][0];
    const apiStatements = policies
      .filter((p: any) => p.Properties.Roles?.some((r: any) => r.Ref === roleLogicalId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const dynamoActions = apiStatements.flatMap((s) => [s.Action].flat()).filter((a: string) => a.startsWith("dynamodb:"));
    expect(dynamoActions).toEqual(["dynamodb:DescribeTable"]);
    expect(apiStatements.flatMap((s) => [s.Action].flat())).toEqual(expect.arrayContaining(["sts:AssumeRole", "sts:TagSession"]));
    t.hasResourceProperties("AWS::IAM::Role", {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Action: ["sts:AssumeRole", "sts:TagSession"] })] },
    });
  });
});
