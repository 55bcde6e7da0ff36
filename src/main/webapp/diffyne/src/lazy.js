// Lazy components: a placeholder with `diff:lazy="<signed ticket>"` is loaded when it comes into view (at once
// where IntersectionObserver is missing): POST {endpoint}/lazy `{"ticket": "<diff:lazy value>"}`; the answer
// `{"s":true,"id":…,"html":…,"listeners":[…]}` holds the mounted component (framework attributes and signed
// snapshot included), which replaces the placeholder.
import { ATTR_LAZY, ATTR_LISTENERS, PATH_LAZY } from './constants.js';
import { client, scan } from './client.js';
import { postJson } from './ajax.js';
import { backoff } from './transport.js';
import { parseElement } from './dom.js';

const seen = new WeakSet();
let observer;

/** afterUpdate hook: (null, root) finds new placeholders under root. */
export function findLazy(comp, root) {
  if (!root || !root.querySelectorAll) return;
  const els = [...(root.matches && root.matches('[diff\\:lazy]') ? [root] : []), ...root.querySelectorAll('[diff\\:lazy]')];
  for (const el of els) {
    if (seen.has(el)) continue;
    seen.add(el);
    if (typeof IntersectionObserver === 'function') {
      observer = observer || new IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) { observer.unobserve(e.target); load(e.target); }
      });
      observer.observe(el);
    } else load(el);
  }
}

/** Loads one placeholder; retried with backoff while the server cannot be reached. */
export async function load(el, attempt = 0) {
  let res;
  try {
    res = await postJson(client.config.endpoint + PATH_LAZY, { ticket: el.getAttribute(ATTR_LAZY) });
  } catch {
    if (attempt < 5) setTimeout(() => load(el, attempt + 1), backoff(attempt));
    return;
  }
  const next = res.s && res.html && parseElement(res.html);
  if (!next) {
    el.dispatchEvent(new CustomEvent('diffyne:error', { bubbles: true, detail: res }));
    return;
  }
  if (!el.isConnected) return;
  if (res.listeners && res.listeners.length && !next.hasAttribute(ATTR_LISTENERS)) next.setAttribute(ATTR_LISTENERS, JSON.stringify(res.listeners));
  el.replaceWith(next);
  scan(next);
}
