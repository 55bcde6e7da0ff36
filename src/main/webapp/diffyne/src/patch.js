// Applies a patch list (protocol §5) in order, each patch to the tree the previous ones left: a live cursor.
import { P_ATTRS, P_COPY, P_CREATE, P_MOVE, P_REMOVE, P_REPLACE, P_TEXT, ROOT_ATTRS } from './constants.js';
import { build, children, keepFocus, patchAttr, syncTextarea, toNode } from './dom.js';

/** Thrown when a patch does not fit the tree: the caller then asks the server for a fresh render. */
export class PatchError extends Error {}

function fail(patch, why) {
  throw new PatchError(why + ' at ' + JSON.stringify(patch));
}

function resolve(root, path, patch) {
  let node = root;
  for (const i of path) {
    node = children(node)[i];
    if (!node) fail(patch, 'no node');
  }
  return node;
}

function move(parent, node, ref) {
  // moveBefore keeps focus, selection and running animations where the browser has it
  if (parent.moveBefore) {
    try { return parent.moveBefore(node, ref); } catch { /* fall back */ }
  }
  parent.insertBefore(node, ref);
}

/** Copies the framework attributes of the old root onto its replacement (protocol §5, `R` at []). */
export function keepRootAttrs(from, to) {
  for (const a of ROOT_ATTRS) {
    if (from.hasAttribute(a) && !to.hasAttribute(a)) to.setAttribute(a, from.getAttribute(a));
  }
}

/** v3 (§5): a copy of `src` (node JSON) edited by pairs (slot index | string, new string), in order. */
function edit(src, e) {
  const slots = [];
  const walk = (n) => (n.t ? (Object.keys(n.a).sort().forEach((k) => slots.push([n.a, k])), n.c.forEach(walk))
    : slots.push([n, 'x' in n ? 'x' : 'm']));
  walk(src);
  for (let i = 0; i < e.length; i += 2) {
    let f = e[i];
    const v = e[i + 1];
    if (typeof f === 'number') {
      const [o, k] = slots[f];
      if (!(f = o[k])) { o[k] = v; continue; }
    }
    for (const [o, k] of slots) o[k] = o[k].split(f).join(v);
  }
  return src;
}

function applyOne(root, patch, keep) {
  if (Array.isArray(patch)) {
    // v3 (§5): [type, path, fields in order]
    const [t, p, n, r] = patch;
    patch = { t, p, n, x: n, s: n, m: n, r, e: patch.slice(2) };
  }
  const p = patch.p;
  if (!Array.isArray(p)) fail(patch, 'no path');
  switch (patch.t) {
    case P_COPY:
    case P_CREATE: {
      if (!p.length) fail(patch, 'create at root');
      const parent = resolve(root, p.slice(0, -1), patch);
      const kids = children(parent);
      const at = p[p.length - 1];
      const copy = patch.t === P_COPY && kids[at && at - 1];
      if (parent.nodeType !== 1 || at > kids.length || copy === undefined) fail(patch, 'bad index');
      parent.insertBefore(build(copy ? edit(toNode(copy), patch.e) : patch.n, parent), kids[at] || null);
      syncTextarea(parent, keep);
      return root;
    }
    case P_REMOVE: {
      if (!p.length) fail(patch, 'remove root');
      const node = resolve(root, p, patch);
      const parent = node.parentNode;
      node.remove();
      syncTextarea(parent, keep);
      return root;
    }
    case P_REPLACE: {
      const node = resolve(root, p, patch);
      const next = build(patch.n, node.parentNode);
      if (!p.length) {
        if (next.nodeType !== 1) fail(patch, 'root must be an element');
        keepRootAttrs(node, next);
      }
      node.replaceWith(next);
      syncTextarea(next.parentNode, keep);
      return p.length ? root : next;
    }
    case P_TEXT: {
      const node = resolve(root, p, patch);
      if (node.nodeType !== 3 && node.nodeType !== 8) fail(patch, 'not text');
      node.data = patch.x;
      syncTextarea(node.parentNode, keep);
      return root;
    }
    case P_ATTRS: {
      const el = resolve(root, p, patch);
      if (el.nodeType !== 1) fail(patch, 'not an element');
      for (const k in patch.s || {}) patchAttr(el, k, String(patch.s[k]), keep);
      for (const k of patch.r || []) patchAttr(el, k, null, keep);
      return root;
    }
    case P_MOVE: {
      const parent = resolve(root, p, patch);
      for (const [from, to] of patch.m || []) {
        const kids = children(parent);
        const node = kids[from];
        if (!node || to < 0 || to >= kids.length) fail(patch, 'bad move');
        kids.splice(from, 1);
        move(parent, node, kids[to] || null);
      }
      return root;
    }
    default:
      fail(patch, 'unknown type');
  }
}

/**
 * Applies `patches` to the component root `root` and returns the root afterwards (a new element when the root
 * itself was replaced). `keep(el)` protects fields the user edited while the request was in flight. Focus, caret
 * and selection of the active field survive moves and replacements. Throws PatchError when a patch does not fit.
 */
export function applyPatches(root, patches, keep) {
  let cur = root;
  keepFocus(root, () => {
    try {
      for (const patch of patches) cur = applyOne(cur, patch, keep);
    } catch (e) {
      if (!(e instanceof PatchError)) e = new PatchError(e.message);
      e.root = cur;
      throw e;
    }
  }, () => cur);
  return cur;
}
