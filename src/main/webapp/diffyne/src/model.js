// diff:model — two-way binding of form fields to component properties.
//   diff:model="p"                 deferred: the value travels as `updates` of the next call (protocol §3)
//   diff:model.live="p"            an `update` per change, text fields debounced 150 ms (`.debounce.300ms` to tune;
//                                  `.debounce` alone implies live)
//   diff:model.lazy="p"            deferred while typing, an `update` on change (blur)
// Values: text → string, number/range → number or null, checkbox → boolean (or, when the property is an array,
// the values of the checked boxes), radio → the checked value, select multiple → array, file → upload.
// After an answer, fields whose property changed take the new value, unless the user edited them after the
// request left: what was typed meanwhile is never clobbered.
import { UPDATE } from './constants.js';
import { durationModifier, modifiers } from './directives.js';
import { owner, owns } from './client.js';
import { read } from './state.js';
import { directives, setValue, withAttrPrefix } from './dom.js';
import { send } from './component.js';
import { uploadField } from './upload.js';

let editSeq = 0;
const edited = new WeakMap(); // field → editSeq of its last edit
const timers = new Map(); // field → pending live update {comp, fire, timer}

/** The current edit sequence number. */
export const seq = () => editSeq;

/**
 * A predicate for patching: does the field hold input the server has not seen? (edited after `since`, or its value
 * still waits to be sent: deferred or debounced). Such a field keeps its value.
 */
export const keep = (comp, since) => (el) =>
  (edited.get(el) || 0) > since || timers.has(el) || fieldOf(el) in comp.deferred;

/** The property a field is bound to (`diff:model*`), or its name. */
export function fieldOf(el) {
  const d = directives(el, 'diff:model')[0];
  return d ? d[1] : el.getAttribute('name');
}

const textual = (el) => el.localName === 'textarea' || (el.localName === 'input' && !/^(checkbox|radio|file)$/.test(el.type));

function readValue(el, comp, prop) {
  if (el.type === 'checkbox') {
    if (!Array.isArray(read(comp.snapshot.state, prop))) return el.checked;
    return withAttrPrefix(comp.el, 'diff:model')
      .filter((b) => b.type === 'checkbox' && b.checked && fieldOf(b) === prop && owns(comp, b))
      .map((b) => b.value);
  }
  if (el.localName === 'select' && el.multiple) return [...el.selectedOptions].map((o) => o.value);
  if (el.type === 'number' || el.type === 'range') return el.value === '' ? null : +el.value;
  return el.value;
}

function writeValue(el, v) {
  if (el.type === 'file') return;
  if (el.type === 'checkbox') el.checked = Array.isArray(v) ? v.map(String).includes(el.value) : !!v;
  else if (el.type === 'radio') el.checked = v != null && String(v) === el.value;
  else if (el.localName === 'select' && el.multiple) {
    const vs = (Array.isArray(v) ? v : []).map(String);
    for (const o of el.options) o.selected = vs.includes(o.value);
  } else setValue(el, v == null ? '' : String(v));
}

/** Document listener for `input` and `change`. */
export function onInput(e) {
  const el = e.target;
  const d = el && directives(el, 'diff:model')[0];
  const comp = d && owner(el);
  if (!comp) return;
  const [name, prop] = d;
  const mods = modifiers(name);
  if (el.type === 'file') {
    if (e.type === 'change') uploadField(comp, el, prop);
    return;
  }
  edited.set(el, ++editSeq);
  if (el.type === 'radio' && !el.checked) return;
  const value = readValue(el, comp, prop);
  const live = mods.includes('live') || mods.includes('debounce');
  const changeEvent = e.type === 'change';
  if (mods.includes('lazy') ? changeEvent : live && (textual(el) ? !changeEvent : changeEvent)) {
    delete comp.deferred[prop];
    const fire = () => {
      timers.delete(el);
      send(comp, { type: UPDATE, property: prop, value: readValue(el, comp, prop) });
    };
    clearTimeout((timers.get(el) || {}).timer);
    const wait = durationModifier(mods, textual(el) && !mods.includes('lazy') ? 150 : 0);
    if (wait) timers.set(el, { comp, fire, timer: setTimeout(fire, wait) });
    else fire();
  } else if (!live || mods.includes('lazy')) comp.deferred[prop] = value;
}

/** Sends the component's pending debounced updates now, so a call that follows sees them. */
export function flushLive(comp) {
  for (const [, t] of timers) {
    if (t.comp === comp) {
      clearTimeout(t.timer);
      t.fire();
    }
  }
}

/** Puts state values into the component's fields: all of them (`keys` null) or those of the changed properties. */
export function sync(comp, keys, keepFn) {
  for (const el of withAttrPrefix(comp.el, 'diff:model')) {
    const prop = fieldOf(el);
    if (!owns(comp, el) || keepFn(el) || (keys && !keys.includes(prop.split('.')[0]))) continue;
    const v = read(comp.snapshot.state, prop);
    if (v !== undefined) writeValue(el, v);
  }
}
