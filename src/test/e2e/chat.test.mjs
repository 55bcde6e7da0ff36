// The seed's chat room: messages reach every browser in the same room and no other; each browser is its own
// context (own cookies), like separate people. Rooms are unique per test so runs never see each other's messages.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { component, e2e, recordAjax, until, useBrowser } from './support.mjs';

useBrowser();

const room = () => 'e2e-' + randomBytes(4).toString('hex');
const chatPath = (r, name) => `/chat?room=${r}&name=${encodeURIComponent(name)}`;
const lines = (page) => component(page, 'chat-room').locator('.messages li:not(.empty)');
const said = (page) => lines(page).evaluateAll((lis) => lis.map((li) => li.querySelector('b').textContent + ': '
  + [...li.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim()));

async function send(page, text) {
  const chat = component(page, 'chat-room');
  await chat.locator('[name="newMessage"]').fill(text);
  await chat.getByRole('button', { name: 'Send' }).click();
}

async function sees(page, expected) {
  await until(async () => JSON.stringify(await said(page)) === JSON.stringify(expected));
  assert.deepEqual(await said(page), expected);
}

e2e('chat: two browsers in one room see each other, a third in another room sees none of it', async (s) => {
  const general = room();
  const other = room();
  const ada = await s.open(chatPath(general, 'Ada'));
  const bob = await s.open(chatPath(general, 'Bob'));
  const eve = await s.open(chatPath(other, 'Eve'));
  assert.equal(await component(ada, 'chat-room').locator('.room').textContent(), '#' + general);
  assert.equal(await component(ada, 'chat-room').locator('[name="newMessage"]').getAttribute('placeholder'), 'Message as Ada');
  // where the server has a default datasource (Payara, WildFly) the messages go through JPA, not the in-memory fallback;
  // the runner says which the server under test has (E2E_CHAT_STORAGE: Tomcat has no JPA, so memory)
  assert.equal(await component(ada, 'chat-room').locator('.storage').textContent(),
    `Messages are kept in ${process.env.E2E_CHAT_STORAGE || 'database (JPA)'}.`);

  await send(ada, 'Hello from Ada');
  await sees(ada, ['Ada: Hello from Ada']);
  await sees(bob, ['Ada: Hello from Ada']);
  assert.equal(await component(ada, 'chat-room').locator('[name="newMessage"]').inputValue(), '', 'sent: field emptied');

  await send(bob, 'Hi Ada, Bob here');
  await sees(ada, ['Ada: Hello from Ada', 'Bob: Hi Ada, Bob here']);
  await sees(bob, ['Ada: Hello from Ada', 'Bob: Hi Ada, Bob here']);

  await send(eve, 'Anyone in here?');
  await sees(eve, ['Eve: Anyone in here?']);
  await ada.waitForTimeout(700); // a leak from the other room would arrive within this
  assert.deepEqual(await said(ada), ['Ada: Hello from Ada', 'Bob: Hi Ada, Bob here']);
  assert.deepEqual(await said(bob), ['Ada: Hello from Ada', 'Bob: Hi Ada, Bob here']);
  assert.deepEqual(await said(eve), ['Eve: Anyone in here?']);

  // a newcomer to the room gets the history
  const cy = await s.open(chatPath(general, 'Cy'));
  await sees(cy, ['Ada: Hello from Ada', 'Bob: Hi Ada, Bob here']);
});

e2e('chat: a required message of at most 500 characters, errors shown next to the field', async (s) => {
  const ada = await s.open(chatPath(room(), 'Ada'));
  const chat = component(ada, 'chat-room');
  const error = chat.locator('[diff\\:error="newMessage"]');
  const field = chat.locator('[name="newMessage"]');

  await chat.getByRole('button', { name: 'Send' }).click();
  await error.filter({ hasText: 'The new message field is required.' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const [f, e] = [await field.boundingBox(), await error.boundingBox()];
  assert.ok(Math.abs(e.y - f.y) < 60 && e.x >= f.x, 'the error sits beside the field');

  const long = 'x'.repeat(501);
  await field.fill(long);
  await chat.getByRole('button', { name: 'Send' }).click();
  await error.filter({ hasText: 'The new message may not be greater than 500 characters.' }).waitFor();
  assert.equal(await field.inputValue(), long, 'the input is kept');
  assert.equal(await lines(ada).count(), 0);

  await field.fill('x'.repeat(500));
  await chat.getByRole('button', { name: 'Send' }).click();
  await lines(ada).first().waitFor();
  assert.equal(await error.textContent(), '');
  assert.equal(await field.getAttribute('aria-invalid'), null);
});

/** Opens `path` in a browser whose WebSocket is refused (so it is on AJAX), recording its AJAX bodies in `page.ajax`. */
async function openOnAjax(s, path, setup = async () => {}) {
  let ajax;
  const page = await s.open(path, {
    waitConnected: false,
    setup: async (p) => {
      ajax = recordAjax(p);
      await p.routeWebSocket(/\/diffyne(\?|$)/, (ws) => ws.close({ code: 1006 }));
      await setup(p);
    },
  });
  page.ajax = ajax;
  return page;
}

e2e('chat: a browser whose WebSocket is refused still sends and receives the room\'s messages', async (s) => {
  const general = room();
  const ada = await s.open(chatPath(general, 'Ada'));
  const bob = await openOnAjax(s, chatPath(general, 'Bob'));
  const { ajax } = bob;
  await bob.waitForFunction(() => document.documentElement.classList.contains('diffyne-disconnected'));

  await send(bob, 'Bob over AJAX');
  await sees(bob, ['Bob: Bob over AJAX']);
  await sees(ada, ['Bob: Bob over AJAX']);
  assert.equal(ajax.calls('sendMessage').length, 1);

  await send(ada, 'Ada over WebSocket');
  await sees(ada, ['Bob: Bob over AJAX', 'Ada: Ada over WebSocket']);
  await sees(bob, ['Bob: Bob over AJAX', 'Ada: Ada over WebSocket']);
});

e2e('chat: a refused event stream (an expired grant, say) is opened again with fresh grants after a re-render', async (s) => {
  const general = room();
  const streams = [];
  const ada = await s.open(chatPath(general, 'Ada'));
  // the server's answer to a grant that expired, once; the browser's EventSource gives up on it
  const bob = await openOnAjax(s, chatPath(general, 'Bob'), (p) => p.route(/\/_diffyne\/events\?/, (route) => {
    streams.push(new URL(route.request().url()).searchParams.get('channels'));
    if (streams.length > 1) return route.continue();
    return route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ s: false,
      error: `The grant for channel 'chat.${general}' has expired`, type: 'security_error' }) });
  }));
  const { ajax } = bob;
  assert.ok(await until(() => streams.length === 2), 'the stream is opened again: ' + JSON.stringify(streams));
  assert.deepEqual(ajax.filter((b) => b.type === 'render').length, 1, 'one re-render brought the fresh grant');
  const [refused, fresh] = streams.map((q) => q.split('~'));
  assert.equal(refused[0], 'chat.' + general);
  assert.equal(fresh[0], 'chat.' + general);
  assert.ok(+fresh[1].split('.')[0] > +refused[1].split('.')[0], `a later grant: ${streams}`);

  await send(ada, 'Ada after the refusal');
  await sees(bob, ['Ada: Ada after the refusal']);
  assert.equal(streams.length, 2, 'one EventSource, not a storm');
});

