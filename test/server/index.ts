import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { loadCatalog } from './catalog';
import { type DemoData, generateDemoData } from './demoData';
import { type FaultModes, FaultSwitch } from './faults';
import { type RequestLogEntry, createRequestHandler } from './http';
import { type TokenOverrides, TokenService } from './tokens';
import { DEMO_USERS, type DemoUser } from './users';

export type { DemoBenefit, DemoData, DemoPatient, DemoPlan, DemoVisit } from './demoData';
export type { FaultModes } from './faults';
export type { RequestLogEntry } from './http';
export type { TokenOverrides } from './tokens';
export { DEMO_PASSWORD, DEMO_USERNAME, type DemoUser } from './users';

export interface ServerOptions {
  /** Default 1; the data follows from the seed alone. */
  seed?: number;
  /** Default 200. */
  patients?: number;
  /** Default 25. */
  plans?: number;
  /** Default 0, a free port. The host is always 127.0.0.1. */
  port?: number;
  /** Default 28800, the server's JWT_EXPIRE_MINUTES. */
  tokenLifetimeMinutes?: number;
  /** Token signing secret; default, random bytes per start. */
  secret?: string;
}

/** A running local Romsoft server, with the handles tests need to steer and inspect it. */
export interface RomsoftTestServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  data: DemoData;
  users: readonly DemoUser[];
  /** Replaces the faults in force. */
  setFaults(faults: FaultModes): void;
  clearFaults(): void;
  /** Mints a token as Login would, or a deliberately bad one. */
  issueToken(username: string, claims?: TokenOverrides): string;
  /** The last 1000 requests received. */
  requestLog: readonly RequestLogEntry[];
  /** Stops listening and drops every connection, stalled ones included. */
  close(): Promise<void>;
}

export async function startRomsoftServer(options: ServerOptions = {}): Promise<RomsoftTestServer> {
  const data = generateDemoData({
    seed: count(options.seed, 1, 'seed'),
    patients: count(options.patients, 200, 'patients'),
    plans: count(options.plans, 25, 'plans'),
  });
  const secret = options.secret === undefined
    ? randomBytes(32)
    : Buffer.from(options.secret, 'utf8');
  const tokens = new TokenService(secret, options.tokenLifetimeMinutes ?? 28_800);
  const faults = new FaultSwitch();
  const log: RequestLogEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let url = '';

  const server = createServer(createRequestHandler({
    baseUrl: () => url,
    catalog: loadCatalog(),
    data,
    users: DEMO_USERS,
    tokens,
    faults,
    log,
    timers,
  }));
  const sockets = trackSockets(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      timers.forEach(clearTimeout);
      timers.clear();
      server.close(() => resolve());
      sockets.forEach((socket) => socket.destroy());
    });
    return closing;
  };

  return {
    url,
    data,
    users: DEMO_USERS,
    setFaults: (modes) => faults.set(modes),
    clearFaults: () => faults.clear(),
    issueToken: (username, claims) => tokens.issue(username, claims),
    requestLog: log,
    close,
  };
}

function trackSockets(server: ReturnType<typeof createServer>): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

function count(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return result;
}
