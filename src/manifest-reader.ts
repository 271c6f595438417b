import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { JsonSyntaxCheck, isSpace, type Place } from './json-syntax.js'

/**
 * Which members of an object the scan descends into, by name, or by `'*'` for any name: a
 * member named here whose value is an object comes as a Map of that object's members. The
 * members of an object marked `'entries'` are a manifest's entries, each handed to keepEntry.
 */
export interface Nesting {
  readonly [name: string]: Nesting | 'entries'
}

/**
 * A manifest file read as JSON. The members of its top-level object are in `members`; a member
 * the nesting names whose value is an object comes as a Map of that object's members.
 */
export type ManifestJson =
  | {
      kind: 'object'
      members: Map<string, unknown>
      /** In chunks, or whole when the scan did not take the file. */
      read: 'in-chunks' | 'whole'
    }
  | { kind: 'not-object' }
  /** Where the text first departs from JSON (never what it holds there: it may be a secret). */
  | { kind: 'invalid'; at?: Place }
  /** Not a regular file (a directory, a FIFO, a socket, a device): it was not read. */
  | { kind: 'not-a-file'; what: string }
  /** More bytes than `maxBytes`: it was not read (or no further than that). */
  | { kind: 'too-large'; bytes: number }

export interface ReadOptions {
  chunkBytes?: number
  maxPendingBytes?: number
  /** A file larger than this is not read (see MAX_MANIFEST_BYTES). */
  maxBytes?: number
  /**
   * What to keep of an entry (a member of an object the nesting marks `'entries'`), given its
   * parsed value and where its text starts and ends in the file (bytes); the parsed value by
   * default. Not called for a file read whole: its entries are kept as parsed.
   */
  keepEntry?: (value: unknown, start: number, end: number) => unknown
}

const keepAsParsed = (value: unknown): unknown => value

/** Bytes read at a time. */
const CHUNK_BYTES = 64 * 1024
/** A value this long that is not an entry of the nested objects: read the file whole instead. */
const MAX_PENDING_BYTES = 1024 * 1024
/**
 * No manifest is larger. An entry as the action writes it takes some 400 bytes (100,000 take
 * some 40 MB); this leaves room for 100,000 entries whose paths and storage URLs are each a
 * kilobyte or more, while a file that is not a manifest (a disk image, a log that grew
 * without end) is refused before a byte of it is read.
 */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024

/**
 * Opened without waiting: opening a FIFO for reading waits for a writer, for ever. Only a
 * regular file is read (see fstat below); O_NONBLOCK changes nothing for one.
 */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Reads the JSON file the way JSON.parse would, but without its text in memory at once: the
 * file is scanned in chunks, and each entry (a member of an object the nesting marks
 * `'entries'`) is parsed on its own as soon as it is complete. 100,000 entries are some 40 MB
 * of text, which JSON.parse would need whole, and as much again while it works. A file the scan
 * does not take (not an object, invalid, or with an unusually long value) is read whole and
 * given to JSON.parse, so its result is JSON.parse's; where JSON.parse refuses it, the result
 * says where the text departs from JSON, never what it holds there. What is not a regular file,
 * or is larger than `maxBytes`, is not read. Rejects only when the file cannot be opened or read
 * (with the fs error).
 */
export async function readManifestJson(
  file: string,
  nesting: Nesting,
  {
    chunkBytes = CHUNK_BYTES,
    maxPendingBytes = MAX_PENDING_BYTES,
    maxBytes = MAX_MANIFEST_BYTES,
    keepEntry = keepAsParsed
  }: ReadOptions = {}
): Promise<ManifestJson> {
  const handle = await open(file, OPEN_FOR_READING)
  try {
    const info = await handle.stat()
    if (!info.isFile()) return { kind: 'not-a-file', what: fileType(info) }
    if (info.size > maxBytes) return { kind: 'too-large', bytes: info.size }
    const scanner = new MemberScanner(nesting, keepEntry)
    let pending = Buffer.alloc(0)
    /** Where `pending` starts in the file. */
    let offset = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes)
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, offset + pending.length)
      const final = bytesRead === 0
      const bytes = final ? pending : Buffer.concat([pending, chunk.subarray(0, bytesRead)])
      // The file grew while it was read: it is refused as if it had been that large to begin with.
      if (offset + bytes.length > maxBytes) return { kind: 'too-large', bytes: offset + bytes.length }
      const taken = scanner.scan(bytes, final, offset)
      if (taken === NOT_STREAMABLE) break
      pending = bytes.subarray(taken)
      offset += taken
      if (final) return { kind: 'object', members: scanner.members, read: 'in-chunks' }
      if (pending.length > maxPendingBytes) break
    }
    return await readWhole(handle, nesting, { chunkBytes, maxBytes })
  } finally {
    await handle.close()
  }
}

/** What a file that is not a regular one is, for the error. */
export function fileType(info: Stats): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/** The whole file given to JSON.parse; where JSON.parse refuses it, where it departs from JSON. */
async function readWhole(
  handle: FileHandle,
  nesting: Nesting,
  { chunkBytes, maxBytes }: { chunkBytes: number; maxBytes: number }
): Promise<ManifestJson> {
  const pieces: Buffer[] = []
  let length = 0
  const check = new JsonSyntaxCheck()
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(chunkBytes, CHUNK_BYTES))
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, length)
    if (bytesRead === 0) break
    length += bytesRead
    if (length > maxBytes) return { kind: 'too-large', bytes: length }
    const bytes = chunk.subarray(0, bytesRead)
    // Checked as it is read: a file that is not JSON is not held whole, nor given to JSON.parse.
    const departure = check.push(bytes)
    if (departure !== undefined) return { kind: 'invalid', at: departure }
    pieces.push(bytes)
  }
  const departure = check.end()
  if (departure !== undefined) return { kind: 'invalid', at: departure }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.concat(pieces, length).toString('utf8'))
  } catch {
    // JSON.parse refused a text the check took: a disagreement the tests rule out; say nothing of where.
    return { kind: 'invalid' }
  }
  if (!isJsonObject(parsed)) return { kind: 'not-object' }
  return { kind: 'object', members: toMaps(parsed, nesting), read: 'whole' }
}

