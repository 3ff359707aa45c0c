import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Entity, Service } from "electrodb";

/**
 * The entities of the one table, by name. The kernel names none of them:
 * each domain's entity file adds its own here (declaration merging) and
 * registers them when it loads, so imports run one way, from the domains
 * down to the kernel, while one Service still joins every entity (a
 * transaction may write items of several domains).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Entities {}

/** The registered entities as a plain object type (what ElectroDB's Service expects). */
export type EntityMap = { [K in keyof Entities]: Entities[K] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEntity = Entity<any, any, any, any>;

const registered = new Map<string, AnyEntity>();
let generation = 0;

/** Adds a domain's entities to the service (called once, where the entities are defined). */
export function registerEntities(entities: Partial<EntityMap>): void {
  for (const [name, entity] of Object.entries(entities) as [string, AnyEntity][]) {
    const known = registered.get(name);
    if (known && known !== entity) throw new Error(`entity name registered twice: ${name}`);
    registered.set(name, entity);
  }
  generation++;
}

/** Every registered entity, by name (the infra tests read their keys). */
export function registeredEntities(): Readonly<Record<string, AnyEntity>> {
  return Object.fromEntries(registered);
}

/** Grows with every registration: a service built before it lacks the entities added since. */
export const registryGeneration = () => generation;

/**
 * One ElectroDB service over the one table. Each service gets entities of
 * its own: ElectroDB's Service sets its client on the entities it is given,
 * and entities shared between tenants' services would all sign with the
 * last tenant's credentials.
 */
export function createService(client: DynamoDBClient, table: string): FiregovService {
  const own = Object.fromEntries([...registered].map(([name, entity]) => [name, new Entity(entity.schema, { client, table })]));
  return new Service(own, { client, table }) as unknown as FiregovService;
}

export type FiregovService = Service<EntityMap>;
