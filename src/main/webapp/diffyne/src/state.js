// The client's copy of a component's state follows the server by applying each response's state delta (`c.sd`,
// protocol §4): compact JSON Patch `[op, pointer, value?]`, op `a` add, `r` remove, `p` replace.

const unescape = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** RFC 6901 pointer → tokens; "" is the whole document. */
export function tokens(pointer) {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new Error('bad pointer ' + pointer);
  return pointer.slice(1).split('/').map(unescape);
}

function index(arr, tok, adding) {
  if (adding && tok === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(tok)) throw new Error('bad index ' + tok);
  const i = +tok;
  if (i > arr.length - (adding ? 0 : 1)) throw new Error('index out of range ' + tok);
  return i;
}

const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Returns `state` with `delta` applied (the input is not changed). Throws when an operation does not fit, so the
 * caller can ask for the full state instead of holding a wrong one.
 */
export function applyDelta(state, delta) {
  let doc = structuredClone(state);
  for (const [op, pointer, value] of delta || []) {
    const path = tokens(pointer);
    if (!path.length) {
      if (op === 'r') throw new Error('cannot remove the whole state');
      doc = structuredClone(value);
      continue;
    }
    let parent = doc;
    for (const t of path.slice(0, -1)) {
      if (parent === null || typeof parent !== 'object') throw new Error('no parent at ' + pointer);
      parent = Array.isArray(parent) ? parent[index(parent, t)] : own(parent, t) ? parent[t] : undefined;
    }
    if (parent === null || typeof parent !== 'object') throw new Error('no parent at ' + pointer);
    const last = path[path.length - 1];
    if (Array.isArray(parent)) {
      const i = index(parent, last, op === 'a');
      if (op === 'a') parent.splice(i, 0, structuredClone(value));
      else if (op === 'r') parent.splice(i, 1);
      else if (op === 'p') parent[i] = structuredClone(value);
      else throw new Error('bad op ' + op);
    } else {
      if (op !== 'a' && !own(parent, last)) throw new Error('no member at ' + pointer);
      if (op === 'r') delete parent[last];
      else if (op === 'a' || op === 'p') parent[last] = structuredClone(value);
      else throw new Error('bad op ' + op);
    }
  }
  return doc;
}

/** Reads a dotted property path (`address.city`, `tags.0`) from the state. */
export function read(state, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), state);
}
