/**
 * Presigned URLs are followed only as safely as the API was reached, and the api key goes to
 * base-url only (unit/presigned-url and integration/presigned-url-client hold the rules). These
 * run the committed bundle against https fronts of the emulator
 * (harness/tls-proxy.ts, a certificate made with openssl and trusted through
 * NODE_EXTRA_CA_CERTS): one front is base-url, the other stands for S3 and records every
 * request it gets.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { runAction } from '../../harness/run-action.js'
import { makeTestCertificate, startTlsProxy, type TestCertificate, type TlsProxy } from '../../harness/tls-proxy.js'
import { workflowCommandsIn } from '../../harness/workflow-commands.js'
import { assetsOf, failedOf, makeWorkspace, removeDir } from '../support/helpers.js'

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
