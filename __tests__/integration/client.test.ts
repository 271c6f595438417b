import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { AuthError, HttpError, NetworkError, ProtocolError } from '../../src/netiks/errors.js'
import { openFileBody, openMultipartBody } from '../../src/netiks/body.js'
import { NetiksClient } from '../../src/netiks/client.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { describeFile, makeWorkspace, removeDir, sha256, writeWorkspaceFile } from '../support/helpers.js'

let emulator: Emulator
let ws: string

function clientFor(options: { apiKey?: string; baseUrl?: string } = {}): NetiksClient {
  return new NetiksClient({
    baseUrl: options.baseUrl ?? emulator.url,
    apiKey: options.apiKey ?? emulator.apiKey,
    concurrency: 4,
    userAgent: 'test',
    stallTimeoutMs: 10_000
  })
}

async function localFile(name: string, content: string | Buffer) {
  const target = await writeWorkspaceFile(ws, name, content)
  return describeFile(target, Buffer.byteLength(content), ws)
}

beforeAll(async () => {
  emulator = await startEmulator()
  ws = await makeWorkspace()
})
afterAll(async () => {
  await emulator.close()
  await removeDir(ws)
})

describe('NetiksClient against the emulator', () => {
  it('uploads a file in single mode and the server holds its bytes', async () => {
    const client = clientFor()
    const file = await localFile('single.txt', 'single mode bytes')
    const { asset } = await client.uploadMultipart(openMultipartBody(file))
    client.close()
    expect(asset).toMatchObject({ asset_name: 'single.txt', file_size: 17 })
    const held = emulator.state().assets.find(a => a.id === asset.id)
    expect(held?.sha256).toBe(sha256('single mode bytes'))
    expect(await readFile(emulator.assetDiskPath(held!), 'utf8')).toBe('single mode bytes')
  })

  it('generates, PUTs and confirms', async () => {
    const client = clientFor()
    const file = await localFile('bulk one.zip', 'bulk bytes')
    const [entry] = await client.generatePresignedUrls([{ name: file.name, type: file.contentType, size: file.size }])
    expect(entry).toMatchObject({ file_name: 'bulk one.zip', content_type: 'application/zip' })
    expect(entry.presigned_url).toMatch(/X-Amz-Signature=[0-9a-f]{64}/)
    const etag = await client.putObject(entry, openFileBody(file))
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const { asset } = await client.confirmUpload(entry, file.size)
    client.close()
    expect(asset).toMatchObject({ asset_name: 'bulk one.zip', file_size: 10, storage_url: entry.storage_url })
    expect(emulator.state().confirmations[entry.s3_path]).toBe(1)
  })

  it('reads a generate answer of any size: 50 URLs for 200-character names (well over 64 KiB)', async () => {
    const client = clientFor()
    const files = Array.from({ length: 50 }, (_, i) => ({
      name: `${'n'.repeat(196)}${String(i).padStart(2, '0')}.txt`,
      type: 'text/plain',
      size: 1
    }))
    const entries = await client.generatePresignedUrls(files)
    client.close()
    expect(JSON.stringify(entries).length).toBeGreaterThan(64 * 1024)
    expect(entries.map(entry => entry.file_name)).toEqual(files.map(file => file.name))
  })

  it('turns a rejected api key into an AuthError that names the fix and not the key', async () => {
    const client = clientFor({ apiKey: 'ne-wrongwrongwrongwrongwrong0' })
    const error = await client.generatePresignedUrls([{ name: 'a', type: 'text/plain', size: 1 }]).catch(e => e)
    client.close()
    expect(error).toBeInstanceOf(AuthError)
    expect(error.message).toMatch(/rejected the api-key \(HTTP 401: Invalid API key\.\)/)
    expect(error.message).not.toContain('ne-wrongwrongwrongwrongwrong0')
  })

  it('reports a PUT with another content type as SignatureDoesNotMatch, without the signature', async () => {
    const client = clientFor()
    const file = await localFile('typed.json', '{}')
    const [entry] = await client.generatePresignedUrls([{ name: file.name, type: 'application/json', size: 2 }])
    const error = (await client
      .putObject({ ...entry, content_type: 'text/plain' }, openFileBody(file))
      .catch(e => e)) as HttpError
    client.close()
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ step: 'put', status: 403, s3Code: 'SignatureDoesNotMatch' })
    expect(error.message).toMatch(/HTTP 403: SignatureDoesNotMatch: The request signature we calculated/)
    const signature = new URL(entry.presigned_url).searchParams.get('X-Amz-Signature')!
    expect(error.message).not.toContain(signature)
    expect(error.message).not.toContain('X-Amz')
  })

  it('reports a PUT to an altered URL as SignatureDoesNotMatch', async () => {
    const client = clientFor()
    const file = await localFile('altered.txt', 'x')
    const [entry] = await client.generatePresignedUrls([{ name: file.name, type: file.contentType, size: 1 }])
    const altered = { ...entry, presigned_url: entry.presigned_url.replace('altered.txt', 'altered2.txt') }
    await expect(client.putObject(altered, openFileBody(file))).rejects.toMatchObject({ status: 403 })
    client.close()
  })

  it("refuses to confirm what was never PUT, in the server's own words", async () => {
    const client = clientFor()
    const [entry] = await client.generatePresignedUrls([{ name: 'never.txt', type: 'text/plain', size: 1 }])
    const error = (await client.confirmUpload(entry, 1).catch((e: unknown) => e)) as HttpError
    client.close()
    expect(error).toBeInstanceOf(HttpError)
    expect(error.message).toBe(
      'confirm failed with HTTP 400: s3_path: No uploaded file was found at this path. PUT the file before confirming.'
    )
  })

  it('refuses a confirm with the wrong size', async () => {
    const client = clientFor()
    const file = await localFile('sized.txt', 'four')
    const [entry] = await client.generatePresignedUrls([{ name: file.name, type: file.contentType, size: 4 }])
    await client.putObject(entry, openFileBody(file))
    await expect(client.confirmUpload(entry, 5)).rejects.toThrow(/file_size: The uploaded file has 4 bytes, not 5/)
    client.close()
  })

  it('reports an expired presigned URL as S3 does', async () => {
    const shortLived = await startEmulator({ urlTtlSeconds: 1 })
    const client = clientFor({ baseUrl: shortLived.url })
    const file = await localFile('late.txt', 'late')
    const [entry] = await client.generatePresignedUrls([{ name: file.name, type: file.contentType, size: 4 }])
    await new Promise(resolve => setTimeout(resolve, 2100))
    await expect(client.putObject(entry, openFileBody(file))).rejects.toThrow(
      /HTTP 403: AccessDenied: Request has expired/
    )
    client.close()
    await shortLived.close()
  })

  it('PUTs a file of several slices with Expect: 100-continue, and reads the refusal of an expired URL', async () => {
    // X-Amz-Date counts whole seconds, so a URL can live a second less than its TTL: 3 leaves the
    // first PUT at least 2 s, under load or Wine too.
    const shortLived = await startEmulator({ urlTtlSeconds: 3 })
    const client = clientFor({ baseUrl: shortLived.url })
    const content = Buffer.alloc(3 * 1024 * 1024 + 5, 9)
    const file = await localFile('large.bin', content)
    const [fresh, stale] = await client.generatePresignedUrls([
      { name: file.name, type: file.contentType, size: file.size },
      { name: file.name, type: file.contentType, size: file.size }
    ])
    await client.putObject(fresh, openFileBody(file))
    await client.confirmUpload(fresh, file.size)
    await new Promise(resolve => setTimeout(resolve, 4100))
    const error = (await client.putObject(stale, openFileBody(file)).catch((e: unknown) => e)) as HttpError
    client.close()
    const held = shortLived.state().assets.find(a => a.storage_url === fresh.storage_url)
    await shortLived.close()
    expect(held?.sha256).toBe(sha256(content))
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({
      step: 'put',
      status: 403,
      s3Code: 'AccessDenied',
      serverMessage: 'AccessDenied: Request has expired'
    })
  })

  it("keeps a name with quotes exactly, as the server records it (the emulator's parser reads filename*)", async () => {
    const client = clientFor()
    // The name the client sends is the record's, not read from the disk: a file with a legal name
    // on every platform carries it (Windows refuses " in a file name).
    const file = { ...(await localFile('quoted.txt', 'quoted')), name: 'say "hello" it\'s.txt' }
    const { asset } = await client.uploadMultipart(openMultipartBody(file))
    client.close()
    expect(asset.asset_name).toBe('say "hello" it\'s.txt')
  })

  it('words an S3 error without a message (Ceph radosgw) and keeps its code', async () => {
    const http = await import('node:http')
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><RequestId>tx1</RequestId></Error>'
    const server = http.createServer((req, res) => {
      req.resume()
      res.writeHead(403, { 'content-type': 'application/xml' }).end(xml)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const client = clientFor()
    const file = await localFile('rgw.txt', 'x')
    const entry = {
      file_name: 'rgw.txt',
      presigned_url: `http://127.0.0.1:${port}/bucket/rgw.txt?X-Amz-Signature=abc`,
      storage_url: '',
      s3_path: 'rgw.txt',
      content_type: 'text/plain'
    }
    const error = (await client.putObject(entry, openFileBody(file)).catch((e: unknown) => e)) as HttpError
    client.close()
    server.close()
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 403, s3Code: 'AccessDenied', serverMessage: 'AccessDenied (no message)' })
    expect(error.message).toBe(
      `put to http://127.0.0.1:${port}/bucket/rgw.txt failed with HTTP 403: AccessDenied (no message)`
    )
  })

  it('reports a refused connection as a NetworkError naming only the host', async () => {
    const closed = await startEmulator()
    const url = closed.url
    await closed.close()
    const client = clientFor({ baseUrl: url })
    const error = await client.generatePresignedUrls([{ name: 'a', type: 'text/plain', size: 1 }]).catch(e => e)
    client.close()
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toBe(`generate failed: network error (ECONNREFUSED) talking to ${url}.`)
    expect(error.requestSent).toBe(false)
  })

  it('refuses a 2xx answer without an asset id', async () => {
    const http = await import('node:http')
    const server = http.createServer((_req, res) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"asset":{}}')
    )
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const client = clientFor({ baseUrl: `http://127.0.0.1:${port}` })
    const file = await localFile('noid.txt', 'x')
    await expect(client.uploadMultipart(openMultipartBody(file))).rejects.toThrow(ProtocolError)
    client.close()
    server.close()
  })
})

