// Validation errors (`c.e`, or `errors` of a 422) shown by `diff:error="field"` elements and marked on the field
// (class `diffyne-error`, `aria-invalid`); other failures become a `diffyne:error` event on the component root.
// The marks are taken off before patches are applied, so the DOM patched is the one the server rendered.
import { client, owns } from './client.js';
import { withAttrPrefix } from './dom.js';
import { fieldOf } from './model.js';

const marks = new WeakMap(); // comp → undo functions

/** Shows `comp.errors`. */
export function show(comp) {
  const undos = [];
  const errors = comp.errors || {};
  for (const el of comp.el.querySelectorAll('[diff\\:error]')) {
    const msgs = errors[el.getAttribute('diff:error')];
    if (!owns(comp, el) || !msgs || !msgs.length || el.textContent === String(msgs[0])) continue;
    const old = [...el.childNodes];
    el.textContent = msgs[0];
    undos.push(() => el.replaceChildren(...old));
  }
  for (const el of withAttrPrefix(comp.el, 'diff:model')) {
    const f = fieldOf(el);
    if (!owns(comp, el) || !(errors[f] && errors[f].length) || el.classList.contains('diffyne-error')) continue;
    el.classList.add('diffyne-error');
    el.setAttribute('aria-invalid', 'true');
    undos.push(() => {
      el.classList.remove('diffyne-error');
      if (!el.classList.length) el.removeAttribute('class');
      el.removeAttribute('aria-invalid');
    });
  }
  marks.set(comp, undos);
}

/** Takes the marks of show() off again. */
export function strip(comp) {
  (marks.get(comp) || []).forEach((u) => u());
  marks.delete(comp);
}

/** Announces a failure: a bubbling, cancelable `diffyne:error` CustomEvent on the component root (detail: the
 * body). Returns false when a listener called preventDefault() (it handles the failure itself). */
export function report(comp, res) {
  const target = comp && comp.el && comp.el.isConnected ? comp.el : window;
  const handled = !target.dispatchEvent(new CustomEvent('diffyne:error', { bubbles: true, cancelable: true, detail: res }));
  if (client.config.debug) console.warn('Diffyne:', res.type, res.error);
  return !handled;
}
