import { HttpClient, getProxyUrl } from '@actions/http-client'
import { EventEmitter } from 'node:events'
import http from 'node:http'
import https from 'node:https'
import { TLSSocket } from 'node:tls'
import { FileReadError } from '../model.js'
import type { BodySink } from './body.js'
import { AbortFanOut, StallWatch, type Watched } from './watch.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers: Record<string, string | number>
  /** A string or buffer is sent as is; a body writer writes itself, with backpressure. */
  body?: string | Buffer | BodyWriter
  /**
   * Send `Expect: 100-continue` and hold a body writer's body until the server answers
   * `100 Continue`, so that a server that will refuse the request (S3: expired, bad signature,
   * too large) says so before the body is sent. A server or proxy that ignores Expect gets the
   * body after a short wait.
   */
  expectContinue?: boolean
  signal?: AbortSignal
}

/** A body that writes itself to the request (see body.ts). */
export interface BodyWriter {
  writeTo(sink: BodySink): Promise<void>
  /**
   * A body small enough for one write may offer its bytes instead: they then go with the
   * headers in one write, with none of a streamed body's bookkeeping (many small files).
   */
  readWhole?(): Buffer | undefined
  /** Told once the bytes readWhole gave have been handed to the socket. */
  sentWhole?(): void
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /**
   * The response body as text, cut at MAX_KEPT_BODY_BYTES. For an answer the server gave
   * before it had the whole request and then cut off, what arrived.
   */
  body: string
}

export interface HttpTransportOptions {
  userAgent: string
  /** Sockets per origin: the number of requests that may be in flight at once. */
  maxSockets: number
  /**
   * A request whose socket takes none of it for this long is aborted, and so is one whose
   * answer is not complete this long after the request went out whole.
   */
  stallTimeoutMs: number
}

/** A request that got no (complete) answer: the connection failed, was reset, or stalled. */
export class TransportError extends Error {
  constructor(
    /** An errno-style code: ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, … */
    readonly code: string,
    message: string,
    /**
     * Whether the whole request (headers and body) had been handed to the socket when it
     * failed. If not, the server cannot have acted on it; if so, it may have.
     */
    readonly requestSent: boolean,
    options?: ErrorOptions & { proxy?: string }
  ) {
    super(message, options)
    this.name = 'TransportError'
    this.proxy = options?.proxy
  }

  /** The proxy's origin, when the failure was the proxy's: it could not be reached, or refused the tunnel. */
  readonly proxy?: string
}

/** Raised for a request that made no progress for `stallTimeoutMs`. */
export class StallError extends TransportError {
  constructor(ms: number, requestSent: boolean, message = `no progress for ${seconds(ms)}`) {
    super('ETIMEDOUT', message, requestSent)
    this.name = 'StallError'
  }
}

/**
 * Raised for an answer not complete `stallTimeoutMs` after the request went out whole: a
 * server that answers nothing, or one that trickles its answer and would otherwise hold the
 * request for ever.
 */
export class AnswerTimeoutError extends StallError {
  constructor(ms: number, requestSent: boolean) {
    super(ms, requestSent, `no complete answer within ${seconds(ms)}`)
    this.name = 'AnswerTimeoutError'
  }
}

function seconds(ms: number): string {
  return `${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} s`
}

/** Of an error answer, only the start is kept: the server's words, not a whole HTML page. */
const MAX_KEPT_BODY_BYTES = 64 * 1024
/**
 * A success is read whole, up to this: a generate answer lists a presigned URL per file, and
 * URLs signed with temporary credentials carry a session token of a kilobyte or two each.
 */
const MAX_KEPT_SUCCESS_BYTES = 16 * 1024 * 1024
/**
 * A connection not made within this long is given up (`ECONNTIMEOUT`): the stall timer only
 * starts once a socket is connected, and a host that drops packets would otherwise hold each
 * attempt for the operating system's limit (about 2 minutes on Linux).
 */
const CONNECT_TIMEOUT_MS = 15_000

/**
 * The longest wait for `100 Continue` before the body is sent anyway (curl waits 1 s too).
 * Never more than half the stall timeout, so the stall timer cannot fire during the wait.
 */
const CONTINUE_WAIT_MS = 1000

/**
 * A URL's scheme and authority, when they settle its origin, else undefined: an empty authority
 * (`http:///h/`, which WHATWG parsing reads past to the next name), `@` or `\` in it, or a
 * space or control character (which parsing drops or trims: `http://\t/h/` is `http:///h/`)
 * mean they may not. Two URLs with the same settled origin have the same scheme, host, port
 * and credentials, whatever follows.
 */
