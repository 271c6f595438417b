/**
 * readManifestJson reads a manifest in chunks, entry by entry; whatever it reads, its result
 * must be what JSON.parse makes of the whole text, and a text JSON.parse refuses must be
 * refused with JSON.parse's own message.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readManifestJson, type ManifestJson } from '../src/manifest-reader.js'
import { Cleanups } from './helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const NESTED = new Set(['assets', 'v1-assets'])

async function read(text: string, options: { chunkBytes?: number; maxPendingBytes?: number } = {}) {
  const file = path.join(await cleanups.tempDir('netiks-manifest-reader-'), 'manifest.json')
  await writeFile(file, text)
  return await readManifestJson(file, NESTED, options)
}

/** What JSON.parse makes of the text, in readManifestJson's terms. */
function expected(text: string): ManifestJson {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'not-object' }
  const members = new Map<string, unknown>()
  for (const [key, value] of Object.entries(parsed)) {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    members.set(key, NESTED.has(key) && isObject ? new Map(Object.entries(value)) : value)
  }
  return { kind: 'object', members, read: 'whole' }
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
  ])('refuses %s with JSON.parse’s message', async (_, text) => {
    const json = await read(text, { chunkBytes: 4 })
    expect(json).toEqual(expected(text))
    expect(json.kind).toBe('invalid')
  })

  it.each([
    ['an array', '[1, 2]'],
    ['a string', '"manifest"'],
    ['null', 'null'],
    ['a number', '  42 ']
  ])('says %s is not an object', async (_, text) => {
    expect(await read(text)).toEqual({ kind: 'not-object' })
  })

  it('rejects with the file system error when the file cannot be read', async () => {
    const dir = await cleanups.tempDir('netiks-manifest-reader-')
    await expect(readManifestJson(path.join(dir, 'absent.json'), NESTED)).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(readManifestJson(dir, NESTED)).rejects.toMatchObject({ code: 'EISDIR' })
  })
})
