import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duration, durationModifier, keyMatches, modifiers, parseAction } from '../../main/webapp/diffyne/src/directives.js';

test('action without arguments', () => {
  assert.deepEqual(parseAction('increment'), { method: 'increment', params: [] });
  assert.deepEqual(parseAction(' save() '), { method: 'save', params: [] });
});

test('arguments: quoted commas, escapes, null, numbers, booleans, arrays, objects, bare words', () => {
  assert.deepEqual(parseAction(`add('milk, 2 l', "say \\"hi\\"", null, -2.5, 1e3, true, false, [1, 'a'], {k: 'v', "n": 1}, draft)`), {
    method: 'add',
    params: ['milk, 2 l', 'say "hi"', null, -2.5, 1000, true, false, [1, 'a'], { k: 'v', n: 1 }, 'draft'],
  });
  assert.deepEqual(parseAction("say('it\\'s')").params, ["it's"]);
});

test('malformed actions are refused, never evaluated', () => {
  assert.throws(() => parseAction("x('open)"), /unterminated/);
  assert.throws(() => parseAction('alert(1)); evil()'), SyntaxError);
  assert.throws(() => parseAction('x(window.location)').params[0].length && parseAction('x(a + b)'), SyntaxError);
  assert.throws(() => parseAction('a b'), /cannot parse/);
});

test('durations with units', () => {
  assert.equal(duration('2s'), 2000);
  assert.equal(duration('500ms'), 500);
  assert.equal(duration('1.5s'), 1500);
  assert.equal(duration('300'), 300);
  assert.equal(duration('1m'), 60000);
  assert.equal(duration('soon', 7), 7);
  assert.equal(durationModifier(modifiers('diff:model.live.debounce.300ms'), 150), 300);
  assert.equal(durationModifier(modifiers('diff:model.live'), 150), 150);
});

test('key modifiers', () => {
  const k = (key, extra = {}) => ({ key, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...extra });
  assert.equal(keyMatches(k('Enter'), ['enter']), true);
  assert.equal(keyMatches(k('a'), ['enter']), false);
  assert.equal(keyMatches(k('Escape'), ['esc']), true);
  assert.equal(keyMatches(k('s', { ctrlKey: true }), ['ctrl', 's']), true);
  assert.equal(keyMatches(k('s'), ['ctrl', 's']), false);
  assert.equal(keyMatches(k('Enter', { shiftKey: true }), ['enter']), false);
  assert.equal(keyMatches(k('PageDown'), ['page-down', 'prevent']), true);
  assert.equal(keyMatches(k('x'), ['prevent']), true);
});
