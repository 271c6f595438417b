/**
 * The client against loopback servers standing for S3: a presigned URL it would not follow gets
 * nothing, not even a connection, and a URL is taken as safe only by a start that decides it.
 */
import { describe, expect, it } from '@jest/globals'
import http from 'node:http'
import net from 'node:net'
import { openFileBody } from '../../src/netiks/body.js'
import { NetiksClient } from '../../src/netiks/client.js'
import { InsecureUrlError } from '../../src/netiks/errors.js'
import { describeFile, makeWorkspace, removeDir, writeWorkspaceFile } from '../support/helpers.js'

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
