import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const ACCESS_KEY_ID = 'AKIANETIKSEMULATOR01'
export const SECRET_ACCESS_KEY = 'netiks-emulator-secret-access-key'
export const REGION = 'us-east-1'
const SERVICE = 's3'
const ALGORITHM = 'AWS4-HMAC-SHA256'
/** What S3 presigned URLs sign as the payload: the body is not part of the signature. */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'

/** Whose URLs these are: the emulator's own unless another S3 is named. */
export interface SignerCredentials {
  accessKeyId: string
  secretAccessKey: string
  region: string
}

/** Why S3 refuses a query-signed request: S3's own error code, status and message. */
export interface SignatureProblem {
  status: number
  code: string
  message: string
  /** The URL was good but is past its X-Amz-Date + X-Amz-Expires. */
  expired?: true
}

export interface IncomingSignedRequest {
  method: string
  /** The path exactly as received, still percent-encoded. */
  rawPath: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  now: Date
}

const REQUIRED_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature'
]

/**
 * Makes and checks AWS SigV4 query-signed URLs as S3 does: the path is signed exactly as
 * encoded (S3 does not double-encode), the payload is UNSIGNED-PAYLOAD, and `host` and
 * `content-type` are signed headers, so a client that changes either is refused.
 *
 * Written on node:crypto with the day's signing key cached: AWS's own signer derives the key
 * anew for every URL, which made the emulator the bottleneck of the benchmark. A test checks
 * that both produce the same URLs and accept each other's.
 */
export class PresignedUrlSigner {
  private signingKey = { day: '', key: Buffer.alloc(0) }
  private readonly credentials: SignerCredentials

  constructor(credentials: Partial<SignerCredentials> = {}) {
    this.credentials = {
      accessKeyId: credentials.accessKeyId ?? ACCESS_KEY_ID,
      secretAccessKey: credentials.secretAccessKey ?? SECRET_ACCESS_KEY,
      region: credentials.region ?? REGION
    }
  }

  /** A PUT URL that must be sent with this content type (`host` and `content-type` are signed). */
  async presignPut(options: {
    host: string
    encodedPath: string
    contentType: string
    expiresInSeconds: number
    now: Date
    protocol?: 'http' | 'https'
  }): Promise<string> {
    return await this.presign({ ...options, method: 'PUT' })
  }

  /** A query-signed URL for any method; `content-type` is signed only when one is given. */
  async presign(options: {
    method: string
    host: string
    encodedPath: string
    contentType?: string
    expiresInSeconds: number
    now: Date
    protocol?: 'http' | 'https'
  }): Promise<string> {
    const amzDate = toAmzDate(options.now)
    const headers: Array<[string, string]> = [['host', options.host]]
    if (options.contentType !== undefined) headers.unshift(['content-type', options.contentType])
    // The parameters in canonical order, so the query is already canonical.
    const query =
      `X-Amz-Algorithm=${ALGORITHM}` +
      `&X-Amz-Credential=${encodeRfc3986(`${this.credentials.accessKeyId}/${this.scope(amzDate)}`)}` +
      `&X-Amz-Date=${amzDate}` +
      `&X-Amz-Expires=${options.expiresInSeconds}` +
      `&X-Amz-SignedHeaders=${encodeRfc3986(headers.map(([name]) => name).join(';'))}`
    const signature = this.sign(options.method, options.encodedPath, query, amzDate, headers)
    return `${options.protocol ?? 'http'}://${options.host}${options.encodedPath}?${query}&X-Amz-Signature=${signature}`
  }

