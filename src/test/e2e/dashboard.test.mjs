// The operations dashboard (<ctx>/_diffyne/dashboard) in a real browser: refused to an anonymous visitor, opened with
// the run's DIFFYNE_DASHBOARD_KEY (scripts/e2e.mjs starts the server with one; ?key= is exchanged for a cookie), and
// its figures move while other pages click a counter and send a chat message (a broadcast). Leaves a screenshot of
// the dashboard in E2E_OUT (docs/dashboard.png is a copy of it). Asserts growth only: other tests share the server.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { BASE, component, connected, e2e, until, useBrowser } from './support.mjs';

const KEY = process.env.E2E_DASHBOARD_KEY;
const OUT = process.env.E2E_OUT || 'target/e2e';

useBrowser();

/** The number at the start of the figure tile's detail line ("12 since start"). */
const total = async (page, figure) => {
  const text = await page.locator(`[data-figure="${figure}"] .detail`).textContent();
  return Number(/^(\d+)/.exec(text.trim())?.[1] ?? NaN);
};

/** The counter's row in the per-component table: its action count. */
const counterActions = async (page) => {
  const row = page.locator('[data-component="counter"] td:nth-child(2)');
  return (await row.count()) ? Number(await row.textContent()) : 0;
};

e2e('dashboard: an anonymous visitor is refused with 403', async (s) => {
  const page = await s.open('/', { waitConnected: false });
  const response = await page.goto(BASE + '/_diffyne/dashboard');
  assert.equal(response.status(), 403);
  const body = JSON.parse(await response.text());
  assert.equal(body.type, 'security_error');
  assert.equal(body.s, false);
  assert.equal(await page.locator('[diff\\:component^="diffyne-ops/"]').count(), 0);
  const wrong = await page.goto(BASE + '/_diffyne/dashboard?key=not-the-key');
  assert.equal(wrong.status(), 403);
});

const keyed = KEY ? e2e : (name) => test(name, { skip: 'no E2E_DASHBOARD_KEY: the server\'s key is unknown' }, () => {});

keyed('dashboard: the key opens it, and clicks and a broadcast move its figures', async (s) => {
  const dash = await s.open('/_diffyne/dashboard?key=' + encodeURIComponent(KEY));
  assert.ok(new URL(dash.url()).search === '', 'the key left the address bar: ' + dash.url());
  await component(dash, 'diffyne-ops/figures').waitFor();
  assert.equal(await dash.locator('#ops-status').textContent(), 'UP');
  const actionsBefore = await total(dash, 'actions');
  const counterBefore = await counterActions(dash);
  const broadcastsBefore = await total(dash, 'broadcasts');
  assert.ok(Number.isFinite(actionsBefore) && Number.isFinite(broadcastsBefore));

  const demo = await s.open('/');
  const counter = component(demo, 'counter');
  for (let i = 0; i < 5; i++) await counter.getByRole('button', { name: '+' }).click();
  await counter.locator('.count').filter({ hasText: /^5$/ }).waitFor();
  // the panels poll every 2 s
  await until(async () => (await counterActions(dash)) >= counterBefore + 5, 15_000);
  await until(async () => (await total(dash, 'actions')) >= actionsBefore + 5, 15_000);

  const room = 'dash-' + Math.random().toString(36).slice(2, 8);
  const chat = await s.open(`/chat?room=${room}&name=Ops`);
  const chatRoom = component(chat, 'chat-room');
  await chatRoom.locator('[name="newMessage"]').fill('hello dashboard');
  await chatRoom.getByRole('button', { name: 'Send' }).click();
  await chatRoom.locator('.messages li', { hasText: 'hello dashboard' }).waitFor();
  await until(async () => (await total(dash, 'broadcasts')) >= broadcastsBefore + 1, 15_000);
  assert.ok(Number(await dash.locator('[data-figure="websocket"] .value').textContent()) >= 1);

  await connected(dash);
  await dash.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true });
}, { timeout: 90_000 });
