// Typed reads of the extension's settings, with the same fallbacks the
// manifest documents.
import * as vscode from 'vscode';
import { normalizeServerUrl } from './api/serverUrl';
import { Settings } from './constants';

export function configuredServerUrl(): string | undefined {
  const raw = section().get<string>(Settings.serverUrl, '');
  const check = normalizeServerUrl(raw);
  return check.ok ? check.url : undefined;
}

export function rawServerUrl(): string {
  return section().get<string>(Settings.serverUrl, '');
}

export function requestTimeoutMs(): number {
  const seconds = section().get<number>(Settings.requestTimeoutSeconds, 30);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

export function strictSSL(): boolean {
  return section().get<boolean>(Settings.strictSSL, true);
}

/** Saves the server URL where the user keeps it: workspace if set there. */
export async function saveServerUrl(url: string): Promise<void> {
  const inspected = section().inspect<string>(Settings.serverUrl);
  const target = inspected?.workspaceValue !== undefined
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await section().update(Settings.serverUrl, url, target);
}

export function affectsServer(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration(`${Settings.section}.${Settings.serverUrl}`) ||
    event.affectsConfiguration(`${Settings.section}.${Settings.requestTimeoutSeconds}`) ||
    event.affectsConfiguration(`${Settings.section}.${Settings.strictSSL}`)
  );
}

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(Settings.section);
}
