const fs = require('node:fs');
const path = require('node:path');

/** Writes `{ passed, failed }` for one jest run; suites that crash count as failed. */
class JestSummaryReporter {
  constructor(_globalConfig, options) {
    this.summaryDir = options.summaryDir;
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    fs.mkdirSync(this.summaryDir, { recursive: true });
    const file = path.join(this.summaryDir, `jest-${process.pid}-${Date.now()}.json`);
    fs.writeFileSync(file, JSON.stringify({ runner: 'jest', cwd: process.cwd(), passed: results.numPassedTests, failed }));
  }
}

module.exports = JestSummaryReporter;
