/**
 * The emulator's reading of multipart uploads against REAL Django: every case goes through
 * `django.http.multipartparser.MultiPartParser` (python3-django, Debian's Django 3.2) and
 * through emulator/django-multipart.ts, and both must agree exactly.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { djangoFileName, readDjangoMultipart } from '../../emulator/django-multipart.js'

/** Debian's python3 (with python3-django), not whatever python3 comes first on PATH. */
const PYTHON = process.env.NETIKS_DJANGO_PYTHON ?? '/usr/bin/python3'
const SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'support',
  'fixtures',
  'django_filename.py'
)
const BOUNDARY = 'B0undary'
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`

interface DjangoResult {
  files?: Record<string, string[]>
  sizes?: Record<string, number[]>
  post?: Record<string, string[]>
  error?: string
}

/** Content-Disposition values of a file part; a Buffer is sent as those exact bytes. */
const DISPOSITIONS: Array<[string, string | Buffer]> = [
  ['plain', 'form-data; name="file"; filename="report.txt"'],
  ['an escaped quote', 'form-data; name="file"; filename="say \\"hi\\".txt"'],
  ['an escaped backslash (then a path separator)', 'form-data; name="file"; filename="a\\\\b.txt"'],
  ['an escaped backslash before a quote', 'form-data; name="file"; filename="a\\\\"b.txt"'],
  ['a browser-style %22', 'form-data; name="file"; filename="say %22hi%22.txt"'],
  ['%0D%0A, kept too', 'form-data; name="file"; filename="a%0D%0Ab.txt"'],
  ['a / path', 'form-data; name="file"; filename="dir/sub/a.txt"'],
  ['a \\ path', 'form-data; name="file"; filename="C:\\dir\\a.txt"'],
  ['a trailing /', 'form-data; name="file"; filename="dir/"'],
  ['filename* in UTF-8 (NFC)', 'form-data; name="file"; filename*=UTF-8\'\'caf%C3%A9.txt'],
  ['filename* in UTF-8 (NFD)', 'form-data; name="file"; filename*=UTF-8\'\'cafe%CC%81.txt'],
  ['filename* lower-case charset, with a language', 'form-data; name="file"; filename*=utf-8\'en\'%E2%82%AC.txt'],
  ['filename* in latin-1', 'form-data; name="file"; filename*=iso-8859-1\'\'caf%E9.txt'],
  ['filename* quoted', 'form-data; name="file"; filename*="UTF-8\'\'a%20b.txt"'],
  ['filename* with a third quote (kept raw)', "form-data; name=\"file\"; filename*=UTF-8''it's.txt"],
  ['filename* with bad UTF-8', 'form-data; name="file"; filename*=UTF-8\'\'%C3%28%E2%82%ED%A0%80%C0%AF.txt'],
  ['filename* with an encoded /', 'form-data; name="file"; filename*=UTF-8\'\'dir%2Fa.txt'],
  ['filename* with a bare %', 'form-data; name="file"; filename*=UTF-8\'\'100%25%zz%4.txt'],
  ['filename then filename*', 'form-data; name="file"; filename="plain.txt"; filename*=UTF-8\'\'caf%C3%A9.txt'],
  ['filename* then filename', 'form-data; name="file"; filename*=UTF-8\'\'caf%C3%A9.txt; filename="plain.txt"'],
  ['a ; inside quotes', 'form-data; name="file"; filename="a;b.txt"'],
  ['a ; after an escaped quote', 'form-data; name="file"; filename="a\\";b.txt"'],
  ['an empty name', 'form-data; name="file"; filename=""'],
  ['a name of ..', 'form-data; name="file"; filename=".."'],
  ['HTML entities', 'form-data; name="file"; filename="R&amp;D &copy2 &not_y &lt;x&gt;&#65;&#x42;&#128;&#0;&#1;.txt"'],
  ['an entity that makes a /', 'form-data; name="file"; filename="dir&#47;a.txt"'],
  ['an ampersand alone', 'form-data; name="file"; filename="Q&A & more.txt"'],
  ['UTF-8 in a plain filename', 'form-data; name="file"; filename="naïve €.txt"'],
  ['a tab', 'form-data; name="file"; filename="tab\there.txt"'],
  ['upper-case parameter names', 'form-data; NAME="file"; FILENAME="upper.txt"'],
  ['an unquoted name with a space', 'form-data; name="file"; filename=unquoted name.txt'],
  ['spaces around =', 'form-data; name = "file" ; filename = "spaced.txt" '],
  ['no name parameter', 'form-data; filename="nameless.txt"'],
  ['latin-1 bytes in a plain filename', Buffer.from('form-data; name="file"; filename="caf\xe9.txt"', 'latin1')],
  ['a UTF-8 BOM', Buffer.from('form-data; name="file"; filename="\ufeffbom.txt"', 'utf8')],
  ['raw bytes in filename*', Buffer.from('form-data; name="file"; filename*=UTF-8\'\'caf\xe9.txt', 'latin1')],
  ['non-ASCII in a parameter name', Buffer.from('form-data; name="file"; fïlename="x.txt"; filename="y.txt"', 'utf8')]
]

/** Whole bodies, for what Django decides outside the Content-Disposition value. */
const BODIES: Array<[string, string | Buffer]> = [
  ['two files in one field', body('filename="a.txt"', 'one') + part('filename="b.txt"', 'two!') + end()],
  ['a file and fields', body('filename="a.txt"', 'x') + field('note', 'hello') + field('file', 'text') + end()],
  ['a file part without a boundary after it', body('filename="a.txt"', 'cut off')],
  ['a field without a boundary after it', `--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\nrest`],
  [
    'a boundary in the middle of a line',
    `${body('filename="a.txt"', 'hello')}`.replace(/\r\n$/, '') + `--${BOUNDARY}--`
  ],
  ['a lone LF before the boundary', body('filename="a.txt"', 'hello\n').replace(/\r\n$/, '') + `--${BOUNDARY}--`],
  ['CR CR LF before the boundary', body('filename="a.txt"', 'hello\r\r') + end()],
  [
    'a part before the first boundary',
    `Content-Disposition: form-data; name="file"; filename="pre.txt"\r\n\r\ndata\r\n--${BOUNDARY}--\r\n`
  ],
  ['headers past 1024 bytes', body(`filename="${'x'.repeat(1000)}.txt"`, 'hello') + end()],
  ['headers just within 1024 bytes', body(`filename="${'y'.repeat(900)}.txt"`, 'hello') + end()],
  ['a name over 255 characters', body(`filename="${'n'.repeat(300)}.tar.gz"`, 'hello') + end()],
  ['an extension over 255 characters', body(`filename="a.${'e'.repeat(300)}"`, 'hello') + end()],
  ['a dot-file name over 255 characters', body(`filename=".${'h'.repeat(300)}"`, 'hello') + end()],
  ['over 255 code points, astral ones', body(`filename="${'a'.repeat(100)}${'😀'.repeat(160)}.txt"`, 'hi') + end()],
  [
    'a second Content-Disposition line',
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
      `Content-Disposition: form-data; name="file"\r\n\r\nhello\r\n${end()}`
  ],
  [
    'a space before the colon',
    `--${BOUNDARY}\r\nContent-Disposition : form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n${end()}`
  ],
  ['a part with no headers', `--${BOUNDARY}\r\n\r\nhello\r\n${end()}`],
  ['an unknown filename* charset', body("filename*=nope''caf%C3%A9.txt", 'x') + end()],
  ['a large file', body('filename="big.bin"', 'z'.repeat(300_000)) + end()]
]

function part(params: string, content: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; ${params}\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`
}
function body(params: string, content: string): string {
  return part(params, content)
}
function field(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
}
function end(): string {
  return `--${BOUNDARY}--\r\n`
}

