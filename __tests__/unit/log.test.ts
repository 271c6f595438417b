import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { EOL } from 'node:os'
import { PerFileLines } from '../../src/report/log.js'

// @actions/core ends each line with os.EOL: \r\n on Windows, which the runner reads as well.

afterEach(() => {
  jest.restoreAllMocks()
})

/** What the lines wrote to stdout, with the run's own writes left alone. */
function captureStdout(): string[] {
  const written: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  return written
}

describe('PerFileLines', () => {
  it('shows the first lines, makes the others only when debug logging would write them', () => {
    const written = captureStdout()
    const made: number[] = []
    const lines = new PerFileLines('confirmed files', 2, false)
    for (let i = 1; i <= 5; i++) {
      lines.line(() => {
        made.push(i)
        return `✓ file ${i}`
      })
    }
    lines.line('a plain line')
    expect(lines.close()).toBe(4)
    expect(made).toEqual([1, 2])
    expect(written.join('')).toMatch(
      new RegExp(`^✓ file 1${EOL}✓ file 2${EOL}… and 4 more lines of confirmed files, not shown: `)
    )
    expect(written.join('')).not.toContain('a plain line')
  })

  it('with debug logging, writes every line, the rest as debug lines', () => {
    const written = captureStdout()
    const lines = new PerFileLines('unchanged files', 1, true)
    lines.line(() => '= a')
    lines.line(() => '= b')
    lines.line('= c')
    expect(lines.close()).toBe(2)
    expect(written).toEqual([`= a${EOL}`, `::debug::= b${EOL}`, `::debug::= c${EOL}`])
  })
})
