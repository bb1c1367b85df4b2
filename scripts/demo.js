// `npm run demo`: the local Romsoft server with demo data, and VS Code with
// the extension loaded and romsoft.serverUrl pointing at that server.
// VS Code desktop when `code` is on PATH, otherwise the code-server
// workbench, whose address is printed. Ctrl+C stops everything.
//
//   npm run demo -- --patients 100000 --plans 200 --seed 7 --port 8080
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const setup = require('./setup');

const args = parseArgs(process.argv.slice(2));

main().catch((error) => {
  console.error(`The demo could not start: ${error.message}`);
  process.exit(1);
});

async function main() {
  setup.ensureNodeModules();
  const desktop = !args.web && hasDesktopCode();
  if (!desktop) {
    setup.ensureWorkbench();
  }
  setup.build();

  const { startRomsoftServer, DEMO_USERNAME, DEMO_PASSWORD } = require('../out/test/server');
  const server = await startRomsoftServer({
    seed: args.seed,
    patients: args.patients ?? 200,
    plans: args.plans ?? 25,
    port: args.port,
  });
  const workspace = demoWorkspace(server.url);
  const stops = [() => server.close()];

  let opened;
  if (desktop) {
    const code = spawn(
      'code',
      ['--new-window', `--extensionDevelopmentPath=${setup.root}`, workspace],
      {
        stdio: 'ignore',
      },
    );
    code.on('error', (error) => console.error(`Could not start VS Code: ${error.message}`));
    opened = 'VS Code desktop opened the demo workspace.';
  } else {
    const { startCodeServer } = require('../out/test/workbench/codeServer');
    const codeServer = await startCodeServer({
      settings: { 'romsoft.serverUrl': server.url },
      port: args.workbenchPort,
    });
    stops.unshift(() => codeServer.close());
    const url = codeServer.workbenchUrl({
      folder: workspace,
      extensionDevelopmentPath: setup.root,
    });
    opened = `Open VS Code in your browser:\n  ${url}`;
  }

  const active = server.data.plans.filter((plan) => plan.active).length;
  console.log('');
  console.log(`Romsoft demo server: ${server.url}`);
  console.log(`  ${server.data.patients.length} patients, ${active} active insurance plans`);
  console.log(`  User name: ${DEMO_USERNAME}`);
  console.log(`  Password:  ${DEMO_PASSWORD}`);
  console.log('');
  console.log(opened);
  console.log('Then run "Romsoft: Sign In" from the command palette (Ctrl+Shift+P).');
  console.log('Press Ctrl+C to stop.');

  const stop = async () => {
    for (const close of stops) {
      await close().catch(() => undefined);
    }
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A folder whose workspace settings point the extension at the server. */
function demoWorkspace(serverUrl) {
  const folder = path.join(setup.root, '.cache', 'demo-workspace');
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  const settings = { 'romsoft.serverUrl': serverUrl };
  fs.writeFileSync(
    path.join(folder, '.vscode', 'settings.json'),
    `${JSON.stringify(settings, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(folder, 'README.md'),
    [
      '# Romsoft demo workspace',
      '',
      `This folder's settings point the Romsoft extension at ${serverUrl}.`,
      'Sign in with the user name and password printed by `npm run demo`.',
      '',
    ].join('\n'),
  );
  return folder;
}

function hasDesktopCode() {
  const probe = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return !probe.error && probe.status === 0;
}

function parseArgs(argv) {
  const numbers = {
    '--patients': 'patients',
    '--plans': 'plans',
    '--seed': 'seed',
    '--port': 'port',
    '--workbench-port': 'workbenchPort',
  };
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--web') {
      parsed.web = true;
    } else if (numbers[flag]) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) {
        throw new Error(`${flag} needs a whole number`);
      }
      parsed[numbers[flag]] = value;
    } else {
      console.error(`Unknown option ${flag}. Options: ${Object.keys(numbers).join(' ')} --web`);
      process.exit(2);
    }
  }
  return parsed;
}
