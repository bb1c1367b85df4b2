// Brings a fresh clone to a runnable state: npm packages, the Debian
// packages and code-server the workbench needs, and a build. Used by both
// `npm run demo` and `npm test`, so the two can never disagree on set-up.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    throw result.error;
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
  if (stale) {
    console.log('Installing npm packages…');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

function ensureWorkbench() {
  run('bash', [path.join(root, 'scripts', 'install-code-server.sh')]);
}

function build() {
  console.log('Building…');
  run(process.execPath, [path.join(root, 'esbuild.js')]);
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root]);
}

module.exports = { root, run, ensureNodeModules, ensureWorkbench, build };
