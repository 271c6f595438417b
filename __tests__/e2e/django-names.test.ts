/**
 * The names the Netiks backend keeps: multipart bodies built by openMultipartBody, parsed by
 * Django's own MultiPartParser (the backend is Django REST Framework, whose parser hands the
 * body to Django's), through __tests__/support/fixtures/django-multipart.py.
 *
 * Needs Django for the Python at NETIKS_DJANGO_PYTHON (default /usr/bin/python3; on Debian:
 * apt-get install -y python3-django). Without it these tests are skipped, loudly; with
 * NETIKS_REQUIRE_DJANGO=1 they fail instead.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import busboy from 'busboy'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { openMultipartBody } from '../../src/netiks/body.js'
import type { LocalFile } from '../../src/model.js'
import { makeWorkspace, removeDir } from '../support/helpers.js'

const PYTHON = process.env.NETIKS_DJANGO_PYTHON ?? '/usr/bin/python3'
const SCRIPT = fileURLToPath(new URL('../support/fixtures/django-multipart.py', import.meta.url))

/** Decided once, at load time: the Django version that parses, or why none can. */
function probeDjango(): { version: string } | { missing: string } {
  const probe = spawnSync(PYTHON, [SCRIPT, '--version'], { encoding: 'utf8', timeout: 60_000 })
  if (probe.error) return { missing: `${PYTHON} could not be run (${probe.error.message})` }
  if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`
    return { missing: `${PYTHON} cannot use Django (${last})` }
  }
  return { version: probe.stdout.trim() }
}

const django = probeDjango()
const requireDjango = process.env.NETIKS_REQUIRE_DJANGO === '1'
if ('missing' in django && !requireDjango) {
  console.warn(
    `SKIPPED __tests__/e2e/django-names.test.ts: ${django.missing}. Install Django for it ` +
      `(Debian: apt-get install -y python3-django), or point NETIKS_DJANGO_PYTHON at a Python that has it; ` +
      'NETIKS_REQUIRE_DJANGO=1 makes this a failure.'
  )
}

interface DjangoFile {
  field: string
  name: string
  size: number
  sha256: string
}
type DjangoResult = { files: DjangoFile[]; fields: Record<string, string[]> } | { error: string }

/** Parses each body with Django, in one Python process. */
function parseWithDjango(bodies: Array<{ body: string; contentType: string }>): DjangoResult[] {
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(bodies), encoding: 'utf8', timeout: 60_000 })
  if (run.status !== 0) throw new Error(`the Django fixture failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as DjangoResult[]
}

/** What each kind of name becomes on the way. */
interface NameCase {
  name: string
  /** The name Django records, when it cannot be the name sent. */
  django?: string
  /** The name busboy (the emulator) reads, when it is not the name sent. */
  busboy?: string
}

const NAMES: NameCase[] = [
  { name: 'report.pdf' },
  { name: 'say "hello" it\'s.txt' },
  { name: '"quoted".txt' },
  { name: 'a";b.txt' },
  { name: 'x; y "z"; w.txt' },
  { name: '";"' },
  { name: "it's.txt" },
  { name: "''.txt" },
  { name: 'semi;colon.txt' },
  { name: 'a; filename="evil.txt"' },
  { name: "x filename*=UTF-8''evil.txt" },
  { name: '100%.txt' },
  { name: '%22.txt' },
  { name: 'say %22hello%22.txt' },
  { name: '%41%zz%.txt' },
  { name: '%E2%82%AC.txt' },
  { name: 'ünïcödé 名前.txt' },
  { name: 'e\u0301te\u0301 NFD.txt' },
  { name: '\u00e9t\u00e9 NFC.txt' },
  { name: '😀 party 🎉.txt' },
  { name: 'family 👨‍👩‍👧 zwj.txt' },
  // The longest names a file system allows (255 bytes): raw UTF-8 fits Django's 1024-byte
  // part headers, and a name that also needs filename* drops its fallback to fit.
  { name: '😀'.repeat(62) + '.txt' },
  { name: '😀'.repeat(61) + '".txt' },
  { name: 'a'.repeat(255) },
  { name: 'line\r\nbreak.txt' },
  { name: 'lf\nonly.txt' },
  { name: 'tab\there.txt' },
  { name: 'control\u0001\u001f\u007f.txt' },
  { name: 'unicode line\u2028separator\u0085.txt' },
  { name: ' leading.txt' },
  { name: 'trailing.txt ' },
  { name: '  both  ' },
  { name: 'multiple   spaces.txt' },
  { name: '...' },
  { name: '-rf' },
  { name: 'a=b.txt' },
  { name: 'brackets [1] (2) {3} <4>.txt' },
  { name: '*star*?~tilde#hash$dollar!`pipe|caret^+plus@at,comma:colon.txt' },
  { name: 'R&D.txt' },
  { name: 'Tom & Jerry.txt' },
  // Django html-unescapes names; an & it would decode is sent as &amp;, which busboy keeps.
  { name: 'a&amp;b.txt', busboy: 'a&amp;amp;b.txt' },
  { name: '&notes.txt', busboy: '&amp;notes.txt' },
  { name: '&copy2024.txt', busboy: '&amp;copy2024.txt' },
  { name: 'Q&amplifier.txt', busboy: 'Q&amp;amplifier.txt' },
  { name: '&#34;&#x41;.txt', busboy: '&amp;#34;&amp;#x41;.txt' },
  { name: '&lt;tag&gt;.txt', busboy: '&amp;lt;tag&amp;gt;.txt' },
  { name: '&foo;.txt', busboy: '&amp;foo;.txt' },
  { name: '"&amp.txt', busboy: '"&amp;amp.txt' },
  // Every parser keeps only what follows the last \ or /: no encoding can carry it.
  { name: 'back\\slash.txt', django: 'slash.txt', busboy: 'slash.txt' },
  { name: 'C:\\Users\\me\\file.txt', django: 'file.txt', busboy: 'file.txt' }
]

