// Reads memory figures of processes this benchmark started, from Linux's
// /proc. Only descendants of our own process are ever looked at, so the
// figures are those of the code-server, extension host and browser we run.
import * as fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  parent: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

export const procAvailable = fs.existsSync('/proc/self/status');

/** Every live process below `root` (not `root` itself), parents first. */
export function descendants(root: number): ProcessInfo[] {
  if (!procAvailable) {
    return [];
  }

  const all = listProcesses();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of all) {
    const siblings = children.get(info.parent) ?? [];
    siblings.push(info);
    children.set(info.parent, siblings);
  }

  const found: ProcessInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Resident and peak resident memory in bytes; undefined once the process is gone. */
export function residentBytes(pid: number): { rss: number; peak: number } | undefined {
  const status = readText(`/proc/${pid}/status`);
  if (status === undefined) {
    return undefined;
  }
  return { rss: statusKb(status, 'VmRSS') * 1024, peak: statusKb(status, 'VmHWM') * 1024 };
}

/** Clock ticks per second of /proc/<pid>/stat times: USER_HZ, 100 on every Linux port. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time in milliseconds; undefined once the process is gone. */
export function cpuMs(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) {
    return undefined;
  }
  // Fields after the parenthesised command name, counted from 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Resets the kernel's peak-RSS mark of one of our processes (Linux 4.0+),
 * so VmHWM afterwards is the peak since now. False when the kernel refuses.
 */
export function resetPeak(pid: number | 'self'): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples the RSS of a set of processes on a timer and keeps the highest
 * sum seen. Our event loop stays free while other processes work, so the
 * samples land even when the extension host or the browser is busy.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peakSum = 0;
  private readonly peaks = new Map<number, number>();

  constructor(private readonly pids: () => number[], private readonly intervalMs = 100) {}

  start(): void {
    this.stop();
    this.peakSum = 0;
    this.peaks.clear();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  /** Stops sampling; returns the highest summed RSS seen, in bytes. */
  stop(): number {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.sample();
    }
    return this.peakSum;
  }

  peakOf(pid: number): number {
    return this.peaks.get(pid) ?? 0;
  }

  private sample(): void {
    let sum = 0;
    for (const pid of this.pids()) {
      const rss = residentBytes(pid)?.rss ?? 0;
      sum += rss;
      this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, rss));
    }
    this.peakSum = Math.max(this.peakSum, sum);
  }
}

function listProcesses(): ProcessInfo[] {
  const result: ProcessInfo[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    const stat = readText(`/proc/${name}/stat`);
    if (stat === undefined) {
      continue;
    }
    // The command name in parentheses may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = (readText(`/proc/${name}/cmdline`) ?? '').split('\0').join(' ').trim();
    result.push({ pid: Number(name), parent: Number(fields[1]), command });
  }
  return result;
}

function statusKb(status: string, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
