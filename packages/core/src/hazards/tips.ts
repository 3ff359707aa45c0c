import { useRequestMeta, withActor } from "../context/actor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { AppError } from "../errors/app-error.ts";
import { useCase } from "../use-case.ts";
import { TipInput } from "./inputs.ts";
import { discover, type Context } from "./machine.ts";
import { timeOrderedId } from "../db/ids.ts";
import { profileAt } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { resolveRecipients, withRetry, writeChange } from "./store.ts";
import { assertOwnPhotos } from "./photos.ts";
import type { State } from "./types.ts";
import { randomBytes } from "node:crypto";
import { hashReceiptCode } from "./rewards.ts";
import { z } from "zod";
import { activeNodesUnder, nodeOrNotFound } from "../jurisdiction/index.ts";
import { invalid } from "../errors/index.ts";
import { inSubtree } from "../access/index.ts";

/**
 * How many tips one address may send, and a county may take in, per window.
 * A resident reports a hazard or two; more from one address in ten minutes
 * is a flood, and the county-wide cap keeps a botnet from filling the queue.
 */
export const TIP_LIMITS = { perSource: 5, sourceWindowMinutes: 10, perTenant: 300, tenantWindowMinutes: 60 } as const;

export interface TipReceipt {
  hazardId: string;
  state: State;
  message: { zh: string; en: string };
  /** Shown once: the tipster follows the tip with it. */
  receiptCode: string;
}

// ── Where a tip lands ──────────────────────────────────────────────────────

/** Finds the deepest node under `rootPath` whose boundary holds a WGS-84 point (the map registers it at load: hazards does not import map). */
export type TipLocator = (point: { lat: number; lng: number }, rootPath: string) => Promise<{ nodeId: string; path: string } | undefined>;
let locator: TipLocator | undefined;
export function locateTipsWith(fn: TipLocator) {
  locator = fn;
}

export type TipPlacement = "point" | "picked" | "root";

/**
 * The node a tip lands on: the deepest node whose boundary holds the phone's
 * position; the place the tipster picked (or the located node, when it lies
 * inside the picked one: more exact); else the county's root. A picked place
 * that is not the county's active node answers 400 naming `body.placeId`.
 */
export async function tipPlace(rootNodeId: string, input: { lat?: number | undefined; lng?: number | undefined; placeId?: string | undefined }): Promise<{ nodeId: string; path: string; by: TipPlacement }> {
  const root = { nodeId: rootNodeId, path: `/${rootNodeId}` };
  const located = input.lat !== undefined && input.lng !== undefined && locator ? await locator({ lat: input.lat, lng: input.lng }, root.path) : undefined;
  let picked: { nodeId: string; path: string } | undefined;
  if (input.placeId !== undefined) {
    const node = await nodeOrNotFound(input.placeId).catch(() => undefined);
    if (!node || !inSubtree(root.path, node.path)) throw invalid("body.placeId", "tip.place_unknown", "找不到所选的地点，请重新选择", "No such place: pick it again");
    picked = { nodeId: node.nodeId, path: node.path };
  }
  if (located && (!picked || inSubtree(picked.path, located.path))) return { ...located, by: "point" };
  if (picked) return { ...picked, by: "picked" };
  return { ...root, by: "root" };
}

export const TipPlaceSchema = z.object({ nodeId: z.string(), name: z.string(), parentId: z.string().optional().meta({ description: "The town a village lies in (absent for towns)" }) }).meta({ id: "PublicPlace" });
export const TipPlacesSchema = z.object({ items: z.array(TipPlaceSchema) }).meta({ id: "PublicPlaces" });

/** How long a container keeps a county's list of places (the tree changes rarely; the list is public and must be cheap). */
const PLACES_FRESH_MS = 5 * 60_000;
const placesSeen = new Map<string, { at: number; items: z.infer<typeof TipPlaceSchema>[] }>();

/**
 * The county's towns and the villages under them, by name, for a tipster to
 * say where the hazard is: ids and names only (no levels, paths, people or
 * counts). An unknown county answers 404.
 */
