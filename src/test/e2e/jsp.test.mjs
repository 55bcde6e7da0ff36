// The JSP page /jsp/counter.jsp: one counter mounted by <diffyne:component name="counter" step="2"/>, one by the EL
// bean ${diffyne.mount('counter', {'step': 5})}, the client from <diffyne:scripts/>; clicks travel over WebSocket.
import assert from 'node:assert/strict';
import { BASE, e2e, recordFrames, useBrowser } from './support.mjs';

useBrowser();

e2e('jsp: the tag and the EL bean mount counters that count over WebSocket', async (s) => {
  // the server compiles the JSP on its first request, which takes longer than a browser step may
  const first = await fetch(BASE + '/jsp/counter.jsp', { signal: AbortSignal.timeout(50_000) });
  assert.equal(first.status, 200);
  let frames;
  const page = await s.open('/jsp/counter.jsp', { setup: (p) => { frames = recordFrames(p); } });
  const counters = page.locator('[diff\\:component="counter"]');
  assert.equal(await counters.count(), 2);
  const [tag, el] = [counters.nth(0), counters.nth(1)];

  await tag.getByRole('button', { name: '+' }).click();
  await tag.locator('.count').filter({ hasText: /^2$/ }).waitFor();
  await tag.getByRole('button', { name: '+' }).click();
  await tag.locator('.count').filter({ hasText: /^4$/ }).waitFor();
  await el.getByRole('button', { name: '+' }).click();
  await el.locator('.count').filter({ hasText: /^5$/ }).waitFor();
  assert.equal(await tag.locator('.count').textContent(), '4', 'each counter keeps its own state');

  assert.equal(frames.calls('increment').length, 3, 'the three clicks went over the WebSocket');
  assert.equal(await page.locator('#diffyne-config').count(), 1, 'one client bootstrap');
});
