// The cluster as browsers see it through nginx (scripts/cluster-test.sh starts it and passes CLUSTER_INSTANCES, a
// JSON list of {name, url, pid, log}, and CLUSTER_ACCESS_LOG, nginx's "$upstream_addr $status $request_uri" lines).
// Which instance holds a page's WebSocket is read from the instances' logs ("WebSocket client <id> connected"), the
// id from the page's diffyne.connected frame. No sticky sessions: nginx sends every request to the next instance.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { component, e2e, recordAjax, recordFrames, until, useBrowser } from '../support.mjs';

useBrowser();

const INSTANCES = JSON.parse(process.env.CLUSTER_INSTANCES || '[]');
const ACCESS_LOG = process.env.CLUSTER_ACCESS_LOG;
if (INSTANCES.length < 3 || !ACCESS_LOG) {
  throw new Error('run through scripts/cluster-test.sh: CLUSTER_INSTANCES (3 instances) and CLUSTER_ACCESS_LOG are unset');
}
const WS_PATH = /\/diffyne(\?|$)/;
const room = () => 'cluster-' + randomBytes(4).toString('hex');
const chatPath = (r, name) => `/chat?room=${r}&name=${encodeURIComponent(name)}`;
/** The chat lines under `root` (a DOM node) as "author: text": the renderer drops whitespace between tags. */
const linesOf = (root) => [...root.querySelectorAll('.messages li:not(.empty)')].map((li) => li.querySelector('b')
  .textContent + ': ' + [...li.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim());
const said = async (page) => linesOf(JSDOM.fragment(await component(page, 'chat-room').evaluate((e) => e.outerHTML)));
const alive = (instance) => { try { process.kill(instance.pid, 0); return true; } catch { return false; } };

async function send(page, text) {
  const chat = component(page, 'chat-room');
  await chat.locator('[name="newMessage"]').fill(text);
  await chat.getByRole('button', { name: 'Send' }).click();
}

// three servers, nginx and a browser on two cores: a round trip can take seconds
async function sees(page, expected, ms = 30_000) {
  await until(async () => JSON.stringify(await said(page)) === JSON.stringify(expected), ms);
  const shown = await said(page);
  if (JSON.stringify(shown) === JSON.stringify(expected)) return;
  // what the page's socket carried last (pages on a socket record frames): where a message was lost
  const f = page.frames && page.frames.sent ? page.frames : null;
  // every frame but pings and pongs, in order, as sent (>) and received (<): where a message was lost or dropped
  const quiet = (x) => x.event !== 'diffyne.ping' && x.event !== 'diffyne.pong';
  const frames = f ? '\nframes sent: ' + f.sent.filter(quiet).slice(-40).map((x) => '\n> ' + JSON.stringify(x)).join('')
    + '\nframes received: ' + f.received.filter(quiet).slice(-40).map((x) => '\n< ' + JSON.stringify(x)).join('') : '';
  assert.deepEqual(shown, expected, `${page.instance ? page.instance.name : 'AJAX'} page${frames}`);
}

async function clickPlus(page, times) {
  for (let i = 0; i < times; i++) await component(page, 'counter').getByRole('button', { name: '+' }).click();
}

const countIs = (page, n, ms = 20_000) => component(page, 'counter').locator('.count')
  .filter({ hasText: new RegExp(`^${n}$`) }).waitFor({ timeout: ms });

/** The client id of the page's newest socket, from its diffyne.connected frame. */
async function clientId(frames, after = 0) {
  const id = await until(() => frames.received.filter((f) => f.event === 'diffyne.connected').slice(after).at(-1)?.data?.clientId);
  assert.ok(id, 'the page got no diffyne.connected frame');
  return id;
}

/** The instance whose log says it accepted this WebSocket client. */
async function instanceOf(id) {
  const found = await until(() => INSTANCES.find((i) => readFileSync(i.log, 'utf8').includes(`WebSocket client ${id} connected`)));
  assert.ok(found, `no instance logged WebSocket client ${id}`);
  return found;
}

/** Opens `path` with its frames recorded; `page.frames`, `page.instance` (the one holding its WebSocket). */
async function openOnSocket(s, path) {
  let frames;
  const page = await s.open(path, { setup: async (p) => { frames = recordFrames(p); } });
  page.frames = frames;
  page.instance = await instanceOf(await clientId(frames));
  return page;
}

/** Opens pages at `path` until one's WebSocket is on an instance not in `avoid`; the others are closed. */
async function openAvoiding(s, path, avoid) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const page = await openOnSocket(s, path);
    if (!avoid.includes(page.instance.name)) return page;
    await page.context().close();
  }
  throw new Error(`eight pages at ${path}: every WebSocket on ${avoid}`);
}

