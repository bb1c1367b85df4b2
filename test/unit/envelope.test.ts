import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyResponse, isEnvelope } from '../../src/api/envelope';

const exchange = (status: number) => ({ action: 'X/Y', status, elapsedMs: 5 });
const json = 'application/json; charset=utf-8';
const envelope = (fields: object) =>
  JSON.stringify({ Success: true, Warning: false, Message: null, Data: null, ...fields });

test('Success without Warning is ok, and keeps Data', () => {
  const outcome = classifyResponse(exchange(200), 'OK', json, envelope({ Data: [{ a: 1 }] }));
  assert.equal(outcome.kind, 'ok');
  assert.deepEqual(outcome.kind === 'ok' && outcome.envelope.Data, [{ a: 1 }]);
});

test('an empty array is a successful answer, not a failure', () => {
  const outcome = classifyResponse(exchange(200), 'OK', json, envelope({ Data: [] }));
  assert.equal(outcome.kind, 'ok');
});

test('Warning: true is a business warning with the server message', () => {
  const body = envelope({ Warning: true, Message: 'El usuario no pertenece al sistema.' });
  const outcome = classifyResponse(exchange(200), 'OK', json, body);
  assert.equal(outcome.kind, 'warning');
  assert.equal(
    outcome.kind === 'warning' && outcome.envelope.Message,
    'El usuario no pertenece al sistema.',
  );
});

test('Success: false is a server error even when Warning is also true', () => {
  const body = envelope({
    Success: false,
    Warning: true,
    Message: 'Hubo un error, inténtelo más tarde.',
  });
  assert.equal(classifyResponse(exchange(200), 'OK', json, body).kind, 'serverError');
});

test('401 is unauthorized whatever the body', () => {
  assert.equal(classifyResponse(exchange(401), 'Unauthorized', '', '').kind, 'unauthorized');
  const withJson = classifyResponse(
    exchange(401),
    'Unauthorized',
    json,
    '{"Message":"Authorization has been denied for this request."}',
  );
  assert.equal(withJson.kind, 'unauthorized');
});

test('an HTML error page is an HTTP error whose reason is the page title', () => {
  const page =
    '<html><head><title>Runtime Error</title></head><body><h1>Server Error in ' +
    "'/' Application.</h1></body></html>";
  const outcome = classifyResponse(exchange(500), 'Internal Server Error', 'text/html', page);
  assert.equal(outcome.kind, 'httpError');
  assert.equal(outcome.kind === 'httpError' && outcome.reason, 'Runtime Error');
});

test('Web API 404 and 405 JSON bodies give their Message as the reason', () => {
  const notFound = classifyResponse(
    exchange(404),
    'Not Found',
    json,
    JSON.stringify({
      Message: 'No HTTP resource was found.',
      MessageDetail: "No type was found that matches the controller named 'NOPE'.",
    }),
  );
  assert.equal(notFound.kind, 'httpError');
  assert.match(
    notFound.kind === 'httpError' ? (notFound.reason ?? '') : '',
    /controller named 'NOPE'/,
  );

  const notAllowed = classifyResponse(
    exchange(405),
    'Method Not Allowed',
    json,
    '{"Message":"The requested resource does not support http method \'GET\'."}',
  );
  assert.equal(notAllowed.kind, 'httpError');
  assert.equal(notAllowed.status, 405);
});

test('an empty 500 is an HTTP error with an empty body kept', () => {
  const outcome = classifyResponse(exchange(500), 'Internal Server Error', '', '');
  assert.equal(outcome.kind, 'httpError');
  assert.equal(outcome.kind === 'httpError' && outcome.body, '');
});

test('200 with text that is not JSON is an invalid body', () => {
  const outcome = classifyResponse(exchange(200), 'OK', json, '{"Success":true,"Data":[');
  assert.equal(outcome.kind, 'invalidBody');
  assert.equal(outcome.kind === 'invalidBody' && outcome.problem, 'notJson');
  assert.equal(classifyResponse(exchange(200), 'OK', json, '').kind, 'invalidBody');
});

test('200 with JSON that is not the envelope is an invalid body', () => {
  const outcome = classifyResponse(exchange(200), 'OK', json, '[{"id":1}]');
  assert.equal(outcome.kind === 'invalidBody' && outcome.problem, 'notEnvelope');
  assert.equal(
    classifyResponse(exchange(200), 'OK', json, '{"Success":"yes","Data":1}').kind,
    'invalidBody',
  );
});

test('huge non-envelope bodies are cut to an excerpt', () => {
  const outcome = classifyResponse(exchange(502), 'Bad Gateway', 'text/plain', 'x'.repeat(200_000));
  assert.ok(outcome.kind === 'httpError' && outcome.body.length === 64 * 1024);
});

test('isEnvelope wants Success as a boolean and a Data key', () => {
  assert.equal(isEnvelope({ Success: true, Warning: false, Message: null, Data: null }), true);
  assert.equal(isEnvelope({ Success: true, Message: 'x' }), false);
  assert.equal(isEnvelope({ Success: 1, Data: null }), false);
  assert.equal(isEnvelope([]), false);
  assert.equal(isEnvelope(null), false);
});

test('a UTF-8 byte order mark before the JSON (as IIS may send) is ignored', () => {
  const outcome = classifyResponse(exchange(200), 'OK', json, `\uFEFF${envelope({ Data: [] })}`);
  assert.equal(outcome.kind, 'ok');
});
