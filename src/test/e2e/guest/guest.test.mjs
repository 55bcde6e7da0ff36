// The guest application (src/test/guest, built against the framework jar) in a browser: its own page /shop and its
// own component, a click over WebSocket, then over AJAX with the socket refused. Not part of the demo's e2e run (this
// folder is not listed by scripts/e2e.mjs): GuestApplicationIT runs it through scripts/e2e.mjs with E2E_BASE_URL set
// to the guest's root on the server it deployed.
import assert from 'node:assert/strict';
import { component, e2e, recordAjax, recordFrames, until, useBrowser } from '../support.mjs';

useBrowser();

const WS_PATH = /\/diffyne(\?|$)/;

const addOne = async (cart, expected) => {
  await cart.getByRole('button', { name: 'Add to cart' }).click();
  await cart.locator('.items').filter({ hasText: new RegExp(`^${expected}$`) }).waitFor();
};

e2e('guest page: a click on its own component is one WebSocket frame and no HTTP request', async (s) => {
  let frames;
  let ajax;
  const page = await s.open('/shop', { setup: (p) => { frames = recordFrames(p); ajax = recordAjax(p); } });
  await addOne(component(page, 'cart'), 1);
  assert.equal(frames.calls('add').length, 1, 'one diffyne.call frame');
  assert.equal(ajax.length, 0, 'no AJAX request');
});

e2e('guest page: with the WebSocket refused, the click goes over AJAX', async (s) => {
  let attempts = 0;
  let ajax;
  const page = await s.open('/shop', {
    waitConnected: false,
    setup: async (p) => {
      ajax = recordAjax(p);
      await p.routeWebSocket(WS_PATH, (ws) => {
        attempts++;
        ws.close({ code: 1006 });
      });
    },
  });
  await until(() => attempts > 0);
  await addOne(component(page, 'cart'), 1);
  assert.equal(ajax.calls('add').length, 1, 'one POST _diffyne/update');
});
