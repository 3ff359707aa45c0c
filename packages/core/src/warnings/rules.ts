import type { PolicyProfile, WarningsSection } from "../profile/index.ts";

// The rules of early warnings (预警叫应) as pure functions: the profile's
// section or, where the county's document says nothing, the marked defaults.

/**
 * The defaults where a profile has no `warnings` section: each a marked
 * default (sourceRef null + the assumption), never a citation.
 */
export const DEFAULT_WARNINGS: WarningsSection = {
  issuers: {
    sourceRef: null,
    assumption: { zh: "文件未规定预警发布主体：默认县级和镇（街道）级可发布", en: "The document names no issuer: the county and town levels issue warnings by default" },
    levels: ["county", "town"],
  },
  levels: [
    { sourceRef: null, assumption: { zh: "文件未规定预警级别：默认按蓝、黄、橙、红四级，级别越高叫应时限越短", en: "The document sets no levels: blue, yellow, orange and red by default, the higher the sooner to answer" }, id: "blue", name: { zh: "蓝色预警", en: "Blue" }, answerHours: 24 },
    { sourceRef: null, assumption: { zh: "默认黄色预警 12 小时内叫应", en: "Yellow: answer within 12 hours by default" }, id: "yellow", name: { zh: "黄色预警", en: "Yellow" }, answerHours: 12 },
    { sourceRef: null, assumption: { zh: "默认橙色预警 6 小时内叫应", en: "Orange: answer within 6 hours by default" }, id: "orange", name: { zh: "橙色预警", en: "Orange" }, answerHours: 6 },
    { sourceRef: null, assumption: { zh: "默认红色预警 2 小时内叫应", en: "Red: answer within 2 hours by default" }, id: "red", name: { zh: "红色预警", en: "Red" }, answerHours: 2 },
  ],
  escalation: {
    sourceRef: null,
    assumption: { zh: "文件未规定未叫应的处理：默认到期未叫应的节点通知其上级节点的工作人员和发布人", en: "The document says nothing of unanswered warnings: by default the parent node's officers and the issuer are told" },
    notify: ["parent_officers", "issuer"],
  },
};

/** The warnings rules in effect: the profile's section or the defaults, whose issuer levels (kernel county and town) become the profile's own level ids. */
export function warningRules(profile: PolicyProfile): WarningsSection {
  if (profile.warnings) return profile.warnings;
  const levels = DEFAULT_WARNINGS.issuers.levels.flatMap((kernel) => profile.levels.filter((level) => (level.kernel ?? level.id) === kernel).map((level) => level.id));
  // A county whose levels keep the kernel ids takes the defaults as they are.
  if (levels.join() === DEFAULT_WARNINGS.issuers.levels.join()) return DEFAULT_WARNINGS;
  return { ...DEFAULT_WARNINGS, issuers: { ...DEFAULT_WARNINGS.issuers, levels: levels.length ? levels : [profile.levels[0]!.id] } };
}

/** The deadline of an answer: the issue time plus the hours given, or the level's answer window. */
export function deadlineOf(issuedAt: Date, level: { answerHours: number }, hours?: number): Date {
  return new Date(issuedAt.getTime() + (hours ?? level.answerHours) * 3_600_000);
}

/** An answer at `at` is late when it comes after the deadline. */
export const isLate = (deadline: string, at: Date) => at.toISOString() > deadline;

/** The share of targets that answered, in whole percent (0 with no target). */
export function answerRate(answered: number, targets: number): number {
  return targets === 0 ? 0 : Math.round((answered / targets) * 100);
}

export type TargetState = "pending" | "answered" | "escalated";

/** Targets due to escalate at `now`: unanswered, still pending, and the deadline reached. */
export function dueToEscalate<T extends { state: TargetState }>(deadline: string, targets: readonly T[], now: Date): T[] {
  if (now.toISOString() < deadline) return [];
  return targets.filter((t) => t.state === "pending");
}

/** The path of a node's parent, from its materialised path (`/root/town/village` → `/root/town`); undefined at the root. */
export function parentPath(path: string): string | undefined {
  const i = path.lastIndexOf("/");
  return i <= 0 ? undefined : path.slice(0, i);
}
