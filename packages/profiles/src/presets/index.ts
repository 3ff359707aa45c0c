// The built-in presets; the package index keys them by their own id.
export { qidong } from "./qidong.ts";
export { lianyungang } from "./lianyungang.ts";
export { yancheng } from "./yancheng.ts";
export { zezhou } from "./zezhou.ts";
export { songjiang } from "./songjiang.ts";
