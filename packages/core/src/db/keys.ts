/**
 * The fixed tenant key format. Every partition key of every entity and index
 * is `T#<tenantId>` or `T#<tenantId>#...`. The separator after the id is what
 * lets an IAM pattern anchor on it: tenant `qd` matches `T#qd` and `T#qd#*`,
 * never `T#qd2#...`.
 */
export const TENANT_KEY_PREFIX = "T#";

/** Tenant ids are lowercase slugs, so the key format cannot be broken from inside. */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

export function tenantKey(tenantId: string): string {
  if (!TENANT_ID_PATTERN.test(tenantId)) throw new Error(`invalid tenant id: ${tenantId}`);
  return `${TENANT_KEY_PREFIX}${tenantId}`;
}

/** The ElectroDB key template every entity's partition keys start with. */
export const TENANT_KEY_TEMPLATE = "T#${tenantId}";

/** The two IAM LeadingKeys patterns that admit exactly one tenant's items. */
export function leadingKeyPatterns(tenantRef: string): [string, string] {
  return [`${TENANT_KEY_PREFIX}${tenantRef}`, `${TENANT_KEY_PREFIX}${tenantRef}#*`];
}
