import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { FakeSocket, fakeFetch, page, settle, waitFor } from './helpers.js';
import { backoff, createTransport } from '../../main/webapp/diffyne/src/transport.js';
import { createStatus } from '../../main/webapp/diffyne/src/status.js';

let transport;
let events;
// timers a test does not exercise are long, so a slow machine cannot fire them; a test that needs one shortens it
const OPTS = { random: () => 0, requestTimeout: 60000, heartbeat: 60000 };

function setup(config = {}, opts = {}, hooks = {}) {
  page();
  events = [];
  for (const n of ['connected', 'disconnected', 'reconnected', 'offline', 'online']) {
    addEventListener('diffyne:' + n, () => events.push(n));
  }
  const pushes = [];
  transport = createTransport(
    { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne', token: 'tok', transport: 'websocket', ...config },
    createStatus(), { push: (p) => pushes.push(p), ...hooks }, { ...OPTS, ...opts });
  transport.start();
  return pushes;
}

const call = (id, extra = {}) => (epoch) => ({ type: 'call', requestId: id, method: 'm', ...(epoch ? { ref: { id: 'c' } } : { snapshot: { id: 'c' } }), ...extra });
const ok = (body) => ({ s: true, requestId: body.requestId, c: { i: 'c', p: [] } });

afterEach(() => transport && transport.stop());

test('the socket URL: path resolved against the page, wss on https, token appended', () => {
  setup();
  assert.equal(FakeSocket.last.url, 'wss://app.test/ctx/diffyne?token=tok&v=3');
  transport.stop();
  page('', 'http://app.test/');
  transport = createTransport({ endpoint: '/_diffyne', ws: 'ws://other.test:9000/diffyne', token: 't 1' }, createStatus(), { push() {} }, OPTS);
  transport.start();
  assert.equal(FakeSocket.last.url, 'ws://other.test:9000/diffyne?token=t+1&v=3');
});

test('connect fails → AJAX at once (full snapshot), reconnect with backoff in the background', async () => {
  setup();
  const calls = fakeFetch((url, body) => ok(body));
  const first = FakeSocket.last;
  const out = await transport.request(call('r1'));
  assert.deepEqual(calls, [['/ctx/_diffyne/update', { type: 'call', requestId: 'r1', method: 'm', snapshot: { id: 'c' } }]]);
  assert.equal(out.via, 0);
  first.drop();
  assert.ok(document.documentElement.classList.contains('diffyne-disconnected'));
  assert.equal(FakeSocket.all.length, 1);
  await waitFor(() => FakeSocket.all.length >= 2, 5000); // backoff(0) with random 0 = 250 ms
  assert.equal(FakeSocket.all.length, 2, 'reconnected in the background');
  // the reconnect has happened, so the window for a wrong event is over
  assert.deepEqual(events, [], 'no disconnected event: it never connected');
});

test('requests go over the open socket with a snapshot reference and are correlated by requestId', async () => {
  setup();
  fakeFetch(() => assert.fail('no AJAX while the socket is open'));
  const ws = FakeSocket.last;
  ws.open('client-7');
  assert.deepEqual(events, ['connected']);
  assert.ok(document.documentElement.classList.contains('diffyne-connected'));
  const a = transport.request(call('r1'));
  const b = transport.request(call('r2', { type: 'update', property: 'p', value: 1 }));
  await settle();
  assert.deepEqual(ws.requests().map((m) => [m.event, m.data.requestId, !!m.data.ref]), [['diffyne.call', 'r1', true], ['diffyne.update', 'r2', true]]);
  ws.receive('diffyne.response', { s: true, requestId: 'r2', c: { i: 'c', p: [] } });
  ws.receive('diffyne.error', { error: 'no', type: 'method_error', requestId: 'r1' });
  assert.deepEqual(await b, { res: { s: true, requestId: 'r2', c: { i: 'c', p: [] } }, via: 1 });
  assert.deepEqual(await a, { res: { s: false, error: 'no', type: 'method_error', requestId: 'r1' }, via: 1 });
});

test('a rate-limited refusal names its request, which gets it at once (not after the timeout) and is not resent', async () => {
  setup({}, { requestTimeout: 60000 });
  fakeFetch(() => assert.fail('a refusal is an answer: nothing is retried over AJAX'));
  const ws = FakeSocket.last;
  ws.open('client-7');
  const a = transport.request(call('r1'));
  await settle();
  ws.receive('diffyne.error', { error: 'Too many messages: slow down (DIFFYNE_RATE_LIMIT)', type: 'rate_limited', requestId: 'r1' });
  assert.deepEqual(await a, { res: { s: false, error: 'Too many messages: slow down (DIFFYNE_RATE_LIMIT)', type: 'rate_limited', requestId: 'r1' }, via: 1 });
  assert.deepEqual(ws.requests().map((m) => m.data.requestId), ['r1']);
});

test('drop mid-request → retried once with the same requestId over AJAX; back to WebSocket after reconnect', async () => {
  setup();
  const calls = fakeFetch((url, body) => ok(body));
  FakeSocket.last.open();
  const pending = transport.request(call('r1'));
  await settle();
  assert.equal(FakeSocket.last.requests().length, 1);
  FakeSocket.last.drop();
  const { res, via } = await pending;
  assert.equal(res.requestId, 'r1');
  assert.equal(via, 0);
  assert.deepEqual(calls.map(([, b]) => [b.requestId, !!b.snapshot]), [['r1', true]]);
  assert.deepEqual(events, ['connected', 'disconnected']);
  await waitFor(() => FakeSocket.all.length >= 2, 5000); // the background reconnect (backoff 250 ms)
  FakeSocket.last.open();
  assert.deepEqual(events, ['connected', 'disconnected', 'reconnected']);
  const again = transport.request(call('r2'));
  await settle();
  assert.equal(FakeSocket.last.requests()[0].data.requestId, 'r2');
  FakeSocket.last.receive('diffyne.response', { s: true, requestId: 'r2' });
  assert.equal((await again).via, 2, 'second socket generation');
  assert.equal(calls.length, 1);
});

test('a socket request with no answer times out and is retried once with the same requestId', async () => {
  setup({}, { requestTimeout: 200 });
  fakeFetch(() => assert.fail('socket still open: no AJAX'));
  const ws = FakeSocket.last;
  ws.open();
  const pending = transport.request(call('r1'));
  // the retry leaves when the 200 ms timeout fires; this polls every 5 ms, and a third send could only follow
  // another 200 ms timeout and then a 250 ms probe
  await waitFor(() => ws.requests().length >= 2, 5000);
  assert.deepEqual(ws.requests().map((m) => m.data.requestId), ['r1', 'r1']);
  ws.receive('diffyne.response', { s: true, requestId: 'r1' });
  assert.equal((await pending).res.requestId, 'r1');
});

test('offline: requests wait in one queue and are sent once, in order, when the network is back', async () => {
  setup({ transport: 'ajax' });
  let up = false;
  const calls = fakeFetch((url, body) => {
    if (!up) throw new TypeError('Failed to fetch');
    return ok(body);
  });
  const answers = [];
  const p = ['r1', 'r2', 'r3'].map((id) => transport.request(call(id)).then((o) => answers.push(o.res.requestId)));
  await settle();
  assert.equal(FakeSocket.all.length, 0, 'ajax transport opens no socket');
  assert.ok(document.documentElement.classList.contains('diffyne-ajax'));
  assert.deepEqual(events, ['offline']);
  assert.ok(document.documentElement.classList.contains('diffyne-offline'));
  const tried = calls.length;
  up = true;
  window.dispatchEvent(new window.Event('online'));
  await Promise.all(p);
  assert.deepEqual(answers, ['r1', 'r2', 'r3']);
  assert.deepEqual(calls.slice(tried).map(([, b]) => b.requestId), ['r1', 'r2', 'r3'], 'each once, in order');
  assert.deepEqual(events, ['offline', 'online']);
  assert.ok(!document.documentElement.classList.contains('diffyne-offline'));
});

test('the offline queue is also flushed when the socket opens', async () => {
  setup();
  fakeFetch(() => { throw new TypeError('Failed to fetch'); });
  const p = transport.request(call('r1'));
  await settle();
  FakeSocket.last.open();
  await settle();
  assert.deepEqual(FakeSocket.last.requests().map((m) => m.data.requestId), ['r1']);
  FakeSocket.last.receive('diffyne.response', { s: true, requestId: 'r1' });
  assert.equal((await p).via, 1);
});

test('a message over maxMessageSize goes over AJAX with the full snapshot', async () => {
  setup({ maxMessageSize: 300 });
  const calls = fakeFetch((url, body) => ok(body));
  FakeSocket.last.open();
  await transport.request(call('big', { params: ['x'.repeat(400)] }));
  assert.equal(FakeSocket.last.requests().length, 0);
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0][1].snapshot, { id: 'c' });
  assert.equal(calls[0][1].ref, undefined);
});

