import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDelta, read, tokens } from '../../main/webapp/diffyne/src/state.js';

test('replace, add and remove on objects and arrays, in order', () => {
  const before = { count: 2, items: ['a', 'b'], user: { name: 'Ada', tags: [] } };
  const after = applyDelta(before, [
    ['p', '/count', 3],
    ['a', '/items/1', 'x'],
    ['a', '/items/-', 'z'],
    ['r', '/items/0'],
    ['a', '/user/email', 'a@b.c'],
    ['r', '/user/name'],
    ['a', '/user/tags/0', { k: 1 }],
  ]);
  assert.deepEqual(after, { count: 3, items: ['x', 'b', 'z'], user: { email: 'a@b.c', tags: [{ k: 1 }] } });
  assert.deepEqual(before, { count: 2, items: ['a', 'b'], user: { name: 'Ada', tags: [] } }, 'input untouched');
});

test('RFC 6901 escapes and the whole-document pointer', () => {
  assert.deepEqual(tokens('/a~1b/c~0d'), ['a/b', 'c~d']);
  assert.deepEqual(applyDelta({ 'a/b': 1 }, [['p', '/a~1b', 2]]), { 'a/b': 2 });
  assert.deepEqual(applyDelta({ x: 1 }, [['p', '', { y: 2 }]]), { y: 2 });
});

test('values are copied, not shared with the delta', () => {
  const value = { deep: [1] };
  const after = applyDelta({}, [['a', '/v', value]]);
  value.deep.push(2);
  assert.deepEqual(after, { v: { deep: [1] } });
});

test('operations that do not fit throw (the client then asks for a render)', () => {
  assert.throws(() => applyDelta({ a: 1 }, [['p', '/missing', 1]]), /no member/);
  assert.throws(() => applyDelta({ a: [1] }, [['r', '/a/3']]), /out of range/);
  assert.throws(() => applyDelta({ a: [1] }, [['a', '/a/01', 1]]), /bad index/);
  assert.throws(() => applyDelta({ a: 1 }, [['p', '/a/b/c', 1]]), /no parent/);
  assert.throws(() => applyDelta({ a: 1 }, [['x', '/a', 1]]), /bad op/);
  assert.throws(() => applyDelta({ a: 1 }, [['p', 'a', 1]]), /bad pointer/);
});

test('read follows dotted paths', () => {
  assert.equal(read({ a: { b: [5, 6] } }, 'a.b.1'), 6);
  assert.equal(read({ a: null }, 'a.b'), undefined);
});
