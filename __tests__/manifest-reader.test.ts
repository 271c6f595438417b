/**
 * readManifestJson reads a manifest in chunks, entry by entry; whatever it reads, its result
 * must be what JSON.parse makes of the whole text, and a text JSON.parse refuses must be
 * refused at the place JSON.parse names (a byte offset and a line), never with what it holds.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { Place } from '../src/json-syntax.js'
import { readManifestJson, type ManifestJson, type Nesting, type ReadOptions } from '../src/manifest-reader.js'
import { Cleanups, NEEDS_MODE_BITS, posixOnly } from './helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const NESTED: Nesting = { assets: 'entries', 'v1-assets': 'entries' }
/** As a manifest is read: the same two members under each base-url of `other-base-urls`. */
const MANIFEST: Nesting = { ...NESTED, 'other-base-urls': { '*': NESTED } }

async function read(text: string, options: ReadOptions = {}, nesting = NESTED) {
  const file = path.join(await cleanups.tempDir('netiks-manifest-reader-'), 'manifest.json')
  await writeFile(file, text)
  return await readManifestJson(file, nesting, options)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An object as the reader gives it: the members the nesting names whose values are objects as maps, all the way down. */
function asMaps(object: Record<string, unknown>, nesting: Nesting | 'entries'): Map<string, unknown> {
  const inner = (key: string) =>
    nesting === 'entries' ? undefined : Object.hasOwn(nesting, key) ? nesting[key] : nesting['*']
  return new Map(
    Object.entries(object).map(([key, value]) => {
      const nested = inner(key)
      return [key, nested !== undefined && isObject(value) ? asMaps(value, nested) : value]
    })
  )
}

/**
 * What JSON.parse makes of the text, in readManifestJson's terms: for a text it refuses, the
 * place its message names (undefined when it names none: `Unexpected token 'x', "…"`).
 */
function expected(text: string, nesting = NESTED): ManifestJson {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { kind: 'invalid', at: placeNamed(text, (error as Error).message) }
  }
  if (!isObject(parsed)) return { kind: 'not-object' }
  return { kind: 'object', members: asMaps(parsed, nesting), read: 'whole' }
}

/** The place JSON.parse's message names (a character position, or the end), as a byte offset and a line. */
function placeNamed(text: string, message: string): Place | undefined {
  const named = /^Unexpected end of JSON input$/.test(message) ? text.length : /at position (\d+)/.exec(message)?.[1]
  if (named === undefined) return undefined
  const before = text.slice(0, Number(named))
  return { offset: Buffer.byteLength(before), line: before.split('\n').length }
}

/**
 * The result as it can be compared with `expected`: a refusal's place only where JSON.parse
 * named one (the reader always names one) and the text is the file's bytes exactly (no
 * invalid UTF-8, where a character's position says nothing of its bytes' offset).
 */
function comparedWith(json: ManifestJson, want: ManifestJson, exact = true): ManifestJson {
  if (json.kind !== 'invalid' || want.kind !== 'invalid') return json
  expect(json.at).toBeDefined()
  return want.at === undefined || !exact ? { kind: 'invalid', at: want.at } : json
}

