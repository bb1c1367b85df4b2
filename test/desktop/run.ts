// `npm run test:desktop`: the same extension-host suite as the code-server
// run, in VS Code desktop through @vscode/test-electron. It downloads VS
// Code 1.100.3, so it needs internet access, unless VSCODE_EXECUTABLE
// names a VS Code already installed. CI here uses code-server instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { DEMO_PASSWORD, DEMO_USERNAME, startRomsoftServer } from '../server';
import { repoRoot } from '../support/paths';

async function main(): Promise<void> {
  const server = await startRomsoftServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'romsoft-desktop-'));
  const folder = path.join(scratch, 'workspace');
  fs.mkdirSync(folder);

  try {
    await runTests({
      version: '1.100.3',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'index.js'),
      launchArgs: [folder, '--user-data-dir', path.join(scratch, 'user-data'),
        '--disable-workspace-trust', '--disable-telemetry'],
      extensionTestsEnv: {
        ROMSOFT_TEST_SERVER_URL: server.url,
        ROMSOFT_TEST_USERNAME: DEMO_USERNAME,
        ROMSOFT_TEST_PASSWORD: DEMO_PASSWORD,
      },
    });
  } finally {
    await server.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
