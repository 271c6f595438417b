import {
  AuthError,
  HttpError,
  InsecureUrlError,
  NetworkError,
  ProtocolError,
  RedirectError,
  WrongSchemeError
} from './errors.js'
import { CancelledError, type UploadStep } from '../model.js'
import { parseRetryAfter } from './retry-after.js'
import { HttpTransport, settledOrigin, type HttpRequest, type HttpResponse } from './http.js'
import { SLICE_BYTES } from './body.js'
import type {
  AssetReply,
  ConfirmRequest,
  GeneratePresignedResponse,
  NetiksAsset,
  PresignRequestFile,
  PresignedEntry,
  UploadFileResponse
} from './types.js'
import type { StreamedBody } from './body.js'

export const UPLOAD_FILE_PATH = '/api/v1/assets/developer-upload-file/'
export const GENERATE_PRESIGNED_PATH = '/api/v1/assets/developer-generate-presigned-url/'

/** Per-call options of the asset-creating calls. */
export interface AssetCallOptions {
  signal?: AbortSignal
  /** Sent as the Idempotency-Key header: one key per file and step, the same on every retry. */
  idempotencyKey?: string
}

export interface NetiksClientOptions {
  baseUrl: string
  apiKey: string
  /** Requests in flight at once, per host. */
  concurrency: number
  userAgent: string
  /** A request making no progress for this long is aborted. */
  stallTimeoutMs: number
}

const SERVER_WORDS_MAX_CHARS = 300

/**
 * PUT bodies larger than this are sent with `Expect: 100-continue`, as curl (from 1 MiB too)
 * and the AWS SDKs do for large bodies, so S3 refuses (expired, bad signature, too large)
 * before the body goes. A body of one slice goes in one write with the headers; what the
 * socket does not take at once libuv writes after reading the socket, so a refusal is read all
 * but always without the extra round trip per small file (30 of 30 on an idle machine; when a
 * reset wins on a busy one, the PUT fails as ECONNRESET with requestSent false, safe to retry).
 */
export const EXPECT_CONTINUE_ABOVE_BYTES = SLICE_BYTES

/** Presigned URLs point at one storage host or a few: a bound, not a tuning. */
const MAX_SAFE_ORIGINS = 32

/**
 * The Netiks Uploads API, one method per call of the contract. Quiet and reusable: it logs
 * nothing and throws typed errors whose messages never carry the api key or a presigned
 * URL's query string.
 */
export class NetiksClient {
  private readonly api: HttpTransport
  private readonly storage: HttpTransport
  /** Settled origins (scheme and authority) of presigned URLs found safe. */
  private readonly safeOrigins = new Set<string>()

  constructor(private readonly options: NetiksClientOptions) {
    const transport = {
      userAgent: options.userAgent,
      maxSockets: options.concurrency,
      stallTimeoutMs: options.stallTimeoutMs
    }
    this.api = new HttpTransport(transport)
    this.storage = new HttpTransport(transport)
  }

  get baseUrl(): string {
    return this.options.baseUrl
  }

  /** Mode 1: POST a multipart body; the server stores the file and returns the asset. */
  async uploadMultipart(
    body: StreamedBody & { contentType: string },
    options: AssetCallOptions = {}
  ): Promise<AssetReply> {
    const response = await this.callApi('upload', {
      method: 'POST',
      url: this.options.baseUrl + UPLOAD_FILE_PATH,
      headers: {
        'content-type': body.contentType,
        'content-length': body.length,
        ...idempotencyHeader(options.idempotencyKey)
      },
      body,
      signal: options.signal
    })
    return assetReplyFrom('upload', response)
  }

