import { describe, expect, it } from "vitest";
import { Campaigns, Hazards } from "@firegov/core";
import type { PolicyProfile } from "@firegov/core/profile/index";
import { getPreset, presetIds } from "@firegov/profiles";
import { campaignTemplates } from "@firegov/profiles/campaign-templates";

const songjiang = getPreset("songjiang")!;

/** songjiang with a flagged, risk-graded kind, for the criteria its own kinds do not use. */
function flagged(): PolicyProfile {
  const p = structuredClone(songjiang);
  p.venues.riskGrades = [{ id: "high", name: { zh: "高", en: "High" }, sourceRef: null, assumption: { zh: "测试" } }];
  const shop = p.venues.kinds.find((k) => k.id === "street_shop")!;
  shop.flags = ["small_venue"];
  shop.riskGrade = "high";
  return p;
}

describe("which venues a campaign targets", () => {
  const p = flagged();
  const venue = (kinds: string[], extra: { flags?: string[]; riskGrade?: string } = {}) => ({ kinds, flags: extra.flags ?? [], riskGrade: extra.riskGrade });

  it("matches any kind listed, and no other kind", () => {
    expect(Campaigns.matchesTarget(p, { kinds: ["street_shop", "small_commercial"] }, venue(["street_shop"]))).toBe(true);
    expect(Campaigns.matchesTarget(p, { kinds: ["street_shop"] }, venue(["residential_compound"]))).toBe(false);
  });

  it("reads flags and the risk grade from the venue's kinds as well as from the venue", () => {
    expect(Campaigns.matchesTarget(p, { flags: ["small_venue"] }, venue(["street_shop"]))).toBe(true);
    expect(Campaigns.matchesTarget(p, { flags: ["small_venue"] }, venue(["residential_compound"], { flags: ["small_venue"] }))).toBe(true);
    expect(Campaigns.matchesTarget(p, { flags: ["small_venue"] }, venue(["residential_compound"]))).toBe(false);
    expect(Campaigns.matchesTarget(p, { riskGrades: ["high"] }, venue(["street_shop"]))).toBe(true);
    expect(Campaigns.matchesTarget(p, { riskGrades: ["high"] }, venue(["residential_compound"]))).toBe(false);
  });

  it("needs every criterion given to hold", () => {
    expect(Campaigns.matchesTarget(p, { kinds: ["residential_compound"], flags: ["small_venue"] }, venue(["residential_compound"]))).toBe(false);
    expect(Campaigns.matchesTarget(p, { kinds: ["street_shop"], riskGrades: ["high"] }, venue(["street_shop"]))).toBe(true);
  });
});

describe("branches of the area and the 推磨式 rotation", () => {
  it("puts a venue in the area's child above it, or in the area itself when it sits there", () => {
    expect(Campaigns.groupOf("/c/t1", "/c/t1/v1/g1")).toEqual({ nodeId: "v1", path: "/c/t1/v1" });
    expect(Campaigns.groupOf("/c", "/c/t2/v3")).toEqual({ nodeId: "t2", path: "/c/t2" });
    expect(Campaigns.groupOf("/c/t1", "/c/t1")).toEqual({ nodeId: "t1", path: "/c/t1" });
  });

  it("yancheng (十二): in a rotation no branch inspects its own venues, and every branch inspects one other", () => {
    const groups = ["/c/b", "/c/a", "/c/c"].map((path) => ({ nodeId: path.slice(3), path }));
    const by = Campaigns.rotation(groups);
    expect([...by].map(([venuesIn, g]) => [venuesIn, g.nodeId]).sort()).toEqual([
      ["a", "c"],
      ["b", "a"],
      ["c", "b"],
    ]);
    expect(new Set([...by.values()].map((g) => g.nodeId)).size).toBe(3);
    expect(Campaigns.rotation(groups.slice(0, 1)).size).toBe(0);
  });
});

