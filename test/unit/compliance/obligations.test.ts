import { describe, expect, it } from "vitest";
import type { Profiles } from "@firegov/core";
import { songjiang } from "@firegov/profiles/presets/songjiang";
import { evaluate, one, org, with_ } from "./fixtures.ts";

// The engine's periods, on a profile whose one obligation is a 2-monthly
// meeting of each town (a made-up rule: the presets have none so short).

const meeting = (periods?: "calendar" | "rolling"): Profiles.PolicyProfile => ({
  ...songjiang,
  obligations: [
    {
      id: "bimonthly_meeting",
      kind: "meeting",
      name: { zh: "双月例会", en: "Bimonthly meeting" },
      frequency: { every: 2, unit: "month" },
      ...(periods ? { periods } : {}),
      levels: ["town"],
      covers: [],
      sourceRef: null,
      assumption: { zh: "测试用：每2个月至少召开1次", en: "For the test: at least once every 2 months" },
    },
  ],
});
const held = (date: string) => ({ recordId: `m-${date}`, kind: "meeting" as const, date, workNotices: 0 });
const town = (...dates: string[]) => with_(org("town"), { records: dates.map(held) });
const statusOn = (profile: Profiles.PolicyProfile, data: ReturnType<typeof town>, date: string) => one(evaluate(profile, data, date), "obligation.bimonthly_meeting");

describe("obligation periods: calendar by default", () => {
  it("a 2-monthly meeting held in February walks met → unmet → due soon → overdue through March–April", () => {
    const data = town("2024-12-10", "2025-02-05");
    expect(statusOn(meeting(), data, "2025-02-20")).toMatchObject({ status: "met", severity: "info" });
    // Mar–Apr begins: nothing held yet, Jan–Feb was kept: still to do.
    expect(statusOn(meeting(), data, "2025-03-15")).toMatchObject({ status: "unmet", severity: "low" });
    const soon = statusOn(meeting(), data, "2025-04-10");
    expect(soon).toMatchObject({ status: "due_soon", severity: "medium" });
    expect(soon.evidence.zh).toBe("双月例会：2025-03-01 起 0 次，要求每2月至少 1 次；本周期 2025-04-30 截止，还剩 20 天");
    // Mar–Apr ended with no meeting: overdue, and it stays so all through May–June until one is held.
    const late = statusOn(meeting(), data, "2025-05-02");
    expect(late).toMatchObject({ status: "overdue", severity: "high" });
    expect(late.evidence.en).toBe("Bimonthly meeting: 0 since 2025-05-01, required at least once every 2 months; the previous period (2025-03-01 to 2025-04-30) was missed");
    expect(statusOn(meeting(), data, "2025-06-25").status).toBe("overdue");
    expect(statusOn(meeting(), town("2025-02-05", "2025-05-20"), "2025-06-25").status).toBe("met");
  });

  it("a county that has not met in three months reads overdue, not due soon (the window used to roll with the month)", () => {
    // Last meeting in December; judged at the end of March: Jan–Feb passed without one.
    expect(statusOn(meeting(), town("2024-12-20"), "2025-03-28").status).toBe("overdue");
  });

  it("a node recorded during the previous period is not held to it", () => {
    const recent = with_(org("town", { createdOn: "2025-02-10" }), { records: [] });
    expect(statusOn(meeting(), recent, "2025-03-15").status).toBe("unmet");
    const older = with_(org("town", { createdOn: "2024-12-01" }), { records: [] });
    expect(statusOn(meeting(), older, "2025-03-15").status).toBe("overdue");
  });

  it("a meeting dated after the day judged does not count", () => {
    expect(statusOn(meeting(), town("2025-01-10", "2025-04-01"), "2025-03-15").status).toBe("unmet");
  });
});

describe("obligation periods: rolling when the profile says so", () => {
  it("met within two months of the last meeting, due soon as that runs out, overdue after", () => {
    const data = town("2025-02-05");
    expect(statusOn(meeting("rolling"), data, "2025-02-20").status).toBe("met");
    expect(statusOn(meeting("rolling"), data, "2025-03-20").status).toBe("due_soon");
    expect(statusOn(meeting("rolling"), data, "2025-04-04").status).toBe("due_soon");
    const late = statusOn(meeting("rolling"), data, "2025-04-05");
    expect(late.status).toBe("overdue");
    expect(late.evidence.zh).toBe("双月例会：2025-02-06 起 0 次，要求每2月至少 1 次；已超过一个周期未完成");
  });

  it("a node newer than one period has until a period after it was recorded", () => {
    const recent = with_(org("town", { createdOn: "2025-05-01" }), { records: [] });
    expect(statusOn(meeting("rolling"), recent, "2025-05-10").status).toBe("unmet");
    expect(statusOn(meeting("rolling"), recent, "2025-06-10").status).toBe("due_soon");
    expect(statusOn(meeting("rolling"), recent, "2025-07-01").status).toBe("overdue");
  });
});
