import { z } from "zod";
import { bilingual } from "../errors/zod-issues.ts";
import { checkPasswordPolicy } from "./password.ts";

/** Field schemas shared by signup and user management. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, bilingual("用户名为 3–32 位小写字母、数字或 _ . -，以字母或数字开头", "Username: 3–32 lowercase letters, digits or _ . -, starting with a letter or digit"));

export const DisplayName = z.string().trim().min(1, bilingual("请填写姓名", "Name is required")).max(40);

export const Phone = z.string().trim().regex(/^1[3-9]\d{9}$/, bilingual("请输入 11 位手机号码", "Enter an 11-digit mainland mobile number"));

export const Email = z.email(bilingual("邮箱格式不正确", "Not a valid email address")).max(254);

export const Password = z.string().max(128);

/** The policy, applied where username and phone are known, naming the password field. */
export function passwordPolicy<T>(field: string, pick: (v: T) => { password: string; username?: string; phone?: string }) {
  return (value: T, ctx: z.RefinementCtx) => {
    const { password, ...context } = pick(value);
    for (const problem of checkPasswordPolicy(password, field, context)) {
      ctx.addIssue({ code: "custom", path: field.split("."), message: bilingual(problem.message.zh, problem.message.en) });
    }
  };
}
