// The product managers' area (its own bundle, /pm and /admin): the
// triage inbox with its keyboard shortcuts, merging and its undo, bulk
// changes, internal notes, statuses and roles; members never get in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServer, watchErrors, signIn, sessionCookie, waitForTexts } from './support.mjs';

const env = withServer({ demo: true });
const MANAGER = { email: 'pm@schwarm.example', password: 'demo-manager-2026' };
const ADMIN = { email: 'admin@schwarm.example', password: 'demo-admin-2026' };

async function staffPage(who) {
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
  return res.status === 204 ? null : res.json();
}

test('the inbox is worked with the keyboard: move, help, status, merge and its undo', async () => {
  const { context, page, errors } = await staffPage(MANAGER);
  await page.getByRole('link', { name: 'Triage', exact: true }).click();
  await page.getByRole('heading', { name: 'Triage inbox' }).waitFor();
  const rows = page.locator('li.triage-row');
  await rows.first().waitFor();
  const before = await rows.count();
  assert.ok(before >= 3, `the demo has untriaged ideas (${before})`);
  const titles = await rows.locator('.triage-head a').allTextContents();

  // j and k move the current row (and focus its link).
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(await page.locator('li.triage-row.current .triage-head a').textContent(), titles[1]);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), titles[1]);

  // ? shows the help; Escape closes it.
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // s goes to the status; choosing one saves it.
  await page.keyboard.press('s');
  const status = page.locator('li.triage-row.current').getByLabel('Status');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SELECT');
  await status.selectOption('planned');
  await page.keyboard.press('Enter');
  await page.locator('li.triage-row.current .status', { hasText: 'Planned' }).waitFor();

  // m opens the merge box with the cursor in its search; merging removes
  // the row; the merged idea's page leads to the target, and undo restores it.
  await page.keyboard.press('Escape');
  await page.locator('li.triage-row.current .triage-head a').focus();
  await page.keyboard.press('j');
  const source = await page.locator('li.triage-row.current .triage-head a').textContent();
  const sourceHref = await page.locator('li.triage-row.current .triage-head a').getAttribute('href');
  await page.keyboard.press('m');
  const search = page.locator('li.triage-row.current .merge-box input[type=search]');
  await search.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
  await search.fill('dark mode');
  const candidate = page.locator('li.triage-row.current .merge-candidates li').first();
  await candidate.waitFor();
  const targetText = await candidate.locator('span').textContent();
  await candidate.getByRole('button', { name: 'Merge into this' }).click();
  await waitForTexts(page, 'li.triage-row .triage-head a', (t) => !t.includes(source));

  await page.goto(`${env.server.url}${sourceHref}`);
  const banner = page.locator('.merged-into');
  await banner.waitFor();
  const targetTitle = targetText.replace(/^#\d+ /, '').replace(/ \(\d+\)$/, '');
  assert.equal(await banner.locator('a').textContent(), targetTitle);
  await page.getByRole('button', { name: 'Undo merge' }).click();
  await banner.waitFor({ state: 'detached' });
  const id = Number(sourceHref.split('/').pop());
  assert.ok(sourceHref.startsWith('/pm/ideas/'), sourceHref);
  const idea = await api(context, 'GET', `/ideas/${id}`);
  assert.equal(idea.merged_into, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a selection gets one status and one tag at once; t edits one idea\'s tags', async () => {
  const { context, page, errors } = await staffPage(MANAGER);
  await page.goto(`${env.server.url}/pm/ideas?sort=new`);
  const rows = page.locator('li.triage-row');
  await rows.first().waitFor();
  const ids = [];
  for (let k = 0; k < 2; k += 1) {
    ids.push(Number((await rows.nth(k).locator('.triage-head a').getAttribute('href')).split('/').pop()));
  }
  await rows.nth(0).locator('.triage-head a').focus();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  const bar = page.getByRole('region', { name: 'Selected ideas' });
  await bar.getByText('2 selected').waitFor();
  await bar.getByLabel('Set status').selectOption('in progress');
  await bar.getByRole('button', { name: 'Apply' }).click();
  await bar.waitFor({ state: 'detached' });
  for (const id of ids) {
    assert.equal((await api(context, 'GET', `/ideas/${id}`)).status, 'in progress');
  }

  await rows.nth(0).locator('.triage-head a').focus();
  await page.keyboard.press('t');
  const picker = rows.nth(0).locator('fieldset.tag-picker');
  await picker.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'checkbox');
  const tag = (await picker.locator('label.check').first().textContent()).trim();
  const had = (await api(context, 'GET', `/ideas/${ids[0]}`)).tags.some((t) => t.name === tag);
  await picker.locator('input').first().click();
  await picker.getByRole('button', { name: 'Save tags' }).click();
  await picker.waitFor({ state: 'detached' });
  const has = (await api(context, 'GET', `/ideas/${ids[0]}`)).tags.some((t) => t.name === tag);
  assert.equal(has, !had);
  assert.deepEqual(errors, []);
  await context.close();
});

