/** A plain copy without undefined values: DynamoDB has no such value and refuses it inside a map. */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The entries of a record that have a value (audit details, optional fields). */
export function defined<T extends Record<string, unknown>>(details: T): Partial<T> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as Partial<T>;
}
