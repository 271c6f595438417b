import { randomBytes, randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { ExternalS3, type ExternalS3Options } from './external-s3.js'
import type { Readable } from 'node:stream'
import { MultipartCrashError, MultipartParseError, readDjangoMultipart } from './django-multipart.js'
import {
  DEFAULT_FAULTS,
  FaultInjector,
  describeFaults,
  strikesAfterEffect,
  type FaultKind,
  type FaultOptions
} from './faults.js'
import { PresignedUrlSigner, encodeKey } from './signer.js'
import { EmulatorStore, type AssetRecord, type ReceivedBody, type StoredObject } from './store.js'
import { EMULATOR_API_KEY, STATE_PATH, type S3Dialect } from './constants.js'

export { EMULATOR_API_KEY, S3_DIALECTS, STATE_PATH, type S3Dialect } from './constants.js'

export const UPLOAD_FILE_PATH = '/api/v1/assets/developer-upload-file/'
export const GENERATE_PRESIGNED_PATH = '/api/v1/assets/developer-generate-presigned-url/'
const BUCKET = 'netiks-emulator'
const STORAGE_PREFIX = '/storage/'
const MAX_PUT_BYTES = 5 * 1024 * 1024 * 1024
const MAX_JSON_BYTES = 1024 * 1024

export interface EmulatorOptions {
  /** Loopback by default; the emulator is for local use. */
  host?: string
  /** 0 (default) picks a free port. */
  port?: number
  apiKeys?: string[]
  /** Lifetime of presigned URLs; 900 s, like Netiks. */
  urlTtlSeconds?: number
  /** Most files one generate call accepts. */
  maxBatch?: number
  /** Where bytes are kept; a fresh temp dir (removed on close) by default. */
  dataDir?: string
  /**
   * The host name to write into URLs instead of the listening address, for clients that reach
   * the emulator through a proxy which resolves that name (the name itself is never looked up).
   */
  publicHost?: string
  /** Seeded fault injection (see faults.ts); none by default. */
  faults?: Partial<FaultOptions>
  /** The first N generate calls hand out URLs that expired before they were issued. */
  expiredBatches?: number
  /** File names whose PUT or single upload always fails with a 500. */
  alwaysFail?: string[]
  /** Every API and S3 request waits this long before it is handled (unless the client left). */
  latencyMs?: number
  /** Receives request bodies no faster than this, as a slower network would. */
  throttleBytesPerSecond?: number
  /**
   * Refuse a PUT as S3 does when the URL or headers already decide it (signature, expiry,
   * unknown key, no Content-Length, over 5 GiB, and the `expired` fault): answer at once with
   * `Connection: close`, read none of the body, and close the connection once the answer is
   * out, so a client still sending gets EPIPE or ECONNRESET unless it reads while it writes.
   * Off (the default), the body is read and dropped first, then the refusal is answered.
   */
  s3EarlyAnswer?: boolean
  /** Whose words an expired presigned URL gets: AWS S3's (the default) or Ceph radosgw's. */
  s3Dialect?: S3Dialect
  /**
   * Honour an `Idempotency-Key` header on single uploads and confirms (per API key): a repeat
   * is answered with the first answer and `Idempotent-Replayed: true`. Off by default: the real
   * Netiks API publishes no such support.
   */
  idempotency?: boolean
  /** One line per request, for the CLI. */
  log?: (line: string) => void
  /**
   * A real S3 to presign for instead of the emulator's own: PUTs go there, and confirm HEADs
   * the object there. `expiredBatches` still works (URLs signed in the past); faults on `put`
   * and `alwaysFail` do not, since the emulator does not see the PUTs.
   */
  externalS3?: ExternalS3Options
}

/** When a request arrived and when its answer was finished, in epoch milliseconds. */
export interface TimelineEntry {
  endpoint: Endpoint
  start: number
  end: number
  /** 0 when no answer was sent (the connection was reset or dropped). */
  status: number
  /** Bytes read off the connection between the request's headers and its end. */
  bytesRead: number
}

export type Endpoint = 'upload' | 'generate' | 'put' | 'confirm' | 'other'

export interface EmulatorState {
  assets: AssetRecord[]
  objects: Array<Omit<StoredObject, 'diskPath'> & { sha256: string }>
  requests: Record<Endpoint, number>
  confirmations: Record<string, number>
  /** Faults injected, per endpoint and kind. */
  faults: ReturnType<FaultInjector['summary']>
  /** The X-Amz-Signature of every presigned URL handed out, so tests can look for leaks. */
  signatures: string[]
  /** With `idempotency` on: repeats answered from a stored answer, 409s and 422s. */
  idempotency: { replayed: number; conflicts: number; mismatches: number }
}

export interface Emulator {
  /** Base URL to give the action as `base-url`. */
  url: string
  port: number
  apiKey: string
  store: EmulatorStore
  /** The fault settings in force, as a spec string; empty when none are injected. */
  faultSpec: string
  state(): EmulatorState
  /** Path on disk of the bytes behind an asset. */
  assetDiskPath(asset: AssetRecord): string
  /** Every API and S3 request served since the start (or the last reset), in order of arrival. */
  timeline(): TimelineEntry[]
  /** Forgets every object, asset, count and timeline entry, and frees the disk they used. */
  reset(): Promise<void>
  close(): Promise<void>
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`HTTP ${status}`)
  }
}

