/** The Windows tier's jest run (tools/windows/test.sh): the bundle under node.exe, __tests__/windows/. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import base from '../../jest.config.js'

/** Like e2e, it runs the committed bundle: the same check that dist/ is what src/ builds. */
const e2e = base.projects.find(project => project.displayName === 'e2e')

/** @type {import('jest').Config} */
export default {
  ...e2e,
  rootDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  displayName: 'windows',
  testMatch: ['<rootDir>/__tests__/windows/**/*.test.ts'],
  testTimeout: base.testTimeout,
  verbose: true
}
