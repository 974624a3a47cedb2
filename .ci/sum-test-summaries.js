// Prints "N passed, N failed" over every runner's summary in the directory given.
// Usage: node .ci/sum-test-summaries.js DIR EXIT_STATUS_OF_NPM_TEST
const fs = require('node:fs');
const path = require('node:path');

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir)) {
  const summary = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  // Our jest reporter writes { passed, failed }; vitest's json reporter the jest-style counts.
  passed += summary.passed ?? summary.numPassedTests ?? 0;
  failed += summary.failed ?? (summary.numFailedTests ?? 0) + (summary.numRuntimeErrorTestSuites ?? 0);
}
// A step that failed outside any runner (lint, type check, a crash) still counts.
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
