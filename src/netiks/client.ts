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
import { HttpTransport, TimeoutError, TransportError } from './http.js'
import type { HttpRequest, HttpResponse, HttpTransportOptions } from './http.js'
import { SLICE_BYTES, type MultipartBody, type StreamedBody } from './body.js'
import type { AssetReply, NetiksAsset, PresignedEntry } from './types.js'

const UPLOAD_FILE_PATH = '/api/v1/assets/developer-upload-file/'
const GENERATE_PRESIGNED_PATH = '/api/v1/assets/developer-generate-presigned-url/'

export interface AssetCallOptions {
  signal?: AbortSignal
  /** Sent as the Idempotency-Key header: one key per file and step, the same on every retry. */
  idempotencyKey?: string
}

export interface NetiksClientOptions extends HttpTransportOptions {
  baseUrl: string
  apiKey: string
}

const SERVER_WORDS_MAX_CHARS = 300

/**
 * Larger PUT bodies wait for `100 Continue`, as curl and the AWS SDKs do, so S3 refuses before the
 * body goes. A small body goes with its headers, saving a round trip; a refusal lost to a reset is retried.
 */
const EXPECT_CONTINUE_ABOVE_BYTES = SLICE_BYTES

/**
 * Quiet and reusable: logs nothing, and its typed errors never carry the api key or a presigned
 * URL's query string.
 */
export class NetiksClient {
  private readonly api: HttpTransport
  private readonly storage: HttpTransport

  constructor(private readonly options: NetiksClientOptions) {
    this.api = new HttpTransport(options)
    this.storage = new HttpTransport(options)
  }

  /** Mode 1: POST a multipart body; the server stores the file and returns the asset. */
  async uploadMultipart(body: Omit<MultipartBody, 'sha256'>, options: AssetCallOptions = {}): Promise<AssetReply> {
    const headers = { 'content-type': body.contentType, 'content-length': body.length }
    return await this.createAsset('upload', headers, body, options)
  }

  /** Mode 2, step 1: one presigned PUT URL per file, in the order asked. */
  async generatePresignedUrls(
    files: Array<{ name: string; type: string; size: number }>,
    signal?: AbortSignal
  ): Promise<PresignedEntry[]> {
    const response = await this.callApi('generate', {
      method: 'POST',
      url: this.options.baseUrl + GENERATE_PRESIGNED_PATH,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ files }),
      signal
    })
    const entries = parseJson<{ presigned_urls?: PresignedEntry[] }>('generate', response).presigned_urls
    if (!Array.isArray(entries)) throw new ProtocolError('generate', 'generate answered without a presigned_urls list.')
    for (const entry of entries) this.checkPresignedUrl('generate', entry)
    return entries
  }

  /** Mode 2, step 2: the URL exactly as the server wrote it, with exactly the content type it signed. */
  async putObject(entry: PresignedEntry, body: StreamedBody, signal?: AbortSignal): Promise<string> {
    // Checked at generate already; checked again here so that no caller can send bytes to one.
    this.checkPresignedUrl('put', entry)
    const url = entry.presigned_url
    const response = await this.send(this.storage, 'put', {
      method: 'PUT',
      url,
      headers: { 'content-type': entry.content_type, 'content-length': body.length },
      body,
      expectContinue: body.length > EXPECT_CONTINUE_ABOVE_BYTES,
      signal
    })
    if (response.status >= 200 && response.status <= 299) return String(response.headers.etag ?? '')
    throw this.answerError('put', url, response)
  }

  /** Mode 2, step 3: register the uploaded object as an asset. */
  async confirmUpload(entry: PresignedEntry, fileSize: number, options: AssetCallOptions = {}): Promise<AssetReply> {
    const { file_name, storage_url, s3_path, content_type } = entry
    const confirm = { is_presigned: true, file_name, storage_url, s3_path, content_type, file_size: fileSize }
    const headers = { 'content-type': 'application/json' }
    return await this.createAsset('confirm', headers, JSON.stringify(confirm), options)
  }

  close(): void {
    this.api.close()
    this.storage.close()
  }

  private async createAsset(
    step: UploadStep,
    headers: Record<string, string | number>,
    body: HttpRequest['body'],
    options: AssetCallOptions
  ): Promise<AssetReply> {
    // The IETF httpapi draft's header: the same key on every retry of one call lets a server that
    // supports it answer a repeat with the first result instead of registering a second asset.
    if (options.idempotencyKey) headers['idempotency-key'] = `"${options.idempotencyKey}"`
    const url = this.options.baseUrl + UPLOAD_FILE_PATH
    const response = await this.callApi(step, { method: 'POST', url, headers, body, signal: options.signal })
    const asset = parseJson<{ asset?: NetiksAsset } | null>(step, response)?.asset
    if (asset === undefined || asset === null || typeof asset.id !== 'string' || asset.id === '') {
      throw new ProtocolError(step, `${step} answered without an asset id, so the upload is not confirmed.`)
    }
    const replayed = String(response.headers['idempotent-replayed'] ?? '').toLowerCase() === 'true'
    return { asset, replayed }
  }

  private async callApi(step: UploadStep, request: HttpRequest): Promise<HttpResponse> {
    request.headers['x-api-key'] = this.options.apiKey
    request.headers.accept = 'application/json'
    const response = await this.send(this.api, step, request)
    if (response.status >= 200 && response.status <= 299) return response
    throw this.answerError(step, request.url, response)
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
    const problem = presignedUrlProblem(entry.presigned_url, this.options.baseUrl)
    if (problem === undefined) return
    throw new InsecureUrlError(
      step,
      `generate answered a presigned URL for "${entry.file_name}" that ${problem}: ` +
        `${redactUrl(entry.presigned_url)} (query left out). Nothing was sent to it, and no other file was started. ` +
        'Check that base-url is the Netiks API itself and that nothing between rewrites its answers.'
    )
  }

  /**
   * The error of an answer that is not a success, with the server's own words, short and with
   * anything secret taken out. A redirect is not followed: the api key and the file go only where
   * base-url (or the API, for a presigned URL) says.
   */
  private answerError(step: UploadStep, url: string, response: HttpResponse): HttpError {
    const { status, headers } = response
    const words = redactSecrets(describeServerError(response.body), this.options.apiKey)
    if (step !== 'put' && (status === 401 || status === 403)) {
      return new AuthError(step, status, words, this.options.baseUrl)
    }
    if (REDIRECTS.has(status)) return redirectError(step, status, headers.location, url)
    const to = step === 'put' ? ` to ${redactUrl(url)}` : ''
    const s3Code = step === 'put' ? s3ErrorCode(response.body) : undefined
    const message = `${step}${to} failed with HTTP ${status}: ${words}`
    return new HttpError(step, status, words, message, parseRetryAfter(headers['retry-after']), s3Code)
  }
}