/** A parsed object's members, with each member the nesting names whose value is an object as a Map too. */
function toMaps(object: Record<string, unknown>, nesting: Nesting | 'entries'): Map<string, unknown> {
  const members = new Map<string, unknown>()
  for (const [key, value] of Object.entries(object)) {
    const inner = nesting === 'entries' ? undefined : innerNesting(nesting, key)
    members.set(key, inner !== undefined && isJsonObject(value) ? toMaps(value, inner) : value)
  }
  return members
}

/** How the scan reads the value of the member `key`: descended into when it is an object (see Nesting). */
function innerNesting(nesting: Nesting, key: string): Nesting | 'entries' | undefined {
  if (Object.hasOwn(nesting, key)) return nesting[key]
  return Object.hasOwn(nesting, '*') ? nesting['*'] : undefined
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The scan met what it does not take: the file is read whole instead. */
class NotStreamable extends Error {}

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
/** What scan returns when the text is not one it takes. */
const NOT_STREAMABLE = -2

/** An object being scanned: where its members go, and how they are read. */
interface Frame {
  members: Map<string, unknown>
  nesting: Nesting | 'entries'
  /** A member or the end is next (else a comma or the end). */
  expectMember: boolean
  /** No member yet: the end may come instead of one. */
  empty: boolean
}

/**
 * Scans `{ "key": value, … }`, descending into the objects the nesting names, and parses each
 * other value (and each key) with JSON.parse, which validates it. Every structural byte is
 * ASCII, and no byte of a multi-byte UTF-8 character is, so bytes are scanned, not
 * characters. A whole unit (a member, a separator) is taken or none of it.
 */
class MemberScanner {
  readonly members = new Map<string, unknown>()
  /** The objects open, innermost last; empty before the first `{` and after the last `}`. */
  private readonly open: Frame[] = []
  private started = false
  /** Where the bytes being scanned start in the file. */
  private offset = 0

  constructor(
    private readonly nesting: Nesting,
    private readonly keepEntry: (value: unknown, start: number, end: number) => unknown
  ) {}

  /**
   * Takes what it can of `bytes` (which start at `offset` in the file) and returns how many
   * bytes it took, or NOT_STREAMABLE.
   */
  scan(bytes: Buffer, final: boolean, offset: number): number {
    this.offset = offset
    let at = 0
    try {
      for (;;) {
        const next = this.step(bytes, skipSpace(bytes, at))
        if (next === MORE) {
          if (!final) return at
          return this.started && this.open.length === 0 ? bytes.length : NOT_STREAMABLE
        }
        at = next
      }
    } catch (error) {
      if (error instanceof NotStreamable) return NOT_STREAMABLE
      throw error
    }
  }

  private step(bytes: Buffer, at: number): number {
    const frame = this.open.at(-1)
    if (frame === undefined) {
      if (at >= bytes.length) return MORE
      // Before the object, or after it: only its `{` may come, once.
      if (this.started || bytes[at] !== OPEN_BRACE) throw new NotStreamable()
      this.started = true
      this.open.push({ members: this.members, nesting: this.nesting, expectMember: true, empty: true })
      return at + 1
    }
    if (at >= bytes.length) return MORE
    const byte = bytes[at]
    if (byte === CLOSE_BRACE && (frame.empty || !frame.expectMember)) {
      this.open.pop()
      return at + 1
    }
    if (!frame.expectMember) {
      if (byte !== COMMA) throw new NotStreamable()
      frame.expectMember = true
      return at + 1
    }
    return this.member(frame, bytes, at)
  }

  private member(frame: Frame, bytes: Buffer, at: number): number {
    const pair = keyAndValueStart(bytes, at)
    if (pair === MORE) return MORE
    const { key, valueAt } = pair
    const inner = frame.nesting === 'entries' ? undefined : innerNesting(frame.nesting, key)
    // JSON.parse keeps the last of two equal keys; the scan leaves such an object to it, but for
    // entries (below), whose values it keeps as JSON.parse does.
    if (frame.nesting !== 'entries' && frame.members.has(key)) throw new NotStreamable()
    if (inner !== undefined && bytes[valueAt] === OPEN_BRACE) {
      const members = new Map<string, unknown>()
      frame.members.set(key, members)
      frame.expectMember = false
      frame.empty = false
      this.open.push({ members, nesting: inner, expectMember: true, empty: true })
      return valueAt + 1
    }
    const end = valueEnd(bytes, valueAt)
    if (end === MORE) return MORE
    const value = parse(bytes, valueAt, end)
    // As JSON.parse does, an entry's key given twice keeps its first place and its last value.
    frame.members.set(
      key,
      frame.nesting === 'entries' ? this.keepEntry(value, this.offset + valueAt, this.offset + end) : value
    )
    frame.expectMember = false
    frame.empty = false
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