test('heartbeat: pings measure latency; a ping without pong drops the socket', async () => {
  setup({}, { heartbeat: 40 });
  const latencies = [];
  addEventListener('diffyne:latency', (e) => latencies.push(e.detail.latency));
  const ws = FakeSocket.last;
  ws.open();
  assert.equal(ws.sent[0].event, 'diffyne.ping');
  ws.receive('diffyne.pong', {});
  assert.equal(latencies.length, 1);
  assert.ok(latencies[0] >= 0 && latencies[0] < 1000);
  await waitFor(() => ws.readyState === 3, 5000); // next ping (40 ms) unanswered → dropped at the one after (80 ms)
  assert.equal(ws.readyState, 3);
  assert.deepEqual(events, ['connected', 'disconnected']);
});

test('pushes: repeats skipped by seq; the last epoch and seq per channel are sent on reconnect', async () => {
  const pushes = setup();
  FakeSocket.last.open();
  FakeSocket.last.receive('diffyne.push', { channel: 'room:1', ep: 'A', seq: 4, responses: [] });
  FakeSocket.last.receive('diffyne.push', { channel: 'room:1', ep: 'A', seq: 4, responses: [] });
  FakeSocket.last.receive('diffyne.push', { channel: 'room:2', ep: 'B', seq: 9, responses: [] });
  assert.deepEqual(pushes.map((p) => p.seq), [4, 9]);
  FakeSocket.last.drop();
  await waitFor(() => FakeSocket.all.length >= 2, 5000); // the background reconnect (backoff 250 ms)
  FakeSocket.last.open();
  assert.deepEqual(FakeSocket.last.sent.find((m) => m.event === 'diffyne.resume'), {
    event: 'diffyne.resume', data: { channels: { 'room:1': { ep: 'A', seq: 4 }, 'room:2': { ep: 'B', seq: 9 } }, components: [] },
  });
});

