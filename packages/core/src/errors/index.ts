export { AppError, formatMessage, type ErrorKind, type FieldError } from "./app-error.ts";
export { messages, type MessageCode } from "./messages.ts";
export { fieldErrorsFromZod, jsonPath, bilingual } from "./zod-issues.ts";
export { fieldError, invalid } from "./field-error.ts";
