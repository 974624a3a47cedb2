/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@swc/jest' },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  reporters: require('../../.ci/test-reporters').jestReporters(),
};
