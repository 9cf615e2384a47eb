// The widget embedded in another site (examples/embed-host/ on another
// origin): signed login, posting and voting inside it, events on the host
// page, an iframe that follows its content's height, third-party cookies
// blocked; and a host that is not on the allowlist cannot frame it at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS } from './support.mjs';
import { startHost } from '../../examples/embed-host/server.mjs';

const env = {};
const HANNAH = { sub: 'acme-7', email: 'hannah@acme.example', name: 'Hannah from Acme' };

before(async () => {
  env.server = await startServer({ demo: true });
  const site = { secret: null };
  // localhost and 127.0.0.1 are different sites: the widget is cross-site.
  env.host = await startHost({ board: env.server.url, boardSlug: 'web', secret: () => site.secret, user: HANNAH });
  env.stranger = await startHost({ board: env.server.url, boardSlug: 'web', user: null });
  env.anonymous = await startHost({ board: env.server.url, boardSlug: 'web', user: null });
  env.hostUrl = `http://localhost:${env.host.port}`;
  const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@schwarm.example', password: 'demo-admin-2026' }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const res = await fetch(`${env.server.url}/api/v1/admin/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Acme', origin: env.hostUrl, board: 'web', theme: { accent: '#c2410c', mode: 'light', font: '', radius: 4 } }),
  });
  assert.equal(res.status, 201);
  site.secret = (await res.json()).sso_secret;
  const second = await fetch(`${env.server.url}/api/v1/admin/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'No SSO', origin: `http://localhost:${env.anonymous.port}`, board: 'web' }),
  });
  assert.equal(second.status, 201);
  // Chromium's switch that blocks third-party cookies, as browsers do by default.
  env.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--test-third-party-cookie-phaseout'],
  });
});
after(async () => {
  await env.browser?.close();
  await env.host?.close();
  await env.stranger?.close();
  await env.anonymous?.close();
  await env.server?.stop();
});

const events = (page) => page.evaluate(() => window.schwarmEvents.map((e) => e.name));
const frameHeight = (page) => page.locator('#widget iframe').evaluate((f) => f.getBoundingClientRect().height);

async function waitForEvent(page, name) {
  await page.waitForFunction((n) => window.schwarmEvents.some((e) => e.name === n), name, { timeout: 10_000 });
}

test('the widget signs in by SSO, posts and votes, and the host page hears of it', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.hostUrl}/`);
  const widget = page.frameLocator('#widget iframe');

  await widget.locator('.embed-bar', { hasText: 'Signed in as Hannah from Acme' }).waitFor();
  await waitForEvent(page, 'schwarm:signed-in');
  await widget.locator('li.idea-card').first().waitFor();
  const boardHeight = await frameHeight(page);
  // The site's theme, as custom properties on the widget's root.
  const theme = await page.frames().find((f) => f.url().includes('/embed/web')).evaluate(() => {
    const root = document.documentElement;
    const style = getComputedStyle(root);
    return [style.getPropertyValue('--accent').trim(), style.getPropertyValue('--radius').trim(), root.dataset.theme];
  });
  assert.deepEqual(theme, ['#c2410c', '4px', 'light']);
  // A message from any other origin (here: the host page itself) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'schwarm:resize', height: 7 }, '*'));
  await page.waitForTimeout(200);
  assert.ok((await frameHeight(page)) > 100, 'the loader ignored a message not from the board');

  await widget.getByLabel('Title').fill('Gift wrapping at checkout');
  await widget.getByRole('button', { name: 'Post idea' }).click();
  await widget.getByRole('heading', { name: 'Gift wrapping at checkout' }).waitFor();
  await waitForEvent(page, 'schwarm:idea-created');
  await widget.locator('.idea-detail button.vote').click();
  await waitForEvent(page, 'schwarm:voted');
  const voted = await page.evaluate(() => window.schwarmEvents.find((e) => e.name === 'schwarm:voted').detail);
  assert.equal(typeof voted.idea_id, 'number');
  assert.equal(typeof voted.vote_count, 'number');

  // The iframe follows the content: shorter on the idea page, taller again
  // on the list, never with a scrollbar of its own.
  await page.waitForFunction((h) => document.querySelector('#widget iframe').getBoundingClientRect().height < h - 100, boardHeight);
  await widget.getByRole('link', { name: 'All ideas' }).click();
  await widget.locator('li.idea-card').nth(5).waitFor();
  await page.waitForFunction((h) => document.querySelector('#widget iframe').getBoundingClientRect().height >= h - 5, boardHeight);
  // The list may still be growing (cards, the new idea); the frame follows
  // it until it holds all of it without a scrollbar of its own.
  const frame = page.frames().find((f) => f.url().includes('/embed/web'));
  await frame
    .waitForFunction(() => document.documentElement.scrollHeight <= window.innerHeight + 1, null, { timeout: 10_000 })
    .catch(() => {});
  const inner = await frame.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
  assert.ok(inner[0] <= inner[1] + 1, `no inner scrollbar: ${inner}`);

  // The session is a bearer token: the cross-site frame got no cookie.
  assert.deepEqual((await context.cookies(env.server.url)).map((c) => c.name), []);
  const ideas = await (await fetch(`${env.server.url}/api/v1/ideas?sort=new`)).json();
  assert.equal(ideas.items[0].title, 'Gift wrapping at checkout');
  assert.equal(ideas.items[0].author.display_name, 'Hannah from Acme');
  assert.deepEqual((await events(page)).filter((n, i, all) => all.indexOf(n) === i).sort(),
    ['schwarm:idea-created', 'schwarm:signed-in', 'schwarm:voted']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a site that is not on the allowlist cannot frame the widget', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const refused = page.waitForEvent('console', {
    predicate: (m) => m.text().includes('frame-ancestors'),
    timeout: 10_000,
  });
  await page.goto(`http://localhost:${env.stranger.port}/`);
  await refused;
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const shown = frame ? await frame.locator('.embed-bar').count().catch(() => 0) : 0;
  assert.equal(shown, 0, 'nothing of the widget is shown');
  await context.close();
});

