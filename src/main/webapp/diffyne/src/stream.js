// Broadcasts for components on AJAX (a page with DIFFYNE_TRANSPORT=ajax, diff:transport="ajax", or every
// component while the socket is down after a failure: the fallback must not go deaf to the room): one
// EventSource on {endpoint}/events?channels=… for the channels of the listening ones; each `diffyne.broadcast`
// {channel, ep, seq, name, data, pass} becomes an `event` request (relaying the pass) of every such component listening to that name on that
// channel (the global channel "" reaches all). Components on the socket get theirs as pushes instead.
import { EVENT, PATH_EVENTS, SSE_BROADCAST, TRANSPORT_AJAX } from './constants.js';
import { client } from './client.js';
import { send } from './component.js';

let source = null;
let current = null;
// true from a socket failure until it is open again (not while the first connection is still being made, so a
// page on a working socket never opens a stream; reconnect attempts in between keep it open)
let fallback = false;

const onAjax = (c) => c.listeners.length && (c.ajax || fallback || client.config.transport === TRANSPORT_AJAX);

/** Status hook: follows the socket, opening the stream while it is down and closing it once it is back. */
export function onSocketState(state) {
  const was = fallback;
  if (state === 'disconnected') fallback = true;
  if (state === 'connected' || state === 'ajax') fallback = false;
  if (was !== fallback) syncStream();
}

function onBroadcast(e) {
  let m;
  try { m = JSON.parse(e.data); } catch { return; }
  for (const c of [...client.components.values()]) {
    if (onAjax(c) && c.listeners.includes(m.name) && (!m.channel || c.channels.includes(m.channel))) {
      send(c, { type: EVENT, event: m.name, data: m.data, pass: m.pass });
    }
  }
}

/** afterUpdate hook: (re)opens the stream when the set of channels changed, closes it when none is needed. */
export function syncStream() {
  const comps = [...client.components.values()].filter(onAjax);
  const channels = [...new Set(comps.flatMap((c) => c.channels))].sort().join(',');
  const want = comps.length && typeof EventSource === 'function' ? channels : null;
  if (want === current) return;
  closeStream();
  current = want;
  if (want == null) return;
  source = new EventSource(client.config.endpoint + PATH_EVENTS + '?channels=' + encodeURIComponent(want));
  source.addEventListener(SSE_BROADCAST, onBroadcast);
}

export function closeStream() {
  if (source) source.close();
  source = null;
  current = null;
}

/** Forgets the socket state (stop()). */
export function resetStream() {
  closeStream();
  fallback = false;
}
