/**
 * Which values from Netiks may be trusted into the outputs. A later step prints them raw
 * (`echo "$ASSET_IDS" | jq -r '.[]'`), so a value that could break or disguise a line, or pass
 * for a workflow command, is never a clean success — whether it comes from an answer now or
 * from a manifest entry written by an earlier run (a manifest may come back from a cache).
 */

/** Characters that could break or disguise a line: C0 and C1 controls, DEL, line and paragraph separators, bidi controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

/** An asset id as an API gives them (a UUID, a number, a slug): letters and digits first, then a few marks. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._~:+=/-]{0,255}$/

export function isPlainAssetId(value: unknown): value is string {
  return typeof value === 'string' && PLAIN_ID.test(value)
}

/**
 * Whether a value is inert wherever it is printed raw: no character that could break or
 * disguise a line, nothing a workflow command needs (`::` first on a line, `##[` anywhere).
 */
export function isInertText(value: string): boolean {
  return !LINE_BREAKING.test(value) && !/^\s*::/.test(value) && !value.includes('##[')
}

/** Text as its UTF-8 bytes in %XX form. */
export function percentEncode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), byte => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}
