/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@swc/jest' },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The agreements' spec checks the texts against the limits and fields the contracts set.
  moduleNameMapper: { '^@trustwork/contracts$': '<rootDir>/../contracts/src/index.ts' },
  reporters: require('../../.ci/test-reporters').jestReporters(),
};
