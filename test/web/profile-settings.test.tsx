import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { I18nProvider } from "../../web/src/i18n/index.tsx";
import { ProfileDocument } from "../../web/src/pages/profile/profile-document.tsx";
import { SettingsSection } from "../../web/src/pages/profile/settings-section.tsx";
import { profile } from "./profile-fixture.ts";

// The windows and the roll-up level on the profile page: the county's own,
// cited, or the system's defaults shown as such.

const rowOf = (label: string) => screen.getByText(label).closest(".cited-value") as HTMLElement;

describe("profile settings", () => {
  it("shows the system's defaults with the default badge and their assumption where the profile sets none", () => {
    render(() => (
      <I18nProvider>
        <SettingsSection profile={profile} />
      </I18nProvider>
    ));
    expect(screen.getByRole("heading", { level: 2, name: "时限与汇总层级" })).toBeInTheDocument();
    const ack = rowOf("部门报到时限");
    expect(within(ack).getByText("报送次日结束前")).toBeInTheDocument();
    expect(within(ack).getByTestId("default-rule")).toHaveTextContent("系统默认报送次日结束前报到");
    expect(within(rowOf("临期提醒")).getByText("期限前 30 天内")).toBeInTheDocument();
    expect(within(rowOf("合规汇总层级")).getByText("乡镇")).toBeInTheDocument();
  });

  it("shows the profile's own windows and level with their clause", () => {
    const own: PolicyProfile = {
      ...profile,
      settings: {
        acknowledgeHours: { value: 4, sourceRef: "xinhe 三(二)", text: "部门接报后4小时内报到" },
        dueSoonDays: { value: 7, sourceRef: null, assumption: { zh: "临期按7天提醒" } },
        rollupLevel: { value: "county", sourceRef: "xinhe 一", text: "县政府统一领导全县消防工作" },
      },
    } as PolicyProfile;
    render(() => (
      <I18nProvider>
        <SettingsSection profile={own} />
      </I18nProvider>
    ));
    const ack = rowOf("部门报到时限");
    expect(within(ack).getByText("报送后 4 小时内")).toBeInTheDocument();
    expect(within(ack).queryByTestId("default-rule")).toBeNull();
    expect(within(ack).getByText("部门接报后4小时内报到")).toBeInTheDocument();
    expect(within(rowOf("临期提醒")).getByText("期限前 7 天内")).toBeInTheDocument();
    expect(within(rowOf("合规汇总层级")).getByText("县")).toBeInTheDocument();
  });
});

describe("a classify policy on the profile page", () => {
  it("reads its number criterion with the measure's name and unit, and what it sets", () => {
    const tall = {
      ...profile,
      venues: {
        ...profile.venues,
        keyUnitLevels: [{ id: "level_1", name: { zh: "一级重点单位", en: "Level-1 key unit" }, sourceRef: "xinhe 三", text: "一级重点单位" }],
        measures: [{ id: "height_m", name: { zh: "建筑高度", en: "Building height" }, unit: { zh: "米", en: "m" } }],
        policies: [
          ...profile.venues.policies,
          { id: "tall_building_key_unit", kind: "classify", match: { numbers: [{ measure: "height_m", min: 50 }] }, set: { keyUnitLevel: "level_1" }, sourceRef: null, assumption: { zh: "高度50米以上为一级重点单位" } },
        ],
      },
    } as PolicyProfile;
    render(() => (
      <I18nProvider>
        <ProfileDocument profile={tall} />
      </I18nProvider>
    ));
    const rule = document.querySelector<HTMLElement>('[data-rule-id="tall_building_key_unit"]')!;
    expect(within(rule).getByText("建筑高度 ≥ 50 米")).toBeInTheDocument();
    expect(within(rule).getByText("一级重点单位")).toBeInTheDocument();
  });
});
