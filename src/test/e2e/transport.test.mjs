// The transports as a browser sees them: WebSocket frames for actions, per-component AJAX, a refused handshake, a
// socket dropped mid-session (nothing lost, nothing doubled, back on WebSocket afterwards), and the indicator.
import assert from 'node:assert/strict';
import { component, e2e, recordAjax, recordFrames, until, useBrowser } from './support.mjs';

useBrowser();

const WS_PATH = /\/diffyne(\?|$)/;

/** Records the page's window events from the client (diffyne:*) from the first moment on. */
const recordStatusEvents = (page) => page.addInitScript(() => {
  window.__diffyneEvents = [];
  for (const n of ['connected', 'disconnected', 'reconnected', 'offline', 'online']) {
    addEventListener('diffyne:' + n, () => window.__diffyneEvents.push(n));
  }
});
const statusEvents = (page) => page.evaluate(() => window.__diffyneEvents);

/** The content of a component card's transport badge (a CSS ::after, see demo.css). */
const badge = (locator) => locator.evaluate((el) => getComputedStyle(el, '::after').content.replace(/"/g, ''));

async function clickPlus(counter, times) {
  for (let i = 0; i < times; i++) await counter.getByRole('button', { name: '+' }).click();
}

e2e('counter over WebSocket: each click is one diffyne.call frame, no HTTP request; the indicator says so', async (s) => {
  let frames;
  let ajax;
  const page = await s.open('/', { setup: (p) => { frames = recordFrames(p); ajax = recordAjax(p); } });
  const counter = component(page, 'counter');
  await clickPlus(counter, 3);
  await counter.locator('.count').filter({ hasText: /^3$/ }).waitFor();

  assert.equal(frames.sockets.length, 1);
  const calls = frames.calls('increment');
  assert.equal(calls.length, 3);
  assert.deepEqual(calls.map((c) => c.data.type), ['call', 'call', 'call']);
  assert.ok(calls[0].data.ref && calls[0].data.ref.version === 1 && calls[0].data.ref.sig && !calls[0].data.snapshot,
    'the first call names the snapshot the page was mounted with (the server still holds it)');
  assert.ok(calls[1].data.ref && !calls[1].data.snapshot, 'later calls only name it: the connection holds it');
  const answers = frames.received.filter((e) => e.event === 'diffyne.response');
  assert.deepEqual(answers.slice(-3).map((e) => e.data.c.sd), [[['p', '/count', 1]], [['p', '/count', 2]], [['p', '/count', 3]]]);
  assert.equal(ajax.length, 0, 'no AJAX action request');

  const indicator = page.locator('#connection');
  await until(async () => /^\d+ ms$/.test(await indicator.locator('.latency').textContent()));
  assert.equal(await indicator.getAttribute('data-state'), 'websocket');
  assert.equal(await indicator.locator('.label').textContent(), 'WebSocket');
  assert.match(await indicator.locator('.latency').textContent(), /^\d+ ms$/);
  assert.equal(await badge(counter), 'WebSocket');
});

e2e('per-component transport: the contact form is forced to AJAX while the counter uses the socket', async (s) => {
  let frames;
  let ajax;
  const page = await s.open('/', { setup: (p) => { frames = recordFrames(p); ajax = recordAjax(p); } });
  const form = component(page, 'contact-form');
  assert.equal(await form.getAttribute('diff:transport'), 'ajax');
  assert.equal(await badge(form), 'AJAX');
  assert.equal(await badge(component(page, 'counter')), 'WebSocket');

  await form.locator('[name="name"]').fill('Grace Hopper');
  await form.getByRole('button', { name: 'Send message' }).click();
  await form.locator('[diff\\:error="email"]').filter({ hasText: 'Email address is required' }).waitFor();
  await clickPlus(component(page, 'counter'), 1);
  await component(page, 'counter').locator('.count').filter({ hasText: /^1$/ }).waitFor();

  assert.deepEqual(ajax.map((b) => [b.type, b.method, b.snapshot.component, b.updates]),
    [['call', 'submit', 'contact-form', { name: 'Grace Hopper' }]]);
  assert.deepEqual(frames.calls().map((e) => e.data.method), ['increment']);
  const formId = await page.evaluate(() => [...window.Diffyne.components.values()].find((c) => c.name === 'contact-form').id);
  assert.ok(!frames.sent.some((e) => JSON.stringify(e).includes(formId)), 'nothing of the form on the socket');
});

e2e('WebSocket refused at the handshake: every action works over AJAX and the page says AJAX', async (s) => {
  let attempts = 0;
  let ajax;
  const page = await s.open('/', {
    waitConnected: false,
    setup: async (p) => {
      ajax = recordAjax(p);
      await recordStatusEvents(p);
      // never connects to the server: the page's socket fails before it opens, as on a 403 or a proxy without Upgrade
      await p.routeWebSocket(WS_PATH, (ws) => {
        attempts++;
        ws.close({ code: 1006 });
      });
    },
  });
  await until(() => attempts > 0);
  const counter = component(page, 'counter');
  await clickPlus(counter, 2);
  await counter.locator('.count').filter({ hasText: /^2$/ }).waitFor();

  const todos = component(page, 'todo-list');
  await todos.getByPlaceholder('What needs doing?').fill('Works without sockets');
  await todos.getByRole('button', { name: 'Add' }).click();
  await todos.locator('li').filter({ hasText: 'Works without sockets' }).waitFor();

  const search = component(page, 'live-search');
  await search.getByPlaceholder('Search people…').fill('knuth');
  await until(async () => (await search.locator('li').count()) === 1);
  assert.deepEqual(await search.locator('li strong').allTextContents(), ['Donald Knuth']);

  const posts = component(page, 'post-list');
  await posts.locator('li').filter({ hasText: 'Post number 1' }).getByRole('button', { name: 'Delete' }).click();
  await component(page, 'confirmation-modal').getByRole('button', { name: 'Delete' }).click();
  await posts.locator('li').filter({ hasText: 'Post number 1' }).waitFor({ state: 'detached' });
  await component(page, 'page-change-logger').locator('li').filter({ hasText: 'Data was deleted' }).waitFor();

  const form = component(page, 'contact-form');
  await form.getByRole('button', { name: 'Send message' }).click();
  await form.locator('[diff\\:error="name"]').filter({ hasText: 'Please enter your name' }).waitFor();

  assert.deepEqual(ajax.calls('increment').length, 2);
  assert.ok(ajax.calls('addTodo').length === 1 && ajax.calls('confirm').length === 1);
  assert.deepEqual(await statusEvents(page), [], 'never connected');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('diffyne-connected')), false);
  const indicator = page.locator('#connection');
  assert.equal(await indicator.getAttribute('data-state'), 'ajax');
  assert.equal(await indicator.locator('.label').textContent(), 'AJAX · WebSocket retrying');
  assert.match(await indicator.locator('.latency').textContent(), /^\d+ ms$/, 'AJAX round trips are measured too');
  assert.equal(await badge(counter), 'AJAX (fallback)');
  assert.ok(attempts >= 2, 'the client keeps retrying the socket in the background');
});

