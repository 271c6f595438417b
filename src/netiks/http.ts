import { HttpClient } from '@actions/http-client'
import http from 'node:http'
import https from 'node:https'
import type { Writable } from 'node:stream'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers: Record<string, string | number>
  /** A string or buffer is sent as is; a body writer writes itself, with backpressure. */
  body?: string | Buffer | BodyWriter
  signal?: AbortSignal
}

/** A body that writes itself to the request (see body.ts). */
export interface BodyWriter {
  writeTo(sink: Writable): Promise<void>
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  /** The response body as text, cut at MAX_KEPT_BODY_BYTES. */
  body: string
}

export interface HttpTransportOptions {
  userAgent: string
  /** Sockets per origin: the number of requests that may be in flight at once. */
  maxSockets: number
  /** A request that sends and receives nothing for this long is aborted. */
  stallTimeoutMs: number
}

/** Raised for a request that made no progress for `stallTimeoutMs`. */
export class StallError extends Error {
  readonly code = 'ETIMEDOUT'
  constructor(ms: number) {
    super(`no progress for ${Math.round(ms / 1000)} s`)
    this.name = 'StallError'
  }
}

const MAX_KEPT_BODY_BYTES = 64 * 1024

interface Route {
  module: typeof http | typeof https
  host: string
  port: string | number
  agent: http.Agent
}

/**
 * Sends requests over keep-alive connections. The agents come from @actions/http-client, so
 * the runner's proxy settings (https_proxy, http_proxy, no_proxy) apply exactly as in the
 * official actions; the request itself is driven here because streaming a file needs what
 * HttpClient.request does not give: abort, error propagation from the body and a stall timer.
 */
export class HttpTransport {
  // HttpClient caches one agent per instance, built for the first URL's scheme: keep one per scheme.
  private readonly agentSources = new Map<string, HttpClient>()
  // Which agent an origin uses (direct or through the proxy) is decided once per origin.
  private readonly routes = new Map<string, Route>()

  constructor(private readonly options: HttpTransportOptions) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { module, host, port, agent } = this.routeFor(request.url)
    return await new Promise<HttpResponse>((resolve, reject) => {
      let settled = false
      const fail = (error: Error): void => {
        if (settled) return
        settled = true
        req.destroy()
        reject(error)
      }
      const req = module.request({
        method: request.method,
        host,
        port,
        path: rawPathAndQuery(request.url),
        headers: { ...request.headers, 'user-agent': this.options.userAgent },
        agent,
        signal: request.signal
      })
      req.setTimeout(this.options.stallTimeoutMs, () => fail(new StallError(this.options.stallTimeoutMs)))
      req.on('error', fail)
      req.on('response', response => {
        readLimited(response).then(
          body => {
            if (settled) return
            settled = true
            const status = response.statusCode ?? 0
            // An early error answer (e.g. S3 refusing a PUT) must not keep the upload going.
            if (status >= 300 && !req.writableFinished) req.destroy()
            resolve({ status, headers: response.headers, body })
          },
          (error: Error) => fail(error)
        )
      })
      if (request.body === undefined || typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
        req.end(request.body)
      } else {
        request.body.writeTo(req).then(
          () => req.end(),
          (error: Error) => fail(error)
        )
      }
    })
  }

  /** Frees every pooled connection so the process can exit. */
  close(): void {
    for (const source of this.agentSources.values()) source.dispose()
    this.agentSources.clear()
    this.routes.clear()
  }

  /** Where a URL's requests go, worked out once per origin: a presigned URL is long to parse. */
  private routeFor(url: string): Route {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url
    let route = this.routes.get(origin)
    if (route === undefined) {
      const parsed = new URL(url)
      const secure = parsed.protocol === 'https:'
      route = {
        module: secure ? https : http,
        host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: parsed.port || (secure ? 443 : 80),
        agent: this.agentSourceFor(parsed).getAgent(parsed.href)
      }
      this.routes.set(origin, route)
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

/** Reads a response body, keeping at most MAX_KEPT_BODY_BYTES of it and draining the rest. */
function readLimited(response: http.IncomingMessage): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let kept = 0
    response.on('data', (chunk: Buffer) => {
      if (kept >= MAX_KEPT_BODY_BYTES) return
      chunks.push(chunk)
      kept += chunk.length
    })
    response.once('end', () => resolve(Buffer.concat(chunks).subarray(0, MAX_KEPT_BODY_BYTES).toString('utf8')))
    response.once('error', reject)
    // A response cut off mid-body (the connection closed) ends neither way without this.
    response.once('close', () => {
      if (!response.complete) reject(Object.assign(new Error('the response was cut off'), { code: 'ECONNRESET' }))
    })
  })
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