function bodyFor(disposition: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: `),
    typeof disposition === 'string' ? Buffer.from(disposition, 'utf8') : disposition,
    Buffer.from(`\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`)
  ])
}

function asBytes(text: string | Buffer): Buffer {
  return typeof text === 'string' ? Buffer.from(text, 'utf8') : text
}

/** Runs every body through real Django at once; the reason when Django is not there. */
function askDjango(bodies: Buffer[]): { version: string; results: DjangoResult[] } | { missing: string } {
  if (!existsSync(PYTHON)) return { missing: `${PYTHON} does not exist` }
  const run = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify({
      requests: bodies.map(b => ({ content_type: CONTENT_TYPE, body: b.toString('base64') }))
    }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (run.status !== 0) {
    const reason = (run.stderr ?? '').trim().split('\n').pop() || run.error?.message || `exit ${run.status}`
    return { missing: `${PYTHON} ${path.basename(SCRIPT)} failed: ${reason}` }
  }
  const parsed = JSON.parse(run.stdout) as { django: string; results: DjangoResult[] }
  return { version: parsed.django, results: parsed.results }
}

/** What the emulator's reader makes of a body, fed in small uneven slices, in Django's terms. */
async function readLikeDjango(bytes: Buffer): Promise<DjangoResult> {
  const slices: Buffer[] = []
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 4093 || 1) {
    slices.push(bytes.subarray(at, at + step))
  }
  try {
    const form = await readDjangoMultipart(
      Readable.from(slices),
      CONTENT_TYPE,
      async (_file, stream) => {
        let size = 0
        for await (const chunk of stream) size += (chunk as Buffer).length
        return size
      },
      async () => undefined
    )
    const files: Record<string, string[]> = {}
    const sizes: Record<string, number[]> = {}
    for (const file of form.files) {
      files[file.fieldName] = [...(files[file.fieldName] ?? []), file.fileName]
      sizes[file.fieldName] = [...(sizes[file.fieldName] ?? []), file.received]
    }
    return { files, sizes, post: Object.fromEntries(form.fields) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const dispositionBodies = DISPOSITIONS.map(([, value]) => bodyFor(value))
const wholeBodies = BODIES.map(([, text]) => asBytes(text))
const django = askDjango([...dispositionBodies, ...wholeBodies])
if ('missing' in django) {
  console.warn(
    `SKIPPED: the Django multipart tests need real Django (apt-get install python3-django, ` +
      `or NETIKS_DJANGO_PYTHON=<a python with Django>): ${django.missing}`
  )
}
// CI sets NETIKS_REQUIRE_DJANGO=1: there a missing Django fails the suite instead of skipping it.
const requireDjango = process.env.NETIKS_REQUIRE_DJANGO === '1'
const describeWithDjango = 'missing' in django && !requireDjango ? describe.skip : describe
const answers = 'missing' in django ? [] : django.results

describeWithDjango(`Django's multipart names (against real Django)`, () => {
  it('is Django 3.2, the version the emulator copies', () => {
    expect('version' in django && django.version).toMatch(/^3\.2\./)
  })

  describe('djangoFileName gives the name Django records', () => {
    it.each(DISPOSITIONS.map(([label, value], i) => [label, value, i] as const))('%s', (_label, value, i) => {
      const answer = answers[i]
      if (answer.error !== undefined) {
        expect(() => djangoFileName(value)).toThrow(answer.error.split(':')[0])
        return
      }
      expect(djangoFileName(value)).toBe(answer.files?.file?.at(-1))
    })
  })

  describe('readDjangoMultipart sees the same files, sizes and fields', () => {
    const all: Array<[string, Buffer, number]> = [
      ...DISPOSITIONS.map(([label], i): [string, Buffer, number] => [label, dispositionBodies[i], i]),
      ...BODIES.map(([label], i): [string, Buffer, number] => [label, wholeBodies[i], DISPOSITIONS.length + i])
    ]
    it.each(all)('%s', async (_label, bytes, i) => {
      const answer = answers[i]
      const ours = await readLikeDjango(bytes)
      if (answer.error !== undefined) {
        expect(ours.error).toContain(answer.error.split(':')[0])
        return
      }
      expect(ours).toEqual({ files: answer.files, sizes: answer.sizes, post: answer.post })
    })
  })
})