describe("the campaign's checklist", () => {
  const codes = Hazards.hazardCodes(songjiang);

  it("adopts the profile's items with their code and clause, and adds its own under the campaign id", () => {
    const { checklist, problems } = Campaigns.campaignChecklist(songjiang, "0cmp", [{ category: "street", itemId: "three_in_one" }], [{ name: { zh: "烟花爆竹" }, hazardCode: "fireworks" }], codes);
    expect(problems).toEqual([]);
    expect(checklist).toEqual([
      { category: "0cmp", itemId: "street-three_in_one", name: { zh: "“三合一”", en: expect.any(String) }, hazardCode: "three_in_one", sourceRef: "songjiang 六(一)2" },
      { category: "0cmp", itemId: "custom-1", name: { zh: "烟花爆竹", en: "烟花爆竹" }, hazardCode: "fireworks", sourceRef: null },
    ]);
  });

  it("names an unknown item, a repeated one, a code the profile lacks, and an empty list", () => {
    const bad = Campaigns.campaignChecklist(songjiang, "0cmp", [{ category: "street", itemId: "nope" }, { category: "street", itemId: "lpg_misuse" }, { category: "street", itemId: "lpg_misuse" }], [{ name: { zh: "x" }, hazardCode: "nope" }], codes);
    expect(bad.problems.map((p) => [p.path, p.code])).toEqual([
      ["body.adopt[0].itemId", "campaign.item_unknown"],
      ["body.adopt[2].itemId", "campaign.item_repeated"],
      ["body.custom[0].hazardCode", "campaign.hazard_code_unknown"],
    ]);
    expect(Campaigns.campaignChecklist(songjiang, "0cmp", [], [], codes).problems.map((p) => p.code)).toEqual(["campaign.checklist_empty"]);
  });

  it("never makes a task key of the regular schedule's: a campaign id is no category id, its period no period key", () => {
    expect(songjiang.inspectionCategories.map((c) => c.id)).not.toContain("0mzz1abcd");
    expect(Campaigns.periodKey("2027-01-20", "2027-02-18")).toBe("2027-01-20~2027-02-18");
    expect(Campaigns.periodKey("2027-01-20", "2027-02-18")).not.toContain(".");
  });
});

describe("status and the closing summary", () => {
  it("stands upcoming before its start, running through its end date, ended after, closed once closed", () => {
    const c = { state: "active" as const, startDate: "2027-01-20", endDate: "2027-02-18" };
    expect(Campaigns.campaignStatus(c, "2027-01-19")).toBe("upcoming");
    expect(Campaigns.campaignStatus(c, "2027-01-20")).toBe("running");
    expect(Campaigns.campaignStatus(c, "2027-02-18")).toBe("running");
    expect(Campaigns.campaignStatus(c, "2027-02-19")).toBe("ended");
    expect(Campaigns.campaignStatus({ ...c, state: "closed" }, "2027-01-25")).toBe("closed");
  });

  it("counts tasks, visits, venues not visited, and hazards raised and closed, by branch", () => {
    const summary = Campaigns.summarise({
      areaPath: "/c",
      groups: [
        { nodeId: "t1", path: "/c/t1", name: "甲镇", inspectors: { nodeId: "t2", path: "/c/t2", name: "乙镇" } },
        { nodeId: "t2", path: "/c/t2", name: "乙镇" },
      ],
      rows: [
        { nodeId: "t1", total: 3, done: 2, hazards: 3, hazardIds: ["h1", "h2", "h3"] },
        { nodeId: "t2", total: 1, done: 0, hazards: 0, hazardIds: [] },
      ],
      tasks: [
        { venueId: "v1", venueName: "一", venuePath: "/c/t1/x", state: "done" },
        { venueId: "v2", venueName: "二", venuePath: "/c/t1/y", state: "done" },
        { venueId: "v3", venueName: "三", venuePath: "/c/t1/z", state: "open" },
        { venueId: "v4", venueName: "四", venuePath: "/c/t2/w", state: "open" },
      ],
      hazardStates: new Map([
        ["h1", "closed"],
        ["h2", "rectifying"],
        ["h3", "withdrawn"],
      ]),
      closedAt: "2027-02-19T00:00:00.000Z",
      reason: "end_date",
    });
    expect(summary).toMatchObject({ tasks: 4, done: 2, notVisited: 2, hazardsRaised: 3, hazardsClosed: 1, hazardsOpen: 1, reason: "end_date" });
    expect(summary.byNode).toEqual([
      { nodeId: "t1", name: "甲镇", inspectors: { nodeId: "t2", name: "乙镇" }, tasks: 3, done: 2, notVisited: 1, hazardsRaised: 3, hazardsClosed: 1 },
      { nodeId: "t2", name: "乙镇", tasks: 1, done: 0, notVisited: 1, hazardsRaised: 0, hazardsClosed: 0 },
    ]);
    expect(summary.venuesNotVisited.map((v) => v.venueId)).toEqual(["v3", "v4"]);
  });

  it("lists at most NOT_VISITED_LISTED venues by name but counts them all", () => {
    const tasks = Array.from({ length: Campaigns.NOT_VISITED_LISTED + 7 }, (_, i) => ({ venueId: `v${i}`, venuePath: "/c/t1/x", state: "open" as const }));
    const summary = Campaigns.summarise({ areaPath: "/c", groups: [], rows: [], tasks, hazardStates: new Map(), closedAt: "x", reason: "admin" });
    expect(summary.notVisited).toBe(Campaigns.NOT_VISITED_LISTED + 7);
    expect(summary.venuesNotVisited).toHaveLength(Campaigns.NOT_VISITED_LISTED);
  });
});

