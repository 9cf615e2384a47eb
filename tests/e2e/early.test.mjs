// The first page's reads, asked for by index.html while the wasm loads
// (src/early.rs): each is asked for once, and an early answer is never
// served again later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn } from './support.mjs';

const env = withServer({ demo: true });

/** Every request of the page, in order: `{ url, kind }`, kind 'request' or 'finished'. */
function watchRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push({ url: r.url(), kind: 'request' }));
  page.on('requestfinished', (r) => seen.push({ url: r.url(), kind: 'finished' }));
  return seen;
}

const pathOf = (url) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};
const asked = (seen, path) => seen.filter((r) => r.kind === 'request' && pathOf(r.url) === path);

async function opened(path, { signedIn = false } = {}) {
  const context = await env.browser.newContext({ locale: 'en-US' });
  if (signedIn) {
    // In a page of its own, so that none of its requests is counted.
    const login = await context.newPage();
    await signIn(login, env.server.url);
    await login.close();
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  const seen = watchRequests(page);
  await page.goto(`${env.server.url}${path}`);
  await page.locator('li.idea-card').first().waitFor();
  // The statuses come last (after the boards); once asked, all are.
  await page.locator('.status').first().waitFor();
  return { context, page, errors, seen };
}

for (const [path, list, signedIn] of [
  ['/', '/api/v1/ideas?sort=trending&', false],
  ['/', '/api/v1/ideas?sort=trending&', true],
  ['/?sort=new&status=planned&q=%20dark%20', '/api/v1/ideas?sort=new&status=planned&q=dark&', false],
  ['/?board=web&tag=UX&sort=bogus', '/api/v1/ideas?sort=trending&board=web&tag=UX&', false],
  ['/embed/web', '/api/v1/ideas?sort=trending&board=web&', false],
]) {
  test(`${path}${signedIn ? ' (signed in)' : ''}: each first read is asked for once, before the wasm is in`, async () => {
    const { context, errors, seen } = await opened(path, { signedIn });

    const wasmIn = seen.findIndex((r) => r.kind === 'finished' && r.url.endsWith('_bg.wasm'));
    assert.ok(wasmIn > 0, 'the wasm was loaded');
    for (const read of ['/api/v1/me', '/api/v1/boards', '/api/v1/statuses', list]) {
      const requests = asked(seen, read);
      assert.equal(requests.length, 1, `${read} asked for once: ${JSON.stringify(seen.map((r) => r.url))}`);
      assert.ok(seen.indexOf(requests[0]) < wasmIn, `${read} asked for before the wasm was in`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an early answer is taken once: the same list asked for again comes from the server', async () => {
  const { context, page, errors, seen } = await opened('/', { signedIn: true });
  const card = (title) => page.locator('li.idea-card', { has: page.getByRole('link', { name: title, exact: true }) });
  const title = await page.locator('li.idea-card .idea-title').first().innerText();
  const before = Number(await card(title).locator('.vote-count').innerText());
  const pressed = (await card(title).locator('button.vote').getAttribute('aria-pressed')) === 'true';

  await card(title).locator('button.vote').click();
  const after = String(before + (pressed ? -1 : 1));
  await card(title).locator('.vote-count', { hasText: after }).waitFor();
  await page.getByRole('link', { name: 'Newest' }).click();
  await page.waitForURL(/sort=new/);
  await page.getByRole('link', { name: 'Trending' }).click();
  await page.waitForURL(/sort=trending/);

  // The trending list again: asked for anew, and it holds the vote.
  await card(title).locator('.vote-count', { hasText: after }).waitFor();
  assert.equal(asked(seen, '/api/v1/ideas?sort=trending&').length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});
