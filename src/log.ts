// The single "Romsoft" log channel. Callers hand it events in the user's
// terms (action, server, status, milliseconds); it is never given headers,
// bodies, tokens or passwords, so none of them can reach the log file.
import * as vscode from 'vscode';
import type { CallRecord } from './api/client';

export type Component = 'client' | 'session' | 'plans' | 'playground' | 'extension';

export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('Romsoft', { log: true });
  }

  info(component: Component, message: string): void {
    this.channel.info(`[${component}] ${message}`);
  }

  warn(component: Component, message: string): void {
    this.channel.warn(`[${component}] ${message}`);
  }

  error(component: Component, message: string): void {
    this.channel.error(`[${component}] ${message}`);
  }

  /** One line per API call; failures at warning level so they stand out. */
  call(record: CallRecord): void {
    const status = record.status === undefined ? 'no response' : `HTTP ${record.status}`;
    const detail = record.detail ? ` (${record.detail})` : '';
    const line =
      `${record.action} @ ${record.server}: ${status}, ${record.kind}${detail}, ` +
      `${record.elapsedMs} ms`;
    if (record.kind === 'ok' || record.kind === 'warning' || record.detail === 'cancelled') {
      this.info('client', line);
    } else {
      this.warn('client', line);
    }
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