export function settledOrigin(url: string): string | undefined {
  return ORIGIN.exec(url)?.[0]
}
// eslint-disable-next-line no-control-regex -- the control characters are what it must refuse
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^\x00-\x20/?#\\@]+(?=[/?#]|$)/i

/** Failures that happen before a connection exists: nothing can have been sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

interface Route {
  module: typeof http | typeof https
  host: string
  port: string | number
  agent: http.Agent
  /** The origin of the runner's proxy the agent tunnels through, if it does. */
  proxy?: string
}

/**
 * Sends requests over keep-alive connections. The agents come from @actions/http-client, so
 * the runner's proxy settings (https_proxy, http_proxy, no_proxy) apply exactly as in the
 * official actions; the request itself is driven here because streaming a file needs what
 * HttpClient.request does not give: abort, error propagation from the body, a stall timer,
 * 100-continue, and reading an answer the server gives before it has the whole body.
 */
export class HttpTransport {
  // HttpClient caches one agent per instance, built for the first URL's scheme: keep one per scheme.
  private readonly agentSources = new Map<string, HttpClient>()
  // Which agent an origin uses (direct or through the proxy) is decided once per origin.
  private readonly routes = new Map<string, Route>()

  private readonly connectMs: number
  private readonly stalls: StallWatch
  private readonly aborts = new AbortFanOut()
  /** Requests in flight per agent: beyond its sockets, some wait in its queue. */
  private readonly inFlight = new Map<http.Agent, number>()

  constructor(private readonly options: HttpTransportOptions) {
    this.connectMs = Math.min(CONNECT_TIMEOUT_MS, options.stallTimeoutMs)
    this.stalls = new StallWatch(options.stallTimeoutMs, this.connectMs)
  }