/** An answer with a body of its own, like a gateway's HTML error page. */
class RawError extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly body: string
  ) {
    super(`HTTP ${status}`)
  }
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly s3Message: string,
    readonly reason: {
      /** Decided from the URL and headers alone, before any of the body. */
      beforeBody?: boolean
      /** The URL expired: the dialect decides the words. */
      expired?: boolean
      /** Refused without reading the body whatever the mode (no one drains 5 GiB to say no). */
      neverRead?: boolean
    } = {}
  ) {
    super(`${code}: ${s3Message}`)
  }
}

/** A successful answer, held until faults have had their say. */
interface Reply {
  status: number
  headers: http.OutgoingHttpHeaders
  body: string
}

/** One request and its answer, and whether the client still waits for `100 Continue`. */
interface Exchange {
  endpoint: Endpoint
  req: http.IncomingMessage
  res: http.ServerResponse
  awaitingContinue: boolean
}

type Outcome = { reply: Reply | undefined } | { error: unknown }

/** What a keyed request is remembered as: being processed, or answered. */
type IdempotentEntry = { state: 'processing' } | { state: 'done'; fingerprint: string; reply: Reply }

interface UploadInput {
  fileName: string
  contentType: string
  body: ReceivedBody
}

/**
 * A Netiks-compatible server (API and S3 side): the state the routes share, and a method per
 * route and per concern (faults, idempotency, errors). `startEmulator` starts one on loopback.
 */
class EmulatorServer {
  readonly signer = new PresignedUrlSigner()
  readonly externalS3: ExternalS3 | undefined
  readonly apiKeys: Set<string>
  readonly urlTtlSeconds: number
  readonly maxBatch: number
  readonly s3Dialect: S3Dialect
  readonly requests: Record<Endpoint, number> = { upload: 0, generate: 0, put: 0, confirm: 0, other: 0 }
  readonly faults: FaultInjector
  readonly alwaysFail: Set<string>
  readonly signatures: string[] = []
  readonly idempotent = new Map<string, IdempotentEntry>()
  readonly idempotency = { replayed: 0, conflicts: 0, mismatches: 0 }
  readonly server: http.Server
  generateCalls = 0
  origin = ''
  timeline: TimelineEntry[] = []

