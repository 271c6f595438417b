import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdir, open, readFile, readdir, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { findUnchanged, recordUnchanged } from '../../src/manifest/compare.js'
import type { Place } from '../../src/manifest/json-syntax.js'
import { ManifestError, type LegacyEntry, type Manifest, type ManifestEntry } from '../../src/manifest/manifest.js'
import { loadManifest } from '../../src/manifest/read.js'
import { writeManifest } from '../../src/manifest/write.js'
import type { ConfirmedUpload, LocalFile } from '../../src/model.js'
import { pathRulesFor } from '../../src/files/paths.js'
import { Cleanups, describeFile, sha256 } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const BASE = 'https://prod.backend.netikscloud.com'
const LINUX = pathRulesFor('linux')
const MAC = pathRulesFor('darwin')

const legacy = (content: string, id: string): LegacyEntry => ({
  sha256: sha256(content),
  size: Buffer.byteLength(content),
  id,
  storage_url: `https://cdn.example/${id}`,
  content_type: 'text/plain',
  uploaded_at: '2026-11-01T00:00:00.000Z'
})
const entry = (name: string, content: string, id: string): ManifestEntry => ({ name, ...legacy(content, id) })

function manifestOf(
  assets: Record<string, ManifestEntry>,
  v1: Record<string, LegacyEntry> = {},
  others: Manifest['others'] = { sections: new Map() }
): Manifest {
  return {
    version: 2,
    'base-url': BASE,
    assets: new Map(Object.entries(assets)),
    legacy: new Map(Object.entries(v1)),
    others
  }
}

async function load(json: unknown) {
  const ws = await cleanups.workspace({ 'm.json': typeof json === 'string' ? json : JSON.stringify(json) })
  return await loadManifest(path.join(ws, 'm.json'), BASE)
}

function confirmed(file: LocalFile, content: string, id: string, recordedName = file.name): ConfirmedUpload {
  return {
    file,
    assetId: id,
    recordedName,
    possibleDuplicate: false,
    storageUrl: `https://cdn.example/${id}`,
    contentType: 'text/plain',
    sha256: sha256(content)
  }
}

