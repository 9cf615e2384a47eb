// Live updates: a vote cast elsewhere shows up in an open browser within a
// second, without a reload and without touching what the user is typing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn } from './support.mjs';

const env = withServer({ demo: true });

test('a vote from someone else updates the count in an open board', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/`);
  // A visitor half-way through typing a search.
  await page.getByRole('searchbox', { name: 'Search ideas' }).fill('half-typed');
  const card = page.locator('li.idea-card', { hasText: 'Undo for deletions' });
  await card.waitFor();
  await page.evaluate(() => { window.__noReload = true; });

  // Someone else votes, through the API.
  const reg = await fetch(`${env.server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'elsewhere@example.org', password: 'elsewhere-pass-1', display_name: 'Else' }),
  });
  const cookie = reg.headers.get('set-cookie').split(';')[0];
  const vote = await fetch(`${env.server.url}/api/v1/ideas/12/vote`, { method: 'PUT', headers: { cookie } });
  assert.equal(vote.status, 200);

  // It arrives on its own (the latency is measured by the benchmarks, not here).
  await card.locator('.vote-count', { hasText: /^1$/ }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__noReload), true, 'no reload');
  assert.equal(await page.getByRole('searchbox', { name: 'Search ideas' }).inputValue(), 'half-typed');
  assert.deepEqual(errors, []);
  await context.close();
});

test("someone else's comment appears on an open idea page", async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/ideas/12`);
  await page.getByRole('heading', { name: 'Comments (0)' }).waitFor();

  const reg = await fetch(`${env.server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'talker@example.org', password: 'talker-pass-12', display_name: 'Talker' }),
  });
  const cookie = reg.headers.get('set-cookie').split(';')[0];
  const res = await fetch(`${env.server.url}/api/v1/ideas/12/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ body: 'Said **elsewhere**' }),
  });
  assert.equal(res.status, 201);

  await page.locator('.comment', { hasText: 'Talker' }).locator('strong', { hasText: 'elsewhere' }).waitFor({ timeout: 5000 });
  await page.getByRole('heading', { name: 'Comments (1)' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('new ideas are announced on the board and shown on request', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/?sort=new`);
  await page.locator('li.idea-card').first().waitFor();
  const before = await page.locator('li.idea-card').count();

  const reg = await fetch(`${env.server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'poster@example.org', password: 'poster-pass-12', display_name: 'Poster' }),
  });
  const cookie = reg.headers.get('set-cookie').split(';')[0];
  await fetch(`${env.server.url}/api/v1/ideas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ title: 'Arrived while reading', body: '' }),
  });

  const banner = page.getByRole('button', { name: 'Show new ideas (1)' });
  await banner.waitFor({ timeout: 5000 });
  assert.equal(await page.locator('li.idea-card').count(), before, 'the list does not move by itself');
  await banner.click();
  await page.getByRole('link', { name: 'Arrived while reading' }).waitFor();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a product manager's status change and response appear on an open idea page", async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, env.server.url);
  await page.goto(`${env.server.url}/ideas/12`);
  const comment = page.getByLabel('Your comment');
  await comment.fill('half-written thought');
  const badge = page.locator('.idea-detail .status').first();
  const before = await badge.textContent();

  const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'pm@schwarm.example', password: 'demo-manager-2026' }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const res = await fetch(`${env.server.url}/api/v1/ideas/12/status`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ status: 'in progress', response: 'Started **this week**.' }),
  });
  assert.equal(res.status, 200);

  await page.locator('.idea-detail .status', { hasText: 'In progress' }).waitFor({ timeout: 5000 });
  await page.locator('.status-response strong', { hasText: 'this week' }).waitFor({ timeout: 5000 });
  assert.notEqual(before, 'In progress');
  assert.equal(await comment.inputValue(), 'half-written thought', 'the typed comment stays');
  assert.deepEqual(errors, []);
  await context.close();
});
