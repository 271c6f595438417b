import { HttpClient, getProxyUrl } from '@actions/http-client'
import { EventEmitter } from 'node:events'
import http from 'node:http'
import https from 'node:https'
import type { Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import { FileReadError } from '../model.js'
import type { BodySink, StreamedBody } from './body.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers: Record<string, string | number>
  body?: string | Buffer | BodyWriter
  /**
   * Hold the body until `100 Continue`, so a server that will refuse the request (S3: expired,
   * bad signature, too large) says so before the body is sent.
   */
  expectContinue?: boolean
  signal?: AbortSignal
}

export type BodyWriter = Pick<StreamedBody, 'writeTo'>

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /** As text, cut at MAX_KEPT_BODY_BYTES; of an early answer cut off, what arrived. */
  body: string
}

export interface HttpTransportOptions {
  userAgent: string
  /** Requests in flight at once, per origin: the sockets each agent keeps. */
  concurrency: number
  /** How long a request's body may not move, and its whole answer may take once it is sent. */
  stallTimeoutMs: number
}

/** A request that got no (complete) answer: the connection failed, was reset, or stalled. */
export class TransportError extends Error {
  constructor(
    /** An errno-style code: ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, … */
    readonly code: string,
    message: string,
    /** Whether the whole request was handed to the socket: if not, the server cannot have acted on it. */
    readonly requestSent: boolean,
    cause?: unknown,
    /** The proxy's origin, when the failure was the proxy's: it could not be reached, or refused the tunnel. */
    readonly proxy?: string
  ) {
    super(message, { cause })
    this.name = 'TransportError'
  }
}

/** The transport gave up waiting (a stall, a late answer, no connection): its message says for what. */
export class TimeoutError extends TransportError {
  constructor(code: 'ETIMEDOUT' | 'ECONNTIMEOUT', message: string, requestSent: boolean) {
    super(code, message, requestSent)
    this.name = 'TimeoutError'
  }
}

function seconds(ms: number): string {
  return `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`
}

/** Of an error answer, only the start is kept: the server's words, not a whole HTML page. */
const MAX_KEPT_BODY_BYTES = 64 * 1024
/** A success is read whole, up to this: a generate answer lists a long presigned URL per file. */
const MAX_KEPT_SUCCESS_BYTES = 16 * 1024 * 1024
/** A host that drops packets would otherwise hold each attempt for the system's limit (minutes). */
const CONNECT_TIMEOUT_MS = 15_000
/** The longest wait for `100 Continue` (curl's too), and never more than half the stall timeout. */
const CONTINUE_WAIT_MS = 1000
/** Failures that happen before a connection exists: nothing can have been sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * The agents come from @actions/http-client so the runner's proxy settings apply as in the
 * official actions; the request is driven here because HttpClient.request gives no abort, body
 * errors, stall timer, 100-continue, or early answer.
 */
export class HttpTransport {
  // HttpClient caches one agent per instance, built for the first URL's scheme: one per scheme.
  private readonly agentSources: Record<string, HttpClient>
  /** Requests in flight per agent: beyond its sockets, some wait in its queue. */
  private readonly inFlight = new Map<http.Agent, number>()

  constructor(private readonly options: HttpTransportOptions) {
    const agentSource = (): HttpClient =>
      new HttpClient(options.userAgent, [], {
        keepAlive: true,
        maxSockets: options.concurrency,
        allowRedirects: false,
        allowRetries: false
      })
    this.agentSources = { 'http:': agentSource(), 'https:': agentSource() }
  }

