/**
 * multipart/form-data read the way the real Netiks backend reads it: Django's MultiPartParser
 * (Django REST Framework hands uploads to it). What decides the name an upload is recorded
 * under is Django's own header parsing, not RFC 7578 or what browsers do, so it is copied here
 * step by step from Django 3.2 (`django/http/multipartparser.py`: `parse_header`,
 * `_parse_header_params`, `parse_boundary_stream`, `BoundaryIter`, `sanitize_file_name`) and
 * checked against real Django by __tests__/e2e/django-multipart.test.ts.
 *
 * Django 3.2 works on the header's bytes. Here those bytes are held in a 'latin1' string, one
 * character per byte, until Django itself would decode them.
 */
import { readFileSync } from 'node:fs'
import { PassThrough, type Readable } from 'node:stream'

/** Django gives up on a part whose headers do not end within its first 1024 bytes. */
const MAX_HEADER_BYTES = 1024
/** Django's DATA_UPLOAD_MAX_MEMORY_SIZE default; only bounds what is kept of a form field. */
const MAX_FIELD_BYTES = 2.5 * 1024 * 1024

/** A request Django refuses to parse: DRF answers 400 "Multipart form parse error - …". */
export class MultipartParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MultipartParseError'
  }
}

/** An exception Django does not catch while parsing (a 500 from the server). */
export class MultipartCrashError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MultipartCrashError'
  }
}

/** (Written as ranges of UTF-16 code units: surrogates are not ASCII either.) */
const NON_ASCII = /[\u0080-\uffff]/
const ASCII_RUNS = /[^\u0080-\uffff]+/g

/** Python's ValueError inside Django's header parsing: the header line is skipped. */
class SkippedHeaderLine extends Error {}

/** A parameter's value as Django holds it: raw bytes, or text when `name*=charset''…` decoded it. */
type ParamValue = { bytes: string } | { text: string }

interface HeaderLine {
  /** Lower-cased, exactly as Django splits it (`Content-Disposition ` with a space stays so). */
  name: string
  value: string
  params: Map<string, ParamValue>
}

/**
 * The file name Django 3.2 records for a file part with this Content-Disposition value (the text
 * after `Content-Disposition:`), or undefined when Django sees no file in it. A string is taken
 * as the header's UTF-8 text; a Buffer as its raw bytes.
 *
 * - `filename*=charset'lang'…` (RFC 2231/5987) is percent-decoded in that charset, but only
 *   when the parameter holds exactly two `'`; otherwise it is kept as it came. It is stored
 *   under `filename`, so of `filename` and `filename*` the one LAST in the header wins.
 * - Inside a quoted value `\\` becomes `\` and then `\"` becomes `"` (two plain replaces, so
 *   `\\"` ends as `"`); nothing else is unescaped, `%22` included. A `;` splits parameters
 *   unless an odd number of `"` (escaped or not) comes before it.
 * - The name is then HTML-unescaped (`&amp;` → `&`, `&#47;` → `/`, `&copy2` → `©2`), and
 *   only what follows the last `/`, then the last `\`, is kept; `''`, `.` and `..` are no file.
 * - A name over 255 characters is cut to 255, its extension kept.
 * - A part without a `name` parameter is no file either.
 */
export function djangoFileName(contentDisposition: string | Buffer): string | undefined {
  const bytes = typeof contentDisposition === 'string' ? Buffer.from(contentDisposition, 'utf8') : contentDisposition
  let line: HeaderLine
  try {
    line = parseHeaderLine(`content-disposition:${bytes.toString('latin1')}`)
  } catch (error) {
    if (error instanceof SkippedHeaderLine) return undefined
    throw error
  }
  return fileNameOf(line)
}

function fileNameOf(disposition: HeaderLine): string | undefined {
  const raw = disposition.params.get('filename')
  if (raw === undefined || valueOf(raw) === '' || !disposition.params.has('name')) return undefined
  const name = sanitizeFileName('text' in raw ? raw.text : decodeUtf8(raw.bytes))
  return name === undefined ? undefined : uploadedFileName(name)
}

/**
 * Django's `UploadedFile._set_name`: a name longer than 255 characters is cut to 255, keeping
 * its extension (as `os.path.splitext` finds it) whole.
 */
export function uploadedFileName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 255) return name
  const dot = chars.lastIndexOf('.')
  const hasExtension = dot > 0 && chars.slice(0, dot).some(c => c !== '.')
  const stem = hasExtension ? chars.slice(0, dot) : chars
  const extension = (hasExtension ? chars.slice(dot) : []).slice(0, 255)
  return [...stem.slice(0, 255 - extension.length), ...extension].join('')
}