  constructor(
    readonly options: EmulatorOptions,
    readonly store: EmulatorStore
  ) {
    this.externalS3 = options.externalS3 ? new ExternalS3(options.externalS3) : undefined
    this.apiKeys = new Set(options.apiKeys ?? [EMULATOR_API_KEY])
    this.urlTtlSeconds = options.urlTtlSeconds ?? 900
    this.maxBatch = options.maxBatch ?? 100
    this.s3Dialect = options.s3Dialect ?? 'aws'
    this.faults = new FaultInjector({ ...DEFAULT_FAULTS, ...options.faults })
    this.alwaysFail = new Set(options.alwaysFail ?? [])
    this.server = http.createServer({ requestTimeout: 0 }, this.receive(false))
    this.server.on('checkContinue', this.receive(true))
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve())
    })
    const address = this.server.address() as AddressInfo
    const listening = address.family === 'IPv6' ? `[${address.address}]` : address.address
    this.origin = `http://${this.options.publicHost ?? listening}:${address.port}`
  }

  /** What tests and the CLI hold: the address, the state, and reset and close. */
  asEmulator(): Emulator {
    const { store } = this
    return {
      url: this.origin,
      port: (this.server.address() as AddressInfo).port,
      apiKey: [...this.apiKeys][0],
      store,
      faultSpec: describeFaults(this.faults.options),
      state: () => this.state(),
      assetDiskPath: asset => {
        const object = store.objects.get(asset.s3_path)
        if (object === undefined) throw new Error(`no object behind asset ${asset.id}`)
        return object.diskPath
      },
      timeline: () => [...this.timeline].sort((a, b) => a.start - b.start),
      reset: async () => await this.reset(),
      close: async () => {
        this.server.closeAllConnections()
        await new Promise<void>(resolve => this.server.close(() => resolve()))
        await store.close()
      }
    }
  }

  private async reset(): Promise<void> {
    await this.store.reset()
    this.timeline = []
    this.signatures.length = 0
    this.generateCalls = 0
    this.idempotent.clear()
    Object.assign(this.idempotency, { replayed: 0, conflicts: 0, mismatches: 0 })
    for (const endpoint of Object.keys(this.requests) as Endpoint[]) this.requests[endpoint] = 0
  }
  /**
   * Every request comes here, whether Node hands it over as a 'request' or, for one sent with
   * `Expect: 100-continue`, as a 'checkContinue' (then nothing is sent until a handler decides).
   */
  private receive(awaitingContinue: boolean): http.RequestListener {
    return (req, res) => {
      const endpoint = classify(req)
      const start = epochMs()
      const readBefore = req.socket.bytesRead
      this.requests[endpoint]++
      res.on('close', () => {
        if (endpoint === 'other') return
        const status = res.headersSent ? res.statusCode : 0
        this.timeline.push({ endpoint, start, end: epochMs(), status, bytesRead: req.socket.bytesRead - readBefore })
      })
      res.on('finish', () =>
        this.options.log?.(`${req.method} ${(req.url ?? '').split('?')[0]} → ${res.statusCode} (${endpoint})`)
      )
      const exchange: Exchange = { endpoint, req, res, awaitingContinue }
      this.serve(exchange)
        .catch(error => this.answerError(exchange, error))
        .catch(() => res.destroy())
    }
  }

  /** Latency first; then a fault strikes before the request takes effect, or after. */
  private async serve(ex: Exchange): Promise<void> {
    if (ex.endpoint !== 'other' && this.options.latencyMs) {
      await delay(this.options.latencyMs)
      if (ex.req.socket.destroyed) return
    }
    const fault = this.faults.pick(ex.endpoint)
    if (fault !== undefined && !strikesAfterEffect(fault)) return await this.injectFault(fault, ex)
    const outcome: Outcome = await this.handle(ex).then(
      reply => ({ reply }),
      (error: unknown) => ({ error })
    )
    if (fault === undefined) return await this.deliver(ex, outcome)
    return await this.spoilAnswer(fault, ex, outcome)
  }

  private async injectFault(kind: FaultKind, ex: Exchange): Promise<void> {
    const s3 = ex.endpoint === 'put'
    switch (kind) {
      case 'reset':
        ex.req.socket.resetAndDestroy()
        return
      case 'slow':
        await delay(this.faults.options.slowMs)
        ex.req.socket.destroy()
        return
      case 'expired':
        throw this.expiredError()
      case '429': {
        const seconds = this.faults.options.retryAfterSeconds
        ex.res.setHeader('Retry-After', String(seconds))
        throw s3
          ? new S3Error(429, 'SlowDown', 'Please reduce your request rate.')
          : new ApiError(429, { detail: `Request was throttled. Expected available in ${seconds} seconds.` })
      }
      case '500':
        throw serverError(ex.endpoint)
      case '502':
        throw new RawError(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>')
      case '503':
        throw s3
          ? new S3Error(503, 'ServiceUnavailable', 'Please reduce your request rate.')
          : new ApiError(503, { detail: 'Service temporarily unavailable, try again later.' })
      default:
        throw new Error(`fault ${kind} strikes after the request, not before`)
    }
  }

  /** The request took effect (or failed on its own); now its answer is lost, late or a 500. */
  private async spoilAnswer(kind: FaultKind, ex: Exchange, outcome: Outcome): Promise<void> {
    switch (kind) {
      case 'lost-reply':
        ex.req.socket.resetAndDestroy()
        return
      case 'late-reply':
        await delay(this.faults.options.lateMs)
        // A client that gave up has closed the connection: there is no one left to answer.
        if (ex.req.socket.destroyed || ex.res.destroyed) return
        return await this.deliver(ex, outcome)
      case 'commit-then-500':
        return await this.deliver(ex, { error: serverError(ex.endpoint) })
      case 'forged-id':
      case 'forged-size':
      case 'forged-name':
        return await this.deliver(ex, 'reply' in outcome ? { reply: forgedAnswer(kind, outcome.reply) } : outcome)
      default:
        throw new Error(`fault ${kind} strikes before the request, not after`)
    }
  }

  private async deliver(ex: Exchange, outcome: Outcome): Promise<void> {
    if ('error' in outcome) return await this.answerError(ex, outcome.error)
    if (outcome.reply !== undefined) send(ex.res, outcome.reply)
  }

  /** A successful answer, or undefined when the handler answered itself (a streamed GET). */
  private async handle(ex: Exchange): Promise<Reply | undefined> {
    switch (ex.endpoint) {
      case 'upload':
        this.checkApiKey(ex.req)
        return await this.idempotently(
          ex,
          async ex => await this.readUpload(ex),
          input => this.fingerprintUpload(input),
          async input => await this.commitUpload(input),
          async input => await this.releaseUpload(input)
        )
      case 'confirm':
        this.checkApiKey(ex.req)
        return await this.idempotently(
          ex,
          async ex => await this.readConfirm(ex),
          body => this.fingerprintConfirm(body),
          async body => await this.commitConfirm(body),
          async () => undefined
        )
      case 'generate':
        this.checkApiKey(ex.req)
        return await this.handleGenerate(ex)
      case 'put':
        return await this.handlePut(ex)
      default:
        return await this.handleOther(ex)
    }
  }

  private checkApiKey(req: http.IncomingMessage): void {
    const key = req.headers['x-api-key']
    if (key === undefined || key === '') {
      throw new ApiError(401, { detail: 'Authentication credentials were not provided.' })
    }
    if (typeof key !== 'string' || !this.apiKeys.has(key)) {
      throw new ApiError(401, { detail: 'Invalid API key.' })
    }
  }

  /** A client sent `Expect: 100-continue` and the request has passed every check made without its body. */
  private continueIfAwaited(ex: Exchange): void {
    if (!ex.awaitingContinue) return
    ex.awaitingContinue = false
    ex.res.writeContinue()
  }

  /**
   * Runs an asset-creating request: read it, then commit it. With `this.idempotency` on and an
   * `Idempotency-Key` sent, a key seen before (for this API key) is answered from memory: 409
   * while its first request is still being processed, 422 when this request differs from that
   * one, and otherwise that request's answer again, with `Idempotent-Replayed: true`. Only
   * a success is remembered, so a request that failed can be retried with the same key.
   */
  private async idempotently<T>(
    ex: Exchange,
    read: (ex: Exchange) => Promise<T>,
    fingerprint: (input: T) => string,
    commit: (input: T) => Promise<Reply>,
    release: (input: T) => Promise<void>
  ): Promise<Reply> {
    const header = ex.req.headers['idempotency-key']
    if (!this.options.idempotency || typeof header !== 'string' || header === '') return await commit(await read(ex))
    const key = `${String(ex.req.headers['x-api-key'])}\u0000${header}`
    const seen = this.idempotent.get(key)
    if (seen?.state === 'processing') {
      this.idempotency.conflicts++
      throw new ApiError(409, { detail: 'A request with this Idempotency-Key is being processed.' })
    }
    if (seen === undefined) this.idempotent.set(key, { state: 'processing' })
    let input: T
    try {
      input = await read(ex)
    } catch (error) {
      if (seen === undefined) this.idempotent.delete(key)
      throw error
    }
    if (seen !== undefined) {
      await release(input)
      if (fingerprint(input) !== seen.fingerprint) {
        this.idempotency.mismatches++
        throw new ApiError(422, { detail: 'Idempotency-Key reused with a different request.' })
      }
      this.idempotency.replayed++
      return { ...seen.reply, headers: { ...seen.reply.headers, 'Idempotent-Replayed': 'true' } }
    }
    try {
      const reply = await commit(input)
      this.idempotent.set(key, { state: 'done', fingerprint: fingerprint(input), reply })
      return reply
    } catch (error) {
      this.idempotent.delete(key)
      throw error
    }
  }

  /** The `file` field of a multipart body, named as Django names it, on disk. */
  private async readUpload(ex: Exchange): Promise<UploadInput> {
    this.continueIfAwaited(ex)
    let form: Awaited<ReturnType<typeof readDjangoMultipart<ReceivedBody | undefined>>>
    try {
      form = await readDjangoMultipart<ReceivedBody | undefined>(
        ex.req,
        String(ex.req.headers['content-type'] ?? ''),
        async (file, stream) =>
          file.fieldName === 'file'
            ? await this.store.receive(stream, {
                bytesPerSecond: this.options.throttleBytesPerSecond,
                expectedBytes: Number(ex.req.headers['content-length'] ?? 0) || undefined
              })
            : await dropStream(stream),
        async received => {
          if (received !== undefined) await this.store.discard(received.diskPath)
        }
      )
    } catch (error) {
      if (error instanceof MultipartParseError) {
        throw new ApiError(400, { detail: `Multipart form parse error - ${error.message}` })
      }
      if (error instanceof MultipartCrashError) throw serverError('upload')
      throw error
    }
    const files = form.files.flatMap(file => (file.received === undefined ? [] : [{ ...file, body: file.received }]))
    // DRF's request.data['file'] is the last file of that field; the others go unused.
    const chosen = files.pop()
    await Promise.all(files.map(file => this.store.discard(file.body.diskPath)))
    if (chosen === undefined) {
      // A part with `filename=""` is a form field to Django, so DRF finds text where a file should be.
      throw new ApiError(400, {
        file: [
          form.fields.has('file')
            ? 'The submitted data was not a file. Check the encoding type on the form.'
            : 'No file was submitted.'
        ]
      })
    }
    return {
      fileName: chosen.fileName,
      contentType: chosen.contentType || 'application/octet-stream',
      body: chosen.body
    }
  }

  private fingerprintUpload(input: UploadInput): string {
    return JSON.stringify(['upload', input.fileName, input.body.size])
  }

  private async commitUpload(input: UploadInput): Promise<Reply> {
    if (this.alwaysFail.has(input.fileName)) {
      await this.store.discard(input.body.diskPath)
      throw serverError('upload')
    }
    const key = `developer-uploads/${randomUUID()}/${safeName(input.fileName)}`
    const object = await this.store.putObject(key, input.body, input.contentType)
    const asset = this.store.addAsset(object, input.fileName, this.storageUrlFor(key), 'single')
    return jsonReply(201, { message: 'File uploaded successfully.', asset: assetResponse(asset) })
  }

  private async releaseUpload(input: UploadInput): Promise<void> {
    await this.store.discard(input.body.diskPath)
  }

  private async handleGenerate(ex: Exchange): Promise<Reply> {
    this.continueIfAwaited(ex)
    const body = await readJson(ex.req)
    const files = (body as { files?: unknown }).files
    if (!Array.isArray(files) || files.length === 0) {
      throw new ApiError(400, { files: ['This field is required and must be a non-empty list.'] })
    }
    if (files.length > this.maxBatch) {
      throw new ApiError(400, { files: [`Ensure this field has no more than ${this.maxBatch} elements.`] })
    }
    const fieldErrors = files.map(validatePresignFile)
    if (fieldErrors.some(errors => Object.keys(errors).length > 0)) {
      throw new ApiError(400, { files: fieldErrors })
    }
    this.generateCalls++
    const expired = this.generateCalls <= (this.options.expiredBatches ?? 0)
    const now = new Date(Date.now() - (expired ? (this.urlTtlSeconds + 60) * 1000 : 0))
    const host = new URL(this.origin).host
    const presigned_urls = []
    for (const file of files as Array<{ name: string; type?: string; size: number }>) {
      const contentType = file.type || 'application/octet-stream'
      const key = `developer-uploads/${randomUUID()}/${safeName(file.name)}`
      const presignedUrl = this.externalS3
        ? await this.externalS3.presignPut({ key, contentType, expiresInSeconds: this.urlTtlSeconds, now })
        : await this.signer.presignPut({
            host,
            encodedPath: `/${BUCKET}/${encodeKey(key)}`,
            contentType,
            expiresInSeconds: this.urlTtlSeconds,
            now
          })
      this.signatures.push(new URL(presignedUrl).searchParams.get('X-Amz-Signature') ?? '')
      this.store.issued.set(key, {
        s3Path: key,
        fileName: file.name,
        storageUrl: this.storageUrlFor(key),
        contentType,
        declaredSize: file.size
      })
      presigned_urls.push({
        file_name: file.name,
        presigned_url: presignedUrl,
        storage_url: this.storageUrlFor(key),
        s3_path: key,
        content_type: contentType
      })
    }
    return jsonReply(200, { presigned_urls })
  }

  /**
   * S3's order: everything the URL and headers decide is checked before `100 Continue` and
   * before any of the body is read; then the body; then what only the body can tell.
   */
  private async handlePut(ex: Exchange): Promise<Reply> {
    const { req } = ex
    const [rawPath, rawQuery = ''] = (req.url ?? '').split(/\?(.*)/s)
    const problem = await this.signer.check({
      method: 'PUT',
      rawPath,
      query: new URLSearchParams(rawQuery),
      headers: req.headers,
      now: new Date()
    })
    if (problem?.expired) throw this.expiredError()
    if (problem) throw new S3Error(problem.status, problem.code, problem.message, { beforeBody: true })
    const key = decodeKey(rawPath.slice(`/${BUCKET}/`.length))
    const issued = this.store.issued.get(key)
    if (issued === undefined) throw new S3Error(403, 'AccessDenied', 'Access Denied', { beforeBody: true })
    const length = req.headers['content-length']
    if (length === undefined || req.headers['transfer-encoding'] !== undefined) {
      throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', {
        beforeBody: true
      })
    }
    const declared = Number(length)
    if (declared > MAX_PUT_BYTES) {
      throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
        beforeBody: true,
        neverRead: true
      })
    }
    this.continueIfAwaited(ex)
    if (this.alwaysFail.has(issued.fileName)) {
      throw new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
    }
    const contentMd5 = req.headers['content-md5']
    const body = await this.store.receive(req, {
      md5: typeof contentMd5 === 'string',
      bytesPerSecond: this.options.throttleBytesPerSecond,
      expectedBytes: declared
    })
    if (body.size !== declared) {
      await this.store.discard(body.diskPath)
      throw new S3Error(
        400,
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header'
      )
    }
    if (typeof contentMd5 === 'string' && contentMd5 !== body.md5) {
      await this.store.discard(body.diskPath)
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.')
    }
    const object = await this.store.putObject(key, body, String(req.headers['content-type'] ?? ''))
    return { status: 200, headers: { ETag: `"${object.etag}"` }, body: '' }
  }

  private async readConfirm(ex: Exchange): Promise<Record<string, unknown>> {
    this.continueIfAwaited(ex)
    return (await readJson(ex.req)) as Record<string, unknown>
  }

  private fingerprintConfirm(body: Record<string, unknown>): string {
    return JSON.stringify(['confirm', canonical(body)])
  }

  private async commitConfirm(body: Record<string, unknown>): Promise<Reply> {
    if (body.is_presigned !== true) {
      throw new ApiError(400, { file: ['No file was submitted.'] })
    }
    const errors: Record<string, string[]> = {}
    for (const field of ['file_name', 's3_path', 'storage_url']) {
      if (typeof body[field] !== 'string' || body[field] === '') errors[field] = ['This field is required.']
    }
    if (!Number.isInteger(body.file_size) || (body.file_size as number) < 0) {
      errors.file_size = ['A valid non-negative integer is required.']
    }
    if (Object.keys(errors).length > 0) throw new ApiError(400, errors)
    const s3Path = body.s3_path as string
    const issued = this.store.issued.get(s3Path)
    if (issued === undefined) {
      throw new ApiError(400, { s3_path: ['No presigned URL was generated for this path.'] })
    }
    const object = this.externalS3 ? await this.externalS3.head(s3Path) : this.store.objects.get(s3Path)
    if (object === undefined) {
      throw new ApiError(400, { s3_path: ['No uploaded file was found at this path. PUT the file before confirming.'] })
    }
    if (object.size !== body.file_size) {
      throw new ApiError(400, {
        file_size: [`The uploaded file has ${object.size} bytes, not ${String(body.file_size)}.`]
      })
    }
    const asset = this.store.addAsset(object, issued.fileName, issued.storageUrl, 'presigned')
    return jsonReply(201, { message: 'File uploaded successfully.', asset: assetResponse(asset) })
  }

  private async handleOther(ex: Exchange): Promise<Reply | undefined> {
    const { req, res } = ex
    const urlPath = (req.url ?? '').split('?')[0]
    if (req.method === 'GET' && urlPath === STATE_PATH) return jsonReply(200, this.state())
    if (req.method === 'GET' && urlPath.startsWith(STORAGE_PREFIX)) {
      const object = this.store.objects.get(decodeKey(urlPath.slice(STORAGE_PREFIX.length)))
      if (object !== undefined) {
        res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': object.size })
        this.store.readObject(object).pipe(res)
        return undefined
      }
    }
    throw new ApiError(404, { detail: 'Not found.' })
  }

  /** AWS S3's or radosgw's words for an expired URL; decided before the body, as S3 decides it. */
  private expiredError(): S3Error {
    return new S3Error(403, 'AccessDenied', this.s3Dialect === 'radosgw' ? '' : 'Request has expired', {
      beforeBody: true,
      expired: true
    })
  }

  /**
   * Answers an error. A client still waiting for `100 Continue` sends no body: it gets the
   * answer at once. A refusal S3 makes from the URL and headers is answered at once in early-
   * answer mode (and a body over 5 GiB always is): nothing of the body is read, and the
   * connection is closed once the answer is out. Otherwise a body not yet read is read to its
   * end and dropped first, so a client that only reads once it has sent everything still gets
   * the answer; the connection is closed after such an answer all the same.
   */
  private async answerError(ex: Exchange, error: unknown): Promise<void> {
    const { req, res } = ex
    if (res.headersSent) {
      res.destroy()
      return
    }
    const reply = this.errorReply(error)
    if (!req.complete) {
      reply.headers.Connection = 'close'
      if (ex.awaitingContinue) return send(res, reply)
      if (
        error instanceof S3Error &&
        (error.reason.neverRead || (error.reason.beforeBody && this.options.s3EarlyAnswer))
      ) {
        res.once('finish', () => req.socket.destroy())
        return send(res, reply)
      }
      await drain(req)
      if (req.socket.destroyed) return
    }
    send(res, reply)
  }

  private errorReply(error: unknown): Reply {
    if (error instanceof S3Error) {
      const xml = error.reason.expired && this.s3Dialect === 'radosgw' ? radosgwErrorXml(error) : awsErrorXml(error)
      return { status: error.status, headers: { 'Content-Type': 'application/xml' }, body: xml }
    }
    if (error instanceof ApiError) return jsonReply(error.status, error.body)
    if (error instanceof RawError) {
      return { status: error.status, headers: { 'Content-Type': error.contentType }, body: error.body }
    }
    return jsonReply(500, { detail: 'A server error occurred.' })
  }

  private storageUrlFor(key: string): string {
    return this.externalS3?.objectUrl(key) ?? `${this.origin}${STORAGE_PREFIX}${encodeKey(key)}`
  }

  state(): EmulatorState {
    return {
      assets: this.store.assets.map(asset => ({ ...asset, sha256: this.store.sha256Of(asset.s3_path) })),
      objects: [...this.store.objects.values()].map(({ diskPath: _diskPath, ...rest }) => ({
        ...rest,
        sha256: this.store.sha256Of(rest.key)
      })),
      requests: { ...this.requests },
      confirmations: Object.fromEntries(this.store.confirmations),
      faults: this.faults.summary(),
      signatures: [...this.signatures],
      idempotency: { ...this.idempotency }
    }
  }
}

