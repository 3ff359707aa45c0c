import { z } from "zod";
import { authorize, can } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";

// The one map's basemap as tenant configuration (see docs/map.md). Stored
// coordinates are WGS-84; 天地图 is CGCS2000 (the same to well under a metre
// at county scale), so its tiles need no offset. Tiles drawn in GCJ-02
// (Gaode/AMap, Tencent) would put every point a few hundred metres off and are
// refused: the product converts no coordinates.

/** Hosts whose tiles are in GCJ-02 (火星坐标). */
const GCJ02_HOSTS = /(^|\.)(amap\.com|autonavi\.com|map\.qq\.com|gtimg\.cn|gtimg\.com|tencent\.com|baidu\.com|bdimg\.com)$/i;

const TiandituKey = z.string().trim().regex(/^[0-9a-f]{32}$/i, bilingual("天地图密钥应为 32 位十六进制字符（在天地图控制台申请的“浏览器端”密钥）", "A 天地图 key is 32 hexadecimal characters (a browser key from the 天地图 console)"));

const TileTemplate = z
  .string()
  .trim()
  .max(500)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value.replace(/\{[a-z]\}/g, "0"));
    } catch {
      ctx.addIssue({ code: "custom", message: bilingual("瓦片地址不是有效的网址", "The tile URL is not a valid URL") });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") ctx.addIssue({ code: "custom", message: bilingual("瓦片地址须以 https:// 或 http:// 开头", "The tile URL must start with https:// or http://") });
    for (const part of ["{z}", "{x}", "{y}"]) if (!value.includes(part)) ctx.addIssue({ code: "custom", message: bilingual(`瓦片地址须含 ${part}`, `The tile URL must contain ${part}`) });
    if (GCJ02_HOSTS.test(url.hostname)) ctx.addIssue({ code: "custom", message: bilingual("该瓦片使用 GCJ-02（火星坐标）或 BD-09，场所坐标为 WGS-84，会整体偏移数百米；请改用天地图或 WGS-84 瓦片", "These tiles are in GCJ-02 or BD-09; venue coordinates are WGS-84 and would be drawn hundreds of metres off: use 天地图 or WGS-84 tiles") });
  });

export const BasemapInput = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.literal("tianditu"),
      key: TiandituKey,
      style: z.enum(["vec", "img"]).default("vec").meta({ description: "vec: 矢量底图 + 矢量注记 (vec_w + cva_w); img: 影像底图 + 影像注记 (img_w + cia_w)" }),
    }),
    z.object({
      kind: z.literal("url"),
      template: TileTemplate.meta({ description: "An XYZ tile URL with {z}, {x}, {y} (and optionally {s}), drawn in WGS-84 / CGCS2000 Web Mercator" }),
      subdomains: z.string().regex(/^[a-z0-9]{1,8}$/i).optional(),
      attribution: z.string().trim().min(1).max(200),
      maxZoom: z.int().min(1).max(22).default(18),
    }),
  ])
  .meta({ id: "BasemapInput" });
export type BasemapConfig = z.output<typeof BasemapInput>;

export const BasemapLayerSchema = z.object({ url: z.string(), subdomains: z.string().optional(), attribution: z.string(), maxZoom: z.int() });
export const BasemapViewSchema = z
  .object({
    kind: z.enum(["none", "tianditu", "url"]),
    layers: z.array(BasemapLayerSchema).meta({ description: "Tile layers to draw, bottom first (none: empty)" }),
    key: z.string().optional().meta({ description: "天地图 key: whole for the tenant's admin, masked for everyone else (the tile URLs must carry it; restrict it to your domain in the 天地图 console)" }),
    style: z.enum(["vec", "img"]).optional(),
    template: z.string().optional(),
    attribution: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: "Basemap" });
export type BasemapView = z.infer<typeof BasemapViewSchema>;

const TIANDITU_ATTRIBUTION = "© 天地图 (tianditu.gov.cn)";
const tiandituLayer = (layer: string, key: string) => ({
  // The `_w` matrix set is Web Mercator (what the map draws) on the CGCS2000 datum.
  url: `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
  subdomains: "01234567",
  attribution: TIANDITU_ATTRIBUTION,
  maxZoom: 18,
});

export const maskKey = (key: string) => `${key.slice(0, 4)}${"•".repeat(Math.max(0, key.length - 8))}${key.slice(-4)}`;

/** The layers a config draws (pure). */
export function basemapLayers(config: BasemapConfig): z.infer<typeof BasemapLayerSchema>[] {
  if (config.kind === "tianditu") return config.style === "img" ? [tiandituLayer("img", config.key), tiandituLayer("cia", config.key)] : [tiandituLayer("vec", config.key), tiandituLayer("cva", config.key)];
  if (config.kind === "url") return [{ url: config.template, ...(config.subdomains ? { subdomains: config.subdomains } : {}), attribution: config.attribution, maxZoom: config.maxZoom }];
  return [];
}

async function stored(): Promise<{ config: BasemapConfig; updatedAt?: string }> {
  const { data } = await tenantDb().service.entities.basemap.get({ tenantId: useTenant() }).go();
  return data ? { config: data.config as BasemapConfig, updatedAt: data.updatedAt } : { config: { kind: "none" } };
}

function viewOf(config: BasemapConfig, updatedAt: string | undefined, admin: boolean): BasemapView {
  return {
    kind: config.kind,
    layers: basemapLayers(config),
    ...(config.kind === "tianditu" ? { key: admin ? config.key : maskKey(config.key), style: config.style } : {}),
    ...(config.kind === "url" ? { template: config.template, attribution: config.attribution } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/** The tenant's basemap: none until its admin sets one. */
export async function getBasemap(): Promise<BasemapView> {
  const actor = useUser();
  authorize(actor, "tenant.read");
  const { config, updatedAt } = await stored();
  return viewOf(config, updatedAt, can(actor, "tenant.configure"));
}

/** Set the basemap (the tenant's admin); the key is not written to the audit log. */
export const setBasemap = useCase(BasemapInput, async (input): Promise<BasemapView> => {
  const actor = useUser();
  authorize(actor, "tenant.configure");
  const now = new Date().toISOString();
  await writeTransaction(
    (tx) => [
      tx.basemap.put({ tenantId: actor.tenantId, config: input, updatedBy: actor.userId, updatedAt: now }).commit(),
      auditItem(tx, { action: "tenant.basemap", targetType: "tenant", targetId: actor.tenantId, details: { kind: input.kind, ...(input.kind === "url" ? { template: input.template } : {}) } }),
    ] as never,
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return viewOf(input, now, true);
});