  /** Returns the reason S3 would refuse this request, or undefined if it is good. */
  async check(request: IncomingSignedRequest): Promise<SignatureProblem | undefined> {
    const missing = REQUIRED_PARAMS.filter(name => !request.query.has(name))
    if (missing.length > 0) {
      return {
        status: 403,
        code: 'AccessDenied',
        message: `Query-string authentication requires the ${missing.join(', ')} parameters`
      }
    }
    const amzDate = request.query.get('X-Amz-Date') ?? ''
    const signingDate = parseAmzDate(amzDate)
    const expiresIn = Number(request.query.get('X-Amz-Expires'))
    if (signingDate === undefined || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 604800) {
      return {
        status: 400,
        code: 'AuthorizationQueryParametersError',
        message: 'X-Amz-Date must be in the ISO8601 Long Format and X-Amz-Expires between 1 and 604800'
      }
    }
    if (!(request.query.get('X-Amz-Credential') ?? '').startsWith(`${this.credentials.accessKeyId}/`)) {
      return {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.'
      }
    }
    const expected = this.expectedSignature(request, amzDate)
    if (!sameText(expected, request.query.get('X-Amz-Signature') ?? '')) {
      return {
        status: 403,
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
      }
    }
    if (request.now.getTime() > signingDate.getTime() + expiresIn * 1000) {
      return { status: 403, code: 'AccessDenied', message: 'Request has expired', expired: true }
    }
    return undefined
  }

  private expectedSignature(request: IncomingSignedRequest, amzDate: string): string | undefined {
    const headers: Array<[string, string]> = []
    // Node gives header names in lower case; SigV4 lists them sorted.
    for (const name of (request.query.get('X-Amz-SignedHeaders') ?? '').toLowerCase().split(';').sort()) {
      const value = request.headers[name]
      if (typeof value !== 'string') return undefined
      headers.push([name, value])
    }
    const query: Array<[string, string]> = []
    const seen = new Set<string>()
    for (const [key, value] of request.query) {
      if (key !== 'X-Amz-Signature' && !seen.has(key)) query.push([key, value])
      seen.add(key)
    }
    return this.sign(request.method, request.rawPath, canonicalQuery(query), amzDate, headers)
  }

  /** The SigV4 signature; `headers` are the signed headers, lower-case and in order. */
  private sign(
    method: string,
    encodedPath: string,
    canonicalQueryString: string,
    amzDate: string,
    headers: Array<[string, string]>
  ): string {
    const canonicalRequest = [
      method,
      encodedPath,
      canonicalQueryString,
      headers.map(([name, value]) => `${name}:${value.trim().replace(/\s+/g, ' ')}\n`).join(''),
      headers.map(([name]) => name).join(';'),
      UNSIGNED_PAYLOAD
    ].join('\n')
    const stringToSign = [
      ALGORITHM,
      amzDate,
      this.scope(amzDate),
      createHash('sha256').update(canonicalRequest).digest('hex')
    ].join('\n')
    return createHmac('sha256', this.keyFor(amzDate.slice(0, 8)))
      .update(stringToSign)
      .digest('hex')
  }

  private keyFor(day: string): Buffer {
    if (this.signingKey.day !== day) {
      let key = Buffer.from(`AWS4${this.credentials.secretAccessKey}`)
      for (const part of [day, this.credentials.region, SERVICE, 'aws4_request'])
        key = createHmac('sha256', key).update(part).digest()
      this.signingKey = { day, key }
    }
    return this.signingKey.key
  }

  private scope(amzDate: string): string {
    return `${amzDate.slice(0, 8)}/${this.credentials.region}/${SERVICE}/aws4_request`
  }
}

/** Sorted by encoded key, then value, each part RFC 3986-encoded, as SigV4 wants. */
function canonicalQuery(query: Array<[string, string]>): string {
  return query
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function parseAmzDate(text: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match.map(Number)
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
}

function sameText(expected: string | undefined, given: string): boolean {
  if (expected === undefined || expected.length !== given.length) return false
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given))
}

/** Percent-encodes everything but RFC 3986's unreserved characters, as SigV4 does. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** An object key as a URL path: each segment encoded, the slashes kept. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeRfc3986).join('/')
}