/** The result without how it was read, with maps as sorted entries (JSON.parse orders integer keys first). */
function comparable(json: ManifestJson): unknown {
  if (json.kind !== 'object') return json
  const plain = (value: unknown): unknown =>
    value instanceof Map ? [...value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : value
  return [...json.members].map(([key, value]) => [key, plain(value)])
}

const entry = (i: number): Record<string, unknown> => ({
  name: `f${i}.html`,
  sha256: 'ab'.repeat(32),
  size: i,
  id: `id-${i}`,
  storage_url: `https://cdn.example/${i}/f${i}.html`,
  content_type: 'text/html',
  uploaded_at: '2026-11-26T00:00:00.000Z'
})

function manifestText(count: number, extra: Record<string, unknown> = {}): string {
  const assets: Record<string, unknown> = {}
  for (let i = 0; i < count; i++) assets[`site/ünï/${i}/f${i}.html`] = entry(i)
  return JSON.stringify({ version: 2, 'base-url': 'https://api.example', assets, ...extra }, null, 2) + '\n'
}

describe('readManifestJson', () => {
  it('reads a manifest as written in chunks, whatever the chunk size, as JSON.parse reads it whole', async () => {
    const text = manifestText(300, { 'v1-assets': { 'old.zip': entry(7) } })
    for (const chunkBytes of [1, 7, 64, 1000, 64 * 1024]) {
      const json = await read(text, { chunkBytes })
      expect([chunkBytes, json.kind === 'object' && json.read]).toEqual([chunkBytes, 'in-chunks'])
      expect(comparable(json)).toEqual(comparable(expected(text)))
    }
  })

  it.each([
    ['compact JSON', JSON.stringify({ version: 2, assets: { a: { x: 1 }, b: [1, { c: '}' }] } })],
    ['tabs, CRs and no final newline', '{\t"version"\r\n:\t2 ,"assets":{ "a" : {"k":"v"} } }'],
    ['escapes in keys and values', '{"\\u0061ssets": {"q\\"uote\\\\": {"s": "a\\"}{\\\\"}}, "version": 1}'],
    ['braces and brackets inside strings', '{"assets": {"{[": {"v": "]}\\"]"}, "]": "x"}}'],
    ['a key named __proto__', '{"assets": {"__proto__": {"id": "p"}, "constructor": 1}}'],
    ['integer-like keys', '{"assets": {"b": 1, "10": 2, "2": 3}}'],
    ['assets that is not an object', '{"assets": [1, 2], "v1-assets": null, "version": 2}'],
    ['an empty object and empty assets', '{"assets": {}, "v1-assets": {}}'],
    ['every kind of value', '{"n": -1.5e3, "t": true, "f": false, "z": null, "s": "é", "a": [], "o": {}}'],
    ['a key repeated inside assets', '{"assets": {"a": 1, "b": 2, "a": 3}}'],
    ['multi-byte characters next to structure', '{"assets":{"日本":{"名":"値"},"😀":"😀"}}']
  ])('reads %s as JSON.parse does, in chunks', async (_, text) => {
    for (const chunkBytes of [1, 3, 1024]) {
      const json = await read(text, { chunkBytes })
      expect(json.kind === 'object' && json.read).toBe('in-chunks')
      expect(comparable(json)).toEqual(comparable(expected(text)))
    }
  })

  it.each([
    ['a top-level key repeated', '{"assets": {"a": 1}, "assets": {"b": 2}}'],
    ['a value longer than the pending limit', `{"version": 2, "note": "${'x'.repeat(5000)}", "assets": {}}`]
  ])('leaves %s to JSON.parse, with its result', async (_, text) => {
    const json = await read(text, { chunkBytes: 100, maxPendingBytes: 1000 })
    expect(json.kind === 'object' && json.read).toBe('whole')
    expect(comparable(json)).toEqual(comparable(expected(text)))
  })

  it.each([
    ['an empty file', ''],
    ['only white space', '  \n'],
    ['a trailing comma', '{"assets": {"a": 1,}}'],
    ['a missing comma', '{"version": 2 "assets": {}}'],
    ['a missing colon', '{"assets" {}}'],
    ['a truncated file', manifestText(3).slice(0, 200)],
    ['text after the object', '{"assets": {}} x'],
    ['a second object', '{} {}'],
    ['an unquoted key', '{assets: {}}'],
    ['a bad literal', '{"assets": {"a": tru}}'],
    ['a raw line feed in a string', '{"assets": {"a\nb": 1}}'],
    ['a byte order mark', '\uFEFF{"assets": {}}'],
    ['a single quote', "{'assets': {}}"],
    ['unbalanced brackets', '{"assets": {"a": [1}}}']
  ])('refuses %s at the place JSON.parse names', async (_, text) => {
    const json = await read(text, { chunkBytes: 4 })
    expect(comparedWith(json, expected(text))).toEqual(expected(text))
    expect(json.kind).toBe('invalid')
  })

  it.each([
    ['a token', 'ghp_SuperSecretToken0123456789\n', { offset: 0, line: 1 }],
    ['a token as a value', '{"version": 2, "base-url":\n  ghp_SuperSecretToken}', { offset: 29, line: 2 }],
    ['an ini file', '[core]\n\trepositoryformatversion = 0\n', { offset: 1, line: 1 }],
    ['a dotenv file, after a valid first line', '{}\nAPI_KEY=sk-live-123\n', { offset: 3, line: 2 }],
    ['a bad value deep in a manifest', `${manifestText(3).slice(0, 400)}tru}}}`, undefined]
  ])('says where %s departs from JSON, and nothing of what it holds', async (_, text, at) => {
    const json = await read(text, { chunkBytes: 5 })
    expect(json.kind).toBe('invalid')
    if (at !== undefined) expect(json).toEqual({ kind: 'invalid', at })
    const place = (json as { at: Place }).at
    expect(Object.keys(json).sort()).toEqual(['at', 'kind'])
    expect(Object.keys(place).sort()).toEqual(['line', 'offset'])
    // The place is the first byte JSON cannot have: everything before it is a prefix of some JSON text.
    expect(Buffer.from(text).subarray(0, place.offset).toString().split('\n').length).toBe(place.line)
  })

  it.each([
    ['an array', '[1, 2]'],
    ['a string', '"manifest"'],
    ['null', 'null'],
    ['a number', '  42 ']
  ])('says %s is not an object', async (_, text) => {
    expect(await read(text)).toEqual({ kind: 'not-object' })
  })

  it('rejects with the file system error when the file cannot be opened, and reads no directory', async () => {
    const dir = await cleanups.tempDir('netiks-manifest-reader-')
    await expect(readManifestJson(path.join(dir, 'absent.json'), NESTED)).rejects.toMatchObject({ code: 'ENOENT' })
    // A POSIX system opens a directory for reading; Windows refuses to.
    const json = await readManifestJson(dir, NESTED).catch((error: NodeJS.ErrnoException) => error.code)
    if (process.platform === 'win32') expect(['EISDIR', 'EPERM', 'EACCES']).toContain(json)
    else expect(json).toEqual({ kind: 'not-a-file', what: 'a directory' })
  })

  posixOnly(it, NEEDS_MODE_BITS)(
    'does not read a FIFO or a device, and does not wait for a FIFO’s writer',
    async () => {
      const dir = await cleanups.tempDir('netiks-manifest-reader-')
      execFileSync('mkfifo', [path.join(dir, 'fifo')])
      // Opened for reading in the usual way, a FIFO without a writer would hold this test until it times out.
      expect(await readManifestJson(path.join(dir, 'fifo'), NESTED)).toEqual({
        kind: 'not-a-file',
        what: 'a FIFO (named pipe)'
      })
      expect(await readManifestJson('/dev/zero', NESTED)).toEqual({ kind: 'not-a-file', what: 'a device' })
    }
  )

  it('does not read a file larger than maxBytes, nor one that grows past it while it is read', async () => {
    const text = manifestText(30)
    const size = Buffer.byteLength(text)
    expect(await read(text, { maxBytes: size - 1 })).toEqual({ kind: 'too-large', bytes: size })
    expect((await read(text, { maxBytes: size })).kind).toBe('object')
    // A value too long to scan sends the file to be read whole: that read stops at the limit too.
    const long = `{"note": "${'x'.repeat(3000)}"}`
    expect(await read(long, { maxBytes: 3000, maxPendingBytes: 100, chunkBytes: 64 })).toMatchObject({
      kind: 'too-large'
    })
  })

  it("reads each base-url's entries under other-base-urls one by one, in chunks, as JSON.parse reads them", async () => {
    const other = { assets: { 'a.txt': entry(1), 'b.txt': entry(2) }, 'v1-assets': { 'c.zip': entry(3) }, x: { y: 1 } }
    const text = manifestText(20, { 'other-base-urls': { 'https://staging.example': other, 'https://x.example': {} } })
    const kept: Array<[number, number]> = []
    const keepEntry = (value: unknown, start: number, end: number) => {
      kept.push([start, end])
      expect(JSON.parse(Buffer.from(text).subarray(start, end).toString())).toEqual(value)
      return value
    }
    for (const chunkBytes of [1, 13, 64 * 1024]) {
      kept.length = 0
      const json = await read(text, { chunkBytes, keepEntry }, MANIFEST)
      expect(json.kind === 'object' && json.read).toBe('in-chunks')
      expect(json).toEqual({ ...expected(text, MANIFEST), read: 'in-chunks' })
      // 20 entries at the top, 3 under the other base-url; `x` is not an object of entries.
      expect(kept).toHaveLength(23)
    }
  })
})

/** A small deterministic generator (mulberry32): the same cases on every run. */
function seeded(seed: number): { below: (n: number) => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed
  const below = (n: number): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n)
  }
  return { below, pick: items => items[below(items.length)] }
}

