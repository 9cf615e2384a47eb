// A member renames themselves and changes their password.
import { test } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { withServer, watchErrors } from './support.mjs';

const env = withServer();

test('change display name and password, then sign in with the new one', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const errors = watchErrors(page);

  // Visitors are sent to sign in.
  await page.goto(`${env.server.url}/account`);
  await page.getByRole('link', { name: 'Melde dich an, um dein Konto zu sehen.' }).click();
  await page.waitForURL(/\/login\?next=\/account$/);
  await page.getByRole('link', { name: 'Konto erstellen' }).last().click();
  await page.getByLabel('E-Mail').fill('grace@example.org');
  await page.getByLabel('Anzeigename').fill('Grace');
  await page.getByLabel('Passwort').fill('first-password-1');
  await page.getByRole('button', { name: 'Konto erstellen' }).click();
  await page.locator('a.who', { hasText: 'Grace' }).click();
  await page.getByRole('heading', { name: 'Dein Konto' }).waitFor();

  await page.getByLabel('Anzeigename').fill('Grace Hopper');
  await page.locator('form', { has: page.getByLabel('Anzeigename') }).getByRole('button', { name: 'Speichern' }).click();
  await page.locator('a.who', { hasText: 'Grace Hopper' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Dein Name ist gespeichert.' }).waitFor();

  await page.getByLabel('Aktuelles Passwort').fill('not-my-password');
  await page.getByLabel('Neues Passwort').fill('second-password-2');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await page.getByText('Das ist nicht dein aktuelles Passwort.').waitFor();
  await page.getByLabel('Aktuelles Passwort').fill('first-password-1');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await page.getByRole('status').filter({ hasText: 'Dein Passwort ist geändert.' }).waitFor();
  assert.equal(await page.getByLabel('Neues Passwort').inputValue(), '');

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByRole('link', { name: 'Anmelden' }).first().click();
  await page.getByLabel('E-Mail').fill('grace@example.org');
  await page.getByLabel('Passwort').fill('second-password-2');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.locator('a.who', { hasText: 'Grace Hopper' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('my activity, my data as a download, and deleting my account', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => d.accept());

  await page.goto(`${env.server.url}/register`);
  await page.getByLabel('Email').fill('linus@example.org');
  await page.getByLabel('Display name').fill('Linus');
  await page.getByLabel('Password').fill('linus-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${env.server.url}/`);
  await page.getByLabel('Title').fill('Idea to outlive me');
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.waitForURL(/\/ideas\/\d+$/);
  await page.locator('button.vote').click();
  await page.locator('button.vote .vote-count', { hasText: '1' }).waitFor();
  await page.getByLabel('Your comment').fill('First!');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.locator('.comment', { hasText: 'First!' }).waitFor();
  const ideaUrl = page.url();

  await page.locator('a.who').click();
  const mine = page.locator('section.activity', { has: page.getByRole('heading', { name: 'My ideas' }) });
  await mine.getByRole('link', { name: 'Idea to outlive me' }).waitFor();
  await page.locator('section.activity', { has: page.getByRole('heading', { name: 'Ideas I voted for' }) })
    .getByRole('link', { name: 'Idea to outlive me' }).waitFor();
  await page.locator('section.activity', { has: page.getByRole('heading', { name: 'My comments' }) })
    .getByText('First!').waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download all my data (JSON)' }).click(),
  ]);
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(data.user.email, 'linus@example.org');
  assert.equal(data.ideas[0].title, 'Idea to outlive me');
  assert.equal(data.comments[0].body, 'First!');
  assert.equal(data.votes.length, 1);

  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL(`${env.server.url}/`);
  await page.getByRole('status').filter({ hasText: 'Your account is deleted.' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
  await page.goto(ideaUrl);
  await page.getByText('by deleted account').waitFor();
  await page.locator('button.vote .vote-count', { hasText: '0' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
