// Following and notifications: a comment on your idea rings your bell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn } from './support.mjs';

const env = withServer({ demo: true });

test('a comment on a followed idea shows up under the bell and is read there', async () => {
  const author = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
  const bob = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
  const errors = [...[author, bob].map(watchErrors)];

  // The demo customer starts from a clean slate: everything read.
  await signIn(author, env.server.url);
  await author.locator('a.bell').click();
  await author.getByRole('heading', { name: 'Notifications' }).waitFor();
  await author.locator('a.bell .badge').waitFor({ state: 'detached' });

  // Bob follows "Dark mode" (the demo customer's idea) and comments on it.
  await bob.goto(`${env.server.url}/register`);
  await bob.getByLabel('Email').fill('bob@example.org');
  await bob.getByLabel('Display name').fill('Bob');
  await bob.getByLabel('Password').fill('bobs-password-1');
  await bob.getByRole('button', { name: 'Create account' }).click();
  await bob.waitForURL(`${env.server.url}/`);
  await bob.goto(`${env.server.url}/ideas/1`);
  const follow = bob.getByRole('button', { name: 'Follow' });
  assert.equal(await follow.getAttribute('aria-pressed'), 'false');
  await follow.click();
  await bob.getByRole('button', { name: 'Following' }).waitFor();
  assert.equal(await bob.getByRole('button', { name: 'Following' }).getAttribute('aria-pressed'), 'true');
  await bob.getByLabel('Your comment').fill('Bob was here');
  await bob.getByRole('button', { name: 'Comment', exact: true }).click();
  await bob.locator('.comment', { hasText: 'Bob was here' }).waitFor();

  // The author's bell counts it on the next navigation.
  let badge = '';
  for (let i = 0; i < 40 && badge !== '1'; i++) {
    const to = i % 2 ? author.locator('a.who') : author.getByRole('link', { name: 'Ideas', exact: true });
    await to.click();
    badge = (await author.locator('a.bell .badge').textContent({ timeout: 250 }).catch(() => '')) ?? '';
    if (badge !== '1') await author.waitForTimeout(100);
  }
  assert.equal(badge, '1');
  await author.getByRole('link', { name: 'Notifications 1 unread' }).waitFor();
  await author.locator('a.bell').click();
  await author.locator('.notification', { hasText: 'New comment by Bob: Dark mode' }).waitFor();
  await author.locator('a.bell .badge').waitFor({ state: 'detached' });
  await author.getByRole('link', { name: 'Dark mode' }).first().click();
  await author.getByRole('heading', { name: 'Dark mode' }).waitFor();

  assert.deepEqual(errors.flat(), []);
});
