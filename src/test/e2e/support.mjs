// Shared by the end-to-end tests: one headless Chromium per test file (chosen by browser.mjs, driven by
// playwright-core), a fresh browser context per page, every page's console kept, and on failure a screenshot plus the
// console log of each page under target/e2e/, their paths printed. Run through scripts/e2e.mjs, which sets
// E2E_BASE_URL and CHROMIUM.
import { after, before, test } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chooseBrowser, launch } from './browser.mjs';

export const BASE = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
/** The application's context path without a trailing slash: '' at the root, '/diffyne' under it. */
export const CONTEXT = new URL(BASE).pathname.replace(/\/$/, '');
/** The server's origin: what a path the page renders (which starts with CONTEXT) is resolved against. */
export const ORIGIN = new URL(BASE).origin;
const OUT = resolve(process.env.E2E_OUT || 'target/e2e');

/** Upper bound of one test, browser work included. */
export const TEST_TIMEOUT_MS = 60_000;
/** Upper bound of one Playwright wait or action. */
export const STEP_TIMEOUT_MS = 10_000;

let browser;

/** Registers the file's browser: launched before its first test, closed after its last. */
export function useBrowser() {
  before(async () => {
    const choice = await chooseBrowser();
    // the runner announces its choice and hands it down as CHROMIUM; a file run on its own says what it chose
    if (choice.source !== 'CHROMIUM') console.log(`e2e: browser ${choice.path} (${choice.why})`);
    browser = await launch(choice);
  });
  after(async () => {
    if (browser) await browser.close();
  });
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/**
 * One end-to-end test. `fn(session)` opens pages through `session.open(path, options)`; each page gets its own
 * browser context (own cookies and storage, like another browser). Uncaught page errors fail the test.
 */
export function e2e(name, fn, { timeout = TEST_TIMEOUT_MS } = {}) {
  test(name, { timeout }, async (t) => {
    const pages = [];
    const contexts = [];
    const session = {
      /** Opens `path` in a new context; `setup(page, context)` runs before navigation (routes, listeners). */
      async open(path = '/', { setup, waitConnected = true } = {}) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        contexts.push(context);
        context.setDefaultTimeout(STEP_TIMEOUT_MS);
        const page = await context.newPage();
        const log = [];
        const errors = [];
        page.on('console', (m) => log.push(`[${new Date().toISOString()}] ${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => {
          errors.push(e);
          log.push(`[${new Date().toISOString()}] pageerror: ${e.stack || e.message}`);
        });
        pages.push({ page, log, errors });
        if (setup) await setup(page, context);
        await page.goto(BASE + path);
        if (waitConnected) await connected(page);
        return page;
      },
    };
    try {
      await fn(session);
      for (const p of pages) {
        if (p.errors.length) throw new Error(`uncaught error in the page: ${p.errors[0].stack || p.errors[0]}`);
      }
    } catch (e) {
      await saveArtifacts(t, name, pages);
      throw e;
    } finally {
      await Promise.allSettled(contexts.map((c) => c.close()));
    }
  });
}

async function saveArtifacts(t, name, pages) {
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, slug(name));
  for (const [i, { page, log }] of pages.entries()) {
    const png = `${base}-${i + 1}.png`;
    const txt = `${base}-${i + 1}.console.log`;
    try {
      await page.screenshot({ path: png, fullPage: true, timeout: 5000 });
    } catch (e) {
      log.push(`(screenshot failed: ${e.message})`);
    }
    writeFileSync(txt, log.join('\n') + '\n');
    t.diagnostic(`e2e failure artifacts: ${png} ${txt}`);
  }
}

/** Waits until the client's WebSocket is open (the `diffyne-connected` class on <html>). */
export function connected(page) {
  return page.waitForFunction(() => document.documentElement.classList.contains('diffyne-connected'));
}

/** The component root whose `diff:component` is `name` (the first one). */
export function component(page, name) {
  return page.locator(`[diff\\:component="${name}"]`).first();
}

const C_KEYS = ['i', 'p', 'sd', 'st', 'h', 'v', 'sig', 'e', 'q', 'g'];

/**
 * A frame as the envelope `{event, data}` it stands for: protocol v2 sends requests bare (their `type` names them)
 * and answers them bare, the component's members at the top (docs/protocol.md section 7).
 */
function envelope(m, sent) {
  if (!m || typeof m !== 'object' || m.raw !== undefined) return m;
  if (sent) return m.type === undefined ? m : { event: m.type === 'update' ? 'diffyne.update' : 'diffyne.call', data: m };
  if (m.event !== undefined) return m;
  const data = { s: !m.type };
  for (const k in m) {
    if (C_KEYS.includes(k)) (data.c = data.c || {})[k] = m[k];
    else data[k] = m[k];
  }
  return { event: 'diffyne.response', data };
}

/**
 * Records the WebSocket frames of `page` (call before navigation): `frames.sent` / `frames.received` hold the parsed
 * envelopes `{event, data}` (bare v2 requests and answers given as the envelopes they stand for), `frames.sockets`
 * every socket opened.
 */
export function recordFrames(page) {
  const frames = { sent: [], received: [], sockets: [] };
  page.on('websocket', (ws) => {
    frames.sockets.push(ws);
    const parse = (f) => {
      try { return JSON.parse(f.payload); } catch { return { raw: String(f.payload) }; }
    };
    ws.on('framesent', (f) => frames.sent.push(envelope(parse(f), true)));
    ws.on('framereceived', (f) => frames.received.push(envelope(parse(f), false)));
  });
  frames.calls = (method) => frames.sent.filter((e) => e.event === 'diffyne.call' && (!method || e.data.method === method));
  return frames;
}

/** Records the AJAX action requests (POST {ctx}/_diffyne/update) of `page`: their parsed bodies. */
export function recordAjax(page) {
  const bodies = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/_diffyne/update')) {
      try { bodies.push(JSON.parse(r.postData())); } catch { bodies.push({ raw: r.postData() }); }
    }
  });
  bodies.calls = (method) => bodies.filter((b) => b.type === 'call' && (!method || b.method === method));
  return bodies;
}

/** Polls `read()` until it returns a truthy value or `ms` passes; returns the last value. */
export async function until(read, ms = STEP_TIMEOUT_MS, every = 50) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, every));
  }
}
