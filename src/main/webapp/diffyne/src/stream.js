// Broadcasts for components on AJAX (a page with DIFFYNE_TRANSPORT=ajax, diff:transport="ajax", or every
// component while the socket is down after a failure: the fallback must not go deaf to the room): one
// EventSource on {endpoint}/events?channels=<channel>~<grant>,… for the channels of the listening ones, each with
// the grant the server issued with a component on it (diff:grants; protocol §6). Each `diffyne.broadcast`
// {channel, ep, seq, name, pass} becomes an `event` request relaying the pass (which carries the data, sealed) of every
// such component listening to that name on that channel. Components on the socket get theirs as pushes instead.
//
// A refused stream (an expired or foreign grant, too many streams: EventSource then gives up for good) is retried
// after a backoff (1 s doubling to 60 s, with jitter; reset once a stream opens): the stream's components are
// rendered afresh first, which brings fresh grants and whatever they missed meanwhile, then one stream opens again.
import { EVENT, PATH_EVENTS, RENDER, SSE_BROADCAST, SSE_HEAD, TRANSPORT_AJAX } from './constants.js';
import { client } from './client.js';
import { send } from './component.js';
import { backoff } from './transport.js';

const CLOSED = 2;

let source = null;
let current = null;
// true from a socket failure until it is open again (not while the first connection is still being made, so a
// page on a working socket never opens a stream; reconnect attempts in between keep it open)
let fallback = false;
let refusals = 0;
let retryTimer = null;
let recovering = false;
let options = { retry: 1000, random: Math.random };
let seen = {};

const onAjax = (c) => c.listeners.length && (c.ajax || fallback || client.config.transport === TRANSPORT_AJAX);

/** start() options: `streamRetry` (ms, the first delay after a refusal), `random` (jitter). */
export function configureStream(opts = {}) {
  options = { retry: opts.streamRetry || 1000, random: opts.random || Math.random };
}

/** Status hook: follows the socket, opening the stream while it is down and closing it once it is back. */
export function onSocketState(state) {
  const was = fallback;
  if (state === 'disconnected') fallback = true;
  if (state === 'connected' || state === 'ajax') fallback = false;
  if (was !== fallback) syncStream();
}

/**
 * The socket's record of channels while the stream stands in for it, for a channel only the socket's components listen
 * on (they share it then); else none.
 */
const shared = (ch) => fallback && ![...client.components.values()].some((c) => c.ajax && c.channels.includes(ch))
  && client.transport.seqs;

/**
 * Where the page stands on `ch`: the socket's record while the stream stands in for it (so a stream opened after a
 * dropped socket starts where the socket stopped, and what the page has is not relayed again), else the last {ep, seq}
 * a stream gave, else the markup's head.
 */
function at(ch) {
  const socket = shared(ch);
  let last = (socket && socket[ch]) || seen[ch];
  for (const c of client.components.values()) last = last || (c.heads && c.heads[ch]);
  return last;
}

/**
 * Whether `m` ({channel, ep, seq}: a broadcast, or with `head` the stream's first word on a channel) shows that
 * broadcasts were missed: numbers skipped since the last one a stream gave (or the markup's head), or another log;
 * 'seen' for one already had. Its own record (the socket's pushes go to other components), but for a channel only
 * the socket's components listen on while the stream stands in for the socket: then the two records go together.
 */
function missed(m, head) {
  const last = at(m.channel);
  if (m.ep == null || typeof m.seq !== 'number') return false;
  const known = !last ? m.seq - !head : last.ep == null || last.ep === m.ep ? last.seq : -1;
  if (!head && m.seq <= known) return 'seen';
  seen[m.channel] = { ep: m.ep, seq: Math.max(m.seq, known) };
  // and the socket's record follows, so its resume does not ask for what the stream brought
  const socket = shared(m.channel);
  if (socket) socket[m.channel] = seen[m.channel];
  return known < 0 || m.seq > known + !head;
}

function onEvent(e, head) {
  let m;
  try { m = JSON.parse(e.data); } catch { return; }
  const gap = missed(m, head);
  if (gap === 'seen') return;
  for (const c of [...client.components.values()]) {
    if (onAjax(c) && c.channels.includes(m.channel)) {
      // after a gap the component is rendered afresh, which includes this broadcast too
      if (gap) send(c, { type: RENDER });
      else if (!head && c.listeners.includes(m.name)) send(c, { type: EVENT, event: m.name, pass: m.pass });
    }
  }
}

const expiry = (grant) => parseInt(grant, 10) || 0;

/** `channel~grant`, the grant being the latest-expiring one any of `comps` holds for it (none: refused, then renewed). */
function entry(channel, comps) {
  let best = '';
  for (const c of comps) {
    const g = c.grants && c.grants[channel];
    if (typeof g === 'string' && expiry(g) >= expiry(best)) best = g;
  }
  // and where the page stands on it, so the stream first replays what it missed
  const p = at(channel);
  const raw = best ? channel + '~' + best + (p ? '~' + p.seq + (p.ep ? '~' + p.ep : '') : '') : channel;
  return encodeURIComponent(raw).replace(/%3A/g, ':').replace(/%2F/g, '/');
}

function open(channels, comps) {
  const url = client.config.endpoint + PATH_EVENTS + '?channels=' + channels.map((ch) => entry(ch, comps)).join(',');
  const es = (source = new EventSource(url));
  es.addEventListener(SSE_BROADCAST, (e) => onEvent(e));
  es.addEventListener(SSE_HEAD, (e) => onEvent(e, 1));
  es.onopen = () => { refusals = 0; };
  // a network failure leaves it CONNECTING (the browser retries by itself); an answer other than a stream closes it
  es.onerror = () => { if (es === source && es.readyState === CLOSED) refused(); };
}

function refused() {
  source.close();
  source = null;
  clearTimeout(retryTimer);
  // the socket's backoff, scaled: 1 s doubling to 60 s by default
  retryTimer = setTimeout(recover, (backoff(refusals++, options.random) * options.retry) / 500);
}

/** Renders the refused stream's components afresh (fresh grants), then opens one stream for them all. */
async function recover() {
  retryTimer = null;
  const comps = [...client.components.values()].filter(onAjax);
  recovering = true;
  try {
    await Promise.all(comps.map((c) => send(c, { type: RENDER })));
  } finally {
    recovering = false;
  }
  current = null;
  syncStream();
}

/** afterUpdate hook: (re)opens the stream when the set of channels changed, closes it when none is needed. */
export function syncStream() {
  if (recovering) return;
  const comps = [...client.components.values()].filter(onAjax);
  const channels = [...new Set(comps.flatMap((c) => c.channels))].sort();
  const want = comps.length && channels.length && typeof EventSource === 'function' ? channels.join(',') : null;
  if (want === current) return;
  closeStream();
  current = want;
  if (want != null) open(channels, comps);
}

export function closeStream() {
  if (source) source.close();
  source = null;
  current = null;
  clearTimeout(retryTimer);
  retryTimer = null;
}

/** Forgets the socket state and the refusals (stop()). */
export function resetStream() {
  closeStream();
  fallback = false;
  refusals = 0;
  seen = {};
  recovering = false;
}
