/** Misbehaviours a test switches on to see how a client copes. */
export interface FaultModes {
  /** Delay every matching answer by this many milliseconds. */
  latencyMs?: number;
  /** Accept the request and never answer. */
  stall?: boolean;
  /** HTTP 500 with an IIS-style HTML error page. */
  html500?: boolean;
  /** HTTP 401 with an empty body, even with a valid token (protected actions only). */
  empty401?: boolean;
  /** HTTP 200, JSON content type, a body cut off halfway. */
  invalidJson?: boolean;
  /** Announce the whole envelope's Content-Length, send half, then drop the connection. */
  dropMidBody?: boolean;
  /** "Controller/Action", any case: limit the faults to that action. */
  only?: string;
}

export type FaultOutcome =
  | 'answer'
  | 'stall'
  | 'html500'
  | 'empty401'
  | 'invalidJson'
  | 'dropMidBody';

/** What to do with one request: wait this long, then answer or misbehave. */
export interface FaultPlan {
  delayMs: number;
  outcome: FaultOutcome;
}

/** The faults in force; a plan is taken per request, so a change never affects one in flight. */
export class FaultSwitch {
  private faults: FaultModes = {};

  set(faults: FaultModes): void {
    const checked = parseFaultModes(faults);
    if (!checked) {
      throw new TypeError('Invalid fault modes');
    }
    this.faults = checked;
  }

  clear(): void {
    this.faults = {};
  }

  planFor(routeKey: string, anonymous: boolean): FaultPlan {
    const faults = this.faults;
    const only = faults.only?.replace(/^\/?api\//i, '').toLowerCase();
    if (only !== undefined && only !== routeKey.toLowerCase()) {
      return NO_FAULT;
    }

    const delayMs = faults.latencyMs ?? 0;
    if (faults.stall) {
      return { delayMs, outcome: 'stall' };
    }
    if (faults.html500) {
      return { delayMs, outcome: 'html500' };
    }
    // An anonymous action has no token to refuse, unless a test names it explicitly.
    if (faults.empty401 && (!anonymous || only !== undefined)) {
      return { delayMs, outcome: 'empty401' };
    }
    if (faults.invalidJson) {
      return { delayMs, outcome: 'invalidJson' };
    }
    if (faults.dropMidBody) {
      return { delayMs, outcome: 'dropMidBody' };
    }
    return { delayMs, outcome: 'answer' };
  }
}

/** Checks fault modes sent as JSON; undefined when a field has the wrong type. */
export function parseFaultModes(value: unknown): FaultModes | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }

  const input = value as Record<string, unknown>;
  const faults: FaultModes = {};
  if (input.latencyMs !== undefined) {
    if (typeof input.latencyMs !== 'number' || !(input.latencyMs >= 0)) {
      return undefined;
    }
    faults.latencyMs = input.latencyMs;
  }
  for (const flag of ['stall', 'html500', 'empty401', 'invalidJson', 'dropMidBody'] as const) {
    if (input[flag] !== undefined) {
      if (typeof input[flag] !== 'boolean') {
        return undefined;
      }
      faults[flag] = input[flag];
    }
  }
  if (input.only !== undefined) {
    if (typeof input.only !== 'string') {
      return undefined;
    }
    faults.only = input.only;
  }
  return faults;
}

/** The kind of page IIS shows when an ASP.NET application throws and custom errors are on. */
export const IIS_ERROR_PAGE = [
  '<!DOCTYPE html>',
  '<html>',
  '<head><title>Runtime Error</title></head>',
  '<body bgcolor="white">',
  "<h1>Server Error in '/' Application.<hr width=100% size=1 color=silver></h1>",
  '<h2><i>Runtime Error</i></h2>',
  '<p><b>Description:</b> The application failed while processing this request.',
  'Details are hidden from remote clients.</p>',
  '</body>',
  '</html>',
].join('\r\n');

/** The first half of a JSON text: never valid JSON, since the outer object is left open. */
export function truncateJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

const NO_FAULT: FaultPlan = { delayMs: 0, outcome: 'answer' };
