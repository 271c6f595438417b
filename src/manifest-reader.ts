import { open, readFile } from 'node:fs/promises'

/**
 * A manifest file read as JSON. The members of its top-level object are in `members`; a member
 * named in `nested` whose value is an object comes as a Map of that object's members.
 */
export type ManifestJson =
  | {
      kind: 'object'
      members: Map<string, unknown>
      /** In chunks, or whole when the scan did not take the file. */
      read: 'in-chunks' | 'whole'
    }
  | { kind: 'not-object' }
  | { kind: 'invalid'; message: string }

export interface ReadOptions {
  chunkBytes?: number
  maxPendingBytes?: number
  /**
   * What to keep of a nested member (an entry), given its parsed value and where its text
   * starts and ends in the file (bytes); the parsed value by default. Not called for a file
   * read whole: its entries are kept as parsed.
   */
  keepEntry?: (value: unknown, start: number, end: number) => unknown
}

const keepAsParsed = (value: unknown): unknown => value

/** Bytes read at a time. */
const CHUNK_BYTES = 64 * 1024
/** A value this long that is not one of the nested objects' members: read the file whole instead. */
const MAX_PENDING_BYTES = 1024 * 1024

/**
 * Reads the JSON file the way JSON.parse would, but without its text in memory at once: the
 * file is scanned in chunks, and each member of the `nested` objects (a manifest's entries) is
 * parsed on its own as soon as it is complete. 100,000 entries are some 40 MB of text, which
 * JSON.parse would need whole, and as much again while it works. A file the scan does not take
 * (not an object, invalid, or with an unusually long value) is read whole and given to
 * JSON.parse, so its result and its error message are JSON.parse's. Rejects only when the file
 * cannot be read (with the fs error).
 */
export async function readManifestJson(
  file: string,
  nested: ReadonlySet<string>,
  { chunkBytes = CHUNK_BYTES, maxPendingBytes = MAX_PENDING_BYTES, keepEntry = keepAsParsed }: ReadOptions = {}
): Promise<ManifestJson> {
  const handle = await open(file, 'r')
  const scanner = new MemberScanner(nested, keepEntry)
  try {
    let pending = Buffer.alloc(0)
    /** Where `pending` starts in the file. */
    let offset = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes)
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, null)
      const final = bytesRead === 0
      const bytes = final ? pending : Buffer.concat([pending, chunk.subarray(0, bytesRead)])
      const taken = scanner.scan(bytes, final, offset)
      pending = bytes.subarray(taken)
      offset += taken
      if (final) return { kind: 'object', members: scanner.members, read: 'in-chunks' }
      if (pending.length > maxPendingBytes) throw new NotStreamable()
    }
  } catch (error) {
    if (!(error instanceof NotStreamable)) throw error
  } finally {
    await handle.close()
  }
  return parseWhole(await readFile(file, 'utf8'), nested)
}

function parseWhole(text: string, nested: ReadonlySet<string>): ManifestJson {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message }
  }
  if (!isJsonObject(parsed)) return { kind: 'not-object' }
  const members = new Map<string, unknown>()
  for (const [key, value] of Object.entries(parsed)) {
    members.set(key, nested.has(key) && isJsonObject(value) ? new Map(Object.entries(value)) : value)
  }
  return { kind: 'object', members, read: 'whole' }
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The scan met what it does not take: the file is read whole instead. */
class NotStreamable extends Error {}

enum Expect {
  Open,
  FirstMember,
  Member,
  AfterMember,
  FirstNestedMember,
  NestedMember,
  AfterNestedMember,
  Nothing
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
/** More bytes are needed to go on. */
const MORE = -1

/**
 * Scans `{ "key": value, … }`, descending into the values of the `nested` keys that are objects,
 * and parses each other value (and each key) with JSON.parse, which validates it. Every
 * structural byte is ASCII, and no byte of a multi-byte UTF-8 character is, so bytes are
 * scanned, not characters. A whole unit (a member, a separator) is taken or none of it.
 */
class MemberScanner {
  readonly members = new Map<string, unknown>()
  private expect = Expect.Open
  private current?: Map<string, unknown>
  /** Where the bytes being scanned start in the file. */
  private offset = 0

  constructor(
    private readonly nested: ReadonlySet<string>,
    private readonly keepEntry: (value: unknown, start: number, end: number) => unknown
  ) {}

  /** Takes what it can of `bytes` (which start at `offset` in the file) and returns how many bytes it took. */
  scan(bytes: Buffer, final: boolean, offset: number): number {
    this.offset = offset
    let at = 0
    for (;;) {
      const next = this.step(bytes, skipSpace(bytes, at))
      if (next === MORE) {
        if (!final) return at
        if (this.expect !== Expect.Nothing) throw new NotStreamable()
        return bytes.length
      }
      at = next
    }
  }

