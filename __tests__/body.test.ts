import { describe, expect, it } from '@jest/globals'
import busboy from 'busboy'
import { truncate } from 'node:fs/promises'
import path from 'node:path'
import { Writable, type Readable } from 'node:stream'
import { FileReadError } from '../src/errors.js'
import { describeFile } from '../src/files.js'
import { encodeFormDataName, openFileBody, openMultipartBody, type StreamedBody } from '../src/netiks/body.js'
import { makeWorkspace, sha256, writeWorkspaceFile } from './helpers.js'

/** Runs a body into memory, copying each chunk (the body reuses its buffers). */
async function drain(body: StreamedBody): Promise<Buffer> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      setImmediate(callback)
    }
  })
  await body.writeTo(sink)
  return Buffer.concat(chunks)
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function parseMultipart(body: Buffer, contentType: string) {
  return await new Promise<{ field: string; filename: string; mimeType: string; data: Buffer }>((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' })
    parser.on('file', (field, stream, info) => {
      readAll(stream).then(
        data => resolve({ field, filename: info.filename ?? '', mimeType: info.mimeType, data }),
        reject
      )
    })
    parser.on('error', reject)
    parser.end(body)
  })
}

describe('openFileBody', () => {
  it('streams the exact bytes and their sha256, across several reused slices', async () => {
    const ws = await makeWorkspace()
    const content = Buffer.alloc(3 * 1024 * 1024 + 123)
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) % 251
    const target = await writeWorkspaceFile(ws, 'a.bin', content)
    const body = openFileBody(describeFile(target, content.length, ws))
    expect(body.length).toBe(content.length)
    expect((await drain(body)).equals(content)).toBe(true)
    expect(body.sha256()).toBe(sha256(content))
  })

  it('streams an empty file', async () => {
    const ws = await makeWorkspace({ 'empty.txt': '' })
    const body = openFileBody(describeFile(path.join(ws, 'empty.txt'), 0, ws))
    expect((await drain(body)).length).toBe(0)
    expect(body.sha256()).toBe(sha256(''))
  })

  it('fails with FileReadError when the file shrank after it was found', async () => {
    const ws = await makeWorkspace({ 'a.txt': 'hello world' })
    const file = describeFile(path.join(ws, 'a.txt'), 11, ws)
    await truncate(file.absolutePath, 5)
    await expect(drain(openFileBody(file))).rejects.toThrow(
      new FileReadError('a.txt changed while it was being uploaded: expected 11 bytes, read 5.')
    )
  })

  it('stops with an error when the sink closes mid-body, releasing the file', async () => {
    const ws = await makeWorkspace()
    const target = await writeWorkspaceFile(ws, 'big.bin', Buffer.alloc(5 * 1024 * 1024, 1))
    const body = openFileBody(describeFile(target, 5 * 1024 * 1024, ws))
    let writes = 0
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        if (++writes === 2) sink.destroy()
        else setImmediate(callback)
      }
    })
    await expect(body.writeTo(sink)).rejects.toThrow()
    expect(writes).toBeLessThanOrEqual(3)
  })

  it('fails with FileReadError when the file vanished', async () => {
    const ws = await makeWorkspace()
    const file = describeFile(path.join(ws, 'gone.txt'), 3, ws)
    await expect(drain(openFileBody(file))).rejects.toThrow(/Could not read gone.txt: ENOENT/)
  })
})

describe('openMultipartBody', () => {
  it.each(['app.zip', "ünï cøde (1)+[x]&'.txt", 'quote"d.txt', 'empty.bin'])(
    'builds a body a multipart parser reads back: %s',
    async name => {
      const ws = await makeWorkspace()
      const content = name === 'empty.bin' ? Buffer.alloc(0) : Buffer.from(`content of ${name}`)
      const target = await writeWorkspaceFile(ws, name, content)
      const body = openMultipartBody(describeFile(target, content.length, ws), 'file')
      const bytes = await drain(body)
      expect(bytes.length).toBe(body.length)
      const part = await parseMultipart(bytes, body.contentType)
      expect(part.field).toBe('file')
      expect(part.filename.replace(/%22/g, '"')).toBe(name)
      expect(part.data.equals(content)).toBe(true)
      expect(body.sha256()).toBe(sha256(content))
    }
  )

  it('escapes quote, CR and LF in filenames as browsers do', () => {
    expect(encodeFormDataName('a"b\r\nc')).toBe('a%22b%0D%0Ac')
  })
})
