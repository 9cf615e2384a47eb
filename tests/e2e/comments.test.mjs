// The discussion under an idea, in the browser: Markdown rendered by the
// server, one level of replies, editing and deleting one's own comment, and
// nothing a user writes ever runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn } from './support.mjs';

const env = withServer({ demo: true });

test('comment, reply, edit and delete; Markdown is rendered and scripts never run', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await (d.type() === 'confirm' ? d.accept() : d.dismiss());
  });

  // Visitors read the discussion, with the manager's reply under its comment.
  await page.goto(`${env.server.url}/ideas/1`);
  await page.getByRole('heading', { name: 'Comments (3)' }).waitFor();
  await page.locator('.replies .comment', { hasText: 'Thanks! We are looking into this.' }).waitFor();
  await page.getByRole('link', { name: 'Sign in to join the discussion.' }).waitFor();
  // The product manager's latest public response to it.
  const response = page.locator('.status-response');
  await response.getByText('Response from Demo Manager').waitFor();
  await response.locator('strong', { hasText: 'planned' }).waitFor();
  // Who backs it: the initials of the six voters, their names on hover.
  await page.getByText('Backed by').waitFor();
  assert.equal(await page.locator('.voters li').count(), 6);
  assert.equal(await page.locator('.voters li[title="Ada"]').innerText(), 'A');

  await signIn(page, env.server.url);
  await page.goto(`${env.server.url}/ideas/1`);
  await page.getByRole('heading', { name: 'Comments (3)' }).waitFor();

  // A comment in Markdown, with an attack in it.
  await page.getByLabel('Your comment').fill('This is **great** <img src=x onerror=alert(1)> [x](javascript:alert(2))');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.locator('.comment strong', { hasText: 'great' }).waitFor();
  const mineId = await page.locator('.comment', { hasText: 'This is' }).last().getAttribute('id');
  const mine = page.locator(`#${mineId}`);
  await page.getByRole('heading', { name: 'Comments (4)' }).waitFor();
  assert.equal(await mine.locator('img').count(), 0, 'raw HTML is text');
  assert.match(await mine.innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await mine.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await page.getByLabel('Your comment').inputValue(), '', 'the box is cleared');

  // A reply to the first comment.
  await page.locator('.comment-list > li').first().getByRole('button', { name: 'Reply' }).click();
  await page.getByLabel('Your reply').fill('A reply from the customer');
  await page.getByRole('button', { name: 'Comment', exact: true }).first().click();
  await page.locator('.comment-list > li').first().locator('.replies .comment', { hasText: 'A reply from the customer' }).waitFor();
  await page.getByRole('heading', { name: 'Comments (5)' }).waitFor();

  // Edit one's own comment.
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByLabel('Your comment').fill('Changed to *emphasis*');
  await mine.getByRole('button', { name: 'Save' }).click();
  const edited = mine;
  await edited.locator('em', { hasText: 'emphasis' }).waitFor();
  await edited.getByText('(edited)').waitFor();

  // Other people's comments offer no edit.
  const foreign = page.locator('.comment-list > li').first().locator('> .comment');
  assert.equal(await foreign.getByRole('button', { name: 'Edit' }).count(), 0);

  // Delete it (after confirming).
  await edited.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('heading', { name: 'Comments (4)' }).waitFor();
  assert.equal(await page.locator('.comment', { hasText: 'Changed to' }).count(), 0);

  // Everything survives a reload, and German works here too.
  await page.reload();
  await page.getByRole('heading', { name: 'Comments (4)' }).waitFor();
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('heading', { name: 'Kommentare (4)' }).waitFor();
  await page.getByRole('button', { name: 'Antworten' }).first().waitFor();

  assert.deepEqual(dialogs, ['confirm: Delete this comment and its replies?'], 'no alert() ever ran');
  assert.deepEqual(errors, []);
  await context.close();
});
