// Events: DOM events to directives (one delegated listener per type on the document, so elements added by patches
// need no binding), and component events (`events` of a response) to the components listening on the page.
import { ATTR_ID, EVENT } from './constants.js';
import { client, owner } from './client.js';
import { directives, withAttrPrefix } from './dom.js';
import { keyMatches, modifiers } from './directives.js';
import { onInput } from './model.js';
import { perform, send } from './component.js';

/** DOM event type → directive names that listen to it (`diff:<name>`). */
export const DOM_EVENTS = {
  click: ['click'], dblclick: ['dblclick'], submit: ['submit'], change: ['change'], input: ['input'],
  keydown: ['keydown'], keyup: ['keyup'], focusin: ['focus', 'focusin'], focusout: ['blur', 'focusout'],
};

const once = new WeakSet();

/** Document listener: finds the closest element with a matching directive, inside one component. */
export function onDomEvent(e) {
  if (e.type === 'input' || e.type === 'change') onInput(e);
  for (let el = e.target; el && el.nodeType === 1; el = el.parentElement) {
    let matched = false;
    for (const name of DOM_EVENTS[e.type]) {
      for (const [attr, value] of directives(el, 'diff:' + name)) {
        const mods = modifiers(attr);
        if (e.type === 'submit') e.preventDefault(); // never a native submit, `.prevent` or not
        if ((e.type.startsWith('key') && !keyMatches(e, mods)) || (mods.includes('self') && e.target !== el)) continue;
        if (mods.includes('prevent')) e.preventDefault();
        if (mods.includes('stop')) e.stopPropagation();
        matched = true;
        if (mods.includes('once') && once.has(el)) continue;
        once.add(el);
        const comp = owner(el);
        if (comp) perform(comp, value);
      }
    }
    if (matched || el.hasAttribute(ATTR_ID)) return;
  }
}

/**
 * Dispatches component events (`[{name, data, to?, self?, pass?}]`) raised by `source`: an `event` request to each
 * listening component (`to`: only components of that name; `self`: only the source), the `diff:on.<name>`
 * directives of the same components, and JS handlers registered with Diffyne.on(name, fn). A server's event carries
 * a `pass` that the request relays (server-side listeners need it); one raised in the browser has none.
 */
export function emit(events, source) {
  for (const ev of events) {
    const fits = (c) => c && (ev.self ? c === source : !ev.to || c.name === ev.to);
    for (const comp of [...client.components.values()]) {
      if (fits(comp) && comp.listeners.includes(ev.name)) send(comp, { type: EVENT, event: ev.name, data: ev.data, pass: ev.pass });
    }
    const attr = 'diff:on.' + ev.name;
    for (const el of withAttrPrefix(document.documentElement, 'diff:on.')) {
      const comp = owner(el);
      if (el.hasAttribute(attr) && fits(comp)) perform(comp, el.getAttribute(attr), ev.data);
    }
    for (const fn of client.handlers.get(ev.name) || []) fn(ev.data, ev);
  }
}