test('the loader is at most 3 KB gzip', async () => {
  const res = await fetch(`${env.server.url}/embed.js`);
  const size = zlib.gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  assert.ok(size <= 3072, `${size} bytes gzip`);
});

test('admins add a site, see its secret once, copy its snippet and preview the widget', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => d.accept());
  await page.goto(`${env.server.url}/login`);
  await page.getByLabel('Email').fill('admin@schwarm.example');
  await page.getByLabel('Password').fill('demo-admin-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Triage', exact: true }).click();
  await page.getByRole('link', { name: 'Embedding', exact: true }).click();
  await page.getByRole('heading', { name: 'Sites that embed a board' }).waitFor();
  const demo = page.locator('article.site', { hasText: 'Demo shop' });
  const snippet = await demo.locator('.copy-field input').inputValue();
  assert.equal(snippet, `<script src="${env.server.url}/embed.js" data-board="web" async></script>`);

  const form = page.locator('section.card', { hasText: 'Add a site' });
  await form.getByLabel('Site name').fill('Blog');
  await form.getByLabel('Origin, such as https://www.example.com').fill('https://blog.example');
  await form.getByLabel('Board').selectOption('mobile');
  await form.getByLabel('Light or dark').selectOption('dark');
  await page.waitForFunction(() => document.querySelector('section.card .widget-preview')?.src.includes('/embed/mobile?theme=dark'));
  await form.getByRole('button', { name: 'Add site' }).click();
  const shown = page.locator('.secret input');
  await shown.waitFor();
  const secret = await shown.inputValue();
  assert.ok(secret.length >= 32);
  const blog = page.locator('article.site', { hasText: 'Blog' });
  await blog.waitFor();

  await blog.getByRole('button', { name: 'New SSO secret' }).click();
  await page.waitForFunction((old) => document.querySelector('.secret input')?.value !== old, secret);
  await page.reload();
  await page.getByRole('heading', { name: 'Sites that embed a board' }).waitFor();
  await page.locator('article.site', { hasText: 'Blog' }).waitFor();
  assert.equal(await page.locator('.secret').count(), 0, 'a secret is shown once only');
  await page.locator('article.site', { hasText: 'Blog' }).getByRole('button', { name: 'Delete' }).click();
  await page.locator('article.site', { hasText: 'Blog' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a token the widget offers its own sign-in', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`http://localhost:${env.anonymous.port}/`);
  const widget = page.frameLocator('#widget iframe');
  await widget.locator('.embed-bar').getByRole('link', { name: 'Sign in' }).click();
  await widget.getByLabel('Email').fill('demo@schwarm.example');
  await widget.getByLabel('Password').fill('demo-customer-2026');
  await widget.getByRole('button', { name: 'Sign in' }).click();
  await widget.locator('.embed-bar', { hasText: 'Signed in as Demo Customer' }).waitFor();
  await widget.locator('li.idea-card').first().waitFor();
  await waitForEvent(page, 'schwarm:signed-in');
  await context.close();
});

test('the widget fits 320 px without sideways scrolling', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/embed/web`);
  await page.locator('li.idea-card').first().waitFor();
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `${scroll} > ${client}`);
  assert.equal(await page.locator('header.site-header').count(), 0, 'no site chrome');
  await context.close();
});
