import { createHash, randomUUID } from 'node:crypto'
import { closeSync, createReadStream, ftruncateSync, openSync, readSync, writeSync, type ReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'

/** Bytes held at an S3 key, on disk. */
export interface StoredObject {
  key: string
  diskPath: string
  size: number
  /** The ETag S3 would answer: the MD5 (hex) when the client sent Content-MD5, else opaque. */
  etag: string
  contentType: string
}

/** What a generate call handed out for one file. */
export interface IssuedUpload {
  s3Path: string
  fileName: string
  storageUrl: string
  contentType: string
  declaredSize: number
}

export interface AssetRecord {
  id: string
  asset_name: string
  storage_url: string
  s3_path: string
  file_size: number
  format: string
  content_type: string
  /** Filled in by the store when asked (see sha256Of). */
  sha256: string
  mode: 'single' | 'presigned'
  created_at: string
}

/** A body received to a file of its own, not yet an object. */
export interface ReceivedBody {
  diskPath: string
  size: number
  /** Base64 MD5, computed only when asked for (to check a Content-MD5). */
  md5?: string
}

/** Received bytes are written in slices of this size: one write per slice, not per socket read. */
const WRITE_SLICE_BYTES = 1024 * 1024
/**
 * Files a reset lets go that are kept to be written over (see receive): the largest, up to
 * this many, that no download is reading. An object replaced by a PUT is removed as before.
 */
const SPARE_FILES = 2
/** Bodies smaller than this get a new file: a spare is kept for the bodies that gain from it. */
const SPARE_MIN_BYTES = 1024 * 1024

/** The emulator's disk and memory: objects (as S3 holds them) and assets (as Netiks does). */
export class EmulatorStore {
  readonly objects = new Map<string, StoredObject>()
  readonly issued = new Map<string, IssuedUpload>()
  readonly assets: AssetRecord[] = []
  /** How many times each s3_path was confirmed: more than once is a duplicate asset. */
  readonly confirmations = new Map<string, number>()
  private readonly digests = new Map<string, string>()
  private nextFile = 0
  private opaqueEtags = 0
  /** Downloads under way, by disk path: a file being read is never written over. */
  private readonly readers = new Map<string, number>()
  /** Files a reset let go, kept to be written over (see fileFor). */
  private spareFiles: Array<{ diskPath: string; size: number }> = []

  private constructor(
    readonly dir: string,
    private readonly ownsDir: boolean
  ) {}

  static async open(dir?: string): Promise<EmulatorStore> {
    const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'netiks-emulator-')))
    await mkdir(path.join(root, 'objects'), { recursive: true })
    return new EmulatorStore(root, dir === undefined)
  }

  /**
   * Streams a body to a temp file, a slice at a time; never holds it in memory. Nothing is
   * hashed here (sha256Of does that when asked), so the emulator keeps up with a fast client:
   * a server that hashes inline on the same core would be the bottleneck of a benchmark.
   *
   * A body of a MiB or more is written over a file a reset let go, when there is one. On a VM
   * that hands freed memory back to its host (this machine's Firecracker reports free pages),
   * a new 512 MiB file cost the emulator 0.5 to 1.4 s more of kernel time now and then, its
   * pages faulted in again at the host: noise in the benchmark that has nothing to do with
   * the client. Writing over pages that are already there does not wait on the host.
   */
  async receive(
    body: Readable,
    options: { md5?: boolean; bytesPerSecond?: number; expectedBytes?: number } = {}
  ): Promise<ReceivedBody> {
    // Each body gets a file of its own, so a failed PUT never touches the object it would replace.
    const { diskPath, fd, spare } = this.fileFor(options.expectedBytes)
    const md5 = options.md5 ? createHash('md5') : undefined
    let size = 0
    let slice: Buffer[] = []
    let sliceBytes = 0
    const started = Date.now()
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        md5?.update(chunk)
        size += chunk.length
        if (options.bytesPerSecond) await keepToRate(size, options.bytesPerSecond, started)
        slice.push(chunk)
        sliceBytes += chunk.length
        if (sliceBytes >= WRITE_SLICE_BYTES) {
          writeFully(fd, Buffer.concat(slice, sliceBytes))
          slice = []
          sliceBytes = 0
        }
      }
      if (sliceBytes > 0) writeFully(fd, Buffer.concat(slice, sliceBytes))
      if (spare) ftruncateSync(fd, size)
    } catch (error) {
      closeSync(fd)
      await this.discard(diskPath)
      throw error
    }
    closeSync(fd)
    return { diskPath, size, md5: md5?.digest('base64') }
  }

  /**
   * A file for a body of about `expectedBytes` (a Content-Length, or a multipart request's, which
   * is a little more than its file): for a MiB or more, the smallest spare that holds it or else
   * the largest; otherwise, or when the spare cannot be opened, a new file.
   */
  private fileFor(expectedBytes: number | undefined): { diskPath: string; fd: number; spare: boolean } {
    if (expectedBytes !== undefined && expectedBytes >= SPARE_MIN_BYTES) {
      const bySize = [...this.spareFiles].sort((a, b) => a.size - b.size)
      const chosen = bySize.find(file => file.size >= expectedBytes) ?? bySize.at(-1)
      if (chosen !== undefined) {
        this.spareFiles = this.spareFiles.filter(file => file !== chosen)
        try {
          return { diskPath: chosen.diskPath, fd: openSync(chosen.diskPath, 'r+'), spare: true }
        } catch {
          // Gone or unusable: a new file does as well.
        }
      }
    }
    const diskPath = path.join(this.dir, 'objects', `${this.nextFile++}`)
    return { diskPath, fd: openSync(diskPath, 'w'), spare: false }
  }

  /** A download of the object's bytes; its file is not written over while it is read. */
  readObject(object: StoredObject): ReadStream {
    const { diskPath } = object
    this.readers.set(diskPath, (this.readers.get(diskPath) ?? 0) + 1)
    const stream = createReadStream(diskPath)
    stream.once('close', () => {
      const left = (this.readers.get(diskPath) ?? 1) - 1
      if (left > 0) this.readers.set(diskPath, left)
      else this.readers.delete(diskPath)
    })
    return stream
  }

  /** SHA-256 (hex) of the bytes held at `key`, hashed from disk on first use. */
  sha256Of(key: string): string {
    const object = this.objects.get(key)
    if (object === undefined) return ''
    let digest = this.digests.get(key)
    if (digest === undefined) {
      digest = hashFileSync(object.diskPath)
      this.digests.set(key, digest)
    }
    return digest
  }

  async discard(diskPath: string): Promise<void> {
    await unlink(diskPath).catch(() => undefined)
  }

  /** Makes a received body the object at `key`, replacing any earlier one (as S3 does). */
  async putObject(key: string, body: ReceivedBody, contentType: string): Promise<StoredObject> {
    const replaced = this.objects.get(key)
    const stored: StoredObject = {
      key,
      diskPath: body.diskPath,
      size: body.size,
      etag: body.md5 ? Buffer.from(body.md5, 'base64').toString('hex') : this.opaqueEtag(),
      contentType
    }
    this.objects.set(key, stored)
    this.digests.delete(key)
    if (replaced) await this.discard(replaced.diskPath)
    return stored
  }

  /** An ETag that is not an MD5, as S3 answers for encrypted objects. */
  private opaqueEtag(): string {
    return createHash('md5').update(`${this.dir}:${this.opaqueEtags++}`).digest('hex')
  }

  addAsset(object: StoredObject, name: string, storageUrl: string, mode: AssetRecord['mode']): AssetRecord {
    const asset: AssetRecord = {
      id: randomUUID(),
      asset_name: name,
      storage_url: storageUrl,
      s3_path: object.key,
      file_size: object.size,
      format: path.extname(name).replace(/^\./, '').toLowerCase() || 'bin',
      content_type: object.contentType,
      sha256: '',
      mode,
      created_at: new Date().toISOString()
    }
    this.assets.push(asset)
    if (mode === 'presigned') {
      this.confirmations.set(object.key, (this.confirmations.get(object.key) ?? 0) + 1)
    }
    return asset
  }

  async reset(): Promise<void> {
    // Everything is forgotten before the first await: a request that comes meanwhile sees an
    // empty store, and no object still names a file kept as a spare.
    const files = [...this.spareFiles, ...[...this.objects.values()].map(({ diskPath, size }) => ({ diskPath, size }))]
    this.objects.clear()
    this.digests.clear()
    this.issued.clear()
    this.assets.length = 0
    this.confirmations.clear()
    // The largest files no download is reading are kept: writing over them saves the most.
    const kept = files
      .filter(file => file.diskPath !== '' && !this.readers.has(file.diskPath))
      .sort((a, b) => b.size - a.size)
      .slice(0, SPARE_FILES)
    this.spareFiles = kept
    await Promise.all(files.filter(file => !kept.includes(file)).map(file => this.discard(file.diskPath)))
  }

  async close(): Promise<void> {
    if (this.ownsDir) await rm(this.dir, { recursive: true, force: true })
  }
}

function writeFully(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written)
}

function hashFileSync(file: string): string {
  const hash = createHash('sha256')
  const buffer = Buffer.alloc(WRITE_SLICE_BYTES)
  const fd = openSync(file, 'r')
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** Waits until `bytes` would have arrived at `bytesPerSecond`: a slower wire, by backpressure. */
async function keepToRate(bytes: number, bytesPerSecond: number, started: number): Promise<void> {
  const ahead = (bytes / bytesPerSecond) * 1000 - (Date.now() - started)
  if (ahead > 5) await new Promise(resolve => setTimeout(resolve, ahead))
}
