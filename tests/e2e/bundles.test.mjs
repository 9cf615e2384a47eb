// The board's first load carries the board only; every other page comes
// with the `more` bundle, which takes over in the same document
// (src/hand_over.rs). Navigation stays client-side: no document is loaded
// again, the history works, and the `more` bundle is fetched once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors } from './support.mjs';

const env = withServer({ demo: true });

/** The page's requests, sorted: documents, and each bundle's wasm. */
function watchBundles(page) {
  const seen = { documents: [], boardWasm: [], moreWasm: [], boot: [] };
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.resourceType() === 'document') seen.documents.push(path);
    else if (path === '/more/boot.js') seen.boot.push(path);
    else if (path.endsWith('_bg.wasm')) (path.startsWith('/more/') ? seen.moreWasm : seen.boardWasm).push(path);
  });
  return seen;
}

test('from the board to an idea and back: client-side, the more bundle fetched once', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const seen = watchBundles(page);
  await page.goto(`${env.server.url}/?sort=new`);
  await page.locator('li.idea-card').first().waitFor();
  assert.equal(seen.boardWasm.length, 1, 'the board came with its own bundle');
  assert.deepEqual([seen.moreWasm, seen.boot], [[], []], 'the board loads nothing of the more bundle');
  await page.evaluate(() => { window.__noReload = true; });

  // An idea: the more bundle takes over, in the same document.
  const titles = await page.locator('li.idea-card .idea-title').allTextContents();
  await page.getByRole('link', { name: titles[0], exact: true }).click();
  await page.waitForURL(/\/ideas\/\d+$/);
  await page.getByRole('heading', { name: titles[0], level: 1 }).waitFor();
  await page.locator('button.vote').waitFor();
  assert.equal(seen.moreWasm.length, 1, 'the more bundle came once');
  assert.equal(seen.boot.length, 1);

  // Back: the board again, with its sort, drawn by the more bundle.
  await page.goBack();
  await page.waitForURL(/\/\?sort=new$/);
  await page.getByRole('link', { name: titles[1], exact: true }).click();
  await page.getByRole('heading', { name: titles[1], level: 1 }).waitFor();
  // The board's own sign-in link works from here too.
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await page.getByLabel('Email').waitFor();

  assert.equal(await page.evaluate(() => window.__noReload), true, 'a page was reloaded');
  assert.deepEqual(seen.documents, ['/'], 'one document for the whole visit');
  assert.equal(seen.boardWasm.length + seen.moreWasm.length, 2, 'each bundle fetched once');
  // One board on screen: the board's app was unmounted, not left beside.
  assert.equal(await page.locator('main#main').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared idea link loads the more bundle directly, and the board from there', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const seen = watchBundles(page);
  const ideas = await (await fetch(`${env.server.url}/api/v1/ideas?sort=top&limit=1`)).json();
  const [idea] = ideas.items;

  await page.goto(`${env.server.url}/ideas/${idea.id}`);
  await page.getByRole('heading', { name: idea.title, level: 1 }).waitFor();
  await page.locator('a.brand').click();
  await page.locator('li.idea-card').first().waitFor();

  assert.deepEqual(seen.boardWasm, [], 'the board bundle is not needed');
  assert.equal(seen.moreWasm.length, 1);
  assert.deepEqual(seen.documents, [`/ideas/${idea.id}`]);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A new browser context holding a new member's session cookie. */
async function memberContext(email) {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const res = await context.request.post(`${env.server.url}/api/v1/auth/register`, {
    data: { email, password: 'a-long-enough-password', display_name: email.split('@')[0] },
  });
  assert.equal(res.status(), 201);
  return context;
}

test('a member gets the more bundle at the board: the form to share an idea, and votes', async () => {
  const context = await memberContext('member-entry@example.org');
  const page = await context.newPage();
  const errors = watchErrors(page);
  const seen = watchBundles(page);

  await page.goto(`${env.server.url}/`);
  await page.getByRole('heading', { name: 'Share an idea' }).waitFor();
  const vote = page.locator('li.idea-card button.vote').first();
  await vote.click();

  assert.equal(await vote.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(seen.boardWasm, [], "the visitors' bundle is not needed");
  assert.equal(seen.moreWasm.length, 1);
  assert.deepEqual(seen.documents, ['/']);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the visitors' board meeting a member's session hands over to the more bundle", async () => {
  // Arrange: a member whose browser gets the visitors' page anyway (a
  // session begun in another tab after the page was cached, say).
  const context = await memberContext('member-handover@example.org');
  const page = await context.newPage();
  const errors = watchErrors(page);
  const seen = watchBundles(page);
  await page.route(`${env.server.url}/`, async (route) => {
    const visitors = await fetch(`${env.server.url}/`);
    // Its policy header (which lets the page's inline scripts run) kept;
    // fetch has already decoded the body.
    const headers = Object.fromEntries([...visitors.headers].filter(([k]) => !['content-encoding', 'content-length'].includes(k)));
    await route.fulfill({ status: visitors.status, headers, body: await visitors.text() });
  });

  // Act
  await page.goto(`${env.server.url}/`);
  await page.getByRole('heading', { name: 'Share an idea' }).waitFor();

  // Assert: the board's bundle came first, then the more bundle in the
  // same document, which shows what members see.
  assert.equal(seen.boardWasm.length, 1);
  assert.equal(seen.moreWasm.length, 1);
  assert.equal(seen.boot.length, 1);
  assert.deepEqual(seen.documents, ['/']);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  assert.equal(await page.locator('main#main').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
