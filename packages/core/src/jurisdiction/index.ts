// The jurisdiction tree: nodes at the profile's levels, with materialised paths.
export {
  listSubtree,
  ListSubtreeInput,
  listUnder,
  getNode,
  NodeParams,
  NodeViewSchema,
  createNode,
  CreateNodeInput,
  updateNode,
  UpdateNodeInput,
  moveNode,
  MoveNodeInput,
  retireNode,
  toNodeView,
  type NodeView,
} from "./nodes.ts";
