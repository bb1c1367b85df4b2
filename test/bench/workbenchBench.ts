// 4. End to end in a real VS Code (code-server + Chromium): sign in through
// the command palette, open the request playground and time patient
// searches from the click on Search to the result on screen, with the
// memory of the extension host and of the browser alongside.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, CDPSession, Frame } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../server';
import { repoRoot } from '../support/paths';
import { launchBrowser, Workbench } from '../workbench/browser';
import { CodeServer, startCodeServer } from '../workbench/codeServer';
import { atExit, whileRunning } from './cleanup';
import { PATIENTS, QUERIES } from './clientBench';
import { cpuMs, descendants, procAvailable, residentBytes, RssSampler } from './procfs';
import { ServerProcess, ServerTiming, startServerProcess } from './serverProcess';
import { mb, medianP95, ms, note, summarize, Table } from './stats';
import {
  addProbeInitScript, armProbe, installProbe, pageHeap, readMarks, readResult, WebviewMarks,
  WebviewResult,
} from './webviewProbe';

/** A result later than this is a finding, and the runs of that query stop. */
const RESULT_LIMIT_MS = 90_000;
const POLL_MS = 200;
/** Each page.evaluate may wait for a busy page, but not forever. */
const EVALUATE_LIMIT_MS = 10_000;
const REPETITIONS: Record<string, number> = { narrow: 5, medium: 3, blank: 3 };

interface Run {
  marks: WebviewMarks;
  result?: WebviewResult;
  server?: ServerTiming;
  /** When the extension logged the call: its outcome was ready (epoch ms). */
  hostLoggedAt?: number;
  hostElapsedMs?: number;
  extHost: MemoryWindow;
  renderers: MemoryWindow;
  heap: { before?: number; after?: number; retained?: number };
  /** CPU milliseconds each group of processes spent during the search. */
  cpu: Partial<Record<CpuGroup, number>>;
  problem?: string;
}

const CPU_GROUPS = ['server', 'extensionHost', 'codeServer', 'renderers', 'browser'] as const;
type CpuGroup = (typeof CPU_GROUPS)[number];

const CPU_LABELS: Record<CpuGroup, string> = {
  server: 'Romsoft server',
  extensionHost: 'extension host',
  codeServer: 'code-server (rest)',
  renderers: 'Chromium renderers',
  browser: 'Chromium (rest)',
};

interface MemoryWindow {
  before: number;
  peak: number;
  after: number;
}

interface Processes {
  codeServer?: number;
  extensionHost?: number;
  renderers: () => number[];
  /** The processes of each CPU group, as they are now. */
  groups: () => Record<CpuGroup, number[]>;
}

export async function benchWorkbench(): Promise<void> {
  let server: ServerProcess | undefined;
  let codeServer: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench | undefined;
  // One stop shared by the normal end and an interrupt, so neither returns
  // (and lets the process exit) while the other is still removing things.
  let stopping: Promise<void> | undefined;
  let forgetCodeServer: () => void = () => undefined;
  const stopAll = () => stopping ??= (async () => {
    await workbench?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await codeServer?.close();
    forgetCodeServer();
    await server?.close();
  })();

  const bundle = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) {
    throw new Error(`${path.relative(repoRoot, bundle)} is missing: run npm run build first`);
  }
  // VS Code loads the bundle, not out/: say which build was measured.
  note(`extension bundle dist/extension.js built ${fs.statSync(bundle).mtime.toISOString()}`);

  await whileRunning(stopAll, async () => {
    try {
      server = await startServerProcess({ patients: PATIENTS });
      codeServer = await startCodeServer({ settings: { 'romsoft.serverUrl': server.url } });
      forgetCodeServer = killAtExit(codeServer);
      browser = await launchBrowser();
      workbench = await Workbench.create(browser);
      await addProbeInitScript(workbench.context);
      const sockets = await watchWebSockets(workbench);
      const openMs = await workbench.open(
        codeServer.workbenchUrl({ extensionDevelopmentPath: repoRoot }));
      console.log(`\n(code-server answered in ${ms(codeServer.startMs)}, workbench with ` +
        `extension hosts in ${ms(openMs)})`);
      note(`workbench WebSockets: ${await sockets()}`);

      await signIn(workbench, server.url);
      await workbench.runCommand('Romsoft: Open Request Playground');
      const frame = await workbench.webviewFrame('#patient-query', { timeoutMs: 30_000 });
      if (!await installProbe(frame)) {
        throw new Error('the timing probe did not reach the playground webview');
      }

      const processes = findProcesses(codeServer, server.pid);
      describeProcesses(processes);
      const heap = await heapReader(workbench, frame);
      const results = await runSearches(workbench, frame, server, codeServer, processes, heap);
      report(results, heap.source);
    } finally {
      await stopAll();
    }
  });
}