export async function tipPlaces(tenantSlug: string): Promise<z.infer<typeof TipPlacesSchema>> {
  if (!TENANT_ID_PATTERN.test(tenantSlug)) throw new AppError("not_found", "tenant.not_found");
  return withActor({ type: "public", tenantId: tenantSlug }, async () => {
    const tenant = await tenantInContext();
    if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tenant.not_found");
    const seen = placesSeen.get(tenantSlug);
    if (seen && Date.now() - seen.at < PLACES_FRESH_MS) return { items: seen.items };
    const nodes = await activeNodesUnder(`/${tenant.rootNodeId}`);
    const items = nodes
      .filter((n) => [2, 3].includes(n.path.split("/").length - 1))
      .map((n) => (n.path.split("/").length - 1 === 3 && n.parentId ? { nodeId: n.nodeId, name: n.name, parentId: n.parentId } : { nodeId: n.nodeId, name: n.name }));
    placesSeen.set(tenantSlug, { at: Date.now(), items });
    return { items };
  });
}

/**
 * A resident's tip, without signing in: it lands as a discovered hazard from
 * a public tip at the node its position or picked place names (else the
 * county's root), and that node's officers are told in the same transaction,
 * for them to register (placing and grading it) or withdraw. An unknown county answers 404. The limits are
 * counted in the tip's own transaction under a condition, so concurrent tips
 * cannot slip past them.
 */
export const submitTip = useCase(TipInput, async (input, tenantSlug: string, opts: { now?: Date } = {}): Promise<TipReceipt> => {
  if (!TENANT_ID_PATTERN.test(tenantSlug)) throw new AppError("not_found", "tenant.not_found");
  const tenantId = tenantSlug;
  return withActor({ type: "public", tenantId }, async () => {
    const tenant = await tenantInContext();
    if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tenant.not_found");
    assertOwnPhotos(input.photoKey ? [input.photoKey] : undefined, "body.photoKey");
    const source = useRequestMeta().sourceIp ?? "unknown";
    return withRetry(async () => {
      const now = opts.now ?? new Date();
      const { version, profile } = await profileAt(now);
      const ctx: Context = { profile, profileVersion: version, timeZone: tenant.timeZone ?? DEFAULT_TIME_ZONE, now, actor: { type: "public" } };
      const { by, ...place } = await tipPlace(tenant.rootNodeId, input);
      const outcome = discover(ctx, {
        hazardId: timeOrderedId(now),
        place,
        locationText: input.locationText,
        lat: input.lat,
        lng: input.lng,
        description: input.description,
        photos: input.photoKey ? [input.photoKey] : [],
        source: "public_tip",
        reporter: { type: "public", contact: input.contact },
        priorOccurrences: [],
      });
      const receiptCode = randomBytes(12).toString("base64url");
      const windows = ([
        { key: `source:${source}`, limit: TIP_LIMITS.perSource, minutes: TIP_LIMITS.sourceWindowMinutes },
        { key: "all", limit: TIP_LIMITS.perTenant, minutes: TIP_LIMITS.tenantWindowMinutes },
      ] as { key: string; limit: number; minutes: number }[]).map((w) => {
        const span = w.minutes * 60_000;
        const start = Math.floor(now.getTime() / span);
        return { ...w, key: `${w.key}:${start}`, ends: (start + 1) * span };
      });
      await writeChange({
        before: undefined,
        outcome,
        profileVersion: version,
        timeZone: ctx.timeZone,
        now,
        deliveries: await resolveRecipients(profile, outcome.hazard, outcome.intents, ctx.actor),
        audit: { action: "hazard.tip", details: { source: "public_tip", nodeId: place.nodeId, placedBy: by } },
        extra: (tx) => [
          ...windows.map((w) =>
            tx.intakeLimit
              .update({ tenantId, key: w.key })
              .add({ value: 1 })
              .set({ expiresAt: Math.floor(w.ends / 1000) + 60 })
              .where((a, op) => `${op.notExists(a.value)} OR ${op.lt(a.value, w.limit)}`)
              .commit(),
          ),
          // After the windows: a canceled window's index is its own.
          tx.tipReceipt.create({ tenantId, codeHash: hashReceiptCode(receiptCode), hazardId: outcome.hazard.hazardId, createdAt: now.toISOString() }).commit(),
        ],
        onExtraCanceled: (reasons) => {
          const hit = windows[reasons[0]!.index] ?? windows[0]!;
          return new AppError("too_many", "hazard.tip_rate_limited", { minutes: Math.max(1, Math.ceil((hit.ends - now.getTime()) / 60_000)) });
        },
      });
      return { hazardId: outcome.hazard.hazardId, state: outcome.hazard.state, message: { zh: "已收到您的举报，我们将尽快核实处理。请保存查询码，用于查看办理进展。", en: "Thank you: your report is in and will be checked soon. Keep the code to follow it up." }, receiptCode };
    });
  });
});
