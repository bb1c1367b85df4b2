// What must be stopped if the run is interrupted (Ctrl+C, SIGTERM) while a
// bench holds servers, code-server or a browser. code-server runs in a
// process group of its own, so it would outlive us without this.
//
// Playwright exits the process on SIGINT and SIGTERM as soon as its
// browser is closed, which can be before an orderly stop has finished; so
// what must not outlive us also gets a synchronous last resort on 'exit'.

type Stopper = () => Promise<void>;

const stoppers = new Set<Stopper>();
const lastResorts = new Set<() => void>();
let interrupted = false;

process.on('exit', () => {
  for (const hook of lastResorts) {
    try {
      hook();
    } catch {
      // Best effort: the process is ending either way.
    }
  }
});

/** Runs `hook` synchronously if the process exits before the returned function is called. */
export function atExit(hook: () => void): () => void {
  lastResorts.add(hook);
  return () => {
    lastResorts.delete(hook);
  };
}

/** Registers a stopper for the duration of `body`, which still cleans up itself. */
export async function whileRunning<T>(stop: Stopper, body: () => Promise<T>): Promise<T> {
  stoppers.add(stop);
  try {
    return await body();
  } finally {
    stoppers.delete(stop);
  }
}

export function stopOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) {
        return;
      }
      interrupted = true;
      console.error(`\n${signal}: stopping servers, code-server and the browser…`);
      const all = [...stoppers].map((stop) => stop().catch(() => undefined));
      void Promise.all(all).finally(() => process.exit(130));
    });
  }
}
