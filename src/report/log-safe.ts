/**
 * Text from outside the action (file names, the server's words, URLs, manifest entries) made
 * safe for the log, an annotation or the job summary. The runner reads a line as a workflow
 * command when it starts with `::` after white space, or holds `##[` anywhere; a file name may
 * hold both, and a line break. So every such value goes through `escapeForLog`, which
 * percent-encodes `%`, line breaks and every character that could break or disguise a line
 * (C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional controls) as
 * UTF-8 bytes, and breaks up `##[`; and no such value ever starts a line. `decodeURIComponent`
 * reads any escaped value back.
 */
import { percentEncode } from '../netiks/values.js'
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[%\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/** A value from outside, made safe to write anywhere on a log line (but never first on it). */
export function escapeForLog(value: unknown): string {
  return String(value).replace(UNSAFE, percentEncode).replace(/##\[/g, '##%5B')
}

/** A name in double quotes, as the log shows names: `"a.zip"`; a `"` inside is written %22. */
export function quoteForLog(value: unknown): string {
  return `"${escapeForLog(value).replace(/"/g, '%22')}"`
}

/**
 * A value from outside, made safe for the job summary: escaped as in the log (so no line
 * break can end the HTML block and let the rest be read as Markdown), then as HTML text.
 */
export function escapeForSummary(value: unknown): string {
  return escapeHtml(escapeForLog(value))
}

/**
 * A URL from outside as the summary may link to it: http(s) only (a server cannot plant a
 * `javascript:` link), as the URL parser writes it (no raw white space or line break),
 * escaped for an HTML attribute. Undefined for anything else.
 */
export function summaryHref(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? escapeHtml(parsed.href) : undefined
  } catch {
    return undefined
  }
}

/** HTML text and double-quoted attribute values (the summary uses no single-quoted ones). */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