/** Starts a Netiks-compatible server (API and S3 side) on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new EmulatorServer(options, await EmulatorStore.open(options.dataDir))
  await emulator.listen()
  return emulator.asEmulator()
}

function classify(req: http.IncomingMessage): Endpoint {
  const urlPath = (req.url ?? '').split('?')[0]
  if (req.method === 'PUT' && urlPath.startsWith(`/${BUCKET}/`)) return 'put'
  if (req.method !== 'POST') return 'other'
  if (urlPath === GENERATE_PRESIGNED_PATH) return 'generate'
  if (urlPath !== UPLOAD_FILE_PATH) return 'other'
  const type = String(req.headers['content-type'] ?? '').toLowerCase()
  return type.startsWith('multipart/form-data') ? 'upload' : 'confirm'
}

function validatePresignFile(file: unknown): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const record = (file ?? {}) as Record<string, unknown>
  if (typeof record.name !== 'string' || record.name.trim() === '') errors.name = ['This field is required.']
  if (!Number.isInteger(record.size) || (record.size as number) < 0) {
    errors.size = ['A valid non-negative integer is required.']
  }
  if (record.type !== undefined && typeof record.type !== 'string') errors.type = ['Not a valid string.']
  return errors
}

/** The server's own failure, in the words of the side that failed. */
function serverError(endpoint: Endpoint): Error {
  return endpoint === 'put'
    ? new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
    : new ApiError(500, { detail: 'A server error occurred.' })
}

