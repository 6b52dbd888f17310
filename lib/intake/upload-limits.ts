/**
 * How much one upload may hold. Server Actions refuse bodies above
 * `experimental.serverActions.bodySizeLimit` in next.config.js (8 MB) before our code runs;
 * these limits are lower, so a file that is too big gets our clear message instead of a bare
 * 413 (and, with JavaScript, the browser says so before uploading at all).
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/**
 * Bodies above this never reach an action: without JavaScript the proxy sends such a post back
 * with the same message (./oversized-upload.ts). Below `experimental.serverActions.bodySizeLimit`
 * (8 MB), so nothing that Next.js would refuse with a 500 gets through.
 */
export const SERVER_ACTION_BODY_LIMIT = 7.5 * 1024 * 1024;
/** Mail files per upload. */
export const MAX_MAIL_FILES = 20;
/** Rows per spreadsheet: one transaction, one preview. A larger file can be split. */
export const MAX_IMPORT_ROWS = 20_000;
/** The mail text kept beside a draft for checking. */
export const MAX_MAIL_TEXT = 50_000;
