/** Each check: true found, false missing, undefined not checked. */
export function missing(found: { java?: boolean | undefined; chromium?: boolean | undefined; cjkFont?: boolean | undefined }): string[];
