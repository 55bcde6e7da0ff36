import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { FakeSocket, component, fakeFetch, page, settle, sleep, waitFor } from './helpers.js';
import { api, start, stop } from '../../main/webapp/diffyne/src/diffyne.js';
import { client } from '../../main/webapp/diffyne/src/client.js';
import { apply } from '../../main/webapp/diffyne/src/component.js';
import { STATE_TOO_LARGE } from '../../main/webapp/diffyne/src/constants.js';

const AJAX = { endpoint: '/ctx/_diffyne', transport: 'ajax' };
afterEach(() => stop());

/** Page with components, started on AJAX; `handler(body)` answers /update. Returns the request bodies. */
function boot(html, handler, config = AJAX, opts = {}) {
  page(html);
  const calls = fakeFetch((url, body) => handler(body, url));
  start({ ...config }, { random: () => 0, ...opts });
  return calls;
}
const ok = (body, c = {}, extra = {}) => ({ s: true, requestId: body.requestId, c: { i: body.snapshot.id, p: [], sd: [], v: body.snapshot.version + 1, sig: 's' + (body.snapshot.version + 1), ...c }, ...extra });
const bodies = (calls) => calls.filter(([u]) => u.endsWith('/update')).map(([, b]) => b);
const $ = (sel) => document.querySelector(sel);
const click = (el) => el.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
const input = (el, value, type = 'input') => {
  if (value !== undefined) el.value = value;
  el.dispatchEvent(new window.Event(type, { bubbles: true }));
};

const COUNTER = component('cnt00000000a', 'counter', { count: 0 }, '<span>0</span><button diff:click="increment">+</button>');

test('mount registers components and keeps the snapshot only in memory', () => {
  boot(COUNTER, () => assert.fail());
  assert.equal($('[diff\\:id]').hasAttribute('diff:snapshot'), false);
  assert.deepEqual(client.components.get('cnt00000000a').snapshot, { component: 'counter', id: 'cnt00000000a', version: 1, state: { count: 0 }, sig: 'sig1' });
});

test('diff:click sends a call with the snapshot; patches and the state delta are applied; the next request chains', async () => {
  const calls = boot(COUNTER, (b) => ok(b, { p: [{ t: 't', p: [0, 0], x: String(b.snapshot.state.count + 1) }], sd: [['p', '/count', b.snapshot.state.count + 1]] }));
  click($('button'));
  await settle();
  assert.equal($('span').textContent, '1');
  click($('button'));
  await settle();
  assert.equal($('span').textContent, '2');
  const [a, b] = bodies(calls);
  // no empty params (protocol v2)
  assert.deepEqual(Object.keys(a).sort(), ['method', 'requestId', 'snapshot', 'type']);
  assert.deepEqual([a.type, a.method, a.params], ['call', 'increment', undefined]);
  assert.deepEqual(b.snapshot, { component: 'counter', id: 'cnt00000000a', version: 2, state: { count: 1 }, sig: 's2' });
  assert.notEqual(a.requestId, b.requestId);
});

test('requests of one component are serialized: the second leaves after the first answer, with its snapshot', async () => {
  let release;
  const calls = boot(COUNTER, (b) => (b.snapshot.version === 1 ? new Promise((r) => { release = () => r(ok(b, { sd: [['p', '/count', 1]] })); }) : ok(b)));
  click($('button'));
  click($('button'));
  await settle();
  assert.equal(bodies(calls).length, 1);
  release();
  await settle();
  assert.equal(bodies(calls).length, 2);
  assert.deepEqual(bodies(calls)[1].snapshot.state, { count: 1 });
});

test('diff:click arguments and .prevent/.stop modifiers', async () => {
  const calls = boot(component('list00000000', 'list', {}, `<p diff:click="outer"><a href="#x" diff:click.prevent.stop="add('milk, 2', 3, null, true)">add</a></p>`), (b) => ok(b));
  let bubbled = false;
  addEventListener('click', () => { bubbled = true; });
  const ev = new window.MouseEvent('click', { bubbles: true, cancelable: true });
  $('a').dispatchEvent(ev);
  await settle();
  assert.deepEqual(bodies(calls).map((b) => [b.method, b.params]), [['add', ['milk, 2', 3, null, true]]], 'only the closest directive');
  assert.equal(ev.defaultPrevented, true);
  assert.equal(bubbled, false);
});

test('diff:submit never submits natively (with or without .prevent) and sends deferred diff:model values as updates', async () => {
  const calls = boot(component('form00000000', 'contact', { name: '', email: '' },
    '<form diff:submit="save"><input diff:model="name"><input diff:model.defer="email"></form>') +
    component('form00000001', 'other', {}, '<form diff:submit.prevent="go"></form>'), (b) => ok(b));
  input($('input'), 'Ada');
  input(document.querySelectorAll('input')[1], 'a@b.c');
  const ev = new window.Event('submit', { bubbles: true, cancelable: true });
  $('form').dispatchEvent(ev);
  const ev2 = new window.Event('submit', { bubbles: true, cancelable: true });
  document.querySelectorAll('form')[1].dispatchEvent(ev2);
  await settle();
  assert.equal(ev.defaultPrevented, true);
  assert.equal(ev2.defaultPrevented, true);
  const [a, b] = bodies(calls);
  assert.deepEqual([a.method, a.updates], ['save', { name: 'Ada', email: 'a@b.c' }]);
  assert.equal(b.method, 'go');
  input($('input'), 'Bob');
  $('form').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.deepEqual(bodies(calls)[2].updates, { name: 'Bob' }, 'sent once: only what changed since');
});

test('a field sent as an update is emptied when the server puts its property back to the old value', async () => {
  // newTodo was "" in the snapshot, the call carries updates {newTodo: "Milk"}, the method resets it to "":
  // the delta (snapshot → new state) has no newTodo, yet the field must show the server's ""
  boot(component('todo00000000', 'todo', { newTodo: '', n: 0 },
    '<form diff:submit="add"><input diff:model="newTodo"></form>'), (b) => ok(b, { sd: [['p', '/n', 1]] }));
  input($('input'), 'Milk');
  $('form').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.equal($('input').value, '');
});

