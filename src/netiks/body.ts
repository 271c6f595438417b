import { createHash, randomBytes } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { FileChangedError, FileReadError, type LocalFile } from '../model.js'
import { filePartHeaders } from './django-names.js'

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
  /** SHA-256 (hex) of the file's bytes; valid once writeTo has resolved. */
  sha256(): string
}

export type MultipartBody = StreamedBody & { contentType: string }

/**
 * Bytes read (and written) at a time. Large slices keep a single upload near the wire's speed.
 * The file calls are synchronous: the thread pool's round trip cost more CPU per small file than
 * the read itself, and the body waits for the sink between slices, so one slice is the most the
 * event loop is held for.
 */
export const SLICE_BYTES = 1024 * 1024

/** Non-blocking where the platform allows (not Windows): a FIFO that took a found file's name would block the open. */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * One buffer, refilled only once the sink has taken it, so memory stays flat. A file that changed
 * since it was found is never sent whole: it is checked on open and again before its last slice
 * is written, so the server sees an incomplete request and keeps nothing.
 */
class FileBody implements StreamedBody {
  readonly length: number
  private readonly hash = createHash('sha256')
  /** Set once the whole file went through `hash`: the digest, taken once. */
  private digest: string | undefined
  private written = 0

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

  async writeTo(sink: BodySink): Promise<void> {
    const fd = io(this.file, () => openSync(this.file.absolutePath, OPEN_FOR_READING))
    try {
      this.checkUnchanged(fd)
      await this.write(sink, this.head)
      await this.writeFile(sink, fd)
      this.digest = this.hash.digest('hex')
      await this.write(sink, this.tail)
    } finally {
      closeSync(fd)
    }
  }

  private async writeFile(sink: BodySink, fd: number): Promise<void> {
    const size = this.file.size
    // The last read asks for one byte more than the file had: a byte there means it grew.
    const buffer = Buffer.allocUnsafe(Math.min(SLICE_BYTES, size) + 1)
    let offset = 0
    do {
      const wanted = Math.min(SLICE_BYTES, size - offset)
      const last = offset + wanted === size
      const bytesRead = io(this.file, () => readSync(fd, buffer, 0, last ? wanted + 1 : wanted, offset))
      const slice = buffer.subarray(0, Math.min(bytesRead, wanted))
      this.hash.update(slice)
      offset += slice.length
      const found = `the ${size} bytes it had when it was found`
      if (bytesRead > wanted) this.checkUnchanged(fd, `it has more than ${found}`)
      else if (bytesRead < wanted) this.checkUnchanged(fd, `it ended after ${offset} of ${found}`)
      // The last slice leaves only if the file is still the one that was found.
      else if (last) this.checkUnchanged(fd)
      await this.write(sink, slice)
      if (slice.length > 0) this.onSent(slice.length)
    } while (offset < size)
  }

  private checkUnchanged(fd: number, readChange?: string): void {
    const now = io(this.file, () => fstatSync(fd))
    if (!now.isFile()) throw notAFileError(this.file)
    const change = this.describeChange(now.size, now.mtimeMs) ?? readChange
    if (change === undefined) return
    // Before any change: a /proc or /sys file in the file's place is no file to send again.
    if (io(this.file, () => hasBytesPastItsSize(fd))) throw notAFileError(this.file)
    const name = this.file.relativePath
    // No advice here: the file is sent again as it is now; the run advises once it gives up.
    throw new FileChangedError(
      this.written === 0
        ? `${name} changed after it was found: ${change}. Nothing was sent or registered for it.`
        : `${name} changed while it was being uploaded: ${change}. The upload was stopped before its ` +
            'last bytes, so the server kept nothing and nothing was registered for it.'
    )
  }

  private describeChange(size: number, mtimeMs: number): string | undefined {
    if (size > this.file.size) return `it grew from ${this.file.size} to ${size} bytes`
    if (size < this.file.size) return `it shrank from ${this.file.size} to ${size} bytes`
    if (this.file.mtimeMs !== undefined && mtimeMs !== this.file.mtimeMs) {
      return 'it was modified (same size, new modification time)'
    }
    return undefined
  }

  private async write(sink: BodySink, chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return
    await new Promise<void>((resolve, reject) => {
      const onClose = (): void => reject(new Error('the request closed before its body was sent'))
      if (sink.destroyed) return onClose()
      sink.once('close', onClose)
      sink.write(chunk, error => {
        sink.off('close', onClose)
        if (error) reject(error)
        else resolve()
      })
    })
    this.written += chunk.length
  }
}

/**
 * Whether the open file reads bytes past the size its stat gives, and that size has not grown
 * meanwhile: a regular file never does (a write grows the size before its bytes can be read),
 * but a /proc or /sys file does (it says 0 bytes and makes its text up on each read).
 */
function hasBytesPastItsSize(fd: number): boolean {
  const { size } = fstatSync(fd)
  return readSync(fd, Buffer.alloc(1), 0, 1, size) > 0 && fstatSync(fd).size <= size
}

/** A file system call, its error as a FileReadError: a bare errno would read as the network's. */
function io<T>(file: LocalFile, call: () => T): T {
  try {
    return call()
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    throw new FileReadError(`Could not read ${file.relativePath}: ${code ?? message}.`)
  }
}

/** Something other than a file (a folder, a FIFO, a device) took the file's name since it was found. */
function notAFileError(file: LocalFile): FileReadError {
  return new FileReadError(
    `Could not read ${file.relativePath}: it is no longer a regular file (something else took its name ` +
      'after it was found). Nothing was sent or registered for it.'
  )
}

/**
 * The file as it is now, to send again after a body found it changed: never a device or a folder
 * that took its name, whatever size its stat gives.
 */
export function restat(file: LocalFile): LocalFile {
  const now = io(file, () => statSync(file.absolutePath))
  if (!now.isFile()) throw notAFileError(file)
  return { ...file, size: now.size, mtimeMs: now.mtimeMs }
}

/** `onSent` is told each time the socket has taken a slice of the file's bytes. */
export function openFileBody(file: LocalFile, onSent?: (bytes: number) => void): StreamedBody {
  return new FileBody(file, onSent)
}

/** A multipart/form-data body with the file as the `file` field, which the upload endpoint reads. */
export function openMultipartBody(file: LocalFile, onSent?: (bytes: number) => void): MultipartBody {
  const boundary = `----NetiksUpload${randomBytes(16).toString('hex')}`
  const head = Buffer.from(`--${boundary}\r\n${filePartHeaders('file', file.name, file.contentType)}`, 'utf8')
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  return Object.assign(new FileBody(file, onSent, head, tail), {
    contentType: `multipart/form-data; boundary=${boundary}`
  })
}
