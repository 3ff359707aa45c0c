import { describe, expect, it } from "vitest";
import { Organisation } from "@firegov/core";

describe("upload parsing", () => {
  it("reads CSV with quoted cells, doubled quotes, line breaks inside quotes and CRLF, keeping spreadsheet row numbers", async () => {
    const csv = '姓名,备注\r\n"张,三","他说""好"""\r\n\r\n李四,"两\n行"\r\n';
    const rows = await Organisation.rowsFromUpload(new TextEncoder().encode(csv));
    expect(rows).toEqual([
      { row: 2, values: { 姓名: "张,三", 备注: '他说"好"' } },
      { row: 4, values: { 姓名: "李四", 备注: "两\n行" } },
    ]);
  });

  it("reads CSV saved as GB18030 (Excel's Chinese default), and a UTF-8 byte-order mark", async () => {
    // 姓名 / 张三 in GB18030
    const gb = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]);
    expect(await Organisation.rowsFromUpload(gb)).toEqual([{ row: 2, values: { 姓名: "张三" } }]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("姓名\n王五\n")]);
    expect(await Organisation.rowsFromUpload(bom)).toEqual([{ row: 2, values: { 姓名: "王五" } }]);
  });

  it("refuses an empty file and an unclosed quote", async () => {
    await expect(Organisation.rowsFromUpload(new Uint8Array())).rejects.toMatchObject({ code: "import.unreadable" });
    await expect(Organisation.rowsFromUpload(new TextEncoder().encode('姓名\n"张三\n'))).rejects.toMatchObject({ code: "import.unreadable" });
  });
});

describe("resident ID numbers", () => {
  it("checks the GB 11643 check digit", () => {
    expect(Organisation.validIdNumber("11010519491231002X")).toBe(true);
    expect(Organisation.validIdNumber("110105194912310021")).toBe(false);
    expect(Organisation.maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(Organisation.maskPhone("13912345678")).toBe("139****5678");
  });
});

describe("dates people type", () => {
  it("count today's date as today in any zone: 07:30 in Beijing is still the previous day in UTC", async () => {
    const { latestToday } = await import("@firegov/core/organisation/dates");
    // 2026-11-24 07:30 Beijing = 2026-11-23 23:30 UTC.
    expect(latestToday(new Date("2026-11-23T23:30:00Z")) >= "2026-11-24").toBe(true);
    expect(latestToday(new Date("2026-11-23T23:30:00Z")) < "2026-11-26").toBe(true);
  });
});
