// Moderation in the browser: spam and hidden ideas, hidden comments, the
// approval queue, blocked members.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn, sessionCookie, waitForTexts } from './support.mjs';

const env = withServer({ demo: true });
const MANAGER = { email: 'pm@schwarm.example', password: 'demo-manager-2026' };
const ADMIN = { email: 'admin@schwarm.example', password: 'demo-admin-2026' };

async function as(who) {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => d.accept());
  await signIn(page, env.server.url, who);
  return { context, page, errors };
}

async function api(context, method, path, body) {
  const cookie = await sessionCookie(context, env.server.url);
  const res = await fetch(`${env.server.url}/api/v1${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', origin: env.server.url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

test('spam leaves the board, waits in the hidden list, and is restored from there', async () => {
  const { context, page, errors } = await as(MANAGER);
  const member = await as(undefined);
  await page.goto(`${env.server.url}/pm/ideas?sort=new`);
  const row = page.locator('li.triage-row').first();
  const title = await row.locator('.triage-head a').textContent();
  await row.getByRole('button', { name: 'Spam' }).click();
  await row.locator('.flag', { hasText: 'Spam' }).waitFor();

  await member.page.goto(`${env.server.url}/?sort=new`);
  await waitForTexts(member.page, 'li.idea-card .idea-title', (t) => !t.includes(title));

  await page.goto(`${env.server.url}/pm/ideas?view=hidden&sort=new`);
  const hidden = page.locator('li.triage-row', { hasText: title });
  await hidden.getByRole('button', { name: 'Restore' }).click();
  await hidden.locator('.flag').waitFor({ state: 'detached' });
  await member.page.goto(`${env.server.url}/?sort=new`);
  await waitForTexts(member.page, 'li.idea-card .idea-title', (t) => t.includes(title));
  assert.deepEqual([...errors, ...member.errors], []);
  await member.context.close();
  await context.close();
});

test('a comment hidden by the team disappears for members and comes back when restored', async () => {
  const { context, page, errors } = await as(MANAGER);
  await page.goto(`${env.server.url}/pm/ideas?sort=discussed`);
  const href = await page.locator('li.triage-row .triage-head a').first().getAttribute('href');
  await page.goto(`${env.server.url}${href}`);
  const first = page.locator('.comment').first();
  await first.waitFor();
  const text = (await first.locator('.prose').textContent()).trim();
  const before = (await api(context, 'GET', `/ideas/${href.split('/').pop()}`)).body.comment_count;
  await first.getByRole('button', { name: 'Hide' }).click();
  // The team still sees it, marked, and can restore it.
  await page.locator('.comment.hidden-comment', { hasText: text }).getByText('Hidden from members').waitFor();

  const id = href.split('/').pop();
  const after = await api(context, 'GET', `/ideas/${id}`);
  assert.equal(after.body.comment_count, before - 1);
  const visitor = await fetch(`${env.server.url}/api/v1/ideas/${id}/comments`).then((r) => r.text());
  assert.ok(!visitor.includes(text), visitor);

  await page.locator('.comment.hidden-comment', { hasText: text }).getByRole('button', { name: 'Restore' }).click();
  await page.locator('.comment.hidden-comment').waitFor({ state: 'detached' });
  const restored = await fetch(`${env.server.url}/api/v1/ideas/${id}/comments`).then((r) => r.text());
  assert.ok(restored.includes(text), restored);
  assert.equal((await api(context, 'GET', `/ideas/${id}`)).body.comment_count, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a board that asks for approval a new member waits, and a product manager approves', async () => {
  const admin = await as(ADMIN);
  await admin.page.goto(`${env.server.url}/admin/statuses`);
  await admin.page.getByRole('checkbox', { name: 'Mobile app' }).check();
  for (let k = 0; k < 50 && !(await api(admin.context, 'GET', '/boards')).body.find((b) => b.slug === 'mobile').approval_required; k += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }

  // A new member posts on that board.
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.server.url}/register`);
  await page.getByLabel('Email').fill('newbie@example.org');
  await page.getByLabel('Display name').fill('Newbie');
  await page.getByLabel('Password').fill('a long enough password 1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${env.server.url}/`);
  const made = await api(context, 'POST', '/ideas', { title: 'Widgets for the home screen', board: 'mobile' });
  assert.equal(made.body.pending, true);
  await page.goto(`${env.server.url}/?sort=new`);
  await page.locator('li.idea-card', { hasText: 'Widgets for the home screen' }).locator('.pending').waitFor();
  const outside = await fetch(`${env.server.url}/api/v1/ideas/${made.body.id}`);
  assert.equal(outside.status, 404);

  const pm = await as(MANAGER);
  await pm.page.goto(`${env.server.url}/pm/ideas?view=pending`);
  const row = pm.page.locator('li.triage-row', { hasText: 'Widgets for the home screen' });
  await row.getByRole('button', { name: 'Approve' }).click();
  await row.locator('.flag').waitFor({ state: 'detached' });
  assert.equal((await fetch(`${env.server.url}/api/v1/ideas/${made.body.id}`)).status, 200);

  // Blocked from the people page, the member can no longer vote.
  await admin.page.goto(`${env.server.url}/admin/users`);
  await admin.page.getByLabel('Search by name or email').fill('newbie');
  await admin.page.getByRole('checkbox', { name: /newbie@example\.org/ }).check();
  let vote;
  for (let k = 0; k < 50; k += 1) {
    vote = await api(context, 'PUT', `/ideas/${made.body.id}/vote`, {});
    if (vote.status === 403) break;
    await api(context, 'DELETE', `/ideas/${made.body.id}/vote`);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(vote.body.error.code, 'account_blocked');
  assert.deepEqual([...errors, ...admin.errors, ...pm.errors], []);
  for (const c of [context, admin.context, pm.context]) await c.close();
});
