// 2. RomsoftClient against the local server with 100,000 patients, beside a
//    bare node:http POST of the same request (the client overhead ratio),
//    and what holding one blank-search outcome costs in memory.
// 3. classifyResponse on the largest body beside a bare JSON.parse.
import * as http from 'node:http';
import fetch from 'node-fetch';
import * as zlib from 'node:zlib';
import { RomsoftClient } from '../../src/api/client';
import { classifyResponse, type Outcome } from '../../src/api/envelope';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../server';
import { FIRST_PATIENT } from '../server/demoData';
import { SURNAMES } from '../server/names';
import { barePost } from './bareHttp';
import { whileRunning } from './cleanup';
import { collectGarbage, gcAvailable, memorySnapshot } from './memory';
import { procAvailable, residentBytes, resetPeak } from './procfs';
import { startServerProcess } from './serverProcess';
import {
  mb, mbDelta, medianP95, ms, note, perSecond, ratio, summarize, Table,
} from './stats';

export const PATIENTS = 100_000;

const SEARCH = { controller: 'ADM_PACIENTE', action: 'GetAllFilters' } as const;
const SEARCH_PATH = `/api/${SEARCH.controller}/${SEARCH.action}`;
const CLIENT_TIMEOUT_MS = 120_000;
const JSON_TYPE = 'application/json; charset=utf-8';

/** The three searches every bench runs: tens of rows, thousands, everyone. */
export const QUERIES: readonly { name: string; text: string; repetitions: number }[] = [
  {
    name: 'narrow',
    text: `${FIRST_PATIENT.paternalSurname} ${FIRST_PATIENT.maternalSurname}`,
    repetitions: 15,
  },
  { name: 'medium', text: SURNAMES[0], repetitions: 7 },
  { name: 'blank', text: '', repetitions: 5 },
];

export async function benchClient(): Promise<void> {
  const server = await startServerProcess({ patients: PATIENTS });
  await whileRunning(() => server.close(), () => measure(server.url, server.startMs))
    .finally(() => server.close());
}

