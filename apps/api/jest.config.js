/**
 * Unit specs (*.spec.ts) sit beside the code; integration specs (*.int-spec.ts) talk
 * to a real PostgreSQL that the global setup starts once per run.
 * @type {import('jest').Config}
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true } }];
/**
 * ESM-only packages, compiled for jest wherever they sit in node_modules (light-my-request keeps its own cookie),
 * and @fastify/cookie, which loads cookie with an import() that jest cannot run: compiled, it requires it.
 */
const ESM_ONLY = ['content-disposition', '@nestjs', 'cookie', '@scure/base', '@noble/hashes', '@fastify/cookie'];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  // Node 20's jest cannot require ES modules; the ESM-only dependencies are compiled.
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_ONLY.join('|')})/).*/node_modules/`],
  moduleNameMapper: {
    '^@trustwork/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@trustwork/trust-program$': '<rootDir>/../../libs/trust-program/src/index.ts',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  reporters: require('../../.ci/test-reporters').jestReporters(),
  maxWorkers: 2,
  testTimeout: 30000,
};