describe('loadManifest', () => {
  it('starts empty, without a problem, when there is no file yet', async () => {
    const ws = await cleanups.workspace()
    expect(await loadManifest(path.join(ws, 'none.json'), BASE)).toEqual({
      manifest: manifestOf({}),
      existed: false,
      knewBaseUrl: false,
      ignored: []
    })
  })

  it.each([
    [
      'not JSON',
      '{"version": 2,',
      /^The manifest is not valid JSON: it departs from JSON at byte 14 \(line 1\); it was left/
    ],
    ['a token', 'ghp_SuperSecretToken\n', /^The manifest is not valid JSON: it departs from JSON at byte 0 \(line 1\)/],
    [
      'another version',
      { version: 3, 'base-url': BASE, assets: {} },
      /^The manifest has version 3, which this action does not know \(it reads versions 1 and 2\); it was left as it is, and nothing was uploaded\. A newer release/
    ],
    [
      'no version',
      { 'base-url': BASE, assets: {} },
      /^The manifest has no "version", so it is not a manifest this action reads/
    ],
    [
      'a version that is a secret',
      { version: 'ghp_SuperSecretToken', 'base-url': BASE },
      /has a "version" that is not a number/
    ],
    ['a version that is a fraction', { version: 2.5, 'base-url': BASE }, /has a "version" that is not a number/],
    ['an array', [], /is JSON, but not an object/],
    ['null', null, /is JSON, but not an object/],
    ['a number', 7, /is JSON, but not an object/],
    ['no base-url', { version: 2, assets: {} }, /has no "base-url" \(a string\) at its top/],
    [
      'a base-url that is a secret object',
      { version: 2, 'base-url': { token: 'ghp_SuperSecretToken' } },
      /has no "base-url"/
    ],
    [
      'assets that are a list',
      { version: 2, 'base-url': BASE, assets: [] },
      /has "assets" at its top that is not an object/
    ],
    [
      'assets that are a string',
      { version: 1, 'base-url': BASE, assets: 'ghp_SuperSecretToken' },
      /has "assets" at its top that is not an object/
    ],
    [
      'v1-assets that are a list',
      { version: 2, 'base-url': BASE, 'v1-assets': [] },
      /has "v1-assets" at its top that is not an object/
    ],
    [
      'other-base-urls that are a list',
      { version: 2, 'base-url': BASE, 'other-base-urls': [] },
      /has "other-base-urls" that is not an object/
    ],
    [
      'a base-url under other-base-urls that is not an object',
      { version: 2, 'base-url': BASE, 'other-base-urls': { 'https://x': 1 } },
      /has a member of "other-base-urls" that is not an object/
    ],
    [
      'assets under other-base-urls that are a list',
      { version: 2, 'base-url': BASE, 'other-base-urls': { 'https://x': { assets: [] } } },
      /has "assets" under "other-base-urls" that is not an object/
    ],
    [
      'its top base-url under other-base-urls too',
      { version: 2, 'base-url': BASE, 'other-base-urls': { [BASE]: {} } },
      /has the base-url of its top under "other-base-urls" as well/
    ]
  ])(
    'refuses %s with a ManifestError that says what is wrong, never what the file holds',
    async (_name, json, problem) => {
      const error = await load(json).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ManifestError)
      expect((error as Error).message).toMatch(problem)
      expect((error as Error).message).not.toMatch(/ghp_|Super|token/)
    }
  )

  it('keeps well-formed entries, and names each malformed one with what is wrong', async () => {
    const good = entry('a.txt', 'a', 'id-a')
    const loaded = await load({
      version: 2,
      'base-url': BASE,
      assets: {
        'docs/a.txt': { ...good, extra: 'dropped' },
        'docs/b.txt': { id: 'x' },
        'docs/c.txt': { ...entry('c.txt', 'c', 'id-c'), uploaded_at: undefined },
        'docs/d.txt': { ...entry('d.txt', 'd', 'id-d'), size: -1, sha256: 'zz' },
        'docs/e.txt': 'not an entry',
        'docs/f.txt': { ...entry('f.txt', 'f', 'id-f'), name: 7 }
      },
      'v1-assets': { 'old.txt': legacy('old', 'id-old'), 'bad.txt': { ...legacy('bad', 'id-bad'), id: '' } }
    })
    expect(loaded.manifest).toEqual(manifestOf({ 'docs/a.txt': good }, { 'old.txt': legacy('old', 'id-old') }))
    expect(loaded.ignored).toEqual([
      '"docs/b.txt" (name, sha256, size, storage_url, content_type, uploaded_at are missing or invalid)',
      '"docs/c.txt" (uploaded_at is missing or invalid)',
      '"docs/d.txt" (sha256, size are missing or invalid)',
      '"docs/e.txt" (not an object)',
      '"docs/f.txt" (name is missing or invalid)',
      '"bad.txt" (id is missing or invalid)'
    ])
  })

  it('ignores an entry whose values could forge a line or flood the log, and names it by a key cut short', async () => {
    const good = entry('a.txt', 'a', 'id-a')
    const longKey = `docs/${'k'.repeat(5000)}.txt`
    const loaded = await load({
      version: 2,
      'base-url': BASE,
      assets: {
        'docs/a.txt': good,
        'docs/id.txt': { ...good, id: 'abc\n::error::injected' },
        // No control character, but `jq -r '.[]'` of asset-ids would print a workflow command.
        'docs/command.txt': { ...good, id: '::error::injected' },
        'docs/legacy-command.txt': { ...good, storage_url: 'https://cdn.example/##[error]x' },
        'docs/url.txt': { ...good, storage_url: `https://cdn.example/${'x'.repeat(10_000)}` },
        'docs/name.txt': { ...good, name: `a${'b'.repeat(9000)}` },
        // A file's own name may hold a line break (Linux allows it); it is escaped wherever it is written.
        'docs/line\nbreak.txt': { ...good, name: 'line\nbreak.txt' },
        'docs/when.txt': { ...good, uploaded_at: 'ghp_SuperSecretToken' },
        [longKey]: { ...good, content_type: 'text/plain\r\nX: y' }
      }
    })
    expect([...loaded.manifest.assets.keys()]).toEqual(['docs/a.txt', 'docs/line\nbreak.txt'])
    expect(loaded.ignored).toEqual([
      '"docs/id.txt" (id is missing or invalid)',
      '"docs/command.txt" (id is missing or invalid)',
      '"docs/legacy-command.txt" (storage_url is missing or invalid)',
      '"docs/url.txt" (storage_url is missing or invalid)',
      '"docs/name.txt" (name is missing or invalid)',
      '"docs/when.txt" (uploaded_at is missing or invalid)',
      `"docs/${'k'.repeat(115)}…" (content_type is missing or invalid)`
    ])
    expect(loaded.ignored.join('\n')).not.toMatch(/::error::|x{200}|ghp_/)
  })

  it("keeps the entries of other base-urls as they are, and writes this run's beside them", async () => {
    const STAGING = 'https://staging.example'
    const prodEntry = { ...entry('a.txt', 'a', 'id-prod'), note: 'a field this action does not know' }
    const original = {
      version: 2,
      'base-url': BASE,
      assets: { 'docs/a.txt': prodEntry, 'docs/bad.txt': { id: "malformed, but not this run's to judge" } },
      'v1-assets': { 'old.zip': legacy('old', 'id-old') }
    }
    const ws = await cleanups.workspace({ 'docs/a.txt': 'a', 'm.json': JSON.stringify(original, null, 2) + '\n' })
    const file = path.join(ws, 'm.json')
    const before = await loadManifest(file, STAGING)
    expect(before).toMatchObject({ existed: true, knewBaseUrl: false, ignored: [] })
    expect(before.manifest.assets.size + before.manifest.legacy.size).toBe(0)
    expect(before.manifest.others.top).toBe(BASE)
    const a = describeFile(path.join(ws, 'docs/a.txt'), 1, ws)
    // A run that confirms nothing leaves the file as it was, byte for byte.
    await writeManifest(file, before.manifest)
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(original, null, 2) + '\n')

    const now = new Date('2026-11-25T12:00:00Z')
    await writeManifest(file, before.manifest, [confirmed(a, 'a', 'id-staging')], { now })
    const written = JSON.parse(await readFile(file, 'utf8'))
    const stagingEntry = { ...entry('a.txt', 'a', 'id-staging'), uploaded_at: now.toISOString() }
    expect(written).toEqual({
      ...original,
      'other-base-urls': { [STAGING]: { assets: { 'docs/a.txt': stagingEntry } } }
    })
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(written, null, 2) + '\n')

    // Back on the first base-url: its entries are read, the other's kept, each where it was.
    const prod = await loadManifest(file, BASE)
    expect(prod).toMatchObject({ knewBaseUrl: true })
    expect(prod.ignored).toEqual([
      '"docs/bad.txt" (name, sha256, size, id, storage_url, content_type, uploaded_at are missing or invalid)'
    ])
    expect([...prod.manifest.assets.keys()]).toEqual(['docs/a.txt'])
    expect(prod.manifest.others.top).toBeUndefined()
    await writeManifest(file, prod.manifest, [confirmed(a, 'a', 'id-prod-2')], { now })
    const again = JSON.parse(await readFile(file, 'utf8'))
    expect(again['other-base-urls']).toEqual(written['other-base-urls'])
    expect(again.assets['docs/a.txt'].id).toBe('id-prod-2')
    expect(again['v1-assets']).toEqual(original['v1-assets'])

    // And on the second again: its own entries, found under other-base-urls, are used.
    const staging = await loadManifest(file, STAGING)
    expect(staging.manifest.assets.get('docs/a.txt')).toEqual(stagingEntry)
    const { unchanged } = await findUnchanged([a], staging.manifest, 1)
    expect(unchanged).toHaveLength(1)
    await writeManifest(file, staging.manifest)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(again)
  })

  it('migrates a version 1 manifest of another base-url without touching its entries', async () => {
    const v1 = { version: 1, 'base-url': 'https://old.example', assets: { 'a.zip': legacy('a', 'id-a') } }
    const ws = await cleanups.workspace({ 'a.zip': 'a', 'm.json': JSON.stringify(v1) })
    const file = path.join(ws, 'm.json')
    const loaded = await loadManifest(file, BASE)
    expect(loaded).toMatchObject({ knewBaseUrl: false })
    await writeManifest(file, loaded.manifest, [confirmed(describeFile(path.join(ws, 'a.zip'), 1, ws), 'a', 'id-new')])
    const written = JSON.parse(await readFile(file, 'utf8'))
    expect(written).toMatchObject({
      version: 2,
      'base-url': 'https://old.example',
      assets: {},
      'v1-assets': v1.assets,
      'other-base-urls': { [BASE]: { assets: { 'a.zip': { id: 'id-new' } } } }
    })
  })

  it('reads a version 1 manifest (keyed by asset name) into the entries no file has claimed yet', async () => {
    const loaded = await load({ version: 1, 'base-url': BASE, assets: { 'a.txt': legacy('a', 'id-a'), 'b.txt': {} } })
    expect(loaded.manifest).toEqual(manifestOf({}, { 'a.txt': legacy('a', 'id-a') }))
    expect(loaded.ignored).toHaveLength(1)
  })

  it('does not let an entry named __proto__ reach a prototype', async () => {
    const loaded = await load(
      `{"version": 2, "base-url": "${BASE}", "assets": {"__proto__": ${JSON.stringify(entry('p', 'p', 'id-p'))}}}`
    )
    expect([...loaded.manifest.assets.keys()]).toEqual(['__proto__'])
    const written = path.join(await cleanups.workspace(), 'written.json')
    await writeManifest(written, loaded.manifest)
    expect(JSON.parse(await readFile(written, 'utf8')).assets.__proto__.id).toBe('id-p')
  })

  it('keeps an entry as written as parsed, and makes every other usable one into the entry it writes', async () => {
    const written = entry('a.txt', 'a', 'id-a')
    const { name, ...rest } = written
    const upper = { ...written, sha256: written.sha256.toUpperCase() }
    const texts = {
      'as written': JSON.stringify(written),
      'with recorded_name': JSON.stringify({ name, recorded_name: 'a_1.txt', ...rest }),
      'fields reordered': JSON.stringify({ ...rest, name }),
      'an upper-case sha256': JSON.stringify(upper),
      'recorded_name the name': JSON.stringify({ name, recorded_name: name, ...rest }),
      'an extra field': JSON.stringify({ ...written, extra: 1 }),
      'a __proto__ field': `${JSON.stringify(written).slice(0, -1)},"__proto__":{"sha256":"x"}}`,
      'an integer-like field': JSON.stringify({ ...written, 0: 'x' }),
      'a field given twice': `{"name":"a.txt","sha256":"${'0'.repeat(64)}",${JSON.stringify(written).slice(1)}`
    }
    const loaded = await load(
      `{"version": 2, "base-url": "${BASE}", "assets": {${Object.entries(texts)
        .map(([key, text]) => `${JSON.stringify(key)}: ${text}`)
        .join(', ')}}}`
    )
    expect(loaded.ignored).toEqual([])
    const recorded = { name, recorded_name: 'a_1.txt', ...rest }
    const expected = Object.fromEntries(
      Object.keys(texts).map(key => [key, key === 'with recorded_name' ? recorded : written])
    )
    // Field for field and in the order written: what the next manifest holds.
    for (const [key, value] of loaded.manifest.assets) {
      expect([key, JSON.stringify(value)]).toEqual([key, JSON.stringify(expected[key])])
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    }
    const ws = await cleanups.workspace({ 'a.txt': 'a' })
    const files = Object.keys(texts).map(key => ({ ...describeFile(path.join(ws, 'a.txt'), 1, ws), relativePath: key }))
    const { unchanged } = await findUnchanged(files, loaded.manifest, 2)
    expect(unchanged.map(u => u.file.relativePath)).toEqual(Object.keys(texts))
  })
})

