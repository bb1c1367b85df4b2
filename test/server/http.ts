import type { IncomingMessage, ServerResponse } from 'node:http';

import { authorizationValues, readCredential } from './auth';
import { type Catalog, type Route, findAction, findController, routeKey } from './catalog';
import type { DemoData } from './demoData';
import { bindBody } from './dotnet';
import { type FaultSwitch, IIS_ERROR_PAGE, parseFaultModes, truncateJson } from './faults';
import { runAction } from './handlers';
import type { TokenService } from './tokens';
import type { DemoUser } from './users';

/** One request as the server received it; status 0 while (or if never) answered. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  authorization?: string;
}

export interface ServerParts {
  /** "http://127.0.0.1:PORT", known once the server listens. */
  baseUrl: () => string;
  catalog: Catalog;
  data: DemoData;
  users: readonly DemoUser[];
  tokens: TokenService;
  faults: FaultSwitch;
  log: RequestLogEntry[];
  /** Delays in progress, cancelled when the server closes. */
  timers: Set<NodeJS.Timeout>;
}

/**
 * The request pipeline, in the order the real server applies it: the global token check,
 * then routing (404/405), then authorization of the action, body binding, the action, and
 * last the faults a test switched on. /__control/ routes sit outside all of it.
 */
export function createRequestHandler(
  parts: ServerParts,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const entry = logRequest(parts.log, req);
    handle(parts, req, res, entry).catch(() => {
      if (!res.headersSent) {
        sendEmpty(res, entry, 500);
      }
    });
  };
}

const LOG_LIMIT = 1000;
const BODY_LIMIT = 16 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

async function handle(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
): Promise<void> {
  const url = req.url ?? '/';
  const pathname = url.split('?')[0];
  if (pathname.startsWith('/__control/')) {
    return control(parts, req, res, entry, pathname);
  }

  const credential = readCredential(req.rawHeaders, parts.tokens);
  if (credential.kind === 'malformed') {
    return sendEmpty(res, entry, 500);
  }
  if (credential.kind === 'rejected') {
    return sendEmpty(res, entry, 401);
  }

  const found = resolveRoute(parts.catalog, pathname);
  if (!('route' in found)) {
    const address = `${parts.baseUrl()}${url}`;
    const message = `No HTTP resource was found that matches the request URI '${address}'.`;
    return sendJson(res, entry, 404, { Message: message, ...found });
  }
  const { route } = found;

  if (req.method !== 'POST') {
    const message = `The requested resource does not support http method '${req.method}'.`;
    return sendJson(res, entry, 405, { Message: message }, { Allow: 'POST' });
  }
  if (!route.action.anonymous && credential.kind !== 'valid') {
    const message = 'Authorization has been denied for this request.';
    return sendJson(res, entry, 401, { Message: message });
  }

  const text = await readBody(req);
  if (text === undefined) {
    return sendEmpty(res, entry, 413);
  }
  const envelope = runAction({
    route,
    body: bindBody(route.action, text),
    data: parts.data,
    users: parts.users,
    tokens: parts.tokens,
  });

  const plan = parts.faults.planFor(route.key, route.action.anonymous);
  if (plan.delayMs > 0) {
    await wait(plan.delayMs, parts.timers);
  }
  switch (plan.outcome) {
    case 'stall':
      // Never answer; closing the server destroys the socket.
      return;
    case 'html500':
      return sendText(res, entry, 500, 'text/html; charset=utf-8', IIS_ERROR_PAGE);
    case 'empty401':
      return sendEmpty(res, entry, 401);
    case 'invalidJson':
      return sendText(res, entry, 200, JSON_TYPE, truncateJson(JSON.stringify(envelope)));
    case 'dropMidBody':
      return dropMidBody(res, entry, Buffer.from(JSON.stringify(envelope), 'utf8'));
    case 'answer':
      return sendJson(res, entry, 200, envelope);
  }
}

/** Promises the whole body, sends half of it, and hangs up. */
function dropMidBody(res: ServerResponse, entry: RequestLogEntry, body: Buffer): void {
  entry.status = 200;
  res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': body.length });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
    res.socket?.destroy();
  });
}

type RouteLookup = { route: Route } | { MessageDetail?: string };

/** /api/{controller}/{action}, both matched ignoring case; a miss says what was missing. */
function resolveRoute(catalog: Catalog, pathname: string): RouteLookup {
  const match = /^\/api\/([^/]+)\/([^/]+)\/?$/i.exec(pathname);
  if (!match) {
    return {};
  }

  let controllerName: string;
  let actionName: string;
  try {
    controllerName = decodeURIComponent(match[1]);
    actionName = decodeURIComponent(match[2]);
  } catch {
    return {};
  }

  const controller = findController(catalog, controllerName);
  if (!controller) {
    const detail = `No type was found that matches the controller named '${controllerName}'.`;
    return { MessageDetail: detail };
  }
  const action = findAction(controller, actionName);
  if (!action) {
    const detail =
      `No action was found on the controller '${controller.controller}' that matches the request.`;
    return { MessageDetail: detail };
  }
  return { route: { controller, action, key: routeKey(controller, action) } };
}

/** POST /__control/faults sets the faults from a JSON body; /__control/faults/clear clears. */
async function control(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
  pathname: string,
): Promise<void> {
  const target = pathname.replace(/\/$/, '');
  if (target !== '/__control/faults' && target !== '/__control/faults/clear') {
    return sendEmpty(res, entry, 404);
  }
  if (req.method !== 'POST') {
    return sendEmpty(res, entry, 405);
  }

  const text = await readBody(req);
  if (target === '/__control/faults/clear') {
    parts.faults.clear();
    return sendEmpty(res, entry, 204);
  }

  const faults = parseFaultModes(parseOrUndefined(text ?? ''));
  if (!faults) {
    return sendJson(res, entry, 400, { error: 'Expected a FaultModes JSON object.' });
  }
  parts.faults.set(faults);
  return sendEmpty(res, entry, 204);
}

function logRequest(log: RequestLogEntry[], req: IncomingMessage): RequestLogEntry {
  const authorization = authorizationValues(req.rawHeaders);
  const entry: RequestLogEntry = { method: req.method ?? '', path: req.url ?? '', status: 0 };
  if (authorization.length > 0) {
    entry.authorization = authorization.join(', ');
  }
  log.push(entry);
  if (log.length > LOG_LIMIT) {
    log.splice(0, log.length - LOG_LIMIT);
  }
  return entry;
}

/** The body as UTF-8 text; undefined when it is larger than the server accepts. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      resolve(size <= BODY_LIMIT ? Buffer.concat(chunks).toString('utf8') : undefined);
    });
    req.on('error', reject);
  });
}

function wait(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(
  res: ServerResponse,
  entry: RequestLogEntry,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, entry, status, JSON_TYPE, JSON.stringify(body), headers);
}

function sendText(
  res: ServerResponse,
  entry: RequestLogEntry,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(text, 'utf8');
  entry.status = status;
  res.writeHead(status, {
    ...headers,
    'Content-Type': contentType,
    'Content-Length': String(body.length),
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}

function sendEmpty(res: ServerResponse, entry: RequestLogEntry, status: number): void {
  entry.status = status;
  res.writeHead(status, { 'Content-Length': '0' });
  res.end();
}
