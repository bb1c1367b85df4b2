// A status bar entry that says who is signed in where, and signs in when
// clicked while signed out.
import * as vscode from 'vscode';
import { hostOf } from '../api/serverUrl';
import { Commands } from '../constants';
import type { Session, SessionState } from '../session';

export function createStatusBar(session: Session): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(
    'romsoft.session',
    vscode.StatusBarAlignment.Left,
    10,
  );
  item.name = vscode.l10n.t('Romsoft session');

  const show = (state: SessionState) => {
    if (state.signedIn) {
      item.text = `$(account) ${state.username}`;
      item.tooltip = state.expiresAt
        ? vscode.l10n.t(
            'Romsoft: {0} on {1}, until {2}. Click to open the playground.',
            state.displayName,
            hostOf(state.serverUrl),
            state.expiresAt.toLocaleString(),
          )
        : vscode.l10n.t('Romsoft: {0} on {1}', state.displayName, hostOf(state.serverUrl));
      item.command = Commands.openPlayground;
    } else {
      item.text = `$(sign-in) Romsoft`;
      item.tooltip = vscode.l10n.t('Romsoft: signed out. Click to sign in.');
      item.command = Commands.signIn;
    }
    item.show();
  };

  show(session.state);
  return vscode.Disposable.from(item, session.onDidChange(show));
}
