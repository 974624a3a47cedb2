// When TEST_SUMMARY_DIR is set (by .ci/run), every test runner also writes a small
// JSON summary there, so CI can print one total over all runners.
const path = require('node:path');

const summaryDir = process.env.TEST_SUMMARY_DIR;

/** Jest reporters: the default one, plus the summary writer under CI. */
function jestReporters() {
  return summaryDir ? ['default', [path.join(__dirname, 'jest-summary-reporter.js'), { summaryDir }]] : ['default'];
}

module.exports = { jestReporters, summaryDir };
