export { listSubtree, ListSubtreeInput, NodeViewSchema } from "./nodes.ts";
