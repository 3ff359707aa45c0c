import { z } from "zod";
import { PolicyProfile } from "./schema.ts";
import { REFERENCE_TARGETS, referenceAt, type ReferenceTarget } from "./references.ts";

// What the draft editor's forms are made from: the profile schema as a tree
// of field kinds, derived from the zod schema (through its JSON Schema), so a
// field someone adds to the schema gets its form without a line of web code.
// Each field that names another list's entry carries that list (`ref`).

/** Where a field's value comes from another list: its picker's target, and values that are not ids. */
interface Referencing {
  ref?: ReferenceTarget;
  except?: readonly string[];
}

export type FormNode =
  | ({ kind: "text"; format?: string } & Referencing)
  | ({ kind: "enum"; values: string[] } & Referencing)
  | { kind: "number"; integer: boolean; min?: number; max?: number }
  | { kind: "boolean" }
  | { kind: "const"; value: string | number | boolean }
  /** `{ zh, en }`: a name in both languages. */
  | { kind: "label"; enOptional: boolean }
  /** `cited`: a rule; its citation fields (sourceRef, text, assumption) are left out of `fields`, edited as one block. */
  | { kind: "object"; fields: FormField[]; cited: boolean }
  | { kind: "array"; of: FormNode; minItems?: number }
  /** A discriminated union: the discriminator's value chooses the variant's fields. */
  | { kind: "union"; discriminator: string; variants: { value: string; node: FormObject }[] }
  /** Any of unlike shapes (a flag or a cited value): edited as JSON. */
  | { kind: "choice"; options: FormNode[] }
  | { kind: "nullable"; of: FormNode }
  | { kind: "any" };

export type FormObject = Extract<FormNode, { kind: "object" }>;
export interface FormField {
  key: string;
  optional: boolean;
  node: FormNode;
}

/** The citation fields of a rule: edited together as its 出处. */
export const CITATION_KEYS = ["sourceRef", "text", "assumption"] as const;

type Json = { [key: string]: unknown };
type Segment = string | number;

const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const options = (schema: Json): Json[] | undefined => {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? list.filter(isJson) : undefined;
};

function withRef<N extends FormNode & Referencing>(node: N, path: readonly Segment[]): N {
  const reference = referenceAt(path);
  if (!reference) return node;
  return { ...node, ref: reference.target, ...(reference.except ? { except: reference.except } : {}) };
}

function fromJson(schema: Json, path: Segment[]): FormNode {
  const choices = options(schema);
  if (choices) return fromOptions(choices, path);
  if ("const" in schema && (typeof schema.const === "string" || typeof schema.const === "number" || typeof schema.const === "boolean")) {
    return { kind: "const", value: schema.const };
  }
  if (Array.isArray(schema.enum)) return withRef({ kind: "enum", values: schema.enum.map(String) }, path);
  switch (schema.type) {
    case "string":
      // No pattern: the API names what a value fails (with the schema's own bilingual message).
      return withRef({ kind: "text", ...(typeof schema.format === "string" ? { format: schema.format } : {}) }, path);
    case "integer":
    case "number": {
      // zod writes the safe-integer bounds of z.int(): not a bound anyone types.
      const bound = (value: unknown) => (typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);
      const min = bound(schema.minimum) ?? bound(schema.exclusiveMinimum);
      const max = bound(schema.maximum);
      return { kind: "number", integer: schema.type === "integer", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case "boolean":
      return { kind: "boolean" };
    case "array": {
      const items = isJson(schema.items) ? fromJson(schema.items, [...path, 0]) : ({ kind: "any" } as const);
      return { kind: "array", of: items, ...(typeof schema.minItems === "number" ? { minItems: schema.minItems } : {}) };
    }
    case "object":
      return fromObject(schema, path);
    default:
      return { kind: "any" };
  }
}

function fromObject(schema: Json, path: Segment[]): FormNode {
  const properties = isJson(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const keys = Object.keys(properties);
  if (keys.length === 2 && keys.includes("zh") && keys.includes("en")) return { kind: "label", enOptional: !required.has("en") };
  const cited = keys.includes("sourceRef");
  const fields = keys
    .filter((key) => !(cited && (CITATION_KEYS as readonly string[]).includes(key)))
    .map((key) => ({ key, optional: !required.has(key), node: fromJson(properties[key] as Json, [...path, key]) }));
  return { kind: "object", fields, cited };
}

function fromOptions(choices: Json[], path: Segment[]): FormNode {
  const notNull = choices.filter((choice) => choice.type !== "null");
  if (notNull.length < choices.length) {
    const inner = notNull.length === 1 ? fromJson(notNull[0]!, path) : fromOptions(notNull, path);
    return { kind: "nullable", of: inner };
  }
  const nodes = choices.map((choice) => fromJson(choice, path));
  // A level or `key_unit`: one picker of strings.
  if (nodes.every((node) => node.kind === "text" || node.kind === "enum")) {
    const free = nodes.find((node) => node.kind === "text");
    if (free) return free;
    return withRef({ kind: "enum", values: nodes.flatMap((node) => (node.kind === "enum" ? node.values : [])) }, path);
  }
  const objects = nodes.filter((node): node is FormObject => node.kind === "object");
  if (objects.length === nodes.length) {
    const first = objects[0]!;
    const discriminator = first.fields.find(
      (field) => field.node.kind === "const" && objects.every((o) => o.fields.some((f) => f.key === field.key && f.node.kind === "const")),
    )?.key;
    if (discriminator) {
      const variants = objects.map((node) => {
        const tag = node.fields.find((f) => f.key === discriminator)!.node;
        return { value: String(tag.kind === "const" ? tag.value : ""), node };
      });
      return { kind: "union", discriminator, variants };
    }
  }
  return { kind: "choice", options: nodes };
}

let cached: FormObject | undefined;

/** The whole profile as form fields (computed once: the schema does not change while the code runs). */
export function profileFormSchema(): FormObject {
  if (!cached) {
    const json = z.toJSONSchema(PolicyProfile, { io: "input", unrepresentable: "any" }) as Json;
    const root = fromJson(json, []);
    if (root.kind !== "object") throw new Error("the profile schema is not an object");
    cached = root;
  }
  return cached;
}

/** Where each list a picker offers sits in the profile (the reference table's targets). */
export const referenceLists = (): Record<ReferenceTarget, string[]> =>
  Object.fromEntries(Object.entries(REFERENCE_TARGETS).map(([target, { list }]) => [target, [...list]])) as Record<ReferenceTarget, string[]>;

/** The response of GET /v1/profile/schema: the fields, and where each picker's list is. */
export interface ProfileForm {
  root: FormObject;
  targets: Record<ReferenceTarget, string[]>;
}

export const FormSchemaView = z
  .object({ root: z.looseObject({ kind: z.literal("object") }), targets: z.record(z.string(), z.array(z.string())) })
  .meta({ id: "ProfileFormSchema" });
