import { describe, expect, it } from '@jest/globals'
import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { ACCESS_KEY_ID, PresignedUrlSigner, REGION, SECRET_ACCESS_KEY } from '../../emulator/signer.js'

/** AWS's own SigV4 signer, set up the way the S3 request presigner uses it. */
const aws = new SignatureV4({
  credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  region: REGION,
  service: 's3',
  sha256: Hash.bind(null, 'sha256'),
  uriEscapePath: false,
  applyChecksum: false
})

const host = '127.0.0.1:8787'
const now = new Date('2026-11-25T10:00:00Z')

async function presignWithAws(
  encodedPath: string,
  contentType: string,
  expiresIn = 900,
  signingDate = now
): Promise<URL> {
  const signed = await aws.presign(
    new HttpRequest({
      method: 'PUT',
      protocol: 'http:',
      hostname: host,
      path: encodedPath,
      // The payload hash is read from this header; it is neither signed nor put in the URL.
      headers: { host, 'content-type': contentType, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      query: {}
    }),
    {
      expiresIn,
      signingDate,
      unsignableHeaders: new Set(['x-amz-content-sha256']),
      unhoistableHeaders: new Set(['x-amz-content-sha256'])
    }
  )
  const url = new URL(`http://${host}${encodedPath}`)
  for (const [key, value] of Object.entries(signed.query ?? {})) url.searchParams.set(key, String(value))
  return url
}

function checkOf(url: URL | string, contentType: string, at = now): Parameters<PresignedUrlSigner['check']>[0] {
  const text = String(url)
  const [rawPath, rawQuery] = text.slice(`http://${host}`.length).split('?')
  return {
    method: 'PUT',
    rawPath,
    query: new URLSearchParams(rawQuery),
    headers: { host, 'content-type': contentType },
    now: at
  }
}

describe('emulator signer agrees with AWS SigV4 (@smithy/signature-v4)', () => {
  const cases = [
    ['/netiks-assets/developer-uploads/abc/app.tar.gz', 'application/gzip'],
    ['/netiks-assets/developer-uploads/abc/a%20b%2Bc%C3%A9.txt', 'text/plain; charset=utf-8'],
    ['/netiks-assets/developer-uploads/abc/%E2%9C%93%20%28x%29.bin', 'application/octet-stream']
  ] as const

  it.each(cases)('makes the same signature as AWS for %s', async (encodedPath, contentType) => {
    const ours = new URL(
      await new PresignedUrlSigner().presignPut({ host, encodedPath, contentType, expiresInSeconds: 900, now })
    )
    const theirs = await presignWithAws(encodedPath, contentType)
    expect(ours.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.fromEntries(ours.searchParams)).toEqual(Object.fromEntries(theirs.searchParams))
  })

  it.each(cases)('accepts a URL AWS presigned for %s', async (encodedPath, contentType) => {
    const url = await presignWithAws(encodedPath, contentType)
    await expect(new PresignedUrlSigner().check(checkOf(url, contentType))).resolves.toBeUndefined()
  })

  it('refuses an AWS-signed URL sent with another content type, or after it expired', async () => {
    const signer = new PresignedUrlSigner()
    const url = await presignWithAws('/netiks-assets/k/file.bin', 'application/octet-stream', 60)
    expect(await signer.check(checkOf(url, 'text/plain'))).toMatchObject({ code: 'SignatureDoesNotMatch' })
    expect(await signer.check(checkOf(url, 'application/octet-stream', new Date(now.getTime() + 61_000)))).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
      expired: true
    })
  })

  it('signs each day with that day’s key', async () => {
    const signer = new PresignedUrlSigner()
    const tomorrow = new Date(now.getTime() + 86_400_000)
    const encodedPath = '/netiks-assets/k/file.bin'
    const contentType = 'application/octet-stream'
    await signer.presignPut({ host, encodedPath, contentType, expiresInSeconds: 900, now })
    const ours = new URL(
      await signer.presignPut({ host, encodedPath, contentType, expiresInSeconds: 900, now: tomorrow })
    )
    const theirs = await presignWithAws(encodedPath, contentType, 900, tomorrow)
    expect(ours.searchParams.get('X-Amz-Signature')).toBe(theirs.searchParams.get('X-Amz-Signature'))
  })
})

describe('emulator signer with the credentials of another S3', () => {
  const credentials = { accessKeyId: 'OTHERS3ACCESSKEY0001', secretAccessKey: 'other-secret', region: 'eu-west-3' }
  const other = new SignatureV4({
    credentials,
    region: credentials.region,
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: false
  })

  it('signs a PUT and a HEAD (no content type signed) as AWS does with those credentials', async () => {
    const signer = new PresignedUrlSigner(credentials)
    const encodedPath = '/bucket/k/file%20name.bin'
    for (const [method, contentType] of [
      ['PUT', 'application/octet-stream'],
      ['HEAD', undefined]
    ] as const) {
      const ours = new URL(
        await signer.presign({ method, host, encodedPath, contentType, expiresInSeconds: 60, now, protocol: 'https' })
      )
      expect(ours.protocol).toBe('https:')
      const headers: Record<string, string> = { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }
      if (contentType !== undefined) headers['content-type'] = contentType
      const theirs = await other.presign(
        new HttpRequest({ method, protocol: 'https:', hostname: host, path: encodedPath, headers, query: {} }),
        {
          expiresIn: 60,
          signingDate: now,
          unsignableHeaders: new Set(['x-amz-content-sha256']),
          unhoistableHeaders: new Set(['x-amz-content-sha256'])
        }
      )
      expect(Object.fromEntries(ours.searchParams)).toEqual(theirs.query)
    }
  })

  it("checks against its own access key: the emulator's default key is refused", async () => {
    const url = await new PresignedUrlSigner().presignPut({
      host,
      encodedPath: '/b/k',
      contentType: 'text/plain',
      expiresInSeconds: 60,
      now
    })
    expect(await new PresignedUrlSigner(credentials).check(checkOf(url, 'text/plain'))).toMatchObject({
      code: 'InvalidAccessKeyId'
    })
  })
})
