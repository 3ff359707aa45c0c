/** User-facing error messages, zh-CN first. Codes are stable API. */
export const messages = {
  "request.invalid": { zh: "请求参数有误，请检查标出的字段。", en: "The request is invalid; see the fields listed." },
  "request.malformed_json": { zh: "请求体不是有效的 JSON。", en: "The request body is not valid JSON." },
  "request.not_found": { zh: "找不到请求的地址：{path}", en: "No such endpoint: {path}" },
  "server.internal": { zh: "服务器内部错误，请稍后重试。请求编号：{requestId}", en: "Internal server error; please retry later. Request id: {requestId}" },
  "server.database_unreachable": { zh: "数据库暂时无法访问。", en: "The database is not reachable right now." },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof messages;
