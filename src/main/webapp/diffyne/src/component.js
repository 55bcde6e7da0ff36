// Requests of one component are serialized (one in flight, the next waits), so each leaves with the snapshot its
// predecessor's answer produced, and answers are applied in order.
import { ATTR_CHANNELS, ATTR_GRANTS, CALL, EVENT, RENDER, SNAPSHOT_REQUIRED, STALE_SNAPSHOT, UPDATE, VALIDATION_ERROR } from './constants.js';
import { client, scan } from './client.js';
import { applyPatches, keepRootAttrs } from './patch.js';
import { keepFocus, parseElement } from './dom.js';
import { applyDelta } from './state.js';
import { parseAction } from './directives.js';
import * as loading from './loading.js';
import * as errors from './errors.js';
import * as model from './model.js';
import { syncQuery } from './query.js';
import { emit } from './events.js';
import { navigate } from './navigate.js';

// the server keys a requestId with the snapshot it starts from, which no other page holds: a counter is enough
let counter = 0;
const nextId = () => (++counter).toString(36);

const label = (req) => req.method || req.property || req.event || '$refresh';

/**
 * Queues `req` ({type, method, params} | {type, property, value} | {type, event, data} | {type: 'render'}) for
 * `comp`. Resolves with the answer (also a failure body), or undefined when the server stayed unreachable.
 */
export function send(comp, req) {
  if (req.type !== UPDATE) model.flushLive(comp);
  const action = label(req);
  loading.begin(comp, action);
  return (comp.chain = comp.chain
    .then(() => run(comp, req))
    .catch((e) => errors.report(comp, { s: false, type: e.type, error: e.message }))
    .finally(() => loading.end(comp, action)));
}

/**
 * A request's body (protocol §3): `params` only when there are some; `by` 'held' names the version the socket
 * holds (no signature: the connection has it), 'mounted' the page's snapshot the server may still hold (with its
 * signature), anything else sends the full snapshot.
 */
export function requestBody(req, requestId, s, by) {
  const { params, ...rest } = req;
  const b = { ...rest, requestId };
  if (params && params.length) b.params = params;
  if (by === 'held') b.ref = { id: s.id, version: s.version };
  else if (by === 'mounted') b.ref = { id: s.id, version: s.version, sig: s.sig };
  else b.snapshot = s;
  return b;
}

async function run(comp, req) {
  if (req.type === CALL || req.type === EVENT) {
    const updates = comp.deferred;
    comp.deferred = {};
    if (Object.keys(updates).length) req = { ...req, updates: { ...updates, ...req.updates } };
  }
  const since = model.seq();
  const requestId = nextId();
  let full = false;
  let fresh = false;
  let sent;
  for (;;) {
    const { res, via } = await client.transport.request(
      (epoch) => (sent = requestBody(req, requestId, comp.snapshot, full || !epoch ? 0
        : epoch === comp.held ? 'held' : comp.snapshot.version === 1 && !comp.held ? 'mounted' : 0)),
      comp.ajax,
    );
    // neither refusal ran the action nor is remembered by the server: resending under the same requestId is safe
    if (!res.s && res.type === SNAPSHOT_REQUIRED && !full) {
      comp.held = 0;
      full = true;
      continue;
    }
    if (!res.s && res.type === STALE_SNAPSHOT) {
      if (!fresh && comp.snapshot.version > (sent.snapshot || sent.ref).version) {
        fresh = true; // a newer snapshot arrived meanwhile: resend from it
        continue;
      }
      // the server issued a version this page never received (its answer was lost for good): only a fresh page
      // has the component's state, unless a diffyne:error listener takes over (preventDefault)
      if (errors.report(comp, res)) client.assign(location.href);
      return res;
    }
    await apply(comp, res, req, via, since);
    return res;
  }
}

/** Applies a section-4 answer to the page. `via` is the socket epoch it came over (0: AJAX), `since` the edit
 * sequence when the request left (fields edited later keep what the user typed). */
