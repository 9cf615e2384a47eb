// A member renames themselves and changes their password.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, watchErrors } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('change display name and password, then sign in with the new one', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const errors = watchErrors(page);

  // Visitors are sent to sign in.
  await page.goto(`${server.url}/account`);
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
  await page.getByRole('button', { name: 'Speichern' }).click();
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