test('pushes: a new epoch is a new log, so its low numbers are not taken for repeats', () => {
  const gaps = [];
  const pushes = setup({}, {}, { gap: (ch) => gaps.push(ch) });
  const ws = FakeSocket.last;
  ws.open();
  ws.receive('diffyne.push', { channel: 'room', ep: 'A', seq: 50, responses: [] });
  ws.receive('diffyne.push', { channel: 'room', ep: 'B', seq: 1, responses: [] }); // the server restarted
  ws.receive('diffyne.push', { channel: 'room', ep: 'B', seq: 1, responses: [] });
  assert.deepEqual(pushes.map((p) => [p.ep, p.seq]), [['A', 50], ['B', 1]]);
  // a resume with an old epoch: the server names its log and says the replay is incomplete
  ws.receive('diffyne.resumed', { channels: { room: { ep: 'C', seq: 3, complete: false } } });
  assert.deepEqual(transport.seqs.room, { ep: 'C', seq: 3 });
  ws.receive('diffyne.push', { channel: 'room', ep: 'C', seq: 3, responses: [] });
  ws.receive('diffyne.push', { channel: 'room', ep: 'C', seq: 4, responses: [] });
  // no log at all since the restart: the channel is forgotten, its first push accepted
  ws.receive('diffyne.resumed', { channels: { room: { seq: 0, complete: false } } });
  assert.equal(transport.seqs.room, undefined);
  ws.receive('diffyne.push', { channel: 'room', ep: 'D', seq: 1, responses: [] });
  assert.deepEqual(pushes.map((p) => [p.ep, p.seq]), [['A', 50], ['B', 1], ['C', 4], ['D', 1]]);
  assert.deepEqual(gaps, ['room', 'room']);
});

