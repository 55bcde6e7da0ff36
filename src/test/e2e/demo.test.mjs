// The demo's scenarios at `/`, each in a fresh browser, over the default transport (WebSocket with AJAX fallback).
import assert from 'node:assert/strict';
import { component, e2e, recordAjax, recordFrames, until, useBrowser } from './support.mjs';

useBrowser();

const texts = (locator) => locator.allTextContents().then((all) => all.map((s) => s.replace(/\s+/g, ' ').trim()));

e2e('counter: +, − and reset patch the count', async (s) => {
  const page = await s.open('/');
  const counter = component(page, 'counter');
  const count = counter.locator('.count');
  for (let i = 0; i < 3; i++) await counter.getByRole('button', { name: '+' }).click();
  await assert.doesNotReject(count.filter({ hasText: /^3$/ }).waitFor());
  await counter.getByRole('button', { name: '−' }).click();
  await count.filter({ hasText: /^2$/ }).waitFor();
  await counter.getByRole('button', { name: 'Reset' }).click();
  await count.filter({ hasText: /^0$/ }).waitFor();
  assert.equal(await count.textContent(), '0');
});

e2e('todo list: add, toggle, remove, clear completed', async (s) => {
  const page = await s.open('/');
  const todos = component(page, 'todo-list');
  const items = todos.locator('li');
  const footer = todos.locator('.footer');

  await todos.getByPlaceholder('What needs doing?').fill('Buy milk');
  await todos.getByRole('button', { name: 'Add' }).click();
  await items.nth(2).filter({ hasText: 'Buy milk' }).waitFor();
  assert.deepEqual(await texts(items.locator('span')), ['Try the counter', 'Open the chat in two windows', 'Buy milk']);
  await footer.filter({ hasText: '3 remaining' }).waitFor();
  assert.equal(await todos.getByPlaceholder('What needs doing?').inputValue(), '', 'the field is emptied after adding');

  const milk = items.filter({ hasText: 'Buy milk' });
  await milk.getByRole('checkbox').check();
  await todos.locator('li.done').filter({ hasText: 'Buy milk' }).waitFor();
  await footer.filter({ hasText: '2 remaining' }).waitFor();
  assert.equal(await milk.getByRole('checkbox').isChecked(), true);

  await items.filter({ hasText: 'Try the counter' }).getByTitle('Remove').click();
  await items.filter({ hasText: 'Try the counter' }).waitFor({ state: 'detached' });
  assert.deepEqual(await texts(items.locator('span')), ['Open the chat in two windows', 'Buy milk']);

  await todos.getByRole('button', { name: 'Clear completed' }).click();
  await milk.waitFor({ state: 'detached' });
  assert.deepEqual(await texts(items.locator('span')), ['Open the chat in two windows']);
  await footer.filter({ hasText: '1 remaining' }).waitFor();
  assert.equal(await todos.getByRole('button', { name: 'Clear completed' }).count(), 0);
});

/** The error element of `field` must be the next element after the field's label, and be rendered just below it. */
async function errorNextTo(form, field, message) {
  const error = form.locator(`[diff\\:error="${field}"]`);
  await error.filter({ hasText: message }).waitFor();
  assert.equal(await error.textContent(), message);
  const input = form.locator(`[name="${field}"]`);
  const adjacent = await input.evaluate((el, f) => {
    const next = el.closest('label').nextElementSibling;
    return next && next.getAttribute('diff:error') === f;
  }, field);
  assert.ok(adjacent, `the error of ${field} follows its field`);
  const [a, b] = [await input.boundingBox(), await error.boundingBox()];
  assert.ok(b.y >= a.y + a.height - 1 && b.y - (a.y + a.height) < 40, `the error of ${field} is shown right below it`);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
}

e2e('contact form: validation errors next to their fields, input kept, then success', async (s) => {
  const page = await s.open('/');
  const form = component(page, 'contact-form');
  const send = form.getByRole('button', { name: 'Send message' });

  await send.click();
  await errorNextTo(form, 'name', 'Please enter your name');
  await errorNextTo(form, 'email', 'Email address is required');
  await errorNextTo(form, 'message', 'Message cannot be empty');

  await form.locator('[name="name"]').fill('Al');
  await form.locator('[name="email"]').fill('not-an-email');
  await form.locator('[name="message"]').fill('Too short');
  await send.click();
  await errorNextTo(form, 'name', 'Your name needs 3 to 255 characters');
  await errorNextTo(form, 'email', 'Please enter a valid email address');
  await errorNextTo(form, 'message', 'Your message needs at least 10 characters');
  assert.equal(await form.locator('[name="name"]').inputValue(), 'Al', 'a failed validation keeps the input');
  assert.equal(await form.locator('[name="email"]').inputValue(), 'not-an-email');
  assert.equal(await form.locator('[name="message"]').inputValue(), 'Too short');

  await form.locator('[name="name"]').fill('Ada Lovelace');
  await form.locator('[name="email"]').fill('ada@example.com');
  await send.click();
  // the message's error text stays the same: wait for the answer through the fields that were fixed
  await until(async () => (await form.locator('[diff\\:error="name"]').textContent()) === '');
  await errorNextTo(form, 'message', 'Your message needs at least 10 characters');
  assert.equal(await form.locator('[diff\\:error="name"]').textContent(), '', 'a fixed field loses its error');
  assert.equal(await form.locator('[diff\\:error="email"]').textContent(), '');
  assert.equal(await form.locator('[name="name"]').getAttribute('aria-invalid'), null);

  await form.locator('[name="message"]').fill('The analytical engine weaves algebraic patterns.');
  await send.click();
  await form.getByText('Thanks! Your message was sent.').waitFor();
  await form.getByRole('button', { name: 'Send another' }).click();
  await form.locator('[name="name"]').waitFor();
  assert.equal(await form.locator('[name="name"]').inputValue(), '', 'success resets the form');
  assert.equal(await form.locator('[name="message"]').inputValue(), '');
});

