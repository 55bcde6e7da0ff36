// Query-string sync (`c.q`): the URL mirrors @QueryString properties. A change pushes a history entry, unless every
// changed name is listed in the root's `diff:query-replace` (JSON array: @QueryString(history = false)), which
// replaces the current entry. null removes the parameter; "" keeps it empty (the server decides, @QueryString keep).
// Back/forward: properties whose URL value changed are sent as updates.
import { ATTR_QUERY_REPLACE, UPDATE } from './constants.js';
import { client } from './client.js';
import { read } from './state.js';
import { send } from './component.js';

function put(params, k, v) {
  params.delete(k);
  if (v == null) return;
  for (const x of Array.isArray(v) ? v : [v]) params.append(k, typeof x === 'object' ? JSON.stringify(x) : String(x));
}

export function syncQuery(comp, q) {
  const url = new URL(location.href);
  let replace = true;
  const replaced = JSON.parse(comp.el.getAttribute(ATTR_QUERY_REPLACE) || '[]');
  comp.query = comp.query || new Set();
  for (const k in q) {
    comp.query.add(k);
    const before = url.search;
    put(url.searchParams, k, q[k]);
    if (url.search !== before && !replaced.includes(k)) replace = false;
  }
  if (url.href !== location.href) history[replace ? 'replaceState' : 'pushState'](history.state, '', url.href);
}

/** popstate: properties whose URL value differs from the state are sent as updates. */
export function onPopState() {
  const params = new URL(location.href).searchParams;
  for (const comp of client.components.values()) {
    for (const k of comp.query || []) {
      const cur = read(comp.snapshot.state, k);
      const all = params.getAll(k);
      const value = Array.isArray(cur) ? all : all.length ? all[0] : null;
      if (JSON.stringify(value) !== JSON.stringify(Array.isArray(cur) ? cur.map(String) : cur == null ? null : String(cur))) {
        send(comp, { type: UPDATE, property: k, value });
      }
    }
  }
}
