import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { PolicyProfile } from "../profile/index.ts";

// The county's services as GeoReport v2 lists them: the hazard codes of the
// profile in effect, each with the same attribute definitions (a severity
// hint from the profile's severities, the venue's name).

export const ServiceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.literal("realtime"),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: "Open311Service" });
export type Service = z.infer<typeof ServiceSchema>;

export const AttributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type Attribute = z.infer<typeof AttributeSchema>;

export const ServiceDefinitionSchema = z.object({ service_code: z.string(), attributes: z.array(AttributeSchema) }).meta({ id: "Open311ServiceDefinition" });
export type ServiceDefinition = z.infer<typeof ServiceDefinitionSchema>;

const GROUP = "消防安全隐患 / Fire-safety hazards";

export function servicesOf(profile: PolicyProfile): Service[] {
  return profile.hazards.codes.map((c) => ({
    service_code: c.id,
    service_name: c.name.zh,
    description: `${c.name.zh} / ${c.name.en}`,
    metadata: true,
    type: "realtime" as const,
    keywords: [c.name.zh, c.name.en].join(","),
    group: GROUP,
  }));
}

/** The attributes every service takes: a severity hint (staff grade the hazard when they register it) and the venue's name. */
export function attributesOf(profile: PolicyProfile): Attribute[] {
  return [
    {
      variable: true,
      code: "severity_hint",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: "选择一项 / Pick one",
      order: 1,
      description: "隐患严重程度（报送方判断，立案时由工作人员定级）/ How serious it looks (staff grade it when they register it)",
      values: profile.hazards.severities.map((s) => ({ key: s.id, name: `${s.name.zh} / ${s.name.en}` })),
    },
    {
      variable: true,
      code: "venue_name",
      datatype: "string",
      required: false,
      datatype_description: "场所名称，最多 100 字 / The venue's name, at most 100 characters",
      order: 2,
      description: "所在场所或单位名称 / The venue or organisation where it is",
    },
  ];
}

export function serviceDefinition(profile: PolicyProfile, code: string): ServiceDefinition {
  if (!profile.hazards.codes.some((c) => c.id === code)) throw new AppError("not_found", "open311.service_not_found");
  return { service_code: code, attributes: attributesOf(profile) };
}