  /** Mode 2, step 1: one presigned PUT URL per file, in the order asked. */
  async generatePresignedUrls(files: PresignRequestFile[], signal?: AbortSignal): Promise<PresignedEntry[]> {
    const response = await this.callApi('generate', {
      method: 'POST',
      url: this.options.baseUrl + GENERATE_PRESIGNED_PATH,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ files }),
      signal
    })
    const parsed = parseJson<GeneratePresignedResponse>('generate', response)
    if (!Array.isArray(parsed.presigned_urls)) {
      throw new ProtocolError('generate', 'generate answered without a presigned_urls list.')
    }
    for (const entry of parsed.presigned_urls) this.checkPresignedUrl('generate', entry)
    return parsed.presigned_urls
  }

  /**
   * Mode 2, step 2: PUT the bytes to the presigned URL exactly as the server wrote it, with
   * exactly the content type it signed. Returns the ETag.
   */
  async putObject(entry: PresignedEntry, body: StreamedBody, signal?: AbortSignal): Promise<string> {
    // Checked at generate already; checked again here so that no caller can send bytes to one.
    this.checkPresignedUrl('put', entry)
    const response = await this.send(this.storage, 'put', {
      method: 'PUT',
      url: entry.presigned_url,
      headers: { 'content-type': entry.content_type, 'content-length': body.length },
      body,
      expectContinue: body.length > EXPECT_CONTINUE_ABOVE_BYTES,
      signal
    })
    if (response.status < 200 || response.status > 299) {
      throwIfRedirect('put', entry.presigned_url, response)
      const words = this.serverWords(response)
      throw new HttpError(
        'put',
        response.status,
        words,
        `put to ${redactUrl(entry.presigned_url)} failed with HTTP ${response.status}: ${words}`,
        parseRetryAfter(response.headers['retry-after']),
        s3ErrorCode(response.body)
      )
    }
    return String(response.headers.etag ?? '')
  }

  /** Mode 2, step 3: register the uploaded object as an asset. */
  async confirmUpload(entry: PresignedEntry, fileSize: number, options: AssetCallOptions = {}): Promise<AssetReply> {
    const confirm: ConfirmRequest = {
      is_presigned: true,
      file_name: entry.file_name,
      storage_url: entry.storage_url,
      s3_path: entry.s3_path,
      content_type: entry.content_type,
      file_size: fileSize
    }
    const response = await this.callApi('confirm', {
      method: 'POST',
      url: this.options.baseUrl + UPLOAD_FILE_PATH,
      headers: { 'content-type': 'application/json', ...idempotencyHeader(options.idempotencyKey) },
      body: JSON.stringify(confirm),
      signal: options.signal
    })
    return assetReplyFrom('confirm', response)
  }

  close(): void {
    this.api.close()
    this.storage.close()
  }

  private async callApi(step: UploadStep, request: HttpRequest): Promise<HttpResponse> {
    request.headers['x-api-key'] = this.options.apiKey
    request.headers.accept = 'application/json'
    const response = await this.send(this.api, step, request)
    if (response.status >= 200 && response.status <= 299) return response
    throwIfRedirect(step, request.url, response)
    const words = this.serverWords(response)
    if (response.status === 401 || response.status === 403) {
      throw new AuthError(step, response.status, words, this.options.baseUrl)
    }
    throw new HttpError(
      step,
      response.status,
      words,
      `${step} failed with HTTP ${response.status}: ${words}`,
      parseRetryAfter(response.headers['retry-after'])
    )
  }

  private async send(transport: HttpTransport, step: UploadStep, request: HttpRequest): Promise<HttpResponse> {
    try {
      return await transport.send(request)
    } catch (error) {
      throw describeFailure(step, request, error)
    }
  }

  /**
   * A presigned URL is followed only as safely as the API was reached. The api key never goes
   * with it (only callApi sets x-api-key), but the file's bytes do, so an https API must not
   * hand them to plain http; and a presigned URL is signed in its query, so credentials in its
   * authority mean something rewrote it.
   */
  private checkPresignedUrl(step: UploadStep, entry: PresignedEntry): void {
    if (typeof entry?.presigned_url !== 'string') return // pairEntries names an incomplete entry
    // Parsing never fails on what follows a settled origin, nor changes the scheme, host or
    // credentials: a URL starting with one found safe is safe (two parses of a long URL per file).
    const origin = settledOrigin(entry.presigned_url)
    if (origin !== undefined && this.safeOrigins.has(origin)) return
    const problem = presignedUrlProblem(entry.presigned_url, this.options.baseUrl)
    if (problem === undefined) {
      if (origin !== undefined && this.safeOrigins.size < MAX_SAFE_ORIGINS) this.safeOrigins.add(origin)
      return
    }
    throw new InsecureUrlError(
      step,
      `generate answered a presigned URL for "${entry.file_name}" that ${problem}: ` +
        `${redactUrl(entry.presigned_url)} (query left out). Nothing was sent to it, and no other file was started. ` +
        'Check that base-url is the Netiks API itself and that nothing between rewrites its answers.'
    )
  }

  /** The server's own words, short and with anything secret taken out. */
  private serverWords(response: HttpResponse): string {
    return redactSecrets(describeServerError(response), this.options.apiKey)
  }
}