function describeFailure(step: UploadStep, request: HttpRequest, error: unknown): Error {
  if (request.signal?.aborted) return new CancelledError()
  // Body errors (the file changed or vanished) keep their own message.
  if (!(error instanceof TransportError)) return error as Error
  const url = request.url
  if (error.code === 'EPROTO' && /wrong version number/i.test(error.message)) {
    return new WrongSchemeError(
      step,
      `${step} failed: ${safeOrigin(url)} does not speak TLS (EPROTO, "wrong version number"): most likely ` +
        `a port that speaks plain http was given an https URL. ${step === 'put' ? WRONG_SCHEME_PUT : WRONG_SCHEME_API}`
    )
  }
  if (error.proxy !== undefined) {
    return new NetworkError(
      step,
      error.code,
      `${step} failed: ${error.message}, on the way to ${safeOrigin(url)}. Check that the proxy is up ` +
        `and that the runner's ${url.startsWith('https:') ? 'https_proxy' : 'http_proxy'} (and no_proxy) setting is right.`,
      false,
      error.proxy
    )
  }
  const reason = error instanceof TimeoutError ? `${error.message}, aborted` : error.code
  return new NetworkError(
    step,
    error.code,
    `${step} failed: network error (${reason}) talking to ${safeOrigin(url)}.`,
    error.requestSent
  )
}

const WRONG_SCHEME_API =
  'Check base-url: use http:// for a plain-http server on this machine, or the port that serves https.'
const WRONG_SCHEME_PUT =
  'The API hands out https presigned URLs to a port that speaks plain http: check its storage settings.'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Names where a redirect pointed, without its query (which may carry a signature), as URL parsing writes it. */
function redirectError(step: UploadStep, status: number, location: string | undefined, url: string): RedirectError {
  const target = location ? URL.parse(location, url) : undefined
  const where =
    target === undefined
      ? 'nowhere (no Location header)'
      : target === null
        ? 'a Location that is not a URL'
        : `"${truncate(`${target.origin}${target.pathname}`)}"${target.search ? ' (query left out)' : ''}`
  const advice =
    step === 'put'
      ? 'The storage the API hands out presigned URLs for redirected the upload: a bucket in another region answers so.'
      : 'If the API has moved (or serves only https), set base-url to where it is now.'
  return new RedirectError(
    step,
    status,
    `${step} was answered HTTP ${status}, a redirect to ${where}: redirects are not followed, so that ` +
      `the api key and the files go only where ${step === 'put' ? 'the API said' : 'base-url says'}. ${advice}`
  )
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

/**
 * Reads the error formats the API and S3 use: DRF `{"detail": …}`, DRF field errors
 * `{"file": ["…"]}`, and S3's XML `<Error><Code>…</Code><Message>…</Message></Error>`.
 */
function describeServerError(body: string): string {
  const text = body.trim()
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

function s3ErrorCode(body: string): string | undefined {
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

function redactSecrets(text: string, apiKey: string): string {
  const withoutKey = apiKey ? text.split(apiKey).join('***') : text
  return withoutKey.replace(/(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"<]*/gi, '$1***')
}

/**
 * Why a presigned URL must not be followed from an API at `baseUrl`, or undefined when it may:
 * an https API's bytes never go over plain http, and no URL carries `user:password@`.
 */
function presignedUrlProblem(url: string, baseUrl: string): string | undefined {
  const parsed = URL.parse(url)
  if (parsed === null) return 'is not a URL'
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `is not an http or https URL (${parsed.protocol})`
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'carries credentials in its authority (user:password@host)'
  }
  if (parsed.protocol === 'http:' && URL.parse(baseUrl)?.protocol === 'https:') {
    return "is plain http while base-url is https, so the file's bytes would travel unencrypted"
  }
  return undefined
}

/** A URL with its query string (the presigned signature) removed. */
function redactUrl(url: string): string {
  const parsed = URL.parse(url)
  return parsed === null ? UNPARSEABLE : `${parsed.origin}${parsed.pathname}`
}

function safeOrigin(url: string): string {
  return URL.parse(url)?.origin ?? UNPARSEABLE
}

const UNPARSEABLE = '(an unparseable URL)'
