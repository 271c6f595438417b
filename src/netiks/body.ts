import { createHash, randomBytes } from 'node:crypto'
import { close, closeSync, constants, fstat, fstatSync, open, openSync, read, readSync, type Stats } from 'node:fs'
import { promisify } from 'node:util'
import { FileChangedError, FileReadError } from '../model.js'
import type { LocalFile } from '../model.js'

/**
 * What a body writes to: a Writable, or the transport's gate in front of a request. A write's
 * callback means the sink has taken the chunk, and only then is its buffer reused.
 */
export interface BodySink {
  readonly destroyed: boolean
  write(chunk: Buffer, callback: (error?: Error | null) => void): unknown
  once(event: 'close', listener: () => void): unknown
  off(event: 'close', listener: () => void): unknown
}

/** A request body that writes itself to the request, streamed from disk and hashed on the way. */
export interface StreamedBody {
  /** Exact byte count, for Content-Length. */
  length: number
  /**
   * Writes the whole body; rejects when the file cannot be read whole, has changed since it was
   * found (FileChangedError, before the body's last bytes are written), or the sink closes.
   */
  writeTo(sink: BodySink): Promise<void>
  /**
   * For a body of one slice or less: its bytes, read whole (synchronously: a few microseconds)
   * and checked as writeTo checks them, to be sent in one write with the request's headers;
   * undefined for a larger body. Throws FileReadError or FileChangedError; the sha256 is valid
   * once it has returned.
   */
  readWhole?(): Buffer | undefined
  /** Told once the bytes readWhole gave have been handed to the socket. */
  sentWhole?(): void
  /** SHA-256 (hex) of the file's bytes; valid once writeTo has resolved. */
  sha256(): string
}

/** Bytes read (and written) at a time. Large slices keep a single upload near the wire's speed. */
export const SLICE_BYTES = 1024 * 1024
/** Slices per body: some being read while others are being written (4 measured best). */
const SLICES_IN_FLIGHT = 4

/**
 * What had been sent of the file when it was found changed: nothing (right after opening it, or
 * for a file of one slice, which is sent only once read whole), or all but its last slice.
 */
type SentSoFar = 'nothing' | 'all but the last slice'

/**
 * The file's first `size` bytes (its size when it was found), hashed as they go. Memory stays
 * flat whatever the file's size: a fixed set of buffers is reused, and a buffer is refilled
 * only after the socket has taken its previous contents.
 *
 * A file that changed since it was found is never sent whole: its size and mtime are checked
 * when it is opened (before any byte is written) and again once its bytes have been read but
 * before the last of them is written, so the server sees an incomplete request and keeps nothing.
 * A file of one slice is written in one go once read, so the check after the read does for both.
 */
class FileBody implements StreamedBody {
  readonly length: number
  private readonly hash = createHash('sha256')
  /** Set once the whole file went through `hash`: the digest, taken once. */
  private digest: string | undefined

  constructor(
    private readonly file: LocalFile,
    private readonly onSent: (bytes: number) => void = () => undefined,
    private readonly head: Buffer = Buffer.alloc(0),
    private readonly tail: Buffer = Buffer.alloc(0)
  ) {
    this.length = head.length + file.size + tail.length
  }

  sha256(): string {
    // Before the body is written whole (an answer that came early), what was hashed so far.
    return this.digest ?? this.hash.copy().digest('hex')
  }

  readWhole(): Buffer | undefined {
    return this.file.size <= SLICE_BYTES ? this.readWholeFile() : undefined
  }

  sentWhole(): void {
    if (this.file.size > 0) this.onSent(this.file.size)
  }

  async writeTo(sink: BodySink): Promise<void> {
    if (this.file.size <= SLICE_BYTES) {
      const whole = this.readWholeFile()
      if (whole.length === 0) return
      await writeChunk(sink, whole)
      return this.sentWhole()
    }
    const file = await this.openFile()
    try {
      await this.checkUnchanged(file, 'nothing')
      if (this.head.length > 0) await writeChunk(sink, this.head)
      await this.writeSlices(sink, file)
      this.digest = this.hash.digest('hex')
      if (this.tail.length > 0) await writeChunk(sink, this.tail)
    } finally {
      await file.close()
    }
  }

  /** A file of more than one slice, read asynchronously so that the other uploads keep moving. */
  private async openFile(): Promise<OpenFile> {
    const fail = (error: NodeJS.ErrnoException): never => {
      throw this.readError(error)
    }
    const fd = await openAsync(this.file.absolutePath, OPEN_FOR_READING).catch(fail)
    return {
      read: async (buffer, length, position) =>
        (await readAsync(fd, buffer, 0, length, position).catch(fail)).bytesRead,
      stat: async () => await fstatAsync(fd).catch(fail),
      hasBytesPastItsSize: async () => {
        try {
          return hasBytesPastItsSize(fd)
        } catch (error) {
          return fail(error as NodeJS.ErrnoException)
        }
      },
      close: async () => await closeAsync(fd)
    }
  }