/** Errors whose own message says what happened better than their code alone. */
const SELF_DESCRIBED = new Set(['StallError', 'AnswerTimeoutError'])

function describeFailure(step: UploadStep, request: HttpRequest, error: unknown): Error {
  if (request.signal?.aborted) return new CancelledError()
  const url = request.url
  const code = errnoCode(error)
  if (code === 'EPROTO' && /wrong version number/i.test((error as Error).message)) {
    return new WrongSchemeError(
      step,
      `${step} failed: ${safeOrigin(url)} does not speak TLS (EPROTO, "wrong version number"): most likely ` +
        `a port that speaks plain http was given an https URL. ${step === 'put' ? WRONG_SCHEME_PUT : WRONG_SCHEME_API}`
    )
  }
  const proxy = (error as { proxy?: unknown }).proxy
  if (code !== undefined && typeof proxy === 'string') {
    return new NetworkError(
      step,
      code,
      `${step} failed: ${(error as Error).message}, on the way to ${safeOrigin(url)}. Check that the proxy is up ` +
        `and that the runner's ${url.startsWith('https:') ? 'https_proxy' : 'http_proxy'} (and no_proxy) setting is right.`,
      false,
      proxy
    )
  }
  if (code !== undefined) {
    const described = SELF_DESCRIBED.has((error as Error).name) || code === 'ECONNTIMEOUT'
    const reason = described ? `${(error as Error).message}, aborted` : code
    return new NetworkError(
      step,
      code,
      `${step} failed: network error (${reason}) talking to ${safeOrigin(url)}.`,
      requestSent(error)
    )
  }
  // Body errors (the file changed or vanished) keep their own message.
  if (isError(error)) return error
  return new NetworkError(step, 'UNKNOWN', `${step} failed: ${String(error)}`)
}

const WRONG_SCHEME_API =
  'Check base-url: use http:// for a plain-http server on this machine, or the port that serves https.'
const WRONG_SCHEME_PUT =
  'The API hands out https presigned URLs to a port that speaks plain http: check its storage settings.'

/** Redirect statuses: the answer names a Location, which is not followed. */
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * A redirect is not followed: the api key and the file go only where base-url (or the API, for a
 * presigned URL) says. The error names where it pointed, without its query (which may carry a
 * signature), as URL parsing writes it (no raw control character).
 */
function throwIfRedirect(step: UploadStep, url: string, response: HttpResponse): void {
  if (!REDIRECTS.has(response.status)) return
  const location = response.headers.location
  let where = 'nowhere (no Location header)'
  if (typeof location === 'string' && location !== '') {
    try {
      const target = new URL(location, url)
      where = `"${truncate(`${target.origin}${target.pathname}`)}"${target.search ? ' (query left out)' : ''}`
    } catch {
      where = 'a Location that is not a URL'
    }
  }
  const advice =
    step === 'put'
      ? 'The storage the API hands out presigned URLs for redirected the upload: a bucket in another region answers so.'
      : 'If the API has moved (or serves only https), set base-url to where it is now.'
  throw new RedirectError(
    step,
    response.status,
    `${step} was answered HTTP ${response.status}, a redirect to ${where}: redirects are not followed, so that ` +
      `the api key and the files go only where ${step === 'put' ? 'the API said' : 'base-url says'}. ${advice}`
  )
}

/**
 * Whether the whole request had been written (the transport says); when it cannot say, assume
 * it had: the server may have acted on it.
 */
function requestSent(error: unknown): boolean {
  const sent = (error as { requestSent?: unknown }).requestSent
  return typeof sent === 'boolean' ? sent : true
}

function parseJson<T>(step: UploadStep, response: HttpResponse): T {
  try {
    return JSON.parse(response.body) as T
  } catch {
    throw new ProtocolError(
      step,
      `${step} answered HTTP ${response.status} with a body that is not JSON: ` +
        truncate(redactSecrets(response.body.trim(), ''))
    )
  }
}