/**
 * Routes the page's socket through the test: `net.drop()` closes it from the server side (the page sees the server
 * go away), `net.down` refuses new handshakes while true, `net.loseNextResponse` drops the socket when the next
 * answer to a request comes from the server, before the page gets it (the action ran, its answer is lost).
 */
async function routedSocket(page) {
  const net = { routes: [], down: false, loseNextResponse: false, lost: [] };
  await page.routeWebSocket(WS_PATH, (ws) => {
    if (net.down) return ws.close({ code: 1006 });
    const server = ws.connectToServer();
    net.routes.push({ ws, server });
    // protocol v2: requests and their answers travel bare, answered in order; an answer names no requestId
    const asked = [];
    ws.onMessage((m) => {
      try {
        const body = JSON.parse(m);
        if (body.type !== undefined && body.requestId) asked.push(body.requestId);
      } catch { /* not JSON: the server refuses it */ }
      server.send(m);
    });
    server.onMessage((m) => {
      const answer = !String(m).startsWith('{"event"');
      const requestId = answer ? asked.shift() : undefined;
      if (net.loseNextResponse && answer) {
        net.loseNextResponse = false;
        net.lost.push(requestId);
        net.close(ws, server);
        return;
      }
      ws.send(m);
    });
  });
  // the server side goes away: both halves close, the page sees the close code a server restart sends
  net.close = (ws, server) => {
    server.close({ code: 1001, reason: 'going away' });
    ws.close({ code: 1001, reason: 'going away' });
  };
  net.drop = () => net.close(net.routes.at(-1).ws, net.routes.at(-1).server);
  return net;
}

