// Summaries and a plain-text table for the benchmark figures. Nothing here
// judges a number: the benches print, a person reads.

export interface Summary {
  n: number;
  median: number;
  /** Nearest-rank 95th percentile: with fewer than 20 samples, the largest. */
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) {
    return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  }

  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
  const rank = Math.max(1, Math.ceil(0.95 * sorted.length));
  return {
    n: sorted.length,
    median,
    p95: sorted[rank - 1],
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** Megabytes as 10^6 bytes, the unit every size in the report uses. */
export const MB = 1_000_000;

export function ms(value: number): string {
  if (!Number.isFinite(value)) {
    return '—';
  }
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

export function mb(bytes: number): string {
  if (!Number.isFinite(bytes)) {
    return '—';
  }
  const value = bytes / MB;
  return Math.abs(value) >= 10 ? `${value.toFixed(0)} MB` : `${value.toFixed(2)} MB`;
}

/** A signed size change, so growth and release read apart. */
export function mbDelta(bytes: number): string {
  if (!Number.isFinite(bytes)) {
    return '—';
  }
  return `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

export function perSecond(bytes: number, millis: number): string {
  if (!Number.isFinite(bytes) || !(millis > 0)) {
    return '—';
  }
  return `${(bytes / MB / (millis / 1000)).toFixed(0)} MB/s`;
}

export function medianP95(samples: readonly number[]): string {
  const summary = summarize(samples);
  return `${ms(summary.median)} / ${ms(summary.p95)}`;
}

/** Columns padded to their widest cell; the first column left, the rest right. */
export class Table {
  private readonly rows: string[][] = [];

  constructor(private readonly title: string, private readonly header: string[]) {}

  add(...cells: (string | number)[]): void {
    this.rows.push(cells.map((cell) => String(cell)));
  }

  get size(): number {
    return this.rows.length;
  }

  render(): string {
    const all = [this.header, ...this.rows];
    const widths = this.header.map((_, column) =>
      Math.max(...all.map((row) => (row[column] ?? '').length)));
    const line = (row: string[]) => row
      .map((cell, column) => column === 0
        ? (cell ?? '').padEnd(widths[column])
        : (cell ?? '').padStart(widths[column]))
      .join('  ')
      .trimEnd();
    const rule = widths.map((width) => '-'.repeat(width)).join('  ');
    return [`\n${this.title}`, line(this.header), rule, ...this.rows.map(line)].join('\n');
  }
}

/** A line of the report that is not a figure: a finding, a caveat, a skipped step. */
export function note(text: string): void {
  console.log(`  * ${text}`);
}
