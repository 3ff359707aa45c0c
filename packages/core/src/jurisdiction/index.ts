// The jurisdiction tree: nodes at the profile's levels, with materialised paths.
// The domain's entities join the table's one service when the domain loads.
import "./node.entity.ts";
// A publish that names the levels anew relabels the tree (relevel.ts registers the follower).
import "./relevel.ts";
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
export { nodeOrNotFound, readPlace, activeNodesUnder, type NodeItem } from "./lookup.ts";
export { atPlace, placeChecks, nodeMoving, type Place } from "./place.ts";
export { moveWithSubtree, inSubtree, rebased, packGroups, type SubtreeMover, type MovedWith, type MoveGroup, type SubtreeNode } from "./subtree-movers.ts";
