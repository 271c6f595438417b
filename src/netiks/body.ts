import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { FileReadError } from '../errors.js'
import type { LocalFile } from './types.js'

/** A request body streamed from disk, hashed on the way out. */
export interface StreamedBody {
  stream: Readable
  /** Exact byte count of `stream`, for Content-Length. */
  length: number
  /** SHA-256 (hex) of the file's bytes; valid once `stream` has ended. */
  sha256(): string
}

/** Passes bytes through unchanged while hashing and counting them. */
class DigestTap extends Transform {
  private readonly hash = createHash('sha256')
  private bytes = 0

  constructor(private readonly source: LocalFile) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.source.size) {
      callback(
        new FileReadError(
          `${this.source.relativePath} changed while it was being uploaded: ` +
            `expected ${this.source.size} bytes, read ${this.bytes}.`
        )
      )
      return
    }
    callback()
  }

  digest(): string {
    return this.hash.copy().digest('hex')
  }
}

const READ_CHUNK_BYTES = 256 * 1024

/** The file's bytes exactly as they were when it was found (its first `size` bytes). */
export function openFileBody(source: LocalFile): StreamedBody {
  const tap = new DigestTap(source)
  const file =
    source.size === 0
      ? Readable.from([])
      : createReadStream(source.absolutePath, {
          start: 0,
          end: source.size - 1,
          highWaterMark: READ_CHUNK_BYTES
        })
  file.on('error', (error: NodeJS.ErrnoException) =>
    tap.destroy(new FileReadError(`Could not read ${source.relativePath}: ${error.code ?? error.message}.`))
  )
  tap.on('close', () => file.destroy())
  file.pipe(tap)
  return { stream: tap, length: source.size, sha256: () => tap.digest() }
}

/**
 * A multipart/form-data body with one file field, as a stream with an exact length.
 * The filename is UTF-8 as RFC 7578 §4.2 allows, with `"`, CR and LF percent-encoded the way
 * browsers do (the HTML form-data encoding), never a `filename*` parameter (RFC 7578 forbids it).
 */
export function openMultipartBody(
  source: LocalFile,
  fieldName: string
): StreamedBody & { contentType: string } {
  const boundary = `----NetiksUpload${randomBytes(16).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${fieldName}"; filename="${encodeFormDataName(source.name)}"\r\n` +
      `Content-Type: ${source.contentType}\r\n\r\n`,
    'utf8'
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  const file = openFileBody(source)
  async function* parts(): AsyncGenerator<Buffer> {
    yield head
    yield* file.stream as AsyncIterable<Buffer>
    yield tail
  }
  const stream = Readable.from(parts(), { objectMode: false })
  stream.on('close', () => file.stream.destroy())
  return {
    stream,
    length: head.length + source.size + tail.length,
    sha256: file.sha256,
    contentType: `multipart/form-data; boundary=${boundary}`
  }
}

export function encodeFormDataName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
