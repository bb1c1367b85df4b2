// Calls Romsoft on behalf of the views: the configured server, the
// session's token, the timeout setting, and one reaction to HTTP 401 (the
// token is dropped and the person is asked to sign in again).
import * as vscode from 'vscode';
import { CallOptions, RomsoftClient } from './api/client';
import type { Outcome } from './api/envelope';
import { Commands } from './constants';
import type { Log } from './log';
import type { Session } from './session';
import { configuredServerUrl, rawServerUrl, requestTimeoutMs, strictSSL } from './settings';
import { BAD_SERVER_URL, NO_SERVER } from './views/explainOutcome';

export class Connection {
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
    options: CallOptions = {},
  ): Promise<Outcome> {
    const client = this.clientFor(this.serverUrl);
    if (!client) {
      const code = rawServerUrl().trim() === '' ? NO_SERVER : BAD_SERVER_URL;
      return {
        kind: 'network',
        action: `${controller}/${action}`,
        elapsedMs: 0,
        reason: code,
        code,
        timedOut: false,
        cancelled: false,
      };
    }

    const outcome = await client.call(controller, action, body, options);
    if (outcome.kind === 'unauthorized' && this.session.state.signedIn) {
      await this.session.forget(client.baseUrl);
      void this.offerSignIn(
        vscode.l10n.t('The Romsoft server ended your session. Sign in again to continue.'),
      );
    }
    return outcome;
  }

  /** A client for an explicit server (sign-in asks before it is saved). */
  clientFor(serverUrl: string | undefined): RomsoftClient | undefined {
    if (!serverUrl) {
      return undefined;
    }

    // Settings are read per call, so a changed timeout applies at once.
    return new RomsoftClient({
      baseUrl: serverUrl,
      timeoutMs: requestTimeoutMs(),
      strictSSL: strictSSL(),
      token: () => (serverUrl === this.serverUrl ? this.session.token() : undefined),
      onCall: (record) => this.log.call(record),
    });
  }

  /**
   * Asks once, however many calls failed together. Not awaited by callers:
   * an answer must not wait for the person to read a notification.
   */
  async offerSignIn(message: string): Promise<void> {
    if (this.promptingSignIn) {
      return;
    }

    this.promptingSignIn = true;
    const signIn = vscode.l10n.t('Sign In');
    const choice = await vscode.window.showWarningMessage(message, signIn);
    this.promptingSignIn = false;
    if (choice === signIn) {
      await vscode.commands.executeCommand(Commands.signIn);
    }
  }
}
