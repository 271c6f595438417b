/** Which presigned URLs the client follows: only as safely as the API was reached. */
import { describe, expect, it } from '@jest/globals'
import { presignedUrlProblem } from '../../src/netiks/client.js'

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
