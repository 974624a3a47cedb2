/**
 * The journeys run against a server that scripts/run-e2e.mjs starts (it sets E2E_BASE_URL),
 * one file at a time: each file drives one browser through steps that build on each other.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  // otplib's ES-module-only dependencies are compiled too: jest cannot require them as they are.
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  transformIgnorePatterns: ['^(?!.*/node_modules/(@scure/base|@noble/hashes)/).*/node_modules/'],
  reporters: require('../../.ci/test-reporters').jestReporters(),
  maxWorkers: 1,
  verbose: true,
  // A journey is many steps in a real browser on a small machine; each step still waits at most 15 s.
  testTimeout: 180000,
};
