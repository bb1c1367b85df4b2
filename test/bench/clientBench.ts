// 2. RomsoftClient against the local server with 100,000 patients, beside a
//    bare node:http POST of the same request (the client overhead ratio),
//    and what holding one blank-search outcome costs in memory.
// 3. classifyResponse on the largest body beside a bare JSON.parse.
import * as http from 'node:http';
import { RomsoftClient } from '../../src/api/client';
import { classifyResponse, type Outcome } from '../../src/api/envelope';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../server';
import { FIRST_PATIENT } from '../server/demoData';
import { SURNAMES } from '../server/names';
import { barePost } from './bareHttp';
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
  { name: 'blank', text: '', repetitions: 3 },
];

export async function benchClient(): Promise<void> {
  const server = await startServerProcess({ patients: PATIENTS });
  const bareAgent = new http.Agent({ keepAlive: true });
  let client: RomsoftClient | undefined;

  try {
    console.log(`\n(server child with ${PATIENTS.toLocaleString('en-US')} patients ready in ` +
      `${ms(server.startMs)})`);
    const token = await signIn(server.url);
    client = new RomsoftClient({
      baseUrl: server.url,
      token: () => token,
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    const bodies = await timeSearches(client, server.url, token, bareAgent);
    await holdOneBlankOutcome(client);
    benchClassify(bodies);
  } finally {
    client?.dispose();
    bareAgent.destroy();
    await server.close();
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
    ['query', 'rows', 'body', 'n', 'server headers', 'bare POST', 'client.call',
      'client/bare', 'client−bare'],
  );
  const bodies: Body[] = [];

  // One unmeasured round each, so sockets and JIT are warm for both.
  await client.call(SEARCH.controller, SEARCH.action, { valorRequest: QUERIES[0].text });
  await barePost(baseUrl + SEARCH_PATH, { valorRequest: QUERIES[0].text }, token, agent);

  for (const query of QUERIES) {
    const body = { valorRequest: query.text };
    const clientMs: number[] = [];
    const bareMs: number[] = [];
    const headersMs: number[] = [];
    let rows = 0;
    let bytes = 0;
    let lastText = '';

    for (let run = 0; run < query.repetitions; run++) {
      // Alternate who goes first, so neither always meets a warmer server.
      const order = run % 2 === 0 ? ['client', 'bare'] : ['bare', 'client'];
      for (const who of order) {
        collectGarbage();
        if (who === 'client') {
          const started = performance.now();
          const outcome = await client.call(SEARCH.controller, SEARCH.action, body);
          clientMs.push(performance.now() - started);
          rows = rowCount(outcome);
        } else {
          const answer = await barePost(baseUrl + SEARCH_PATH, body, token, agent);
          bareMs.push(answer.totalMs);
          headersMs.push(answer.headersMs);
          bytes = answer.bytes;
          lastText = answer.text;
        }
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
      medianP95(clientMs),
      ratio(clientMedian / bareMedian),
      ms(clientMedian - bareMedian),
    );
    bodies.push({ name: query.name, text: lastText, bytes });
  }

  console.log(table.render());
  note('server headers: time to the status line; the server builds and serialises the ' +
    'whole answer before it sends a byte, so this is its generation time.');
  note('bare POST reads the body into a string only; client.call also parses and ' +
    'classifies it (see 3).');
  return bodies;
}

async function holdOneBlankOutcome(client: RomsoftClient): Promise<void> {
  const table = new Table(
    '2b. Memory of this process holding one blank-search outcome (100,000 rows)',
    ['figure', 'before', 'holding', 'growth', 'after release'],
  );

  const before = memorySnapshot();
  const peakReset = procAvailable && resetPeak('self');
  let held: Outcome | undefined = await client.call(
    SEARCH.controller, SEARCH.action, { valorRequest: '' });
  const peak = residentBytes(process.pid)?.peak ?? NaN;
  const holding = memorySnapshot();
  const rows = rowCount(held);
  held = undefined;
  const released = memorySnapshot();

  for (const key of ['heapUsed', 'heapTotal', 'external', 'arrayBuffers', 'rss'] as const) {
    table.add(key, mb(before[key]), mb(holding[key]), mbDelta(holding[key] - before[key]),
      mb(released[key]));
  }
  table.add(peakReset ? 'peak RSS during the call' : 'peak RSS (process lifetime)',
    '', mb(peak), mbDelta(peak - before.rss), '');
  console.log(table.render());
  note(`held outcome: ${rows.toLocaleString('en-US')} rows, released: ${held === undefined}`);
  if (!gcAvailable) {
    note('global.gc is not available (node was not run with --expose-gc): the figures ' +
      'include garbage not yet collected.');
  }
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
  note('classifyResponse also runs body.trim() === "" before parsing, which copies nothing ' +
    'but scans; the rest is building the outcome object.');
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
    anonymous.dispose();
  }
}

function rowCount(outcome: Outcome): number {
  if (outcome.kind !== 'ok') {
    throw new Error(`the search answered ${outcome.kind}, not ok`);
  }
  const data = outcome.envelope.Data;
  return Array.isArray(data) ? data.length : 0;
}