test('internal notes are written on the idea page and members never see them', async () => {
  const { context, page, errors } = await staffPage(MANAGER);
  await page.goto(`${env.server.url}/pm/ideas?sort=top`);
  const link = page.locator('li.triage-row .triage-head a').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  await link.click();
  await page.getByRole('heading', { name: 'Triage' }).waitFor();
  await page.getByLabel('Your comment').fill('Customer X pays for this – internal');
  await page.locator('.comment-form').getByRole('checkbox').check();
  await page.locator('.comment-form').getByRole('button', { name: 'Comment' }).click();
  await page.locator('.comment.internal', { hasText: 'Customer X pays' }).waitFor();

  const member = await env.browser.newContext({ locale: 'en-US' });
  const memberPage = await member.newPage();
  await signIn(memberPage, env.server.url);
  await memberPage.goto(`${env.server.url}${href.replace('/pm', '')}`);
  await memberPage.locator('.comments').waitFor();
  await memberPage.locator('.comment').first().waitFor();
  assert.equal(await memberPage.getByText('Customer X pays').count(), 0);
  await memberPage.goto(`${env.server.url}/pm`);
  await memberPage.getByText('Only product managers and admins can open this page.').waitFor();
  await member.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('admins rename and add statuses and change roles; the board shows the new names', async () => {
  const { context, page, errors } = await staffPage(ADMIN);
  await page.goto(`${env.server.url}/admin/statuses`);
  const planned = page.locator('.status-admin-list li', { hasText: 'planned' });
  await planned.getByLabel('Name in English').fill('Next up');
  await planned.getByLabel('Name in German').fill('Als Nächstes');
  await planned.getByRole('button', { name: 'Save' }).click();
  const form = page.locator('section.card', { hasText: 'Add a status' });
  await form.getByLabel('Key (lower case, never changes)').fill('needs info');
  await form.getByLabel('Name in English').fill('Needs info');
  await form.getByLabel('Name in German').fill('Rückfrage');
  await form.getByRole('button', { name: 'Add status' }).click();
  await page.locator('.status-admin-list li', { hasText: 'needs info' }).waitFor();
  await page.locator('.status-admin-list li', { hasText: 'needs info' }).getByRole('button', { name: 'Move up' }).click();
  await page.waitForFunction(() => {
    const keys = [...document.querySelectorAll('.status-admin-list code')].map((c) => c.textContent);
    return keys.indexOf('needs info') === keys.length - 2;
  });

  await page.goto(`${env.server.url}/admin/users`);
  await page.getByLabel('Search by name or email').fill('demo@schwarm');
  const role = page.getByRole('combobox', { name: /demo@schwarm\.example/ });
  await role.waitFor();
  await role.selectOption('pm');
  await page.waitForFunction(async () => true);
  let members = [];
  for (let k = 0; k < 50; k += 1) {
    members = await api(context, 'GET', '/admin/users?q=demo@schwarm');
    if (members[0]?.role === 'pm') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(members[0].role, 'pm');
  await api(context, 'PUT', `/admin/users/${members[0].id}/role`, { role: 'member' });

  // The customer board (the other bundle) names statuses as admins do.
  await page.goto(`${env.server.url}/`);
  const filter = page.getByLabel('Status');
  await filter.locator('option', { hasText: 'Next up' }).waitFor({ state: 'attached' });
  await filter.locator('option', { hasText: 'Needs info' }).waitFor({ state: 'attached' });
  assert.deepEqual(errors, []);
  await context.close();
});