async function runSearches(
  workbench: Workbench,
  frame: Frame,
  server: ServerProcess,
  codeServer: CodeServer,
  processes: Processes,
  heap: HeapReader,
): Promise<Map<string, Run[]>> {
  const results = new Map<string, Run[]>();
  for (const query of QUERIES) {
    const runs: Run[] = [];
    results.set(query.name, runs);
    for (let index = 0; index < (REPETITIONS[query.name] ?? 1); index++) {
      const run = await measureSearch(
        workbench, frame, query.text, server, codeServer, processes, heap);
      runs.push(run);
      if (run.problem) {
        // A page that missed the limit may still be busy; later runs would measure that.
        return results;
      }
    }
  }
  return results;
}

async function signIn(workbench: Workbench, serverUrl: string): Promise<void> {
  await workbench.runCommand('Romsoft: Sign In');
  await workbench.waitForQuickInput();
  const prefilled = await workbench.quickInputValue();
  if (prefilled !== serverUrl) {
    await workbench.typeIntoQuickInput(serverUrl, { replace: true });
  }
  await workbench.pressEnter();

  await workbench.waitForQuickInputMessage('User name');
  await workbench.typeIntoQuickInput(DEMO_USERNAME, { replace: true });
  await workbench.pressEnter();

  await workbench.waitForQuickInputMessage(`Password for ${DEMO_USERNAME}`);
  await workbench.typeIntoQuickInput(DEMO_PASSWORD, { replace: true });
  await workbench.pressEnter();

  await workbench.waitForNotification(/Signed in to/, { timeoutMs: 30_000 });
  await workbench.dismissNotifications();
}

async function measureSearch(
  workbench: Workbench,
  frame: Frame,
  text: string,
  server: ServerProcess,
  codeServer: CodeServer,
  processes: Processes,
  heap: HeapReader,
): Promise<Run> {
  const loggedBefore = hostLogLines(codeServer).length;
  await server.takeTimings();
  await frame.fill('#patient-query', text);

  const run: Run = {
    marks: {},
    extHost: { before: rssOf(processes.extensionHost), peak: 0, after: 0 },
    renderers: { before: sumRss(processes.renderers()), peak: 0, after: 0 },
    heap: { before: await heap.read(true) },
    cpu: {},
  };
  const cpuBefore = groupCpu(processes.groups());
  const extHostSampler = new RssSampler(() =>
    processes.extensionHost ? [processes.extensionHost] : []);
  const rendererSampler = new RssSampler(processes.renderers);
  extHostSampler.start();
  rendererSampler.start();

  let crashed = false;
  const onCrash = () => {
    crashed = true;
  };
  workbench.page.once('crash', onCrash);

  try {
    await armProbe(frame);
    const clickedAt = Date.now();
    await frame.click('#patient-search');
    run.marks = await waitForPaint(frame, clickedAt, () => crashed);
  } catch (error) {
    run.problem = crashed
      ? 'the workbench page crashed'
      : error instanceof Error ? error.message : String(error);
    run.marks = await withLimit(readMarks(frame), 2_000).catch(() => run.marks);
  } finally {
    workbench.page.off('crash', onCrash);
    run.extHost.peak = extHostSampler.stop();
    run.renderers.peak = rendererSampler.stop();
  }

  const cpuAfter = groupCpu(processes.groups());
  for (const group of CPU_GROUPS) {
    run.cpu[group] = sumKnown(cpuAfter[group], cpuBefore[group]);
  }
  run.extHost.after = rssOf(processes.extensionHost);
  run.renderers.after = sumRss(processes.renderers());
  if (!run.problem) {
    run.result = await withLimit(readResult(frame), EVALUATE_LIMIT_MS).catch(() => undefined);
    run.heap.after = await heap.read(false);
    run.heap.retained = await heap.read(true);
  }
  run.server = (await server.takeTimings()).at(-1);
  const logged = await newHostLogLine(codeServer, loggedBefore);
  run.hostLoggedAt = logged?.at;
  run.hostElapsedMs = logged?.elapsedMs;
  return run;
}

