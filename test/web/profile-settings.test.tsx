import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { I18nProvider } from "../../web/src/i18n/index.tsx";
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
