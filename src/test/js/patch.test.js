import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mount, page, toJson } from './helpers.js';
import { applyPatches, PatchError } from '../../main/webapp/diffyne/src/patch.js';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../resources/diff-cases');
const OWN = resolve(here, 'fixtures/diff-cases');

const parse = mount;

function runCases(dir) {
  const names = readdirSync(dir).filter((n) => existsSync(join(dir, n, 'patches.json'))).sort();
  for (const name of names) {
    test(name, () => {
      page();
      const read = (f) => readFileSync(join(dir, name, f), 'utf8');
      const root = parse(read('from.html'));
      const after = applyPatches(root, JSON.parse(read('patches.json')));
      assert.deepEqual(toJson(after), toJson(parse(read('to.html'))));
    });
  }
  return names.length;
}

describe('shared diff cases (src/test/resources/diff-cases)', () => {
  if (!existsSync(SHARED)) test('none present yet', { skip: 'folder not merged yet' }, () => {});
  else runCases(SHARED);
});

describe('client fixtures (src/test/js/fixtures/diff-cases)', () => {
  runCases(OWN);
});

describe('patch applier', () => {
  test('a patch that does not fit throws PatchError naming it', () => {
    page();
    const root = parse('<div><p>a</p></div>');
    assert.throws(() => applyPatches(root, [{ t: 't', p: [3, 0], x: 'x' }]), (e) => e instanceof PatchError && /no node/.test(e.message));
    assert.throws(() => applyPatches(root, [{ t: 't', p: [0], x: 'x' }]), /not text/);
    assert.throws(() => applyPatches(root, [{ t: 'c', p: [5], n: { x: 'x' } }]), /bad index/);
    assert.throws(() => applyPatches(root, [{ t: 'o', p: [], m: [[0, 4]] }]), /bad move/);
    assert.throws(() => applyPatches(root, [{ t: 'z', p: [] }]), /unknown type/);
  });

  test('the error carries the root as far as patching got (for the restore)', () => {
    page();
    const root = parse('<div><p>a</p></div>');
    try {
      applyPatches(root, [{ t: 'R', p: [], n: { t: 'section' } }, { t: 'r', p: [9] }]);
      assert.fail('no error');
    } catch (e) {
      assert.equal(e.root.localName, 'section');
    }
  });

  test('root replacement keeps the framework attributes', () => {
    page();
    const root = parse('<div diff:id="abc" diff:component="counter" diff:listeners=\'["x"]\' class="a"><p>a</p></div>');
    const next = applyPatches(root, [{ t: 'R', p: [], n: { t: 'article', a: { class: 'b' } } }]);
    assert.equal(next.outerHTML, '<article class="b" diff:id="abc" diff:component="counter" diff:listeners="[&quot;x&quot;]"></article>');
  });

  test('value, checked and selected are applied as properties too', () => {
    page();
    const root = parse('<form><input value="a"><input type="checkbox"><select><option value="1">1</option><option value="2">2</option></select></form>');
    const [text, box, select] = root.children;
    text.value = 'typed';
    applyPatches(root, [
      { t: 'a', p: [0], s: { value: 'server' } },
      { t: 'a', p: [1], s: { checked: '' } },
      { t: 'a', p: [2, 1], s: { selected: '' } },
    ]);
    assert.equal(text.value, 'server');
    assert.equal(box.checked, true);
    assert.equal(select.value, '2');
    applyPatches(root, [{ t: 'a', p: [1], r: ['checked'] }]);
    assert.equal(box.checked, false);
  });

  test('a field the user edited after the request left keeps its value (attribute still follows)', () => {
    page();
    const root = parse('<div><input value="a"></div>');
    const input = root.firstElementChild;
    input.value = 'user typing';
    applyPatches(root, [{ t: 'a', p: [0], s: { value: 'server' } }], (el) => el === input);
    assert.equal(input.value, 'user typing');
    assert.equal(input.getAttribute('value'), 'server');
  });

  test('textarea value follows its text patch', () => {
    page();
    const root = parse('<div><textarea>old</textarea></div>');
    const ta = root.firstElementChild;
    ta.value = 'dirty';
    applyPatches(root, [{ t: 't', p: [0, 0], x: 'new' }]);
    assert.equal(ta.value, 'new');
  });

  test('a keyed move keeps the node, its typed value, focus and caret', () => {
    page();
    const root = parse('<ul><li diff:key="a"><input value="aaaa"></li><li diff:key="b"><input></li></ul>');
    const input = root.querySelector('input');
    input.value = 'hello world';
    input.focus();
    input.setSelectionRange(2, 5);
    applyPatches(root, [{ t: 'o', p: [], m: [[0, 1]] }]);
    assert.equal(root.children[1].firstElementChild, input);
    assert.equal(document.activeElement, input);
    assert.equal(input.value, 'hello world');
    assert.deepEqual([input.selectionStart, input.selectionEnd], [2, 5]);
  });

  test('focus and caret move to the field at the same path when the root is replaced', () => {
    page();
    const root = parse('<div><p><input value="abcdef"></p></div>');
    const input = root.querySelector('input');
    input.focus();
    input.setSelectionRange(1, 3);
    const next = applyPatches(root, [{ t: 'R', p: [], n: { t: 'div', c: [{ t: 'p', c: [{ t: 'input', a: { value: 'abcdef' } }] }] } }]);
    const now = next.querySelector('input');
    assert.notEqual(now, input);
    assert.equal(document.activeElement, now);
    assert.deepEqual([now.selectionStart, now.selectionEnd], [1, 3]);
  });

  test('setting the value of the focused field keeps the caret', () => {
    page();
    const root = parse('<div><input value="abc"></div>');
    const input = root.firstElementChild;
    input.focus();
    input.setSelectionRange(1, 1);
    applyPatches(root, [{ t: 'a', p: [0], s: { value: 'abcd' } }]);
    assert.equal(input.value, 'abcd');
    assert.equal(input.selectionStart, 1);
  });

  test('SVG children are created in the SVG namespace; comments and text nodes too', () => {
    page();
    const root = parse('<div><svg></svg></div>');
    applyPatches(root, [
      { t: 'c', p: [0, 0], n: { t: 'path', a: { d: 'M0 0', 'xlink:href': '#a' } } },
      { t: 'c', p: [1], n: { m: ' note ' } },
      { t: 'c', p: [2], n: { x: 'tail' } },
    ]);
    const path = root.querySelector('path');
    assert.equal(path.namespaceURI, 'http://www.w3.org/2000/svg');
    assert.equal(path.getAttributeNS('http://www.w3.org/1999/xlink', 'href'), '#a');
    assert.equal(root.innerHTML, '<svg><path d="M0 0" xlink:href="#a"></path></svg><!-- note -->tail');
  });

  test('attribute names the DOM API refuses (Alpine @click) are still set', () => {
    page();
    const root = parse('<div></div>');
    applyPatches(root, [{ t: 'c', p: [0], n: { t: 'button', a: { '@click': 'open = true' } } }]);
    assert.equal(root.firstElementChild.getAttribute('@click'), 'open = true');
  });
});
