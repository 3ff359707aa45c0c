// The placeholders of the public response templates (a leaf: the schema and the web both read it).

/** What a template may hold, filled from the hazard: its reference number, deadline, handling body, code and severity. */
export const RESPONSE_PLACEHOLDER_NAMES = ["编号", "期限", "单位", "类别", "等级"] as const;
export type ResponsePlaceholder = (typeof RESPONSE_PLACEHOLDER_NAMES)[number];
