/**
 * Seeded pseudo-random numbers (the mulberry32 recurrence): the same seed gives the same
 * demo data on every machine, which is what lets tests compute their expectations.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Digits only, e.g. for phone numbers; leading zeros allowed. */
  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) {
      text += String(Math.floor(this.next() * 10));
    }
    return text;
  }
}

/**
 * A seed for one named stream (one action, one patient): streams stay independent, so
 * asking for one thing never shifts the values of another.
 */
export function deriveSeed(seed: number, label: string | number): number {
  // FNV-1a over the seed and the label: cheap and spreads nearby labels apart.
  let hash = 0x811c9dc5;
  const text = `${seed}:${label}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
