// Browser quirks, kept out of the algorithms: which nodes count as children, building nodes from node JSON in the
// right namespace, attributes that are also DOM properties, textarea values, and keeping focus, caret and selection.

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const WS = /^[ \t\n\r\f]*$/;
// SVG names need no table: the server's trees carry them in the case browsers give them (viewBox, linearGradient;
// protocol §5), so they are created as they come.

/** Protocol §5: element, text and comment children, except text made only of ASCII whitespace. */
export function children(node) {
  const out = [];
  for (let n = node.firstChild; n; n = n.nextSibling) {
    const t = n.nodeType;
    if (t === 1 || t === 8 || (t === 3 && !WS.test(n.data))) out.push(n);
  }
  return out;
}

const inSvg = (parent) => parent && parent.namespaceURI === SVG && parent.localName !== 'foreignObject';

/** Builds a DOM node from node JSON; `parent` decides the namespace (SVG inside <svg>). */
export function build(json, parent, doc = document) {
  if (json.x != null) return doc.createTextNode(json.x);
  if (json.m != null) return doc.createComment(json.m);
  const svg = json.t === 'svg' || inSvg(parent);
  const el = svg ? doc.createElementNS(SVG, json.t) : doc.createElement(json.t);
  for (const k in json.a || {}) setAttr(el, k, json.a[k]);
  // a template's children are its content, as the HTML parser makes them (protocol §5)
  for (const c of json.c || []) (el.content || el).appendChild(build(c, el, doc));
  return el;
}

/**
 * Node JSON of a DOM node as the server sees it: attributes (never the properties a user edited) and the children of
 * §5, so build() of it is the node as the server last sent it.
 */
export function toNode(n) {
  if (n.nodeType === 3) return { x: n.data };
  if (n.nodeType === 8) return { m: n.data };
  const a = {};
  for (const at of n.attributes) a[at.name] = at.value;
  return { t: n.localName, a, c: children(n).map(toNode) };
}

/** setAttribute that also accepts names the DOM API refuses (Alpine's `@click`, `:class`). */
export function setAttr(el, name, value) {
  if (name.startsWith('xlink:')) return el.setAttributeNS(XLINK, name, value);
  try {
    el.setAttribute(name, value);
  } catch {
    const t = el.ownerDocument.createElement('template');
    t.innerHTML = '<i ' + name + '=""></i>';
    const a = t.content.firstChild.attributes[0];
    if (!a) return;
    const copy = a.cloneNode();
    copy.value = value;
    el.setAttributeNode(copy);
  }
}

/**
 * Applies one attribute patch entry, also as a DOM property for `value`, `checked`, `selected`
 * (protocol §5). `keep(el)` says the user edited this field after the request left: its property stays.
 */
export function patchAttr(el, name, value, keep) {
  if (value == null) el.removeAttribute(name);
  else setAttr(el, name, value);
  if ((name === 'value' || name === 'checked' || name === 'selected') && name in el && !(keep && keep(el))) {
    if (name === 'value') setValue(el, value == null ? '' : value);
    else el[name] = value != null;
  }
}

/** Sets a field's value without moving the caret of a focused field when nothing changes. */
export function setValue(el, value) {
  if (el.value === value) return;
  const focused = el === el.ownerDocument.activeElement;
  let s, e;
  try { s = el.selectionStart; e = el.selectionEnd; } catch { /* not a text field */ }
  el.value = value;
  if (focused && s != null) {
    try { el.setSelectionRange(Math.min(s, value.length), Math.min(e, value.length)); } catch { /* no selection */ }
  }
}

/** A textarea's value is its text: after its text changed, the field (unless the user edited it) follows. */
export function syncTextarea(node, keep) {
  const ta = node && (node.localName === 'textarea' ? node : node.parentNode);
  if (ta && ta.localName === 'textarea' && !(keep && keep(ta))) setValue(ta, ta.textContent);
}

/**
 * Runs `fn` (which may move or replace nodes) and gives focus, caret and selection back to the field that had
 * them: the same node if it is still in the document, else the node now at the same path under `root()`.
 */
export function keepFocus(rootBefore, fn, rootAfter) {
  const doc = rootBefore.ownerDocument;
  const a = doc.activeElement;
  if (!a || a === doc.body || !rootBefore.contains(a)) return fn();
  const path = [];
  for (let n = a; n !== rootBefore; n = n.parentNode) path.unshift(children(n.parentNode).indexOf(n));
  let s, e, d;
  try { s = a.selectionStart; e = a.selectionEnd; d = a.selectionDirection; } catch { /* not a text field */ }
  const out = fn();
  let target = a;
  if (!a.isConnected) {
    target = rootAfter();
    for (const i of path) target = target && children(target)[i];
    if (!target || target.localName !== a.localName) return out;
  }
  if (doc.activeElement !== target) target.focus();
  if (s != null && target.setSelectionRange) {
    try { target.setSelectionRange(s, e, d); } catch { /* not a text field */ }
  }
  return out;
}

/** Parses one element from HTML (a component's whole markup). */
export function parseElement(html, doc = document) {
  const t = doc.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
}

/** Elements under (and including) `root` carrying an attribute whose name starts with `prefix`. */
export function withAttrPrefix(root, prefix) {
  const out = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of el.attributes) if (a.name.startsWith(prefix)) { out.push(el); break; }
  }
  return out;
}

/** [name, value] of each attribute of `el` named `base` or `base.<modifiers>`. */
export function directives(el, base) {
  const out = [];
  if (el.attributes) {
    for (const a of el.attributes) {
      if (a.name === base || a.name.startsWith(base + '.')) out.push([a.name, a.value]);
    }
  }
  return out;
}
