// The shared vectors of protocol v2 (src/test/resources/protocol/v2-vectors.json, also read by the Java
// ProtocolV2VectorsTest): the client sends each request exactly as the vector says, and expands each answer back
// into the section-4 body it stands for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requestBody } from '../../main/webapp/diffyne/src/component.js';
import { expand } from '../../main/webapp/diffyne/src/transport.js';

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
