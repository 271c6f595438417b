/**
 * The Windows tier's list of unit tests known to fail under node.exe (tools/windows/
 * known-failures.json), and how a run is judged against it: the list itself is checked here,
 * on every platform, so that it cannot name a test that does not exist or give no reason.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { KNOWN_FAILURES, failuresIn, judge, type KnownFailure } from '../../tools/windows/unit-suites.js'
import { REPO_ROOT } from '../../harness/run-action.js'

const known = JSON.parse(readFileSync(KNOWN_FAILURES, 'utf8')) as KnownFailure[]

describe('the known failures under node.exe', () => {
  it('name each test once, in a suite that exists, with the reason', () => {
    expect(new Set(known.map(entry => entry.test)).size).toBe(known.length)
    for (const entry of known) {
      const [suite, name] = entry.test.split(' › ')
      expect({ test: entry.test, suite: existsSync(path.join(REPO_ROOT, suite)) }).toEqual({
        test: entry.test,
        suite: true
      })
      expect(name.length).toBeGreaterThan(0)
      expect(entry.reason.length).toBeGreaterThan(40)
    }
  })
})

describe('judge', () => {
  const list: KnownFailure[] = [
    { test: '__tests__/a.test.ts › fails on Windows', reason: 'r' },
    { test: '__tests__/a.test.ts › resets in flight', reason: 'r', intermittent: true },
    { test: '__tests__/b.test.ts › fails too', reason: 'r' }
  ]

  it('fails a run on a failure not listed, and lists the known ones it saw', () => {
    const verdict = judge(
      ['__tests__/a.test.ts › fails on Windows', '__tests__/b.test.ts › fails too', '__tests__/c.test.ts › new'],
      list
    )
    expect(verdict.unexpected).toEqual(['__tests__/c.test.ts › new'])
    expect(verdict.known.map(entry => entry.test)).toEqual([
      '__tests__/a.test.ts › fails on Windows',
      '__tests__/b.test.ts › fails too'
    ])
    expect(verdict.fixed).toEqual([])
  })

  it('fails a run in which a listed test passes, unless it is intermittent', () => {
    const verdict = judge(['__tests__/b.test.ts › fails too'], list)
    expect(verdict.unexpected).toEqual([])
    expect(verdict.fixed.map(entry => entry.test)).toEqual(['__tests__/a.test.ts › fails on Windows'])
  })

  it('judges only the entries of the suites a partial run ran', () => {
    const verdict = judge([], list, new Set(['__tests__/b.test.ts']))
    expect(verdict.fixed.map(entry => entry.test)).toEqual(['__tests__/b.test.ts › fails too'])
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