async function waitForPaint(
  frame: Frame,
  clickedAt: number,
  crashed: () => boolean,
): Promise<WebviewMarks> {
  for (;;) {
    if (crashed() || frame.isDetached()) {
      throw new Error(frame.isDetached() ? 'the webview frame went away' : 'crashed');
    }
    const left = clickedAt + RESULT_LIMIT_MS - Date.now();
    if (left <= 0) {
      throw new Error(`no result on screen within ${RESULT_LIMIT_MS / 1000} s`);
    }
    const marks = await withLimit(readMarks(frame), Math.min(left, EVALUATE_LIMIT_MS))
      .catch(() => undefined);
    if (marks?.painted !== undefined) {
      return marks;
    }
    await sleep(POLL_MS);
  }
}

// --- processes and memory ---------------------------------------------------

function findProcesses(codeServer: CodeServer, serverPid: number): Processes {
  const ours = descendants(process.pid);
  const main = ours.find((info) => info.command.includes(codeServer.userDataDir));
  const underServer = main ? descendants(main.pid) : [];
  const extensionHost = underServer.find((info) => /--type=extensionHost/.test(info.command))
    ?? underServer.find((info) => /extensionHost/i.test(info.command));
  const isRenderer = (command: string) => command.includes('--type=renderer');

  const groups = (): Record<CpuGroup, number[]> => {
    const now = descendants(process.pid);
    const codeServerTree = new Set(main ? [main.pid, ...descendants(main.pid).map((p) => p.pid)]
      : []);
    const serverTree = new Set([serverPid, ...descendants(serverPid).map((p) => p.pid)]);
    const browser = now.filter((info) =>
      !codeServerTree.has(info.pid) && !serverTree.has(info.pid));
    return {
      server: [...serverTree],
      extensionHost: extensionHost ? [extensionHost.pid] : [],
      codeServer: [...codeServerTree].filter((pid) => pid !== extensionHost?.pid),
      renderers: browser.filter((info) => isRenderer(info.command)).map((info) => info.pid),
      browser: browser.filter((info) => !isRenderer(info.command)).map((info) => info.pid),
    };
  };

  return {
    codeServer: main?.pid,
    extensionHost: extensionHost?.pid,
    // Renderers come and go (a spare one is kept warm), so look each time.
    renderers: () => groups().renderers,
    groups,
  };
}

/**
 * The last resort if the process ends before code-server was closed: kill
 * its process group (it was started as the leader of one) and remove its
 * temporary folder, synchronously.
 */
