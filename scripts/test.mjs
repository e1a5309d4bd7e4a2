// `npm test`: the whole suite (node, web, e2e) through Vitest, then the plain summary line CI reads:
// "N passed, N failed". Extra arguments go to Vitest (e.g. `npm test -- --project node`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// the tests that run `jalon` as a person does start it compiled: compile once here rather than in each of them
spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });

const report = '.test-results/vitest.json';
mkdirSync('.test-results', { recursive: true });
rmSync(report, { force: true });
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  // a file that fails to load has no failed test but is a failure all the same
  failed = json.numFailedTests || json.numFailedTestSuites;
  const skipped = json.numPendingTests + json.numTodoTests;
  if (skipped > 0) console.log(`${skipped} skipped`);
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
