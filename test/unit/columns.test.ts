import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsOf, SCALAR_COLUMN, visibleColumns } from '../../src/shared/columns';

test('columns are the keys of every row, not just the first ones', () => {
  const rows = [...Array.from({ length: 300 }, (_, id) => ({ id })), { id: 301, late: 'x' }];
  assert.deepEqual(columnsOf(rows).map((column) => column.name), ['id', 'late']);
});

test('a column is filled when any row has a value other than a .NET default', () => {
  const rows = [
    { id: 1, when: '0001-01-01T00:00:00', note: null, count: 0 },
    { id: 2, when: '0001-01-01T00:00:00-05:00', note: 'ok', count: 0 },
  ];
  const filled = Object.fromEntries(columnsOf(rows).map((column) => [column.name, column.filled]));
  assert.deepEqual(filled, { id: true, when: false, note: true, count: false });
  assert.deepEqual(visibleColumns(columnsOf(rows), true), ['id', 'note']);
  assert.deepEqual(visibleColumns(columnsOf(rows), false), ['id', 'when', 'note', 'count']);
});

test('a list holding anything but objects is one column of whole values', () => {
  assert.deepEqual(columnsOf([{ a: 1 }, 2, 'three']), [{ name: SCALAR_COLUMN, filled: true }]);
  assert.deepEqual(columnsOf([[1], [2]]), [{ name: SCALAR_COLUMN, filled: true }]);
});

test('when every column is empty, hiding empty columns still shows them all', () => {
  assert.deepEqual(visibleColumns(columnsOf([{ a: 0, b: null }]), true), ['a', 'b']);
});
