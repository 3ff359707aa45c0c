import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { activeNodesUnder, type NodeItem } from "../jurisdiction/index.ts";
import { containsPoint, type BoundaryGeometry } from "./geo.ts";

/**
 * The deepest active node under `rootPath` whose boundary holds a WGS-84
 * point, walking down from the root: at each level only the children of the
 * node found so far are read (BatchGet of their boundaries, bbox first), so a
 * county's villages are read only inside the town that holds the point.
 * Undefined when no child of the root has a boundary holding it.
 */
export async function deepestNodeAt(point: { lat: number; lng: number }, rootPath: string): Promise<{ nodeId: string; path: string } | undefined> {
  const tenantId = useTenant();
  const nodes = await activeNodesUnder(rootPath);
  const children = new Map<string, NodeItem[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  let current = nodes.find((n) => n.path === rootPath);
  let found: { nodeId: string; path: string } | undefined;
  while (current) {
    const kids = children.get(current.nodeId) ?? [];
    let next: NodeItem | undefined;
    for (let i = 0; i < kids.length && !next; i += 100) {
      const { data } = await tenantDb().service.entities.boundary.get(kids.slice(i, i + 100).map((k) => ({ tenantId, nodeId: k.nodeId }))).go();
      const hit = data.find((b) => {
        const [west, south, east, north] = b.bbox as [number, number, number, number];
        return point.lng >= west && point.lng <= east && point.lat >= south && point.lat <= north && containsPoint(JSON.parse(b.geometry) as BoundaryGeometry, point.lng, point.lat);
      });
      next = hit ? kids.find((k) => k.nodeId === hit.nodeId) : undefined;
    }
    if (!next) break;
    found = { nodeId: next.nodeId, path: next.path };
    current = next;
  }
  return found;
}