/**
 * Reads a JSON object body. Too large a body is still read to its end before the 413 (breaking
 * off would destroy the request, and the connection the answer goes back on).
 */
async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, { detail: `Unsupported media type "${type}" in request.` })
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= MAX_JSON_BYTES) chunks.push(chunk)
  }
  if (size > MAX_JSON_BYTES) throw new ApiError(413, { detail: 'Request body too large.' })
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
    return parsed
  } catch (error) {
    throw new ApiError(400, { detail: `JSON parse error - ${(error as Error).message}` })
  }
}

/** JSON with object keys sorted, so two equal bodies compare equal whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, canonical(item)])
  )
}

function assetResponse(asset: AssetRecord): Record<string, unknown> {
  return {
    id: asset.id,
    asset_name: asset.asset_name,
    storage_url: asset.storage_url,
    location: null,
    location_name: null,
    format: asset.format,
    file_size: asset.file_size,
    dimensions: null,
    access: 'private',
    created_by: 'developer-api',
    last_updated_by: 'developer-api',
    created_at: asset.created_at,
    last_updated: asset.created_at
  }
}

/** A created asset's answer with one field forged (see FORGED_ANSWER_KINDS); any other answer as it is. */
function forgedAnswer(kind: FaultKind, reply: Reply | undefined): Reply | undefined {
  if (reply === undefined || reply.status !== 201) return reply
  const body = JSON.parse(reply.body) as { asset: Record<string, unknown> }
  const { asset } = body
  if (kind === 'forged-id') asset.id = `${String(asset.id)}\n::error::forged`
  if (kind === 'forged-size') asset.file_size = Number(asset.file_size) + 1
  if (kind === 'forged-name') asset.asset_name = `${String(asset.asset_name)}\n::error::forged`
  return { ...reply, body: JSON.stringify(body) }
}

