// Wiring: reads the page config, starts the transport and the document listeners, mounts the components.
import { CALL, CONFIG_ID, RENDER } from './constants.js';
import { client, scan } from './client.js';
import { createStatus } from './status.js';
import { createTransport } from './transport.js';
import { DOM_EVENTS, emit, onDomEvent } from './events.js';
import { onPopState } from './query.js';
import { apply, send } from './component.js';
import { syncPolls } from './poll.js';
import { findLazy } from './lazy.js';
import { injectStyle } from './loading.js';
import { configureStream, onSocketState, resetStream, syncStream } from './stream.js';

/** The page config (protocol §1) from `<script type="application/json" id="diffyne-config">`. */
export function readConfig(doc = document) {
  const el = doc.getElementById(CONFIG_ID);
  return el ? JSON.parse(el.textContent) : null;
}

/** Applies a broadcast push `{channel, seq, responses}` to the components it names, in each one's order. */
function onPush(push) {
  for (const res of push.responses || []) {
    const comp = res.c && client.components.get(res.c.i);
    if (!comp) continue;
    comp.chain = comp.chain.then(() => {
      if (res.c.v > comp.snapshot.version) return apply(comp, res, {}, client.transport.epoch());
    });
  }
}

const listening = () => [...client.components.values()].filter((c) => c.listeners.length && !c.ajax);

/** The snapshots of the components a new connection should hold, so broadcasts reach them. */
const hello = () => listening().map((c) => c.snapshot);

/** Each listening channel's head as the page's markup was rendered: where a first connection resumes from. */
const heads = () => Object.assign({}, ...listening().map((c) => c.heads));

/** A channel's missed broadcasts could not all be replayed: its components are rendered afresh. */
function gap(channel) {
  for (const c of listening()) if (c.channels.includes(channel)) send(c, { type: RENDER });
}

/**
 * Starts Diffyne on the page. `opts` (tests): requestTimeout, heartbeat, ajaxTimeout, streamRetry (ms), random (for
 * jitter).
 * Returns the public API, also set as `window.Diffyne` by the bundle.
 */
export function start(config = readConfig(), opts = {}) {
  if (!config) throw new Error('Diffyne: no <script type="application/json" id="' + CONFIG_ID + '"> on the page');
  client.config = config;
  client.status = createStatus(onSocketState);
  client.transport = createTransport(config, client.status, { push: onPush, hello, heads, gap }, opts);
  client.afterUpdate = [syncPolls, findLazy, syncStream];
  configureStream(opts);
  injectStyle();
  for (const type in DOM_EVENTS) document.addEventListener(type, onDomEvent);
  addEventListener('popstate', onPopState);
  client.transport.start();
  scan(document);
  return api;
}

/** Stops everything start() began (listeners, socket, timers) and forgets the components. */
export function stop() {
  for (const type in DOM_EVENTS) document.removeEventListener(type, onDomEvent);
  removeEventListener('popstate', onPopState);
  if (client.transport) client.transport.stop();
  resetStream();
  for (const comp of client.components.values()) syncPolls(comp, null, true);
  client.components.clear();
  client.handlers.clear();
}

const find = (c) => (typeof c === 'string' ? client.components.get(c) : c && client.components.get(c.closest('[diff\\:id]').getAttribute('diff:id')));

export const api = {
  start,
  stop,
  /** status: {socket, offline, latency, clientId, queued} */
  get status() { return client.status && client.status.status; },
  get components() { return client.components; },
  /** JS listener for component events. Returns a function that removes it. */
  on(name, fn) {
    if (!client.handlers.has(name)) client.handlers.set(name, new Set());
    client.handlers.get(name).add(fn);
    return () => client.handlers.get(name).delete(fn);
  },
  /** Raises a component event from JS, as if a component had dispatched it. */
  dispatch: (name, data, to) => emit([{ name, data, to }], null),
  /** Calls a method of a component (its id or any element inside it). */
  call: (c, method, ...params) => send(find(c), { type: CALL, method, params }),
};