e2e('live search: one debounced request after typing stops, results and ?q= follow', async (s) => {
  let frames;
  let ajax;
  const page = await s.open('/', { setup: (p) => { frames = recordFrames(p); ajax = recordAjax(p); } });
  const search = component(page, 'live-search');
  const box = search.getByPlaceholder('Search people…');
  const searches = () => [...frames.sent.filter((e) => e.event === 'diffyne.update').map((e) => e.data),
    ...ajax.filter((b) => b.type === 'update')].filter((b) => b.property === 'search');

  await box.click();
  await page.keyboard.type('grac', { delay: 60 });
  const typedAt = Date.now();
  await search.locator('li').filter({ hasText: 'Grace Hopper' }).waitFor();
  await until(async () => (await search.locator('li').count()) === 1);
  assert.deepEqual(await texts(search.locator('li strong')), ['Grace Hopper']);
  const sent = searches();
  assert.deepEqual(sent.map((b) => b.value), ['grac'], 'one request for the whole word, not one per key');
  assert.ok(Date.now() - typedAt >= 250, 'the request waited for the 300 ms debounce');
  await until(() => page.evaluate(() => location.search === '?q=grac'));
  assert.equal(await page.evaluate(() => location.search), '?q=grac');

  await box.fill('zzz');
  await search.getByText('No people found matching "zzz"').waitFor();
  assert.equal(await search.locator('li').count(), 0);

  await search.getByTitle('Clear').click();
  await until(async () => (await search.locator('li').count()) === 10);
  assert.equal(await search.locator('li').count(), 10);
  assert.equal(await box.inputValue(), '');
});

e2e('confirmation modal: cancel keeps the post, confirm deletes it and the logger records it', async (s) => {
  const page = await s.open('/');
  const posts = component(page, 'post-list');
  const modal = component(page, 'confirmation-modal');
  const logger = component(page, 'page-change-logger');
  const deleted = page.evaluate(() => new Promise((r) => addEventListener('post-deleted', (e) => r(e.detail), { once: true })));

  await posts.locator('li').filter({ hasText: 'Post number 2' }).getByRole('button', { name: 'Delete' }).click();
  await modal.locator('.dialog').waitFor();
  assert.equal(await modal.locator('h3').textContent(), 'Delete Post');
  assert.equal(await modal.locator('p').textContent(),
    'Are you sure you want to delete "Post number 2"? This action cannot be undone.');
  await modal.getByRole('button', { name: 'Cancel' }).click();
  await modal.locator('.dialog').waitFor({ state: 'detached' });
  assert.deepEqual(await texts(posts.locator('li span')), ['Post number 1', 'Post number 2', 'Post number 3']);

  await posts.locator('li').filter({ hasText: 'Post number 2' }).getByRole('button', { name: 'Delete' }).click();
  await modal.getByRole('button', { name: 'Delete' }).click();
  await posts.locator('li').filter({ hasText: 'Post number 2' }).waitFor({ state: 'detached' });
  assert.deepEqual(await texts(posts.locator('li span')), ['Post number 1', 'Post number 3', 'Post number 4']);
  assert.equal(await modal.locator('.dialog').count(), 0, 'the modal closed');
  await logger.locator('li').filter({ hasText: 'Data was deleted' }).waitFor();
  assert.deepEqual(await deleted, { message: 'Post deleted successfully!', type: 'success' });
  await page.locator('#toast').filter({ hasText: 'Post deleted successfully!' }).waitFor();
});

e2e('page-change logger: each page change is logged, newest first, and can be cleared', async (s) => {
  const page = await s.open('/');
  const posts = component(page, 'post-list');
  const logger = component(page, 'page-change-logger');
  const entries = () => texts(logger.locator('li:not(.empty)'));

  await posts.getByRole('button', { name: 'Next' }).click();
  await posts.getByText('Page 2 of 4').waitFor();
  await logger.getByText('Total Changes: 1').waitFor();
  await posts.getByRole('button', { name: 'Next' }).click();
  await posts.getByText('Page 3 of 4').waitFor();
  await posts.getByRole('button', { name: 'Previous' }).click();
  await posts.getByText('Page 2 of 4').waitFor();
  await logger.getByText('Total Changes: 3').waitFor();
  const logged = (await entries()).map((t) => t.replace(/^\d\d:\d\d:\d\d /, ''));
  assert.deepEqual(logged, ['Page 2 Change #3', 'Page 3 Change #2', 'Page 2 Change #1']);
  assert.deepEqual(await texts(posts.locator('li span')), ['Post number 4', 'Post number 5', 'Post number 6']);

  await logger.getByRole('button', { name: 'Clear' }).click();
  await logger.getByText('No events logged yet.').waitFor();
  await logger.getByText('Total Changes: 0').waitFor();
});