e2e('chat: a message sent between a page\'s render and its connection reaches it, over WebSocket and over an event stream', async (s) => {
  const general = room();
  const ada = await s.open(chatPath(general, 'Ada'));
  let release;
  const held = new Promise((r) => { release = r; });
  // Bob's socket and Cy's event stream reach the server only once Ada's message is stored and broadcast: the pages
  // were rendered before it, and no connection of theirs was registered when it went out
  const bob = await s.open(chatPath(general, 'Bob'), {
    waitConnected: false,
    setup: (p) => p.routeWebSocket(/\/diffyne(\?|$)/, async (ws) => { await held; ws.connectToServer(); }),
  });
  const cy = await openOnAjax(s, chatPath(general, 'Cy'), (p) => p.route(/\/_diffyne\/events\?/, async (route) => {
    await held;
    return route.continue();
  }));
  await send(ada, 'before they connected');
  await sees(ada, ['Ada: before they connected']);
  assert.deepEqual(await said(bob), [], 'rendered before the message');
  release();
  await bob.waitForFunction(() => document.documentElement.classList.contains('diffyne-connected'));
  await sees(bob, ['Ada: before they connected']);
  await sees(cy, ['Ada: before they connected']);
  // the stream named where Cy's markup stood, so it replayed the message first: relayed as an event, no render
  assert.deepEqual(cy.ajax.map((b) => b.type), ['event']);

  await send(ada, 'after');
  for (const page of [bob, cy]) await sees(page, ['Ada: before they connected', 'Ada: after']);
});