  private async writeSlices(sink: BodySink, file: OpenFile): Promise<void> {
    const slices = Math.min(SLICES_IN_FLIGHT, Math.ceil(this.file.size / SLICE_BYTES))
    const free = Array.from({ length: slices }, () => Buffer.allocUnsafe(SLICE_BYTES))
    const writing = new Set<Promise<void>>()
    let offset = 0
    try {
      while (offset < this.file.size) {
        if (free.length === 0) await Promise.race(writing)
        const buffer = free.pop()!
        const bytesRead = await file.read(buffer, Math.min(buffer.length, this.file.size - offset), offset)
        if (bytesRead === 0) return await this.endedEarly(file, offset, 'all but the last slice')
        const slice = buffer.subarray(0, bytesRead)
        this.hash.update(slice)
        offset += bytesRead
        // The last slice leaves only if the file is still the one that was found.
        if (offset === this.file.size) await this.checkUnchanged(file, 'all but the last slice')
        const write: Promise<void> = writeChunk(sink, slice).then(() => {
          writing.delete(write)
          free.push(buffer)
          this.onSent(slice.length)
        })
        // Observed later (race, allSettled); marked handled now so a failure is never "unhandled".
        write.catch(() => undefined)
        writing.add(write)
      }
    } finally {
      // Let the writes already handed to the socket settle before the buffers and file go.
      await Promise.allSettled(writing)
    }
    await Promise.all(writing)
  }

  /**
   * The common case of many small files, kept free of the pipelining bookkeeping: head, file and
   * tail in one buffer, for one write that the socket takes at once. Nothing is written before
   * the file is read whole and checked, so one stat after the read is the only check, and the
   * read asks for one byte more than the file had: a byte there means it grew (the probe of the
   * last slice, without a read of its own). Synchronous: a few microseconds a call, where a
   * round trip through the thread pool costs tens, which adds up over many small files.
   */
  private readWholeFile(): Buffer {
    const fd = this.fileCall(() => openSync(this.file.absolutePath, OPEN_FOR_READING))
    try {
      return this.readChecked(fd)
    } finally {
      // A FileReadError, like any other error of the file's: a bare errno would read as the network's.
      this.fileCall(() => closeSync(fd))
    }
  }

  private readChecked(fd: number): Buffer {
    const size = this.file.size
    // Room for the probed byte: where the tail goes, or one byte past the body.
    const whole = Buffer.allocUnsafe(this.length + (this.tail.length > 0 ? 0 : 1))
    this.head.copy(whole)
    const bytes = whole.subarray(this.head.length, this.head.length + size + 1)
    let read = 0
    try {
      do {
        const bytesRead = readSync(fd, bytes, read, size + 1 - read, read)
        if (bytesRead === 0) break
        read += bytesRead
      } while (read < size)
    } catch (error) {
      // A folder or a FIFO in the file's place fails its read (EISDIR, ESPIPE): say what it is.
      if (!this.fileCall(() => fstatSync(fd)).isFile()) throw this.notAFileError()
      throw this.readError(error as NodeJS.ErrnoException)
    }
    const now = this.fileCall(() => fstatSync(fd))
    // Before any change: a device or a /proc file in the file's place is no file to send again.
    if (!now.isFile() || (read > now.size && this.fileCall(() => hasBytesPastItsSize(fd)))) throw this.notAFileError()
    const change =
      this.describeChange(now.size, now.mtimeMs) ??
      (read < size ? this.endedAfter(read) : read > size ? this.grewPast() : undefined)
    if (change !== undefined) throw this.changedError(change, 'nothing')
    this.hash.update(bytes.subarray(0, size))
    this.digest = this.hash.digest('hex')
    this.tail.copy(whole, this.head.length + size)
    return whole.subarray(0, this.length)
  }

  /**
   * Compares the open file with the stat it was found with: size, mtime (when known) and, once
   * all but the last slice is sent, whether bytes follow where the file was expected to end
   * (metadata can lag).
   */
  private async checkUnchanged(file: OpenFile, sent: SentSoFar): Promise<void> {
    const now = await file.stat()
    if (!now.isFile() || (await file.hasBytesPastItsSize())) throw this.notAFileError()
    let change = this.describeChange(now.size, now.mtimeMs)
    if (change === undefined && sent !== 'nothing') {
      const probe = Buffer.allocUnsafe(1)
      if ((await file.read(probe, 1, this.file.size)) > 0) change = this.grewPast()
    }
    if (change !== undefined) throw this.changedError(change, sent)
  }

