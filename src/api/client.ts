// The one HTTP client every Romsoft call goes through. It knows HTTP and the
// contract, not VS Code, so plain Node tests run it against the local server.
import * as http from 'node:http';
import * as https from 'node:https';
import fetch, { FetchError } from 'node-fetch';
import { classifyResponse, Outcome } from './envelope';
import { isRouteName } from './serverUrl';

export interface CallRecord {
  action: string;
  server: string;
  status?: number;
  elapsedMs: number;
  kind: Outcome['kind'];
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
}

export class RomsoftClient {
  private readonly agent: http.Agent | https.Agent;

  constructor(private readonly options: ClientOptions) {
    this.agent = options.baseUrl.startsWith('https:')
      ? new https.Agent({ keepAlive: true, rejectUnauthorized: options.strictSSL !== false })
      : new http.Agent({ keepAlive: true });
  }

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
    const outcome = await this.exchange(route, body, callOptions.signal, started);

    this.options.onCall?.({
      action: route,
      server: new URL(this.options.baseUrl).host,
      status: outcome.status,
      elapsedMs: outcome.elapsedMs,
      kind: outcome.kind,
    });
    return outcome;
  }

  dispose(): void {
    this.agent.destroy();
  }

  private async exchange(
    route: string,
    body: unknown,
    outerSignal: AbortSignal | undefined,
    started: number,
  ): Promise<Outcome> {
    const elapsed = () => Math.round(performance.now() - started);
    const [controller, action] = route.split('/');
    if (!isRouteName(controller) || !isRouteName(action)) {
      return networkOutcome(route, elapsed(), 'Invalid controller or action name', {});
    }

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    const signal = anySignal([timeout.signal, outerSignal]);

    try {
      const token = await this.options.token?.();
      const headers: Record<string, string> = {
        'Content-Type': 'application/json; charset=utf-8',
        Accept: 'application/json',
      };
      if (token) {
        headers.Authorization = `Bearer ${token}`;
      }

      const response = await fetch(`${this.options.baseUrl}/api/${route}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body ?? {}),
        agent: this.agent,
        // node-fetch's types predate the DOM AbortSignal; they are the same at run time.
        signal: signal as never,
        redirect: 'manual',
      });
      const text = await response.text();

      return classifyResponse(
        { action: route, status: response.status, elapsedMs: elapsed() },
        response.statusText,
        response.headers.get('content-type') ?? '',
        text,
      );
    } catch (error) {
      return networkOutcome(route, elapsed(), describeError(error), {
        code: errorCode(error),
        timedOut: timeout.signal.aborted && !outerSignal?.aborted,
        cancelled: outerSignal?.aborted === true,
      });
    } finally {
      clearTimeout(timer);
    }
  }
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

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
