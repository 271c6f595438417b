/**
 * A reverse proxy for tests that holds chosen requests before passing them on, like a server
 * that is slow to act. A held request reaches the server even when the client has gone by
 * then, as it would in production: the client's giving up does not undo what it sent.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SlowProxy {
  url: string
  close(): Promise<void>
}

export interface SlowProxyOptions {
  /** Where requests go, e.g. the emulator's URL. */
  target: string
  /** How long to hold a request before passing it on; 0 to pass it at once. */
  holdMs: (req: http.IncomingMessage) => number
  /** Called as each request arrives. */
  onRequest?: (req: http.IncomingMessage) => void
}

export async function startSlowProxy(options: SlowProxyOptions): Promise<SlowProxy> {
  const target = new URL(options.target)
  const server = http.createServer((req, res) => {
    options.onRequest?.(req)
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      setTimeout(() => forward(req, Buffer.concat(chunks), res), options.holdMs(req))
    })
  })
  function forward(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'content-length': body.length }
      },
      answer => {
        if (res.destroyed) {
          answer.resume()
          return
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    upstream.end(body)
  }
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
