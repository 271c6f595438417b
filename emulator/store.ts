import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** Bytes held at an S3 key, on disk. */
export interface StoredObject {
  key: string
  diskPath: string
  size: number
  sha256: string
  md5: string
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
  sha256: string
  mode: 'single' | 'presigned'
  created_at: string
}

/** A body received to a temp file, not yet an object. */
export interface ReceivedBody {
  tempPath: string
  size: number
  sha256: string
  md5: string
}

/** The emulator's disk and memory: objects (as S3 holds them) and assets (as Netiks does). */
export class EmulatorStore {
  readonly objects = new Map<string, StoredObject>()
  readonly issued = new Map<string, IssuedUpload>()
  readonly assets: AssetRecord[] = []
  /** How many times each s3_path was confirmed: more than once is a duplicate asset. */
  readonly confirmations = new Map<string, number>()

  private constructor(
    readonly dir: string,
    private readonly ownsDir: boolean
  ) {}

  static async open(dir?: string): Promise<EmulatorStore> {
    const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'netiks-emulator-')))
    await mkdir(path.join(root, 'objects'), { recursive: true })
    await mkdir(path.join(root, 'incoming'), { recursive: true })
    return new EmulatorStore(root, dir === undefined)
  }

  /** Streams a body to a temp file, hashing it on the way; never holds it in memory. */
  async receive(body: Readable): Promise<ReceivedBody> {
    const tempPath = path.join(this.dir, 'incoming', randomUUID())
    const sha256 = createHash('sha256')
    const md5 = createHash('md5')
    let size = 0
    const tap = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
        sha256.update(chunk)
        md5.update(chunk)
        size += chunk.length
        callback(null, chunk)
      }
    })
    try {
      await pipeline(body, tap, createWriteStream(tempPath))
    } catch (error) {
      await this.discard(tempPath)
      throw error
    }
    return { tempPath, size, sha256: sha256.digest('hex'), md5: md5.digest('base64') }
  }

  async discard(tempPath: string): Promise<void> {
    await unlink(tempPath).catch(() => undefined)
  }

  /** Makes a received body the object at `key`, replacing any earlier one (as S3 does). */
  async putObject(key: string, body: ReceivedBody, contentType: string): Promise<StoredObject> {
    const diskPath = path.join(this.dir, 'objects', createHash('sha1').update(key).digest('hex'))
    await rename(body.tempPath, diskPath)
    const stored: StoredObject = {
      key,
      diskPath,
      size: body.size,
      sha256: body.sha256,
      md5: Buffer.from(body.md5, 'base64').toString('hex'),
      contentType
    }
    this.objects.set(key, stored)
    return stored
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
      sha256: object.sha256,
      mode,
      created_at: new Date().toISOString()
    }
    this.assets.push(asset)
    if (mode === 'presigned') {
      this.confirmations.set(object.key, (this.confirmations.get(object.key) ?? 0) + 1)
    }
    return asset
  }

  async close(): Promise<void> {
    if (this.ownsDir) await rm(this.dir, { recursive: true, force: true })
  }
}
