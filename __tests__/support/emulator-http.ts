/** Raw HTTP against the emulator, so a test controls every header and byte (and can send none). */
import { expect } from '@jest/globals'
import http from 'node:http'
import { EMULATOR_API_KEY, GENERATE_PRESIGNED_PATH, UPLOAD_FILE_PATH, type Emulator } from '../../emulator/server.js'

export interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export interface PresignedEntry {
  presigned_url: string
  s3_path: string
  storage_url: string
  file_name: string
  content_type: string
}

/** One request on a connection of its own. A function body gets the request to write itself. */
export async function request(
  method: string,
  url: string,
  headers: http.OutgoingHttpHeaders,
  body?: string | Buffer | ((req: http.ClientRequest) => void)
): Promise<Reply> {
  return await new Promise((resolve, reject) => {
    const target = new URL(url)
    const req = http.request(
      {
        method,
        host: target.hostname,
        port: target.port,
        path: url.slice(target.origin.length),
        headers,
        agent: false
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', chunk => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    if (typeof body === 'function') body(req)
    else req.end(body)
  })
}

export function apiHeaders(emulator: Emulator, type = 'application/json'): http.OutgoingHttpHeaders {
  return { 'content-type': type, 'x-api-key': emulator.apiKey || EMULATOR_API_KEY }
}

export async function generate(emulator: Emulator, name: string, type: string, size: number): Promise<PresignedEntry> {
  const reply = await request(
    'POST',
    emulator.url + GENERATE_PRESIGNED_PATH,
    apiHeaders(emulator),
    JSON.stringify({ files: [{ name, type, size }] })
  )
  expect(reply.status).toBe(200)
  return (JSON.parse(reply.body) as { presigned_urls: PresignedEntry[] }).presigned_urls[0]
}

export async function put(entry: PresignedEntry, content: string): Promise<Reply> {
  return await request(
    'PUT',
    entry.presigned_url,
    { 'content-type': entry.content_type, 'content-length': Buffer.byteLength(content) },
    content
  )
}

export function confirmBody(entry: PresignedEntry, size: number): string {
  return JSON.stringify({ is_presigned: true, ...entry, file_size: size })
}

export async function confirm(
  emulator: Emulator,
  entry: PresignedEntry,
  size: number,
  headers: http.OutgoingHttpHeaders = {}
): Promise<Reply> {
  return await request(
    'POST',
    emulator.url + UPLOAD_FILE_PATH,
    { ...apiHeaders(emulator), ...headers },
    confirmBody(entry, size)
  )
}

export const BOUNDARY = '----EmulatorTestBoundary'

/** A multipart body with one file part whose Content-Disposition parameters are given as they are. */
export function multipartBody(dispositionParams: string, content: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; ${dispositionParams}\r\n` +
      `Content-Type: text/plain\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`,
    'utf8'
  )
}

export async function upload(
  emulator: Emulator,
  dispositionParams: string,
  content: string,
  headers: http.OutgoingHttpHeaders = {}
): Promise<Reply> {
  return await request(
    'POST',
    emulator.url + UPLOAD_FILE_PATH,
    { ...apiHeaders(emulator, `multipart/form-data; boundary=${BOUNDARY}`), ...headers },
    multipartBody(dispositionParams, content)
  )
}

/** The asset an upload or confirm answered with. */
export function assetOf(reply: Reply): { id: string; asset_name: string } {
  return (JSON.parse(reply.body) as { asset: { id: string; asset_name: string } }).asset
}
