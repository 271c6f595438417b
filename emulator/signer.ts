import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { timingSafeEqual } from 'node:crypto'

const ACCESS_KEY_ID = 'AKIANETIKSEMULATOR01'
const SECRET_ACCESS_KEY = 'netiks-emulator-secret-access-key'
const REGION = 'us-east-1'

/** Why S3 refuses a query-signed request: S3's own error code, status and message. */
export interface SignatureProblem {
  status: number
  code: string
  message: string
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
 * Makes and checks AWS SigV4 query-signed URLs with AWS's own signer, as S3 does: the path is
 * signed exactly as encoded (S3 does not double-encode), and `host` and `content-type` are
 * signed headers, so a client that changes either is refused.
 */
export class PresignedUrlSigner {
  private readonly signer = new SignatureV4({
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    region: REGION,
    service: 's3',
    // Node's native SHA-256, as the AWS SDK uses on Node: the pure-JS one made signing a hot spot.
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: false
  })

  async presignPut(options: {
    host: string
    encodedPath: string
    contentType: string
    expiresInSeconds: number
    now: Date
  }): Promise<string> {
    const request = new HttpRequest({
      method: 'PUT',
      protocol: 'http:',
      hostname: options.host,
      path: options.encodedPath,
      headers: { host: options.host, 'content-type': options.contentType },
      query: {}
    })
    const signed = await this.signer.presign(request, {
      expiresIn: options.expiresInSeconds,
      signingDate: options.now
    })
    const query = Object.entries(signed.query ?? {})
      .map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(String(value))}`)
      .join('&')
    return `http://${options.host}${options.encodedPath}?${query}`
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
    const signingDate = parseAmzDate(request.query.get('X-Amz-Date') ?? '')
    const expiresIn = Number(request.query.get('X-Amz-Expires'))
    if (signingDate === undefined || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 604800) {
      return {
        status: 400,
        code: 'AuthorizationQueryParametersError',
        message: 'X-Amz-Date must be in the ISO8601 Long Format and X-Amz-Expires between 1 and 604800'
      }
    }
    if (!(request.query.get('X-Amz-Credential') ?? '').startsWith(`${ACCESS_KEY_ID}/`)) {
      return {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.'
      }
    }
    const expected = await this.expectedSignature(request, signingDate, expiresIn)
    if (!sameText(expected, request.query.get('X-Amz-Signature') ?? '')) {
      return {
        status: 403,
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
      }
    }
    if (request.now.getTime() > signingDate.getTime() + expiresIn * 1000) {
      return { status: 403, code: 'AccessDenied', message: 'Request has expired' }
    }
    return undefined
  }

  private async expectedSignature(
    request: IncomingSignedRequest,
    signingDate: Date,
    expiresIn: number
  ): Promise<string | undefined> {
    const headers: Record<string, string> = {}
    for (const name of (request.query.get('X-Amz-SignedHeaders') ?? '').split(';')) {
      const value = request.headers[name]
      if (typeof value !== 'string') return undefined
      headers[name] = value
    }
    const query: Record<string, string> = {}
    for (const [key, value] of request.query) {
      if (key !== 'X-Amz-Signature' && !(key in query)) query[key] = value
    }
    const signed = await this.signer.presign(
      new HttpRequest({
        method: request.method,
        protocol: 'http:',
        hostname: headers.host ?? '',
        path: request.rawPath,
        headers,
        query
      }),
      { expiresIn, signingDate, unsignableHeaders: new Set() }
    )
    return String(signed.query?.['X-Amz-Signature'])
  }
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
