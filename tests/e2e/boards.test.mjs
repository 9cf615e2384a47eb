// Several boards with their own tags: filter by board and tag (in the URL),
// and post an idea to a chosen board with tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, waitForTexts, signIn } from './support.mjs';

const env = withServer({ demo: true });

test('boards and tags filter the list and are chosen when posting', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/?sort=new`);
  await page.locator('li.idea-card').nth(11).waitFor();

  await page.getByRole('link', { name: 'Mobile app', exact: true }).click();
  await page.waitForURL(/board=mobile/);
  const mobile = await waitForTexts(page, 'li.idea-card .board-name', (b) => b.every((n) => n === 'Mobile app'));
  assert.equal(mobile.length, 3);
  await page.locator('.tag-filter').getByRole('link', { name: 'Notifications' }).click();
  await page.waitForURL(/board=mobile&tag=Notifications/);
  await waitForTexts(page, '.idea-title', (t) => t.length === 2);
  await page.goBack();
  await waitForTexts(page, '.idea-title', (t) => t.length === 3);

  await signIn(page, env.server.url);
  await page.getByLabel('Title').fill('Widgets on the home screen');
  await page.getByRole('combobox', { name: 'Board' }).selectOption('mobile');
  await page.getByLabel('Offline').check();
  await page.getByLabel('UX').check();
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.waitForURL(/\/ideas\/\d+$/);
  const meta = page.locator('.idea-detail .idea-meta');
  await meta.getByText('Mobile app').waitFor();
  assert.deepEqual(await meta.locator('.tag').allTextContents(), ['Offline', 'UX']);
  assert.deepEqual(errors, []);
  await context.close();
});