async function measure(url: string, startMs: number): Promise<void> {
  const bareAgent = new http.Agent({ keepAlive: true });
  let client: RomsoftClient | undefined;

  try {
    console.log(`\n(server child with ${PATIENTS.toLocaleString('en-US')} patients ready in ` +
      `${ms(startMs)})`);
    const token = await signIn(url);
    client = new RomsoftClient({
      baseUrl: url,
      token: () => token,
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    const bodies = await timeSearches(client, url, token, bareAgent);
    await holdOneBlankOutcome(client);
    benchClassify(bodies);
  } finally {
    release(client);
    bareAgent.destroy();
  }
}

/** What a search answered, kept for the parse bench. */
interface Body {
  name: string;
  text: string;
  bytes: number;
}

async function timeSearches(
  client: RomsoftClient,
  baseUrl: string,
  token: string,
  agent: http.Agent,
): Promise<Body[]> {
  const table = new Table(
    `2. RomsoftClient vs bare node:http POST, ${PATIENTS.toLocaleString('en-US')} patients ` +
      '(median / p95)',
    ['query', 'rows', 'body', 'n', 'server headers', 'bare POST', 'node-fetch text()',
      'client.call', 'client/bare', 'client−bare'],
  );
  const bodies: Body[] = [];
  const failures: string[] = [];
  const fetchAgent = new http.Agent({ keepAlive: true });

  // One unmeasured round each, so sockets and JIT are warm for all three.
  const warmUp = { valorRequest: QUERIES[0].text };
  await client.call(SEARCH.controller, SEARCH.action, warmUp);
  await barePost(baseUrl + SEARCH_PATH, warmUp, token, agent);
  await nodeFetchText(baseUrl + SEARCH_PATH, warmUp, token, fetchAgent);

  for (const query of QUERIES) {
    const body = { valorRequest: query.text };
    const clientMs: number[] = [];
    const bareMs: number[] = [];
    const fetchMs: number[] = [];
    const headersMs: number[] = [];
    let rows = 0;
    let bytes = 0;
    let lastText = '';

    for (let run = 0; run < query.repetitions; run++) {
      // Alternate who goes first, so neither always meets a warmer server.
      const order = run % 2 === 0
        ? ['client', 'bare', 'fetch']
        : ['fetch', 'bare', 'client'];
      for (const who of order) {
        // A keep-alive socket the server closes just as a request goes out
        // fails that request; it is counted as a finding and tried once more.
        for (let attempt = 1; attempt <= 2; attempt++) {
          collectGarbage();
          const label = `${query.name} run ${run + 1}, ${who}, attempt ${attempt}`;
          const failure = await measureOnce(who, label);
          if (failure === undefined) {
            break;
          }
          failures.push(failure);
        }
      }
    }

    async function measureOnce(who: string, label: string): Promise<string | undefined> {
      const started = performance.now();
      try {
        if (who === 'client') {
          const outcome = await client.call(SEARCH.controller, SEARCH.action, body);
          if (outcome.kind !== 'ok') {
            return `${label}: ${describeOutcome(outcome)} after ${ms(performance.now() - started)}`;
          }
          clientMs.push(performance.now() - started);
          rows = rowCount(outcome);
        } else if (who === 'fetch') {
          fetchMs.push(await nodeFetchText(baseUrl + SEARCH_PATH, body, token, fetchAgent));
        } else {
          const answer = await barePost(baseUrl + SEARCH_PATH, body, token, agent);
          bareMs.push(answer.totalMs);
          headersMs.push(answer.headersMs);
          bytes = answer.bytes;
          lastText = answer.text;
        }
        return undefined;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return `${label}: ${reason} after ${ms(performance.now() - started)}`;
      }
    }

    const clientMedian = summarize(clientMs).median;
    const bareMedian = summarize(bareMs).median;
    table.add(
      `${query.name} "${query.text}"`,
      rows.toLocaleString('en-US'),
      mb(bytes),
      query.repetitions,
      medianP95(headersMs),
      medianP95(bareMs),
      medianP95(fetchMs),
      medianP95(clientMs),
      ratio(clientMedian / bareMedian),
      ms(clientMedian - bareMedian),
    );
    bodies.push({ name: query.name, text: lastText, bytes });
  }

  fetchAgent.destroy();
  console.log(table.render());
  note('server headers: time to the status line; the server builds and serialises the ' +
    'whole answer before it sends a byte, so this is its generation time.');
  note('bare POST reads the body into a string only; node-fetch text() is the same POST ' +
    'through node-fetch, as the client sends it; client.call also parses and classifies ' +
    '(see 3).');
  for (const failure of failures) {
    note(`FINDING: a search failed and was tried again: ${failure}`);
  }
  return bodies;
}

async function holdOneBlankOutcome(client: RomsoftClient): Promise<void> {
  const table = new Table(
    '2b. Memory of this process holding one blank-search outcome (100,000 rows)',
    ['figure', 'before', 'at return', 'growth', `${SETTLE_MS / 1000} s later`, 'growth',
      'after release'],
  );

  const held = await measureHolding(client);
  await sleep(SETTLE_MS);
  const released = memorySnapshot();
  const { before, atReturn, settled, peak, peakReset } = held;

  for (const key of ['heapUsed', 'heapTotal', 'external', 'arrayBuffers', 'rss'] as const) {
    table.add(key, mb(before[key]), mb(atReturn[key]), mbDelta(atReturn[key] - before[key]),
      mb(settled[key]), mbDelta(settled[key] - before[key]), mb(released[key]));
  }
  table.add(peakReset ? 'peak RSS during the call' : 'peak RSS (process lifetime)',
    '', mb(peak), mbDelta(peak - before.rss), '', '', '');
  console.log(table.render());
  note(`held: one outcome of ${held.rows.toLocaleString('en-US')} rows. "at return" is ` +
    'right after client.call resolved, what the client may still hold then included; ' +
    '"after release" is once nothing refers to the outcome any more. Every figure is ' +
    'after a full collection.');
  if (!gcAvailable) {
    note('global.gc is not available (node was not run with --expose-gc): the figures ' +
      'include garbage not yet collected.');
  }
}

const SETTLE_MS = 1_500;

interface Holding {
  before: NodeJS.MemoryUsage;
  atReturn: NodeJS.MemoryUsage;
  settled: NodeJS.MemoryUsage;
  peak: number;
  peakReset: boolean;
  rows: number;
}

/** A function of its own, so that the outcome is out of reach once it returns. */
async function measureHolding(client: RomsoftClient): Promise<Holding> {
  const before = memorySnapshot();
  const peakReset = procAvailable && resetPeak('self');
  const outcome = await client.call(SEARCH.controller, SEARCH.action, { valorRequest: '' });
  const peak = residentBytes(process.pid)?.peak ?? NaN;
  const atReturn = memorySnapshot();
  await sleep(SETTLE_MS);
  const settled = memorySnapshot();
  return { before, atReturn, settled, peak, peakReset, rows: rowCount(outcome) };
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, millis));
}

