// Who is signed in where. The session alone touches SecretStorage: the
// token is stored there under the server's URL and nowhere else. Views
// listen to `onDidChange` and never read secrets themselves.
import * as vscode from 'vscode';
import { isExpired, readTokenClaims } from './api/jwt';
import { hostOf } from './api/serverUrl';
import { ContextKeys, PROFILES_STATE_KEY, TOKEN_SECRET_PREFIX } from './constants';
import type { Log } from './log';

export type SessionState =
  | { signedIn: false; serverUrl: string | undefined }
  | {
      signedIn: true;
      serverUrl: string;
      username: string;
      displayName: string;
      expiresAt: Date | undefined;
    };

/** Who signed in, kept in globalState: it is not secret, the token is. */
interface Profile {
  username: string;
  displayName: string;
}

export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SessionState>();
  readonly onDidChange = this.changed.event;

  private readonly expired = new vscode.EventEmitter<string>();
  /** Fires with the server URL when a token reaches its `exp` while in use. */
  readonly onDidExpire = this.expired.event;

  private current: SessionState = { signedIn: false, serverUrl: undefined };
  private expiryTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly globalState: vscode.Memento,
    private readonly log: Log,
    private readonly serverUrl: () => string | undefined,
  ) {
    this.subscriptions.push(
      this.changed,
      this.expired,
      secrets.onDidChange((event) => {
        if (event.key.startsWith(TOKEN_SECRET_PREFIX)) {
          void this.reload();
        }
      }),
    );
  }

  get state(): SessionState {
    return this.current;
  }

  /** Re-reads the token for the configured server (after a settings change too). */
  async reload(): Promise<SessionState> {
    const serverUrl = this.serverUrl();
    const next = serverUrl ? await this.readState(serverUrl) : undefined;
    this.update(next ?? { signedIn: false, serverUrl });
    return this.current;
  }

  /** The token for the configured server, or undefined when signed out. */
  async token(): Promise<string | undefined> {
    const serverUrl = this.serverUrl();
    if (!serverUrl) {
      return undefined;
    }

    const token = await this.secrets.get(secretKey(serverUrl));
    const claims = token ? readTokenClaims(token) : undefined;
    if (token && claims && isExpired(claims)) {
      this.log.info('session', `the token for ${hostOf(serverUrl)} has expired`);
      await this.forget(serverUrl);
      return undefined;
    }
    return token;
  }

  /** Keeps a token the server just issued; the password never comes here. */
  async store(serverUrl: string, token: string, profile: Profile): Promise<SessionState> {
    await this.secrets.store(secretKey(serverUrl), token);
    await this.globalState.update(PROFILES_STATE_KEY, {
      ...this.profiles(),
      [serverUrl]: profile,
    });
    this.log.info('session', `signed in to ${hostOf(serverUrl)} as ${profile.username}`);
    return this.reload();
  }

  /** Deletes the token; the user name stays so the next sign-in is quicker. */
  async forget(serverUrl: string): Promise<void> {
    await this.secrets.delete(secretKey(serverUrl));
    this.log.info('session', `signed out of ${hostOf(serverUrl)}`);
    if (serverUrl === this.serverUrl()) {
      this.update({ signedIn: false, serverUrl });
    }
  }

  /** The last user name used on that server, to prefill the prompt. */
  lastUsername(serverUrl: string): string | undefined {
    return this.profiles()[serverUrl]?.username;
  }

  dispose(): void {
    clearTimeout(this.expiryTimer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private async readState(serverUrl: string): Promise<SessionState | undefined> {
    const token = await this.token();
    if (!token) {
      return undefined;
    }

    const claims = readTokenClaims(token);
    const profile = this.profiles()[serverUrl];
    const username = profile?.username ?? claims?.username ?? '';
    return {
      signedIn: true,
      serverUrl,
      username,
      displayName: profile?.displayName || username,
      expiresAt: claims?.expiresAt,
    };
  }

  /** Signs out when the token expires, instead of at the next failing call. */
  private watchExpiry(state: SessionState): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (!state.signedIn || !state.expiresAt) {
      return;
    }

    const wait = state.expiresAt.getTime() - Date.now();
    if (wait > LONGEST_TIMER_MS) {
      return;
    }
    this.expiryTimer = setTimeout(async () => {
      const after = await this.reload();
      if (!after.signedIn) {
        this.expired.fire(state.serverUrl);
      }
    }, Math.max(0, wait) + 500);
  }

  private profiles(): Record<string, Profile> {
    return this.globalState.get<Record<string, Profile>>(PROFILES_STATE_KEY) ?? {};
  }

  private update(next: SessionState): void {
    if (sameState(this.current, next)) {
      return;
    }
    this.current = next;
    this.watchExpiry(next);
    void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, next.signedIn);
    this.changed.fire(next);
  }
}

/** setTimeout cannot wait longer than this (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function secretKey(serverUrl: string): string {
  return `${TOKEN_SECRET_PREFIX}${serverUrl}`;
}

function sameState(a: SessionState, b: SessionState): boolean {
  if (!a.signedIn || !b.signedIn) {
    return a.signedIn === b.signedIn && a.serverUrl === b.serverUrl;
  }
  return (
    a.serverUrl === b.serverUrl &&
    a.username === b.username &&
    a.displayName === b.displayName &&
    a.expiresAt?.getTime() === b.expiresAt?.getTime()
  );
}

