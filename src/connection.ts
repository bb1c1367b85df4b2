// Calls Romsoft on behalf of the views: the configured server, the
// session's token, the timeout setting, and one reaction to HTTP 401 (the
// token is dropped and the person is asked to sign in again).
import * as vscode from 'vscode';
import { RomsoftClient } from './api/client';
import type { Outcome } from './api/envelope';
import { Commands } from './constants';
import type { Log } from './log';
import type { Session } from './session';
import { configuredServerUrl, requestTimeoutMs, strictSSL } from './settings';
import { NO_SERVER } from './views/explainOutcome';

export class Connection implements vscode.Disposable {
  private client: RomsoftClient | undefined;
  private clientKey = '';
  private promptingSignIn = false;

  constructor(
    private readonly session: Session,
    private readonly log: Log,
  ) {}

  /** The configured server, or undefined when the setting is empty or invalid. */
  get serverUrl(): string | undefined {
    return configuredServerUrl();
  }

  /**
   * Sends one action. Without a configured server it answers a network
   * outcome rather than throwing, so every caller has one path for failure.
   */
  async call(
    controller: string,
    action: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<Outcome> {
    const client = this.clientFor(this.serverUrl);
    if (!client) {
      return {
        kind: 'network',
        action: `${controller}/${action}`,
        elapsedMs: 0,
        reason: vscode.l10n.t('No server is configured.'),
        code: NO_SERVER,
        timedOut: false,
        cancelled: false,
      };
    }

    const outcome = await client.call(controller, action, body, { signal });
    if (outcome.kind === 'unauthorized' && this.session.state.signedIn) {
      await this.session.forget(client.baseUrl);
      void this.offerSignIn();
    }
    return outcome;
  }

  /** A client for an explicit server (sign-in asks before it is saved). */
  clientFor(serverUrl: string | undefined): RomsoftClient | undefined {
    if (!serverUrl) {
      return undefined;
    }

    const key = `${serverUrl}|${requestTimeoutMs()}|${strictSSL()}`;
    if (this.client && this.clientKey === key) {
      return this.client;
    }

    this.client?.dispose();
    this.clientKey = key;
    this.client = new RomsoftClient({
      baseUrl: serverUrl,
      timeoutMs: requestTimeoutMs(),
      strictSSL: strictSSL(),
      token: () => (serverUrl === this.serverUrl ? this.session.token() : undefined),
      onCall: (record) => this.log.call(record),
    });
    return this.client;
  }

  dispose(): void {
    this.client?.dispose();
  }

  /** Not awaited by callers: the answer must not wait for the person. */
  private async offerSignIn(): Promise<void> {
    if (this.promptingSignIn) {
      return;
    }

    this.promptingSignIn = true;
    const signIn = vscode.l10n.t('Sign In');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The Romsoft server ended your session. Sign in again to continue.'),
      signIn,
    );
    this.promptingSignIn = false;
    if (choice === signIn) {
      await vscode.commands.executeCommand(Commands.signIn);
    }
  }
}
