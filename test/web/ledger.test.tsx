import { afterEach, describe, expect, it, vi } from "vitest";
import { rowsFromUpload } from "../../packages/core/src/organisation/import-file.ts";
import { peopleSheet, recordsSheet } from "../../web/src/pages/node/ledger.ts";
import { saveXlsx } from "../../web/src/organisation/xlsx.ts";
import { organisation, profile, staffer } from "./organisation-fixture.ts";

/** Saves a sheet as the browser would, and hands back the file the user would get. */
async function download(rows: Parameters<typeof saveXlsx>[0], name: string) {
  let blob: Blob | undefined;
  // jsdom has no object URLs: the link's target is all the page needs.
  Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), "blob:ledger"), revokeObjectURL: () => {} });
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  await saveXlsx(rows, "人员台账", name);
  const link = click.mock.contexts[0] as HTMLAnchorElement;
  return { filename: link.download, bytes: new Uint8Array(await blob!.arrayBuffer()) };
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, "createObjectURL");
  Reflect.deleteProperty(URL, "revokeObjectURL");
});

describe("ledgers", () => {
  it("writes the people ledger as xlsx with the staff import's Chinese headers, which the import reads back", async () => {
    const full = { ...staffer, phone: "13912345678", idNumber: "11010519491231002X", personalData: "full" as const };
    const { filename, bytes } = await download(peopleSheet([full], profile, organisation.node.name), "东河乡-人员台账.xlsx");
    expect(filename).toBe("东河乡-人员台账.xlsx");
    const rows = await rowsFromUpload(bytes);
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          所在节点: "东河乡",
          姓名: "李站长",
          用工性质: "在编人员",
          派出单位: "",
          所在机构: "乡镇消防工作站",
          角色: "",
          职务: "乡镇消防工作站站长",
          电话: "13912345678",
          身份证号: "11010519491231002X",
          状态: "在岗",
        },
      },
    ]);
  });

  it("lists records with Chinese headers and names people the node knows", () => {
    const sheet = recordsSheet(
      [{ recordId: "r-1", nodeId: "n-donghe", kind: "meeting", obligationId: "station_meeting", date: "2026-11-20", chairPersonId: "p-li", topics: ["冬季防火", "电动车充电"], attendees: [{ personId: "p-li", nodeId: "n-donghe" }], createdBy: "u", createdAt: "", updatedAt: "" }],
      profile,
      new Map([["p-li", "李站长"]]),
    );
    expect(sheet[0]!.slice(0, 8)).toEqual(["日期", "类型", "对应工作要求", "标题", "主持人", "参加人员", "参加人数", "议题"]);
    expect(sheet[1]!.slice(0, 8)).toEqual(["2026-11-20", "会议", "工作站例会", "", "李站长", "李站长", 1, "冬季防火；电动车充电"]);
  });
});
