// The local Romsoft server in a process of its own, started by
// serverProcess.ts. Answering 100,000 patients blocks a process for seconds;
// here that blocks neither the measuring process nor the browser driver,
// and the server's memory stays out of the figures taken over there.
//
// It also notes when each patient search arrived and when its answer was
// ready, so the end-to-end bench can place the server's share on its
// timeline. Both moments are read off the server's request log: an entry
// is added as a request arrives, and its status is set once the answer is
// built and serialised, just before the body is written.
import { startRomsoftServer, type RequestLogEntry } from '../server';
import type { ChildMessage, ParentMessage, ServerTiming } from './serverProcess';

const WATCHED_PATH = '/api/ADM_PACIENTE/GetAllFilters';

async function main(): Promise<void> {
  const patients = Number(process.env.BENCH_PATIENTS ?? '100000');
  const seed = Number(process.env.BENCH_SEED ?? '1');
  const started = performance.now();
  const server = await startRomsoftServer({ patients, seed });
  const startMs = performance.now() - started;

  const timings: ServerTiming[] = [];
  watchSearches(server.requestLog as RequestLogEntry[], timings);

  const send = (message: ChildMessage) => process.send?.(message);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'timings') {
      send({ type: 'timings', timings: timings.splice(0) });
    } else if (message.type === 'close') {
      stop();
    }
  });
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);

  send({ type: 'listening', url: server.url, patients, startMs });
}

/** Times new log entries of the patient search as they are added and answered. */
function watchSearches(log: RequestLogEntry[], timings: ServerTiming[]): void {
  const push = log.push.bind(log);
  log.push = (...entries: RequestLogEntry[]): number => {
    for (const entry of entries) {
      if (entry.path === WATCHED_PATH) {
        timings.push(timeEntry(entry));
      }
    }
    return push(...entries);
  };
}

function timeEntry(entry: RequestLogEntry): ServerTiming {
  const timing: ServerTiming = { arrivedAt: Date.now() };
  let status = entry.status;
  Object.defineProperty(entry, 'status', {
    enumerable: true,
    get: () => status,
    set: (value: number) => {
      status = value;
      if (value !== 0 && timing.answeredAt === undefined) {
        timing.answeredAt = Date.now();
        timing.status = value;
      }
    },
  });
  return timing;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