  private step(bytes: Buffer, at: number): number {
    if (this.expect === Expect.Nothing) {
      if (at < bytes.length) throw new NotStreamable()
      return MORE
    }
    if (at >= bytes.length) return MORE
    const byte = bytes[at]
    switch (this.expect) {
      case Expect.Open:
        return this.take(byte === OPEN_BRACE, at, Expect.FirstMember)
      case Expect.FirstMember:
        if (byte === CLOSE_BRACE) return this.take(true, at, Expect.Nothing)
        return this.member(bytes, at)
      case Expect.Member:
        return this.member(bytes, at)
      case Expect.AfterMember:
        if (byte === COMMA) return this.take(true, at, Expect.Member)
        return this.take(byte === CLOSE_BRACE, at, Expect.Nothing)
      case Expect.FirstNestedMember:
        if (byte === CLOSE_BRACE) return this.take(true, at, Expect.AfterMember)
        return this.nestedMember(bytes, at)
      case Expect.NestedMember:
        return this.nestedMember(bytes, at)
      case Expect.AfterNestedMember:
        if (byte === COMMA) return this.take(true, at, Expect.NestedMember)
        return this.take(byte === CLOSE_BRACE, at, Expect.AfterMember)
    }
  }

  private take(expected: boolean, at: number, then: Expect): number {
    if (!expected) throw new NotStreamable()
    this.expect = then
    return at + 1
  }

  private member(bytes: Buffer, at: number): number {
    const pair = keyAndValueStart(bytes, at)
    if (pair === MORE) return MORE
    const { key, valueAt } = pair
    // JSON.parse keeps the last of two equal keys; the scan leaves such a file to it.
    if (this.members.has(key)) throw new NotStreamable()
    if (this.nested.has(key) && bytes[valueAt] === OPEN_BRACE) {
      this.current = new Map()
      this.members.set(key, this.current)
      this.expect = Expect.FirstNestedMember
      return valueAt + 1
    }
    const end = valueEnd(bytes, valueAt)
    if (end === MORE) return MORE
    this.members.set(key, parse(bytes, valueAt, end))
    this.expect = Expect.AfterMember
    return end
  }

  private nestedMember(bytes: Buffer, at: number): number {
    const pair = keyAndValueStart(bytes, at)
    if (pair === MORE) return MORE
    const end = valueEnd(bytes, pair.valueAt)
    if (end === MORE) return MORE
    // As JSON.parse does, a key given twice keeps its first place and its last value.
    const value = parse(bytes, pair.valueAt, end)
    this.current!.set(pair.key, this.keepEntry(value, this.offset + pair.valueAt, this.offset + end))
    this.expect = Expect.AfterNestedMember
    return end
  }
}

/** `"key"` `:` and where the value starts (its first byte is there). */
function keyAndValueStart(bytes: Buffer, at: number): { key: string; valueAt: number } | typeof MORE {
  if (bytes[at] !== QUOTE) throw new NotStreamable()
  const keyEnd = stringEnd(bytes, at)
  if (keyEnd === MORE) return MORE
  const colonAt = skipSpace(bytes, keyEnd)
  if (colonAt >= bytes.length) return MORE
  if (bytes[colonAt] !== COLON) throw new NotStreamable()
  const valueAt = skipSpace(bytes, colonAt + 1)
  if (valueAt >= bytes.length) return MORE
  const key = parse(bytes, at, keyEnd)
  if (typeof key !== 'string') throw new NotStreamable()
  return { key, valueAt }
}

function parse(bytes: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', start, end))
  } catch {
    throw new NotStreamable()
  }
}

function skipSpace(bytes: Buffer, at: number): number {
  while (at < bytes.length && isSpace(bytes[at])) at++
  return at
}

/** JSON's white space: space, line feed, carriage return, tab. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/** Just past the string that starts at `at` (a `"`). */
function stringEnd(bytes: Buffer, at: number): number {
  for (let i = at + 1; i < bytes.length; i++) {
    if (bytes[i] === BACKSLASH) i++
    else if (bytes[i] === QUOTE) return i + 1
  }
  return MORE
}

/**
 * Just past the value that starts at `at`: a string, an object or array (to its closing
 * bracket, strings skipped), or a number, true, false or null (to the next delimiter).
 * JSON.parse then says whether it is valid.
 */
function valueEnd(bytes: Buffer, at: number): number {
  const first = bytes[at]
  if (first === QUOTE) return stringEnd(bytes, at)
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0
    for (let i = at; i < bytes.length; i++) {
      const byte = bytes[i]
      if (byte === QUOTE) {
        const end = stringEnd(bytes, i)
        if (end === MORE) return MORE
        i = end - 1
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++
      else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) return i + 1
    }
    return MORE
  }
  let i = at
  while (i < bytes.length && !isDelimiter(bytes[i])) i++
  if (i === at) throw new NotStreamable()
  return i < bytes.length ? i : MORE
}

function isDelimiter(byte: number): boolean {
  return byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isSpace(byte)
}
