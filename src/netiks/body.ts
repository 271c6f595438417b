import { createHash, randomBytes } from 'node:crypto'
import { close, closeSync, fstat, fstatSync, open, openSync, read, readSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { promisify } from 'node:util'
import { FileChangedError, FileReadError } from '../errors.js'
import type { LocalFile } from './types.js'

/** A request body that writes itself to the request, streamed from disk and hashed on the way. */
export interface StreamedBody {
  /** Exact byte count, for Content-Length. */
  length: number
  /**
   * Writes the whole body; rejects when the file cannot be read whole, has changed since it was
   * found (FileChangedError, before the body's last bytes are written), or the sink closes.
   */
  writeTo(sink: Writable): Promise<void>
  /** SHA-256 (hex) of the file's bytes; valid once writeTo has resolved. */
  sha256(): string
}

/** Bytes read (and written) at a time. Large slices keep a single upload near the wire's speed. */
const SLICE_BYTES = 1024 * 1024
/** Slices per body: some being read while others are being written (4 measured best). */
const SLICES_IN_FLIGHT = 4

/** When the file is compared with what was found: right after opening, or after its last read. */
type CheckPoint = 'opened' | 'read'

/**
 * The file's first `size` bytes (its size when it was found), hashed as they go. Memory stays
 * flat whatever the file's size: a fixed set of buffers is reused, and a buffer is refilled
 * only after the socket has taken its previous contents.
 *
 * A file that changed since it was found is never sent whole: its size and mtime are checked
 * when it is opened (before any byte is written) and again once its bytes have been read but
 * before the last of them is written, so the server sees an incomplete request and keeps nothing.
 */
class FileBody implements StreamedBody {
  readonly length: number
  private readonly hash = createHash('sha256')

  constructor(
    private readonly file: LocalFile,
    private readonly onSent: (bytes: number) => void = () => undefined,
    private readonly head: Buffer = Buffer.alloc(0),
    private readonly tail: Buffer = Buffer.alloc(0)
  ) {
    this.length = head.length + file.size + tail.length
  }

  sha256(): string {
    return this.hash.copy().digest('hex')
  }

  async writeTo(sink: Writable): Promise<void> {
    const file = await this.openFile()
    try {
      await this.checkUnchanged(file, 'opened')
      if (this.file.size <= SLICE_BYTES) return await this.writeWhole(sink, file)
      if (this.head.length > 0) await writeChunk(sink, this.head)
      await this.writeSlices(sink, file)
      if (this.tail.length > 0) await writeChunk(sink, this.tail)
    } finally {
      await file.close()
    }
  }

  /**
   * A file that fits in one slice is read with synchronous calls: a few microseconds each,
   * where a round trip through the thread pool costs tens, which adds up over many small
   * files. Larger files are read asynchronously so the other uploads keep moving.
   */
  private async openFile(): Promise<OpenFile> {
    const fail = (error: NodeJS.ErrnoException): never => {
      throw this.readError(error)
    }
    if (this.file.size <= SLICE_BYTES) {
      let fd: number
      try {
        fd = openSync(this.file.absolutePath, 'r')
      } catch (error) {
        return fail(error as NodeJS.ErrnoException)
      }
      const sync = <T>(call: () => T): Promise<T> => {
        try {
          return Promise.resolve(call())
        } catch (error) {
          return fail(error as NodeJS.ErrnoException)
        }
      }
      return {
        read: async (buffer, length, position) => await sync(() => readSync(fd, buffer, 0, length, position)),
        stat: async () => await sync(() => fstatSync(fd)),
        close: async () => closeSync(fd)
      }
    }
    const fd = await openAsync(this.file.absolutePath, 'r').catch(fail)
    return {
      read: async (buffer, length, position) =>
        (await readAsync(fd, buffer, 0, length, position).catch(fail)).bytesRead,
      stat: async () => await fstatAsync(fd).catch(fail),
      close: async () => await closeAsync(fd)
    }
  }

  private async writeSlices(sink: Writable, file: OpenFile): Promise<void> {
    const slices = Math.min(SLICES_IN_FLIGHT, Math.ceil(this.file.size / SLICE_BYTES))
    const free = Array.from({ length: slices }, () => Buffer.allocUnsafe(SLICE_BYTES))
    const writing = new Set<Promise<void>>()
    let offset = 0
    try {
      while (offset < this.file.size) {
        if (free.length === 0) await Promise.race(writing)
        const buffer = free.pop()!
        const bytesRead = await file.read(buffer, Math.min(buffer.length, this.file.size - offset), offset)
        if (bytesRead === 0) return await this.endedEarly(file, offset)
        const slice = buffer.subarray(0, bytesRead)
        this.hash.update(slice)
        offset += bytesRead
        // The last slice leaves only if the file is still the one that was found.
        if (offset === this.file.size) await this.checkUnchanged(file, 'read')
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
   * tail go in one buffer and one write, which the socket takes at once.
   */
  private async writeWhole(sink: Writable, file: OpenFile): Promise<void> {
    const whole = Buffer.allocUnsafe(this.length)
    this.head.copy(whole)
    const bytes = whole.subarray(this.head.length, this.head.length + this.file.size)
    for (let offset = 0; offset < bytes.length;) {
      const bytesRead = await file.read(bytes.subarray(offset), bytes.length - offset, offset)
      if (bytesRead === 0) return await this.endedEarly(file, offset)
      offset += bytesRead
    }
    this.hash.update(bytes)
    await this.checkUnchanged(file, 'read')
    this.tail.copy(whole, this.head.length + bytes.length)
    if (whole.length === 0) return
    await writeChunk(sink, whole)
    if (bytes.length > 0) this.onSent(bytes.length)
  }

  /**
   * Compares the open file with the stat it was found with: size, mtime (when known) and, after
   * the read, whether bytes follow where the file was expected to end (metadata can lag).
   */
  private async checkUnchanged(file: OpenFile, at: CheckPoint): Promise<void> {
    const now = await file.stat()
    let change = this.describeChange(now.size, now.mtimeMs)
    if (change === undefined && at === 'read') {
      const probe = Buffer.allocUnsafe(1)
      if ((await file.read(probe, 1, this.file.size)) > 0) {
        change = `it has more than the ${this.file.size} bytes it had when it was found`
      }
    }
    if (change !== undefined) throw this.changedError(change, at)
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
  private async endedEarly(file: OpenFile, read: number): Promise<never> {
    const { size, mtimeMs } = await file.stat()
    const change =
      this.describeChange(size, mtimeMs) ??
      `it ended after ${read} of the ${this.file.size} bytes it had when it was found`
    throw this.changedError(change, 'read')
  }

  private readError(error: NodeJS.ErrnoException): FileReadError {
    return new FileReadError(`Could not read ${this.file.relativePath}: ${error.code ?? error.message}.`)
  }

  private changedError(change: string, at: CheckPoint): FileChangedError {
    const name = this.file.relativePath
    const next = 'Upload it again once it is complete.'
    return new FileChangedError(
      at === 'opened'
        ? `${name} changed after it was found: ${change}. Nothing was sent or registered for it. ${next}`
        : `${name} changed while it was being uploaded: ${change}. The upload was stopped before its ` +
            `last bytes, so the server kept nothing and nothing was registered for it. ${next}`
    )
  }
}

interface OpenFile {
  read(buffer: Buffer, length: number, position: number): Promise<number>
  stat(): Promise<{ size: number; mtimeMs: number }>
  close(): Promise<void>
}

const openAsync = promisify(open)
const readAsync = promisify(read)
const fstatAsync = promisify(fstat)
const closeAsync = promisify(close)

/** Writes one chunk and waits until the sink has taken it (or has closed). */
function writeChunk(sink: Writable, chunk: Buffer): Promise<void> {
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
export function openFileBody(file: LocalFile, onSent?: (bytes: number) => void): StreamedBody {
  return new FileBody(file, onSent)
}

/**
 * A multipart/form-data body with one file field, with an exact length. The filename is
 * UTF-8 as RFC 7578 §4.2 allows, with `"`, CR and LF percent-encoded the way browsers do
 * (the HTML form-data encoding), never a `filename*` parameter (RFC 7578 forbids it).
 */
export function openMultipartBody(
  file: LocalFile,
  fieldName: string,
  onSent?: (bytes: number) => void
): StreamedBody & { contentType: string } {
  const boundary = `----NetiksUpload${randomBytes(16).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${fieldName}"; filename="${encodeFormDataName(file.name)}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
    'utf8'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  const body = new FileBody(file, onSent, head, tail)
  return {
    length: body.length,
    writeTo: async sink => await body.writeTo(sink),
    sha256: () => body.sha256(),
    contentType: `multipart/form-data; boundary=${boundary}`
  }
}

export function encodeFormDataName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
