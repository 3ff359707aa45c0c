import { describe, expect, it } from "vitest";
import { Profiles } from "@firegov/core";
import { zezhou } from "@firegov/profiles/presets/zezhou";
import { evaluate, expectFinding, org, people, record, with_ } from "./fixtures.ts";

// What real documents ask that the schema could not say before (issue 14,
// Build 6): each rule here fails without its feature.

type Profile = Profiles.PolicyProfile;

const cite = (clause: string, text: string) => ({ sourceRef: `zezhou ${clause}`, text });

/** zezhou with one change made to a copy. */
function zezhouWith(change: (p: Profile) => void): Profile {
  const p = structuredClone(zezhou) as Profile;
  change(p);
  expect(Profiles.PolicyProfile.safeParse(p).error?.issues ?? []).toEqual([]);
  expect(Profiles.validateProfile(p)).toEqual([]);
  return p;
}

const position = (p: Profile, id: string) => p.composition.find((c) => c.id === id)!;

describe("a seat's holder must hold the seat's role (mustHoldRole)", () => {
  const strict = zezhouWith((p) => {
    position(p, "station_head").mustHoldRole = { ...cite("三(二)", "由乡镇分管消防工作负责人兼任"), value: true };
  });
  const town = (roles: string[]) => with_(org("town"), { people: people(1, { name: "赵某", bodyId: "town_office", positions: ["station_head"], roles }) });

  it("a person in the seat without its role is not counted: unmet, naming who lacks which role, citing the role's clause", () => {
    const f = expectFinding(evaluate(strict, town(["office_staff"])), "composition.station_head", "unmet", "zezhou 三(二)");
    expect(f.evidence.zh).toContain("0 人");
    expect(f.evidence.zh).toContain("赵某未担任“");
    expect(f.evidence.zh).toContain("分管");
    expect(f.text).toBe("由乡镇分管消防工作负责人兼任");
  });

  it("a holder who holds the role fills it", () => {
    expectFinding(evaluate(strict, town(["fire_lead"])), "composition.station_head", "met", "zezhou 三(二)");
  });

  it("without the rule anyone in the seat counts, as before", () => {
    const loose = zezhouWith((p) => {
      delete position(p, "station_head").mustHoldRole;
    });
    expectFinding(evaluate(loose, town(["office_staff"])), "composition.station_head", "met", "zezhou 三(二)");
  });

  it("zezhou's own station head (由乡镇分管消防工作负责人兼任) holds the rule, cited by the seat's clause", () => {
    expect(position(zezhou as Profile, "station_head").mustHoldRole).toBe(true);
    expectFinding(evaluate(zezhou, town(["office_staff"])), "composition.station_head", "unmet", "zezhou 三(二)");
    expectFinding(evaluate(zezhou, town(["fire_lead"])), "composition.station_head", "met", "zezhou 三(二)");
  });
});

describe("numeric thresholds in a station standard (an office that fits at least N people)", () => {
  const EIGHT = ["premises", "sign", "seal", "rules", "funding", "equipment", "uniform", "work_archive"];
  const numeric = zezhouWith((p) => {
    const items = p.stationStandards[0]!.items;
    items[0] = { ...items[0]!, min: 5, unit: { zh: "人", en: "people" } };
  });
  const town = (value: number | undefined) =>
    with_(org("town"), { standardItems: EIGHT.map((itemId) => ({ standardId: "eight_haves", itemId, metOn: "2023-09-01", ...(itemId === "premises" && value !== undefined ? { value } : {}) })) });

  it("an office of capacity 4 against a minimum of 5 is unmet, saying both", () => {
    const f = expectFinding(evaluate(numeric, town(4), "2023-09-10"), "standard.eight_haves", "due_soon", "zezhou 三(一)");
    expect(f.evidence.zh).toContain("有场所（4人，要求 ≥5人）");
    expect(f.evidence.en).toContain("Premises (4 people, required ≥5 people)");
    expectFinding(evaluate(numeric, town(4), "2024-01-01"), "standard.eight_haves", "overdue", "zezhou 三(一)");
  });

  it("capacity 5 meets it", () => {
    expectFinding(evaluate(numeric, town(5), "2024-01-01"), "standard.eight_haves", "met", "zezhou 三(一)");
  });

  it("a tick without a value does not meet a numeric item", () => {
    const f = expectFinding(evaluate(numeric, town(undefined), "2024-01-01"), "standard.eight_haves", "overdue", "zezhou 三(一)");
    expect(f.evidence.zh).toContain("未录入数值");
  });

  it("the same tick meets the item when it has no minimum (as before)", () => {
    expectFinding(evaluate(zezhou, town(undefined), "2024-01-01"), "standard.eight_haves", "met", "zezhou 三(一)");
  });
});