e2e('WebSocket dropped mid-session: actions keep working over AJAX, none lost or doubled, back on WebSocket', async (s) => {
  let frames;
  let ajax;
  let net;
  const page = await s.open('/', {
    setup: async (p) => {
      frames = recordFrames(p);
      ajax = recordAjax(p);
      await recordStatusEvents(p);
      net = await routedSocket(p);
    },
  });
  const counter = component(page, 'counter');
  const count = counter.locator('.count');

  await clickPlus(counter, 2); // over the socket
  await count.filter({ hasText: /^2$/ }).waitFor();

  // the third click runs on the server but its answer is lost with the socket; the client must retry it (same
  // requestId, over AJAX) and the server must answer from the first result instead of running it again
  net.down = true;
  net.loseNextResponse = true;
  await clickPlus(counter, 1);
  await count.filter({ hasText: /^3$/ }).waitFor();
  assert.equal(net.lost.length, 1);
  await page.waitForFunction(() => document.documentElement.classList.contains('diffyne-disconnected'));

  await clickPlus(counter, 2); // while the socket is down: AJAX
  await count.filter({ hasText: /^5$/ }).waitFor();
  assert.equal(await page.locator('#connection').getAttribute('data-state'), 'ajax');

  net.down = false; // the background retry gets through
  await page.waitForFunction(() => document.documentElement.classList.contains('diffyne-connected'), null, { timeout: 20_000 });
  await clickPlus(counter, 1);
  await count.filter({ hasText: /^6$/ }).waitFor();
  await page.waitForTimeout(500); // a doubled action would show up late
  assert.equal(await count.textContent(), '6', 'exactly one increment per click');

  const lost = net.lost[0];
  const retried = ajax.filter((b) => b.requestId === lost);
  assert.equal(retried.length, 1, 'the lost request was retried over AJAX with the same requestId');
  assert.equal(ajax.calls('increment').length, 3, 'the retry and the two clicks while down');
  const lastCall = frames.calls('increment').at(-1);
  assert.equal(frames.sockets.length >= 2 && frames.sockets.at(-1) !== frames.sockets[0], true, 'a new socket');
  assert.ok(lastCall && !ajax.some((b) => b.requestId === lastCall.data.requestId), 'the last click went over the socket');
  assert.deepEqual(await statusEvents(page), ['connected', 'disconnected', 'reconnected']);
  assert.equal(await page.locator('#connection').getAttribute('data-state'), 'websocket');
});

e2e('WebSocket dropped while idle: five clicks across the drop count exactly five, then one more over the new socket', async (s) => {
  let net;
  const page = await s.open('/', { setup: async (p) => { net = await routedSocket(p); } });
  const counter = component(page, 'counter');
  const count = counter.locator('.count');
  await clickPlus(counter, 2);
  net.drop(); // the server side goes away between clicks; the client reconnects in the background
  await clickPlus(counter, 3);
  await count.filter({ hasText: /^5$/ }).waitFor();
  await until(() => net.routes.length >= 2, 20_000);
  await page.waitForFunction(() => document.documentElement.classList.contains('diffyne-connected'), null, { timeout: 20_000 });
  await clickPlus(counter, 1);
  await count.filter({ hasText: /^6$/ }).waitFor();
  await page.waitForTimeout(500); // a doubled action would show up late; nothing else can change the count meanwhile
  assert.equal(await count.textContent(), '6');
});