/** Django's `MultiPartParser.sanitize_file_name`; undefined for a name it throws away. */
export function sanitizeFileName(name: string): string | undefined {
  let result = htmlUnescape(name)
  result = result.slice(result.lastIndexOf('/') + 1)
  result = result.slice(result.lastIndexOf('\\') + 1)
  return result === '' || result === '.' || result === '..' ? undefined : result
}

/** Django's `_parse_header` over one header line (latin1 bytes): throws SkippedHeaderLine. */
function parseHeaderLine(line: string): HeaderLine {
  const plist = splitParams(`;${line}`)
  const key = asciiLower(plist.shift() ?? '')
  requireAscii(key)
  const params = new Map<string, ParamValue>()
  for (const p of plist) {
    const i = p.indexOf('=')
    if (i < 0) continue
    let hasEncoding = false
    let name = asciiLower(stripBytes(p.slice(0, i)))
    requireAscii(name)
    if (name.endsWith('*')) {
      name = name.slice(0, -1)
      if (countOf(p, "'", p.length) === 2) hasEncoding = true
    }
    let value = stripBytes(p.slice(i + 1))
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replaceAll('\\\\', '\\').replaceAll('\\"', '"')
    }
    if (hasEncoding) {
      const parts = value.split("'")
      if (parts.length !== 3) throw new SkippedHeaderLine('not enough values to unpack')
      const [charset, , encoded] = parts
      params.set(name, { text: pythonUnquote(decodeUtf8Strict(encoded), decodeUtf8Strict(charset)) })
    } else {
      params.set(name, { bytes: value })
    }
  }
  const colon = key.indexOf(':')
  if (colon < 0) throw new SkippedHeaderLine('Invalid header')
  return { name: key.slice(0, colon), value: key.slice(colon + 1), params }
}

/** Django's `_parse_header_params`: a `;` inside an odd number of `"` does not split. */
function splitParams(text: string): string[] {
  const plist: string[] = []
  let s = text
  while (s.startsWith(';')) {
    s = s.slice(1)
    let end = s.indexOf(';')
    while (end > 0 && countOf(s, '"', end) % 2 === 1) end = s.indexOf(';', end + 1)
    if (end < 0) end = s.length
    plist.push(stripBytes(s.slice(0, end)))
    s = s.slice(end)
  }
  return plist
}

function countOf(text: string, char: string, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) if (text[i] === char) n++
  return n
}

/** Python's `bytes.strip()`: ASCII whitespace only. */
function stripBytes(text: string): string {
  return text.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '')
}

/** Python's `bytes.lower()`: ASCII letters only. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, c => c.toLowerCase())
}

function requireAscii(text: string): void {
  if (NON_ASCII.test(text)) throw new SkippedHeaderLine("'ascii' codec can't decode")
}

function valueOf(value: ParamValue): string {
  return 'text' in value ? value.text : value.bytes
}

/** Python's `bytes.decode('utf-8', 'replace')` (a BOM is kept, as Python keeps it). */
function decodeUtf8(latin1: string): string {
  return utf8Decoder().decode(Buffer.from(latin1, 'latin1'))
}

function utf8Decoder(): InstanceType<typeof TextDecoder> {
  return new TextDecoder('utf-8', { ignoreBOM: true })
}

/** Python's strict `bytes.decode()`; its UnicodeDecodeError is a ValueError: the line is skipped. */
function decodeUtf8Strict(latin1: string): string {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(Buffer.from(latin1, 'latin1'))
  } catch {
    throw new SkippedHeaderLine("'utf-8' codec can't decode")
  }
}

/**
 * Python's `urllib.parse.unquote(text, encoding, errors='replace')`: each run of ASCII is
 * percent-decoded to bytes and decoded in `encoding`; other characters stay as they are.
 */
function pythonUnquote(text: string, encoding: string): string {
  if (!text.includes('%')) return text
  return text.replace(ASCII_RUNS, run => decodeBytes(percentDecode(run), encoding))
}