  /**
   * Resolves with the server's answer whenever one arrived, even one given while the body was
   * still being sent (a refusal: the body then stops, and the write error that follows is not
   * reported). Rejects with a TransportError (StallError for a stall) when no answer arrived,
   * or with the body's own error (FileReadError, FileChangedError) when the file could not be
   * sent as it was found.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const body = request.body
    // Read before the request exists: a file that cannot be read whole, or changed, fails
    // here with nothing sent (as a streamed body fails before its first byte).
    const whole = isBodyWriter(body) && request.expectContinue !== true ? body.readWhole?.() : undefined
    if (whole === undefined) return await this.sendNow(request)
    const writer = body as BodyWriter
    return await this.sendNow({ ...request, body: whole }, () => writer.sentWhole?.())
  }

  /** `onFinish` is told once the whole request has been handed to the socket. */
  private sendNow(request: HttpRequest, onFinish?: () => void): Promise<HttpResponse> {
    const { module, host, port, agent, proxy } = this.routeFor(request.url)
    const body = request.body
    const expectContinue = request.expectContinue === true && isBodyWriter(body)
    const { stallTimeoutMs } = this.options
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false
      /** Every byte of the request handed to the socket: the server may have acted on it. */
      let requestSent = false
      let answered = false
      let continueTimer: NodeJS.Timeout | undefined
      // Set once the request is watched; an abort may settle it before (an aborted signal).
      let stopWatchingAbort: (() => void) | undefined

      const settle = (): void => {
        settled = true
        clearTimeout(continueTimer)
        this.inFlight.set(agent, (this.inFlight.get(agent) ?? 1) - 1)
        this.stalls.stop(watchEntry)
        stopWatchingAbort?.()
        gate?.stop()
      }
      const fail = (error: Error): void => {
        if (settled) return
        settle()
        req.destroy()
        reject(error)
      }
      /**
       * The connection failed. An answer that arrived before that wins: reading it decides.
       * (Node hands over what it read before it reports the failure, and closes the socket with
       * it, so waiting longer could not bring an answer: measured in transport.test.ts.)
       */
      const connectionFailed = (error: Error): void => {
        if (!answered || request.signal?.aborted) fail(transportError(error, requestSent || allHanded(), proxy))
      }

      const req = module.request({
        method: request.method,
        host,
        port,
        path: rawPathAndQuery(request.url),
        headers: {
          ...request.headers,
          ...(expectContinue ? { expect: '100-continue' } : {}),
          'user-agent': this.options.userAgent
        },
        agent
      })
      const gate = isBodyWriter(body) ? new BodyGate(req, expectContinue) : undefined
      const declaredLength = Number(request.headers['content-length'] ?? request.headers['Content-Length'] ?? Infinity)
      // Once the last byte of the body is handed to Node (before end(), even), the server may
      // have it all: in doubt, the request counts as sent. Not before it has a connected
      // socket, though: until then Node holds everything.
      const allHanded = (): boolean =>
        requestSent ||
        (req.socket != null &&
          !req.socket.connecting &&
          (req.writableEnded || (gate !== undefined && gate.handed >= declaredLength)))
      const watched: Watched = {
        req,
        mayBeQueued: () => (this.inFlight.get(agent) ?? 0) > this.options.maxSockets,
        onStall: () => fail(new StallError(stallTimeoutMs, allHanded())),
        onAnswerLate: () => fail(new AnswerTimeoutError(stallTimeoutMs, requestSent || allHanded())),
        onConnectTimeout: () => {
          const through = proxy === undefined ? '' : ` through the proxy ${proxy}`
          fail(new TransportError('ECONNTIMEOUT', `no connection within ${seconds(this.connectMs)}${through}`, false))
        }
      }
      this.inFlight.set(agent, (this.inFlight.get(agent) ?? 0) + 1)
      const watchEntry = this.stalls.start(watched)
      // Cancelled as http.request's `signal` option does it, the request destroyed with an
      // AbortError, but through the transport's one listener per signal (see watch.ts): the
      // option adds a listener to every request and has stream.finished() watch the request to
      // take it off (transport.test.ts checks the two behave alike). Failed at once, too: a
      // request still waiting for a free socket hears of its destruction only when one frees.
      const signal = request.signal
      if (signal !== undefined) {
        stopWatchingAbort = this.aborts.watch(signal, () => {
          const error = abortError(signal.reason)
          req.destroy(error)
          connectionFailed(error)
        })
      }
      req.on('error', connectionFailed)
      req.on('finish', () => {
        requestSent = true
        this.stalls.answering(watchEntry)
        onFinish?.()
      })
      req.on('response', response => {
        answered = true
        this.stalls.answering(watchEntry)
        const early = !requestSent
        // The server has answered: whatever is left of the body would only be refused.
        gate?.stop()
        const status = response.statusCode ?? 0
        const limit = status >= 200 && status <= 299 ? MAX_KEPT_SUCCESS_BYTES : MAX_KEPT_BODY_BYTES
        readLimited(response, limit, (text, complete) => {
          if (settled) return
          if (!complete && !early) {
            return fail(new TransportError('ECONNRESET', 'the answer was cut off', requestSent))
          }
          settle()
          // A request that was not sent whole leaves the connection unusable.
          if (!requestSent || !complete) req.destroy()
          resolve({ status, headers: response.headers, body: text })
        })
      })

      if (gate === undefined || !isBodyWriter(body)) {
        req.end(body)
        return
      }
      if (expectContinue) {
        const open = (): void => {
          clearTimeout(continueTimer)
          gate.open()
        }
        const startWaiting = (): void => {
          clearTimeout(continueTimer)
          continueTimer = setTimeout(open, Math.min(CONTINUE_WAIT_MS, stallTimeoutMs / 2))
        }
        req.once('continue', open)
        req.once('socket', socket => {
          // The wait starts when the headers can leave: once the connection is up.
          if (!socket.connecting) return startWaiting()
          socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', startWaiting)
        })
        req.flushHeaders()
      }
      body.writeTo(gate).then(
        () => {
          if (!settled && !gate.stopped) req.end()
        },
        (error: Error) => {
          if (error instanceof FileReadError && !answered) fail(error)
          else connectionFailed(error)
        }
      )
    })
  }

  /** Frees every pooled connection so the process can exit. */
  close(): void {
    for (const source of this.agentSources.values()) source.dispose()
    this.agentSources.clear()
    this.routes.clear()
  }

  /**
   * Where a URL's requests go, worked out once per origin: a presigned URL is long to parse. A
   * URL whose start does not settle its origin (see settledOrigin) is parsed every time.
   */
  private routeFor(url: string): Route {
    const origin = settledOrigin(url)
    let route = origin === undefined ? undefined : this.routes.get(origin)
    if (route === undefined) {
      const parsed = new URL(url)
      const secure = parsed.protocol === 'https:'
      const proxy = getProxyUrl(parsed.href)
      route = {
        module: secure ? https : http,
        host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: parsed.port || (secure ? 443 : 80),
        agent: this.agentSourceFor(parsed).getAgent(parsed.href),
        // The origin only: a proxy URL may carry user:password.
        proxy: proxy === '' ? undefined : new URL(proxy).origin
      }
      if (origin !== undefined) this.routes.set(origin, route)
    }
    return route
  }

  private agentSourceFor(url: URL): HttpClient {
    let source = this.agentSources.get(url.protocol)
    if (source === undefined) {
      source = new HttpClient(this.options.userAgent, [], {
        keepAlive: true,
        maxSockets: this.options.maxSockets,
        allowRedirects: false,
        allowRetries: false
      })
      this.agentSources.set(url.protocol, source)
    }
    return source
  }
}