/**
 * The result with each map as the object JSON.parse would make of it: the same members, values
 * and order (integer-like keys first, as every object orders them), duplicate keys resolved.
 */
function asObjects(json: ManifestJson): unknown {
  if (json.kind !== 'object') return json
  const entries = (map: Map<string, unknown>) => Object.entries(Object.fromEntries(map))
  return entries(json.members).map(([key, value]) => [key, value instanceof Map ? entries(value) : value])
}

/**
 * Manifest-like texts, as bytes: escapes, surrogate pairs (escaped and raw), multi-byte
 * characters, structural characters inside strings, numbers JSON.parse rounds or overflows,
 * repeated keys at both levels, __proto__, integer-like keys, values long enough to cross a
 * small pending limit; half of them then damaged: bytes dropped, inserted or replaced
 * (invalid UTF-8, structure, escapes), or the text cut short.
 */
function fuzzCases(count: number): Buffer[] {
  const { below, pick } = seeded(0x5eed)
  const pieces = [
    'a',
    'é',
    '日本',
    '😀',
    '\\"',
    '\\\\',
    '\\/',
    '\\n',
    '\\u0041',
    '\\ud83d\\ude00',
    '\\ud800',
    '\\u00e9'
  ]
  const structural = ['{', '}', '[', ']', ',', ':', ' ', '\u2028', '\uFEFF']
  const string = (): string => {
    let text = ''
    for (let i = below(5); i > 0; i--) text += pick(below(3) === 0 ? structural : pieces)
    return below(12) === 0 ? `"${'x'.repeat(below(1500))}"` : `"${text}"`
  }
  const numbers = ['0', '-0', '7', '-1.5e3', '1e400', '-1e-400', '0.1', '9007199254740993', '1.0', '2E+2']
  const space = (): string => pick(['', '', '', ' ', '\n  ', '\t', '\r\n'])
  const key = (): string => (below(2) === 0 ? pick(['"a"', '"b"', '"__proto__"', '"1"', '"\\u0061"']) : string())
  const value = (depth: number): string => {
    const kind = below(depth > 2 ? 3 : 5)
    if (kind === 0) return string()
    if (kind === 1) return pick(numbers)
    if (kind === 2) return pick(['true', 'false', 'null'])
    if (kind === 3) return `[${Array.from({ length: below(3) }, () => space() + value(depth + 1)).join(',')}]`
    return object(depth + 1, below(4))
  }
  const member = (name: string, value: string): string => `${space()}${name}${space()}:${space()}${value}${space()}`
  const object = (depth: number, size: number): string =>
    `{${Array.from({ length: size }, () => member(key(), value(depth))).join(',')}}`
  // Each text has at least one of the objects read entry by entry, most often several entries long.
  const manifest = (): string => {
    const members = Array.from({ length: below(3) }, () => member(key(), value(0)))
    for (let i = below(2) + 1; i > 0; i--) {
      const name = pick(['"assets"', '"assets"', '"v1-assets"', '"\\u0061ssets"', '"version"'])
      members.splice(below(members.length + 1), 0, member(name, below(8) > 0 ? object(1, below(6)) : value(0)))
    }
    return `{${members.join(',')}}`
  }
  const structure = [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a]
  const other = [0x20, 0x30, 0x2d, 0x65, 0x00, 0x80, 0xbf, 0xc3, 0xe6, 0xed, 0xf0, 0xff]
  const cases: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const bytes = [...Buffer.from(manifest() + space())]
    for (let n = i % 2 === 0 ? 0 : below(4) === 0 ? 2 : 1; n > 0; n--) {
      // Most often at a structural byte, with another one: where the scan decides the most.
      const marks = bytes.flatMap((byte, at) => (structure.includes(byte) ? [at] : []))
      const at = below(3) > 0 && marks.length > 0 ? pick(marks) : below(bytes.length + 1)
      const byte = pick(below(3) > 0 ? structure : other)
      const how = below(5)
      if (how === 0) bytes.splice(at, 1)
      else if (how === 1) bytes.splice(at, 0, byte)
      else if (how === 2) bytes.splice(at, 1, byte)
      else if (how === 3) bytes.splice(at, 0, ...Buffer.from(pick(['"k":1,', ',"k":1', '"\\u', '"\\'])))
      else bytes.length = at
    }
    cases.push(Buffer.from(bytes))
  }
  return cases
}

