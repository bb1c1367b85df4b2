// Messages between the playground webview and its host, one union per
// direction. Both sides import this file; each side checks what arrives
// with the guard below before acting on it. Neither side trusts the other
// to be the version it was built with (a restored panel may be older).
import type { Envelope, OutcomeKind } from '../api/envelope';
import type { Column } from './columns';

/** Who is signed in, as the page shows it. Never carries the token. */
export interface SessionView {
  signedIn: boolean;
  server?: string;
  displayName?: string;
  /** ISO date-time, when the token has an `exp`. */
  expiresAt?: string;
}

/** An action the page can pick, with the body it starts from. */
export interface ActionChoice {
  controller: string;
  action: string;
  anonymous: boolean;
  body: unknown;
}

/** What the person can do about a failure; the host runs the command. */
export type NextStep = 'signIn' | 'openSettings' | 'showLog' | 'retry';

/** One answer, ready to show. */
export type ResultView =
  /** The server answered the envelope (ok, business warning or Success: false). */
  | {
      kind: 'envelope';
      outcome: Extract<OutcomeKind, 'ok' | 'warning' | 'serverError'>;
      action: string;
      status: number;
      elapsedMs: number;
      /** The envelope, with at most the first ROWS_PAGE rows of an array Data. */
      envelope: Envelope;
      /** How many rows Data really has, when it is an array; the host keeps the rest. */
      totalRows?: number;
      /** The table's columns over all rows, when Data is an array. */
      columns?: Column[];
      /** Formatted JSON of what is shown, for the raw pane; the host copies the whole. */
      rawText: string;
      /** False when rawText leaves rows (or characters) out. */
      rawComplete: boolean;
    }
  /** Anything else: 401, HTML page, Web API error, no answer, not JSON, bad input. */
  | {
      kind: 'failure';
      outcome: OutcomeKind | 'badInput';
      action: string;
      status?: number;
      elapsedMs: number;
      summary: string;
      hint: string;
      nextStep?: NextStep;
      /** The body as received (an excerpt), shown as text. */
      body?: string;
      contentType?: string;
    };

/** The two panes of the page; each remembers its own draft and answer. */
export type Pane = 'patients' | 'action';

/** Rows sent with an answer, and with each "show more". */
export const ROWS_PAGE = 200;

export type HostMessage =
  /** First message after `ready`: everything the page needs to draw itself. */
  | {
      type: 'init';
      actions: ActionChoice[];
      patientSearch: { controller: string; action: string; field: string };
      strings: Record<string, string>;
      session: SessionView;
      /** What the page last asked the host to keep (see `saveDrafts`). */
      drafts?: unknown;
    }
  /** The session changed (sign in, sign out, token rejected). */
  | { type: 'session'; session: SessionView }
  /** The answer to the `send` with the same id. */
  | { type: 'result'; requestId: string; pane: Pane; result: ResultView }
  /** Whether Copy JSON of that answer reached the clipboard (it is gone once replaced). */
  | { type: 'copied'; requestId: string; copied: boolean }
  /** Rows asked for by `moreRows`; `rows` is absent when that answer is no longer held. */
  | { type: 'rows'; askId: string; rows?: unknown[] };

export type WebviewMessage =
  /** The page has loaded its script and listens. */
  | { type: 'ready' }
  /** Send `bodyText` (JSON typed by the person) to Controller/Action. */
  | {
      type: 'send';
      requestId: string;
      pane: Pane;
      controller: string;
      action: string;
      bodyText: string;
    }
  /** Abandon the request with that id. */
  | { type: 'cancel'; requestId: string }
  /** Run a next step offered with a failure. */
  | { type: 'nextStep'; step: NextStep }
  /** Put text on the clipboard (the page's own clipboard may be blocked). */
  | { type: 'copy'; text: string }
  /** Copy the whole JSON of the answer to request `requestId`, which the host holds. */
  | { type: 'copyResult'; requestId: string }
  /** The next rows of the answer to request `requestId`. */
  | { type: 'moreRows'; askId: string; requestId: string; offset: number }
  /** Keep what was typed and the last small answers, for the next time the page opens. */
  | { type: 'saveDrafts'; drafts: Record<string, unknown> };

const NEXT_STEPS: readonly string[] = ['signIn', 'openSettings', 'showLog', 'retry'];
const PANES: readonly string[] = ['patients', 'action'];

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) {
    return false;
  }

  switch (value.type) {
    case 'ready':
      return true;
    case 'send':
      return (
        isText(value.requestId) &&
        PANES.includes(value.pane as string) &&
        isText(value.controller) &&
        isText(value.action) &&
        typeof value.bodyText === 'string'
      );
    case 'cancel':
      return isText(value.requestId);
    case 'nextStep':
      return NEXT_STEPS.includes(value.step as string);
    case 'copy':
      return typeof value.text === 'string';
    case 'saveDrafts':
      return isRecord(value.drafts);
    case 'copyResult':
      return isText(value.requestId);
    case 'moreRows':
      return (
        isText(value.askId) &&
        isText(value.requestId) &&
        Number.isInteger(value.offset) &&
        (value.offset as number) >= 0
      );
    default:
      return false;
  }
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) {
    return false;
  }

  switch (value.type) {
    case 'init':
      return Array.isArray(value.actions) && isRecord(value.strings) && isRecord(value.session);
    case 'session':
      return isRecord(value.session);
    case 'result':
      return (
        isText(value.requestId) &&
        PANES.includes(value.pane as string) &&
        isRecord(value.result) &&
        (value.result.kind === 'envelope' || value.result.kind === 'failure')
      );
    case 'rows':
      return isText(value.askId) && (value.rows === undefined || Array.isArray(value.rows));
    case 'copied':
      return isText(value.requestId) && typeof value.copied === 'boolean';
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}
