// The Romsoft envelope and the outcomes a call can end in. Every caller
// switches on `Outcome.kind`, so a new failure shape is a compile error in
// every view rather than an unhandled case at run time.

/** What every Romsoft action answers with HTTP 200. */
export interface Envelope {
  Success: boolean;
  Warning: boolean;
  Message: string | null;
  Data: unknown;
}

/** Facts about the exchange that every outcome carries, for logs and UI. */
export interface Exchange {
  /** "Controller/Action" as requested. */
  action: string;
  /** HTTP status, absent when no response arrived. */
  status?: number;
  /** Milliseconds from sending to having the whole body. */
  elapsedMs: number;
}

export type Outcome =
  /** Success: true, Warning: false. */
  | (Exchange & { kind: 'ok'; envelope: Envelope })
  /** Success: true, Warning: true: a business rule said no. */
  | (Exchange & { kind: 'warning'; envelope: Envelope })
  /** Success: false: the server caught an exception. */
  | (Exchange & { kind: 'serverError'; envelope: Envelope })
  /** HTTP 401: no token, or one the server no longer accepts. */
  | (Exchange & { kind: 'unauthorized'; status: number; body: string })
  /** A non-2xx answer that is not the envelope (IIS page, Web API 404/405). */
  | (Exchange & {
      kind: 'httpError';
      status: number;
      statusText: string;
      /** A one-line reason read from the body, when it has one. */
      reason?: string;
      contentType: string;
      body: string;
    })
  /** No answer: refused, unreachable, timed out or cancelled. */
  | (Exchange & {
      kind: 'network';
      reason: string;
      code?: string;
      timedOut: boolean;
      cancelled: boolean;
    })
  /** HTTP 2xx whose body is not JSON, or JSON that is not the envelope. */
  | (Exchange & {
      kind: 'invalidBody';
      status: number;
      problem: 'notJson' | 'notEnvelope';
      contentType: string;
      body: string;
    });

export type OutcomeKind = Outcome['kind'];

/** Non-envelope bodies are kept for display, but only this much of them. */
export const BODY_EXCERPT_LIMIT = 64 * 1024;

/** True when `value` has the envelope's shape (Warning may be missing). */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }

  const record = value as Record<string, unknown>;
  const message = record.Message;
  return (
    typeof record.Success === 'boolean' &&
    (record.Warning === undefined || typeof record.Warning === 'boolean') &&
    (message === undefined || message === null || typeof message === 'string') &&
    'Data' in record
  );
}

/**
 * Turns what came back into an outcome. Pure, so every branch is tested
 * without a server; the client only adds the network failures.
 */
export function classifyResponse(
  exchange: Exchange & { status: number },
  statusText: string,
  contentType: string,
  body: string,
  /** The Location header of a redirect, which the client does not follow. */
  location?: string,
): Outcome {
  const { status } = exchange;

  if (status === 401) {
    return { ...exchange, kind: 'unauthorized', status, body: excerpt(body) };
  }

  const parsed = parseJson(body);

  if (status < 200 || status >= 300) {
    return {
      ...exchange,
      kind: 'httpError',
      status,
      statusText,
      reason: location && status >= 300 && status < 400
        ? `redirects to ${location}`
        : readReason(parsed, body, contentType),
      contentType,
      body: excerpt(body),
    };
  }

  if (parsed === NOT_JSON) {
    return {
      ...exchange,
      kind: 'invalidBody',
      status,
      problem: 'notJson',
      contentType,
      body: excerpt(body),
    };
  }

  if (!isEnvelope(parsed)) {
    return {
      ...exchange,
      kind: 'invalidBody',
      status,
      problem: 'notEnvelope',
      contentType,
      body: excerpt(body),
    };
  }

  const envelope: Envelope = {
    Success: parsed.Success,
    Warning: parsed.Warning ?? false,
    Message: parsed.Message ?? null,
    Data: parsed.Data,
  };

  if (!envelope.Success) {
    return { ...exchange, kind: 'serverError', envelope };
  }

  if (envelope.Warning) {
    return { ...exchange, kind: 'warning', envelope };
  }

  return { ...exchange, kind: 'ok', envelope };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(body: string): unknown {
  if (body.trim() === '') {
    return NOT_JSON;
  }

  try {
    // IIS may put a UTF-8 byte order mark before the JSON; JSON.parse refuses it.
    return JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch {
    return NOT_JSON;
  }
}

/** Web API errors say why in Message/MessageDetail; IIS pages in <title>. */
function readReason(parsed: unknown, body: string, contentType: string): string | undefined {
  if (typeof parsed === 'object' && parsed !== null) {
    const record = parsed as Record<string, unknown>;
    const parts = [record.Message, record.MessageDetail, record.ExceptionMessage]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    if (parts.length > 0) {
      return parts.join(' ');
    }
  }

  if (/html/i.test(contentType) || /^\s*</.test(body)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
    const text = title ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1];
    if (text) {
      return collapseWhitespace(stripTags(text));
    }
  }

  return undefined;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function excerpt(body: string): string {
  return body.length > BODY_EXCERPT_LIMIT ? body.slice(0, BODY_EXCERPT_LIMIT) : body;
}
