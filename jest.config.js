/**
 * Three kinds of test, a jest project each (CONTRIBUTING.md, "Tests"):
 *   unit         pure logic, no process and no socket: `npm run test:unit`, seconds
 *   integration  the client, the transport and the emulator against real sockets, in this process
 *   e2e          the committed bundle and the repository's commands as a runner or a user runs them;
 *                it refuses to start on a dist/ that src/ no longer builds (tools/bundle-stamp.js)
 * The Windows tier runs by itself: `npm run test:windows` (tools/windows/jest.config.js).
 */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] }
}

/** @type {(name: string, extra?: object) => import('jest').Config} */
const project = (name, extra = {}) => ({
  ...shared,
  displayName: name,
  testMatch: [`<rootDir>/__tests__/${name}/**/*.test.ts`],
  ...extra
})

/** @type {import('jest').Config} */
export default {
  projects: [
    project('unit'),
    project('integration'),
    project('e2e', { globalSetup: '<rootDir>/tools/bundle-stamp.js' })
  ],
  // jest reads the timeout from here, not from a project.
  testTimeout: 120000,
  verbose: true
}
