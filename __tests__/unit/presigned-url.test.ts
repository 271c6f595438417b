/** Which presigned URLs the client follows: only as safely as the API was reached. */
import { describe, expect, it } from '@jest/globals'
import { CancelledError } from '../../src/model.js'
import { InsecureUrlError } from '../../src/netiks/errors.js'
import { NetiksClient } from '../../src/netiks/client.js'

describe('which presigned URLs are followed', () => {
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
  ])('from %s, %s: %p', async (baseUrl, url, problem) => {
    // A run already cancelled: a URL that is followed gets as far as the transport, which
    // sends nothing; one that is not is refused before that, for what it is.
    const client = new NetiksClient({
      baseUrl,
      apiKey: 'ne-unused',
      concurrency: 1,
      userAgent: 'test',
      stallTimeoutMs: 5000
    })
    const entry = { file_name: 'k', presigned_url: url, storage_url: '', s3_path: 'k', content_type: 'text/plain' }
    const body = { length: 0, writeTo: async () => undefined, sha256: () => '' }
    const error = await client.putObject(entry, body, AbortSignal.abort()).catch((caught: unknown) => caught)
    client.close()
    if (problem === undefined) expect(error).toBeInstanceOf(CancelledError)
    else {
      expect(error).toBeInstanceOf(InsecureUrlError)
      expect((error as Error).message).toMatch(problem)
    }
  })
})
