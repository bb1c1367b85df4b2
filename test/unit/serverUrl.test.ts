import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRouteName, normalizeServerUrl } from '../../src/api/serverUrl';

test('one spelling per server: trailing slash and /api are dropped', () => {
  for (const input of [
    'http://clinic:8080',
    'http://clinic:8080/',
    ' http://clinic:8080/api ',
    'http://CLINIC:8080/api/',
  ]) {
    assert.deepEqual(normalizeServerUrl(input), { ok: true, url: 'http://clinic:8080' }, input);
  }
  assert.deepEqual(normalizeServerUrl('https://host/romsoft/api'), {
    ok: true,
    url: 'https://host/romsoft',
  });
});

test('an address without a scheme means http://, as on a clinic LAN', () => {
  assert.deepEqual(normalizeServerUrl('192.168.1.20:8080'), {
    ok: true,
    url: 'http://192.168.1.20:8080',
  });
  assert.deepEqual(normalizeServerUrl('clinic/api'), { ok: true, url: 'http://clinic' });
  assert.deepEqual(normalizeServerUrl('http:/clinic'), { ok: true, url: 'http://clinic' });
});

test('rejects what is not an http(s) address', () => {
  for (const input of ['', 'ftp://clinic', 'http://user:pw@clinic', 'http://c/?a=1', 'http://']) {
    assert.equal(normalizeServerUrl(input).ok, false, input);
  }
});

test('route names are identifiers, so a body cannot walk the path', () => {
  assert.equal(isRouteName('CVN_PLAN_SEGURO'), true);
  assert.equal(isRouteName('GetAllActives'), true);
  for (const bad of ['', '../Account', 'a/b', 'Get All', '1abc', 'x?y']) {
    assert.equal(isRouteName(bad), false, bad);
  }
});