function killAtExit(codeServer: CodeServer): () => void {
  const leader = descendants(process.pid)
    .find((info) => info.command.includes(codeServer.userDataDir));
  const root = path.dirname(codeServer.userDataDir);
  return atExit(() => {
    if (leader) {
      try {
        process.kill(-leader.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
}

/** CPU time per group, per process, so one that starts or ends meanwhile is not miscounted. */
function groupCpu(groups: Record<CpuGroup, number[]>): Record<CpuGroup, Map<number, number>> {
  const result = {} as Record<CpuGroup, Map<number, number>>;
  for (const group of CPU_GROUPS) {
    result[group] = new Map(groups[group].map((pid) => [pid, cpuMs(pid) ?? NaN]));
  }
  return result;
}

function sumKnown(after: Map<number, number>, before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, end] of after) {
    const start = before.get(pid) ?? 0;
    if (Number.isFinite(end) && Number.isFinite(start)) {
      sum += end - start;
    }
  }
  return sum;
}

/**
 * Notes the WebSocket handshakes of the workbench page while it opens, to
 * say whether the remote connection is compressed (permessage-deflate).
 * The Network domain is switched off again at once: it would otherwise
 * copy every frame, 100 MB ones included, to us.
 */
async function watchWebSockets(workbench: Workbench): Promise<() => Promise<string>> {
  const session = await workbench.context.newCDPSession(workbench.page);
  const seen: string[] = [];
  session.on('Network.webSocketHandshakeResponseReceived', (event) => {
    const headers = event.response.headers;
    const key = Object.keys(headers).find((name) => /^sec-websocket-extensions$/i.test(name));
    seen.push(key ? headers[key] : 'no extension');
  });
  await session.send('Network.enable');

  return async () => {
    await session.send('Network.disable').catch(() => undefined);
    await session.detach().catch(() => undefined);
    const kinds = [...new Set(seen)].join('; ') || 'none seen';
    return `${seen.length} opened, extensions: ${kinds}`;
  };
}

function describeProcesses(processes: Processes): void {
  if (!procAvailable) {
    note('/proc is not available here: no process memory figures.');
    return;
  }
  note(processes.extensionHost
    ? `extension host: pid ${processes.extensionHost} (a node process under code-server ` +
      `pid ${processes.codeServer}, found by "--type=extensionHost" in its command line)`
    : `no extension host process found under code-server pid ${processes.codeServer ?? '?'}`);
  note(`Chromium renderers under this process: ${processes.renderers().length}`);
}

function rssOf(pid: number | undefined): number {
  return pid === undefined ? NaN : residentBytes(pid)?.rss ?? NaN;
}

function sumRss(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (residentBytes(pid)?.rss ?? 0), 0);
}

interface HeapReader {
  source: string;
  /** Used JS heap in bytes; with collect, after a full collection. */
  read(collect: boolean): Promise<number | undefined>;
}

/**
 * The JS heap the webview lives in. A webview from the same site as the
 * workbench shares its renderer and heap; an out-of-process one has a
 * CDP session of its own.
 */
async function heapReader(workbench: Workbench, frame: Frame): Promise<HeapReader> {
  let session: CDPSession;
  let source: string;
  try {
    session = await workbench.context.newCDPSession(frame);
    source = 'the webview\'s own renderer (out-of-process frame)';
  } catch {
    session = await workbench.context.newCDPSession(workbench.page);
    source = 'the workbench renderer, which the webview shares';
  }

  return {
    source,
    read: async (collect) => {
      try {
        if (collect) {
          await withLimit(session.send('HeapProfiler.collectGarbage'), EVALUATE_LIMIT_MS);
        }
        const usage = await withLimit(session.send('Runtime.getHeapUsage'), EVALUATE_LIMIT_MS);
        return usage.usedSize;
      } catch {
        return withLimit(pageHeap(frame), EVALUATE_LIMIT_MS).catch(() => undefined);
      }
    },
  };
}

// --- the extension's own log ------------------------------------------------

interface HostLogLine {
  at: number;
  elapsedMs: number;
}

/** "2025-05-01 10:00:00.123 [info] [client] ADM_PACIENTE/GetAllFilters @ host: …, 12 ms" */
const SEARCH_LINE = new RegExp(
  String.raw`^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) \[\w+\] ` +
  String.raw`\[client\] ADM_PACIENTE/GetAllFilters @ .*, (\d+) ms$`);

/** The extension logs each call once its outcome is ready; its time stamp says when. */
function hostLogLines(codeServer: CodeServer): HostLogLine[] {
  const lines: HostLogLine[] = [];
  for (const line of codeServer.vscodeLogs().split('\n')) {
    const match = SEARCH_LINE.exec(line.trim());
    if (match) {
      const [year, month, day, hour, minute, second, milli] = match.slice(1, 8).map(Number);
      lines.push({
        at: new Date(year, month - 1, day, hour, minute, second, milli).getTime(),
        elapsedMs: Number(match[8]),
      });
    }
  }
  return lines;
}

/** Log files are written a moment after the fact, so wait a little for the line. */
async function newHostLogLine(
  codeServer: CodeServer,
  countBefore: number,
): Promise<HostLogLine | undefined> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const lines = hostLogLines(codeServer);
    if (lines.length > countBefore) {
      return lines.at(-1);
    }
    await sleep(250);
  }
  return undefined;
}

