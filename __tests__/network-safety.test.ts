/**
 * Issue 23, points 3 and 14: the api key never goes out in clear text by accident, and the
 * base-url advice agrees with itself. Through the committed bundle, run as a runner
 * runs it, against the emulator and small loopback servers.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parse } from 'yaml'
import { startConnectProxy } from '../harness/connect-proxy.js'
import { REPO_ROOT, runAction, type ActionRun } from '../harness/run-action.js'
import { WrongBaseUrlError } from '../src/transfer/breaker.js'
import { Cleanups } from './helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const FILES = { 'build/a.txt': 'alpha', 'build/b.txt': 'bravo', 'build/c.txt': 'charlie' }

function inputs(baseUrl: string, apiKey: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': apiKey,
    path: 'build',
    mode: 'bulk',
    'base-url': baseUrl,
    'allow-insecure-http': 'false',
    concurrency: '8',
    'if-no-files-found': 'error',
    retries: '4',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'basename',
    manifest: '',
    shard: '',
    ...overrides
  }
}

const errorLines = (run: ActionRun): string[] => run.stdout.split('\n').filter(line => line.startsWith('::error'))

/** A loopback server that answers every request with `handler`; closed after the test. */
async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  cleanups.defer(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('3: an http base-url to another host is refused before any request', () => {
  it('names why and the one input that allows it; with that input, the same run uploads', async () => {
    // A host name that only the proxy knows, so that nothing leaves the machine either way.
    const emulator = await cleanups.emulator({ publicHost: 'netiks.remote.test' })
    const proxy = await startConnectProxy(emulator.port)
    cleanups.defer(() => proxy.close())
    const ws = await cleanups.workspace(FILES)
    const remote = `http://netiks.remote.test:${emulator.port}`
    const env = { http_proxy: proxy.url }

    const refused = await runAction({ workspace: ws, inputs: inputs(remote, emulator.apiKey), env })
    expect(refused.exitCode).toBe(1)
    expect(errorLines(refused)).toEqual([
      `::error::Input 'base-url' is plain http to netiks.remote.test:${emulator.port}, which is not this machine: ` +
        'the api key would travel unencrypted, readable by anyone on the way. Use https. Only for a private test ' +
        'server on a network you trust, set "allow-insecure-http: true" to allow it.'
    ])
    expect(proxy.tunnels).toEqual([])
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })

    const allowed = await runAction({
      workspace: ws,
      inputs: inputs(remote, emulator.apiKey, { 'allow-insecure-http': 'true' }),
      env
    })
    expect(errorLines(allowed)).toEqual([])
    expect(allowed.exitCode).toBe(0)
    expect(allowed.outputs.count).toBe('3')
    expect(new Set(proxy.tunnels)).toEqual(new Set([`netiks.remote.test:${emulator.port}`]))
  }, 60_000)

  it('accepts the emulator on loopback as localhost, without the input', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(`http://LOCALHOST:${emulator.port}/`, emulator.apiKey)
    })
    expect(errorLines(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(emulator.state().assets).toHaveLength(3)
  }, 30_000)
})

describe('14: the base-url advice agrees with itself and with the code', () => {
  /** The base-url description in action.yml and the 404 error, as a user reads them. */
  async function advice(): Promise<{ description: string; notFound: string }> {
    const action = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string }>
    }
    const notFound = new WrongBaseUrlError('https://h', { step: 'generate', serverMessage: 'Not Found' } as never)
    return { description: action.inputs['base-url'].description, notFound: notFound.message }
  }

  it('both say: without /api/v1, the origin or the path a reverse proxy serves the API under', async () => {
    const { description, notFound } = await advice()
    for (const text of [description, notFound]) {
      expect(text).toContain('without /api/v1')
      expect(text).toContain('https://prod.backend.netikscloud.com')
      expect(text).toMatch(/the path a reverse proxy serves it under, such as https:\/\/proxy\.example\/netiks/)
      expect(text).not.toMatch(/any other path|only the (API )?origin/)
    }
  })

  it('which the code does: a base-url with a path works behind a reverse proxy that serves the API there', async () => {
    const emulator = await cleanups.emulator()
    const target = new URL(emulator.url)
    const front = await serve((req, res) => {
      if (!(req.url ?? '').startsWith('/netiks/')) return void res.writeHead(404).end()
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: (req.url ?? '').slice('/netiks'.length),
          headers: { ...req.headers, host: target.host }
        },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(upstream)
    })
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({ workspace: ws, inputs: inputs(`${front}/netiks/`, emulator.apiKey) })
    expect(errorLines(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(emulator.state().assets).toHaveLength(3)
  }, 30_000)
})