describe("the server's words in an error", () => {
  /** A PUT to a server that answers 400 with the body the URL's query names. */
  async function wordsOf(answer: string, apiKey = 'ne-unused'): Promise<HttpError> {
    const http = await import('node:http')
    const server = http.createServer((req, res) => {
      req.resume()
      res.writeHead(400).end(new URL(req.url!, 'http://x').searchParams.get('answer'))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const client = new NetiksClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey,
      concurrency: 1,
      userAgent: 'test',
      stallTimeoutMs: 10_000
    })
    const file = await localFile('words.txt', 'x')
    const entry = {
      file_name: 'words.txt',
      presigned_url: `http://127.0.0.1:${port}/bucket/a%20b.txt?answer=${encodeURIComponent(answer)}&X-Amz-Signature=abc`,
      storage_url: '',
      s3_path: 'words.txt',
      content_type: 'text/plain'
    }
    const error = (await client.putObject(entry, openFileBody(file)).catch((e: unknown) => e)) as HttpError
    client.close()
    server.close()
    expect(error).toBeInstanceOf(HttpError)
    expect(error.message).toBe(
      `put to http://127.0.0.1:${port}/bucket/a%20b.txt failed with HTTP 400: ${error.serverMessage}`
    )
    return error
  }

  it.each([
    ['{"detail": "Invalid API key."}', 'Invalid API key.'],
    ['{"file": ["No file was submitted."]}', 'file: No file was submitted.'],
    ['{"files": [{}, {"size": ["A valid integer is required."]}]}', 'files: ; size: A valid integer is required.'],
    [
      '<?xml version="1.0"?><Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match.</Message></Error>',
      'BadDigest: The Content-MD5 you specified did not match.'
    ],
    ['<Error><Code>AccessDenied</Code><RequestId>tx1</RequestId></Error>', 'AccessDenied (no message)'],
    ['<Error><Code>AccessDenied</Code><Message></Message></Error>', 'AccessDenied (no message)'],
    ['<html>\n<h1>502 Bad Gateway</h1>\n</html>', '<html> <h1>502 Bad Gateway</h1> </html>'],
    ['', '(no response body)']
  ])('reads %s', async (body, words) => {
    expect((await wordsOf(body)).serverMessage).toBe(words)
  })

  it('trims long bodies to a few hundred characters', async () => {
    expect((await wordsOf('x'.repeat(5000))).serverMessage.length).toBeLessThanOrEqual(301)
  })

  it('removes the api key and signatures, and the query of the URL it names', async () => {
    const error = await wordsOf('bad key ne-abc in X-Amz-Signature=abcdef&X-Amz-Credential=AKIA%2F', 'ne-abc')
    expect(error.serverMessage).toBe('bad key *** in X-Amz-Signature=***&X-Amz-Credential=***')
  })
})
