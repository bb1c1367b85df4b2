import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHostMessage, isWebviewMessage } from '../../src/shared/protocol';

test('accepts each message the page sends', () => {
  const messages = [
    { type: 'ready' },
    {
      type: 'send',
      requestId: 'p-1',
      pane: 'patients',
      controller: 'A',
      action: 'B',
      bodyText: '{}',
    },
    { type: 'cancel', requestId: 'p-1' },
    { type: 'nextStep', step: 'signIn' },
    { type: 'copy', text: '{}' },
  ];
  for (const message of messages) {
    assert.equal(isWebviewMessage(message), true, message.type);
  }
});

test('rejects what the page must not send', () => {
  const messages: unknown[] = [
    null,
    'ready',
    [],
    {},
    { type: 'token' },
    { type: 'send', requestId: 'p-1', pane: 'nowhere', controller: 'A', action: 'B', bodyText: '' },
    { type: 'send', requestId: '', pane: 'action', controller: 'A', action: 'B', bodyText: '' },
    { type: 'send', requestId: 'x', pane: 'action', controller: 'A', action: 'B', bodyText: {} },
    { type: 'nextStep', step: 'runAnything' },
    { type: 'cancel', requestId: 'x'.repeat(500) },
  ];
  for (const message of messages) {
    assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
  }
});

test('the page checks what the host sends', () => {
  assert.equal(isHostMessage({ type: 'session', session: { signedIn: false } }), true);
  assert.equal(
    isHostMessage({
      type: 'result',
      requestId: 'a-1',
      pane: 'action',
      result: { kind: 'envelope' },
    }),
    true,
  );
  assert.equal(
    isHostMessage({ type: 'result', requestId: 'a-1', pane: 'action', result: {} }),
    false,
  );
  assert.equal(isHostMessage({ type: 'init', actions: 'x', strings: {}, session: {} }), false);
});
