// Runs test/host/suite inside a real VS Code (code-server) against the
// local Romsoft server, and fails here for each test that failed there.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERNAME, RomsoftTestServer, startRomsoftServer } from '../server';
import { repoRoot } from '../support/paths';
import { runHostSuite } from './hostSuite';

let server: RomsoftTestServer;

before(async () => {
  server = await startRomsoftServer({ patients: 200, plans: 25 });
});

after(async () => {
  await server.close();
});

test('the extension-host suite passes in code-server', { timeout: 8 * 60_000 }, async () => {
  const result = await runHostSuite({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'index.js'),
    settings: { 'romsoft.serverUrl': server.url },
    env: {
      ROMSOFT_TEST_SERVER_URL: server.url,
      ROMSOFT_TEST_USERNAME: DEMO_USERNAME,
      ROMSOFT_TEST_PASSWORD: DEMO_PASSWORD,
    },
  });

  console.log(result.output);
  assert.deepEqual(result.failures, []);
  assert.equal(result.failed, 0);
  assert.ok(result.passed >= 10, `only ${result.passed} host tests ran`);
});
