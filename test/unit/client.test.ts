// The HTTP client against the local Romsoft server over real HTTP: every
// outcome kind comes from a real answer, faults included.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { after, before, test } from 'node:test';
import { CallRecord, RomsoftClient } from '../../src/api/client';
import type { Outcome } from '../../src/api/envelope';
import { DEMO_PASSWORD, DEMO_USERNAME, RomsoftTestServer, startRomsoftServer } from '../server';

let server: RomsoftTestServer;
let token: string;

before(async () => {
  server = await startRomsoftServer({ patients: 300, plans: 12 });
  token = server.issueToken(DEMO_USERNAME);
});

after(async () => {
  await server.close();
});

function client(options: { token?: string; timeoutMs?: number; records?: CallRecord[] } = {}) {
  return new RomsoftClient({
    baseUrl: server.url,
    token: () => options.token,
    timeoutMs: options.timeoutMs ?? 5000,
    onCall: (record) => options.records?.push(record),
  });
}

function expectKind<K extends Outcome['kind']>(outcome: Outcome, kind: K) {
  assert.equal(outcome.kind, kind, JSON.stringify(outcome).slice(0, 300));
  return outcome as Extract<Outcome, { kind: K }>;
}

test('login with the demo user is ok and returns a token', async () => {
  const outcome = await client().call('Account', 'Login', {
    Username: DEMO_USERNAME,
    Password: DEMO_PASSWORD,
  });
  const ok = expectKind(outcome, 'ok');
  assert.equal(typeof (ok.envelope.Data as { token: unknown }).token, 'string');
  assert.equal(ok.status, 200);
});

test('a wrong password is a business warning with the server message', async () => {
  const outcome = await client().call('Account', 'Login', {
    Username: DEMO_USERNAME,
    Password: 'wrong',
  });
  const warning = expectKind(outcome, 'warning');
  assert.equal(warning.envelope.Message, 'El usuario no pertenece al sistema.');
  assert.equal(warning.envelope.Data, null);
});

test('sends the token as a Bearer header and JSON {} when there is no body', async () => {
  const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetAllActives');
  const ok = expectKind(outcome, 'ok');
  assert.ok(Array.isArray(ok.envelope.Data) && ok.envelope.Data.length > 0);
  const seen = server.requestLog.at(-1);
  assert.equal(seen?.authorization, `Bearer ${token}`);
});

test('an empty patient search result is ok with Data []', async () => {
  const outcome = await client({ token }).call('ADM_PACIENTE', 'GetAllFilters', {
    valorRequest: 'zzzz-nadie-se-llama-así',
  });
  assert.deepEqual(expectKind(outcome, 'ok').envelope.Data, []);
});

test('no body is sent as {}, which the server binds to a DTO of defaults', async () => {
  const outcome = await client({ token }).call('ADM_PACIENTE', 'GetAllFilters');
  assert.ok(Array.isArray(expectKind(outcome, 'ok').envelope.Data));
});

test('a body the server cannot bind gives Success: false, a server error', async () => {
  const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetById', 'not an object');
  const error = expectKind(outcome, 'serverError');
  assert.equal(error.envelope.Message, 'Hubo un error, inténtelo más tarde.');
});

test('no token: HTTP 401 is unauthorized', async () => {
  const outcome = await client().call('CVN_PLAN_SEGURO', 'GetAllActives');
  assert.equal(expectKind(outcome, 'unauthorized').status, 401);
});

test('an expired token: HTTP 401 with an empty body is unauthorized', async () => {
  const expired = server.issueToken(DEMO_USERNAME, { lifetimeSeconds: -60 });
  const outcome = await client({ token: expired }).call('CVN_PLAN_SEGURO', 'GetAllActives');
  assert.equal(expectKind(outcome, 'unauthorized').body, '');
});

test('a string that is not a JWT: empty HTTP 500 is an HTTP error', async () => {
  const outcome = await client({ token: 'not-a-jwt' }).call('CVN_PLAN_SEGURO', 'GetAllActives');
  const error = expectKind(outcome, 'httpError');
  assert.equal(error.status, 500);
  assert.equal(error.body, '');
});

test('an unknown controller: the Web API 404 is an HTTP error with its reason', async () => {
  const outcome = await client({ token }).call('NO_EXISTE', 'GetAll');
  const error = expectKind(outcome, 'httpError');
  assert.equal(error.status, 404);
  assert.match(error.reason ?? '', /NO_EXISTE/);
});

test('the html500 fault: an IIS page is an HTTP error, its title the reason', async () => {
  server.setFaults({ html500: true });
  try {
    const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetAllActives');
    const error = expectKind(outcome, 'httpError');
    assert.equal(error.status, 500);
    assert.match(error.contentType, /html/);
    assert.ok(error.reason && error.reason.length > 0);
  } finally {
    server.clearFaults();
  }
});