test('the token is refreshed before it expires and used for the next connection', async () => {
  const calls = fakeFetch((url) => (url.endsWith('/token') ? { token: 'fresh', tokenExpires: Date.now() + 3600000 } : assert.fail(url)));
  setup({ tokenExpires: Date.now() + 1500 });
  // "before it expires": a witness timer due at 1.4 s, set after the client's refresh timer (due at 80% of 1.5 s).
  // Node runs due timers in order of due time, so however late both fire under load, the refresh comes first —
  // unless the client scheduled it too late.
  let beforeExpiry;
  setTimeout(() => { beforeExpiry = calls.map(([u]) => u); }, 1400);
  assert.equal(FakeSocket.last.url, 'wss://app.test/ctx/diffyne?token=tok&v=3');
  FakeSocket.last.open();
  await waitFor(() => calls.length > 0 && beforeExpiry, 5000); // the refresh timer, then the witness
  assert.deepEqual(calls.map(([u]) => u), ['/ctx/_diffyne/token']);
  assert.deepEqual(beforeExpiry, ['/ctx/_diffyne/token'], 'asked for before the token expires');
  FakeSocket.last.drop();
  await waitFor(() => FakeSocket.all.length >= 2, 5000); // the background reconnect (backoff 250 ms)
  assert.equal(FakeSocket.last.url, 'wss://app.test/ctx/diffyne?token=fresh&v=3');
});

test('a refused handshake refreshes the token before the next attempt', async () => {
  const calls = fakeFetch(() => ({ token: 'fresh', tokenExpires: Date.now() + 3600000 }));
  setup({ tokenExpires: Date.now() + 3600000 });
  FakeSocket.last.drop(); // never opened: e.g. 403 after a server restart with a new key
  await waitFor(() => FakeSocket.all.length >= 2, 5000); // the reconnect (backoff 250 ms), after the token refresh
  assert.deepEqual(calls.map(([u]) => u), ['/ctx/_diffyne/token']);
  assert.equal(FakeSocket.last.url, 'wss://app.test/ctx/diffyne?token=fresh&v=3');
});

test('an absolute wss: URL stays secure on an http page', () => {
  page('', 'http://app.test/');
  transport = createTransport({ endpoint: '/_diffyne', ws: 'wss://ws.app.test/diffyne' }, createStatus(), { push() {} }, OPTS);
  transport.start();
  assert.equal(FakeSocket.last.url, 'wss://ws.app.test/diffyne?v=3');
});

test('an expired token is refreshed before connecting', async () => {
  const calls = fakeFetch(() => ({ token: 'fresh', tokenExpires: Date.now() + 3600000 }));
  setup({ tokenExpires: Date.now() - 1 });
  await settle();
  assert.equal(calls.length, 1);
  assert.equal(FakeSocket.last.url, 'wss://app.test/ctx/diffyne?token=fresh&v=3');
});

test('backoff grows exponentially with jitter, capped at 30 s', () => {
  assert.equal(backoff(0, () => 0), 250);
  assert.equal(backoff(3, () => 0), 2000);
  assert.equal(Math.round(backoff(3, () => 0.999999)), 4000);
  assert.equal(backoff(20, () => 0), 15000);
});

test('v2: bare answers go to the requests in the order they were sent, expanded; a timed-out one keeps its place', async () => {
  setup({}, { requestTimeout: 200 });
  fakeFetch(() => assert.fail('socket still open: no AJAX'));
  const ws = FakeSocket.last;
  ws.open();
  const named = (id, version) => () => ({ type: 'call', requestId: id, method: 'm', ref: { id: 'c' + id, version } });
  const first = transport.request(named('1', 4));
  const second = transport.request(named('2', 7));
  await settle();
  assert.equal(ws.sent.filter((m) => m.event === undefined).length, 2, 'requests travel bare');
  ws.answer({ p: [], sd: [['p', '/n', 1]], sig: 's5' });
  ws.answer({ error: 'no', type: 'method_error' });
  assert.deepEqual((await first).res, { s: true, c: { i: 'c1', p: [], sd: [['p', '/n', 1]], v: 5, sig: 's5' } });
  assert.deepEqual((await second).res, { s: false, error: 'no', type: 'method_error' });

  const late = transport.request(named('3', 1));
  await waitFor(() => ws.requests().length >= 4, 5000); // timed out and resent: both sends await an answer
  ws.answer({ p: [], sig: 'late' }); // the first send's answer, arriving late: taken by nothing
  ws.answer({ p: [], sig: 'retry' });
  assert.equal((await late).res.c.sig, 'retry');
});
