// diff:loading — state shown while a request of the component is queued or in flight.
//   diff:loading                      shown only while loading (hidden otherwise by an injected style)
//   diff:loading.remove               hidden while loading
//   diff:loading.class="a b" | diff:loading.class.a           classes added while loading
//   diff:loading.class.remove="a" | diff:loading.remove.a     classes removed while loading
//   diff:loading.attr="disabled" | diff:loading.attr.aria-busy.true   attributes set while loading
//   diff:target="save, delete"        only while one of these actions (method, property, event) is loading
// Everything is undone before a response's patches are applied, so the DOM patched is the one the server knows.
import { directives, withAttrPrefix } from './dom.js';
import { owns } from './client.js';

const applied = new WeakMap(); // element → undo function

export function begin(comp, action) {
  comp.active.set(action, (comp.active.get(action) || 0) + 1);
  apply(comp);
}

export function end(comp, action) {
  const n = comp.active.get(action) - 1;
  if (n > 0) comp.active.set(action, n);
  else comp.active.delete(action);
  apply(comp);
}

/** Undoes every loading effect in the component. */
export function reset(comp) {
  for (const el of elements(comp)) undo(el);
  if (comp.el.getAttribute('aria-busy') === 'true') comp.el.removeAttribute('aria-busy');
}

function elements(comp) {
  return withAttrPrefix(comp.el, 'diff:loading').filter((el) => owns(comp, el));
}

function undo(el) {
  const u = applied.get(el);
  if (u) u();
  applied.delete(el);
}

/** Brings every loading element in line with the component's active actions. */
export function apply(comp) {
  if (!comp.el) return;
  if (comp.active.size) comp.el.setAttribute('aria-busy', 'true');
  else if (comp.el.getAttribute('aria-busy') === 'true') comp.el.removeAttribute('aria-busy');
  for (const el of elements(comp)) {
    const t = el.getAttribute('diff:target');
    const on = t ? t.split(/[\s,]+/).some((a) => comp.active.has(a)) : comp.active.size > 0;
    if (on === applied.has(el)) continue;
    if (on) applied.set(el, effect(el));
    else undo(el);
  }
}

function effect(el) {
  const undos = [];
  for (const [name, value] of directives(el, 'diff:loading')) {
    const [kind, ...rest] = name.split('.').slice(1);
    const words = [...value.split(/\s+/), ...rest].filter(Boolean);
    if (kind === 'class' && rest[0] === 'remove') classes(el, words.filter((w) => w !== 'remove'), false, undos);
    else if (kind === 'class') classes(el, words, true, undos);
    else if (kind === 'remove' && words.length) classes(el, words, false, undos);
    else if (kind === 'attr') {
      const attrs = rest.length ? [[rest[0], rest.slice(1).join('.')]] : words.map((w) => w.split('='));
      for (const [a, v = ''] of attrs) {
        const old = el.getAttribute(a);
        el.setAttribute(a, v);
        undos.push(() => (old == null ? el.removeAttribute(a) : el.setAttribute(a, old)));
      }
    } else display(el, kind === 'remove' ? 'none' : 'revert', undos);
  }
  return () => undos.forEach((u) => u());
}

function classes(el, names, add, undos) {
  for (const c of names) {
    if (el.classList.contains(c) === add) continue;
    el.classList.toggle(c, add);
    undos.push(() => {
      el.classList.toggle(c, !add);
      if (!el.classList.length) el.removeAttribute('class');
    });
  }
}

function display(el, value, undos) {
  const old = el.style.display;
  el.style.display = value;
  undos.push(() => {
    el.style.display = old;
    if (!el.getAttribute('style')) el.removeAttribute('style');
  });
}

/** Hides bare `diff:loading` elements until a request starts, before the first paint if possible. */
export function injectStyle(doc = document) {
  if (doc.getElementById('diffyne-style')) return;
  const s = doc.createElement('style');
  s.id = 'diffyne-style';
  s.textContent = '[diff\\:loading]{display:none}';
  doc.head.appendChild(s);
}