test('the empty401 fault: a valid token still gets unauthorized', async () => {
  server.setFaults({ empty401: true, only: 'CVN_PLAN_SEGURO/GetAllActives' });
  try {
    const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetAllActives');
    assert.equal(expectKind(outcome, 'unauthorized').body, '');
    const other = await client({ token }).call('CVN_PLAN_SEGURO', 'GetById', { id_plan_seguro: 1 });
    assert.notEqual(other.kind, 'unauthorized');
  } finally {
    server.clearFaults();
  }
});

test('the invalidJson fault: a 200 that is not JSON is an invalid body', async () => {
  server.setFaults({ invalidJson: true });
  try {
    const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetAllActives');
    assert.equal(expectKind(outcome, 'invalidBody').problem, 'notJson');
  } finally {
    server.clearFaults();
  }
});

test('a stalled server times out after the configured time', async () => {
  server.setFaults({ stall: true });
  try {
    const started = Date.now();
    const outcome = await client({ token, timeoutMs: 300 }).call(
      'CVN_PLAN_SEGURO',
      'GetAllActives',
    );
    const network = expectKind(outcome, 'network');
    assert.equal(network.timedOut, true);
    assert.equal(network.cancelled, false);
    assert.ok(Date.now() - started < 4000);
  } finally {
    server.clearFaults();
  }
});

test('a call can be cancelled while the server is slow', async () => {
  server.setFaults({ latencyMs: 3000 });
  try {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetAllActives', undefined, {
      signal: abort.signal,
    });
    const network = expectKind(outcome, 'network');
    assert.equal(network.cancelled, true);
    assert.equal(network.timedOut, false);
  } finally {
    server.clearFaults();
  }
});

test('a refused connection is a network outcome with its code', async () => {
  const closed = await freePort();
  const refused = new RomsoftClient({ baseUrl: `http://127.0.0.1:${closed}`, timeoutMs: 2000 });
  const outcome = await refused.call('Account', 'Login', {});
  assert.equal(expectKind(outcome, 'network').code, 'ECONNREFUSED');
});

test('the call record has action, server, status and time, and no secrets', async () => {
  const records: CallRecord[] = [];
  await client({ token, records }).call('CVN_PLAN_SEGURO', 'GetAllActives');
  assert.equal(records.length, 1);
  const [record] = records;
  assert.equal(record.action, 'CVN_PLAN_SEGURO/GetAllActives');
  assert.equal(record.status, 200);
  assert.equal(record.kind, 'ok');
  assert.equal(record.server, new URL(server.url).host);
  assert.ok(!JSON.stringify(record).includes(token));
});

test('route names that are not identifiers are refused before sending', async () => {
  const before = server.requestLog.length;
  const outcome = await client({ token }).call('../Account', 'Login', {});
  assert.equal(outcome.kind, 'network');
  assert.equal(server.requestLog.length, before);
});

test('a connection dropped mid-body fails at once, not at the timeout', async () => {
  server.setFaults({ dropMidBody: true });
  try {
    const started = Date.now();
    const outcome = await client({ token, timeoutMs: 20_000 }).call(
      'CVN_PLAN_SEGURO',
      'GetAllActives',
    );
    const network = expectKind(outcome, 'network');
    assert.equal(network.code, 'INCOMPLETE_BODY');
    assert.equal(network.timedOut, false);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  } finally {
    server.clearFaults();
  }
});

test('a raw body is sent exactly as typed: big integers and null survive', async () => {
  const outcome = await client({ token }).call('CVN_PLAN_SEGURO', 'GetById', undefined, {
    rawBody: 'null',
  });
  // A null body binds to a null DTO: the server's own Success: false.
  expectKind(outcome, 'serverError');
  const exact = await client({ token }).call('CVN_PLAN_SEGURO', 'GetById', undefined, {
    rawBody: '{"id_plan_seguro": 1}',
  });
  expectKind(exact, 'ok');
});

test('calls in flight are independent: one cancelled does not cut another', async () => {
  server.setFaults({ latencyMs: 300 });
  try {
    const abort = new AbortController();
    const shared = client({ token });
    const first = shared.call('CVN_PLAN_SEGURO', 'GetAllActives', undefined, {
      signal: abort.signal,
    });
    const second = shared.call('CVN_PLAN_SEGURO', 'GetAllActives');
    setTimeout(() => abort.abort(), 50);
    assert.equal((await first).kind, 'network');
    assert.equal((await second).kind, 'ok');
  } finally {
    server.clearFaults();
  }
});

test('a token Node could not put in a header is refused before sending', async () => {
  const outcome = await client({ token: 'abc\r\ndef' }).call('CVN_PLAN_SEGURO', 'GetAllActives');
  const network = expectKind(outcome, 'network');
  assert.equal(network.code, 'INVALID_TOKEN');
  assert.ok(!network.reason.includes('abc'));
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = http.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
