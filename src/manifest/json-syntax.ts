/** A place in a file: its byte offset (from 0) and its line (from 1). */
export interface Place {
  offset: number
  line: number
}

/**
 * Where bytes that are not JSON first depart from it: the first byte that cannot be there, or
 * the end of a text cut short; undefined when they are JSON. It says where, never what: the
 * text may be anything (a token file a link points to), and JSON.parse's message quotes it.
 */
export function whereJsonDeparts(bytes: Buffer): Place | undefined {
  // One character a byte, so that a position is an offset. JSON.parse refuses this text where it
  // refuses the UTF-8 one: bytes of 0x80 and above, like the characters they decode to, are
  // taken inside strings and nowhere else.
  const text = bytes.toString('latin1')
  const fault = faultOf(text)
  if (fault === undefined) return undefined
  const offset = fault.position ?? unexpectedTokenAt(text, fault.message)
  let line = 1
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++
  return { offset, line }
}

/** How JSON.parse refuses the text, and the position it names (the end for a text cut short); undefined when it takes it. */
function faultOf(text: string): { message: string; position?: number } | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (error) {
    const message = (error as Error).message
    const named = message === 'Unexpected end of JSON input' ? text.length : /at position (\d+)/.exec(message)?.[1]
    return { message, position: named === undefined ? undefined : Number(named) }
  }
}

/**
 * JSON.parse names no position for an unexpected token: the end of the longest start of the text
 * that is JSON. The places of the context it quotes around the token are tried first, then every place.
 */
function unexpectedTokenAt(text: string, message: string): number {
  const [, before, context, after] =
    /^Unexpected token '.', (\.{3})?"(.*)"(\.{3})? is not valid JSON$/s.exec(message) ?? []
  const places: number[] = []
  if (context !== undefined && (before ?? after) !== undefined) {
    const tokenIndex = before === undefined ? context.length - 10 : 10
    for (let at = text.indexOf(context); at !== -1; at = text.indexOf(context, at + 1)) places.push(at + tokenIndex)
  }
  const likely = places[lastStart(text, places.length, index => places[index])]
  if (likely !== undefined && !startsJson(text, likely + 1)) return likely
  return lastStart(text, text.length + 1, at => at)
}

/** Of `count` places in order, the last up to which the text starts JSON (-1 for none): halving, as a longer start fails where a shorter one does. */
function lastStart(text: string, count: number, place: (index: number) => number): number {
  let low = -1
  let high = count - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (startsJson(text, place(middle))) low = middle
    else high = middle - 1
  }
  return low
}

/** The text up to `end` is JSON or the start of it: JSON.parse finds no fault before its end. */
function startsJson(text: string, end: number): boolean {
  const fault = faultOf(text.slice(0, end))
  return fault === undefined || fault.position === Math.min(end, text.length)
}
