// The shared vectors of protocol v2 (src/test/resources/protocol/v2-vectors.json, also read by the Java
// ProtocolV2VectorsTest): the client sends each request exactly as the vector says, and expands each answer back
// into the section-4 body it stands for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requestBody } from '../../main/webapp/diffyne/src/component.js';
import { expand } from '../../main/webapp/diffyne/src/transport.js';
import { applyPatches } from '../../main/webapp/diffyne/src/patch.js';
import { mount, page, toJson } from './helpers.js';

const vectors = JSON.parse(readFileSync(new URL('../resources/protocol/v2-vectors.json', import.meta.url), 'utf8'));

for (const v of vectors.requests) {
  test(`v2 request: ${v.name}`, () => {
    assert.equal(JSON.stringify(requestBody(v.request, v.requestId, v.snapshot, v.by)), v.wire);
  });
}

for (const v of vectors.answers) {
  test(`v2 answer: ${v.name}`, () => {
    const named = { ref: { id: v.componentId, version: v.baseVersion } };
    assert.deepEqual(expand(JSON.parse(v.wire), named), v.expanded);
  });
}

// Protocol v3's compact patches (src/test/resources/protocol/v3-vectors.json, also read by ProtocolV3VectorsTest):
// the server's exact patch text for each case, applied to the DOM of `from`, yields `to`.
const v3 = JSON.parse(readFileSync(new URL('../resources/protocol/v3-vectors.json', import.meta.url), 'utf8'));
const caseFile = (c, f) => readFileSync(new URL(`../resources/diff-cases/${c}/${f}.html`, import.meta.url), 'utf8');

for (const v of v3.patches) {
  test(`v3 patches: ${v.name}`, () => {
    page();
    const html = (side) => (v.case ? caseFile(v.case, side) : v[side]);
    const root = mount(html('from'));
    const fields = [...root.querySelectorAll('input, textarea, select')];
    fields.forEach((f) => { if (f.type === 'checkbox') f.checked = !f.checked; else f.value = 'typed by the user'; });
    const after = applyPatches(root, JSON.parse(v.wire));
    assert.deepEqual(toJson(after), toJson(mount(html('to'))));
    // a copy takes attributes, never what the user typed into the field it copies
    for (const f of after.querySelectorAll('input, textarea, select')) {
      if (fields.includes(f)) continue;
      const fresh = mount(html('to')).querySelectorAll(f.localName)[[...after.querySelectorAll(f.localName)].indexOf(f)];
      assert.equal(f.type === 'checkbox' ? f.checked : f.value, fresh.type === 'checkbox' ? fresh.checked : fresh.value);
    }
    const svg = after.querySelectorAll('svg *');
    svg.forEach((el) => assert.equal(el.namespaceURI, 'http://www.w3.org/2000/svg'));
  });
}