describe("campaign templates (system defaults, marked)", () => {
  it("are valid templates, each a marked default with no clause of its own", () => {
    for (const t of campaignTemplates) {
      expect(Campaigns.CampaignTemplate.safeParse(t).success, t.id).toBe(true);
      expect(t.sourceRef).toBeNull();
      expect(t.assumption.zh.length).toBeGreaterThan(0);
    }
    expect(new Set(campaignTemplates.map((t) => t.id)).size).toBe(campaignTemplates.length);
  });

  it("songjiang 六(二)3: offer holiday and major-event campaigns; yancheng (十二): a cross-area rotation", () => {
    expect(campaignTemplates.filter((t) => t.occasion === "holiday").map((t) => t.id)).toEqual(["spring_festival", "national_day"]);
    expect(campaignTemplates.some((t) => t.occasion === "major_event")).toBe(true);
    expect(campaignTemplates.find((t) => t.occasion === "cross_area")?.crossArea).toBe("rotate");
  });

  it.each(presetIds)("%s: prefill only ids of the profile (kinds, adopted items, hazard codes), an item for every template item", (id) => {
    const profile = getPreset(id)!;
    const codes = Hazards.hazardCodes(profile);
    for (const t of campaignTemplates) {
      const p = Campaigns.prefill(profile, t, "2027-01-20");
      expect(p.endDate).toBe(Campaigns.endAfter("2027-01-20", t.days));
      expect(p.target.kinds.length).toBeGreaterThan(0);
      for (const k of p.target.kinds) expect(profile.venues.kinds.map((x) => x.id)).toContain(k);
      for (const a of p.adopt) expect(profile.inspectionCategories.find((c) => c.id === a.category)?.checklist.map((x) => x.id)).toContain(a.itemId);
      for (const c of p.custom) expect(codes).toContain(c.hazardCode);
      expect(p.adopt.length + p.custom.length).toBe(t.items.length);
      // What the prefill makes is a checklist the campaign accepts.
      expect(Campaigns.campaignChecklist(profile, "0cmp", p.adopt, p.custom, codes).problems).toEqual([]);
    }
  });

  it("adopts the profile's own item of a code when it has one (songjiang's fireworks), else the campaign's own item", () => {
    const spring = campaignTemplates.find((t) => t.id === "spring_festival")!;
    expect(Campaigns.prefill(songjiang, spring, "2027-01-20").adopt).toContainEqual({ category: "residential", itemId: "fireworks" });
    // A profile with neither a checklist item nor a code for it: the campaign's own item, coded “other” (its name says what).
    const bare = structuredClone(songjiang);
    bare.hazards.codes = [];
    for (const c of bare.inspectionCategories) c.checklist = [];
    const own = Campaigns.prefill(bare, spring, "2027-01-20");
    expect(own.adopt).toEqual([]);
    expect(own.custom).toContainEqual({ name: { zh: "非法燃放、储存烟花爆竹", en: "Illegal fireworks" }, hazardCode: "other" });
    // A code the profile has without a checklist item: the campaign's own item with that code.
    const coded = structuredClone(bare);
    coded.hazards.codes = songjiang.hazards.codes;
    expect(Campaigns.prefill(coded, spring, "2027-01-20").custom).toContainEqual({ name: { zh: "非法燃放、储存烟花爆竹", en: "Illegal fireworks" }, hazardCode: "fireworks" });
  });
});
