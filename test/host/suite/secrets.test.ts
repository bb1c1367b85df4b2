// Where the token lives: in SecretStorage under the server's URL, and in
// no other store, setting or log the extension writes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { secretKey } from '../../../src/session';
import type { TestApi } from '../../../src/extension';
import {
  demoPassword,
  demoUser,
  eventually,
  scriptedPrompts,
  serverUrl,
  testApi,
  useLocalServer,
} from './context';

suite('Sign-in keeps the token in SecretStorage only', () => {
  let api: TestApi;

  suiteSetup(async () => {
    api = await testApi();
    await useLocalServer();
    await api.session.forget(serverUrl);
  });

  test('a wrong password shows the server message and stores nothing', async () => {
    const prompts = scriptedPrompts({ username: demoUser, password: 'not-the-password' });
    const signedIn = await api.signIn(prompts);

    assert.equal(signedIn, false);
    assert.equal(prompts.failures.length, 1);
    assert.match(prompts.failures[0], /El usuario no pertenece al sistema\./);
    assert.equal(await api.secrets.get(secretKey(serverUrl)), undefined);
    assert.equal(api.session.state.signedIn, false);
  });

  test('the prompt is prefilled with the configured server', async () => {
    const prompts = scriptedPrompts({ username: demoUser, password: 'x' });
    await api.signIn(prompts);
    assert.equal(prompts.asked[0], `serverUrl=${serverUrl}`);
  });

  test('the right password stores the token under the server URL', async () => {
    const signedIn = await api.signIn(
      scriptedPrompts({ username: demoUser, password: demoPassword }),
    );

    assert.equal(signedIn, true);
    const token = await api.secrets.get(secretKey(serverUrl));
    assert.ok(token && token.split('.').length === 3, 'a JWT is stored');
    const state = api.session.state;
    assert.ok(state.signedIn);
    assert.equal(state.username, demoUser);
    assert.ok(state.expiresAt && state.expiresAt.getTime() > Date.now(), 'expiry read from exp');
  });

  test('the token is in no memento, setting or log; the password nowhere', async () => {
    const token = await api.secrets.get(secretKey(serverUrl));
    assert.ok(token);
    await api.connection.call('CVN_PLAN_SEGURO', 'GetAllActives');

    for (const [name, memento] of [
      ['globalState', api.globalState],
      ['workspaceState', api.workspaceState],
    ] as const) {
      for (const key of memento.keys()) {
        const text = JSON.stringify(memento.get(key));
        assert.ok(!text.includes(token), `${name}.${key} holds the token`);
        assert.ok(!text.includes(demoPassword), `${name}.${key} holds the password`);
      }
    }

    const settings =
      JSON.stringify(vscode.workspace.getConfiguration('romsoft').inspect('serverUrl')) +
      JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(!settings.includes(token), 'a setting holds the token');

    // User/globalStorage/<extension> sits beside User/settings.json.
    const userSettings = path.join(api.globalStorageUri.fsPath, '..', '..', 'settings.json');
    assert.ok(fs.existsSync(userSettings), `no user settings at ${userSettings}`);
    const settingsText = fs.readFileSync(userSettings, 'utf8');
    assert.ok(settingsText.includes(serverUrl), 'the server URL was saved as a setting');
    assert.ok(!settingsText.includes(token), 'settings.json holds the token');

    const logs = await readLogs(api.logUri);
    assert.ok(logs.files > 0, 'the Romsoft log file exists');
    assert.match(logs.text, /CVN_PLAN_SEGURO\/GetAllActives/, 'the call was logged');
    assert.ok(!logs.text.includes(token), 'the log holds the token');
    assert.ok(!logs.text.includes(demoPassword), 'the log holds the password');
  });

  test('an expired token counts as signed out and is deleted', async () => {
    const expired = unsignedToken({
      unique_name: demoUser,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    await api.secrets.store(secretKey(serverUrl), expired);
    await eventually(async () => !(await api.session.reload()).signedIn, 'signed out state');
    assert.equal(await api.secrets.get(secretKey(serverUrl)), undefined);
  });

  test('Sign Out deletes the token', async () => {
    await api.signIn(scriptedPrompts({ username: demoUser, password: demoPassword }));
    assert.ok(await api.secrets.get(secretKey(serverUrl)));

    await vscode.commands.executeCommand('romsoft.signOut');

    assert.equal(await api.secrets.get(secretKey(serverUrl)), undefined);
    assert.equal(api.session.state.signedIn, false);
  });
});

/** The extension writes its log beside its logUri; read every file there. */
async function readLogs(logUri: vscode.Uri): Promise<{ text: string; files: number }> {
  // Give the log a moment to reach the disk.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const roots = [logUri.fsPath, path.dirname(logUri.fsPath)];
  let text = '';
  let files = 0;
  const walk = (dir: string, depth: number) => {
    if (!fs.existsSync(dir) || depth > 3) {
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, depth + 1);
      } else if (entry.name.endsWith('.log') && /romsoft/i.test(full)) {
        text += fs.readFileSync(full, 'utf8');
        files += 1;
      }
    }
  };
  roots.forEach((root) => walk(root, 0));
  return { text, files };
}

function unsignedToken(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}