describe('readManifestJson, fuzzed against JSON.parse', () => {
  it('reads 200 generated and damaged texts as JSON.parse reads them whole, at any chunk size', async () => {
    const file = path.join(await cleanups.tempDir('netiks-manifest-reader-'), 'manifest.json')
    const { below } = seeded(42)
    const read = { 'in-chunks': 0, whole: 0, refused: 0 }
    let located = 0
    for (const [index, bytes] of fuzzCases(200).entries()) {
      await writeFile(file, bytes)
      const text = bytes.toString('utf8')
      const want = asObjects(expected(text))
      // A few bytes at a time, some more with a small pending limit, and the default.
      const sizes = [below(8) + 1, below(200) + 9, 64 * 1024]
      for (const [run, chunkBytes] of sizes.entries()) {
        const maxPendingBytes = run === 1 ? below(2000) + 16 : undefined
        // Where each entry is said to be in the file, its bytes there parse to the entry.
        const misplaced: unknown[] = []
        const keepEntry = (value: unknown, start: number, end: number): unknown => {
          const there = bytes.subarray(start, end).toString('utf8')
          if (!isDeepStrictEqual(JSON.parse(there), value)) misplaced.push({ start, end, there, value })
          located++
          return value
        }
        const json = await readManifestJson(file, NESTED, { chunkBytes, maxPendingBytes, keepEntry })
        expect({ index, chunkBytes, misplaced }).toEqual({ index, chunkBytes, misplaced: [] })
        read[json.kind === 'object' ? json.read : 'refused']++
        const got = asObjects(comparedWith(json, expected(text), Buffer.from(text).equals(bytes)))
        expect({ index, text, chunkBytes, maxPendingBytes, got }).toEqual({
          index,
          text,
          chunkBytes,
          maxPendingBytes,
          got: want
        })
      }
    }
    // Enough of each way of reading that the comparison means something.
    expect(read['in-chunks']).toBeGreaterThan(200)
    expect(read.whole).toBeGreaterThan(75)
    expect(read.refused).toBeGreaterThan(200)
    expect(located).toBeGreaterThan(1000)
  })
})