export async function apply(comp, res, req = {}, via = 0, since = model.seq()) {
  const target = (res.c && client.components.get(res.c.i)) || comp;
  // a failure may carry `c` too (a validation error re-renders with the messages): apply it first
  if (res.c && target) await update(target, res.c, req, via, since);
  if (!res.s) {
    if (res.type === VALIDATION_ERROR && target) {
      errors.strip(target);
      target.errors = res.errors || {};
      errors.show(target);
    }
    return errors.report(target, res);
  }
  if (res.events) emit(res.events, target);
  for (const b of res.browserEvents || []) window.dispatchEvent(new CustomEvent(b.name, { detail: b.data }));
  if (res.redirect) navigate(res.redirect);
}

async function update(comp, c, req, via, since) {
  loading.reset(comp);
  errors.strip(comp);
  const keep = model.keep(comp, since);
  let state;
  try {
    state = c.st !== undefined ? c.st : applyDelta(comp.snapshot.state, c.sd);
  } catch (e) {
    errors.report(comp, { s: false, type: 'state_error', error: e.message });
    return rerender(comp, req);
  }
  comp.snapshot = { ...comp.snapshot, version: c.v, sig: c.sig, state };
  comp.held = via;
  // an answer over AJAX while a socket is open (one that left before the socket came back, say): the socket holds an
  // older version of this listening component, or none (its resume named one the server knew a newer of), so it
  // registers this one there to stay on its channels
  if (!via && comp.listeners.length && !comp.ajax && client.transport.epoch()) {
    client.transport.register(comp.snapshot);
  }
  const before = comp.el;
  const backup = c.p && c.p.length ? before.cloneNode(true) : null;
  try {
    if (c.h != null) {
      const next = parseElement(c.h);
      keepRootAttrs(before, next);
      keepFocus(before, () => before.replaceWith(next), () => next);
      comp.el = next;
    } else comp.el = applyPatches(before, c.p || [], keep);
  } catch (e) {
    // never leave a half-patched component: put the old one back, then ask for the whole new one
    const cur = e.root || before;
    if (backup && cur.isConnected) cur.replaceWith(backup);
    comp.el = backup || before;
    errors.report(comp, { s: false, type: 'patch_error', error: e.message });
    return rerender(comp, req);
  }
  comp.errors = c.e || {};
  errors.show(comp);
  if (c.q) syncQuery(comp, c.q);
  const sd = c.sd || [];
  // the delta runs from the snapshot the request carried, which lacks the deferred `updates` it sent: a property
  // the server put back to its snapshot value (an input cleared after a submit) is in no delta, so sync it too
  const sent = Object.keys(req.updates || {}).map((k) => k.split('.')[0]);
  const changed = sd.map((d) => d[1].split('/')[1]);
  model.sync(comp, c.st !== undefined || sd.some((d) => !d[1]) ? null : [...changed, ...sent], keep);
  if (c.g) {
    // the channels changed: the root's attributes are what scan() (and a later root replacement) read
    comp.el.setAttribute(ATTR_CHANNELS, JSON.stringify(Object.keys(c.g)));
    comp.el.setAttribute(ATTR_GRANTS, JSON.stringify(c.g));
  }
  scan(comp.el);
  loading.apply(comp);
}

function rerender(comp, req) {
  if (req.type === RENDER) return;
  return run(comp, { type: RENDER });
}

/** Runs a directive's action text on `comp`: `method(args)`, `$set(prop, value)`, `$refresh`,
 * `$dispatch(name, data)`. `extra` are appended to the parsed params (event data). */
export function perform(comp, text, extra) {
  const { method, params } = parseAction(text);
  if (method === '$refresh') return send(comp, { type: RENDER });
  if (method === '$set') return send(comp, { type: UPDATE, property: params[0], value: params[1] });
  if (method === '$dispatch') return emit([{ name: params[0], data: params[1] }], comp);
  return send(comp, { type: CALL, method, params: params.length || extra === undefined ? params : [extra] });
}