test('diff:keydown.enter fires on Enter only; diff:change on change', async () => {
  const calls = boot(component('srch00000000', 'search', {}, '<input diff:keydown.enter="search"><select diff:change="pick(\'x\')"><option>1</option></select>'), (b) => ok(b));
  const key = (k) => $('input').dispatchEvent(new window.KeyboardEvent('keydown', { key: k, bubbles: true }));
  key('a');
  key('Enter');
  $('select').dispatchEvent(new window.Event('change', { bubbles: true }));
  await settle();
  assert.deepEqual(bodies(calls).map((b) => [b.method, b.params]), [['search', undefined], ['pick', ['x']]]);
});

test('diff:model.live sends one debounced update; .debounce.Nms and .lazy', async () => {
  const calls = boot(component('live00000000', 'live', { q: '', r: '', s: '' },
    '<input id="q" diff:model.live="q"><input id="r" diff:model.live.debounce.30ms="r"><input id="s" diff:model.lazy="s">'), (b) => ok(b));
  input($('#q'), 'a');
  input($('#q'), 'ab');
  input($('#r'), 'x');
  input($('#s'), 'typing');
  // what has been sent once the 30 ms debounce is due: a timer due just after it and long before the 150 ms one.
  // Node runs due timers in order of due time, so however late they all fire (which could make a poll see both
  // updates at once), this one runs between the two.
  let first;
  setTimeout(() => { first = bodies(calls).map((b) => [b.property, b.value]); }, 31);
  await waitFor(() => first);
  assert.deepEqual(first, [['r', 'x']], 'the 30 ms debounce first');
  await waitFor(() => bodies(calls).length === 2);
  // a window that must elapse: no further update (a second one for q, or the lazy field) may follow. Nothing
  // legitimate can arrive in it, so a late timer cannot fail this; and Node runs due timers in order, so a stray
  // debounce due with the 150 ms one still fires before this one, however loaded the machine.
  await sleep(50);
  assert.deepEqual(bodies(calls).map((b) => [b.property, b.value]), [['r', 'x'], ['q', 'ab']]);
  input($('#s'), 'done', 'change');
  await settle();
  assert.deepEqual(bodies(calls)[2], { ...bodies(calls)[2], type: 'update', property: 's', value: 'done' });
});

test('a call flushes pending debounced updates first', async () => {
  const calls = boot(component('live00000001', 'live', { q: '' }, '<input diff:model.live="q" diff:keydown.enter="search">'), (b) => ok(b));
  input($('input'), 'abc');
  $('input').dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  await settle();
  assert.deepEqual(bodies(calls).map((b) => b.type + ':' + (b.property || b.method)), ['update:q', 'call:search']);
});

test('diff:model value kinds: checkbox (boolean and array), radio, select multiple, number', async () => {
  const calls = boot(component('kind00000000', 'kinds', { agree: false, tags: [], size: 'm', picks: [], n: 0 },
    `<input type="checkbox" id="agree" diff:model.live="agree">
     <input type="checkbox" value="a" diff:model.live="tags"><input type="checkbox" id="tb" value="b" diff:model.live="tags">
     <input type="radio" name="s" value="s" diff:model.live="size"><input type="radio" id="rl" name="s" value="l" diff:model.live="size">
     <select multiple diff:model.live="picks"><option value="1">1</option><option value="2">2</option><option value="3">3</option></select>
     <input type="number" diff:model.live.debounce.1ms="n">`), (b) => ok(b));
  $('#agree').checked = true;
  input($('#agree'), undefined, 'change');
  $('#tb').checked = true;
  input($('#tb'), undefined, 'change');
  $('#rl').checked = true;
  input($('#rl'), undefined, 'change');
  const sel = $('select');
  sel.options[0].selected = true;
  sel.options[2].selected = true;
  input(sel, undefined, 'change');
  input($('input[type=number]'), '42');
  await waitFor(() => bodies(calls).length === 5);
  assert.deepEqual(bodies(calls).map((b) => [b.property, b.value]), [['agree', true], ['tags', ['b']], ['size', 'l'], ['picks', ['1', '3']], ['n', 42]]);
});

test('what the user typed while a request was in flight is never clobbered; untouched fields follow the state', async () => {
  let release;
  const calls = boot(component('type00000000', 'typing', { q: '', other: '' }, '<input id="q" diff:model.live.debounce.1ms="q"><input id="o" diff:model="other">'),
    (b) => (b.snapshot.version > 1 ? ok(b) : new Promise((r) => { release = () => r(ok(b, { p: [{ t: 'a', p: [0], s: { value: 'AB' } }], sd: [['p', '/q', 'AB'], ['p', '/other', 'srv']] })); })));
  input($('#q'), 'ab');
  await waitFor(() => release);
  input($('#q'), 'abc'); // typed while in flight
  release();
  await settle();
  assert.equal($('#q').value, 'abc');
  assert.equal($('#q').getAttribute('value'), 'AB');
  assert.equal($('#o').value, 'srv', 'model sync from the state delta');
  // the update typed in flight goes out once its 1 ms debounce fires; wait for it, or (under load) it fires during
  // the next test and goes out on that test's transport: stop() does not cancel pending debounced updates
  await waitFor(() => bodies(calls).some((b) => b.value === 'abc'));
  await settle();
});

