// Follower emails: a comment mails the idea's author, the email's link
// unsubscribes without signing in, and the account page shows and changes
// the email settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './support.mjs';
import { startSmtpSink } from './smtp-sink.mjs';

const env = {};
before(async () => {
  env.sink = await startSmtpSink();
  env.server = await startServer({ args: ['--smtp-url', `smtp://127.0.0.1:${env.sink.port}`] });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  await env.sink?.close();
});

async function member(email, name) {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const res = await context.request.post(`${env.server.url}/api/v1/auth/register`, {
    data: { email, password: 'a-long-enough-password', display_name: name },
  });
  assert.equal(res.status(), 201);
  return context;
}

test('a comment is emailed; its link unsubscribes; the account page keeps the choice', async () => {
  const url = env.server.url;
  const ada = await member('ada@example.org', 'Ada');
  const idea = await (await ada.request.post(`${url}/api/v1/ideas`, { data: { title: 'Keyboard shortcuts', body: '' } })).json();
  const bob = await member('bob@example.org', 'Bob');
  const comment = await bob.request.post(`${url}/api/v1/ideas/${idea.id}/comments`, { data: { body: 'Yes please' } });
  assert.equal(comment.status(), 201);

  const mail = await env.sink.waitFor((m) => m.to.includes('ada@example.org'));
  const link = mail.listUnsubscribe.replace(/^<|>$/g, '');
  assert.match(link, /\/unsubscribe\?token=[\w-]+&kind=replies$/);

  // Someone who is not signed in opens the link.
  const stranger = await env.browser.newContext({ locale: 'en-US' });
  const page = await stranger.newPage();
  const errors = watchErrors(page);
  await page.goto(link);
  await page.getByRole('status').filter({ hasText: 'Done: you will get no more emails about comments.' }).waitFor();
  await page.goto(`${url}/unsubscribe?token=not-a-token&kind=replies`);
  await page.getByRole('alert').filter({ hasText: 'This unsubscribe link is not valid (any more).' }).waitFor();
  assert.deepEqual(errors, []);

  // Ada sees it on her account page, and changes more.
  const own = await ada.newPage();
  const ownErrors = watchErrors(own);
  await own.goto(`${url}/account`);
  const comments = own.getByLabel('New comments and replies');
  const statuses = own.getByLabel("Status changes and the team's responses");
  await comments.waitFor();
  assert.equal(await comments.isChecked(), false);
  assert.equal(await statuses.isChecked(), true);
  await statuses.uncheck();
  await own.getByLabel('Language of the emails').selectOption('de');
  await own.locator('.email-settings').getByRole('button', { name: 'Save' }).click();
  await own.getByRole('status').filter({ hasText: 'Your email settings are saved.' }).waitFor();
  await own.reload();
  await own.getByLabel('Language of the emails').waitFor();
  assert.equal(await own.getByLabel("Status changes and the team's responses").isChecked(), false);
  assert.equal(await own.getByLabel('Language of the emails').inputValue(), 'de');
  assert.deepEqual(ownErrors, []);
  for (const c of [ada, bob, stranger]) await c.close();
});