  /**
   * Resolves with any answer, even one given mid-body (a refusal). Rejects with a TransportError
   * when none came, or the body's own error when the file could not be sent as found.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    if (request.signal?.aborted) throw abortError(request.signal, false)
    const url = new URL(request.url)
    const secure = url.protocol === 'https:'
    const proxy = getProxyUrl(url.href)
    const agent = this.agentSources[url.protocol].getAgent(url.href)
    const req = (secure ? https : http).request({
      method: request.method,
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || (secure ? 443 : 80),
      path: rawPathAndQuery(request.url),
      headers: {
        ...request.headers,
        ...(request.expectContinue === true && isBodyWriter(request.body) ? { expect: '100-continue' } : {}),
        'user-agent': this.options.userAgent
      },
      agent
    })
    this.inFlight.set(agent, (this.inFlight.get(agent) ?? 0) + 1)
    const on = {
      // The origin only: a proxy URL may carry user:password.
      proxy: proxy === '' ? undefined : new URL(proxy).origin,
      stallMs: this.options.stallTimeoutMs,
      mayBeQueued: () => this.inFlight.get(agent)! > this.options.concurrency
    }
    try {
      return await new Promise<HttpResponse>((resolve, reject) => new Exchange(req, request, on, resolve, reject))
    } finally {
      this.inFlight.set(agent, this.inFlight.get(agent)! - 1)
    }
  }

  /** Frees every pooled connection so the process can exit. */
  close(): void {
    for (const source of Object.values(this.agentSources)) source.dispose()
  }
}

interface ExchangeContext {
  proxy?: string
  stallMs: number
  /** More requests are in flight on the agent than it has sockets: one without a socket may wait for one. */
  mayBeQueued: () => boolean
}

/**
 * One request on one clock: connect within the connect timeout once a socket is assigned (waiting
 * for a free one is nobody's fault), the body must move every stall timeout, then the whole answer
 * within one stall timeout. Trickling bytes do not extend it: they could hold a request for ever.
 */
class Exchange {
  private readonly gate?: BodyGate
  private readonly connectMs: number
  private timer?: NodeJS.Timeout
  private continueTimer?: NodeJS.Timeout
  private settled = false
  /** The whole request was handed to the socket ('finish'). */
  private sent = false
  private answered = false
  private connectedAt = 0

