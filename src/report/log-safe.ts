/**
 * The runner reads a line as a workflow command when it starts with `::` or holds `##[`, and a
 * file name may hold both and a line break: so text from outside is percent-encoded wherever it
 * could break or disguise a line (`%`, controls, line separators, bidi controls), `##[` is broken
 * up, and such text never starts a line. `decodeURIComponent` reads it back.
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

/** Escaped as in the log (no line break may end the HTML block and start Markdown), then as HTML text. */
export function escapeForSummary(value: unknown): string {
  return escapeHtml(escapeForLog(value))
}

/** An http(s) URL as the parser writes it, escaped for an attribute; undefined for anything else (`javascript:`). */
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
