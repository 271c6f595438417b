/**
 * A real S3 (Ceph radosgw, MinIO, AWS) behind the emulator's Netiks API: generate presigns
 * PUT URLs for it, path-style, and confirm asks it with a HEAD whether the object is there.
 * The emulator then holds no bytes of its own; what the S3 holds is the truth.
 */
import http from 'node:http'
import https from 'node:https'
import { PresignedUrlSigner, encodeKey } from './signer.js'
import type { StoredObject } from './store.js'

export interface ExternalS3Options {
  /** Origin of the S3 endpoint, e.g. `http://127.0.0.1:7480`; objects are addressed path-style. */
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  bucket: string
  /** The region signed into URLs; `us-east-1` unless told. */
  region?: string
}

/** How long the emulator's own HEAD and GET URLs live. */
const OWN_URL_TTL_SECONDS = 60

export class ExternalS3 {
  private readonly signer: PresignedUrlSigner
  private readonly origin: URL

  constructor(readonly options: ExternalS3Options) {
    this.origin = new URL(options.endpoint)
    if (this.origin.protocol !== 'http:' && this.origin.protocol !== 'https:') {
      throw new Error(`external S3 endpoint must be an http or https URL, got "${options.endpoint}"`)
    }
    this.signer = new PresignedUrlSigner({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      region: options.region ?? 'us-east-1'
    })
  }

  /** Where the object lives, path-style: what the API gives as `storage_url`. */
  objectUrl(key: string): string {
    return `${this.origin.origin}${this.encodedPath(key)}`
  }

  /** A PUT URL signed as S3's presigner signs it: `host` and `content-type`, UNSIGNED-PAYLOAD. */
  async presignPut(options: {
    key: string
    contentType: string
    expiresInSeconds: number
    now: Date
  }): Promise<string> {
    const { key, ...signing } = options
    return await this.presign('PUT', key, signing)
  }

  /** A query-signed URL for another method (HEAD, GET, DELETE), e.g. for tests to read objects back. */
  async presign(
    method: string,
    key: string,
    options: { contentType?: string; expiresInSeconds?: number; now?: Date } = {}
  ): Promise<string> {
    return await this.signer.presign({
      method,
      host: this.origin.host,
      encodedPath: this.encodedPath(key),
      contentType: options.contentType,
      expiresInSeconds: options.expiresInSeconds ?? OWN_URL_TTL_SECONDS,
      now: options.now ?? new Date(),
      protocol: this.origin.protocol === 'https:' ? 'https' : 'http'
    })
  }

  /**
   * The object at `key` as S3 describes it, or undefined when S3 says 404. Any other answer
   * is an error: the emulator cannot tell whether the object is there.
   */
  async head(key: string): Promise<StoredObject | undefined> {
    const url = await this.presign('HEAD', key)
    const { status, headers } = await request('HEAD', url)
    if (status === 404) return undefined
    if (status !== 200) throw new Error(`HEAD ${this.objectUrl(key)} on the external S3 answered HTTP ${status}`)
    return {
      key,
      // Not on the emulator's disk: the bytes are held by the external S3.
      diskPath: '',
      size: Number(headers['content-length']),
      etag: String(headers.etag ?? '').replace(/"/g, ''),
      contentType: String(headers['content-type'] ?? '')
    }
  }

  private encodedPath(key: string): string {
    return `/${encodeKey(this.options.bucket)}/${encodeKey(key)}`
  }
}

async function request(method: string, url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const client = url.startsWith('https:') ? https : http
  return await new Promise((resolve, reject) => {
    const req = client.request(url, { method, agent: false, timeout: 30_000 }, res => {
      res.resume()
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
      res.once('error', reject)
    })
    req.once('timeout', () => req.destroy(new Error(`${method} to the external S3 timed out`)))
    req.once('error', reject)
    req.end()
  })
}
