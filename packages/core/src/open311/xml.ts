// The XML form of GeoReport v2 answers. The shapes are flat (a list of
// records, one level of attributes and values), so a small serializer does:
// element names are fixed by us, text is escaped, nothing is parsed.

/** An element: its name and its text, or its children in order. Absent values make no element. */
export type XmlNode = readonly [name: string, content: string | number | boolean | readonly XmlNode[] | null | undefined];

const escape = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Characters XML 1.0 does not allow at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

function render([name, content]: XmlNode): string {
  if (content === undefined) return "";
  if (content === null) return `<${name}/>`;
  if (Array.isArray(content)) return `<${name}>${(content as readonly XmlNode[]).map(render).join("")}</${name}>`;
  return `<${name}>${escape(String(content))}</${name}>`;
}

export function toXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>${render(root)}`;
}

/** A flat record as the children of one element (arrays of plain values are not expected here). */
export function recordNode(name: string, record: Record<string, unknown>): XmlNode {
  return [name, Object.entries(record).map(([k, v]) => [k, v === undefined ? undefined : v === null ? null : typeof v === "object" ? JSON.stringify(v) : (v as string | number | boolean)] as XmlNode)];
}