// --- the report -------------------------------------------------------------

function report(results: Map<string, Run[]>, heapSource: string): void {
  const findings: string[] = [];
  const times = new Table(
    '4. End to end in VS Code: click on Search → result painted in the webview ' +
      '(median / p95)',
    ['query', 'n ok', 'rows (shown of total)', 'click→painted', 'host call (client)',
      'raw pane chars'],
  );
  const steps = new Table(
    '4b. Where the time goes (medians, ms; clocks of different processes, ±few ms)',
    ['query', 'click→server', 'server builds', 'transfer+parse', 'host→webview frame',
      'frame decode', 'frame re-post', 'to page', 'page decode', 'page handler',
      'layout+paint', 'total'],
  );
  const cpu = new Table(
    '4d. CPU time spent during one search, by process (median of runs)',
    ['query', ...CPU_GROUPS.map((group) => CPU_LABELS[group]), 'wall (click→painted)'],
  );
  const memory = new Table(
    '4c. Memory during one search (median of runs)',
    ['query', 'ext host RSS before', 'peak', 'after', 'renderers RSS before', 'peak',
      'JS heap before', 'after', 'retained'],
  );

  for (const query of QUERIES) {
    const runs = results.get(query.name) ?? [];
    if (runs.length === 0) {
      continue;
    }
    const ok = runs.filter((run) => !run.problem && run.marks.painted !== undefined);
    const span = (from: keyof WebviewMarks, to: keyof WebviewMarks) =>
      ok.map((run) => (run.marks[to] as number) - (run.marks[from] as number));
    const last = ok.at(-1)?.result;

    times.add(
      query.name,
      `${ok.length}/${runs.length}`,
      last ? `${last.renderedRows} of ${rowsInCaption(last.caption)}` : '—',
      ok.length > 0 ? medianP95(span('clicked', 'painted')) : '—',
      medianP95(ok.map((run) => run.hostElapsedMs ?? NaN).filter(Number.isFinite)),
      last ? last.rawChars.toLocaleString('en-US') : '—',
    );

    const med = (values: (number | undefined)[]) => {
      const known = values.filter((value): value is number => Number.isFinite(value));
      return known.length > 0 ? String(Math.round(summarize(known).median)) : '—';
    };
    const marks = ok.map((run) => run.marks);
    steps.add(
      query.name,
      med(ok.map((run) => diff(run.marks.clicked, run.server?.arrivedAt))),
      med(ok.map((run) => diff(run.server?.arrivedAt, run.server?.answeredAt))),
      med(ok.map((run) => diff(run.server?.answeredAt, run.hostLoggedAt))),
      med(ok.map((run) => diff(run.hostLoggedAt, run.marks.relayArrived))),
      med(marks.map((mark) => diff(mark.relayArrived, mark.relayStart))),
      med(marks.map((mark) => diff(mark.relayStart, mark.relayEnd))),
      med(marks.map((mark) => diff(mark.relayEnd, mark.received))),
      med(marks.map((mark) => diff(mark.received, mark.decoded))),
      med(marks.map((mark) => diff(mark.decoded, mark.handled))),
      med(marks.map((mark) => diff(mark.handled, mark.painted))),
      med(marks.map((mark) => diff(mark.clicked, mark.painted))),
    );

    cpu.add(
      query.name,
      ...CPU_GROUPS.map((group) => med(runs.map((run) => run.cpu[group]))),
      med(ok.map((run) => diff(run.marks.clicked, run.marks.painted))),
    );

    const mmb = (values: (number | undefined)[]) => {
      const known = values.filter((value): value is number => Number.isFinite(value));
      return known.length > 0 ? mb(summarize(known).median) : '—';
    };
    memory.add(
      query.name,
      mmb(runs.map((run) => run.extHost.before)),
      mmb(runs.map((run) => run.extHost.peak)),
      mmb(runs.map((run) => run.extHost.after)),
      mmb(runs.map((run) => run.renderers.before)),
      mmb(runs.map((run) => run.renderers.peak)),
      mmb(runs.map((run) => run.heap.before)),
      mmb(runs.map((run) => run.heap.after)),
      mmb(runs.map((run) => run.heap.retained)),
    );

    for (const run of runs.filter((item) => item.problem)) {
      findings.push(`FINDING (${query.name}): ${run.problem}; marks so far: ` +
        `${describeMarks(run.marks)}; ext host peak ${mb(run.extHost.peak)}, ` +
        `renderers peak ${mb(run.renderers.peak)}`);
    }
    if (ok.some((run) => run.result && run.result.outcome !== 'ok')) {
      findings.push(`FINDING (${query.name}): outcomes shown: ` +
        ok.map((run) => run.result?.outcome ?? '?').join(', '));
    }
  }

  console.log(times.render());
  note('host call (client): the elapsed ms the extension logged for the call (fetch, ' +
    'read, JSON.parse, classify).');
  console.log(steps.render());
  note('click→server: page → host message, checks, token, request sent. server builds: ' +
    'filter, rows and JSON.stringify in the server. transfer+parse: loopback transfer, ' +
    'decoding, JSON.parse and classify in the extension host, until it logs the call.');
  note('host→webview frame: resultView, VS Code\'s postMessage (serialise, frame, compress ' +
    'the WebSocket message), transfer, and the workbench decoding it and posting it on to ' +
    'the webview\'s host frame. frame decode / re-post: that frame reading the message ' +
    'and posting it again to the page (a second structured clone). to page: waiting for ' +
    'the page\'s task. page decode: the page\'s first read of event.data. page handler: ' +
    'the playground\'s receive (size check, state, table of 200 rows, raw JSON). ' +
    'layout+paint: until the next frame.');
  console.log(memory.render());
  note(`JS heap: ${heapSource}; "retained" is after a forced collection, with the page ` +
    'still holding its last result.');
  note('renderers: summed RSS of every Chromium renderer under this process; peaks are ' +
    'sampled every 100 ms.');
  console.log(cpu.render());
  note('CPU ms from /proc (user + system, all threads); more CPU than wall time means ' +
    'work on several threads or processes at once.');
  console.log(perRun(results.get('blank') ?? []).render());
  for (const finding of findings) {
    note(finding);
  }
}

