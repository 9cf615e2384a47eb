// Accessibility: axe-core scans every customer page and the PM area, light
// and dark, phone and desktop, signed out and in; a serious or critical
// violation fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withServer, watchErrors, signIn } from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = withServer({ demo: true });

/** Each page with what shows that it has finished loading. */
const PAGES = [
  ['/', 'li.idea-card'],
  ['/?sort=top&status=planned', 'li.idea-card'],
  ['/?q=zzzz', '.empty'],
  ['/ideas/1', '.comment'],
  ['/login', 'form.auth'],
  ['/register', 'form.auth'],
  ['/no/such/page', '.not-found'],
  ['/unsubscribe?token=unknown&kind=replies', '.unsubscribe-page [role=alert]'],
  ['/embed/web', 'li.idea-card'],
  ['/roadmap', '.roadmap-card'],
  ['/changelog', '.changelog-entry'],
];
const SIGNED_IN = [
  ['/', 'form.new-idea'],
  ['/ideas/1', 'form.comment-form'],
  ['/account', '.email-settings form'],
  ['/notifications', '.notification-list, .empty'],
];
/** The PM area (its own bundle), as the demo admin. */
const STAFF = [
  ['/pm', 'li.triage-row'],
  ['/pm/ideas?view=all', 'li.triage-row'],
  ['/pm/ideas/1', '.idea-tools'],
  ['/pm/trends', '.chart'],
  ['/pm/changelog', '.changelog-entry'],
  ['/admin/statuses', '.status-admin-list li'],
  ['/admin/users', 'table.members'],
  ['/admin/webhooks', '.webhooks-admin .card'],
  ['/admin/embed', 'article.site'],
];

async function scan(page, path, ready) {
  await page.goto(`${env.server.url}${path}`);
  await page.locator(ready).first().waitFor();
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [scheme, width] of [['light', 1280], ['dark', 360]]) {
  test(`no serious accessibility violation, ${scheme} theme, ${width} px wide`, async () => {
    // axe is injected as a script, which the board's own CSP rightly forbids.
    const context = await env.browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 }, bypassCSP: true, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const violations = [];
    for (const [path, ready] of PAGES) violations.push(...(await scan(page, path, ready)));

    await signIn(page, env.server.url);
    for (const [path, ready] of SIGNED_IN) violations.push(...(await scan(page, path, ready)));

    await page.goto(`${env.server.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, env.server.url, { email: 'admin@schwarm.example', password: 'demo-admin-2026' });
    for (const [path, ready] of STAFF) violations.push(...(await scan(page, path, ready)));

    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
