// What the crowd is told, and what the team sees: the public roadmap, a
// release note written in the PM area and read on the changelog and its
// Atom feed, the trends dashboard, webhooks and exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { withServer, watchErrors, signIn, waitForTexts } from './support.mjs';

const env = withServer({ demo: true });
const MANAGER = { email: 'pm@schwarm.example', password: 'demo-manager-2026' };
const ADMIN = { email: 'admin@schwarm.example', password: 'demo-admin-2026' };

async function as(who) {
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => d.accept());
  if (who) await signIn(page, env.server.url, who);
  return { context, page, errors };
}

test('the roadmap shows a column per roadmap status with votes and tags, in German too', async () => {
  const { context, page, errors } = await as(null);
  // The roadmap is in the `more` bundle (more.html): the board does not
  // load it, the roadmap's link does (tests/e2e/bundles.test.mjs).
  const fromMore = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/more/')) fromMore.push(r.url()); });
  await page.goto(`${env.server.url}/`);
  await page.locator('.idea-card').first().waitFor();
  assert.deepEqual(fromMore, [], 'the board loads only its own bundle');
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();
  assert.ok(fromMore.some((url) => url.endsWith('_bg.wasm')), `the roadmap came with the more bundle: ${fromMore}`);
  // The heading shows at once; the columns once the roadmap has loaded.
  await page.locator('.roadmap-column h2').first().waitFor();
  const columns = await page.locator('.roadmap-column h2').allTextContents();
  assert.deepEqual(columns.map((c) => c.replace(/ \(\d+\)$/, '')), ['Under review', 'Planned', 'In progress', 'Done']);
  const card = page.locator('.roadmap-column', { hasText: 'Planned' }).locator('.roadmap-card').first();
  assert.match(await card.locator('.idea-meta').textContent(), /\d+ votes?/);
  await page.getByLabel('Language').selectOption('de');
  await page.locator('.roadmap-column h2', { hasText: 'Geplant' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a release note is drafted, linked and published by a PM, then read publicly and in the feed', async () => {
  const pm = await as(MANAGER);
  await pm.page.goto(`${env.server.url}/pm/changelog`);
  const form = pm.page.locator('form.changelog-form');
  await form.getByLabel('Title').fill('Release 3.0: dark mode');
  await form.getByLabel('What shipped (Markdown)').fill('The **dark mode** you asked for.');
  await form.getByLabel('Find an idea to link').fill('dark mode');
  await form.locator('.merge-candidates li').first().getByRole('button', { name: 'Link' }).click();
  await form.locator('.linked-ideas li').first().waitFor();
  const linked = (await form.locator('.linked-ideas li').first().textContent()).match(/#(\d+)/)[1];
  await form.getByRole('button', { name: 'Save' }).click();
  const draft = pm.page.locator('article.changelog-entry', { hasText: 'Release 3.0: dark mode' });
  await draft.locator('.flag', { hasText: 'Draft' }).waitFor();

  const visitor = await as(null);
  await visitor.page.goto(`${env.server.url}/changelog`);
  await visitor.page.locator('.changelog-entry').first().waitFor();
  assert.equal(await visitor.page.getByText('Release 3.0: dark mode').count(), 0, 'drafts stay private');

  await draft.getByRole('button', { name: 'Edit' }).click();
  await pm.page.locator('form.changelog-form h2', { hasText: 'Edit the release note' }).waitFor();
  await pm.page.locator('form.changelog-form').getByRole('checkbox').check();
  await pm.page.locator('form.changelog-form').getByRole('button', { name: 'Save' }).click();
  await pm.page.locator('article.changelog-entry', { hasText: 'Release 3.0: dark mode' }).locator('text=Published').waitFor();

  await visitor.page.goto(`${env.server.url}/changelog`);
  const entry = visitor.page.locator('.changelog-entry', { hasText: 'Release 3.0: dark mode' });
  await entry.locator('strong', { hasText: 'dark mode' }).waitFor();
  assert.equal(await entry.locator(`.shipped a[href="/ideas/${linked}"]`).count(), 1);
  const feed = await fetch(`${env.server.url}/changelog.atom`);
  assert.match(feed.headers.get('content-type'), /application\/atom\+xml/);
  const xml = await feed.text();
  assert.ok(xml.includes('<title>Release 3.0: dark mode</title>'), xml);
  assert.ok(xml.includes(`/ideas/${linked}`));
  assert.deepEqual([...pm.errors, ...visitor.errors], []);
  await pm.context.close();
  await visitor.context.close();
});

test('the trends dashboard draws its charts and lists what rises, for each period', async () => {
  const { context, page, errors } = await as(MANAGER);
  await page.goto(`${env.server.url}/pm`);
  await page.getByRole('link', { name: 'Trends', exact: true }).click();
  const charts = page.locator('figure.chart svg');
  await charts.first().waitFor();
  assert.equal(await charts.count(), 3);
  assert.equal(await page.locator('figure.chart').nth(0).locator('rect.bar').count(), 30);
  await page.getByRole('heading', { name: 'Who took part' }).waitFor();
  assert.match(await page.locator('.numbers').textContent(), /Contributed/);
  await page.getByLabel('Period').selectOption('7');
  await page.waitForFunction(() => document.querySelectorAll('figure.chart')[0]?.querySelectorAll('rect.bar').length === 7);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an admin registers a webhook that receives signed events and sees its deliveries; exports download', async () => {
  const received = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ signature: req.headers['x-schwarm-signature'], event: req.headers['x-schwarm-event'], body });
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${receiver.address().port}/hook`;

  const { context, page, errors } = await as(ADMIN);
  await page.goto(`${env.server.url}/admin/webhooks`);
  await page.getByLabel('URL (http:// or https://)').fill(url);
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const secret = await page.getByLabel('Signing secret').inputValue();
  assert.ok(secret.length >= 32);
  await page.locator('article.webhook', { hasText: url }).waitFor();

  await page.goto(`${env.server.url}/`);
  await page.getByLabel('Title').fill('Webhook-triggering idea');
  await page.locator('form.new-idea').getByRole('button', { name: 'Post idea' }).click();
  for (let k = 0; k < 100 && !received.some((r) => r.event === 'idea.created'); k += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const delivery = received.find((r) => r.event === 'idea.created');
  const { createHmac } = await import('node:crypto');
  assert.equal(delivery.signature, `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
  assert.equal(JSON.parse(delivery.body).idea.title, 'Webhook-triggering idea');

  await page.goto(`${env.server.url}/admin/webhooks`);
  const card = page.locator('article.webhook', { hasText: url });
  await card.getByRole('button', { name: 'Deliveries' }).click();
  await card.locator('tr.delivery', { hasText: 'idea.created' }).first().waitFor();
  assert.match(await card.locator('tr.delivery').first().textContent(), /delivered 204/);

  await page.goto(`${env.server.url}/pm/ideas`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  assert.match(Buffer.concat(csv).toString(), /^id,title,status,votes,comments,tags,board,author,created_at,url/);
  assert.deepEqual(errors, []);
  await context.close();
  receiver.close();
});
