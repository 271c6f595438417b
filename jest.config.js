/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // The Windows tier runs by itself: `npm run test:windows` (tools/windows/test.sh).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/windows/'],
  testTimeout: 120000,
  verbose: true
}
