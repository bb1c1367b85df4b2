// Hosts the request playground. The page only asks; this side checks the
// request, adds the token through the connection, and answers with a
// ResultView. The token never crosses into the webview.
import * as vscode from 'vscode';
import { actionTemplates, Catalog } from '../api/catalog';
import type { Envelope, Outcome } from '../api/envelope';
import { hostOf, isRouteName } from '../api/serverUrl';
import { Commands, PanelTypes } from '../constants';
import type { Connection } from '../connection';
import type { Log } from '../log';
import type { Session, SessionState } from '../session';
import {
  HostMessage,
  isWebviewMessage,
  NextStep,
  Pane,
  ResultView,
  SessionView,
  WebviewMessage,
} from '../shared/protocol';
import type { DraftStore } from './draftStore';
import { playgroundHtml } from './html';
import { pageOfRows, resultView, withoutTokens } from './resultView';
import { playgroundStrings } from './strings';

export const PATIENT_SEARCH = {
  controller: 'ADM_PACIENTE',
  action: 'GetAllFilters',
  field: 'valorRequest',
} as const;

export interface PlaygroundDependencies {
  extensionUri: vscode.Uri;
  session: Session;
  connection: Connection;
  log: Log;
  catalog: Catalog;
  drafts: DraftStore;
}

export class PlaygroundPanel implements vscode.Disposable {
  private static current: PlaygroundPanel | undefined;

  private ready = false;
  private disposed = false;
  private readonly queue: HostMessage[] = [];
  private readonly pending = new Map<string, AbortController>();
  /** The last envelope of each pane, whole, for "show more" and Copy JSON. */
  private readonly held = new Map<Pane, { requestId: string; envelope: Envelope }>();
  /** The newest request of each pane: an older one finishing late must not replace it. */
  private readonly latest = new Map<Pane, string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Opens the playground, or brings the open one to the front. */
  static show(deps: PlaygroundDependencies): PlaygroundPanel {
    if (PlaygroundPanel.current) {
      PlaygroundPanel.current.panel.reveal();
      return PlaygroundPanel.current;
    }

    const panel = vscode.window.createWebviewPanel(
      PanelTypes.playground,
      vscode.l10n.t('Romsoft Playground'),
      vscode.ViewColumn.Active,
      panelOptions(deps.extensionUri),
    );
    PlaygroundPanel.current = new PlaygroundPanel(panel, deps);
    return PlaygroundPanel.current;
  }

