import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { HazardEvent } from "@firegov/core/contract";
import { I18nProvider } from "../../web/src/i18n/index.tsx";
import { Timeline } from "../../web/src/pages/hazards/timeline.tsx";

const ev = (seq: number, action: string, details?: Record<string, unknown>): HazardEvent => ({
  seq, at: `2026-11-2${seq}T02:00:00.000Z`, action, from: "registered", to: "registered", actorType: "system", actorId: "system", version: seq, profileVersion: 1, ...(details ? { details } : {}),
});

describe("hazard timeline", () => {
  it("says to whom an escalation reported the hazard (the name kept on the event), and names no one on other steps", () => {
    render(() => (
      <I18nProvider locale="zh-CN">
        <Timeline hazardId="h1" names={new Map()} events={[ev(1, "register"), ev(2, "escalated", { escalation: "major_to_brigade", to: "county_brigade", toName: { zh: "县消防救援大队", en: "County fire brigade" } })]} />
      </I18nProvider>
    ));
    const items = screen.getAllByRole("listitem");
    expect(items[1]).toHaveTextContent("报送对象：县消防救援大队");
    expect(items[0]!.querySelector(".hz-to")).toBeNull();
  });
});
