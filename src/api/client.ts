// The one HTTP client every Romsoft call goes through. It knows HTTP and the
// contract, not VS Code, so plain Node tests run it against the local server.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import fetch, { FetchError } from 'node-fetch';
import { classifyResponse, Outcome } from './envelope';
import { isRouteName } from './serverUrl';

export interface CallRecord {
  action: string;
  server: string;
  status?: number;
  elapsedMs: number;
  kind: Outcome['kind'];
  /** For failures without a response: an error code and whether it timed out. */
  detail?: string;
}

export interface ClientOptions {
  /** Normalised server URL (see normalizeServerUrl). */
  baseUrl: string;
  /** The bearer token, when signed in. Read per call. */
  token?: () => Promise<string | undefined> | string | undefined;
  timeoutMs: number;
  /** false accepts self-signed and private-CA certificates. */
  strictSSL?: boolean;
  /** Told what happened on each call; never sees headers or bodies. */
  onCall?: (record: CallRecord) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * JSON text to send exactly as written (the playground's editor), so
   * large integers and a literal `null` reach the server untouched.
   */
  rawBody?: string;
}

/** Answers larger than this are refused rather than risk the editor's memory. */
export const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** Codes of failures the client detects itself, beside Node's own (ECONNREFUSED...). */
export const ClientCodes = {
  invalidRoute: 'INVALID_ROUTE',
  invalidToken: 'INVALID_TOKEN',
  incompleteBody: 'INCOMPLETE_BODY',
  tooLarge: 'TOO_LARGE',
} as const;

export class RomsoftClient {
  constructor(private readonly options: ClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** POSTs `body` (or `{}`) to /api/{controller}/{action}. Never throws. */
  async call(
    controller: string,
    action: string,
    body?: unknown,
    callOptions: CallOptions = {},
  ): Promise<Outcome> {
    const route = `${controller}/${action}`;
    const started = performance.now();
    const text = callOptions.rawBody ?? JSON.stringify(body ?? {});
    const outcome = await this.exchange(route, text, callOptions.signal, started);

    this.options.onCall?.({
      action: route,
      server: new URL(this.options.baseUrl).host,
      status: outcome.status,
      elapsedMs: outcome.elapsedMs,
      kind: outcome.kind,
      detail: outcome.kind === 'network' ? networkDetail(outcome) : undefined,
    });
    return outcome;
  }

  private async exchange(
    route: string,
    body: string,
    outerSignal: AbortSignal | undefined,
    started: number,
  ): Promise<Outcome> {
    const elapsed = () => Math.round(performance.now() - started);
    const [controller, action] = route.split('/');
    if (!isRouteName(controller) || !isRouteName(action)) {
      return networkOutcome(route, elapsed(), 'Invalid controller or action name', {
        code: ClientCodes.invalidRoute,
      });
    }

    const token = await this.options.token?.();
    if (token !== undefined && !isSendableToken(token)) {
      return networkOutcome(route, elapsed(), 'The stored token cannot be sent', {
        code: ClientCodes.invalidToken,
      });
    }

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    const cutOff = new AbortController();
    const signal = anySignal([timeout.signal, cutOff.signal, outerSignal]);
    let expectedBytes: number | undefined;
    let receivedBytes = 0;
    // node-fetch 2 does not notice a connection that closes before a
    // Content-Length body is complete; it would wait for the timeout.
    const agent = this.agentFor(() => {
      if (expectedBytes !== undefined && receivedBytes < expectedBytes) {
        cutOff.abort();
      }
    });

    try {
      const response = await fetch(`${this.options.baseUrl}/api/${route}`, {
        method: 'POST',
        headers: requestHeaders(token),
        body,
        agent,
        // node-fetch's types predate the DOM AbortSignal; they are the same at run time.
        signal: signal as never,
        redirect: 'manual',
        size: MAX_RESPONSE_BYTES,
      });

      // Only an unencoded body can be counted against its Content-Length.
      const length = Number(response.headers.get('content-length'));
      const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
      expectedBytes = !encoded && Number.isFinite(length) && length > 0 ? length : undefined;
      const reading = response.text();
      response.body.on('data', (chunk: Buffer) => (receivedBytes += chunk.length));
      const text = await reading;

      return classifyResponse(
        { action: route, status: response.status, elapsedMs: elapsed() },
        response.statusText,
        response.headers.get('content-type') ?? '',
        text,
        response.headers.get('location') ?? undefined,
      );
    } catch (error) {
      const cancelled = outerSignal?.aborted === true;
      const incomplete = cutOff.signal.aborted && !cancelled;
      const tooLarge = error instanceof FetchError && error.type === 'max-size';
      return networkOutcome(route, elapsed(), describeError(error, token), {
        code: incomplete
          ? ClientCodes.incompleteBody
          : tooLarge
            ? ClientCodes.tooLarge
            : errorCode(error),
        timedOut: timeout.signal.aborted && !cancelled && !incomplete,
        cancelled,
      });
    } finally {
      clearTimeout(timer);
      agent.destroy();
    }
  }

  /**
   * A fresh agent per call: a call never shares a socket with another, so
   * ending one (or replacing the client) cannot cut another off.
   */
  private agentFor(onSocketClose: () => void): http.Agent {
    const agent = this.options.baseUrl.startsWith('https:')
      ? new https.Agent({ rejectUnauthorized: this.options.strictSSL !== false })
      : new http.Agent();
    const open = agent.createConnection.bind(agent) as (...args: unknown[]) => Socket;
    agent.createConnection = ((...args: unknown[]) => {
      const socket = open(...args);
      socket.once('close', onSocketClose);
      return socket;
    }) as typeof agent.createConnection;
    return agent;
  }
}

function requestHeaders(token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    Accept: 'application/json',
  };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  return headers;
}

/** A JWT is base64url parts and dots; anything else could break the header. */
function isSendableToken(token: string): boolean {
  return /^[A-Za-z0-9_\-.=+/]+$/.test(token);
}

function networkOutcome(
  action: string,
  elapsedMs: number,
  reason: string,
  flags: { code?: string; timedOut?: boolean; cancelled?: boolean },
): Outcome {
  return {
    kind: 'network',
    action,
    elapsedMs,
    reason,
    code: flags.code,
    timedOut: flags.timedOut ?? false,
    cancelled: flags.cancelled ?? false,
  };
}

function networkDetail(outcome: Extract<Outcome, { kind: 'network' }>): string {
  if (outcome.cancelled) {
    return 'cancelled';
  }
  if (outcome.timedOut) {
    return 'timed out';
  }
  return outcome.code ?? 'no code';
}

/** One signal that aborts when any of the given ones does. */
function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const controller = new AbortController();
  for (const signal of signals) {
    if (!signal) {
      continue;
    }
    if (signal.aborted) {
      controller.abort();
      break;
    }
    signal.addEventListener('abort', () => controller.abort(), { once: true });
  }
  return controller.signal;
}

function errorCode(error: unknown): string | undefined {
  if (error instanceof FetchError) {
    return error.code ?? error.errno;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error's message, with the token cut out should Node have quoted it. */
function describeError(error: unknown, token: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return token ? message.split(token).join('<token>') : message;
}
