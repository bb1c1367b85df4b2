// This process's own memory, with a full collection first when node runs
// with --expose-gc (run.ts re-starts itself with it), so a figure is what
// is still referenced rather than garbage not yet collected.

type GcFunction = () => void;

const gc = (globalThis as { gc?: GcFunction }).gc;

export const gcAvailable = typeof gc === 'function';

/** Two passes: the first may only queue finalizers that free more. */
export function collectGarbage(): void {
  gc?.();
  gc?.();
}

export function memorySnapshot(): NodeJS.MemoryUsage {
  collectGarbage();
  return process.memoryUsage();
}
