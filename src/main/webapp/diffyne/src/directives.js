// Parsing of directive values and modifiers. Nothing here is evaluated as code: arguments are JSON-like literals.

/**
 * `save` → {method:'save', params:[]}; `add('a, b', 2, null, true, [1], {k: 'v'})` → its literal arguments.
 * Single- or double-quoted strings (with backslash escapes), numbers, true/false/null, arrays and objects; a bare
 * word is a string. Throws on anything else.
 */
export function parseAction(text) {
  const m = /^\s*([\w$.:-]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(text || '');
  if (!m) throw new Error('Diffyne: cannot parse action "' + text + '"');
  return { method: m[1], params: m[2] && m[2].trim() ? JSON.parse('[' + toJson(m[2]) + ']') : [] };
}

// Rewrites single-quoted strings and bare words as JSON strings; JSON.parse does the rest (and the refusing).
function toJson(src) {
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '"' || c === "'") {
      let s = '';
      for (i++; i < src.length && src[i] !== c; i++) {
        if (src[i] === '\\') {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        } else s += src[i];
      }
      if (i >= src.length) throw new Error('Diffyne: unterminated string in "' + src + '"');
      i++;
      out += JSON.stringify(s);
    } else if (/[A-Za-z_$]/.test(c) && !/[\d.]$/.test(out)) {
      const w = /^[\w$.-]+/.exec(src.slice(i))[0];
      i += w.length;
      out += w === 'true' || w === 'false' || w === 'null' ? w : JSON.stringify(w);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** `2s`, `500ms`, `1.5s`, `300` (ms), `1m` → milliseconds; `fallback` when absent or malformed. */
export function duration(text, fallback) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(String(text || '').trim());
  if (!m) return fallback;
  return Math.round(+m[1] * (m[2] === 's' ? 1000 : m[2] === 'm' ? 60000 : 1));
}

/** The modifiers of an attribute name: `diff:keydown.enter.prevent` → ['enter', 'prevent']. */
export const modifiers = (name) => name.split('.').slice(1);

/** The first modifier that is a duration (`debounce.300ms`, `poll.5s`). */
export function durationModifier(mods, fallback) {
  for (const m of mods) {
    const d = duration(m, null);
    if (d != null) return d;
  }
  return fallback;
}

const KEYS = {
  enter: 'Enter', esc: 'Escape', escape: 'Escape', space: ' ', tab: 'Tab', up: 'ArrowUp', down: 'ArrowDown',
  left: 'ArrowLeft', right: 'ArrowRight', delete: 'Delete', backspace: 'Backspace', home: 'Home', end: 'End',
  'page-up': 'PageUp', 'page-down': 'PageDown',
};
const SYSTEM = ['ctrl', 'shift', 'alt', 'meta'];
const FLAGS = ['prevent', 'stop', 'self', 'once', 'debounce', 'throttle', 'window', 'document', 'passive', 'capture'];

/** Whether keyboard event `e` satisfies the key modifiers in `mods` (`enter`, `ctrl.s`, `shift.enter`, `a`). */
export function keyMatches(e, mods) {
  for (const s of SYSTEM) if (mods.includes(s) !== !!e[s + 'Key']) return false;
  const keys = mods.filter((m) => !SYSTEM.includes(m) && !FLAGS.includes(m) && duration(m, null) == null);
  if (!keys.length) return true;
  const key = e.key || '';
  return keys.some((k) => KEYS[k] === key || k === key.toLowerCase());
}
