import { Route } from "@solidjs/router";
import { screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding, PolicyProfile } from "@firegov/core/contract";
import { FindingItem } from "../../web/src/pages/compliance/findings.tsx";
import { ProfileDocument } from "../../web/src/pages/profile/profile-document.tsx";
import { renderAt, resetSession } from "./fake-api.tsx";
import { profile } from "./profile-fixture.ts";

// A forked profile cites another county's document (借用) until it re-cites: a small badge says so where a citation is shown.

afterEach(resetSession);

const borrowedFrom = { profileId: "laohe", document: { title: "老河县关于加强基层消防工作的意见", number: null, issuer: null, date: "2023" } };

/** The fixture county's rules as a fork: the levels cite the borrowed document, the rest stay its own. */
const forked: PolicyProfile = {
  ...profile,
  borrowed: [borrowedFrom],
  levels: profile.levels.map((level) => ({ ...level, sourceRef: `laohe ${level.sourceRef!.split(" ")[1]}` })),
};

describe("借用 badge", () => {
  it("marks each borrowed citation in the profile view, and no citation of the county's own document", async () => {
    renderAt("/", () => <Route path="/" component={() => <ProfileDocument profile={forked} />} />);
    const county = (await screen.findAllByText((_, el) => el?.getAttribute("data-rule-id") === "county"))[0]!;
    const badge = within(county).getByTestId("borrowed-badge");
    expect(badge).toHaveTextContent("借用");
    expect(badge.getAttribute("title")).toContain("老河县关于加强基层消防工作的意见");
    expect(screen.getAllByTestId("borrowed-badge")).toHaveLength(forked.levels.length);
    const general = document.querySelector<HTMLElement>('[data-rule-id="general"]')!;
    expect(within(general).queryByTestId("borrowed-badge")).toBeNull();
  });

  it("marks a finding whose clause is borrowed, and not one that is not", async () => {
    const finding = (borrowed?: boolean): Finding => ({
      ruleId: `organisation.x${borrowed ? 1 : 2}`,
      nodeId: "n-1",
      status: "unmet",
      evidence: { zh: "缺少", en: "missing" },
      severity: "medium",
      sourceRef: borrowed ? "laohe 二(一)" : "xinhe 二(一)",
      text: "各乡镇设立消防工作站",
      ...(borrowed ? { borrowed } : {}),
    });
    renderAt("/", () => (
      <Route
        path="/"
        component={() => (
          <ul>
            <FindingItem finding={finding(true)} />
            <FindingItem finding={finding()} />
          </ul>
        )}
      />
    ));
    const [first, second] = await screen.findAllByTestId("finding");
    expect(within(first!).getByTestId("borrowed-badge")).toHaveTextContent("借用");
    expect(within(second!).queryByTestId("borrowed-badge")).toBeNull();
  });
});
