/** The element of a rule list with this id; throws (failing the test) when there is none. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no element with id "${id}" in [${list.map((item) => item.id).join(", ")}]`);
  return found;
}
