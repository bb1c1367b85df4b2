// Starts serverChild.js and talks to it over the IPC channel: where it
// listens, the arrival and answer times it noted, and a clean stop.
import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';

/** When one patient search reached the server and when its answer was ready (epoch ms). */
export interface ServerTiming {
  arrivedAt: number;
  answeredAt?: number;
  status?: number;
}

export type ChildMessage =
  | { type: 'listening'; url: string; patients: number; startMs: number }
  | { type: 'timings'; timings: ServerTiming[] };

export type ParentMessage = { type: 'timings' } | { type: 'close' };

export interface ServerProcess {
  url: string;
  pid: number;
  /** Data generation plus listen, measured inside the child. */
  startMs: number;
  /** Timings noted since the last call, oldest first. */
  takeTimings(): Promise<ServerTiming[]>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startServerProcess(
  options: { patients: number; seed?: number },
): Promise<ServerProcess> {
  const child = fork(path.join(__dirname, 'serverChild.js'), [], {
    env: {
      ...process.env,
      BENCH_PATIENTS: String(options.patients),
      BENCH_SEED: String(options.seed ?? 1),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  const listening = await new Promise<Extract<ChildMessage, { type: 'listening' }>>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server child did not start')),
        START_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server child exited with ${code}`));
      });
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'listening') {
          clearTimeout(timer);
          resolve(message);
        }
      });
    },
  ).catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });

  return {
    url: listening.url,
    pid: child.pid ?? 0,
    startMs: listening.startMs,
    takeTimings: () => askTimings(child),
    close: () => stop(child),
  };
}

function askTimings(child: ChildProcess): Promise<ServerTiming[]> {
  return new Promise((resolve) => {
    if (!child.connected) {
      resolve([]);
      return;
    }
    const timer = setTimeout(() => {
      child.off('message', listener);
      resolve([]);
    }, STOP_TIMEOUT_MS);
    const listener = (message: ChildMessage) => {
      if (message.type === 'timings') {
        clearTimeout(timer);
        child.off('message', listener);
        resolve(message.timings);
      }
    };
    child.on('message', listener);
    child.send({ type: 'timings' } satisfies ParentMessage);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) {
    child.send({ type: 'close' } satisfies ParentMessage);
  } else {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