  constructor(
    private readonly req: http.ClientRequest,
    private readonly request: HttpRequest,
    private readonly context: ExchangeContext,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: Error) => void
  ) {
    this.connectMs = Math.min(CONNECT_TIMEOUT_MS, context.stallMs)
    this.arm(this.connectMs)
    request.signal?.addEventListener('abort', this.onAbort, { once: true })
    req.on('error', this.onError)
    req.once('socket', socket => this.onSocket(socket))
    req.on('finish', () => {
      if (!this.answering) this.arm(context.stallMs)
      this.sent = true
    })
    req.on('response', response => this.onResponse(response))
    if (!isBodyWriter(request.body)) {
      req.end(request.body)
      return
    }
    const gate = (this.gate = new BodyGate(req, request.expectContinue === true))
    if (request.expectContinue === true) {
      req.once('continue', gate.open)
      req.flushHeaders()
    }
    request.body.writeTo(gate).then(
      () => {
        if (!this.settled && !gate.destroyed) req.end()
      },
      (error: Error) => (error instanceof FileReadError && !this.answered ? this.fail(error) : this.onError(error))
    )
  }

  private onSocket(socket: Socket): void {
    if (this.settled) return
    if (!socket.connecting) return this.connected()
    this.arm(this.connectMs)
    // A TLS connection is up once its handshake is done: the headers can leave then.
    socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', () => this.connected())
  }

  private connected(): void {
    if (this.settled) return
    this.connectedAt = performance.now()
    if (!this.answering) this.arm(this.context.stallMs)
    if (this.gate !== undefined && this.request.expectContinue === true) {
      this.continueTimer = setTimeout(this.gate.open, Math.min(CONTINUE_WAIT_MS, this.context.stallMs / 2))
    }
  }

  /** Once the request is sent or answered, the whole answer has one stall timeout to arrive. */
  private get answering(): boolean {
    return this.sent || this.answered
  }

  private arm(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.onTimeout(), ms)
  }

  private onTimeout(): void {
    const { stallMs, proxy } = this.context
    const socket = this.req.socket
    const sent = this.wasSent()
    if (this.answering)
      return this.fail(new TimeoutError('ETIMEDOUT', `no complete answer within ${seconds(stallMs)}`, sent))
    if (socket == null && this.context.mayBeQueued()) return this.arm(this.connectMs)
    if (socket == null || socket.connecting) {
      const through = proxy === undefined ? '' : ` through the proxy ${proxy}`
      return this.fail(
        new TimeoutError('ECONNTIMEOUT', `no connection within ${seconds(this.connectMs)}${through}`, false)
      )
    }
    const idleMs = performance.now() - Math.max(this.connectedAt, this.gate?.takenAt ?? 0)
    if (idleMs < stallMs) return this.arm(stallMs - idleMs)
    this.fail(new TimeoutError('ETIMEDOUT', `no progress for ${seconds(stallMs)}`, sent))
  }

  private onResponse(response: http.IncomingMessage): void {
    if (!this.answering) this.arm(this.context.stallMs)
    this.answered = true
    // Before the server had the whole body (a refusal): the rest of the body would only be
    // refused, and what arrives of the answer is what it said.
    const early = !this.wasSent()
    if (early) this.gate?.stop()
    const status = response.statusCode ?? 0
    const limit = status >= 200 && status <= 299 ? MAX_KEPT_SUCCESS_BYTES : MAX_KEPT_BODY_BYTES
    readLimited(response, limit, (text, complete) => {
      if (this.settled) return
      if (!complete && !early) return this.fail(new TransportError('ECONNRESET', 'the answer was cut off', true))
      this.settle()
      // A request that was not sent whole leaves the connection unusable.
      if (!this.sent || !complete) this.req.destroy()
      this.resolve({ status, headers: response.headers, body: text })
    })
  }

  /**
   * An answer that arrived before the failure wins. Node hands over what it read before it reports
   * the failure and closes the socket with it, so waiting longer could not bring an answer.
   */
  private readonly onError = (error: Error): void => {
    if (!this.answered) this.fail(transportError(error, this.wasSent(), this.context.proxy))
  }

  private readonly onAbort = (): void => this.fail(abortError(this.request.signal!, this.wasSent()))

  /**
   * Once the last body byte is handed to Node (even before end()) the server may have it all: in
   * doubt, sent. Never before a connected socket: until then Node holds everything.
   */
  private wasSent(): boolean {
    if (this.sent) return true
    const socket = this.req.socket
    if (socket == null || socket.connecting) return false
    const length = Number(this.request.headers['content-length'] ?? Infinity)
    return this.req.writableEnded || (this.gate !== undefined && this.gate.handed >= length)
  }

  private fail(error: Error): void {
    if (this.settled) return
    this.settle()
    this.req.destroy()
    this.reject(error)
  }

  private settle(): void {
    this.settled = true
    clearTimeout(this.timer)
    clearTimeout(this.continueTimer)
    this.request.signal?.removeEventListener('abort', this.onAbort)
    this.gate?.stop()
  }
}

/**
 * Holds the body for 100-continue, stops it when the server answers, and polls the socket before
 * each write: a write that meets a refusing server's reset makes Node close the socket with the
 * answer unread. The poll narrows that race; only Expect: 100-continue removes it.
 */
class BodyGate extends EventEmitter implements BodySink {
  destroyed = false
  handed = 0
  /** When the socket last took a chunk of the body. */
  takenAt = 0
  /** The server said to go on, or did not answer the Expect in time. */
  open: () => void = () => undefined
  private readonly opened: Promise<void>
  private pending?: (error?: Error | null) => void

