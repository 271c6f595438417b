/**
 * How the Windows tier judges the jest run under node.exe (tools/windows/unit-suites.ts): every
 * failure fails it, read from Windows paths, and so does a run that says nothing.
 */
import { describe, expect, it } from '@jest/globals'
import { failuresIn, tierExit, type JestResults } from '../../tools/windows/unit-suites.js'

const run = (tests: Array<{ fullName: string; status: string }>, error: string | null = null): JestResults => ({
  summary: {
    total: tests.length,
    passed: tests.filter(test => test.status === 'passed').length,
    failed: tests.filter(test => test.status === 'failed').length,
    pending: tests.filter(test => test.status === 'pending').length
  },
  suites: [{ path: 'Z:\\work\\repo\\__tests__\\unit\\a.test.ts', error, tests }]
})

describe('tierExit', () => {
  it('passes a run with tests that all passed or were skipped, and jest exiting 0', () => {
    const results = run([
      { fullName: 'x passes', status: 'passed' },
      { fullName: 'x skipped by a probe', status: 'pending' }
    ])
    expect(tierExit(results, 0)).toBe(0)
  })

  it('fails on one failed test, a suite that failed to run, a non-zero exit, or no test at all', () => {
    expect(tierExit(run([{ fullName: 'x fails', status: 'failed' }]), 1)).toBe(1)
    expect(tierExit(run([{ fullName: 'x fails', status: 'failed' }]), 0)).toBe(1)
    expect(tierExit(run([], 'Cannot find module'), 1)).toBe(1)
    expect(tierExit(run([{ fullName: 'x passes', status: 'passed' }]), 1)).toBe(1)
    expect(tierExit(run([]), 0)).toBe(1)
  })
})

describe('failuresIn', () => {
  it('reads Windows suite paths, and counts a suite that failed with no failed test as one failure', () => {
    const failed = failuresIn({
      summary: { total: 3, passed: 1, failed: 1, pending: 1 },
      suites: [
        {
          path: 'Z:\\work\\repo\\__tests__\\a.test.ts',
          error: null,
          tests: [
            { fullName: 'x passes', status: 'passed' },
            { fullName: 'x fails', status: 'failed' },
            { fullName: 'x skipped', status: 'pending' }
          ]
        },
        { path: 'Z:\\work\\repo\\__tests__\\b.test.ts', error: 'Cannot read properties of undefined', tests: [] }
      ]
    })
    expect(failed).toEqual(['__tests__/a.test.ts › x fails', '__tests__/b.test.ts › (suite)'])
  })
})
