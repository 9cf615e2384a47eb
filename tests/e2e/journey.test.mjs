// The first journey, in a real browser against the real server: a visitor
// registers, shares an idea, votes and unvotes with the count changing at
// once, sees a refused vote rolled back with a message, signs out and in
// again, and switches the language; URLs survive reloads and navigation is
// client-side. Any page error fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, startServer, watchErrors, sessionCookie, waitForTexts } from './support.mjs';

const env = withServer();

const user = { email: 'ada@example.org', name: 'Ada Lovelace', password: 'analytical-engine-1843' };

test('register, share an idea, vote and unvote, sign out and in, in English and German', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);

  // An empty board invites the first idea.
  await page.goto(env.server.url);
  await page.getByText('No ideas yet: be the first to share one.').waitFor();
  await page.evaluate(() => { window.__noReload = true; });

  // Register (client-side navigation: the marker survives).
  await page.getByRole('link', { name: 'Create account' }).first().click();
  await page.waitForURL(/\/register$/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Display name').fill(user.name);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Use at least 10 characters.').waitFor();
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${env.server.url}/`);
  await page.locator('.who', { hasText: user.name }).waitFor();
  assert.equal(await page.evaluate(() => window.__noReload), true, 'registration reloaded the page');

  // Share an idea: a too-short title is caught, the text is kept.
  await page.getByLabel('Title').fill('ab');
  await page.getByLabel('Description (optional)').fill('Follow the **system** theme.');
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.getByText('Use at least 3 characters.').waitFor();
  assert.equal(await page.getByLabel('Description (optional)').inputValue(), 'Follow the **system** theme.');
  await page.getByLabel('Title').fill('Dark mode for the board');
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.waitForURL(/\/ideas\/\d+$/);
  const ideaUrl = page.url();
  await page.getByRole('heading', { name: 'Dark mode for the board' }).waitFor();
  // The description is Markdown, rendered by the env.server.
  await page.locator('.idea-body strong', { hasText: 'system' }).waitFor();

  // Vote: the count moves at once and the server agrees.
  const vote = page.locator('button.vote');
  await assertVote(vote, '0', 'false');
  await vote.click();
  await assertVote(vote, '1', 'true');
  await page.getByRole('status').filter({ hasText: 'Your vote is counted.' }).waitFor();
  const api = await (await fetch(`${env.server.url}/api/v1/ideas/${ideaUrl.split('/').pop()}`)).json();
  assert.equal(api.vote_count, 1);

  // The idea URL survives a reload, with the vote remembered.
  await page.reload();
  await assertVote(vote, '1', 'true');

  // Unvote.
  await vote.click();
  await assertVote(vote, '0', 'false');
  await page.getByRole('status').filter({ hasText: 'Your vote is removed.' }).waitFor();

  // Back to the board: the idea is listed.
  await page.evaluate(() => { window.__noReload = true; });
  await page.getByRole('link', { name: 'All ideas' }).click();
  await page.waitForURL(`${env.server.url}/`);
  await page.getByRole('link', { name: 'Dark mode for the board' }).waitFor();
  assert.equal(await page.evaluate(() => window.__noReload), true, 'going back reloaded the page');

  // The server refuses a vote (the session was ended elsewhere): the
  // optimistic count rolls back and a message says so.
  const cookie = await sessionCookie(context, env.server.url);
  assert.ok(cookie, 'a session cookie is set');
  const ended = await fetch(`${env.server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } });
  assert.equal(ended.status, 204);
  const listVote = page.locator('li.idea-card button.vote').first();
  await listVote.click();
  await assertVote(listVote, '0', 'false');
  await page.getByRole('alert').filter({ hasText: 'Your session has ended. Please sign in again.' }).waitFor();

  // Sign in again, then out.
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Wrong email or password.').waitFor();
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${env.server.url}/`);
  await page.locator('.who', { hasText: user.name }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor();

  // German, remembered across a reload.
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('heading', { name: 'Ideen' }).waitFor();
  await page.getByRole('link', { name: 'Anmelden' }).first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.reload();
  await page.getByRole('link', { name: 'Konto erstellen' }).first().waitFor();
  await page.getByRole('link', { name: 'Meiste Stimmen' }).click();
  await page.waitForURL(/\?sort=top$/);

  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo board lists ideas, pages with "load more", and unknown URLs', async () => {
  const demo = await startServer({ demo: true });
  try {
    const context = await env.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${demo.url}/?sort=top`);
    // The browser language picks German on first visit.
    await page.getByRole('heading', { name: 'Ideen' }).waitFor();
    const cards = page.locator('li.idea-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 12);
    const counts = await page.locator('li.idea-card .vote-count').allTextContents();
    const numbers = counts.map(Number);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), 'top sort orders by votes');

    // The status filter and the sort live in the URL; Back restores the view.
    await page.getByLabel('Status').selectOption('planned');
    await page.waitForURL(/\?sort=top&status=planned$/);
    const badges = await waitForTexts(page, 'li.idea-card .status', (b) => b.every((s) => s === 'Geplant'));
    assert.ok(badges.length >= 1 && badges.length < 12, `only planned ideas: ${badges}`);
    await page.getByRole('link', { name: 'Meistdiskutiert' }).click();
    await page.waitForURL(/\?sort=discussed&status=planned$/);
    await page.goBack();
    await page.waitForURL(/\?sort=top&status=planned$/);
    assert.equal(await page.getByLabel('Status').inputValue(), 'planned');
    await page.getByLabel('Status').selectOption('');
    await page.waitForURL(/\?sort=top$/);
    await waitForTexts(page, 'li.idea-card', (all) => all.length === 12);

    // An unknown client route renders the app's own not-found page.
    await page.goto(`${demo.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Seite nicht gefunden' }).waitFor();
    // An unknown idea says so.
    await page.goto(`${demo.url}/ideas/9999`);
    await page.getByText('Diese Idee gibt es nicht, oder sie wurde entfernt.').waitFor();
    assert.deepEqual(errors, []);
    await context.close();

    // The API never falls back to the app.
    const res = await fetch(`${demo.url}/api/v1/no-such-thing`);
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'not_found');
  } finally {
    await demo.stop();
  }
});

test('"load more" continues the list without repeating an idea', async () => {
  const s = await startServer();
  try {
    // Arrange 25 ideas through the API (more than one page of 20).
    const reg = await fetch(`${s.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bulk@example.org', password: 'bulk-password-1', display_name: 'Bulk' }),
    });
    const cookie = reg.headers.get('set-cookie').split(';')[0];
    for (let i = 1; i <= 25; i++) {
      const r = await fetch(`${s.url}/api/v1/ideas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: `Idea number ${i}`, body: '' }),
      });
      assert.equal(r.status, 201);
    }
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(s.url);
    const cards = page.locator('li.idea-card');
    await cards.nth(19).waitFor();
    assert.equal(await cards.count(), 20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await cards.nth(24).waitFor();
    const titles = await page.locator('.idea-title').allTextContents();
    assert.equal(titles.length, 25);
    assert.equal(new Set(titles).size, 25, 'no idea repeats');
    assert.equal(titles[0], 'Idea number 25');
    assert.equal(titles[24], 'Idea number 1');
    assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await s.stop();
  }
});

async function assertVote(button, count, pressed) {
  await button.locator('.vote-count', { hasText: new RegExp(`^${count}$`) }).waitFor();
  assert.equal(await button.getAttribute('aria-pressed'), pressed);
}