  constructor(
    private readonly req: http.ClientRequest,
    /** Whether the headers have left: from then on the server can answer before a write. */
    private headersSent: boolean
  ) {
    super()
    // A held body's headers are flushed on their own; otherwise they go with the first write.
    this.opened = headersSent ? new Promise(resolve => (this.open = resolve)) : Promise.resolve()
  }

  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean {
    if (this.destroyed) {
      process.nextTick(callback, stoppedError())
      return false
    }
    this.pending = callback
    const poll = this.headersSent ? afterPoll : noWait
    this.headersSent = true
    void this.opened.then(poll).then(() => {
      if (this.destroyed) return
      this.handed += chunk.length
      this.req.write(chunk, error => {
        if (!error) this.takenAt = performance.now()
        this.done(error)
      })
    })
    return true
  }

  /** No more body: the server answered, or the request is over. A pending write fails now. */
  stop(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.open()
    // An Error only for a write still waiting: building one (its stack) on every request costs.
    if (this.pending !== undefined) this.done(stoppedError())
    this.emit('close')
  }

  private done(error?: Error | null): void {
    const callback = this.pending
    this.pending = undefined
    callback?.(error)
  }
}

/** Resolves after the event loop's next poll phase (setImmediate runs right after it). */
const afterPoll = (): Promise<void> => new Promise<void>(resolve => setImmediate(resolve))
const noWait = (): void => undefined
const stoppedError = (): Error => new Error('the request ended before its body was sent')

function isBodyWriter(body: HttpRequest['body']): body is BodyWriter {
  return body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)
}

function abortError(signal: AbortSignal, requestSent: boolean): TransportError {
  return new TransportError('ABORT_ERR', 'The operation was aborted', requestSent, signal.reason)
}

function transportError(error: Error, requestSent: boolean, proxy: string | undefined): TransportError {
  const tunnel = proxy === undefined ? undefined : tunnelError(error, proxy)
  if (tunnel !== undefined) return tunnel
  const errno = (error as NodeJS.ErrnoException).code
  const code = typeof errno === 'string' ? errno : 'ECONNRESET'
  return new TransportError(code, error.message, requestSent && !NOT_CONNECTED.has(code), error)
}

/**
 * A tunnel through the proxy that could not be made: the proxy's failure, not the target's.
 * The tunnel agent reports both as ECONNRESET, with the cause in its message only: the code
 * there (ECONNREFUSED, ENOTFOUND, …) is the one that says whether retrying can help.
 */
function tunnelError(error: Error, proxy: string): TransportError | undefined {
  const tunnel = /^tunneling socket could not be established, (?:cause=([^\n]*)|statusCode=(\d+))/.exec(error.message)
  if (tunnel === null) return undefined
  const [, cause, status] = tunnel
  const what =
    status !== undefined ? `refused to open a tunnel (HTTP ${status})` : `could not be reached (${cause.trim()})`
  const code = /\b(E[A-Z]+)\b/.exec(cause ?? '')?.[1] ?? 'ECONNRESET'
  return new TransportError(code, `the proxy ${proxy} ${what}`, false, error, proxy)
}

/** Keeps at most `limit` bytes and drains the rest; `complete` is false when the body was cut off. */
function readLimited(
  response: http.IncomingMessage,
  limit: number,
  done: (text: string, complete: boolean) => void
): void {
  const chunks: Buffer[] = []
  let kept = 0
  response.on('data', (chunk: Buffer) => {
    if (kept >= limit) return
    chunks.push(chunk)
    kept += chunk.length
  })
  // Node destroys an answer cut off mid-body ("aborted"); 'close', which follows 'end' too, tells what arrived.
  response.on('error', () => undefined)
  response.once('close', () => done(Buffer.concat(chunks).subarray(0, limit).toString('utf8'), response.complete))
}

/**
 * The path and query exactly as written in the URL. WHATWG URL parsing may re-encode a path,
 * and a presigned URL's signature covers the path byte for byte.
 */
function rawPathAndQuery(url: string): string {
  const rest = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url)?.[1] ?? ''
  if (rest === '') return '/'
  return rest.startsWith('?') ? `/${rest}` : rest
}