describe("public posting of a named seat (挂牌公示)", () => {
  const posted = zezhouWith((p) => {
    position(p, "station_head").publicPosting = { ...cite("三(二)", "站（所）长挂牌公示"), value: true };
  });
  const head = () => people(1, { bodyId: "town_office", positions: ["station_head"], roles: ["fire_lead"] });

  it("required and not recorded: unmet, citing the posting's clause", () => {
    const findings = evaluate(posted, with_(org("town"), { people: head() }));
    const f = expectFinding(findings, "composition.station_head.posting", "unmet", "zezhou 三(二)");
    expect(f.text).toBe("站（所）长挂牌公示");
    expect(f.evidence.zh).toContain("未挂牌公示");
  });

  it("recorded: met, with its date", () => {
    const data = { ...with_(org("town"), { people: head() }), postings: [{ positionId: "station_head", postedOn: "2025-03-01" }] };
    expect(expectFinding(evaluate(posted, data), "composition.station_head.posting", "met", "zezhou 三(二)").evidence.zh).toContain("2025-03-01");
  });

  it("a seat without the requirement has no posting finding", () => {
    expect(evaluate(zezhou, with_(org("town"), { people: head() })).filter((f) => f.ruleId.endsWith(".posting"))).toEqual([]);
  });
});

describe("required teams of a micro station, recorded on the station", () => {
  const teams = [
    { id: "firefighting", name: { zh: "灭火救援组", en: "Firefighting team" } },
    { id: "publicity", name: { zh: "宣传组", en: "Publicity team" } },
  ];
  const withTeams = zezhouWith((p) => {
    p.brigades.requirements.push({ id: "village_station", force: "micro_station", per: "village", ...cite("三(六)", "各村建立微型消防站"), requiredTeams: { ...cite("三(六)", "微型消防站设灭火救援组、宣传组"), value: teams } });
  });
  const station = (recorded: { id: string; name: string }[]) => ({ brigadeId: "m1", name: "东村微型消防站", force: "micro_station" as const, memberCount: 6, vehicles: [], teams: recorded });

  it("a station missing a required team is unmet, naming it", () => {
    const data = with_(org("village"), { brigades: [station([{ id: "firefighting", name: "灭火组" }])] });
    const f = expectFinding(evaluate(withTeams, data), "brigades.village_station.teams", "unmet", "zezhou 三(六)", "m1");
    expect(f.evidence.zh).toContain("缺编队：宣传组");
    expect(f.text).toBe("微型消防站设灭火救援组、宣传组");
    expectFinding(evaluate(withTeams, data), "brigades.village_station", "met", "zezhou 三(六)");
  });

  it("a station with every required team meets it", () => {
    const data = with_(org("village"), { brigades: [station([{ id: "firefighting", name: "灭火组" }, { id: "publicity", name: "宣传组" }])] });
    expectFinding(evaluate(withTeams, data), "brigades.village_station.teams", "met", "zezhou 三(六)", "m1");
  });
});

describe("a periodic upward report of the hazard ledger (ledger_report)", () => {
  const reporting = zezhouWith((p) => {
    p.obligations.push({
      id: "ledger_monthly",
      kind: "ledger_report",
      name: { zh: "隐患台账月报", en: "Monthly hazard ledger report" },
      frequency: { every: 1, unit: "month" },
      levels: ["town"],
      covers: [],
      ...cite("三(四)", "每月向县消防安全委员会报送隐患台账"),
    });
  });
  const counters = [
    { metric: "opened#2025-05", value: 3 },
    { metric: "closed#2025-05", value: 2 },
    { metric: "opened#2025-06", value: 1 },
  ];
  const town = (counts: { discovered?: number; closed?: number }, date = "2025-06-05") => ({
    ...with_(org("town", { createdOn: "2024-01-01" }), { records: [record("ledger_report", date, { ledger: { month: "2025-05", counts } })] }),
    hazardCounters: counters,
  });

  it("a report whose counts disagree with the counters is unmet, naming the month and the states", () => {
    const f = expectFinding(evaluate(reporting, town({ discovered: 3, closed: 1 })), "obligation.ledger_monthly.counts", "unmet", "zezhou 三(四)");
    expect(f.evidence.zh).toContain("2025-05：结案 报 1、台账 2");
    expect(f.evidence.zh).not.toContain("发现");
    expectFinding(evaluate(reporting, town({ discovered: 3, closed: 1 })), "obligation.ledger_monthly", "met", "zezhou 三(四)");
  });

  it("a report that agrees is met", () => {
    expectFinding(evaluate(reporting, town({ discovered: 3, closed: 2 })), "obligation.ledger_monthly.counts", "met", "zezhou 三(四)");
  });

  it("a later report for the same month replaces the earlier one", () => {
    const data = town({ discovered: 3, closed: 1 }, "2025-06-03");
    const fixed = { ...data, records: [...data.records, { ...record("ledger_report", "2025-06-04", { ledger: { month: "2025-05", counts: { discovered: 3, closed: 2 } } }), recordId: "fix" }] };
    expectFinding(evaluate(reporting, fixed), "obligation.ledger_monthly.counts", "met", "zezhou 三(四)");
  });

  it("no report in the period: unmet like other obligations (overdue when last month was missed too)", () => {
    const findings = evaluate(reporting, with_(org("town", { createdOn: "2024-01-01" }), {}));
    expectFinding(findings, "obligation.ledger_monthly", "overdue", "zezhou 三(四)");
    expect(findings.some((f) => f.ruleId === "obligation.ledger_monthly.counts")).toBe(false);
  });
});
