import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExpired, readTokenClaims } from '../../src/api/jwt';

function token(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.signature`;
}

test('reads exp, nbf, unique_name and iss', () => {
  const claims = readTokenClaims(
    token({ unique_name: 'demo', exp: 1_800_000_000, nbf: 1_700_000_000, iss: 'R' }),
  );
  assert.equal(claims?.username, 'demo');
  assert.equal(claims?.expiresAt?.toISOString(), new Date(1_800_000_000_000).toISOString());
  assert.equal(claims?.notBefore?.getTime(), 1_700_000_000_000);
  assert.equal(claims?.issuer, 'R');
});

test('accepts a token with its Bearer prefix', () => {
  assert.equal(readTokenClaims(`Bearer ${token({ exp: 10 })}`)?.expiresAt?.getTime(), 10_000);
});

test('a token without exp has no expiry and never counts as expired', () => {
  const claims = readTokenClaims(token({ unique_name: 'x' }));
  assert.equal(claims?.expiresAt, undefined);
  assert.equal(isExpired(claims!), false);
});

test('expiry is judged against the clock it is given', () => {
  const claims = readTokenClaims(token({ exp: 1000 }))!;
  assert.equal(isExpired(claims, new Date(999_000)), false);
  assert.equal(isExpired(claims, new Date(1_000_000)), true);
});

test('strings that are not JWTs give undefined, not an exception', () => {
  for (const text of [
    '',
    'abc',
    'a.b',
    'a.%%%.c',
    `x.${Buffer.from('[1]').toString('base64url')}.y`,
  ]) {
    assert.equal(readTokenClaims(text), undefined, text);
  }
});

test('a non-numeric exp is ignored', () => {
  assert.equal(readTokenClaims(token({ exp: 'tomorrow' }))?.expiresAt, undefined);
});
