// `npm run bench`: speed and memory figures for large answers. It prints
// medians, 95th percentiles, sizes and ratios and asserts nothing about
// time, since the machines it runs on are shared and noisy.
//
//   node out/test/bench/run.js            every part
//   node out/test/bench/run.js 2 3        only parts 2 and 3
//
// Without --expose-gc it starts itself again with it, so memory figures
// can be taken after a full collection.
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { benchClient, PATIENTS } from './clientBench';
import { stopOnSignals } from './cleanup';
import { gcAvailable } from './memory';
import { benchServerStartup } from './serverStartup';
import { ms, note } from './stats';
import { benchWorkbench } from './workbenchBench';

const RESPAWNED = 'ROMSOFT_BENCH_RESPAWNED';

const PARTS: readonly { id: string; title: string; run: () => Promise<void> }[] = [
  { id: '1', title: 'local server start', run: benchServerStartup },
  { id: '2', title: 'RomsoftClient and classifyResponse (2 and 3)', run: benchClient },
  { id: '4', title: 'end to end in VS Code', run: benchWorkbench },
];

async function main(): Promise<void> {
  if (!gcAvailable && process.env[RESPAWNED] !== '1') {
    process.exitCode = await respawnWithGc();
    return;
  }

  stopOnSignals();
  const wanted = selectedParts(process.argv.slice(2));
  header();

  const failures: string[] = [];
  for (const part of PARTS.filter((item) => wanted.has(item.id))) {
    const started = performance.now();
    try {
      await part.run();
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      failures.push(`${part.title}: ${message}`);
      console.error(`\n${part.title} did not finish:\n${message}`);
    }
    console.log(`\n(${part.title}: ${ms(performance.now() - started)})`);
  }

  if (failures.length > 0) {
    process.exitCode = 1;
  }
}

function header(): void {
  const cpus = os.cpus();
  console.log('Romsoft benchmarks: figures to read, not to pass or fail.');
  console.log(`node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0].toFixed(2)}; ` +
    `${PATIENTS.toLocaleString('en-US')} patients for parts 2–4.`);
  note('Times: median / p95 over n runs (nearest rank: with fewer than 20 runs the ' +
    'p95 is the slowest). Sizes in MB of 10^6 bytes.');
  if (!gcAvailable) {
    note('global.gc is not available: memory figures include uncollected garbage.');
  }
}

function selectedParts(args: string[]): Set<string> {
  const ids = args.map((arg) => (arg === '3' ? '2' : arg));
  const known = new Set(PARTS.map((part) => part.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`unknown part ${unknown.join(', ')}; parts are 1, 2, 3 and 4`);
  }
  return new Set(ids.length > 0 ? ids : known);
}

/** Runs this same script under --expose-gc and passes its exit code on. */
function respawnWithGc(): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', ...process.execArgv, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, [RESPAWNED]: '1' } },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // The child gets Ctrl+C from the terminal too; stay alive until it has cleaned up.
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`could not start node --expose-gc: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
