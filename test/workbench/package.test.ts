// The .vsix a clinic would install: built by vsce, holding only what the
// extension needs, and working once installed into code-server (no
// extensionDevelopmentPath): the plans view and the playground appear.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startRomsoftServer, RomsoftTestServer } from '../server';
import { repoRoot } from '../support/paths';
import { launchBrowser, Workbench } from './browser';
import { CodeServer, startCodeServer } from './codeServer';

const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'romsoft-vsix-'));
const vsix = path.join(scratch, 'romsoft-clinica.vsix');

let server: RomsoftTestServer;
let codeServer: CodeServer;
let browser: Browser;

before(async () => {
  server = await startRomsoftServer();
});

after(async () => {
  await browser?.close();
  await codeServer?.close();
  await server?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('vsce packages only the bundle, media, translations and docs', { timeout: 180_000 }, () => {
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  assert.ok(fs.statSync(vsix).size > 10_000);

  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).split('\n').map((line) => line.trim()).filter(Boolean);
  for (const needed of ['dist/extension.js', 'dist/playground.js', 'media/playground.css',
    'media/romsoft.svg', 'package.nls.es.json', 'l10n/bundle.l10n.es.json']) {
    assert.ok(listed.includes(needed), `${needed} is missing from the package`);
  }
  const strays = listed.filter((file) => /^(src|test|out|node_modules|scripts|\.cache)\//.test(file)
    || file.endsWith('.map') || file === 'media/catalog.json');
  assert.deepEqual(strays, []);
});

test('the installed .vsix activates in code-server', { timeout: 180_000 }, async () => {
  codeServer = await startCodeServer({ settings: { 'romsoft.serverUrl': server.url } });
  const installed = await codeServer.installExtension(vsix);
  assert.match(installed, /romsoft-clinica/i);

  browser = await launchBrowser();
  const workbench = await Workbench.create(browser);
  await workbench.open(codeServer.workbenchUrl({}));

  await workbench.clickActivityBarItem('Romsoft');
  await workbench.page.locator('.pane .welcome-view-content')
    .getByRole('button', { name: 'Sign In' })
    .waitFor({ timeout: 20_000 });

  await workbench.runCommand('Romsoft: Open Request Playground');
  const page = await workbench.webviewFrame('#patient-query', { timeoutMs: 20_000 });
  assert.match(await page.textContent('.session-text') ?? '', /not signed in/);
  await workbench.screenshot('10-installed-vsix');
  await workbench.close();
});
