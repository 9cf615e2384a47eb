// An author changes their mind: edits the idea, then deletes it; once a
// product manager has taken an idea up, it can no longer be changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn } from './support.mjs';

const env = withServer({ demo: true });

test('the author edits and deletes an open idea, but not a triaged one', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => d.accept());

  await signIn(page, env.server.url);

  // "Dark mode" is the demo customer's, but planned: no edit, no delete.
  await page.getByRole('link', { name: 'Dark mode' }).click();
  await page.getByRole('heading', { name: 'Dark mode' }).waitFor();
  await page.getByRole('heading', { name: /^Comments/ }).waitFor();
  assert.equal(await page.locator('.idea-detail').getByRole('button', { name: 'Edit' }).count(), 0);

  // A new idea of their own can be edited...
  await page.getByRole('link', { name: 'All ideas' }).click();
  await page.getByLabel('Title').fill('Export to PDF');
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.waitForURL(/\/ideas\/\d+$/);
  const detail = page.locator('.idea-detail');
  await detail.getByRole('button', { name: 'Edit' }).click();
  await detail.getByLabel('Title').fill('Export reports to PDF');
  await detail.getByLabel('Description (optional)').fill('With the *company logo*.');
  await detail.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Export reports to PDF' }).waitFor();
  await detail.locator('.idea-body em', { hasText: 'company logo' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Your idea is saved.' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Export reports to PDF' }).waitFor();

  // ...and deleted.
  await page.locator('.idea-detail').getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(`${env.server.url}/`);
  await page.getByRole('status').filter({ hasText: 'Your idea is deleted.' }).waitFor();
  await page.locator('li.idea-card').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Export reports to PDF' }).count(), 0);

  assert.deepEqual(errors, []);
  await context.close();
});
