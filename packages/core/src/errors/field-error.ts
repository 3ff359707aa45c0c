import { AppError, type FieldError } from "./app-error.ts";

/** One field at fault, in both languages. */
export function fieldError(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, message: { zh, en } };
}

/** A 400 naming the one field at fault, in both languages. */
export function invalid(path: string, code: string, zh: string, en: string): AppError {
  return new AppError("validation", "request.invalid", {}, [fieldError(path, code, zh, en)]);
}
