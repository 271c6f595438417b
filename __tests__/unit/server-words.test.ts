/** What of a server's words the client passes on: worded errors, and never a secret or a signature. */
import { describe, expect, it } from '@jest/globals'
import { describeServerError, redactSecrets, redactUrl } from '../../src/netiks/client.js'

describe('describeServerError', () => {
  const describe_ = (body: string) => describeServerError({ body, headers: {} })
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
  ])('reads %s', (body, words) => {
    expect(describe_(body)).toBe(words)
  })
  it('trims long bodies to a few hundred characters', () => {
    expect(describe_('x'.repeat(5000)).length).toBeLessThanOrEqual(301)
  })
})

describe('redaction', () => {
  it('removes the api key and signatures from server words', () => {
    expect(redactSecrets('bad key ne-abc in X-Amz-Signature=abcdef&X-Amz-Credential=AKIA%2F', 'ne-abc')).toBe(
      'bad key *** in X-Amz-Signature=***&X-Amz-Credential=***'
    )
  })
  it('drops the query string of a presigned URL', () => {
    expect(redactUrl('https://s3.example/bucket/a%20b.zip?X-Amz-Signature=abc')).toBe(
      'https://s3.example/bucket/a%20b.zip'
    )
  })
})
