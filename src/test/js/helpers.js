// Test fixtures: a jsdom page installed as the globals the client uses, a scriptable WebSocket and fetch.
import { JSDOM } from 'jsdom';

/** Installs a fresh jsdom page (body `html`) as the browser globals. */
export function page(html = '', url = 'https://app.test/ctx/page') {
  const dom = new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`, { url, pretendToBeVisual: true });
  const w = dom.window;
  const set = (k, v) => Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
  set('window', w);
  for (const k of ['document', 'Node', 'HTMLElement', 'CustomEvent', 'Event', 'KeyboardEvent', 'MouseEvent',
    'DOMParser', 'FormData', 'File', 'history', 'location']) set(k, w[k]);
  set('addEventListener', w.addEventListener.bind(w));
  set('removeEventListener', w.removeEventListener.bind(w));
  set('dispatchEvent', w.dispatchEvent.bind(w));
  set('IntersectionObserver', undefined);
  set('WebSocket', FakeSocket);
  FakeSocket.all = [];
  return dom;
}

/** Lets pending promise callbacks (and jsdom events) run. */
export const settle = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A WebSocket the test opens, feeds and drops. `sent` holds the parsed envelopes. */
export class FakeSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeSocket.all.push(this);
  }
  static get last() {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
  send(text) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  open(clientId = 'c1') {
    this.readyState = 1;
    this.onopen && this.onopen({});
    this.receive('diffyne.connected', { clientId });
  }
  /** The connection failed or dropped. */
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose && this.onclose({ code });
  }
  receive(event, data) {
    this.onmessage && this.onmessage({ data: JSON.stringify({ event, data }) });
  }
  /**
   * Sent envelopes of one event name (requests by default). Requests travel bare (protocol v2): they are given
   * here as the envelope `{event, data}` they stand for.
   */
  requests(event) {
    const all = this.sent.map((m) => (m.type !== undefined
      ? { event: m.type === 'update' ? 'diffyne.update' : 'diffyne.call', data: m } : m));
    return all.filter((m) => (event ? m.event === event : m.event === 'diffyne.call' || m.event === 'diffyne.update'));
  }
  /** A bare answer (protocol v2): the next request's, in order. */
  answer(body) {
    this.onmessage && this.onmessage({ data: JSON.stringify(body) });
  }
}

/**
 * Installs a fake fetch. `handler(url, body)` returns the JSON answer, `{status, json}`, or throws to simulate
 * a network failure. `calls` records [url, parsed body].
 */
export function fakeFetch(handler) {
  const calls = [];
  globalThis.fetch = async (url, init = {}) => {
    let body = init.body;
    try { body = JSON.parse(init.body); } catch { /* not JSON */ }
    calls.push([url, body]);
    const out = await handler(url, body, init);
    const status = out && out.status && out.json !== undefined ? out.status : 200;
    const json = out && out.status && out.json !== undefined ? out.json : out;
    return { status, ok: status < 300, url, json: async () => json, text: async () => (typeof json === 'string' ? json : JSON.stringify(json)) };
  };
  return calls;
}

/** Root markup of a component with a snapshot. */
export function component(id, name, state, inner, extra = '') {
  const snap = JSON.stringify({ component: name, id, version: 1, state, sig: 'sig1' }).replace(/'/g, '&#39;');
  return `<div diff:id="${id}" diff:component="${name}" diff:snapshot='${snap}'${extra}>${inner}</div>`;
}

/** Protocol §5 node JSON of a DOM node, children by the protocol's rule (for tree comparisons). */
/** One element parsed from `html` and put into the document (in a host div, so it can be replaced). */
export function mount(html) {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  const host = document.createElement('div');
  document.body.appendChild(host);
  host.appendChild(t.content.firstElementChild);
  return host.firstElementChild;
}

export function toJson(node) {
  if (node.nodeType === 3) return { x: node.data };
  if (node.nodeType === 8) return { m: node.data };
  const out = { t: node.localName };
  if (node.attributes.length) {
    out.a = {};
    for (const a of node.attributes) out.a[a.name] = a.value;
  }
  const kids = [...node.childNodes].filter((n) => n.nodeType === 1 || n.nodeType === 8 || (n.nodeType === 3 && !/^[ \t\n\r\f]*$/.test(n.data)));
  if (kids.length) out.c = kids.map(toJson);
  return out;
}

/** Waits until `fn()` is truthy (checked every 5 ms), failing after `ms` (generous: timers fire late under load). */
export async function waitFor(fn, ms = 5000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + fn);
    await sleep(5);
  }
}