  private describeChange(size: number, mtimeMs: number): string | undefined {
    if (size > this.file.size) return `it grew from ${this.file.size} to ${size} bytes`
    if (size < this.file.size) return `it shrank from ${this.file.size} to ${size} bytes`
    if (this.file.mtimeMs !== undefined && mtimeMs !== this.file.mtimeMs) {
      return 'it was modified (same size, new modification time)'
    }
    return undefined
  }

  /** The file ended before the size it was found with. */
  private async endedEarly(file: OpenFile, read: number, sent: SentSoFar): Promise<never> {
    const { size, mtimeMs } = await file.stat()
    throw this.changedError(this.describeChange(size, mtimeMs) ?? this.endedAfter(read), sent)
  }

  private endedAfter(read: number): string {
    return `it ended after ${read} of the ${this.file.size} bytes it had when it was found`
  }

  /** Bytes follow where the file was expected to end, though its stat has not caught up. */
  private grewPast(): string {
    return `it has more than the ${this.file.size} bytes it had when it was found`
  }

  /** A synchronous file system call, its error as a FileReadError. */
  private fileCall<T>(call: () => T): T {
    try {
      return call()
    } catch (error) {
      throw this.readError(error as NodeJS.ErrnoException)
    }
  }

  /** Something other than a file (a folder, a FIFO, a device) took the file's name since it was found. */
  private notAFileError(): FileReadError {
    return new FileReadError(
      `Could not read ${this.file.relativePath}: it is no longer a regular file (something else took its name ` +
        'after it was found). Nothing was sent or registered for it.'
    )
  }

  private readError(error: NodeJS.ErrnoException): FileReadError {
    return new FileReadError(`Could not read ${this.file.relativePath}: ${error.code ?? error.message}.`)
  }

  private changedError(change: string, sent: SentSoFar): FileChangedError {
    const name = this.file.relativePath
    // No advice here: the file is sent again as it is now; the run advises once it gives up.
    return new FileChangedError(
      sent === 'nothing'
        ? `${name} changed after it was found: ${change}. Nothing was sent or registered for it.`
        : `${name} changed while it was being uploaded: ${change}. The upload was stopped before its ` +
            'last bytes, so the server kept nothing and nothing was registered for it.'
    )
  }
}

/**
 * Read-only, and without waiting where the platform allows it (not Windows): a FIFO that took a
 * found file's name would otherwise block its open until something writes to it. No effect on
 * a regular file.
 */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

interface OpenFile {
  read(buffer: Buffer, length: number, position: number): Promise<number>
  stat(): Promise<Stats>
  hasBytesPastItsSize(): Promise<boolean>
  close(): Promise<void>
}

/**
 * Whether the open file reads bytes past the size its stat gives, and that size has not grown
 * meanwhile: a regular file never does (a write grows the size before its bytes can be read),
 * but a /proc or /sys file does (it says 0 bytes and makes its text up on each read).
 * Synchronous: one byte, only when a check already found something odd or at a large file's open.
 */
export function hasBytesPastItsSize(fd: number): boolean {
  const { size } = fstatSync(fd)
  const bytesRead = readSync(fd, Buffer.alloc(1), 0, 1, size)
  return bytesRead > 0 && fstatSync(fd).size <= size
}

const openAsync = promisify(open)
const readAsync = promisify(read)
const fstatAsync = promisify(fstat)
const closeAsync = promisify(close)

/** Writes one chunk and waits until the sink has taken it (or has closed). */
function writeChunk(sink: BodySink, chunk: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (sink.destroyed) {
      reject(new Error('the request closed before its body was sent'))
      return
    }
    const onClose = (): void => reject(new Error('the request closed before its body was sent'))
    sink.once('close', onClose)
    sink.write(chunk, error => {
      sink.off('close', onClose)
      if (error) reject(error)
      else resolve()
    })
  })
}

/** `onSent` is told each time the socket has taken a slice of the file's bytes. */
export function openFileBody(
  file: LocalFile,
  onSent?: (bytes: number) => void
): StreamedBody & Required<Pick<StreamedBody, 'readWhole' | 'sentWhole'>> {
  return new FileBody(file, onSent)
}

/**
 * Django reads a part's headers with one 1024-byte read that starts at the CRLF ending the
 * boundary line; a part whose headers do not fit is not taken as a file at all.
 */
const DJANGO_PART_HEADER_BYTES = 1024 - 2

