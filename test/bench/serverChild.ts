// The local Romsoft server in a process of its own, started by
// serverProcess.ts. Answering 100,000 patients blocks a process for seconds;
// here that blocks neither the measuring process nor the browser driver,
// and the server's memory stays out of the figures taken over there.
//
// It also notes when each patient search arrived and when its answer was
// ready (the request log's status is set just before the body is written),
// so the end-to-end bench can place the server's share on its timeline.
import { startRomsoftServer, type RequestLogEntry } from '../server';
import type { ChildMessage, ParentMessage, ServerTiming } from './serverProcess';

const WATCHED_PATH = '/api/ADM_PACIENTE/GetAllFilters';
const WATCH_INTERVAL_MS = 2;

async function main(): Promise<void> {
  const patients = Number(process.env.BENCH_PATIENTS ?? '100000');
  const seed = Number(process.env.BENCH_SEED ?? '1');
  const started = performance.now();
  const server = await startRomsoftServer({ patients, seed });
  const startMs = performance.now() - started;

  const timings: ServerTiming[] = [];
  const open = new Map<RequestLogEntry, ServerTiming>();
  const seen = new WeakSet<RequestLogEntry>();
  const watch = setInterval(() => {
    const log = server.requestLog;
    // New entries are at the end; walk back to the first one already seen.
    for (let index = log.length - 1; index >= 0 && !seen.has(log[index]); index--) {
      const entry = log[index];
      seen.add(entry);
      if (entry.path === WATCHED_PATH) {
        const timing: ServerTiming = { arrivedAt: Date.now() };
        open.set(entry, timing);
        timings.push(timing);
      }
    }
    for (const [entry, timing] of open) {
      if (entry.status !== 0) {
        timing.answeredAt = Date.now();
        timing.status = entry.status;
        open.delete(entry);
      }
    }
  }, WATCH_INTERVAL_MS);

  const send = (message: ChildMessage) => process.send?.(message);
  const stop = () => {
    clearInterval(watch);
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
