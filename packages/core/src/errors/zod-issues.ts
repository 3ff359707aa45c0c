import { z } from "zod";
import { en, zhCN } from "zod/locales";
import type { FieldError } from "./app-error.ts";

const zhMap = zhCN().localeError;
const enMap = en().localeError;

function text(out: ReturnType<typeof zhMap>): string | undefined {
  return typeof out === "string" ? out : out?.message;
}

// Every zod message in this product carries both languages. Set once, at
// parse time, because only then does the issue still hold the input
// ("received number", not "received undefined"). A schema's own message wins.
z.config({
  customError: (issue) => {
    const zh = text(zhMap(issue));
    const en = text(enMap(issue));
    return zh && en ? bilingual(zh, en) : undefined;
  },
});

/** `$.a[0].b`: the JSON path of an issue, with an optional root such as `body`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>, root = "$"): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`), root);
}

/**
 * Zod issues as field errors in both languages. A schema's own message (see `bilingual`) wins over zod's built-in locale text.
 */
export function fieldErrorsFromZod(error: z.ZodError, root = "$"): FieldError[] {
  return error.issues.map((issue) => {
    return {
      path: jsonPath(issue.path, root),
      code: `validation.${issue.code}`,
      message: ownMessage(issue.message) ?? { zh: issue.message, en: issue.message },
    };
  });
}

const OWN = "i18n:";
// The unit separator: a character no message text contains.
const SEP = "\u001f";

/** A schema's own message in both languages, for `z.string().regex(re, bilingual(zh, en))`. */
export function bilingual(zh: string, en: string): string {
  return `${OWN}${zh}${SEP}${en}`;
}

function ownMessage(message: string): { zh: string; en: string } | undefined {
  if (!message.startsWith(OWN)) return undefined;
  const [zh = "", en = zh] = message.slice(OWN.length).split(SEP);
  return { zh, en };
}
