// Turns an outcome into what the playground page shows. A big answer is
// not sent whole: the page gets the first rows and a formatted excerpt,
// and asks the host for more rows or for the full JSON. Copying 100 MB
// into the webview costs seconds and a gigabyte for rows nobody scrolls to.
import * as vscode from 'vscode';
import type { Envelope, Outcome } from '../api/envelope';
import { columnsOf } from '../shared/columns';
import { ResultView, ROWS_PAGE } from '../shared/protocol';
import { explainOutcome } from '../views/explainOutcome';

/** The raw pane shows at most this many characters. */
const RAW_EXCERPT_LIMIT = 200_000;

/** A longer text in one field of a row is cut to this in what the page gets. */
const CELL_TEXT_LIMIT = 10_000;

export function resultView(outcome: Outcome, server: string): ResultView {
  if (outcome.kind === 'ok' || outcome.kind === 'warning' || outcome.kind === 'serverError') {
    const { Data } = outcome.envelope;
    const rows = Array.isArray(Data) ? Data : undefined;
    const shown: Envelope = {
      ...outcome.envelope,
      Data: rows ? pageOfRows(rows, 0) : hideToken(Data),
    };
    let formatted = JSON.stringify(shown, null, 2);
    const cut = formatted.length > RAW_EXCERPT_LIMIT;
    if (cut && !rows) {
      // One huge value (a 60 MB string, say): the page gets an excerpt of it.
      const text = typeof Data === 'string' ? Data : JSON.stringify(Data);
      shown.Data = `${text.slice(0, RAW_EXCERPT_LIMIT)}…`;
      formatted = JSON.stringify(shown, null, 2);
    }
    const trimmed = rows !== undefined && hasLongText(rows.slice(0, ROWS_PAGE));

    return {
      kind: 'envelope',
      outcome: outcome.kind,
      action: outcome.action,
      status: outcome.status ?? 200,
      elapsedMs: outcome.elapsedMs,
      envelope: shown,
      totalRows: rows?.length,
      columns: rows ? columnsOf(rows) : undefined,
      rawText: cut ? formatted.slice(0, RAW_EXCERPT_LIMIT) : formatted,
      rawComplete: !cut && !trimmed && (rows === undefined || rows.length <= ROWS_PAGE),
    };
  }

  const explanation = explainOutcome(outcome, server);
  return {
    kind: 'failure',
    outcome: outcome.kind,
    action: outcome.action,
    status: outcome.status,
    elapsedMs: outcome.elapsedMs,
    summary: explanation.summary,
    hint: explanation.hint,
    nextStep: explanation.nextStep,
    body: 'body' in outcome ? outcome.body : undefined,
    contentType: 'contentType' in outcome ? outcome.contentType : undefined,
  };
}

/** Rows from `offset`, one page of them, with tokens hidden and very long texts cut. */
export function pageOfRows(rows: unknown[], offset: number): unknown[] {
  return rows.slice(offset, offset + ROWS_PAGE).map((row) => cutLongTexts(hideToken(row)));
}

/** One 20 MB field would cost the page as much as a million rows. */
function cutLongTexts(row: unknown): unknown {
  if (typeof row === 'string') {
    return row.length > CELL_TEXT_LIMIT ? `${row.slice(0, CELL_TEXT_LIMIT)}…` : row;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return row;
  }
  const entries = Object.entries(row);
  if (!entries.some(([, value]) => typeof value === 'string' && value.length > CELL_TEXT_LIMIT)) {
    return row;
  }
  return Object.fromEntries(entries.map(([name, value]) => [name, cutLongTexts(value)]));
}

function hasLongText(page: unknown[]): boolean {
  return page.some((row) => cutLongTexts(row) !== row);
}

/**
 * A Login sent from the playground answers a live token; the page (and
 * the clipboard) get "hidden" in its place: the token stays in the host.
 */
export function withoutTokens(envelope: Envelope): Envelope {
  const data = envelope.Data;
  return { ...envelope, Data: Array.isArray(data) ? data.map(hideToken) : hideToken(data) };
}

function hideToken(row: unknown): unknown {
  return typeof row === 'object' && row !== null && !Array.isArray(row) && 'token' in row
    ? { ...row, token: vscode.l10n.t('(hidden: use Romsoft: Sign In)') }
    : row;
}