  /** Brings back a panel VS Code kept across a reload. */
  static revive(panel: vscode.WebviewPanel, deps: PlaygroundDependencies): void {
    PlaygroundPanel.current?.dispose();
    panel.webview.options = panelOptions(deps.extensionUri);
    PlaygroundPanel.current = new PlaygroundPanel(panel, deps);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: PlaygroundDependencies,
  ) {
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'romsoft.svg');
    panel.webview.html = playgroundHtml(panel.webview, deps.extensionUri);

    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      deps.session.onDidChange((state) => {
        if (!state.signedIn) {
          this.forgetAnswers();
        }
        this.post({ type: 'session', session: view(state) });
      }),
    );
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    if (PlaygroundPanel.current === this) {
      PlaygroundPanel.current = undefined;
    }
    for (const request of this.pending.values()) {
      request.abort();
    }
    void this.deps.drafts.flush();
    this.pending.clear();
    this.held.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.deps.log.warn('playground', 'ignored a message the page should not send');
      return;
    }

    void this.handle(message).catch((error: unknown) => {
      this.deps.log.error('playground', `could not handle ${message.type}: ${String(error)}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.onReady();
        return;
      case 'send':
        await this.send(message);
        return;
      case 'cancel':
        this.pending.get(message.requestId)?.abort();
        return;
      case 'nextStep':
        await runNextStep(message.step);
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        return;
      case 'copyResult': {
        const copied = await copyWhole(this.heldEnvelope(message.requestId));
        this.post({ type: 'copied', requestId: message.requestId, copied });
        return;
      }
      case 'moreRows': {
        const data = this.heldEnvelope(message.requestId)?.Data;
        const rows = Array.isArray(data) ? pageOfRows(data, message.offset) : undefined;
        this.post({ type: 'rows', askId: message.askId, rows });
        return;
      }
      case 'saveDrafts':
        this.deps.drafts.save(message.drafts);
        return;
    }
  }

  /** The page is (re)loaded: send it everything, then what waited for it. */
  private async onReady(): Promise<void> {
    const drafts = await this.deps.drafts.load();
    this.ready = true;
    void this.panel.webview.postMessage({
      type: 'init',
      actions: actionTemplates(this.deps.catalog),
      patientSearch: PATIENT_SEARCH,
      strings: playgroundStrings(),
      session: view(this.deps.session.state),
      drafts,
    } satisfies HostMessage);

    for (const message of this.queue.splice(0)) {
      void this.panel.webview.postMessage(message);
    }
  }

  private async send(message: Extract<WebviewMessage, { type: 'send' }>): Promise<void> {
    const { requestId, pane, controller, action } = message;
    const route = `${controller}/${action}`;

    const problem = checkRequest(controller, action, message.bodyText);
    if (problem) {
      this.post({ type: 'result', requestId, pane, result: badInput(route, problem) });
      return;
    }

    const abort = new AbortController();
    this.pending.set(requestId, abort);
    this.latest.set(pane, requestId);
    try {
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Romsoft: {0}', route) },
        () =>
          this.deps.connection.call(controller, action, undefined, {
            signal: abort.signal,
            rawBody: message.bodyText.trim() === '' ? '{}' : message.bodyText,
          }),
      );
      const server = hostOf(this.deps.connection.serverUrl ?? '');
      this.hold(pane, requestId, outcome);
      await this.answer(requestId, pane, () => resultView(outcome, server), outcome);
    } finally {
      this.pending.delete(requestId);
    }
  }

  /**
   * Every request gets an answer, even when the answer itself cannot be
   * built or sent (data nested too deep to format or copy into the page,
   * say): otherwise the page would wait forever.
   */
  private async answer(
    requestId: string,
    pane: Pane,
    build: () => ResultView,
    outcome: Outcome,
  ): Promise<void> {
    try {
      await this.postNow({ type: 'result', requestId, pane, result: build() });
    } catch (error) {
      this.deps.log.warn('playground', `could not show the answer: ${String(error)}`);
      await this.postNow({
        type: 'result',
        requestId,
        pane,
        result: {
          kind: 'failure',
          outcome: 'invalidBody',
          action: outcome.action,
          status: outcome.status,
          elapsedMs: outcome.elapsedMs,
          summary: vscode.l10n.t('The answer arrived but cannot be shown here.'),
          hint: vscode.l10n.t('It may be nested too deeply or be too large. See the log.'),
          nextStep: 'showLog',
        },
      }).catch(() => undefined);
    }
  }

  private async postNow(message: HostMessage): Promise<void> {
    if (!this.disposed) {
      await this.panel.webview.postMessage(message);
    }
  }

  /**
   * Keeps the newest envelope of a pane whole, for "show more" and Copy
   * JSON. A failed or cancelled request leaves the page showing the answer
   * before it, so that one stays held.
   */
  private hold(pane: Pane, requestId: string, outcome: Outcome): void {
    if (this.latest.get(pane) !== requestId) {
      return;
    }
    if (outcome.kind === 'ok' || outcome.kind === 'warning' || outcome.kind === 'serverError') {
      this.held.set(pane, { requestId, envelope: outcome.envelope });
    }
  }

  /** Signed out: what the last person fetched is not for the next one to see. */
  private forgetAnswers(): void {
    this.held.clear();
  }

  private heldEnvelope(requestId: string): Envelope | undefined {
    for (const held of this.held.values()) {
      if (held.requestId === requestId) {
        return held.envelope;
      }
    }
    return undefined;
  }

  private post(message: HostMessage): void {
    if (this.disposed) {
      return;
    }
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }
}

/** Indented when it fits in a string; compact when indenting would not. */
async function copyWhole(envelope: Envelope | undefined): Promise<boolean> {
  if (!envelope) {
    return false;
  }
  const visible = withoutTokens(envelope);
  let text: string;
  try {
    text = JSON.stringify(visible, null, 2);
  } catch {
    try {
      text = JSON.stringify(visible);
    } catch {
      return false;
    }
  }
  await vscode.env.clipboard.writeText(text);
  return true;
}

function panelOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

/** The page validates too, but it is not trusted to: say what is wrong. */
function checkRequest(controller: string, action: string, bodyText: string): string | undefined {
  if (!isRouteName(controller) || !isRouteName(action)) {
    return vscode.l10n.t('Controller and action names may hold only letters, digits and "_".');
  }

  if (bodyText.trim() === '') {
    return undefined;
  }

  try {
    JSON.parse(bodyText);
    return undefined;
  } catch (error) {
    return vscode.l10n.t('The body is not valid JSON: {0}', (error as Error).message);
  }
}

function badInput(route: string, problem: string): ResultView {
  return {
    kind: 'failure',
    outcome: 'badInput',
    action: route,
    elapsedMs: 0,
    summary: problem,
    hint: vscode.l10n.t('Nothing was sent. Fix the request and send it again.'),
  };
}

function view(state: SessionState): SessionView {
  if (!state.signedIn) {
    return { signedIn: false, server: state.serverUrl ? hostOf(state.serverUrl) : undefined };
  }
  return {
    signedIn: true,
    server: hostOf(state.serverUrl),
    displayName: state.displayName,
    expiresAt: state.expiresAt?.toISOString(),
  };
}

async function runNextStep(step: NextStep): Promise<void> {
  switch (step) {
    case 'signIn':
      await vscode.commands.executeCommand(Commands.signIn);
      return;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'romsoft.');
      return;
    case 'showLog':
      await vscode.commands.executeCommand(Commands.showLog);
      return;
    case 'retry':
      return;
  }
}