describe('loadManifest: another base-url’s entries', () => {
  it('writes them back byte for byte, however many, integer-like keys in the place this action wrote them', async () => {
    const STAGING = 'https://staging.example'
    // An object's members as JSON.stringify(…, null, 2) writes them, in the order given: the
    // action's order, by key; JSON.parse and every object put integer-like keys such as "404" first.
    const members = (entries: Array<[string, unknown]>): string =>
      `{\n${entries.map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`).join(',\n')}\n  }`
    const keys = [
      '-draft.txt',
      '.nojekyll',
      '10',
      '404',
      ...Array.from({ length: 400 }, (_, i) => `docs/${i}/é-${i}.txt`)
    ]
    const assets = keys.sort().map((key): [string, unknown] => [key, entry(path.posix.basename(key), key, `id-${key}`)])
    const v1: Array<[string, unknown]> = [
      ['.old.zip', legacy('old', 'id-old')],
      ['7', legacy('7', 'id-7')]
    ]
    const text =
      `{\n  "version": 2,\n  "base-url": ${JSON.stringify(BASE)},\n` +
      `  "assets": ${members(assets)},\n  "v1-assets": ${members(v1)}\n}\n`
    const ws = await cleanups.workspace({ 'm.json': text })
    const file = path.join(ws, 'm.json')
    expect(JSON.parse(text).assets).toEqual(Object.fromEntries(assets))
    const loaded = await loadManifest(file, STAGING)
    expect(loaded.manifest.others.sections.get(BASE)!.assets.size).toBe(404)
    await writeManifest(file, loaded.manifest)
    expect(await readFile(file, 'utf8')).toBe(text)
  })
})

/** Where loadManifest says a text departs from JSON; 'not refused as JSON' when it takes the text as JSON. */
async function placeSaid(file: string, bytes: Buffer | string): Promise<Place | 'unplaced' | 'not refused as JSON'> {
  await writeFile(file, bytes)
  const error = await loadManifest(file, BASE).then(
    () => undefined,
    (caught: Error) => caught
  )
  if (!(error instanceof ManifestError) || !error.message.includes('is not valid JSON')) return 'not refused as JSON'
  const named = /departs from JSON at byte (\d+) \(line (\d+)\)/.exec(error.message)
  return named ? { offset: Number(named[1]), line: Number(named[2]) } : 'unplaced'
}

/**
 * What loadManifest should say of a text: where JSON.parse's message names a place (a
 * character position, or the end), that place as a byte offset and a line; where it names
 * none (an unexpected token), undefined (any place the token is at); 'not refused as JSON'
 * for a text it takes.
 */
function placeJsonParseNames(text: string): Place | undefined | 'not refused as JSON' {
  try {
    JSON.parse(text)
    return 'not refused as JSON'
  } catch (error) {
    const message = (error as Error).message
    const named = message === 'Unexpected end of JSON input' ? text.length : /at position (\d+)/.exec(message)?.[1]
    if (named === undefined) return undefined
    const before = text.slice(0, Number(named))
    return { offset: Buffer.byteLength(before), line: before.split('\n').length }
  }
}

/**
 * Checks the place said against JSON.parse's. Where JSON.parse names no place, the place said
 * must be on the line it names, at the token JSON.parse says was unexpected; where the file is
 * not valid UTF-8, a character's position says nothing of its bytes' offset: a place is said.
 */
function expectPlaceOf(bytes: Buffer, said: Place | 'unplaced' | 'not refused as JSON'): void {
  const text = bytes.toString('utf8')
  const want = placeJsonParseNames(text)
  if (want === 'not refused as JSON' || (want !== undefined && Buffer.from(text).equals(bytes))) {
    expect({ text, said }).toEqual({ text, said: want })
    return
  }
  expect({ text, said: typeof said }).toEqual({ text, said: 'object' })
  const { offset, line } = said as Place
  expect({ text, line }).toEqual({ text, line: bytes.subarray(0, offset).toString('utf8').split('\n').length })
  let token: string | undefined
  try {
    JSON.parse(text)
  } catch (error) {
    token = /^Unexpected token '(.)'/su.exec((error as Error).message)?.[1]
  }
  if (token !== undefined && Buffer.from(text).equals(bytes)) {
    expect({ text, at: bytes.subarray(offset).toString('utf8').slice(0, token.length) }).toEqual({ text, at: token })
  }
}

describe('loadManifest: a text that is not JSON is placed by byte and line, never quoted', () => {
  const manifestText = (count: number): string => {
    const assets: Record<string, ManifestEntry> = {}
    for (let i = 0; i < count; i++) assets[`site/ünï/${i}/f${i}.html`] = entry(`f${i}.html`, `${i}`, `id-${i}`)
    return JSON.stringify({ version: 2, 'base-url': BASE, assets }, null, 2) + '\n'
  }

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
    const file = path.join(await cleanups.workspace(), 'm.json')
    const said = await placeSaid(file, text)
    expect(said).not.toBe('not refused as JSON')
    expectPlaceOf(Buffer.from(text), said)
  })

  it.each([
    ['a token', 'ghp_SuperSecretToken0123456789\n', { offset: 0, line: 1 }],
    ['a token as a value', '{"version": 2, "base-url":\n  ghp_SuperSecretToken}', { offset: 29, line: 2 }],
    ['an ini file', '[core]\n\trepositoryformatversion = 0\n', { offset: 1, line: 1 }],
    ['a dotenv file, after a valid first line', '{}\nAPI_KEY=sk-live-123\n', { offset: 3, line: 2 }],
    ['a bad value deep in a manifest', `${manifestText(3).slice(0, 400)}tru}}}`, { offset: 402, line: 14 }]
  ])('says where %s departs from JSON, and nothing of what it holds', async (_, text, at) => {
    const ws = await cleanups.workspace({ 'm.json': text })
    const error = (await loadManifest(path.join(ws, 'm.json'), BASE).catch((caught: unknown) => caught)) as Error
    expect(error).toBeInstanceOf(ManifestError)
    expect(error.message).toBe(
      `The manifest is not valid JSON: it departs from JSON at byte ${at.offset} (line ${at.line}); ` +
        'it was left as it is, and nothing was uploaded. Fix it, or delete it to start a new manifest ' +
        '(every matched file is then uploaded again once).'
    )
    expectPlaceOf(Buffer.from(text), at)
  })

  it('places every one-byte edit of a small manifest as JSON.parse does, and takes every edit it takes', async () => {
    const file = path.join(await cleanups.workspace(), 'm.json')
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
    let refused = 0
    for (const edit of edits) {
      const said = await placeSaid(file, edit)
      if (said !== 'not refused as JSON') refused++
      expectPlaceOf(edit, said)
    }
    // Enough of both that the comparison means something.
    expect(refused).toBeGreaterThan(500)
    expect(edits.length - refused).toBeGreaterThan(50)
  })

  it('places 200 generated and damaged manifest-like texts as JSON.parse does', async () => {
    const file = path.join(await cleanups.workspace(), 'm.json')
    let refused = 0
    for (const bytes of fuzzCases(200)) {
      const said = await placeSaid(file, bytes)
      if (said !== 'not refused as JSON') refused++
      expectPlaceOf(bytes, said)
    }
    expect(refused).toBeGreaterThan(75)
    expect(200 - refused).toBeGreaterThan(50)
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

describe('findUnchanged', () => {
  it('skips a file only when the entry of its path has its name and sha256', async () => {
    const contents = {
      'same.txt': 'same',
      'changed.txt': 'new!',
      'resized.txt': 'longer now',
      'renamed.txt': 'renm',
      'new.txt': 'n'
    }
    const ws = await cleanups.workspace(contents)
    const files = Object.entries(contents).map(([name, content]) =>
      describeFile(path.join(ws, name), Buffer.byteLength(content), ws)
    )
    const manifest = manifestOf({
      'same.txt': entry('same.txt', 'same', 'id-1'),
      'changed.txt': entry('changed.txt', 'old!', 'id-2'),
      'resized.txt': entry('resized.txt', 'short', 'id-3'),
      // Sent before under another name (asset-name was relative): sent again under the new one.
      'renamed.txt': entry('docs/renamed.txt', 'renm', 'id-4')
    })
    // Only files whose entry has their name and size are read to hash them: the others, folders
    // by now, would fail the read.
    for (const name of ['resized.txt', 'renamed.txt', 'new.txt']) {
      await rm(path.join(ws, name))
      await mkdir(path.join(ws, name))
    }
    const { upload, unchanged } = await findUnchanged(files, manifest, 4)
    expect(unchanged.map(u => [u.file.relativePath, u.entry.id])).toEqual([['same.txt', 'id-1']])
    expect(upload.map(f => f.relativePath)).toEqual(['changed.txt', 'resized.txt', 'renamed.txt', 'new.txt'])
    await rm(path.join(ws, 'same.txt'))
    await mkdir(path.join(ws, 'same.txt'))
    // The premise: a folder in a file's place fails its read (EISDIR here, another code on Windows).
    await expect(findUnchanged(files, manifest, 4)).rejects.toThrow()
  })

  it('uploads a file that grew after it was found, even when its first bytes are the recorded ones', async () => {
    const ws = await cleanups.workspace({ 'grown.txt': 'same and more', 'big.bin': 'x'.repeat(2 * 1024 * 1024) })
    // Found with 4 bytes and the recorded entry's size; on disk it has more by the time it is hashed.
    const files = [
      describeFile(path.join(ws, 'grown.txt'), 4, ws),
      describeFile(path.join(ws, 'big.bin'), 2 * 1024 * 1024, ws)
    ]
    const manifest = manifestOf({
      'grown.txt': entry('grown.txt', 'same', 'id-g'),
      'big.bin': entry('big.bin', 'x'.repeat(2 * 1024 * 1024), 'id-b')
    })
    const { upload, unchanged } = await findUnchanged(files, manifest, 2)
    expect(upload.map(f => f.relativePath)).toEqual(['grown.txt'])
    // A file over 1 MiB is hashed as a stream, to the same digest.
    expect(unchanged.map(u => u.entry.id)).toEqual(['id-b'])
  })

  it('hashes the bytes on disk whatever their size around the 1 MiB of one read: a changed file is never skipped', async () => {
    const MiB = 1024 * 1024
    const sizes = { 'empty.bin': 0, 'one.bin': 1, 'under.bin': MiB - 1, 'at.bin': MiB, 'over.bin': MiB + 1 }
    const contents = Object.fromEntries(Object.entries(sizes).map(([name, size]) => [name, Buffer.alloc(size, 'x')]))
    const found = (name: string, size = sizes[name as keyof typeof sizes]) =>
      describeFile(path.join(ws, name), size, ws)
    const ws = await cleanups.workspace(contents)
    const manifest = manifestOf(
      Object.fromEntries(
        Object.entries(sizes).map(([name, size]) => [name, { ...entry(name, 'x'.repeat(size), `id-${name}`) }])
      )
    )
    const same = await findUnchanged(
      Object.keys(sizes).map(name => found(name)),
      manifest,
      2
    )
    expect(same.upload).toEqual([])
    // One byte more, one byte less, or one byte other than recorded, after the file was found.
    for (const [name, size] of Object.entries(sizes)) {
      const file = path.join(ws, name)
      const edits: Array<[string, Buffer]> = [
        ['grown', Buffer.alloc(size + 1, 'x')],
        ...(size > 0 ? ([['shrunk', Buffer.alloc(size - 1, 'x')]] as Array<[string, Buffer]>) : []),
        ...(size > 0
          ? ([['changed', Buffer.concat([Buffer.alloc(size - 1, 'x'), Buffer.from('y')])]] as Array<[string, Buffer]>)
          : [])
      ]
      for (const [how, bytes] of edits) {
        await writeFile(file, bytes)
        const { upload } = await findUnchanged([found(name)], manifest, 1)
        expect([name, how, upload.length]).toEqual([name, how, 1])
      }
      await writeFile(file, contents[name])
    }
  })

  it('tells two files of one base name apart by their paths', async () => {
    const ws = await cleanups.workspace({ 'linux/app.zip': 'linux', 'mac/app.zip': 'mac!!' })
    const files = ['linux/app.zip', 'mac/app.zip'].map(p => describeFile(path.join(ws, p), 5, ws))
    const manifest = manifestOf({
      'linux/app.zip': entry('app.zip', 'linux', 'id-l'),
      'mac/app.zip': entry('app.zip', 'mac!!', 'id-m')
    })
    const { upload, unchanged } = await findUnchanged(files, manifest, 2)
    expect(upload).toEqual([])
    expect(unchanged.map(u => u.entry.id)).toEqual(['id-l', 'id-m'])
  })

  it('matches a version 1 entry by name and sha256 when no entry has the path', async () => {
    const ws = await cleanups.workspace({ 'linux/app.zip': 'linux', 'mac/app.zip': 'mac!!' })
    const files = ['linux/app.zip', 'mac/app.zip'].map(p => describeFile(path.join(ws, p), 5, ws))
    // Version 1 kept one entry per name: the last app.zip sent.
    const before = manifestOf({}, { 'app.zip': legacy('mac!!', 'id-m') })
    const { upload, unchanged } = await findUnchanged(files, before, 2)
    expect(upload.map(f => f.relativePath)).toEqual(['linux/app.zip'])
    expect(unchanged.map(u => [u.file.relativePath, u.entry])).toEqual([
      ['mac/app.zip', { name: 'app.zip', ...legacy('mac!!', 'id-m') }]
    ])
    const after = recordUnchanged(before, unchanged)
    expect(after.assets).toEqual(new Map([['mac/app.zip', { name: 'app.zip', ...legacy('mac!!', 'id-m') }]]))
    expect(after.legacy.size).toBe(0)
  })

  it('leaves the manifest as it is, not copied, when every unchanged entry is already under its path', async () => {
    const ws = await cleanups.workspace({ 'a.txt': 'aaaa', 'b.txt': 'bbbb' })
    const files = ['a.txt', 'b.txt'].map(p => describeFile(path.join(ws, p), 4, ws))
    const manifest = manifestOf({ 'a.txt': entry('a.txt', 'aaaa', 'id-a'), 'b.txt': entry('b.txt', 'bbbb', 'id-b') })
    const { unchanged } = await findUnchanged(files, manifest, 2)
    expect(unchanged.map(u => u.entry.id)).toEqual(['id-a', 'id-b'])
    expect(recordUnchanged(manifest, unchanged)).toBe(manifest)
  })

  it('finds the entry of a path spelled in another case where the file system ignores case', async () => {
    const ws = await cleanups.workspace({ 'Docs/a.txt': 'aaaa' })
    const file = describeFile(path.join(ws, 'Docs/a.txt'), 4, ws)
    const manifest = manifestOf({ 'docs/a.txt': entry('a.txt', 'aaaa', 'id-a') })
    expect((await findUnchanged([file], manifest, 1, LINUX)).unchanged).toEqual([])
    const { unchanged } = await findUnchanged([file], manifest, 1, MAC)
    expect(unchanged.map(u => u.entry.id)).toEqual(['id-a'])
    expect([...recordUnchanged(manifest, unchanged, MAC).assets.keys()]).toEqual(['Docs/a.txt'])
  })
})

describe('writeManifest', () => {
  it('adds or replaces the confirmed files by path, keeps the others, and writes atomically, sorted', async () => {
    const ws = await cleanups.workspace({ 'docs/b.txt': 'bee' })
    const before = manifestOf(
      { 'z.txt': entry('z.txt', 'z', 'id-z'), 'docs/b.txt': entry('b.txt', 'old', 'id-old') },
      { 'b.txt': legacy('older', 'id-older'), 'q.txt': legacy('q', 'id-q') }
    )
    const file = describeFile(path.join(ws, 'docs/b.txt'), 3, ws)
    const target = path.join(ws, 'nested/dir/manifest.json')
    const now = new Date('2026-11-25T12:00:00Z')
    expect(await writeManifest(target, before, [confirmed(file, 'bee', 'id-b', 'b_1.txt')], { now })).toBe(2)
    const uploaded = {
      name: 'b.txt',
      recorded_name: 'b_1.txt',
      sha256: sha256('bee'),
      size: 3,
      id: 'id-b',
      storage_url: 'https://cdn.example/id-b',
      content_type: 'text/plain',
      uploaded_at: '2026-11-25T12:00:00.000Z'
    }
    const written = JSON.parse(await readFile(target, 'utf8'))
    expect(written.version).toBe(2)
    expect(written['base-url']).toBe(BASE)
    expect(Object.keys(written.assets)).toEqual(['docs/b.txt', 'z.txt'])
    expect(written.assets['docs/b.txt']).toEqual(uploaded)
    expect(written.assets['z.txt']).toEqual(before.assets.get('z.txt'))
    // The version 1 entry of that name described an earlier upload of it: replaced, as version 1 did.
    expect(Object.keys(written['v1-assets'])).toEqual(['q.txt'])
    // What the run held is not changed.
    expect(before.assets.get('docs/b.txt')!.id).toBe('id-old')
    expect(await readdir(path.dirname(target))).toEqual(['manifest.json'])
    expect(await loadManifest(target, BASE)).toEqual({
      manifest: manifestOf(
        { 'docs/b.txt': uploaded, 'z.txt': entry('z.txt', 'z', 'id-z') },
        { 'q.txt': legacy('q', 'id-q') }
      ),
      existed: true,
      knewBaseUrl: true,
      ignored: []
    })

    await writeFile(target, 'garbage')
    await writeManifest(target, manifestOf({}))
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ version: 2, 'base-url': BASE, assets: {} })
  })

  it('writes, entry by entry, what JSON.stringify writes of the entries kept and the uploads, by key', async () => {
    // The records are built from paths and never read, so `x "q".txt` (a key JSON escapes, and a
    // name Windows refuses) needs no file on disk.
    const ws = await cleanups.workspace({ 'docs/b.txt': 'bee', 'Docs/a.txt': 'new', 'ü/ñ.txt': 'ü' })
    const now = new Date('2026-11-25T12:00:00Z')
    const upload = (relative: string, content: string, id: string, recorded?: string): ConfirmedUpload =>
      confirmed(describeFile(path.join(ws, relative), Buffer.byteLength(content), ws), content, id, recorded)
    // Each case: the manifest before, the uploads, the rules, and the keys of entries before that an upload replaces.
    const cases: Array<[string, Manifest, ConfirmedUpload[], typeof LINUX, string[]]> = [
      ['empty before, nothing new', manifestOf({}), [], LINUX, []],
      [
        'empty before',
        manifestOf({}),
        [upload('docs/b.txt', 'bee', 'id-b'), upload('x "q".txt', 'quote', 'id-q')],
        LINUX,
        []
      ],
      [
        'entries, v1 entries, a recorded name',
        manifestOf(
          { 'z.txt': entry('z.txt', 'z', 'id-z'), 'docs/b.txt': entry('b.txt', 'old', 'id-old') },
          { 'b.txt': legacy('older', 'id-older'), 'q.txt': legacy('q', 'id-q') }
        ),
        [upload('docs/b.txt', 'bee', 'id-b', 'b_1.txt'), upload('ü/ñ.txt', 'ü', 'id-u')],
        LINUX,
        ['docs/b.txt']
      ],
      [
        'another case, case ignored',
        manifestOf({ 'docs/a.txt': entry('a.txt', 'old', 'id-old') }),
        [upload('Docs/a.txt', 'new', 'id-new')],
        MAC,
        ['docs/a.txt']
      ],
      [
        'another case, case kept',
        manifestOf({ 'docs/a.txt': entry('a.txt', 'old', 'id-old') }),
        [upload('Docs/a.txt', 'new', 'id-new')],
        LINUX,
        []
      ],
      [
        'entries not in key order, uploads not in path order, interleaved',
        manifestOf({
          'z.txt': entry('z.txt', 'z', 'id-z'),
          'docs/b.txt': entry('b.txt', 'old', 'id-old'),
          'a.txt': entry('a.txt', 'a', 'id-a'),
          'y.txt': entry('y.txt', 'y', 'id-y')
        }),
        [upload('ü/ñ.txt', 'ü', 'id-u'), upload('docs/b.txt', 'bee', 'id-b'), upload('x "q".txt', 'quote', 'id-q')],
        LINUX,
        ['docs/b.txt']
      ]
    ]
    const sorted = <T>(entries: Array<[string, T]>): Record<string, T> =>
      Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    for (const [name, before, uploads, rules, replaced] of cases) {
      const target = path.join(ws, `${name}.json`)
      const count = await writeManifest(target, before, uploads, { now, rules })
      const assets = sorted([
        ...[...before.assets].filter(([key]) => !replaced.includes(key)),
        ...uploads.map((u): [string, ManifestEntry] => [
          u.file.relativePath,
          {
            name: u.file.name,
            ...(u.recordedName !== u.file.name ? { recorded_name: u.recordedName } : {}),
            ...legacy('', u.assetId),
            sha256: u.sha256,
            size: u.file.size,
            uploaded_at: now.toISOString()
          }
        ])
      ])
      const v1 = [...before.legacy].filter(([key]) => !uploads.some(u => u.file.name === key))
      const json = { version: 2, 'base-url': BASE, assets, ...(v1.length > 0 ? { 'v1-assets': sorted(v1) } : {}) }
      expect([name, await readFile(target, 'utf8')]).toEqual([name, `${JSON.stringify(json, null, 2)}\n`])
      expect([name, count]).toEqual([name, Object.keys(assets).length])
    }
  })

  it('fails, and keeps the manifest it had, when the disk fills up as the last bytes are written', async () => {
    const ws = await cleanups.workspace()
    const target = path.join(ws, 'manifest.json')
    await writeManifest(target, manifestOf({ 'a.txt': entry('a.txt', 'a', 'id-a') }))
    const before = await readFile(target, 'utf8')
    const assets: Record<string, ManifestEntry> = {}
    for (let i = 0; i < 400; i++) assets[`docs/${i}.txt`] = entry(`${i}.txt`, `${i}`, `id-${i}`)
    const after = manifestOf(assets)
    const scratch = path.join(await cleanups.workspace(), 'scratch.json')
    await writeManifest(scratch, after)
    const { size: length } = await stat(scratch)
    expect(length).toBeGreaterThan(64 * 1024)
    // A full disk as write(2) reports it: a write takes what fits and says how much; only the
    // next one fails. Here 100 bytes short, in the last of the text's 64 KiB writes.
    const handle = await open(target, 'r')
    const prototype = Object.getPrototypeOf(handle) as { write: FileHandle['write'] }
    await handle.close()
    const write = prototype.write
    type WriteBytes = (buffer: Buffer, offset: number, length: number) => Promise<{ bytesWritten: number }>
    cleanups.defer(() => {
      prototype.write = write
    })
    let room = length - 100
    prototype.write = async function (this: FileHandle, data: string | Buffer, ...rest: unknown[]) {
      const from = typeof data === 'string' ? 0 : ((rest[0] as number | undefined) ?? 0)
      const bytes =
        typeof data === 'string'
          ? Buffer.from(data)
          : data.subarray(from, from + ((rest[1] as number | undefined) ?? data.length - from))
      if (bytes.length > 0 && room === 0) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      }
      const fits = bytes.subarray(0, Math.min(room, bytes.length))
      room -= fits.length
      const { bytesWritten } = await (write as WriteBytes).call(this, fits, 0, fits.length)
      return { bytesWritten, buffer: data }
    } as FileHandle['write']
    await expect(writeManifest(target, after)).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await readFile(target, 'utf8')).toBe(before)
    expect(await readdir(ws)).toEqual(['manifest.json'])
  })

  it('retries the replace while Windows says the file is busy, then gives up with the error', async () => {
    const ws = await cleanups.workspace()
    const target = path.join(ws, 'manifest.json')
    const { rename } = await import('node:fs/promises')
    const codes = ['EPERM', 'EBUSY', 'EACCES']
    const flaky = async (from: string, to: string) => {
      const code = codes.shift()
      if (code) throw Object.assign(new Error(code), { code })
      await rename(from, to)
    }
    await writeManifest(target, manifestOf({}), [], { rename: flaky, retryDelaysMs: [1, 1, 1] })
    expect(JSON.parse(await readFile(target, 'utf8')).version).toBe(2)

    let attempts = 0
    const busy = async () => {
      attempts++
      throw Object.assign(new Error('busy'), { code: 'EBUSY' })
    }
    await expect(writeManifest(target, manifestOf({}), [], { rename: busy, retryDelaysMs: [1, 1] })).rejects.toThrow(
      'busy'
    )
    expect(attempts).toBe(3)
    const other = async () => {
      attempts++
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
    }
    attempts = 0
    await expect(writeManifest(target, manifestOf({}), [], { rename: other, retryDelaysMs: [1, 1] })).rejects.toThrow(
      'no space'
    )
    expect(attempts).toBe(1)
    expect(await readdir(ws)).toEqual(['manifest.json'])
  })
})