function benchClassify(bodies: Body[]): void {
  const table = new Table(
    '3. classifyResponse vs bare JSON.parse of the same body (median / p95)',
    ['body', 'size', 'n', 'JSON.parse', 'classifyResponse', 'classify/parse', 'parse speed'],
  );

  for (const body of bodies.filter((item) => item.name !== 'narrow')) {
    const repetitions = body.name === 'blank' ? 5 : 15;
    const parseMs: number[] = [];
    const classifyMs: number[] = [];
    for (let run = 0; run < repetitions; run++) {
      collectGarbage();
      let started = performance.now();
      const parsed: unknown = JSON.parse(body.text);
      parseMs.push(performance.now() - started);
      void parsed;

      collectGarbage();
      started = performance.now();
      const outcome = classifyResponse(
        { action: `${SEARCH.controller}/${SEARCH.action}`, status: 200, elapsedMs: 0 },
        'OK', JSON_TYPE, body.text);
      classifyMs.push(performance.now() - started);
      void outcome;
    }

    const parseMedian = summarize(parseMs).median;
    table.add(
      body.name,
      mb(body.bytes),
      repetitions,
      medianP95(parseMs),
      medianP95(classifyMs),
      ratio(summarize(classifyMs).median / parseMedian),
      perSecond(body.bytes, parseMedian),
    );
  }
  console.log(table.render());
  note('classifyResponse = a blank check, JSON.parse, the envelope shape check and the ' +
    'outcome object; the ratio is what that adds to the parse alone.');
  const blank = bodies.find((body) => body.name === 'blank');
  if (blank) {
    benchHandOver(blank);
  }
}

/** The client's transport alone: node-fetch with the same options, to text(). */
async function nodeFetchText(
  url: string,
  body: unknown,
  token: string,
  agent: http.Agent,
): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
    agent,
    redirect: 'manual',
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  return text.length > 0 ? elapsed : NaN;
}

/**
 * 3b. What each step that carries the blank result from the extension host
 * to the webview costs on its own, measured here in node on the same data:
 * an estimate of the shares in 4b, not the steps themselves.
 */
function benchHandOver(body: Body): void {
  const table = new Table(
    '3b. Steps of handing the blank result to the webview, each alone in node (median / p95)',
    ['step', 'n', 'time', 'output'],
  );
  const envelope = JSON.parse(body.text) as unknown;
  const message = {
    type: 'result',
    requestId: 'patients-1',
    pane: 'patients',
    result: { kind: 'envelope', outcome: 'ok', status: 200, elapsedMs: 0, envelope },
  };
  const serialised = JSON.stringify(message);
  const encoded = Buffer.from(serialised, 'utf8');

  /** Each step returns the size of what it produced, when that means something. */
  const steps: { name: string; run: () => number | undefined }[] = [
    { name: 'JSON.stringify of the result message (postMessage, host side)',
      run: () => JSON.stringify(message).length },
    { name: 'UTF-8 encode of that text',
      run: () => Buffer.from(serialised, 'utf8').length },
    { name: 'deflate of those bytes (WebSocket permessage-deflate)',
      run: () => zlib.deflateRawSync(encoded).length },
    { name: 'JSON.parse of the message text (workbench side)',
      run: () => {
        JSON.parse(serialised);
        return undefined;
      } },
    { name: 'structuredClone of the message (each frame-to-frame postMessage)',
      run: () => {
        structuredClone(message);
        return undefined;
      } },
    { name: 'JSON.stringify of the result (the page\'s size check)',
      run: () => JSON.stringify(message.result).length },
    { name: 'JSON.stringify(envelope, null, 2) (the page\'s raw pane, kept for Copy)',
      run: () => JSON.stringify(envelope, null, 2).length },
  ];

  for (const step of steps) {
    const times: number[] = [];
    let output: number | undefined;
    for (let run = 0; run < 3; run++) {
      collectGarbage();
      const started = performance.now();
      output = step.run();
      times.push(performance.now() - started);
    }
    table.add(step.name, times.length, medianP95(times),
      output === undefined ? '' : mb(output));
  }
  console.log(table.render());
  note('output: characters or bytes produced, in MB; the deflated size is what crosses ' +
    'the WebSocket.');
}

async function signIn(baseUrl: string): Promise<string> {
  const anonymous = new RomsoftClient({ baseUrl, timeoutMs: 10_000 });
  try {
    const outcome = await anonymous.call('Account', 'Login', {
      Username: DEMO_USERNAME,
      Password: DEMO_PASSWORD,
    });
    const token = outcome.kind === 'ok'
      ? (outcome.envelope.Data as { token?: unknown } | null)?.token
      : undefined;
    if (typeof token !== 'string') {
      throw new Error(`sign-in to the local server failed: ${outcome.kind}`);
    }
    return token;
  } finally {
    release(anonymous);
  }
}

function rowCount(outcome: Outcome): number {
  if (outcome.kind !== 'ok') {
    throw new Error(`the search answered ${describeOutcome(outcome)}`);
  }
  const data = outcome.envelope.Data;
  return Array.isArray(data) ? data.length : 0;
}

/** Closes the client's sockets, for a client that keeps any between calls. */
function release(client: RomsoftClient | undefined): void {
  (client as { dispose?: () => void } | undefined)?.dispose?.();
}

function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'network':
      return `network (${outcome.code ?? 'no code'}: ${outcome.reason}` +
        `${outcome.timedOut ? ', timed out' : ''})`;
    case 'httpError':
    case 'invalidBody':
    case 'unauthorized':
      return `${outcome.kind} (HTTP ${outcome.status})`;
    default:
      return outcome.kind;
  }
}