/** Every blank run on its own line: with three runs a median hides a lot. */
function perRun(runs: Run[]): Table {
  const table = new Table(
    '4e. Each blank-query run (ms)',
    ['run', 'server builds', 'transfer+parse', 'host→webview frame', 'in the webview',
      'total', 'ext host RSS peak', 'renderers RSS peak'],
  );
  runs.forEach((run, index) => {
    const show = (value: number | undefined) =>
      value === undefined ? '—' : String(Math.round(value));
    table.add(
      String(index + 1),
      show(diff(run.server?.arrivedAt, run.server?.answeredAt)),
      show(diff(run.server?.answeredAt, run.hostLoggedAt)),
      show(diff(run.hostLoggedAt, run.marks.relayArrived)),
      show(diff(run.marks.relayArrived, run.marks.painted)),
      show(diff(run.marks.clicked, run.marks.painted)),
      mb(run.extHost.peak),
      mb(run.renderers.peak),
    );
  });
  return table;
}

function rowsInCaption(caption: string): string {
  const numbers = caption.match(/[\d,.]+/g)?.map((part) => part.replace(/[,.]/g, '')) ?? [];
  return numbers.length > 0 ? Number(numbers.at(-1)).toLocaleString('en-US') : caption || '?';
}

function describeMarks(marks: WebviewMarks): string {
  const clicked = marks.clicked;
  if (clicked === undefined) {
    return 'none';
  }
  return Object.entries(marks)
    .map(([name, at]) => `${name} +${Math.round((at as number) - clicked)} ms`)
    .join(', ');
}

function diff(from: number | undefined, to: number | undefined): number | undefined {
  return from === undefined || to === undefined ? undefined : to - from;
}

function withLimit<T>(promise: Promise<T>, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms`)), limitMs);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, millis));
}
