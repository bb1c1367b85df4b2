// Wires the parts together; each part's own module says what it does.
import * as vscode from 'vscode';
import catalogJson from '../media/catalog.json';
import type { Catalog } from './api/catalog';
import { signIn, SignInPrompts, signOut } from './commands/signIn';
import { Commands, PanelTypes, Views } from './constants';
import { Connection } from './connection';
import { Log } from './log';
import { DraftStore } from './playground/draftStore';
import { PlaygroundDependencies, PlaygroundPanel } from './playground/playgroundPanel';
import { Session } from './session';
import { affectsServer, configuredServerUrl } from './settings';
import { PlanNode, PlanTreeProvider } from './views/planTree';
import { createStatusBar } from './views/statusBar';

/** What the extension hands its own tests (only when run under test). */
export interface TestApi {
  session: Session;
  connection: Connection;
  plans: PlanTreeProvider;
  secrets: vscode.SecretStorage;
  globalState: vscode.Memento;
  workspaceState: vscode.Memento;
  logUri: vscode.Uri;
  globalStorageUri: vscode.Uri;
  /** The sign-in command with its questions answered by the test. */
  signIn(prompts: SignInPrompts): Promise<boolean>;
}

export async function activate(context: vscode.ExtensionContext): Promise<TestApi | undefined> {
  const log = new Log();
  const session = new Session(context.secrets, context.globalState, log, configuredServerUrl);
  const connection = new Connection(session, log);
  const plans = new PlanTreeProvider(session, connection);
  const drafts = new DraftStore(context.globalStorageUri.fsPath, (message) =>
    log.warn('playground', message),
  );
  const playground: PlaygroundDependencies = {
    extensionUri: context.extensionUri,
    session,
    connection,
    log,
    catalog: catalogJson as Catalog,
    drafts,
  };

  context.subscriptions.push(
    log,
    session,
    plans,
    drafts,
    vscode.window.createTreeView<PlanNode>(Views.plans, {
      treeDataProvider: plans,
      showCollapseAll: true,
    }),
    createStatusBar(session),
    vscode.commands.registerCommand(Commands.signIn, () => signIn(session, connection)),
    vscode.commands.registerCommand(Commands.signOut, () =>
      signOut(session, session.state.signedIn ? session.state.serverUrl : undefined),
    ),
    vscode.commands.registerCommand(Commands.refreshPlans, () => plans.refresh()),
    vscode.commands.registerCommand(Commands.openPlayground, () => {
      PlaygroundPanel.show(playground);
    }),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.copyValue, (node?: PlanNode) => {
      if (node?.type === 'field' && node.value) {
        void vscode.env.clipboard.writeText(node.value);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(PanelTypes.playground, {
      deserializeWebviewPanel: async (panel) => PlaygroundPanel.revive(panel, playground),
    }),
    session.onDidChange((state) => {
      if (!state.signedIn) {
        void drafts.dropAnswers();
      }
    }),
    session.onDidExpire(() => {
      void connection.offerSignIn(
        vscode.l10n.t('Your Romsoft session has expired. Sign in again to continue.'),
      );
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsServer(event)) {
        void session.reload();
      }
    }),
  );

  beforeExit = () => drafts.flush();
  await session.reload();
  log.info('extension', `activated, server ${configuredServerUrl() ?? '(not set)'}`);

  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      session,
      connection,
      plans,
      secrets: context.secrets,
      globalState: context.globalState,
      workspaceState: context.workspaceState,
      logUri: context.logUri,
      globalStorageUri: context.globalStorageUri,
      signIn: (prompts) => signIn(session, connection, prompts),
    };
  }
  return undefined;
}

/** Set by activate: what must reach the disk before the extension host stops. */
let beforeExit: (() => Promise<void>) | undefined;

/** The rest is in context.subscriptions, which VS Code disposes. */
export function deactivate(): Promise<void> | undefined {
  return beforeExit?.();
}