function jsonReply(status: number, body: unknown): Reply {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
}

function send(res: http.ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) })
  res.end(reply.body)
}

function awsErrorXml(error: S3Error): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${escapeXml(error.s3Message)}</Message>` +
    `<RequestId>${randomUUID()}</RequestId></Error>`
  )
}

/** As Ceph radosgw (Debian bookworm's 16.2) writes it: no Message element when it has none. */
function radosgwErrorXml(error: S3Error): string {
  const transaction = `tx00000${randomBytes(8).toString('hex')}-${Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')}-1a2b-default`
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<Error><Code>${error.code}</Code>` +
    (error.s3Message ? `<Message>${escapeXml(error.s3Message)}</Message>` : '') +
    `<BucketName>${BUCKET}</BucketName><RequestId>${transaction}</RequestId>` +
    '<HostId>1a2b-default-default</HostId></Error>'
  )
}

/** Reads a request body to its end and drops it; resolves early if the connection goes. */
async function drain(req: http.IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return
  await new Promise<void>(resolve => {
    req.once('end', resolve)
    req.once('close', resolve)
    req.resume()
  })
}

async function dropStream(stream: Readable): Promise<undefined> {
  for await (const _chunk of stream) {
    // dropped
  }
  return undefined
}

/** Wall-clock milliseconds with sub-millisecond precision. */
function epochMs(): number {
  return performance.timeOrigin + performance.now()
}

async function delay(ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms).unref())
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function decodeKey(encoded: string): string {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/')
  } catch {
    return ''
  }
}

function safeName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')) || 'file'
}