function assetReplyFrom(step: UploadStep, response: HttpResponse): AssetReply {
  const asset = assetFrom(step, parseJson<UploadFileResponse>(step, response))
  const replayed = String(response.headers['idempotent-replayed'] ?? '').toLowerCase() === 'true'
  return { asset, replayed }
}

/**
 * The IETF httpapi draft's header: the same key on every retry of one call lets a server that
 * supports it answer a repeat with the first result instead of registering a second asset.
 */
function idempotencyHeader(key: string | undefined): Record<string, string> {
  return key ? { 'idempotency-key': `"${key}"` } : {}
}

function assetFrom(step: UploadStep, response: UploadFileResponse): NetiksAsset {
  const asset = response?.asset
  if (asset === undefined || asset === null || typeof asset.id !== 'string' || asset.id === '') {
    throw new ProtocolError(step, `${step} answered without an asset id, so the upload is not confirmed.`)
  }
  return asset
}

/**
 * Reads the error formats the API and S3 use: DRF `{"detail": …}`, DRF field errors
 * `{"file": ["…"]}`, and S3's XML `<Error><Code>…</Code><Message>…</Message></Error>`.
 */
export function describeServerError(response: Pick<HttpResponse, 'body' | 'headers'>): string {
  const text = response.body.trim()
  if (text === '') return '(no response body)'
  const xmlCode = s3ErrorCode(text)
  if (xmlCode !== undefined) {
    // Ceph radosgw, for one, gives a code and no message.
    const xmlMessage = /<Message>([^<]*)<\/Message>/.exec(text)?.[1]?.trim()
    return truncate(xmlMessage ? `${xmlCode}: ${xmlMessage}` : `${xmlCode} (no message)`)
  }
  try {
    return truncate(describeJsonError(JSON.parse(text)))
  } catch {
    return truncate(text.replace(/\s+/g, ' '))
  }
}

/** S3's error code (`AccessDenied`, …) from an XML error body, if it is one. */
export function s3ErrorCode(body: string): string | undefined {
  const code = /<Error>[\s\S]*?<Code>([^<]*)<\/Code>/.exec(body)?.[1]?.trim()
  return code ? code : undefined
}

function describeJsonError(body: unknown): string {
  if (typeof body === 'string') return body
  if (Array.isArray(body)) return body.map(describeJsonError).join('; ')
  if (body !== null && typeof body === 'object') {
    const record = body as Record<string, unknown>
    if (typeof record.detail === 'string') return record.detail
    if (typeof record.message === 'string' && Object.keys(record).length === 1) return record.message
    return Object.entries(record)
      .map(([field, value]) => `${field}: ${describeJsonError(value)}`)
      .join('; ')
  }
  return JSON.stringify(body)
}

function truncate(text: string): string {
  return text.length > SERVER_WORDS_MAX_CHARS ? `${text.slice(0, SERVER_WORDS_MAX_CHARS)}…` : text
}

export function redactSecrets(text: string, apiKey: string): string {
  const withoutKey = apiKey ? text.split(apiKey).join('***') : text
  return withoutKey.replace(/(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"<]*/gi, '$1***')
}

/**
 * Why a presigned URL must not be followed from an API at `baseUrl`, or undefined when it may:
 * an https API's bytes never go over plain http, and no URL carries `user:password@`.
 */
export function presignedUrlProblem(url: string, baseUrl: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'is not a URL'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `is not an http or https URL (${parsed.protocol})`
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'carries credentials in its authority (user:password@host)'
  }
  if (parsed.protocol === 'http:' && isHttps(baseUrl)) {
    return "is plain http while base-url is https, so the file's bytes would travel unencrypted"
  }
  return undefined
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

/** A URL with its query string (the presigned signature) removed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return '(an unparseable URL)'
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(an unparseable URL)'
  }
}

/** Errors from Node's core can come from another realm (as under jest), so no instanceof. */
function isError(error: unknown): error is Error {
  return typeof error === 'object' && error !== null && typeof (error as Error).message === 'string'
}

function errnoCode(error: unknown): string | undefined {
  const code = isError(error) ? (error as NodeJS.ErrnoException).code : undefined
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined
}
