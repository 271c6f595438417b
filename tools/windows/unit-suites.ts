/**
 * Every jest suite of `npm test`, run by jest's own CLI under node.exe (Wine 10), with the
 * verdict checked against tools/windows/known-failures.json: the tests known to fail under
 * Windows or Wine, each with the reason. The run fails on a failure not listed there, and on a
 * listed test that now passes or no longer exists (so the list only ever shrinks, and a fixed
 * test is taken off it in the same change that fixes it); an entry marked intermittent may pass.
 *
 *   tsx tools/windows/unit-suites.ts [jest arguments, e.g. suite paths]
 */
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT, WineSession, findWine } from './run.js'

/**
 * The unit and integration projects: the integration suites drive the transport and the file
 * walk through node.exe's own sockets and file system, where Windows bugs live. The e2e project
 * runs the Linux bundle; the Windows bundle is __tests__/windows/, part (a) of the tier.
 */
const DEFAULT_PROJECTS = ['--selectProjects', 'unit', 'integration']

export const KNOWN_FAILURES = path.join(REPO_ROOT, 'tools', 'windows', 'known-failures.json')

export interface KnownFailure {
  /** `<suite path> › <full test name>`, as `testId` writes it. */
  test: string
  reason: string
  /** Fails only sometimes (timing): not taken for fixed when it passes. */
  intermittent?: boolean
}

/** What tools/windows/results-reporter.js writes. */
export interface JestResults {
  summary: { total: number; passed: number; failed: number; pending: number }
  suites: Array<{ path: string; error: string | null; tests: Array<{ fullName: string; status: string }> }>
}

export interface Verdict {
  unexpected: string[]
  fixed: KnownFailure[]
  known: KnownFailure[]
}

function testId(suite: string, fullName: string): string {
  return `${suite} › ${fullName}`
}

/** The suite's path relative to the repository, with / (jest reports `Z:\…\__tests__\x.test.ts`). */
function suitePath(name: string): string {
  const parts = name.split(/[\\/]/)
  const at = parts.lastIndexOf('__tests__')
  return parts.slice(at).join('/')
}

/** Failed tests; a suite that failed to run (or to clean up) with no test failed is `<suite> › (suite)`. */
export function failuresIn(results: JestResults): string[] {
  const failed: string[] = []
  for (const suite of results.suites) {
    const file = suitePath(suite.path)
    const tests = suite.tests.filter(test => test.status === 'failed').map(test => testId(file, test.fullName))
    if (suite.error !== null && tests.length === 0) tests.push(testId(file, '(suite)'))
    failed.push(...tests)
  }
  return failed
}

/**
 * The run's failures against the list. `suites`: the suites a run of only some ran, whose
 * entries alone are judged; undefined for a run of all, where an entry of a suite that is gone
 * is stale too.
 */
export function judge(failed: string[], known: KnownFailure[], suites?: Set<string>): Verdict {
  const knownIds = new Set(known.map(entry => entry.test))
  const failedIds = new Set(failed)
  const judged = suites === undefined ? known : known.filter(entry => suites.has(entry.test.split(' › ')[0]))
  return {
    unexpected: failed.filter(id => !knownIds.has(id)),
    fixed: judged.filter(entry => !failedIds.has(entry.test) && entry.intermittent !== true),
    known: judged.filter(entry => failedIds.has(entry.test))
  }
}

async function main(jestArgs: string[]): Promise<number> {
  const found = await findWine()
  if (found.setup === undefined) {
    console.error(`windows: the unit suites cannot run under node.exe: ${found.reason}`)
    return 3
  }
  const known = JSON.parse(await readFile(KNOWN_FAILURES, 'utf8')) as KnownFailure[]
  const session = await WineSession.open(found.setup)
  const dir = await session.tempDir('netiks-wine-jest-')
  try {
    const jest = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js')
    const reporter = path.join(REPO_ROOT, 'tools', 'windows', 'results-reporter.js')
    const json = path.join(dir, 'results.json')
    const run = await session.node({
      args: [
        '--experimental-vm-modules',
        session.windowsPath(jest),
        '--ci',
        // Under Wine jest waits for ever after the run: a handle some failing suite left open.
        '--forceExit',
        ...(jestArgs.length === 0 ? DEFAULT_PROJECTS : jestArgs),
        // Last: an array option takes the paths after it as reporters.
        '--reporters=default',
        `--reporters=${session.windowsPath(reporter)}`
      ],
      env: { CI: 'true', NETIKS_JEST_RESULTS: session.windowsPath(json) },
      cwd: REPO_ROOT
    })
    process.stderr.write(run.stdout + run.stderr)
    const results = JSON.parse(await readFile(json, 'utf8').catch(() => 'null')) as JestResults | null
    if (results === null) {
      console.error(`windows: jest under node.exe wrote no results (exit ${run.exitCode})`)
      return 1
    }
    const suites = jestArgs.length === 0 ? undefined : new Set(results.suites.map(suite => suitePath(suite.path)))
    const verdict = judge(failuresIn(results), known, suites)
    report(results, verdict)
    return verdict.unexpected.length === 0 && verdict.fixed.length === 0 ? 0 : 1
  } finally {
    await rm(dir, { recursive: true, force: true })
    await session.close()
  }
}

function report(results: JestResults, verdict: Verdict): void {
  const { summary } = results
  const lines = [
    `windows: under node.exe ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} skipped ` +
      `of ${summary.total} tests in ${results.suites.length} suites`
  ]
  if (verdict.known.length > 0) {
    lines.push(`windows: ${verdict.known.length} known to fail (${path.relative(REPO_ROOT, KNOWN_FAILURES)}):`)
    for (const entry of verdict.known) lines.push(`  KNOWN  ${entry.test}\n         ${entry.reason}`)
  }
  for (const id of verdict.unexpected) lines.push(`  FAILED ${id}`)
  for (const entry of verdict.fixed) {
    lines.push(
      `  FIXED  ${entry.test}: it passes (or is gone) now; take it off ${path.relative(REPO_ROOT, KNOWN_FAILURES)}`
    )
  }
  console.log(lines.join('\n'))
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.join(REPO_ROOT, 'tools', 'windows', 'unit-suites.ts')
) {
  process.exitCode = await main(process.argv.slice(2))
}