let ws: string

beforeAll(async () => {
  ws = await makeWorkspace()
})
afterAll(async () => {
  await removeDir(ws)
})

/** The multipart body for a file of `name`, run into memory and onto disk for Django. */
async function multipartFor(name: string, index: number) {
  const content = Buffer.from(`bytes of file ${index}: ${name}\u0000\u00ff`, 'utf8')
  const source = path.join(ws, `source-${index}.bin`)
  writeFileSync(source, content)
  const file: LocalFile = {
    absolutePath: source,
    relativePath: `source-${index}.bin`,
    name,
    size: content.length,
    contentType: 'text/plain'
  }
  const body = openMultipartBody(file)
  const chunks: Buffer[] = []
  await body.writeTo(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk))
        callback()
      }
    })
  )
  const bytes = Buffer.concat(chunks)
  const bodyPath = path.join(ws, `body-${index}.multipart`)
  writeFileSync(bodyPath, bytes)
  return { content, bytes, bodyPath, contentType: body.contentType }
}

async function busboyName(bytes: Buffer, contentType: string): Promise<string | undefined> {
  return await new Promise((resolve, reject) => {
    let name: string | undefined
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' })
    parser.on('file', (_field, stream, info) => {
      name = info.filename
      stream.resume()
    })
    parser.on('close', () => resolve(name))
    parser.on('error', reject)
    parser.end(bytes)
  })
}

/** A raw part with the Content-Disposition parameters given, for Django's own behaviour. */
function rawBody(index: string, parameters: string): { body: string; contentType: string } {
  const boundary = 'RawBoundary'
  const bytes = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${parameters}\r\n` +
      `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`
  )
  const bodyPath = path.join(ws, `raw-${index}.multipart`)
  writeFileSync(bodyPath, bytes)
  return { body: bodyPath, contentType: `multipart/form-data; boundary=${boundary}` }
}

function fileNames(result: DjangoResult): string[] {
  if ('error' in result) throw new Error(`Django refused the body: ${result.error}`)
  return result.files.map(file => file.name)
}

if ('missing' in django && requireDjango) {
  describe('file names through Django', () => {
    it('has Django to parse with (NETIKS_REQUIRE_DJANGO=1)', () => {
      throw new Error(`${django.missing}; install it (Debian: apt-get install -y python3-django)`)
    })
  })
} else {
  const describeDjango = 'missing' in django ? describe.skip : describe
  const version = 'version' in django ? django.version : 'none'

  describeDjango(`file names through Django ${version}'s multipart parser`, () => {
    let built: Array<Awaited<ReturnType<typeof multipartFor>>>
    let parsed: DjangoResult[]

    beforeAll(async () => {
      built = await Promise.all(NAMES.map(async ({ name }, index) => await multipartFor(name, index)))
      parsed = parseWithDjango(built.map(({ bodyPath, contentType }) => ({ body: bodyPath, contentType })))
    })

    it.each(NAMES.map((nameCase, index) => [JSON.stringify(nameCase.name), nameCase, index] as const))(
      'Django records %s as sent, with its bytes',
      async (_label, nameCase, index) => {
        const result = parsed[index]
        expect(fileNames(result)).toEqual([nameCase.django ?? nameCase.name])
        const [file] = (result as { files: DjangoFile[] }).files
        expect(file.field).toBe('file')
        expect(file.size).toBe(built[index].content.length)
        expect(file.sha256).toBe(createHash('sha256').update(built[index].content).digest('hex'))
        // The emulator's parser reads the same body.
        expect(await busboyName(built[index].bytes, built[index].contentType)).toBe(nameCase.busboy ?? nameCase.name)
      }
    )

    it('Django itself: keeps the last of filename and filename*, skips %22, loses the file on \\" before ;', () => {
      const results = parseWithDjango([
        rawBody('a', `filename="plain.txt"; filename*=UTF-8''star.txt`),
        rawBody('b', `filename*=UTF-8''star.txt; filename="plain.txt"`),
        rawBody('c', 'filename="say %22hello%22.txt"'),
        rawBody('d', 'filename="a\\";b.txt"'),
        rawBody('e', `filename="a\\";b.txt"; filename*=UTF-8''a%22%3Bb.txt`),
        rawBody('f', `filename*=UTF-8''it's.txt`),
        rawBody('g', 'filename="R&amp;D &copy2024.txt"'),
        rawBody('h', `filename="${'a'.repeat(937)}"`)
      ])
      expect(results.map(fileNames)).toEqual([
        ['star.txt'],
        ['plain.txt'],
        ['say %22hello%22.txt'],
        [],
        [],
        ["UTF-8''it's.txt"],
        ['R&D ©2024.txt'],
        // The part's headers no longer fit the 1024 bytes Django reads them from.
        []
      ])
    })
  })
}