function percentDecode(run: string): Buffer {
  const bytes: number[] = []
  for (let i = 0; i < run.length; i++) {
    const hex = run.slice(i + 1, i + 3)
    if (run[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(run.charCodeAt(i))
    }
  }
  return Buffer.from(bytes)
}

const UTF8_NAMES = new Set(['utf_8', 'utf8', 'u8', 'utf', 'cp65001', 'utf8_ucs2', 'utf8_ucs4'])
const LATIN1_NAMES = new Set(['latin_1', 'latin1', 'latin', 'l1', 'iso_8859_1', 'iso8859_1', '8859', 'cp819'])
const ASCII_NAMES = new Set(['ascii', 'us_ascii', 'us', '646', 'ansi_x3.4_1968', 'cp367', 'iso646_us'])

/**
 * Python's `bytes.decode(encoding, 'replace')` for the charsets a client would name; others go
 * to the WHATWG decoder of that label, and one neither knows is Python's LookupError, which
 * Django does not catch.
 */
function decodeBytes(bytes: Buffer, encoding: string): string {
  const name = encoding.toLowerCase().replace(/[^a-z0-9.]+/g, '_')
  if (UTF8_NAMES.has(name)) return utf8Decoder().decode(bytes)
  if (LATIN1_NAMES.has(name)) return bytes.toString('latin1')
  if (ASCII_NAMES.has(name)) return Array.from(bytes, b => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('')
  try {
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  } catch {
    throw new MultipartCrashError(`LookupError: unknown encoding: ${encoding}`)
  }
}

// --- html.unescape, as Python 3 has it ---------------------------------------------------------

/** Python's `html.entities.html5`, written out by `python3 -c 'import html.entities, json; …'`. */
let html5Entities: Record<string, string> | undefined
function entities(): Record<string, string> {
  html5Entities ??= JSON.parse(readFileSync(new URL('./html5-entities.json', import.meta.url), 'utf8')) as Record<
    string,
    string
  >
  return html5Entities
}

/** Python's `html._invalid_charrefs`: code points a numeric reference maps elsewhere. */
const INVALID_CHARREFS: Record<number, string> = {
  0x00: '\ufffd',
  0x0d: '\r',
  0x80: '\u20ac',
  0x81: '\x81',
  0x82: '\u201a',
  0x83: '\u0192',
  0x84: '\u201e',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02c6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8d: '\x8d',
  0x8e: '\u017d',
  0x8f: '\x8f',
  0x90: '\x90',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201c',
  0x94: '\u201d',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02dc',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203a',
  0x9c: '\u0153',
  0x9d: '\x9d',
  0x9e: '\u017e',
  0x9f: '\u0178'
}

/** Python's `html._invalid_codepoints`: a numeric reference to one of them is dropped. */
function isInvalidCodepoint(n: number): boolean {
  return (
    (n >= 0x1 && n <= 0x8) ||
    n === 0xb ||
    (n >= 0xe && n <= 0x1f) ||
    (n >= 0x7f && n <= 0x9f) ||
    (n >= 0xfdd0 && n <= 0xfdef) ||
    (n & 0xfffe) === 0xfffe
  )
}

const CHARREF = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/gu

/** Python's `html.unescape`. */
export function htmlUnescape(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(CHARREF, (_match, ref: string) => replaceCharref(ref))
}

function replaceCharref(ref: string): string {
  if (ref.startsWith('#')) {
    const hex = ref[1] === 'x' || ref[1] === 'X'
    const digits = ref.slice(hex ? 2 : 1).replace(/;$/, '')
    const big = BigInt(hex ? `0x${digits}` : digits)
    const n = big > 0x10ffffn ? 0x110000 : Number(big)
    if (n in INVALID_CHARREFS) return INVALID_CHARREFS[n]
    if ((n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return '\ufffd'
    if (isInvalidCodepoint(n)) return ''
    return String.fromCodePoint(n)
  }
  const table = entities()
  if (Object.hasOwn(table, ref)) return table[ref]
  // The longest name the text starts with, as long as it has two characters or more.
  const chars = Array.from(ref)
  for (let x = chars.length - 1; x > 1; x--) {
    const prefix = chars.slice(0, x).join('')
    if (Object.hasOwn(table, prefix)) return table[prefix] + chars.slice(x).join('')
  }
  return `&${ref}`
}

// --- the body ----------------------------------------------------------------------------------

export interface MultipartFile {
  fieldName: string
  /** The name as Django records it. */
  fileName: string
  /** The part's Content-Type, lower-cased, without parameters; '' when it has none. */
  contentType: string
}

export interface MultipartForm<T> {
  /** Every file part, in order; Django (and DRF's `request.data[field]`) keeps the last of a field. */
  files: Array<MultipartFile & { received: T }>
  /** Every form field, in order (values cut at 2.5 MiB). */
  fields: Map<string, string[]>
}

/**
 * Reads a multipart body as Django does, streaming each file part to `receive` as it arrives
 * (with backpressure). What Django would skip is read and dropped. When `receive` resolved but
 * the body then fails, `discard` is given what it resolved to.
 *
 * Django's own rules, kept: a boundary is `--boundary` anywhere, not only at a line start, and
 * the CR and LF before it are dropped; the bytes before the first boundary are a part like any
 * other; a part whose headers do not end within its first 1024 bytes is skipped; a file part
 * with no boundary after it (the body ended) is not a file.
 */
export async function readDjangoMultipart<T>(
  body: AsyncIterable<Buffer>,
  contentType: string,
  receive: (file: MultipartFile, stream: Readable) => Promise<T>,
  discard: (received: T) => Promise<void>
): Promise<MultipartForm<T>> {
  const scanner = new MultipartScanner(contentType, receive, discard)
  let failure: unknown
  // A failure keeps the body flowing to its end (breaking out would destroy the request, and
  // with it the connection the answer has to go back on); it is thrown once the body is in.
  try {
    for await (const chunk of body) {
      if (failure !== undefined) continue
      scanner.add(chunk)
      await scanner.advance(false).catch(error => (failure = error))
    }
    if (failure === undefined) await scanner.advance(true).catch(error => (failure = error))
  } catch (error) {
    failure ??= error
  }
  if (failure !== undefined) {
    await scanner.abort()
    throw failure
  }
  return scanner.form
}

/** The reading of one body between its chunks: the bytes not yet decided, and the part they go to. */
class MultipartScanner<T> {
  readonly form: MultipartForm<T> = { files: [], fields: new Map() }
  private readonly marker: Buffer
  private pending: Buffer = Buffer.alloc(0)
  private part: PartSink<T> | undefined

  constructor(
    contentType: string,
    private readonly receive: (file: MultipartFile, stream: Readable) => Promise<T>,
    private readonly discard: (received: T) => Promise<void>
  ) {
    this.marker = Buffer.from(`--${boundaryOf(contentType)}`, 'latin1')
  }

  add(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
  }

  /** Moves everything decidable in `pending` on; at `eof`, everything. */
  async advance(eof: boolean): Promise<void> {
    for (;;) {
      const part = this.part ?? this.startPart(eof)
      if (part === undefined) return
      const at = this.pending.indexOf(this.marker)
      if (at >= 0) {
        await part.write(this.pending.subarray(0, withoutLineBreak(this.pending, at)))
        await part.finish(this.form)
        this.part = undefined
        this.pending = this.pending.subarray(at + this.marker.length)
        continue
      }
      if (eof) {
        await part.write(this.pending)
        this.pending = Buffer.alloc(0)
        await part.endOfBody(this.form, this.discard)
        this.part = undefined
        return
      }
      // Keep what could be the start of a boundary and the line break before it.
      const keep = this.marker.length + 1
      if (this.pending.length > keep) {
        await part.write(this.pending.subarray(0, this.pending.length - keep))
        this.pending = Buffer.from(this.pending.subarray(this.pending.length - keep))
      }
      return
    }
  }

  /** The next part, once enough bytes tell where it ends within its first 1024, or all there is. */
  private startPart(eof: boolean): PartSink<T> | undefined {
    const at = this.pending.indexOf(this.marker)
    if (at < 0 && !eof && this.pending.length < MAX_HEADER_BYTES + this.marker.length + 2) return undefined
    const end = at < 0 ? this.pending.length : withoutLineBreak(this.pending, at)
    const window = this.pending.subarray(0, Math.min(MAX_HEADER_BYTES, end))
    const headerEnd = window.indexOf('\r\n\r\n')
    if (headerEnd < 0) {
      this.part = new PartSink<T>('skip')
    } else {
      this.part = openPart(window.subarray(0, headerEnd).toString('latin1'), this.receive)
      this.pending = this.pending.subarray(headerEnd + 4)
    }
    return this.part
  }

  /** Discards every file received so far, and the one being received. */
  async abort(): Promise<void> {
    await this.part?.abort(this.discard)
    await Promise.all(this.form.files.map(file => this.discard(file.received)))
  }
}

/** Django's `BoundaryIter._find_boundary`: the LF, then the CR, before the boundary are dropped. */
function withoutLineBreak(data: Buffer, at: number): number {
  let end = at
  if (end > 0 && data[end - 1] === 0x0a) end--
  if (end > 0 && data[end - 1] === 0x0d) end--
  return end
}

/** The boundary from the request's Content-Type, checked as Django checks it. */
function boundaryOf(contentType: string): string {
  if (NON_ASCII.test(contentType)) {
    throw new MultipartParseError(`Invalid non-ASCII Content-Type in multipart: ${contentType}`)
  }
  let boundary: ParamValue | undefined
  try {
    boundary = parseHeaderLine(`content-type:${contentType}`).params.get('boundary')
  } catch {
    boundary = undefined
  }
  const text = boundary === undefined ? undefined : valueOf(boundary)
  // cgi.valid_boundary: printable ASCII, at most 200 characters, not ending in a space.
  if (!text || !/^[ -~]{0,200}[!-~]$/.test(text)) {
    throw new MultipartParseError(`Invalid boundary in multipart: ${text === undefined ? 'None' : text}`)
  }
  return text
}

/** What one part's headers make of it, as `MultiPartParser._parse` decides. */
function openPart<T>(header: string, receive: (file: MultipartFile, stream: Readable) => Promise<T>): PartSink<T> {
  let type: 'raw' | 'field' | 'file' = 'raw'
  const lines = new Map<string, HeaderLine>()
  for (const text of header.split('\r\n')) {
    let line: HeaderLine
    try {
      line = parseHeaderLine(text)
    } catch (error) {
      if (error instanceof SkippedHeaderLine) continue
      throw error
    }
    if (line.name === 'content-disposition') {
      const filename = line.params.get('filename')
      type = filename !== undefined && valueOf(filename) !== '' ? 'file' : 'field'
    }
    lines.set(line.name, line)
  }
  const disposition = lines.get('content-disposition')
  const name = disposition?.params.get('name')
  if (type === 'raw' || disposition === undefined || name === undefined) return new PartSink<T>('skip')
  const fieldName = 'text' in name ? name.text.trim() : decodeUtf8(stripBytes(name.bytes))
  if (type === 'field') return new PartSink<T>('field', fieldName)
  const fileName = fileNameOf(disposition)
  if (fileName === undefined) return new PartSink<T>('skip')
  const contentType = (lines.get('content-type')?.value ?? '').trim()
  return new PartSink<T>('file', fieldName, { fieldName, fileName, contentType }, receive)
}

/** Where one part's bytes go: nowhere, into a form field, or streamed to `receive`. */
class PartSink<T> {
  private readonly chunks: Buffer[] = []
  private size = 0
  private readonly stream?: PassThrough
  private readonly received?: Promise<T>

  constructor(
    private readonly kind: 'skip' | 'field' | 'file',
    private readonly fieldName = '',
    private readonly file?: MultipartFile,
    receive?: (file: MultipartFile, stream: Readable) => Promise<T>
  ) {
    if (kind === 'file' && file !== undefined && receive !== undefined) {
      this.stream = new PassThrough()
      this.received = receive(file, this.stream)
      // Seen by finish or abort; until then a failure must not go unhandled.
      this.received.catch(() => undefined)
    }
  }

  async write(bytes: Buffer): Promise<void> {
    if (bytes.length === 0) return
    if (this.kind === 'field') {
      if (this.size < MAX_FIELD_BYTES) this.chunks.push(Buffer.from(bytes))
      this.size += bytes.length
      return
    }
    const stream = this.stream
    if (stream === undefined || stream.destroyed) return
    if (!stream.write(bytes)) {
      await new Promise<void>(resolve => {
        const done = (): void => {
          stream.off('drain', done)
          stream.off('close', done)
          resolve()
        }
        stream.on('drain', done)
        stream.on('close', done)
      })
    }
  }

  /** A boundary followed the part. */
  async finish(form: MultipartForm<T>): Promise<void> {
    if (this.kind === 'field') {
      const value = utf8Decoder().decode(Buffer.concat(this.chunks).subarray(0, MAX_FIELD_BYTES))
      form.fields.set(this.fieldName, [...(form.fields.get(this.fieldName) ?? []), value])
      return
    }
    if (this.stream === undefined || this.received === undefined || this.file === undefined) return
    this.stream.end()
    form.files.push({ ...this.file, received: await this.received })
  }

  /** The body ended inside this part: Django keeps a field so cut, but not a file. */
  async endOfBody(form: MultipartForm<T>, discard: (received: T) => Promise<void>): Promise<void> {
    if (this.kind === 'field') return await this.finish(form)
    await this.abort(discard)
  }

  async abort(discard: (received: T) => Promise<void>): Promise<void> {
    if (this.stream === undefined || this.received === undefined) return
    this.stream.destroy(new Error('the multipart body ended inside this file'))
    await this.received.then(discard, () => undefined)
  }
}
