import { describe, expect, it } from '@jest/globals'
import { parseOutputFile } from '../../harness/run-action.js'

/** What @actions/core's setOutput writes, with the platform's line ending. */
function outputRecord(name: string, value: string, eol: string): string {
  const delimiter = `ghadelimiter_${name}`
  return `${name}<<${delimiter}${eol}${value}${eol}${delimiter}${eol}`
}

describe('parseOutputFile', () => {
  it.each([
    ['LF (Linux, macOS)', '\n'],
    ['CRLF (Windows)', '\r\n']
  ])('reads the records @actions/core writes with %s', (_platform, eol) => {
    const text =
      outputRecord('count', '2', eol) +
      outputRecord('asset-ids', '["a","b"]', eol) +
      outputRecord('failed', '', eol) +
      outputRecord('assets', '[\n  {"name": "x"}\n]', eol)
    expect(parseOutputFile(text)).toEqual({
      count: '2',
      'asset-ids': '["a","b"]',
      failed: '',
      assets: '[\n  {"name": "x"}\n]'
    })
  })

  it('reads the one-line name=value form too', () => {
    expect(parseOutputFile('count=3\r\nfailed=\n')).toEqual({ count: '3', failed: '' })
  })
})
