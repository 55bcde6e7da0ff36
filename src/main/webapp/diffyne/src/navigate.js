// Redirects (`redirect` of a response): a full navigation, or with `spa` an in-place one that swaps the body,
// pushes the URL and starts the new page's components (falling back to a full navigation on any failure, and for
// other origins: a foreign page's markup is never swapped into this one).
import { client, scan, sweep } from './client.js';

export async function navigate({ url, spa }) {
  if (!spa || new URL(url, location.href).origin !== location.origin) return client.assign(url);
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { 'X-Diffyne-Navigate': 'true' } });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const cfg = doc.getElementById('diffyne-config');
    if (cfg) Object.assign(client.config, JSON.parse(cfg.textContent));
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    history.pushState({}, '', res.url || url);
    sweep();
    scan(document.body);
  } catch {
    client.assign(url);
  }
}
