/**
 * The unit and integration suites, run by jest's own CLI under node.exe (Wine 10). Every test
 * passes there, or is skipped by a capability probe that prints why (no symbolic links under
 * Wine, no python3 on its PATH): any failure, or a run that reports none, fails the tier.
 *
 *   tsx tools/windows/unit-suites.ts [jest arguments, e.g. suite paths; default: the two projects]
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

/** What tools/windows/results-reporter.js writes. */
export interface JestResults {
  summary: { total: number; passed: number; failed: number; pending: number }
  suites: Array<{ path: string; error: string | null; tests: Array<{ fullName: string; status: string }> }>
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

/** The tier passes when jest ran tests, none failed, and it exited 0 (nothing else went wrong). */
export function tierExit(results: JestResults, jestExit: number): 0 | 1 {
  return failuresIn(results).length === 0 && jestExit === 0 && results.summary.total > 0 ? 0 : 1
}

async function main(jestArgs: string[]): Promise<number> {
  const found = await findWine()
  if (found.setup === undefined) {
    console.error(`windows: the unit suites cannot run under node.exe: ${found.reason}`)
    return 3
  }
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
    report(results, run.exitCode)
    return tierExit(results, run.exitCode)
  } finally {
    await rm(dir, { recursive: true, force: true })
    await session.close()
  }
}

function report(results: JestResults, jestExit: number): void {
  const { summary } = results
  const lines = [
    `windows: under node.exe ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} skipped ` +
      `of ${summary.total} tests in ${results.suites.length} suites; jest exited ${jestExit}`
  ]
  for (const id of failuresIn(results)) lines.push(`  FAILED ${id}`)
  console.log(lines.join('\n'))
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.join(REPO_ROOT, 'tools', 'windows', 'unit-suites.ts')
) {
  process.exitCode = await main(process.argv.slice(2))
}
