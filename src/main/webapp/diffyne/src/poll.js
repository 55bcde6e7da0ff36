// diff:poll — repeat an action while the element is on the page: `diff:poll="refresh"` (every 2 s),
// `diff:poll.5s="tick"`, `diff:poll.500ms`, `diff:poll="2s"` (re-render). Synced after every patch, so polls that
// patches add start and polls they remove (or change) stop. Ticks are skipped while the tab is hidden or while the
// previous tick of the same poll is still pending.
import { owns } from './client.js';
import { directives, withAttrPrefix } from './dom.js';
import { duration, durationModifier, modifiers } from './directives.js';
import { perform } from './component.js';

const polls = new WeakMap(); // comp → Map(key → {el, timer})

/** afterUpdate hook: (comp) sync, (comp, null, true) stop all. */
export function syncPolls(comp, root, removed) {
  if (!comp) return;
  const mine = polls.get(comp) || new Map();
  polls.set(comp, mine);
  const wanted = new Map();
  if (!removed) {
    for (const el of withAttrPrefix(comp.el, 'diff:poll')) {
      if (!owns(comp, el)) continue;
      for (const [name, value] of directives(el, 'diff:poll')) {
        const asTime = duration(value, null);
        const every = durationModifier(modifiers(name), asTime != null ? asTime : 2000);
        wanted.set(el, { key: name + '=' + value + '@' + every, every, action: asTime != null || !value ? '$refresh' : value });
      }
    }
  }
  for (const [el, p] of mine) {
    const w = wanted.get(el);
    if (w && w.key === p.key && el.isConnected) wanted.delete(el);
    else {
      clearInterval(p.timer);
      mine.delete(el);
    }
  }
  for (const [el, w] of wanted) {
    let busy = false;
    w.timer = setInterval(() => {
      if (busy || document.hidden) return;
      busy = true;
      Promise.resolve(perform(comp, w.action)).finally(() => { busy = false; });
    }, w.every);
    mine.set(el, w);
  }
}