/**
 * Stands between a body writer and the request: holds the body while the server may still
 * refuse it (Expect: 100-continue), stops it the moment the server answers, and lets the event
 * loop poll the socket before each write the server could answer first.
 *
 * Why the poll: a server that refuses a body it is receiving answers and closes; its kernel
 * resets the connection. A write that meets the reset fails at once, and Node then closes the
 * socket with the answer still unread in it: no wait afterwards can bring it back. Reading the
 * socket before each write narrows that race; only Expect: 100-continue removes it. Measured
 * with a 64 MiB body and a server in another process that answers 403 after the headers and
 * resets: the answer was read in 5 to 12 tries of 30 before, 18 to 25 with the poll, 30 with
 * Expect (transport.test.ts holds the cases).
 */
class BodyGate extends EventEmitter implements BodySink {
  stopped = false
  /** Body bytes handed to the request so far. */
  handed = 0
  private release!: () => void
  private queue: Promise<void>
  /** Whether the headers have left: from then on the server can answer before a write. */
  private headersSent: boolean
  private readonly pending = new Set<(error?: Error | null) => void>()

  constructor(
    private readonly req: http.ClientRequest,
    held: boolean
  ) {
    super()
    this.queue = new Promise<void>(resolve => (this.release = resolve))
    // A held body's headers were flushed on their own; otherwise they go with the first write.
    this.headersSent = held
    if (!held) this.release()
  }

  get destroyed(): boolean {
    return this.stopped
  }

  /** The server said to go on, or did not answer the Expect in time. */
  open(): void {
    this.release()
  }

  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean {
    if (this.stopped) {
      process.nextTick(callback, stoppedError())
      return false
    }
    const done = (error?: Error | null): void => {
      if (this.pending.delete(done)) callback(error)
    }
    this.pending.add(done)
    const poll = this.headersSent ? afterPoll : noWait
    this.headersSent = true
    this.queue = this.queue.then(poll).then(() => {
      if (this.stopped) return
      this.handed += chunk.length
      this.req.write(chunk, done)
    })
    return true
  }

  /** No more body: the server answered, or the request is over. Pending writes fail now. */
  stop(): void {
    if (this.stopped) return
    this.stopped = true
    this.release()
    for (const done of [...this.pending]) done(stoppedError())
    this.emit('close')
  }
}

/** Resolves after the event loop's next poll phase (setImmediate runs right after it). */
const afterPoll = (): Promise<void> => new Promise<void>(resolve => setImmediate(resolve))
const noWait = (): void => undefined
const stoppedError = (): Error => new Error('the request ended before its body was sent')

function isBodyWriter(body: HttpRequest['body']): body is BodyWriter {
  return body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)
}

/** The error Node's own AbortSignal handling destroys a request with. */
function abortError(reason: unknown): Error {
  return Object.assign(new Error('The operation was aborted', { cause: reason }), {
    name: 'AbortError',
    code: 'ABORT_ERR'
  })
}

function transportError(error: Error, requestSent: boolean, proxy: string | undefined): TransportError {
  if (error instanceof TransportError) return error
  const tunnel = proxy === undefined ? undefined : tunnelError(error, proxy)
  if (tunnel !== undefined) return tunnel
  const errno = (error as NodeJS.ErrnoException).code
  const code = typeof errno === 'string' ? errno : 'ECONNRESET'
  return new TransportError(code, error.message, requestSent && !NOT_CONNECTED.has(code), { cause: error })
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
  return new TransportError(code, `the proxy ${proxy} ${what}`, false, { cause: error, proxy })
}

/**
 * Reads a response body, keeping at most `limit` bytes of it and draining the rest.
 * `complete` is false when the connection closed before the body ended.
 */
function readLimited(
  response: http.IncomingMessage,
  limit: number,
  done: (text: string, complete: boolean) => void
): void {
  const chunks: Buffer[] = []
  let kept = 0
  let finished = false
  // Once: 'close' follows every 'end', and the text is made only for whichever comes first.
  const finish = (complete: boolean): void => {
    if (finished) return
    finished = true
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
    done(bytes.subarray(0, limit).toString('utf8'), complete)
  }
  response.on('data', (chunk: Buffer) => {
    if (kept >= limit) return
    chunks.push(chunk)
    kept += chunk.length
  })
  response.once('end', () => finish(true))
  // Node destroys an answer cut off mid-body ("aborted"); 'close' then tells what arrived.
  response.on('error', () => undefined)
  response.once('close', () => finish(response.complete))
}

/**
 * The path and query exactly as written in the URL. WHATWG URL parsing may re-encode a path,
 * and a presigned URL's signature covers the path byte for byte.
 */
export function rawPathAndQuery(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url)
  const rest = match?.[1] ?? ''
  if (rest === '') return '/'
  return rest.startsWith('?') ? `/${rest}` : rest
}
