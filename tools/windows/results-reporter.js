/**
 * A jest reporter that writes each test's verdict to $NETIKS_JEST_RESULTS as JSON, for
 * tools/windows/unit-suites.ts. Not jest's --json: it stops with "Converting circular structure
 * to JSON" when a suite's error holds a cycle, and writes nothing.
 */
import { writeFileSync } from 'node:fs'

export default class ResultsReporter {
  onRunComplete(_contexts, results) {
    const suites = results.testResults.map(suite => ({
      path: suite.testFilePath,
      error: suite.testExecError ? String(suite.testExecError.message ?? suite.testExecError).split('\n')[0] : null,
      tests: suite.testResults.map(test => ({ fullName: test.fullName, status: test.status }))
    }))
    const summary = {
      total: results.numTotalTests,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      pending: results.numPendingTests + results.numTodoTests
    }
    writeFileSync(process.env.NETIKS_JEST_RESULTS, JSON.stringify({ summary, suites }, null, 1))
  }
}
