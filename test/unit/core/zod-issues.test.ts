import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bilingual, fieldErrorsFromZod, jsonPath } from "@firegov/core";

describe("field errors from zod", () => {
  it("gives each issue a JSON path and messages in zh and en", () => {
    const schema = z.object({ venues: z.array(z.object({ name: z.string() })) });
    const result = schema.safeParse({ venues: [{ name: "甲" }, { name: 3 }] });
    const [issue] = fieldErrorsFromZod(result.error!);
    expect(issue).toMatchObject({ path: "$.venues[1].name", code: "validation.invalid_type" });
    expect(issue!.message.zh).toContain("实际接收 数字");
    expect(issue!.message.en).toBe("Invalid input: expected string, received number");
  });

  it("keeps a schema's own bilingual message over zod's", () => {
    const schema = z.string().regex(/^[a-z]+$/, bilingual("只能包含小写字母", "lowercase letters only"));
    const [issue] = fieldErrorsFromZod(schema.safeParse("ABC").error!, "body.slug");
    expect(issue!.message).toEqual({ zh: "只能包含小写字母", en: "lowercase letters only" });
    expect(issue!.path).toBe("body.slug");
  });

  it("leaves zod's own messages whole even when they contain a bar", () => {
    const [issue] = fieldErrorsFromZod(z.enum(["a", "b"]).safeParse("c").error!);
    expect(issue!.message.en).toContain('"a"|"b"');
  });

  it("writes array indexes in brackets", () => {
    expect(jsonPath(["a", 0, "b", 12])).toBe("$.a[0].b[12]");
  });
});
