import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { waitFor } from './helpers.js';
import { BUDGET, OUT, bundle, gzipSize } from '../../../scripts/build-client.mjs';

const committed = readFileSync(OUT, 'utf8');

test('the committed bundle is up to date (run `npm run build` and commit it)', async () => {
  assert.equal(committed, await bundle());
});

test(`the bundle is within ${BUDGET} B minified + gzipped`, () => {
  const gz = gzipSize(committed);
  console.log(`diffyne.js: ${committed.length} B minified, ${gz} B minified+gzip (budget ${BUDGET} B)`);
  assert.ok(gz <= BUDGET, gz + ' B');
});

test('the bundle starts itself on a page and talks to the server', async () => {
  const snap = JSON.stringify({ component: 'counter', id: 'q3Xv9Tz0bA1c', version: 3, state: { count: 2 }, sig: 'k' });
  const dom = new JSDOM(`<!doctype html><html><head></head><body>
    <div diff:id="q3Xv9Tz0bA1c" diff:component="counter" diff:snapshot='${snap}'><span>2</span><button diff:click="increment">+</button></div>
    <script type="application/json" id="diffyne-config">{"endpoint":"/app/_diffyne","ws":"/app/diffyne","token":"t","transport":"ajax"}</script>
    </body></html>`, { url: 'http://localhost/app/', runScripts: 'outside-only' });
  const w = dom.window;
  const sent = [];
  w.fetch = async (url, init) => {
    const body = JSON.parse(init.body);
    sent.push([url, body]);
    return { status: 200, json: async () => ({ s: true, requestId: body.requestId, c: { i: 'q3Xv9Tz0bA1c', p: [{ t: 't', p: [0, 0], x: '3' }], sd: [['p', '/count', 3]], v: 4, sig: 'k4' } }) };
  };
  w.structuredClone = structuredClone; // browsers have it; jsdom does not
  w.eval(committed);
  // DOMContentLoaded has started it: the component is mounted (its snapshot moved from the markup into memory)
  await waitFor(() => !w.document.querySelector('[diff\\:id]').hasAttribute('diff:snapshot'), 5000);
  assert.equal(typeof w.Diffyne.call, 'function');
  w.document.querySelector('button').dispatchEvent(new w.MouseEvent('click', { bubbles: true }));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  assert.equal(sent[0][0], '/app/_diffyne/update');
  assert.deepEqual(sent[0][1].snapshot.state, { count: 2 });
  assert.equal(w.document.querySelector('span').textContent, '3');
  assert.ok(w.document.documentElement.classList.contains('diffyne-ajax'));
  w.Diffyne.stop();
});
