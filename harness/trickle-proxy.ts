/**
 * A reverse proxy for tests that passes every request to the emulator and gives chosen answers
 * back one byte at a time, the status line and headers included: a server that always moves and
 * never finishes, which no stall timer notices. The presigned URLs of generate answers are
 * rewritten to point at the proxy, so that the PUTs come through it too (the emulator checks
 * signatures against the Host it receives: it is given its own).
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface TrickleProxy {
  /** http://127.0.0.1:port: the base-url, and the origin of the presigned URLs handed out. */
  url: string
  /** Every request received, in order. */
  seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; trickled: boolean }>
  close(): Promise<void>
}

export interface TrickleProxyOptions {
  /** The emulator's http origin. */
  target: string
  /** Whether this request's answer is trickled. */
  trickle: (req: http.IncomingMessage) => boolean
  /** Milliseconds between two bytes of a trickled answer; 1000 by default. */
  byteIntervalMs?: number
}

export async function startTrickleProxy(options: TrickleProxyOptions): Promise<TrickleProxy> {
  const target = new URL(options.target)
  const seen: TrickleProxy['seen'] = []
  const timers = new Set<NodeJS.Timeout>()
  let origin = ''
  const server = http.createServer((req, res) => {
    const trickled = options.trickle(req)
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, trickled })
    forward(
      req,
      target,
      (answer, answerBody) => {
        let body = answerBody
        if ((req.url ?? '').includes('generate-presigned-url')) body = pointPutsAt(body, options.target, origin)
        if (trickled) return trickle(req.socket, serialize(answer, body), options.byteIntervalMs ?? 1000, timers)
        const headers = { ...answer.headers, 'content-length': String(body.length) }
        delete headers['transfer-encoding']
        res.writeHead(answer.statusCode ?? 502, headers).end(body)
      },
      () => res.destroy()
    )
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    seen,
    close: async () => {
      for (const timer of timers) clearInterval(timer)
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

/** Sends a request on to `target` once it is all in, and hands over the answer once it is all in. */
function forward(
  req: http.IncomingMessage,
  target: URL,
  answered: (answer: http.IncomingMessage, body: Buffer) => void,
  failed: () => void
): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host }
      },
      answer => {
        const answerChunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk))
        answer.on('end', () => answered(answer, Buffer.concat(answerChunks)))
      }
    )
    upstream.on('error', failed)
    upstream.end(Buffer.concat(chunks))
  })
}

/** Writes `bytes` to the socket one byte every `intervalMs`; the timer is in `timers` until it stops. */
function trickle(socket: Socket, bytes: Buffer, intervalMs: number, timers: Set<NodeJS.Timeout>): void {
  let sent = 0
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= bytes.length) return stop()
    socket.write(bytes.subarray(sent, ++sent))
  }, intervalMs)
  const stop = (): void => {
    clearInterval(timer)
    timers.delete(timer)
  }
  timers.add(timer)
  socket.once('close', stop)
}

/** The whole answer as it goes on the wire, with a length and `Connection: close`. */
function serialize(answer: http.IncomingMessage, body: Buffer): Buffer {
  const status = answer.statusCode ?? 502
  const lines = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`]
  for (const [name, value] of Object.entries(answer.headers)) {
    if (['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) continue
    for (const one of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${one}`)
  }
  lines.push(`content-length: ${body.length}`, 'connection: close', '', '')
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body])
}

/** A generate answer whose presigned URLs point at the proxy instead of the emulator. */
function pointPutsAt(body: Buffer, from: string, to: string): Buffer {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { presigned_urls?: Array<{ presigned_url: string }> }
    for (const entry of parsed.presigned_urls ?? []) entry.presigned_url = entry.presigned_url.replace(from, to)
    return Buffer.from(JSON.stringify(parsed))
  } catch {
    return body // not JSON (an error page): passed on as it is
  }
}
