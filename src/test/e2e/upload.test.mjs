// The demo's profile photo: choosing an image uploads it with a progress bar, shows a preview only this browser may
// load, and Save moves it into the demo's album, from where it is served.
import assert from 'node:assert/strict';
import { CONTEXT, ORIGIN, component, e2e, useBrowser } from './support.mjs';

useBrowser();

/** A real PNG of `size`×`size` pixels, drawn by the browser: noisy enough to weigh a few hundred kilobytes. */
async function drawPng(page, size) {
  const base64 = await page.evaluate((n) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = n;
    const ctx = canvas.getContext('2d');
    const pixels = ctx.createImageData(n, n);
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i % 4 === 3) ? 255 : (Math.random() * 256) | 0;
    ctx.putImageData(pixels, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1];
  }, size);
  return Buffer.from(base64, 'base64');
}

const loaded = (img) => img.evaluate((el) => el.complete && el.naturalWidth);

e2e('profile photo: upload with progress, a preview for this browser only, then saved and served', async (s) => {
  const page = await s.open('/');
  const card = component(page, 'profile-photo');
  const png = await drawPng(page, 300);
  assert.ok(png.length > 200_000, `a PNG of ${png.length} bytes`);
  await page.evaluate(() => {
    window.progressSeen = [];
    document.addEventListener('diffyne:upload-progress', (e) => window.progressSeen.push(e.detail.progress));
  });

  await card.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await card.locator('[data-upload-percent="photo"]').filter({ hasText: /^100 %$/ }).waitFor();
  assert.equal(await card.locator('[data-upload-progress="photo"]').evaluate((el) => el.value), 100);
  const seen = await page.evaluate(() => window.progressSeen);
  assert.equal(seen.at(-1), 1, `progress events ${JSON.stringify(seen)} end at 1`);
  assert.ok(seen.every((p, i) => i === 0 || p >= seen[i - 1]), 'progress only grows');

  const preview = card.locator('figure.preview img');
  await preview.waitFor();
  await page.waitForFunction((el) => el.complete && el.naturalWidth === 300, await preview.elementHandle());
  assert.match(await card.locator('figure.preview figcaption').textContent(), new RegExp(`me\\.png · ${png.length} bytes`));
  const previewUrl = await preview.getAttribute('src');
  assert.match(previewUrl, new RegExp(`^${CONTEXT}/_diffyne/preview\\?id=[A-Za-z0-9_-]{32}\\.png$`));
  assert.equal((await page.request.get(ORIGIN + previewUrl)).status(), 200);
  const stranger = await s.open('/', { waitConnected: false });
  const theirs = await stranger.request.get(ORIGIN + previewUrl);
  assert.equal(theirs.status(), 404, 'another browser cannot see the upload');
  assert.equal((await theirs.json()).type, 'not_found');

  await card.getByRole('button', { name: 'Save photo' }).click();
  const saved = card.locator('figure.saved img');
  await saved.waitFor();
  await page.waitForFunction((el) => el.complete && el.naturalWidth === 300, await saved.elementHandle());
  assert.equal(await card.locator('figure.preview').count(), 0, 'the preview is gone once saved');
  const savedUrl = await saved.getAttribute('src');
  assert.match(savedUrl, new RegExp(`^${CONTEXT}/photos/[A-Za-z0-9_-]{22}\\.png$`));
  const served = await page.request.get(ORIGIN + savedUrl);
  assert.equal(served.status(), 200);
  assert.equal(served.headers()['content-type'], 'image/png');
  assert.equal(served.headers()['x-content-type-options'], 'nosniff');
  assert.ok(Buffer.compare(await served.body(), png) === 0, 'the saved photo is the uploaded file');
  assert.equal((await page.request.get(ORIGIN + previewUrl)).status(), 404, 'moved out of temporary storage');
  assert.ok(await loaded(saved));
});

e2e('profile photo: a file that is not an image is refused next to the field, and nothing is saved', async (s) => {
  const page = await s.open('/');
  const card = component(page, 'profile-photo');
  await card.locator('input[type=file]').setInputFiles({ name: 'fake.png', mimeType: 'image/png',
    buffer: Buffer.from('<svg onload="alert(1)"></svg>') });
  const error = card.locator('[diff\\:error="photo"]');
  await error.filter({ hasText: "The file's content is not image/png as declared" }).waitFor();
  assert.equal(await card.locator('figure.preview').count(), 0);
  await card.getByRole('button', { name: 'Save photo' }).click();
  await error.filter({ hasText: 'Choose a photo first' }).waitFor();
  assert.equal(await card.locator('figure.saved').count(), 0);
});