/** A page whose WebSocket is refused (so it works over AJAX, and listens over SSE); records its event streams. */
async function openOnAjax(s, path) {
  let ajax;
  const streams = [];
  const page = await s.open(path, {
    waitConnected: false,
    setup: async (p) => {
      ajax = recordAjax(p);
      p.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/_diffyne/events')) streams.push(r.url()); });
      await p.routeWebSocket(WS_PATH, (ws) => ws.close({ code: 1006 }));
    },
  });
  page.ajax = ajax;
  page.streams = streams;
  return page;
}

const accessLines = () => readFileSync(ACCESS_LOG, 'utf8').split('\n').filter(Boolean);

e2e('cluster: two pages whose WebSockets are on different instances chat, a third page on SSE sees it', async (s) => {
  const r = room();
  const ada = await openOnSocket(s, chatPath(r, 'Ada'));
  const bob = await openAvoiding(s, chatPath(r, 'Bob'), [ada.instance.name]);
  const cy = await openOnAjax(s, chatPath(r, 'Cy'));
  assert.ok(await until(() => cy.streams.length > 0), 'the AJAX page opened an event stream');
  console.log(`cluster: Ada's WebSocket on ${ada.instance.name}, Bob's on ${bob.instance.name}, Cy on AJAX + SSE`);

  await send(ada, `Hello from Ada on ${ada.instance.name}`);
  const first = [`Ada: Hello from Ada on ${ada.instance.name}`];
  await sees(ada, first);
  await sees(bob, first);
  await sees(cy, first);

  await send(bob, `Hi Ada, Bob on ${bob.instance.name}`);
  const both = [...first, `Bob: Hi Ada, Bob on ${bob.instance.name}`];
  await sees(ada, both);
  await sees(bob, both);
  await sees(cy, both);
  // a doubled broadcast or store of the two would show before a third message: one channel, delivered in order
  await send(ada, 'over');
  const all = [...both, 'Ada: over'];
  for (const page of [ada, bob, cy]) await sees(page, all);
});

e2e('cluster: AJAX actions that nginx sends to alternating instances keep a counter exact', async (s) => {
  const before = accessLines().length;
  const page = await openOnAjax(s, '/');
  for (let i = 1; i <= 12; i++) {
    await clickPlus(page, 1);
    await countIs(page, i);
  }
  assert.equal(page.ajax.calls('increment').length, 12, 'one request per click');
  const updates = accessLines().slice(before).filter((l) => / \/_diffyne\/update$/.test(l));
  const upstreams = new Set(updates.map((l) => l.split(' ')[0]));
  assert.ok(updates.every((l) => l.split(' ')[1] === '200'), 'every action answered 200: ' + updates.join('\n'));
  assert.ok(upstreams.size >= 2, `the actions reached ${[...upstreams]} only`);
  console.log(`cluster: 12 AJAX increments over ${[...upstreams].join(', ')}: count 12`);
});

/** The first component `name` on the page at `path` of `instance`, rendered there: its root element. */
async function componentOn(instance, path, name) {
  const html = await (await fetch(instance.url + path)).text();
  const element = new JSDOM(html).window.document.querySelector(`[diff\\:component="${name}"][diff\\:snapshot]`);
  assert.ok(element, `no ${name} on ${instance.url}${path}`);
  return element;
}

