import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { FieldError } from "../errors/app-error.ts";

/**
 * scrypt from node:crypto: memory-hard (N=2^15, r=8 → 32 MiB per hash), no
 * native add-on to build for Lambda's arm64. Parameters are stored with the
 * hash so they can be raised later without breaking old hashes.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal it. */
export const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/**
 * The password policy: 8–128 characters, with letters and digits, and not
 * the username or phone number. Returns the failures, naming the field.
 */
export function checkPasswordPolicy(password: string, field: string, context: { username?: string; phone?: string } = {}): FieldError[] {
  const problems: FieldError[] = [];
  const fail = (code: string, zh: string, en: string) => problems.push({ path: field, code: `password.${code}`, message: { zh, en } });
  if (password.length < 8 || password.length > 128) fail("length", "密码长度须为 8 至 128 个字符", "Password must be 8 to 128 characters long");
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) fail("mix", "密码须同时包含字母和数字", "Password must contain both letters and digits");
  const lower = password.toLowerCase();
  if ((context.username && lower.includes(context.username.toLowerCase())) || (context.phone && password.includes(context.phone))) {
    fail("personal", "密码不能包含用户名或手机号", "Password must not contain the username or phone number");
  }
  return problems;
}
