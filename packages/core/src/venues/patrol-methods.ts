/**
 * How a patrol plan's patroller goes about it (巡查方式). National words, no
 * county's: a pure leaf, so the web shows the same names the API checks.
 */
export const PATROL_METHODS = {
  on_site: { zh: "实地巡查", en: "On-site patrol" },
  night: { zh: "夜间巡查", en: "Night patrol" },
  video: { zh: "视频（远程）巡查", en: "Video (remote) patrol" },
  joint: { zh: "联合检查", en: "Joint check with departments" },
} as const;
export type PatrolMethod = keyof typeof PATROL_METHODS;
