// 1. The local server: generating its demo data, and generating plus
// listening, for three sizes of clinic.
import { generateDemoData } from '../server/demoData';
import { startRomsoftServer } from '../server';
import { gcAvailable, memorySnapshot } from './memory';
import { mb, medianP95, summarize, Table } from './stats';

const SIZES: readonly { patients: number; repetitions: number }[] = [
  { patients: 200, repetitions: 10 },
  { patients: 10_000, repetitions: 5 },
  { patients: 100_000, repetitions: 3 },
];

export async function benchServerStartup(): Promise<void> {
  const table = new Table(
    '1. Local server: data generation and start (median / p95)',
    ['patients', 'n', 'generate data', 'start server (generate + listen)', 'data heap'],
  );

  for (const { patients, repetitions } of SIZES) {
    const generate: number[] = [];
    const start: number[] = [];
    const heap: number[] = [];

    for (let run = 0; run < repetitions; run++) {
      const generated = timeGeneration(run + 1, patients);
      generate.push(generated.ms);
      heap.push(generated.heapBytes);

      const started = performance.now();
      const server = await startRomsoftServer({ seed: run + 1, patients });
      start.push(performance.now() - started);
      await server.close();
    }

    table.add(
      patients.toLocaleString('en-US'),
      repetitions,
      medianP95(generate),
      medianP95(start),
      gcAvailable ? mb(summarize(heap).median) : `${mb(summarize(heap).median)} (no gc)`,
    );
  }

  console.log(table.render());
}

/**
 * In a function of its own, so the data of the previous run is out of
 * scope (and collected) before this one is measured.
 */
function timeGeneration(seed: number, patients: number): { ms: number; heapBytes: number } {
  const before = memorySnapshot().heapUsed;
  const started = performance.now();
  const data = generateDemoData({ seed, patients, plans: 25 });
  const elapsed = performance.now() - started;
  const heapBytes = memorySnapshot().heapUsed - before;
  return { ms: elapsed, heapBytes: data.patients.length > 0 ? heapBytes : 0 };
}
