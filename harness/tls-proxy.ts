/**
 * An https front for the emulator on loopback: what an https base-url, or an https S3, looks
 * like to the action. It forwards every request to the emulator and records what it received;
 * it can also rewrite the presigned URLs a generate answer hands out (to send the PUTs to
 * another front, to plain http, or with credentials in them), as a misconfigured server or a
 * meddling proxy would. The certificate is made for the run with openssl; the action trusts it
 * through NODE_EXTRA_CA_CERTS, as a runner trusts a corporate CA.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

export interface TestCertificate {
  key: Buffer
  cert: Buffer
  /** The certificate's PEM file: NODE_EXTRA_CA_CERTS for the action. */
  certFile: string
  remove: () => Promise<void>
}

/** A self-signed certificate for 127.0.0.1 (and localhost), valid for a day. */
export async function makeTestCertificate(): Promise<TestCertificate> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-tls-'))
  const keyFile = path.join(dir, 'key.pem')
  const certFile = path.join(dir, 'cert.pem')
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost'
    ])
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw new Error(`openssl could not make a test certificate: ${(error as Error).message}`)
  }
  return {
    key: await readFile(keyFile),
    cert: await readFile(certFile),
    certFile,
    remove: async () => await rm(dir, { recursive: true, force: true })
  }
}

export interface SeenRequest {
  method: string
  /** Path and query, as received. */
  url: string
  headers: http.IncomingHttpHeaders
}

export interface TlsProxy {
  /** https://127.0.0.1:port */
  url: string
  /** Every request received, in order. */
  seen: SeenRequest[]
  close: () => Promise<void>
}

export interface TlsProxyOptions {
  /** The emulator's http origin. */
  target: string
  certificate: TestCertificate
  /** Applied to every presigned_url of a generate answer. */
  rewritePresignedUrl?: (url: string) => string
}

export async function startTlsProxy(options: TlsProxyOptions): Promise<TlsProxy> {
  const target = new URL(options.target)
  const seen: SeenRequest[] = []
  const server = https.createServer({ key: options.certificate.key, cert: options.certificate.cert }, (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } })
    // The emulator checks signatures against the Host it receives: give it its own.
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host }
      },
      answer => {
        const rewrite = options.rewritePresignedUrl
        if (rewrite === undefined || !(req.url ?? '').includes('generate-presigned-url')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          let body = Buffer.concat(chunks)
          try {
            const parsed = JSON.parse(body.toString('utf8')) as { presigned_urls?: Array<{ presigned_url: string }> }
            for (const entry of parsed.presigned_urls ?? []) entry.presigned_url = rewrite(entry.presigned_url)
            body = Buffer.from(JSON.stringify(parsed))
          } catch {
            // Not JSON (an error page): passed on as it is.
          }
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) })
          res.end(body)
        })
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    seen,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