/** A multipart/form-data body with one file field, with an exact length. */
export function openMultipartBody(
  file: LocalFile,
  fieldName: string,
  onSent?: (bytes: number) => void
): StreamedBody & { contentType: string } {
  const boundary = `----NetiksUpload${randomBytes(16).toString('hex')}`
  const partHeaders = (filename: string): string =>
    `Content-Disposition: form-data; name="${fieldName}"; ${filename}\r\nContent-Type: ${file.contentType}\r\n\r\n`
  let headers = partHeaders(formDataFilename(file.name))
  if (Buffer.byteLength(headers) > DJANGO_PART_HEADER_BYTES) {
    // With a name the file system allows (255 bytes at most), only one that also carries
    // filename* gets here; the fallback is what Django ignores, so it goes.
    headers = partHeaders(formDataFilename(file.name, { fallback: false }))
  }
  const head = Buffer.from(`--${boundary}\r\n${headers}`, 'utf8')
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  const body = new FileBody(file, onSent, head, tail)
  return {
    length: body.length,
    writeTo: async sink => await body.writeTo(sink),
    sha256: () => body.sha256(),
    contentType: `multipart/form-data; boundary=${boundary}`
  }
}

/**
 * The Content-Disposition filename parameter(s) for `name`, written so that the Netiks backend
 * (Django's multipart parser, which DRF uses) records exactly `name`. Checked against Django
 * itself (__tests__/django-names.test.ts). Django:
 * - reads `filename="…"` as raw UTF-8 with `\\` and `\"` unescaped, but splits parameters at a
 *   `;` that follows an odd number of `"` characters, escaped or not, which loses the file;
 * - does not decode `%22` (the HTML form encoding of `"`, which RFC 7578 points to);
 * - reads RFC 5987 `filename*=UTF-8''…` (only with exactly two `'`), and when both are given
 *   keeps whichever comes last; busboy always prefers `filename*`;
 * - reads a part's headers from 1024 bytes, so sending both for every non-ASCII name would lose
 *   long names (60 emoji: 244 bytes raw, 732 percent-encoded) that raw UTF-8 alone carries;
 * - then html-unescapes the name (`&amp;` → `&`, `&copy2024` → `©2024`) and keeps what follows
 *   the last `/` or `\` (no encoding can save a name with a `\`).
 * So: raw UTF-8 in a quoted `filename` (what RFC 7578 and browsers send, and every server
 * reads); and for a name with `"` or a control character, which that cannot carry, the HTML
 * form encoding as a fallback and the exact name in a `filename*` after it, which RFC 7578
 * forbids but Django, busboy and Go's mime package read.
 */
export function formDataFilename(name: string, options: { fallback?: boolean } = {}): string {
  const sent = escapeHtmlReferences(name)
  if (!Array.from(name).some(isUnquotable)) return `filename="${quotedPairs(sent)}"`
  const extended = `filename*=UTF-8''${encodeExtendedValue(sent)}`
  if (options.fallback === false) return extended
  const htmlFormEncoded = Array.from(sent, char => (isUnquotable(char) ? percentEncode(char) : char)).join('')
  return `filename="${quotedPairs(htmlFormEncoded)}"; ${extended}`
}

/** What a quoted filename cannot carry to Django exactly: `"` (see above) and control characters. */
function isUnquotable(char: string): boolean {
  return char === '"' || char < ' ' || char === '\x7f'
}

function quotedPairs(text: string): string {
  return text.replace(/[\\"]/g, '\\$&')
}

/** RFC 5987 attr-char stays as it is; everything else is percent-encoded UTF-8. */
function encodeExtendedValue(text: string): string {
  return text.replace(/[^A-Za-z0-9!#$&+\-.^_`|~]/gu, percentEncode)
}

function percentEncode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), byte => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}

/**
 * The HTML entities Python's html.unescape decodes even without a closing `;` (and as the start
 * of a longer word: `&notes` → `¬es`), from Python's html.entities.html5.
 */
const BARE_ENTITIES = (
  'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT ' +
  'Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN ' +
  'Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar ' +
  'ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt ' +
  'iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ' +
  'ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 ' +
  'szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml'
).split(' ')

/**
 * An `&` that html.unescape would decode: a numeric reference, anything shaped like a named one
 * with its `;` (a few more than the real names: harmless, as `&amp;` reads back as `&`), or a
 * bare entity.
 */
const DECODED_AMPERSAND = new RegExp(
  `&(?=#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]{0,31};|${BARE_ENTITIES.join('|')})`,
  'g'
)

/** Django html-unescapes every uploaded file name: an `&` it would decode is sent as `&amp;`. */
function escapeHtmlReferences(name: string): string {
  return name.replace(DECODED_AMPERSAND, '&amp;')
}
