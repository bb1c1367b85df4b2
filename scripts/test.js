// `npm test`: set up what is missing, build, then run every suite with
// Node's test runner: unit tests, the local server's contract, and the
// journeys in a real VS Code (code-server driven by Chromium).
// Workbench suites start their own servers, so files run one at a time.
const fs = require('node:fs');
const path = require('node:path');
const setup = require('./setup');

setup.ensureNodeModules();
setup.ensureWorkbench();
setup.build();

// Screenshots of this run only, so none left from an older run can mislead.
fs.rmSync(path.join(setup.root, 'test-results', 'screenshots'), { recursive: true, force: true });

const suites = ['unit', 'workbench'].map((dir) => path.join('out', 'test', dir));
try {
  setup.run(process.execPath, ['--test', '--test-concurrency=1', ...suites]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
