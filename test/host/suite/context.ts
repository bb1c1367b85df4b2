// What every host test needs: the activated extension's test API, the
// local server the harness started, and scripted answers to sign-in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SignInPrompts } from '../../../src/commands/signIn';
import type { TestApi } from '../../../src/extension';

export const EXTENSION_ID = 'romsoft-tools.romsoft-clinica';

/** Set by the harness: the local Romsoft server and its demo user. */
export const serverUrl = requiredEnv('ROMSOFT_TEST_SERVER_URL');
export const demoUser = requiredEnv('ROMSOFT_TEST_USERNAME');
export const demoPassword = requiredEnv('ROMSOFT_TEST_PASSWORD');

export async function testApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.ok(api, 'the extension gives its test API only in test mode');
  return api;
}

/** Points the extension at the harness's server, as a user setting. */
export async function useLocalServer(): Promise<void> {
  await vscode.workspace
    .getConfiguration('romsoft')
    .update('serverUrl', serverUrl, vscode.ConfigurationTarget.Global);
}

/** Answers the three sign-in questions; records any failure message. */
export function scriptedPrompts(answers: {
  serverUrl?: string;
  username: string;
  password: string;
}): SignInPrompts & { failures: string[]; asked: string[] } {
  const failures: string[] = [];
  const asked: string[] = [];
  return {
    failures,
    asked,
    serverUrl: async (value) => {
      asked.push(`serverUrl=${value}`);
      return answers.serverUrl ?? value;
    },
    username: async (value) => {
      asked.push(`username=${value ?? ''}`);
      return answers.username;
    },
    password: async () => answers.password,
    failure: async (message) => {
      failures.push(message);
      return undefined;
    },
  };
}

/** Switches a fault mode of the local server through its control route. */
export async function setServerFaults(faults: object | undefined): Promise<void> {
  const route = faults ? '/__control/faults' : '/__control/faults/clear';
  const response = await fetch(`${serverUrl}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults ?? {}),
  });
  assert.ok(response.ok, `fault switch answered ${response.status}`);
}

/** Polls until `check` is true, for state that settles through events. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this suite through the workbench harness`);
  }
  return value;
}
