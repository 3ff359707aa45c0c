import { z } from "zod";
import type { PolicyProfile } from "../profile/index.ts";

// Whether a device is online: it is offline once silent (no heartbeat, no
// alarm) for longer than the profile's window since it was last heard of
// (or registered). Computed on read from `lastSeenAt`: nothing to sweep.

export const RuleBasisSchema = z.object({
  rule: z.string(),
  sourceRef: z.string().nullable(),
  text: z.string().optional(),
  assumption: z.object({ zh: z.string(), en: z.string().optional() }).optional(),
});
export type RuleBasis = z.infer<typeof RuleBasisSchema>;

export const DeviceStatusSchema = z
  .object({
    state: z.enum(["online", "offline", "retired", "unknown"]),
    /** The last time the device was heard of, or its registration. */
    since: z.string(),
    /** When it went offline (the window's end after `since`). */
    offlineAt: z.string().optional(),
    silenceMinutes: z.number().optional(),
    basis: RuleBasisSchema.optional(),
  })
  .meta({ id: "IotDeviceStatus" });
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** The heartbeat rule of the profile, as a finding cites it. */
export function heartbeatBasis(profile: PolicyProfile): RuleBasis | undefined {
  const rule = profile.iot?.heartbeatSilenceMinutes;
  if (!rule) return undefined;
  return { rule: "iot.heartbeatSilenceMinutes", sourceRef: rule.sourceRef, ...(rule.text ? { text: rule.text } : {}), ...(rule.assumption ? { assumption: rule.assumption } : {}) };
}

interface Heard {
  status: "active" | "retired";
  registeredAt: string;
  lastSeenAt?: string | undefined;
}

/** The device's connection now under the profile's window (`unknown` when the profile sets none). */
export function deviceStatus(d: Heard, profile: PolicyProfile | undefined, now: Date): DeviceStatus {
  const since = d.lastSeenAt ?? d.registeredAt;
  if (d.status === "retired") return { state: "retired", since };
  const window = profile?.iot?.heartbeatSilenceMinutes.value;
  if (window === undefined) return { state: "unknown", since };
  const offlineAt = new Date(Date.parse(since) + window * 60_000);
  const basis = heartbeatBasis(profile!);
  return now > offlineAt ? { state: "offline", since, offlineAt: offlineAt.toISOString(), silenceMinutes: window, ...(basis ? { basis } : {}) } : { state: "online", since, silenceMinutes: window };
}
