// The page's component registry and shared context. A component is its root element (protocol §1) plus the
// latest signed snapshot, which the client keeps current from each response.
import { ATTR_CHANNELS, ATTR_COMPONENT, ATTR_GRANTS, ATTR_HEADS, ATTR_ID, ATTR_LISTENERS, ATTR_SNAPSHOT, ATTR_TRANSPORT, TRANSPORT_AJAX } from './constants.js';

export const SEL_ID = '[diff\\:id]';

/** Shared by every module: set by start(). */
export const client = {
  config: {},
  transport: null,
  status: null,
  /** id → component */
  components: new Map(),
  /** JS listeners of component events: name → Set<fn> */
  handlers: new Map(),
  /** full-page navigation (replaced in tests) */
  assign: (url) => location.assign(url),
  /** hooks run for each component after it is mounted or patched (polls, lazy children) */
  afterUpdate: [],
};

function json(text, fallback) {
  try { return text ? JSON.parse(text) : fallback; } catch { return fallback; }
}

/** The component that owns `el` (the closest component root). */
export function owner(el) {
  const root = el && el.closest && el.closest(SEL_ID);
  return root ? client.components.get(root.getAttribute(ATTR_ID)) : undefined;
}

/** Whether `el` belongs to `comp` itself, not to a component nested in it. */
export const owns = (comp, el) => el.closest(SEL_ID) === comp.el;

/** Registers (or refreshes from new markup) every component root under and including `root`. */
export function scan(root = document) {
  const els = [...(root.matches && root.matches(SEL_ID) ? [root] : []), ...root.querySelectorAll(SEL_ID)];
  for (const el of els) {
    const id = el.getAttribute(ATTR_ID);
    let comp = client.components.get(id);
    const snap = el.getAttribute(ATTR_SNAPSHOT);
    if (snap != null) {
      // the snapshot then lives only here, so the attribute can never show a stale one
      el.removeAttribute(ATTR_SNAPSHOT);
      comp = comp || { id, chain: Promise.resolve(), deferred: {}, errors: {}, active: new Map(), held: 0 };
      comp.snapshot = json(snap, {});
      client.components.set(id, comp);
    }
    if (!comp) continue;
    comp.el = el;
    comp.name = el.getAttribute(ATTR_COMPONENT) || comp.snapshot.component;
    comp.listeners = json(el.getAttribute(ATTR_LISTENERS), []);
    comp.channels = json(el.getAttribute(ATTR_CHANNELS), []);
    comp.grants = json(el.getAttribute(ATTR_GRANTS), {});
    comp.heads = json(el.getAttribute(ATTR_HEADS), comp.heads || {});
    comp.ajax = el.getAttribute(ATTR_TRANSPORT) === TRANSPORT_AJAX;
  }
  sweep();
  for (const el of els) {
    const comp = client.components.get(el.getAttribute(ATTR_ID));
    if (comp) client.afterUpdate.forEach((f) => f(comp));
  }
  client.afterUpdate.forEach((f) => f(null, root));
}

/** Forgets components whose root left the document (their polls stop). */
export function sweep() {
  for (const [id, comp] of client.components) {
    if (!comp.el.isConnected) {
      client.components.delete(id);
      client.afterUpdate.forEach((f) => f(comp, null, true));
    }
  }
}