describe('readManifestJson, every one-byte edit of a small manifest', () => {
  it('reads each text one byte dropped, inserted or replaced away as JSON.parse does', async () => {
    const file = path.join(await cleanups.tempDir('netiks-manifest-reader-'), 'manifest.json')
    const text = Buffer.from('{"version":2,"assets":{"a":{"k":[1,"}"]},"b":"\\u00e9"},"z":null}')
    const bytes = [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x30, 0xc3]
    const edits: Buffer[] = []
    for (let at = 0; at <= text.length; at++) {
      if (at < text.length) edits.push(Buffer.concat([text.subarray(0, at), text.subarray(at + 1)]))
      for (const byte of bytes) {
        edits.push(Buffer.concat([text.subarray(0, at), Buffer.from([byte]), text.subarray(at)]))
        if (at < text.length)
          edits.push(Buffer.concat([text.subarray(0, at), Buffer.from([byte]), text.subarray(at + 1)]))
      }
    }
    let inChunks = 0
    for (const edit of edits) {
      await writeFile(file, edit)
      const text = edit.toString('utf8')
      const json = await readManifestJson(file, NESTED, { chunkBytes: 7 })
      if (json.kind === 'object' && json.read === 'in-chunks') inChunks++
      const got = asObjects(comparedWith(json, expected(text), Buffer.from(text).equals(edit)))
      expect({ text, got }).toEqual({ text, got: asObjects(expected(text)) })
    }
    expect(inChunks).toBeGreaterThan(100)
  })
})
