// Finding ideas: full-text search in the URL, and duplicate hints with a
// one-click vote while a new idea's title is typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, waitForTexts, signIn } from './support.mjs';

const env = withServer({ demo: true });

test('search puts the best match first, lives in the URL, and says when nothing matches', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(env.server.url);
  await page.locator('li.idea-card').nth(11).waitFor();

  await page.getByRole('searchbox', { name: 'Search ideas' }).fill('dark');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\?sort=relevance&q=dark$/);
  await waitForTexts(page, '.idea-title', (titles) => titles[0] === 'Dark mode' && titles.length < 12);
  assert.equal(await page.getByRole('link', { name: 'Best match' }).getAttribute('aria-current'), 'page');

  // A shared link opens the same view.
  await page.goto(`${env.server.url}/?q=slack`);
  await page.getByRole('link', { name: 'Slack notifications' }).waitFor();
  assert.equal(await page.locator('li.idea-card').count(), 1);
  assert.equal(await page.getByRole('searchbox', { name: 'Search ideas' }).inputValue(), 'slack');

  await page.getByRole('searchbox', { name: 'Search ideas' }).fill('xyzzy');
  await page.keyboard.press('Enter');
  await page.getByText('No idea matches your search.', { exact: false }).waitFor();

  await page.getByRole('button', { name: 'Clear search' }).click();
  await page.waitForURL(/\?sort=trending$/);
  await page.locator('li.idea-card').nth(11).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing a title shows similar ideas with a one-click vote', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, env.server.url);

  await page.getByLabel('Title').pressSequentially('Dark theme', { delay: 20 });
  const hints = page.locator('.similar-ideas');
  await hints.getByText('Similar ideas exist.', { exact: false }).waitFor();
  const hint = hints.locator('li', { hasText: 'Dark mode' });
  await hint.waitFor();
  const before = Number(await hint.locator('.vote-count').innerText());
  await hint.getByRole('button').click();
  await hint.locator('.vote-count', { hasText: String(before + 1) }).waitFor();
  assert.equal(await hint.getByRole('button').getAttribute('aria-pressed'), 'true');
  await page.getByRole('status').filter({ hasText: 'Your vote is counted.' }).waitFor();

  // Nothing was posted: the title is still there to change or drop.
  assert.equal(await page.getByLabel('Title').inputValue(), 'Dark theme');
  await page.getByLabel('Title').fill('');
  await hints.getByText('Similar ideas exist.', { exact: false }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
