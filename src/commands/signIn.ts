// "Romsoft: Sign In" and "Romsoft: Sign Out". The password lives only in
// this function's locals for the length of one Login call.
import * as vscode from 'vscode';
import { hostOf, normalizeServerUrl } from '../api/serverUrl';
import type { Outcome } from '../api/envelope';
import type { Connection } from '../connection';
import type { Session } from '../session';
import { rawServerUrl, saveServerUrl } from '../settings';
import { explainOutcome } from '../views/explainOutcome';
import { withoutLinks } from '../views/plainText';
import { Commands } from '../constants';

/** What the person typed, so "Try Again" does not make them type it twice. */
interface SignInDraft {
  serverUrl?: string;
  username?: string;
}

/** The three questions, replaceable so tests can answer them. */
export interface SignInPrompts {
  serverUrl(value: string): Promise<string | undefined>;
  username(value: string | undefined): Promise<string | undefined>;
  password(username: string): Promise<string | undefined>;
  /** Offers choices after a failure; resolves to the one picked. */
  failure(message: string, ...choices: string[]): Thenable<string | undefined>;
}

export const inputBoxPrompts: SignInPrompts = {
  serverUrl: askServerUrl,
  username: askUsername,
  password: askPassword,
  failure: (message, ...choices) => vscode.window.showErrorMessage(message, ...choices),
};

export async function signIn(
  session: Session,
  connection: Connection,
  prompts: SignInPrompts = inputBoxPrompts,
  draft: SignInDraft = {},
): Promise<boolean> {
  const serverUrl = await prompts.serverUrl(draft.serverUrl ?? rawServerUrl());
  if (!serverUrl) {
    return false;
  }

  const username = await prompts.username(draft.username ?? session.lastUsername(serverUrl));
  if (username === undefined) {
    return false;
  }

  const password = await prompts.password(username);
  if (password === undefined) {
    return false;
  }

  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Signing in to {0}…', hostOf(serverUrl)),
      cancellable: true,
    },
    (_progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      const client = connection.clientFor(serverUrl);
      const body = { Username: username, Password: password, ValidacionAD: false };
      return client!.call('Account', 'Login', body, { signal: abort.signal });
    },
  );

  const token = outcome.kind === 'ok' ? readToken(outcome.envelope.Data) : undefined;
  if (outcome.kind === 'ok' && token) {
    await saveServerUrl(serverUrl);
    const state = await session.store(serverUrl, token, {
      username,
      displayName: readDisplayName(outcome.envelope.Data) ?? username,
    });
    const until =
      state.signedIn && state.expiresAt
        ? vscode.l10n.t('until {0}', state.expiresAt.toLocaleString())
        : vscode.l10n.t('with no expiry date');
    const who = state.signedIn ? state.displayName : username;
    void vscode.window.showInformationMessage(
      withoutLinks(vscode.l10n.t('Signed in to {0} as {1}, {2}.', hostOf(serverUrl), who, until)),
    );
    return true;
  }

  return offerRetry(session, connection, prompts, outcome, { serverUrl, username });
}

export async function signOut(session: Session, serverUrl: string | undefined): Promise<void> {
  if (!serverUrl) {
    void vscode.window.showInformationMessage(vscode.l10n.t('You are not signed in to Romsoft.'));
    return;
  }

  await session.forget(serverUrl);
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}.', hostOf(serverUrl)));
}

async function askServerUrl(value: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to Romsoft (1/3)'),
    prompt: vscode.l10n.t('Server URL, for example http://192.168.1.20:8080'),
    value,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const check = normalizeServerUrl(text);
      return check.ok ? undefined : vscode.l10n.t('Enter an http:// or https:// address.');
    },
  });
  if (answer === undefined) {
    return undefined;
  }

  const check = normalizeServerUrl(answer);
  return check.ok ? check.url : undefined;
}

async function askPassword(username: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to Romsoft (3/3)'),
    prompt: vscode.l10n.t('Password for {0}', username),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' ? vscode.l10n.t('Enter your password.') : undefined),
  });
}

async function askUsername(value: string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to Romsoft (2/3)'),
    prompt: vscode.l10n.t('User name'),
    value: value ?? '',
    ignoreFocusOut: true,
    validateInput: (text) =>
      text.trim() === '' ? vscode.l10n.t('Enter your user name.') : undefined,
  });
  return answer?.trim();
}

async function offerRetry(
  session: Session,
  connection: Connection,
  prompts: SignInPrompts,
  outcome: Outcome,
  draft: Required<SignInDraft>,
): Promise<boolean> {
  if (outcome.kind === 'network' && outcome.cancelled) {
    return false;
  }

  const explanation =
    outcome.kind === 'ok'
      ? { summary: vscode.l10n.t('The server signed you in but sent no token.'), hint: '' }
      : outcome.kind === 'warning'
        ? {
            summary: outcome.envelope.Message ?? vscode.l10n.t('The server refused the sign-in.'),
            hint: vscode.l10n.t('Check the user name and password.'),
          }
        : explainOutcome(outcome, hostOf(draft.serverUrl));
  const tryAgain = vscode.l10n.t('Try Again');
  const showLog = vscode.l10n.t('Show Log');
  const openSettings = vscode.l10n.t('Open Settings');
  const choices = 'nextStep' in explanation && explanation.nextStep === 'openSettings'
    ? [tryAgain, openSettings, showLog]
    : [tryAgain, showLog];
  const message = [explanation.summary, explanation.hint].filter(Boolean).join(' ');
  const choice = await prompts.failure(withoutLinks(message), ...choices);

  if (choice === tryAgain) {
    return signIn(session, connection, prompts, draft);
  }
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'romsoft.');
  }
  if (choice === showLog) {
    await vscode.commands.executeCommand(Commands.showLog);
  }
  return false;
}

function readToken(data: unknown): string | undefined {
  const token = (data as { token?: unknown } | null)?.token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

function readDisplayName(data: unknown): string | undefined {
  const user = data as { nombres?: unknown; apellidos?: unknown } | null;
  const parts = [user?.nombres, user?.apellidos].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}