test('diff:poll with units starts, and stops and starts as patches remove and add it', async () => {
  const calls = boot(component('poll00000000', 'clock', {}, '<p diff:poll.30ms="tick">t</p>'), (b) => {
    const n = bodies(calls).length;
    if (n === 2) return ok(b, { p: [{ t: 'a', p: [0], r: ['diff:poll.30ms'] }] });
    return ok(b);
  });
  await waitFor(() => bodies(calls).length === 2);
  // a window that must elapse: five 30 ms periods with no tick. Nothing legitimate can tick in it, so a late timer
  // cannot fail this; and Node runs due timers in order, so a poll still running would tick before this one fires.
  await sleep(150);
  assert.equal(bodies(calls).length, 2, 'removed by a patch: no more ticks');
  assert.deepEqual(bodies(calls).map((b) => b.method), ['tick', 'tick']);
  await client.components.get('poll00000000') && (await import('../../main/webapp/diffyne/src/component.js')).apply(client.components.get('poll00000000'),
    { s: true, c: { i: 'poll00000000', p: [{ t: 'a', p: [0], s: { 'diff:poll': '40ms' } }], sd: [], v: 9, sig: 'x' } });
  await waitFor(() => bodies(calls).length >= 4);
  assert.equal(bodies(calls)[3].type, 'render', 'a duration value re-renders');
});

test('diff:loading: classes, attributes, shown/hidden, targeted; undone when the answer arrives', async () => {
  let release;
  boot(component('load00000000', 'loading', {},
    `<button id="b" diff:click="save" diff:loading.attr="disabled" diff:loading.class="busy dim"></button>
     <span id="show" diff:loading>Saving…</span><span id="hide" diff:loading.remove>idle</span>
     <i id="other" diff:target="delete" diff:loading.class.spin></i><i id="mine" diff:target="save" diff:loading.remove.ok class="ok"></i>`),
    (b) => new Promise((r) => { release = () => r(ok(b)); }));
  assert.ok(document.getElementById('diffyne-style').textContent.includes('[diff\\:loading]{display:none}'));
  click($('#b'));
  await settle();
  assert.equal($('#b').getAttribute('disabled'), '');
  assert.equal($('#b').className, 'busy dim');
  assert.equal($('#show').style.display, 'revert');
  assert.equal($('#hide').style.display, 'none');
  assert.equal($('#other').className, '', 'targets another action');
  assert.equal($('#mine').className, '');
  assert.equal($('[diff\\:id]').getAttribute('aria-busy'), 'true');
  release();
  await settle();
  assert.equal($('#b').hasAttribute('disabled'), false);
  assert.equal($('#b').hasAttribute('class'), false);
  assert.equal($('#show').hasAttribute('style'), false);
  assert.equal($('#hide').hasAttribute('style'), false);
  assert.equal($('#mine').className, 'ok');
  assert.equal($('[diff\\:id]').hasAttribute('aria-busy'), false);
});