const update = (instance, body) => fetch(instance.url + '/_diffyne/update', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});

e2e('cluster: a requestId retried on another instance answers the first answer, and the message is stored once', async () => {
  const [a, b] = INSTANCES.filter(alive);
  const r = room();
  const snapshot = JSON.parse((await componentOn(a, chatPath(r, 'Dee'), 'chat-room')).getAttribute('diff:snapshot'));
  const requestId = 'cluster-retry-' + randomBytes(4).toString('hex');
  const body = { type: 'call', requestId, snapshot, method: 'sendMessage', updates: { newMessage: 'said once' } };
  const first = await update(a, body);
  const firstText = await first.text();
  assert.equal(first.status, 200, firstText);
  const retried = await update(b, body);
  const retriedText = await retried.text();
  assert.equal(retried.status, 200, retriedText);
  assert.deepEqual(JSON.parse(retriedText), JSON.parse(firstText), `${b.name} answered the retry of ${a.name}'s action anew`);
  const history = await componentOn(b, chatPath(r, 'Dee'), 'chat-room');
  assert.deepEqual(linesOf(history), ['Dee: said once'], 'the side effect happened once');
});

e2e('cluster: kill -9 of the instance holding a page\'s WebSocket, mid-session: every click counts once, the missed message arrives once', async (s) => {
  const r = room();
  const ada = await openOnSocket(s, chatPath(r, 'Ada'));
  const bob = await openAvoiding(s, chatPath(r, 'Bob'), [ada.instance.name]);
  const victim = ada.instance;
  await clickPlus(ada, 3);
  await countIs(ada, 3);
  await send(bob, 'before the crash');
  await sees(ada, ['Bob: before the crash']);
  const socketsBefore = ada.frames.sockets.length;
  const connectedBefore = ada.frames.received.filter((f) => f.event === 'diffyne.connected').length;

  const killedAt = Date.now();
  process.kill(victim.pid, 'SIGKILL');
  console.log(`cluster: kill -9 ${victim.name} (PID ${victim.pid}), which held Ada's WebSocket`);
  // the user keeps clicking while the page finds out and reconnects; Bob (elsewhere) says something meanwhile
  const during = 5;
  const clicking = clickPlus(ada, during);
  await send(bob, 'while Ada was cut off');
  await clicking;
  await countIs(ada, 3 + during);

  await ada.waitForFunction(() => document.documentElement.classList.contains('diffyne-connected'), null,
    { timeout: 30_000 });
  const id = await clientId(ada.frames, connectedBefore);
  const back = await instanceOf(id);
  const backAfterMs = Date.now() - killedAt;
  assert.notEqual(back.name, victim.name);
  assert.ok(ada.frames.sockets.length > socketsBefore, 'a new socket');

  await clickPlus(ada, 2);
  await countIs(ada, 3 + during + 2);
  const expected = ['Bob: before the crash', 'Bob: while Ada was cut off'];
  await sees(ada, expected, 20_000);
  // a doubled click or message would show before one more of each: the socket delivers in order
  await clickPlus(ada, 1);
  await countIs(ada, 3 + during + 2 + 1);
  await send(bob, 'after');
  await sees(ada, [...expected, 'Bob: after']);
  assert.equal(await component(ada, 'counter').locator('.count').textContent(), String(3 + during + 2 + 1),
    'every click counted exactly once');
  const shown = (await said(ada)).slice(0, -1);
  assert.deepEqual(shown, expected, 'the missed message arrived exactly once');
  const duplicates = shown.length - new Set(shown).size;
  console.log(`cluster figures: clicks during the outage ${during}, counter ${3 + during + 3} after 3 + ${during} + 3 clicks;`
    + ` messages missed 1, arrived ${shown.filter((m) => m.endsWith('while Ada was cut off')).length};`
    + ` duplicates ${duplicates}; the page was back on a WebSocket (${back.name}) ${backAfterMs} ms after kill -9`);
});
