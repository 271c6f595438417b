/**
 * Presigned URLs are followed only as safely as the API was reached, and the api key goes to
 * base-url only. The https cases run the committed bundle against https fronts of the emulator
 * (harness/tls-proxy.ts, a certificate made with openssl and trusted through
 * NODE_EXTRA_CA_CERTS): one front is base-url, the other stands for S3 and records every
 * request it gets.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import net from 'node:net'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { runAction } from '../../harness/run-action.js'
import { makeTestCertificate, startTlsProxy, type TestCertificate, type TlsProxy } from '../../harness/tls-proxy.js'
import { workflowCommandsIn } from '../../harness/workflow-commands.js'
import { InsecureUrlError } from '../../src/netiks/errors.js'
import { openFileBody } from '../../src/netiks/body.js'
import { NetiksClient, presignedUrlProblem } from '../../src/netiks/client.js'
import { describeFile } from '../../src/files/find.js'
import { assetsOf, failedOf, makeWorkspace, removeDir, writeWorkspaceFile } from '../support/helpers.js'

describe('presignedUrlProblem', () => {
  const HTTPS_API = 'https://prod.backend.netikscloud.com'
  const HTTP_API = 'http://127.0.0.1:8787'
  it.each([
    [HTTPS_API, 'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1', undefined],
    [HTTP_API, 'http://127.0.0.1:8787/bucket/k?X-Amz-Signature=1', undefined],
    [HTTP_API, 'https://bucket.s3.amazonaws.com/k', undefined],
    [HTTPS_API, 'http://bucket.s3.amazonaws.com/k?X-Amz-Signature=1', /is plain http while base-url is https/],
    [HTTPS_API, 'HTTP://bucket.s3.amazonaws.com/k', /is plain http/],
    [HTTPS_API, 'https://user:pass@bucket.s3.amazonaws.com/k', /carries credentials in its authority/],
    [HTTPS_API, 'https://user@bucket.s3.amazonaws.com/k', /carries credentials/],
    [HTTPS_API, 'https://:pass@bucket.s3.amazonaws.com/k', /carries credentials/],
    [HTTP_API, 'http://user:pass@127.0.0.1:8787/k', /carries credentials/],
    [HTTPS_API, 'ftp://bucket.example/k', /is not an http or https URL \(ftp:\)/],
    [HTTPS_API, 'file:///etc/passwd', /is not an http or https URL \(file:\)/],
    [HTTPS_API, 'javascript:alert(1)', /is not an http or https URL/],
    [HTTPS_API, '/relative/path', /is not a URL/]
  ])('from %s, %s: %p', (baseUrl, url, problem) => {
    const found = presignedUrlProblem(url, baseUrl)
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toMatch(problem)
  })
})

describe('NetiksClient.putObject', () => {
  it('sends nothing to a URL it would not follow, even when a caller hands it one', async () => {
    let connections = 0
    const server = net.createServer(socket => {
      connections++
      socket.destroy()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
    const { port } = server.address() as net.AddressInfo
    const ws = await makeWorkspace()
    const client = new NetiksClient({
      baseUrl: 'https://api.example',
      apiKey: 'ne-secret-key-0000000000000',
      concurrency: 1,
      userAgent: 'test',
      stallTimeoutMs: 5000
    })
    try {
      const target = await writeWorkspaceFile(ws, 'a.txt', 'bytes')
      const file = await describeFile(target, 5, ws)
      const entry = {
        file_name: 'a.txt',
        presigned_url: `http://127.0.0.1:${port}/bucket/a.txt?X-Amz-Signature=abc`,
        storage_url: '',
        s3_path: 'a.txt',
        content_type: 'text/plain'
      }
      const error = await client.putObject(entry, openFileBody(file)).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InsecureUrlError)
      expect(error).toMatchObject({ step: 'put' })
      expect((error as Error).message).toContain(`http://127.0.0.1:${port}/bucket/a.txt (query left out)`)
      expect((error as Error).message).not.toContain('X-Amz-Signature')
      expect(connections).toBe(0)
    } finally {
      client.close()
      server.close()
      await removeDir(ws)
    }
  })
})

describe('NetiksClient: a URL is taken as safe only by a start that decides it', () => {
  it('after a safe URL, a URL of the same host with credentials, extra slashes or a backslash is still checked whole', async () => {
    const received: string[] = []
    const server = http.createServer((req, res) => {
      received.push(req.url ?? '')
      req.resume()
      req.on('end', () => res.writeHead(200, { etag: '"e"' }).end())
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
    const host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`
    const ws = await makeWorkspace()
    const client = new NetiksClient({
      baseUrl: `http://${host}`,
      apiKey: 'ne-secret-key-0000000000000',
      concurrency: 1,
      userAgent: 'test',
      stallTimeoutMs: 5000
    })
    try {
      const file = await describeFile(await writeWorkspaceFile(ws, 'a.txt', 'bytes'), 5, ws)
      const put = async (url: string): Promise<unknown> =>
        await client
          .putObject(
            { file_name: 'a.txt', presigned_url: url, storage_url: '', s3_path: 'a.txt', content_type: 'text/plain' },
            openFileBody(file)
          )
          .catch((caught: unknown) => caught)
      expect(await put(`http://${host}/bucket/one?X-Amz-Signature=1`)).toBe('"e"')
      expect(await put(`http://${host}/bucket/two?X-Amz-Signature=2`)).toBe('"e"')
      // WHATWG parsing reads past extra slashes: a safe URL, but its start says nothing.
      expect(await put(`http:///${host}/bucket/three`)).toBe('"e"')
      // Nor does a start of tabs or newlines, which parsing drops: this is http:///host/…
      expect(await put(`http://\t/${host}/bucket/four`)).toBe('"e"')
      for (const unsafe of [
        `http://user:pass@${host}/bucket/a`,
        `http:///user:pass@${host}/bucket/a`,
        `http:\\\\user@${host}/bucket/a`,
        `HTTP://user@${host}/bucket/a`,
        `http://\t/user:pass@${host}/bucket/a`,
        `http://\n\r/user@${host}/bucket/a`
      ]) {
        const error = await put(unsafe)
        expect(error).toBeInstanceOf(InsecureUrlError)
        expect((error as Error).message).toMatch(/carries credentials/)
      }
      expect(received.slice(0, 2)).toEqual(['/bucket/one?X-Amz-Signature=1', '/bucket/two?X-Amz-Signature=2'])
      expect(received).toHaveLength(4)
    } finally {
      client.close()
      server.close()
      await removeDir(ws)
    }
  })
})

describe('through the bundle, with an https base-url', () => {
  const FILES = { 'dist/a.zip': 'first', 'dist/b.zip': 'second', 'dist/c.zip': 'third' }
  let certificate: TestCertificate
  let emulator: Emulator
  let ws: string
  /** Stands for S3: PUTs are pointed here, and it records what it gets. */
  let storage: TlsProxy
  const fronts: TlsProxy[] = []

  beforeAll(async () => {
    certificate = await makeTestCertificate()
    emulator = await startEmulator()
    storage = await startTlsProxy({ target: emulator.url, certificate })
    ws = await makeWorkspace(FILES)
  })
  afterAll(async () => {
    await Promise.all([storage.close(), ...fronts.map(async front => await front.close())])
    await emulator.close()
    await certificate.remove()
    await removeDir(ws)
  })

  /** base-url: an https front of the emulator whose generate answers hand out `rewrite(url)`. */
  async function apiFront(rewrite?: (url: string) => string): Promise<TlsProxy> {
    const front = await startTlsProxy({ target: emulator.url, certificate, rewritePresignedUrl: rewrite })
    fronts.push(front)
    return front
  }

  async function run(api: TlsProxy) {
    return await runAction({
      workspace: ws,
      inputs: { 'api-key': emulator.apiKey, 'base-url': api.url, path: 'dist', mode: 'bulk', retries: '0' },
      env: { NODE_EXTRA_CA_CERTS: certificate.certFile }
    })
  }

  const toStorage = (url: string): string => url.replace(emulator.url, storage.url)

  it('uploads over https, and the api key goes to base-url only, never with a PUT', async () => {
    const api = await apiFront(toStorage)
    const seenBefore = storage.seen.length
    const result = await run(api)
    expect(result.exitCode).toBe(0)
    expect(assetsOf(result).map(asset => asset.name)).toEqual(['a.zip', 'b.zip', 'c.zip'])
    const puts = storage.seen.slice(seenBefore)
    expect(puts.map(request => request.method)).toEqual(['PUT', 'PUT', 'PUT'])
    for (const put of puts) {
      expect(put.headers['x-api-key']).toBeUndefined()
      expect(JSON.stringify(put)).not.toContain(emulator.apiKey)
    }
    expect(api.seen.length).toBe(4) // one generate, three confirms
    for (const call of api.seen) expect(call.headers['x-api-key']).toBe(emulator.apiKey)
  })

  it('refuses plain-http presigned URLs before any byte is sent, with one error', async () => {
    const putsBefore = emulator.state().requests.put
    const result = await run(await apiFront()) // the emulator's own URLs: http
    expect(result.exitCode).toBe(1)
    expect(emulator.state().requests.put).toBe(putsBefore)
    expect(failedOf(result).map(failure => failure.step)).toEqual(['generate', 'generate', 'generate'])
    const errors = workflowCommandsIn(result.stdout).filter(command => command.name === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].data).toMatch(
      /^generate answered a presigned URL for "a\.zip" that is plain http while base-url is https, so the file's bytes would travel unencrypted: http:\/\/127\.0\.0\.1:\d+\/netiks-emulator\/developer-uploads\/[0-9a-f-]+\/a\.zip \(query left out\)\. Nothing was sent to it/
    )
    expect(result.stdout).not.toMatch(/X-Amz-(Signature|Credential)/)
  })

  it('refuses presigned URLs with credentials in their authority, and never prints the password', async () => {
    const seenBefore = storage.seen.length
    const withCredentials = (url: string): string =>
      toStorage(url).replace('https://', 'https://uploader:s3cret-password@')
    const result = await run(await apiFront(withCredentials))
    expect(result.exitCode).toBe(1)
    expect(storage.seen.length).toBe(seenBefore)
    expect(result.stdout).toContain('carries credentials in its authority (user:password@host)')
    expect(result.stdout + result.stderr + result.summary).not.toContain('s3cret-password')
    expect(result.stdout).not.toMatch(/X-Amz-(Signature|Credential)/)
  })
})
