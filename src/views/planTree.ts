// The "Insurance Plans" view: active plans from GetAllActives, each
// expanding to the fields GetById fills. Failures become one error item
// with the reason and a command that helps, never a rejected promise.
import * as vscode from 'vscode';
import type { Outcome } from '../api/envelope';
import {
  GET_PLAN,
  LIST_ACTIVE_PLANS,
  PLAN_CONTROLLER,
  PlanDetails,
  PlanSummary,
  planByIdBody,
  readPlanDetails,
  readPlanSummaries,
} from '../api/plans';
import { hostOf } from '../api/serverUrl';
import { Commands, TreeItemContexts, Views } from '../constants';
import type { Connection } from '../connection';
import type { Session } from '../session';
import { explainOutcome, NextStep } from './explainOutcome';

export type PlanNode =
  | { type: 'plan'; plan: PlanSummary }
  | { type: 'field'; planId: number; label: string; value: string | undefined; hint?: string }
  | { type: 'message'; label: string; detail?: string; nextStep?: NextStep; isError: boolean };

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Loaded lists survive collapsing and re-rendering; Refresh drops them. */
  private plans: Promise<PlanNode[]> | undefined;
  private readonly details = new Map<number, Promise<PlanNode[]>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: Session,
    private readonly connection: Connection,
  ) {
    this.subscriptions = [this.changed, session.onDidChange(() => this.refresh())];
  }

  refresh(): void {
    this.plans = undefined;
    this.details.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    switch (node.type) {
      case 'plan':
        return planItem(node.plan);
      case 'field':
        return fieldItem(node);
      case 'message':
        return messageItem(node);
    }
  }

  getChildren(node?: PlanNode): Promise<PlanNode[]> | PlanNode[] {
    if (!node) {
      if (!this.session.state.signedIn) {
        return [];
      }
      this.plans ??= this.loadPlans();
      return this.plans;
    }

    if (node.type !== 'plan') {
      return [];
    }

    let details = this.details.get(node.plan.id);
    if (!details) {
      details = this.loadDetails(node.plan);
      this.details.set(node.plan.id, details);
    }
    return details;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private async loadPlans(): Promise<PlanNode[]> {
    const outcome = await vscode.window.withProgress({ location: { viewId: Views.plans } }, () =>
      this.connection.call(PLAN_CONTROLLER, LIST_ACTIVE_PLANS),
    );

    if (outcome.kind !== 'ok') {
      this.plans = undefined;
      return [this.failure(outcome)];
    }

    const plans = readPlanSummaries(outcome.envelope.Data);
    if (!plans) {
      this.plans = undefined;
      return [unexpectedData()];
    }
    if (plans.length === 0) {
      return [
        { type: 'message', label: vscode.l10n.t('No active insurance plans.'), isError: false },
      ];
    }
    return plans.map((plan) => ({ type: 'plan', plan }));
  }

  private async loadDetails(plan: PlanSummary): Promise<PlanNode[]> {
    const outcome = await this.connection.call(PLAN_CONTROLLER, GET_PLAN, planByIdBody(plan.id));

    if (outcome.kind !== 'ok') {
      this.details.delete(plan.id);
      return [this.failure(outcome)];
    }

    const details = readPlanDetails(outcome.envelope.Data);
    if (!details) {
      this.details.delete(plan.id);
      return [unexpectedData()];
    }
    return detailFields(details);
  }

  private failure(outcome: Outcome): PlanNode {
    const server = hostOf(this.connection.serverUrl ?? '');
    const explanation = explainOutcome(outcome, server);
    return {
      type: 'message',
      label: explanation.summary,
      detail: explanation.hint,
      nextStep: explanation.nextStep,
      isError: true,
    };
  }
}

/** The fields a billing analyst looks at, in the order they read them. */
function detailFields(details: PlanDetails, today = new Date()): PlanNode[] {
  const noDate = vscode.l10n.t('No date: the server sent 0001-01-01 or nothing.');
  const field = (label: string, value: string | undefined, hint?: string): PlanNode => ({
    type: 'field',
    planId: details.id,
    label,
    value,
    hint,
  });

  return [
    field(vscode.l10n.t('Guarantor'), details.guarantor),
    field(vscode.l10n.t('Contractor'), details.contractor),
    field(vscode.l10n.t('Valid from'), details.validFrom, details.validFrom ? undefined : noDate),
    field(
      vscode.l10n.t('Valid until'),
      markEnded(details.validUntil, today),
      details.validUntil ? undefined : noDate,
    ),
    field(vscode.l10n.t('IAFA code'), details.iafaCode),
    field(vscode.l10n.t('Contract'), details.contract),
    field(vscode.l10n.t('Certificate'), details.certificate),
    field(vscode.l10n.t('Product'), details.product),
    field(vscode.l10n.t('Status'), details.status),
  ];
}

/** GetAllActives goes by status, not dates: say when the validity has passed. */
function markEnded(date: string | undefined, today: Date): string | undefined {
  if (!date) {
    return undefined;
  }
  const isoToday = today.toISOString().slice(0, 10);
  return date.slice(0, 10) < isoToday ? `${date} (${vscode.l10n.t('ended')})` : date;
}

function planItem(plan: PlanSummary): vscode.TreeItem {
  const label = plan.description ?? vscode.l10n.t('Plan {0}', plan.id);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `plan:${plan.id}`;
  item.description = plan.code;
  item.tooltip = new vscode.MarkdownString()
    .appendText(label)
    .appendMarkdown('\n\n')
    .appendText(vscode.l10n.t('Code: {0} · Id: {1}', plan.code ?? '—', plan.id));
  item.iconPath = new vscode.ThemeIcon('shield');
  item.contextValue = TreeItemContexts.plan;
  return item;
}

/** Empty values show a dash: an empty description would look like a bug. */
function fieldItem(node: Extract<PlanNode, { type: 'field' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = `plan:${node.planId}:${node.label}`;
  item.description = node.value ?? '—';
  item.tooltip = node.value ?? node.hint ?? vscode.l10n.t('Not set');
  item.contextValue = node.value ? TreeItemContexts.planField : undefined;
  item.accessibilityInformation = {
    label: `${node.label}: ${node.value ?? vscode.l10n.t('not set')}`,
  };
  return item;
}

function messageItem(node: Extract<PlanNode, { type: 'message' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.description = node.detail;
  item.tooltip = [node.label, node.detail].filter(Boolean).join('\n\n');
  item.iconPath = node.isError
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
    : new vscode.ThemeIcon('info');
  item.contextValue = node.isError ? TreeItemContexts.error : undefined;
  if (node.nextStep) {
    item.command = commandFor(node.nextStep);
  }
  return item;
}

function commandFor(step: NextStep): vscode.Command {
  switch (step) {
    case 'signIn':
      return { command: Commands.signIn, title: vscode.l10n.t('Sign In') };
    case 'openSettings':
      return {
        command: 'workbench.action.openSettings',
        title: vscode.l10n.t('Open Settings'),
        arguments: ['romsoft.'],
      };
    case 'showLog':
      return { command: Commands.showLog, title: vscode.l10n.t('Show Log') };
    case 'retry':
      return { command: Commands.refreshPlans, title: vscode.l10n.t('Retry') };
  }
}

function unexpectedData(): PlanNode {
  return {
    type: 'message',
    label: vscode.l10n.t('The server answered, but not with a list of plans.'),
    detail: vscode.l10n.t(
      'See the log, or send this action in the playground to see the raw answer.',
    ),
    nextStep: 'showLog',
    isError: true,
  };
}