test('diff:error shows validation errors (422) and marks the field; a later success clears them', async () => {
  let fail = true;
  boot(component('errs00000000', 'contact', { email: '' }, '<input diff:model.live.debounce.1ms="email"><span diff:error="email"></span><button diff:click="save">s</button>'),
    (b) => (fail ? { status: 422, json: { ...ok(b, { sd: [['p', '/email', 'x']] }), s: false, type: 'validation_error', error: 'Validation failed', errors: { email: ['Not an e-mail'] } } } : ok(b)));
  const errors = [];
  document.addEventListener('diffyne:error', (e) => errors.push(e.detail.type));
  click($('button'));
  await settle();
  assert.equal($('span').textContent, 'Not an e-mail');
  assert.equal($('input').className, 'diffyne-error');
  assert.equal($('input').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(errors, ['validation_error']);
  assert.deepEqual(client.components.get('errs00000000').snapshot, { component: 'contact', id: 'errs00000000', version: 2, state: { email: 'x' }, sig: 's2' },
    'the failure\'s c (version, state delta) is applied too');
  fail = false;
  click($('button'));
  await settle();
  assert.equal($('span').textContent, '');
  assert.equal($('input').hasAttribute('class'), false);
  assert.equal($('input').hasAttribute('aria-invalid'), false);
});

test('state_too_large (413): the snapshot held stays the one sent, the failure is reported, the next request uses it', async () => {
  let refuse = true;
  const calls = boot(COUNTER, (b) => (refuse
    ? { status: 413, json: { s: false, type: STATE_TOO_LARGE, error: 'The state of component \'counter\' would be 300000 bytes, over the limit', requestId: b.requestId } }
    : ok(b, { p: [{ t: 't', p: [0, 0], x: '1' }], sd: [['p', '/count', 1]] })));
  const errors = [];
  document.addEventListener('diffyne:error', (e) => errors.push(e.detail.type));
  click($('button'));
  await settle();
  assert.deepEqual(errors, [STATE_TOO_LARGE]);
  assert.equal($('span').textContent, '0', 'nothing applied');
  assert.deepEqual(client.components.get('cnt00000000a').snapshot, { component: 'counter', id: 'cnt00000000a', version: 1, state: { count: 0 }, sig: 'sig1' });
  refuse = false;
  click($('button'));
  await settle();
  assert.equal(bodies(calls)[1].snapshot.version, 1, 'the next request starts from the snapshot still held');
  assert.equal($('span').textContent, '1');
});

test('component events: listeners get event requests, honouring to and self; diff:on.<event> calls a method', async () => {
  const calls = boot(
    component('src000000000', 'composer', {}, '<button diff:click="send">s</button>') +
    component('lst000000000', 'feed', {}, '<p>feed</p>', ` diff:listeners='["sent","only-me"]'`) +
    component('lst000000001', 'sidebar', {}, '<p diff:on.sent="bump">side</p>', ` diff:listeners='["sent"]'`),
    (b) => (b.method === 'send' ? ok(b, {}, { events: [{ name: 'sent', data: { room: 'a' }, pass: '1.p1' }, { name: 'sent', data: 2, to: 'feed', pass: '1.p2' }, { name: 'only-me', self: true, pass: '1.p3' }] }) : ok(b)));
  click($('button'));
  await settle(10);
  const got = bodies(calls).slice(1).map((b) => [b.snapshot.id, b.type, b.event || b.method, b.data === undefined ? b.params : b.data, b.pass]);
  // in order per component (each component's requests are serialized); 'only-me' was self-only: the source does not listen
  assert.deepEqual(got.filter((g) => g[0] === 'lst000000000'), [
    ['lst000000000', 'event', 'sent', { room: 'a' }, '1.p1'],
    ['lst000000000', 'event', 'sent', 2, '1.p2'],
  ]);
  assert.deepEqual(got.filter((g) => g[0] === 'lst000000001'), [
    ['lst000000001', 'event', 'sent', { room: 'a' }, '1.p1'],
    ['lst000000001', 'call', 'bump', [{ room: 'a' }], undefined],
  ]);
  assert.equal(got.length, 4);
});

test('$set and $refresh actions; the JS API: call, dispatch, on', async () => {
  const calls = boot(component('api000000000', 'tabs', { tab: 'a' }, `<b diff:click="$set('tab', 'b')">b</b><i diff:click="$refresh">r</i>`, ` diff:listeners='["ping"]'`),
    (b) => (b.type === 'render' ? ok(b, { h: '<div><b>b</b></div>', st: { tab: 'b' } }) : ok(b, {}, b.method === 'hello' ? { events: [{ name: 'js-side', data: 5 }] } : {})));
  const heard = [];
  const off = api.on('js-side', (data) => heard.push(data));
  click($('b'));
  click($('i'));
  await settle(10);
  api.call($('b'), 'hello', 1, 'x');
  api.dispatch('ping', { n: 1 });
  await settle(10);
  off();
  assert.deepEqual(bodies(calls).map((b) => [b.type, b.property || b.method || b.event, b.value ?? b.params ?? b.data]), [
    ['update', 'tab', 'b'], ['render', undefined, undefined], ['call', 'hello', [1, 'x']], ['event', 'ping', { n: 1 }],
  ]);
  assert.equal(bodies(calls)[3].pass, undefined, 'raised in the browser: no pass');
  assert.deepEqual(heard, [5]);
  assert.equal($('[diff\\:id]').outerHTML, '<div diff:id="api000000000" diff:component="tabs" diff:listeners="[&quot;ping&quot;]"><b>b</b></div>');
});

test('browser events fire on window; redirects navigate (full) or swap the page in place (spa)', async () => {
  const calls = boot(COUNTER, (b, url) => (url === '/next' ? '<html><head><title>Next</title></head><body><main id="m">next page</main></body></html>'
    : ok(b, {}, { browserEvents: [{ name: 'saved', data: { id: 7 } }], redirect: { url: '/next', spa: b.snapshot.version > 1 } })));
  const got = [];
  addEventListener('saved', (e) => got.push(e.detail));
  const assigned = [];
  client.assign = (u) => assigned.push(u);
  click($('button'));
  await settle();
  assert.deepEqual(got, [{ id: 7 }]);
  assert.deepEqual(assigned, ['/next']);
  click($('button'));
  await settle(10);
  assert.equal(document.title, 'Next');
  assert.equal($('#m').textContent, 'next page');
  assert.equal(location.pathname, '/next');
  assert.equal(client.components.size, 0);
  assert.deepEqual(calls.map(([u]) => u), ['/ctx/_diffyne/update', '/ctx/_diffyne/update', '/next']);
  const { navigate } = await import('../../main/webapp/diffyne/src/navigate.js');
  await navigate({ url: 'https://elsewhere.test/x', spa: true });
  assert.deepEqual(assigned, ['/next', 'https://elsewhere.test/x'], 'other origins: full navigation');
});

test('query-string sync: push by default, replace for diff:query-replace names, null removes', async () => {
  boot(component('qs0000000000', 'list', { page: 1, q: '' }, '<button diff:click="next">n</button>', ` diff:query-replace='["q"]'`),
    (b) => ok(b, { q: b.snapshot.version === 1 ? { page: 2 } : { q: 'milk', page: null } }));
  const length = history.length;
  click($('button'));
  await settle();
  assert.equal(location.search, '?page=2');
  assert.equal(history.length, length + 1);
  click($('button'));
  await settle();
  assert.equal(location.search, '?q=milk', 'page removed, q set');
  assert.equal(history.length, length + 2, 'page changed too: pushed');
});

test('back/forward: a property whose URL value changed is sent as an update', async () => {
  const calls = boot(component('qs0000000001', 'list', { page: 1 }, '<button diff:click="next">n</button>'),
    (b) => ok(b, b.method === 'next' ? { q: { page: 2 }, sd: [['p', '/page', 2]] } : { sd: [['p', '/page', 1]] }));
  click($('button'));
  await settle();
  history.replaceState(null, '', '?page=1'); // what the back button restores
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  await settle();
  assert.deepEqual(bodies(calls).map((b) => [b.type, b.property, b.value]), [['call', undefined, undefined], ['update', 'page', '1']]);
});

test('lazy components are loaded with their ticket, inserted and started', async () => {
  const lazyHtml = component('lazy00000001', 'chart', { n: 1 }, '<button diff:click="go">go</button>');
  const calls = boot('<div diff:id="lazy00000001" diff:component="chart" diff:lazy="v1.ticket">loading…</div>',
    (b, url) => (url.endsWith('/lazy') ? { s: true, id: 'lazy00000001', html: lazyHtml, listeners: ['saved'] } : ok(b)));
  await settle();
  assert.deepEqual(calls[0], ['/ctx/_diffyne/lazy', { ticket: 'v1.ticket' }]);
  assert.equal($('[diff\\:lazy]'), null);
  assert.deepEqual(client.components.get('lazy00000001').listeners, ['saved']);
  click($('button'));
  await settle();
  assert.deepEqual(bodies(calls)[0].snapshot, { component: 'chart', id: 'lazy00000001', version: 1, state: { n: 1 }, sig: 'sig1' });
});

test('file uploads: multipart POST (snapshot and property before the file) with progress, then an update with the id', async () => {
  const calls = boot(component('upl000000000', 'avatar', { photo: null }, '<input type="file" diff:model="photo">'), (b) => ok(b));
  const sent = [];
  globalThis.XMLHttpRequest = class {
    constructor() { this.upload = {}; }
    open(m, u) { this.url = u; }
    setRequestHeader() {}
    send(form) {
      sent.push([this.url, [...form.keys()], JSON.parse(form.get('snapshot')), form.get('property'), form.get('file').name]);
      this.upload.onprogress({ loaded: 5, total: 10 });
      this.upload.onload({ loaded: 10, total: 10 });
      this.responseText = JSON.stringify({ s: true, id: 'Yq3Xz.png', name: 'me.png', componentId: 'upl000000000', property: 'photo' });
      setTimeout(() => this.onload());
    }
  };
  const el = $('input');
  Object.defineProperty(el, 'files', { value: [new window.File(['x'], 'me.png')] });
  const progress = [];
  const finished = [];
  el.addEventListener('diffyne:upload-progress', (e) => progress.push([e.detail.index, e.detail.count, e.detail.progress]));
  el.addEventListener('diffyne:upload-finished', (e) => finished.push(e.detail));
  el.dispatchEvent(new window.Event('change', { bubbles: true }));
  await waitFor(() => bodies(calls).length === 1);
  assert.deepEqual(sent, [['/ctx/_diffyne/upload', ['snapshot', 'property', 'file'],
    { component: 'avatar', id: 'upl000000000', version: 1, state: { photo: null }, sig: 'sig1' }, 'photo', 'me.png']]);
  assert.deepEqual(progress, [[0, 1, 0.5], [0, 1, 1]], 'the last progress event says the whole file is sent');
  assert.deepEqual(finished.map((f) => [f.value, f.uploads[0].name]), [['Yq3Xz.png', 'me.png']]);
  assert.deepEqual(bodies(calls).map((b) => [b.type, b.property, b.value]), [['update', 'photo', 'Yq3Xz.png']]);
});

test('a refused upload shows its message at the field and sends no update', async () => {
  const calls = boot(component('upl000000001', 'avatar', { photo: null },
    '<form><input type="file" diff:model="photo"><span diff:error="photo"></span></form>'), (b) => ok(b));
  globalThis.XMLHttpRequest = class {
    constructor() { this.upload = {}; }
    open() {}
    setRequestHeader() {}
    send() {
      this.responseText = JSON.stringify({ s: false, type: 'rate_limited', error: 'Your uploads waiting to be saved hold 9 of 9 bytes' });
      setTimeout(() => this.onload());
    }
  };
  const reported = [];
  document.addEventListener('diffyne:error', (e) => reported.push(e.detail.type));
  const el = $('input');
  Object.defineProperty(el, 'files', { value: [new window.File(['x'], 'big.png')] });
  el.dispatchEvent(new window.Event('change', { bubbles: true }));
  await waitFor(() => reported.length === 1);
  assert.equal($('[diff\\:error]').textContent, 'Your uploads waiting to be saved hold 9 of 9 bytes');
  assert.equal(el.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(reported, ['rate_limited']);
  assert.equal(bodies(calls).length, 0);
});

test('a patch that fails asks for a render and replaces the whole component (never half patched)', async () => {
  const calls = boot(COUNTER, (b) => (b.type === 'render'
    ? ok(b, { h: '<div><span>5</span><button diff:click="increment">+</button></div>', st: { count: 5 } })
    : ok(b, { p: [{ t: 't', p: [0, 0], x: 'half' }, { t: 't', p: [7, 0], x: 'x' }], sd: [['p', '/count', 1]] })));
  const errors = [];
  document.addEventListener('diffyne:error', (e) => errors.push(e.detail.type));
  click($('button'));
  await settle(10);
  const [call, render] = bodies(calls);
  assert.equal(call.type, 'call');
  assert.equal(render.type, 'render');
  assert.deepEqual(render.snapshot.state, { count: 1 }, 'rendered from the state the action produced');
  assert.equal($('span').textContent, '5');
  assert.equal($('[diff\\:id]').getAttribute('diff:component'), 'counter');
  assert.deepEqual(client.components.get('cnt00000000a').snapshot.state, { count: 5 });
  assert.deepEqual(errors, ['patch_error']);
});

test('over WebSocket: snapshot reference once the connection holds the version; snapshot_required → full resend', async () => {
  boot(COUNTER, () => assert.fail('no AJAX'), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne', transport: 'websocket' });
  const ws = FakeSocket.last;
  ws.open();
  const answer = (m) => ws.receive('diffyne.response', { s: true, requestId: m.data.requestId, c: { i: 'cnt00000000a', p: [], sd: [], v: 2, sig: 's2' } });
  click($('button'));
  await settle();
  const [first] = ws.requests();
  assert.deepEqual(first.data.ref, { id: 'cnt00000000a', version: 1, sig: 'sig1' },
    'a freshly loaded page names its mounted snapshot, with its signature: the server may still hold it');
  assert.equal(first.data.snapshot, undefined);
  answer(first);
  await settle();
  click($('button'));
  await settle();
  const second = ws.requests()[1];
  assert.deepEqual(second.data.ref, { id: 'cnt00000000a', version: 2 }, 'the connection holds it: no signature');
  assert.equal(second.data.snapshot, undefined);
  ws.receive('diffyne.error', { type: 'snapshot_required', error: 'resend', requestId: second.data.requestId });
  await settle();
  const third = ws.requests()[2];
  assert.equal(third.data.snapshot.version, 2);
  assert.equal(third.data.requestId, second.data.requestId, 'the refusal ran nothing and is not remembered');
});

test('stale_snapshot: resent once from a newer snapshot; with none, the page reloads unless a listener takes over', async () => {
  const assigned = [];
  let newer = true;
  const calls = boot(COUNTER, (b) => {
    const comp = client.components.get('cnt00000000a');
    if (newer && b.snapshot.version === 1) comp.snapshot = { ...comp.snapshot, version: 4, sig: 's4' };
    return b.snapshot.version === 4 ? ok(b) : { s: false, type: 'stale_snapshot', error: 'stale', requestId: b.requestId };
  });
  client.assign = (u) => assigned.push(u);
  click($('button'));
  await settle();
  const [first, second] = bodies(calls);
  assert.deepEqual([first.snapshot.version, second.snapshot.version], [1, 4]);
  assert.equal(second.requestId, first.requestId);
  assert.equal(client.components.get('cnt00000000a').snapshot.version, 5);
  assert.deepEqual(assigned, []);

  newer = false;
  client.components.get('cnt00000000a').snapshot.version = 2;
  click($('button'));
  await settle();
  assert.equal(bodies(calls).length, 3, 'nothing newer to resend from');
  assert.deepEqual(assigned, [location.href]);

  const seen = [];
  document.addEventListener('diffyne:error', (e) => { seen.push(e.detail.type); e.preventDefault(); });
  click($('button'));
  await settle();
  assert.deepEqual(seen, ['stale_snapshot']);
  assert.deepEqual(assigned, [location.href], 'the listener handles it');
});

test('a push never clobbers what the user typed and has not sent yet (deferred diff:model)', async () => {
  boot(component('chat00000000', 'chat', { draft: '' }, '<ul></ul><input diff:model="draft" value="">'), () => assert.fail(), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne' });
  FakeSocket.last.open();
  input($('input'), 'hello');
  FakeSocket.last.receive('diffyne.push', { channel: 'room', seq: 1, responses: [{ s: true, c: { i: 'chat00000000',
    p: [{ t: 'c', p: [0, 0], n: { t: 'li', c: [{ x: 'hi from Bob' }] } }, { t: 'a', p: [1], s: { value: 'stale' } }], sd: [['p', '/draft', 'stale']], v: 2, sig: 'p2' } }] });
  await settle();
  assert.equal($('li').textContent, 'hi from Bob');
  assert.equal($('input').value, 'hello');
});

test('per-component transport: diff:transport="ajax" uses AJAX while the socket is open', async () => {
  const calls = boot(component('ajx000000000', 'form', {}, '<button diff:click="go">g</button>', ' diff:transport="ajax"'), (b) => ok(b),
    { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne', transport: 'websocket' });
  FakeSocket.last.open();
  click($('button'));
  await settle();
  assert.equal(bodies(calls).length, 1);
  assert.equal(FakeSocket.last.requests().length, 0);
});

test('broadcast pushes are applied to the right components', async () => {
  boot(COUNTER + component('oth000000000', 'other', {}, '<p>x</p>'), () => assert.fail(), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne' });
  FakeSocket.last.open();
  FakeSocket.last.receive('diffyne.push', { channel: 'counter', seq: 1, responses: [{ s: true, c: { i: 'cnt00000000a', p: [{ t: 't', p: [0, 0], x: '9' }], sd: [['p', '/count', 9]], v: 2, sig: 'p2' } }] });
  await settle();
  assert.equal($('span').textContent, '9');
  assert.deepEqual(client.components.get('cnt00000000a').snapshot, { component: 'counter', id: 'cnt00000000a', version: 2, state: { count: 9 }, sig: 'p2' });
  FakeSocket.last.receive('diffyne.push', { channel: 'counter', seq: 2, responses: [{ s: true, c: { i: 'cnt00000000a', p: [{ t: 't', p: [0, 0], x: 'old' }], v: 2, sig: 'p2' } }] });
  await settle();
  assert.equal($('span').textContent, '9', 'a version the component already has is ignored');
});

test('a new connection is told the listening components (resume); an incomplete replay re-renders that channel', async () => {
  boot(COUNTER + component('chat00000001', 'chat', { n: 0 }, '<p>x</p>', ` diff:listeners='["said"]' diff:channels='["room:a"]'`),
    () => assert.fail('no AJAX'), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne' });
  const ws = FakeSocket.last;
  ws.open();
  assert.deepEqual(ws.sent.find((m) => m.event === 'diffyne.resume').data, {
    channels: {}, components: [{ component: 'chat', id: 'chat00000001', version: 1, state: { n: 0 }, sig: 'sig1' }],
  });
  ws.receive('diffyne.resumed', { channels: { 'room:a': { ep: 'E1', seq: 12, complete: false } } });
  await settle();
  assert.deepEqual(ws.requests().map((m) => [m.data.type, (m.data.snapshot || m.data.ref).id]), [['render', 'chat00000001']]);
  assert.deepEqual(client.transport.seqs['room:a'], { ep: 'E1', seq: 12 });
});

test('a first connection resumes each channel from its head in the markup: what was broadcast after the render comes', async () => {
  boot(component('chat00000002', 'chat', { n: 0 }, '<p>x</p>', ` diff:listeners='["said"]' diff:channels='["room:a","room:b"]'`
    + ` diff:heads='{"room:a":{"ep":"E1","seq":7},"room:b":{"ep":null,"seq":0}}'`),
    () => assert.fail('no AJAX'), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne' });
  const ws = FakeSocket.last;
  ws.open();
  assert.deepEqual(ws.sent.find((m) => m.event === 'diffyne.resume').data.channels,
    { 'room:a': { ep: 'E1', seq: 7 }, 'room:b': { ep: null, seq: 0 } });
  // a push seen since wins over the markup's head at the next connection
  ws.receive('diffyne.push', { channel: 'room:a', ep: 'E1', seq: 8, responses: [] });
  ws.drop();
  await waitFor(() => FakeSocket.last !== ws); // the first retry after 250 ms (random 0)
  FakeSocket.last.open();
  assert.deepEqual(FakeSocket.last.sent.find((m) => m.event === 'diffyne.resume').data.channels,
    { 'room:a': { ep: 'E1', seq: 8 }, 'room:b': { ep: null, seq: 0 } });
});

/** A scriptable EventSource: `sources` holds every one made, in order. */
function fakeEventSource() {
  const sources = [];
  globalThis.EventSource = class {
    constructor(url) { this.url = url; this.listeners = {}; this.readyState = 0; sources.push(this); }
    addEventListener(name, fn) { this.listeners[name] = fn; }
    close() { this.closed = true; this.readyState = 2; }
    fire(m, name = 'diffyne.broadcast') { this.listeners[name]({ data: JSON.stringify(m) }); }
    /** The server answered something other than a stream (403 …): the browser gives up on this source. */
    refuse() { this.readyState = 2; this.onerror({}); }
    /** A network failure: the browser retries by itself. */
    fail() { this.readyState = 0; this.onerror({}); }
    open() { this.readyState = 1; this.onopen({}); }
  };
  return sources;
}
const chat = (id, channels, grants, extra = '') => component(id, 'chat', {}, '<p>x</p>',
  ` diff:listeners='["said"]' diff:channels='${JSON.stringify(channels)}' diff:grants='${JSON.stringify(grants)}'${extra}`);

test('components on AJAX get broadcasts from an EventSource on their granted channels, as event requests relaying the pass', async () => {
  const sources = fakeEventSource();
  const calls = boot(COUNTER + chat('chat00000002', ['room:b', 'room:a'], { 'room:a': '1700.ga', 'room:b': '1700.gb' })
    + chat('chat00000004', ['room:a'], { 'room:a': '1800.ga2' }), (b) => ok(b));
  assert.deepEqual(sources.map((s) => s.url), ['/ctx/_diffyne/events?channels=room:a~1800.ga2,room:b~1700.gb'],
    'one stream, each channel with the latest-expiring grant the page holds for it');
  sources[0].fire({ channel: 'room:a', seq: 1, name: 'said', pass: 'b1.sealed' });
  sources[0].fire({ channel: 'room:c', seq: 1, name: 'said', pass: 'b1.x' });
  sources[0].fire({ channel: 'room:b', seq: 2, name: 'other', pass: 'b1.y' });
  sources[0].fire({ channel: '', seq: 1, name: 'said', pass: 'b1.z' });
  await settle();
  assert.deepEqual(bodies(calls).map((b) => [b.snapshot.id, b.type, b.event, 'data' in b, b.pass]),
    [['chat00000002', 'event', 'said', false, 'b1.sealed'], ['chat00000004', 'event', 'said', false, 'b1.sealed']]);
  stop();
  assert.equal(sources[0].closed, true);
  delete globalThis.EventSource;
});

test('an event stream shows what the page missed: a head past the markup\'s or a skipped number renders afresh, a repeat is dropped', async () => {
  const sources = fakeEventSource();
  const calls = boot(chat('chat00000006', ['room:a'], { 'room:a': '1700.ga' }, ` diff:heads='{"room:a":{"ep":"E","seq":3}}'`)
    + chat('chat00000007', ['room:b'], { 'room:b': '1700.gb' }, ` diff:heads='{"room:b":{"ep":null,"seq":0}}'`),
  (b) => ok(b, b.type === 'render' ? { st: {}, v: b.snapshot.version } : {}));
  const kinds = () => bodies(calls).map((b) => [b.snapshot.id, b.type, b.pass]);
  assert.equal(sources[0].url, '/ctx/_diffyne/events?channels=room:a~1700.ga~3~E,room:b~1700.gb~0',
    'each channel with where the page stands, so the stream first replays what it missed');
  sources[0].fire({ channel: 'room:a', ep: 'E', seq: 3 }, 'diffyne.head');
  sources[0].fire({ channel: 'room:b', ep: null, seq: 0 }, 'diffyne.head');
  sources[0].fire({ channel: 'room:a', ep: 'E', seq: 4, name: 'said', pass: 'p4' });
  sources[0].fire({ channel: 'room:a', ep: 'E', seq: 4, name: 'said', pass: 'p4' });
  sources[0].fire({ channel: 'room:b', ep: 'F', seq: 1, name: 'said', pass: 'q1' });
  await settle(20);
  assert.deepEqual(kinds(), [['chat00000006', 'event', 'p4'], ['chat00000007', 'event', 'q1']], 'in order, once each');
  sources[0].fire({ channel: 'room:a', ep: 'E', seq: 6, name: 'said', pass: 'p6' }); // 5 never came
  sources[0].fire({ channel: 'room:b', ep: 'F', seq: 3 }, 'diffyne.head'); // a reopened stream: 2 and 3 missed
  sources[0].fire({ channel: 'room:b', ep: 'G', seq: 1, name: 'said', pass: 'g1' }); // another log
  await settle(20);
  assert.deepEqual(kinds().slice(2), [['chat00000006', 'render', undefined], ['chat00000007', 'render', undefined],
    ['chat00000007', 'render', undefined]]);
  stop();
  delete globalThis.EventSource;
});

test('a refused stream is retried after a backoff with fresh grants from a re-render, one EventSource at a time', async () => {
  const sources = fakeEventSource();
  let grant = 1;
  const calls = boot(chat('chat00000005', ['room:a'], { 'room:a': '1000.old' }), (b) => ok(b, b.type === 'render' ? {
    h: `<div diff:id="chat00000005" diff:component="chat" diff:listeners='["said"]' diff:channels='["room:a"]' diff:grants='{"room:a":"2000.new${grant++}"}'><p>y</p></div>`,
    st: {}, v: b.snapshot.version,
  } : {}), AJAX, { streamRetry: 40 });
  assert.equal(sources.length, 1);
  sources[0].fail();
  await sleep(80);
  assert.equal(bodies(calls).length, 0, 'a network failure is the browser\'s to retry');
  assert.equal(sources.length, 1);

  sources[0].refuse();
  assert.equal(sources[0].closed, true);
  await settle();
  assert.equal(bodies(calls).length, 0, 'not at once: after a backoff');
  await waitFor(() => sources.length === 2);
  assert.deepEqual(bodies(calls).map((b) => b.type), ['render']);
  assert.equal(sources[1].url, '/ctx/_diffyne/events?channels=room:a~2000.new1');
  assert.equal(sources.filter((s) => !s.closed).length, 1);

  // refused again (a limit, say): the next wait is longer; once a stream opens, the backoff starts over
  sources[1].refuse();
  const refusedAt = Date.now();
  await waitFor(() => sources.length === 3);
  assert.ok(Date.now() - refusedAt >= 35, 'the second wait is at least 40 ms (twice 40 ms times [0.5, 1))');
  assert.equal(sources[2].url, '/ctx/_diffyne/events?channels=room:a~2000.new2');
  sources[2].open();
  stop();
  assert.equal(sources.filter((s) => !s.closed).length, 0);
  delete globalThis.EventSource;
});

test('an answer whose channels changed brings their grants: the stream follows them', async () => {
  const sources = fakeEventSource();
  boot(chat('chat00000006', ['room:a'], { 'room:a': '1000.ga' }), (b) => ok(b, { g: { 'room:b': '3000.gb' } }));
  assert.equal(sources[0].url, '/ctx/_diffyne/events?channels=room:a~1000.ga');
  api.call('chat00000006', 'move', 'b');
  await settle();
  assert.equal(sources[0].closed, true);
  assert.deepEqual(sources.map((s) => s.url).slice(1), ['/ctx/_diffyne/events?channels=room:b~3000.gb']);
  const el = $('[diff\\:id="chat00000006"]');
  assert.deepEqual([el.getAttribute('diff:channels'), el.getAttribute('diff:grants')], ['["room:b"]', '{"room:b":"3000.gb"}']);
  delete globalThis.EventSource;
});

test('while the socket is down after a failure, listening components get broadcasts from the EventSource; not once it is back', async () => {
  const sources = fakeEventSource();
  const calls = boot(chat('chat00000003', ['room:a'], { 'room:a': '1000.ga' }),
    (b) => ok(b), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne' });
  assert.equal(sources.length, 0, 'no stream while the first connection is being made');
  FakeSocket.last.drop();
  await settle();
  assert.deepEqual(sources.map((s) => s.url), ['/ctx/_diffyne/events?channels=room:a~1000.ga']);
  sources[0].fire({ channel: 'room:a', seq: 1, name: 'said', pass: 'b1.p' });
  await settle();
  assert.deepEqual(bodies(calls).map((b) => [b.type, b.event]), [['event', 'said']], 'sent over AJAX');
  await waitFor(() => FakeSocket.all.length === 2); // the background retry
  FakeSocket.last.open();
  await settle();
  assert.equal(sources[0].closed, true, 'back on the socket: pushes come there');
  assert.equal(sources.length, 1);
  delete globalThis.EventSource;
});

test('a stream standing in for a dropped socket starts where the socket stopped, and the socket resumes where the stream stopped', async () => {
  const sources = fakeEventSource();
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  const calls = boot(chat('chat00000008', ['room:a'], { 'room:a': '1000.ga' }, ` diff:heads='{"room:a":{"ep":"E","seq":0}}'`),
    async (b) => { await held; return ok(b); }, { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne' });
  const first = FakeSocket.last;
  first.open();
  first.receive('diffyne.push', { channel: 'room:a', ep: 'E', seq: 1, responses: [] });
  first.drop();
  await settle();
  assert.deepEqual(sources.map((s) => s.url), ['/ctx/_diffyne/events?channels=room:a~1000.ga~1~E'],
    'from the socket\'s last push: the stream does not relay seq 1 again');
  sources[0].fire({ channel: 'room:a', ep: 'E', seq: 1 }, 'diffyne.head');
  sources[0].fire({ channel: 'room:a', ep: 'E', seq: 2, name: 'said', pass: 'p2' });
  await settle();
  assert.deepEqual(bodies(calls).map((b) => [b.type, b.pass, b.snapshot.version]), [['event', 'p2', 1]]);
  // the socket is back while that event's answer is still on its way over AJAX
  await waitFor(() => FakeSocket.all.length === 2);
  const second = FakeSocket.last;
  second.open();
  const resumes = () => second.sent.filter((m) => m.event === 'diffyne.resume').map((m) => m.data);
  assert.deepEqual(resumes().map((r) => [r.channels, r.components.map((c) => c.version)]),
    [[{ 'room:a': { ep: 'E', seq: 2 } }, [1]]], 'seq 2 came by the stream: not asked for again');
  answer();
  await settle();
  // the server knew version 2 (the AJAX answer) and refused version 1 on the socket: version 2 registers there
  assert.deepEqual(resumes().map((r) => [r.channels, r.components.map((c) => c.version)]),
    [[{ 'room:a': { ep: 'E', seq: 2 } }, [1]], [{ 'room:a': { ep: 'E', seq: 2 } }, [2]]]);
  assert.equal(sources[0].closed, true);
  delete globalThis.EventSource;
});

test('an answer over AJAX while the socket is open registers the listening component there, unless it is too big for the socket', async () => {
  const big = 'x'.repeat(1500);
  const calls = boot(chat('chat00000009', ['room:a'], { 'room:a': '1000.ga' }) + component('chat00000010', 'chat',
    { text: big }, '<p>y</p>', ` diff:listeners='["said"]' diff:channels='["room:a"]'`),
  (b) => ok(b), { endpoint: '/ctx/_diffyne', ws: '/ctx/diffyne', maxMessageSize: 2000 });
  const ws = FakeSocket.last;
  ws.open();
  const resumes = () => ws.sent.filter((m) => m.event === 'diffyne.resume').map((m) => m.data.components.map((c) => c.id));
  assert.deepEqual(resumes(), [], 'the two snapshots are too big for one resume on open: none is sent');
  // both answered over AJAX (a request that left before the socket opened, say)
  for (const id of ['chat00000009', 'chat00000010']) {
    await apply(client.components.get(id), ok({ requestId: 'r', snapshot: client.components.get(id).snapshot }));
  }
  assert.deepEqual(resumes(), [['chat00000009']], 'the small one registers, the big one stays off the socket');
  assert.equal(bodies(calls).length, 0);
});
