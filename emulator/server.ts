import busboy from 'busboy'
import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { ExternalS3, type ExternalS3Options } from './external-s3.js'
import { DEFAULT_FAULTS, FaultInjector, describeFaults, type FaultKind, type FaultOptions } from './faults.js'
import { PresignedUrlSigner, encodeKey } from './signer.js'
import { EmulatorStore, type AssetRecord, type StoredObject } from './store.js'

/** The key the emulator accepts unless told otherwise: `ne-` and 25 alphanumerics, like real keys. */
export const EMULATOR_API_KEY = 'ne-EmulatorLocalKey0000001'

export const UPLOAD_FILE_PATH = '/api/v1/assets/developer-upload-file/'
export const GENERATE_PRESIGNED_PATH = '/api/v1/assets/developer-generate-presigned-url/'
export const STATE_PATH = '/_emulator/state'
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
  status: number
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
    readonly s3Message: string
  ) {
    super(`${code}: ${s3Message}`)
  }
}

/** Starts a Netiks-compatible server (API and S3 side) on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = await EmulatorStore.open(options.dataDir)
  const signer = new PresignedUrlSigner()
  const externalS3 = options.externalS3 ? new ExternalS3(options.externalS3) : undefined
  const apiKeys = new Set(options.apiKeys ?? [EMULATOR_API_KEY])
  const urlTtlSeconds = options.urlTtlSeconds ?? 900
  const maxBatch = options.maxBatch ?? 100
  const requests: Record<Endpoint, number> = { upload: 0, generate: 0, put: 0, confirm: 0, other: 0 }
  const faults = new FaultInjector({ ...DEFAULT_FAULTS, ...options.faults })
  const alwaysFail = new Set(options.alwaysFail ?? [])
  const signatures: string[] = []
  let generateCalls = 0
  let origin = ''
  let timeline: TimelineEntry[] = []

  const server = http.createServer({ requestTimeout: 0 }, (req, res) => {
    const endpoint = classify(req)
    const start = epochMs()
    requests[endpoint]++
    res.on('close', () => {
      if (endpoint !== 'other') timeline.push({ endpoint, start, end: epochMs(), status: res.statusCode })
    })
    res.on('finish', () =>
      options.log?.(`${req.method} ${(req.url ?? '').split('?')[0]} → ${res.statusCode} (${endpoint})`)
    )
    serve(endpoint, req, res).catch(error => sendError(req, res, error))
  })

  /** Latency and faults come first, before the request can take effect. */
  async function serve(endpoint: Endpoint, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (endpoint !== 'other' && options.latencyMs) {
      await delay(options.latencyMs)
      if (req.socket.destroyed) return
    }
    const fault = faults.pick(endpoint)
    if (fault !== undefined) return await injectFault(fault, endpoint, req, res)
    return await handle(endpoint, req, res)
  }

  async function injectFault(
    kind: FaultKind,
    endpoint: Endpoint,
    req: http.IncomingMessage,
    res: http.ServerResponse
  ): Promise<void> {
    const s3 = endpoint === 'put'
    switch (kind) {
      case 'reset':
        req.socket.resetAndDestroy()
        return
      case 'slow':
        await delay(faults.options.slowMs)
        req.socket.destroy()
        return
      case 'expired':
        throw new S3Error(403, 'AccessDenied', 'Request has expired')
      case '429': {
        const seconds = faults.options.retryAfterSeconds
        res.setHeader('Retry-After', String(seconds))
        throw s3
          ? new S3Error(429, 'SlowDown', 'Please reduce your request rate.')
          : new ApiError(429, { detail: `Request was throttled. Expected available in ${seconds} seconds.` })
      }
      case '500':
        throw s3
          ? new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
          : new ApiError(500, { detail: 'A server error occurred.' })
      case '502':
        throw new RawError(502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>')
      case '503':
        throw s3
          ? new S3Error(503, 'ServiceUnavailable', 'Please reduce your request rate.')
          : new ApiError(503, { detail: 'Service temporarily unavailable, try again later.' })
    }
  }

  async function handle(endpoint: Endpoint, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    switch (endpoint) {
      case 'upload':
        checkApiKey(req)
        return await handleSingleUpload(req, res)
      case 'confirm':
        checkApiKey(req)
        return await handleConfirm(req, res)
      case 'generate':
        checkApiKey(req)
        return await handleGenerate(req, res)
      case 'put':
        return await handlePut(req, res)
      default:
        return await handleOther(req, res)
    }
  }

  function checkApiKey(req: http.IncomingMessage): void {
    const key = req.headers['x-api-key']
    if (key === undefined || key === '') {
      throw new ApiError(401, { detail: 'Authentication credentials were not provided.' })
    }
    if (typeof key !== 'string' || !apiKeys.has(key)) {
      throw new ApiError(401, { detail: 'Invalid API key.' })
    }
  }

  async function handleSingleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const received = await receiveMultipartFile(req, store, options.throttleBytesPerSecond)
    if (alwaysFail.has(received.fileName)) {
      await store.discard(received.body.diskPath)
      throw new ApiError(500, { detail: 'A server error occurred.' })
    }
    const key = `developer-uploads/${randomUUID()}/${safeName(received.fileName)}`
    const object = await store.putObject(key, received.body, received.contentType)
    const asset = store.addAsset(object, received.fileName, storageUrlFor(key), 'single')
    sendJson(res, 201, { message: 'File uploaded successfully.', asset: assetResponse(asset) })
  }

  async function handleGenerate(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req)
    const files = (body as { files?: unknown }).files
    if (!Array.isArray(files) || files.length === 0) {
      throw new ApiError(400, { files: ['This field is required and must be a non-empty list.'] })
    }
    if (files.length > maxBatch) {
      throw new ApiError(400, { files: [`Ensure this field has no more than ${maxBatch} elements.`] })
    }
    const fieldErrors = files.map(validatePresignFile)
    if (fieldErrors.some(errors => Object.keys(errors).length > 0)) {
      throw new ApiError(400, { files: fieldErrors })
    }
    generateCalls++
    const expired = generateCalls <= (options.expiredBatches ?? 0)
    const now = new Date(Date.now() - (expired ? (urlTtlSeconds + 60) * 1000 : 0))
    const host = new URL(origin).host
    const presigned_urls = []
    for (const file of files as Array<{ name: string; type?: string; size: number }>) {
      const contentType = file.type || 'application/octet-stream'
      const key = `developer-uploads/${randomUUID()}/${safeName(file.name)}`
      const presignedUrl = externalS3
        ? await externalS3.presignPut({ key, contentType, expiresInSeconds: urlTtlSeconds, now })
        : await signer.presignPut({
            host,
            encodedPath: `/${BUCKET}/${encodeKey(key)}`,
            contentType,
            expiresInSeconds: urlTtlSeconds,
            now
          })
      signatures.push(new URL(presignedUrl).searchParams.get('X-Amz-Signature') ?? '')
      store.issued.set(key, {
        s3Path: key,
        fileName: file.name,
        storageUrl: storageUrlFor(key),
        contentType,
        declaredSize: file.size
      })
      presigned_urls.push({
        file_name: file.name,
        presigned_url: presignedUrl,
        storage_url: storageUrlFor(key),
        s3_path: key,
        content_type: contentType
      })
    }
    sendJson(res, 200, { presigned_urls })
  }

  async function handlePut(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const [rawPath, rawQuery = ''] = (req.url ?? '').split(/\?(.*)/s)
    const problem = await signer.check({
      method: 'PUT',
      rawPath,
      query: new URLSearchParams(rawQuery),
      headers: req.headers,
      now: new Date()
    })
    if (problem) throw new S3Error(problem.status, problem.code, problem.message)
    const key = decodeKey(rawPath.slice(`/${BUCKET}/`.length))
    const issued = store.issued.get(key)
    if (issued === undefined) throw new S3Error(403, 'AccessDenied', 'Access Denied')
    if (alwaysFail.has(issued.fileName)) {
      throw new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
    }
    const length = req.headers['content-length']
    if (length === undefined || req.headers['transfer-encoding'] !== undefined) {
      throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.')
    }
    const declared = Number(length)
    if (declared > MAX_PUT_BYTES) {
      throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')
    }
    const contentMd5 = req.headers['content-md5']
    const body = await store.receive(req, {
      md5: typeof contentMd5 === 'string',
      bytesPerSecond: options.throttleBytesPerSecond
    })
    if (body.size !== declared) {
      await store.discard(body.diskPath)
      throw new S3Error(
        400,
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header'
      )
    }
    if (typeof contentMd5 === 'string' && contentMd5 !== body.md5) {
      await store.discard(body.diskPath)
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.')
    }
    const object = await store.putObject(key, body, String(req.headers['content-type'] ?? ''))
    res.writeHead(200, { ETag: `"${object.etag}"`, 'Content-Length': 0 })
    res.end()
  }

  async function handleConfirm(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = (await readJson(req)) as Record<string, unknown>
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
    const issued = store.issued.get(s3Path)
    if (issued === undefined) {
      throw new ApiError(400, { s3_path: ['No presigned URL was generated for this path.'] })
    }
    const object = externalS3 ? await externalS3.head(s3Path) : store.objects.get(s3Path)
    if (object === undefined) {
      throw new ApiError(400, { s3_path: ['No uploaded file was found at this path. PUT the file before confirming.'] })
    }
    if (object.size !== body.file_size) {
      throw new ApiError(400, {
        file_size: [`The uploaded file has ${object.size} bytes, not ${String(body.file_size)}.`]
      })
    }
    const asset = store.addAsset(object, issued.fileName, issued.storageUrl, 'presigned')
    sendJson(res, 201, { message: 'File uploaded successfully.', asset: assetResponse(asset) })
  }

  async function handleOther(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const urlPath = (req.url ?? '').split('?')[0]
    if (req.method === 'GET' && urlPath === STATE_PATH) {
      sendJson(res, 200, state())
      return
    }
    if (req.method === 'GET' && urlPath.startsWith(STORAGE_PREFIX)) {
      const object = store.objects.get(decodeKey(urlPath.slice(STORAGE_PREFIX.length)))
      if (object !== undefined) {
        res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': object.size })
        createReadStream(object.diskPath).pipe(res)
        return
      }
    }
    throw new ApiError(404, { detail: 'Not found.' })
  }

  function storageUrlFor(key: string): string {
    return externalS3?.objectUrl(key) ?? `${origin}${STORAGE_PREFIX}${encodeKey(key)}`
  }

  function state(): EmulatorState {
    return {
      assets: store.assets.map(asset => ({ ...asset, sha256: store.sha256Of(asset.s3_path) })),
      objects: [...store.objects.values()].map(({ diskPath: _diskPath, ...rest }) => ({
        ...rest,
        sha256: store.sha256Of(rest.key)
      })),
      requests: { ...requests },
      confirmations: Object.fromEntries(store.confirmations),
      faults: faults.summary(),
      signatures: [...signatures]
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const listening = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const hostForUrl = options.publicHost ?? listening
  origin = `http://${hostForUrl}:${address.port}`

  return {
    url: origin,
    port: address.port,
    apiKey: [...apiKeys][0],
    store,
    faultSpec: describeFaults(faults.options),
    state,
    assetDiskPath: asset => {
      const object = store.objects.get(asset.s3_path)
      if (object === undefined) throw new Error(`no object behind asset ${asset.id}`)
      return object.diskPath
    },
    timeline: () => [...timeline].sort((a, b) => a.start - b.start),
    reset: async () => {
      await store.reset()
      timeline = []
      signatures.length = 0
      generateCalls = 0
      for (const endpoint of Object.keys(requests) as Endpoint[]) requests[endpoint] = 0
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await store.close()
    }
  }
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

interface ReceivedFile {
  fileName: string
  contentType: string
  body: Awaited<ReturnType<EmulatorStore['receive']>>
}

/** Parses multipart/form-data as a stream: the `file` field goes straight to disk. */
async function receiveMultipartFile(
  req: http.IncomingMessage,
  store: EmulatorStore,
  bytesPerSecond?: number
): Promise<ReceivedFile> {
  return await new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 20 } })
    } catch (error) {
      reject(new ApiError(400, { detail: `Multipart form parse error - ${(error as Error).message}` }))
      return
    }
    let pending: Promise<ReceivedFile> | undefined
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || pending !== undefined) {
        stream.resume()
        return
      }
      const fileName = info.filename ? decodeFormDataName(info.filename) : ''
      pending = store.receive(stream, { bytesPerSecond }).then(body => ({ fileName, contentType: info.mimeType, body }))
    })
    parser.on('error', error =>
      reject(new ApiError(400, { detail: `Multipart form parse error - ${(error as Error).message}` }))
    )
    parser.on('close', () => {
      if (pending === undefined) {
        reject(new ApiError(400, { file: ['No file was submitted.'] }))
        return
      }
      pending.then(received => {
        if (received.fileName === '') {
          void store.discard(received.body.diskPath)
          reject(new ApiError(400, { file: ['The submitted file has no name.'] }))
        } else {
          resolve(received)
        }
      }, reject)
    })
    req.pipe(parser)
  })
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, { detail: `Unsupported media type "${type}" in request.` })
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_JSON_BYTES) throw new ApiError(413, { detail: 'Request body too large.' })
    chunks.push(chunk)
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
    return parsed
  } catch (error) {
    throw new ApiError(400, { detail: `JSON parse error - ${(error as Error).message}` })
  }
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

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * Answers an error. A request body not yet read is drained (not cut off), so the client
 * sees the answer instead of a reset connection; the connection is then closed, as S3 does.
 */
function sendError(req: http.IncomingMessage, res: http.ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (!req.complete) {
    res.setHeader('Connection', 'close')
    req.resume()
  }
  if (error instanceof S3Error) {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<Error><Code>${error.code}</Code><Message>${escapeXml(error.s3Message)}</Message>` +
      `<RequestId>${randomUUID()}</RequestId></Error>`
    res.writeHead(error.status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml) })
    res.end(xml)
    return
  }
  if (error instanceof ApiError) {
    sendJson(res, error.status, error.body)
    return
  }
  if (error instanceof RawError) {
    res.writeHead(error.status, { 'Content-Type': error.contentType, 'Content-Length': Buffer.byteLength(error.body) })
    res.end(error.body)
    return
  }
  sendJson(res, 500, { detail: 'A server error occurred.' })
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

/** Browsers' form-data escapes, undone: %22 → ", %0D → CR, %0A → LF. */
function decodeFormDataName(name: string): string {
  return name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
}

function safeName(name: string): string {
  return path.basename(name.replace(/\\/g, '/')) || 'file'
}
