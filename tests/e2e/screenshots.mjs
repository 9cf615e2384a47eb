// `make screenshots`: the README's pictures, taken from the real app (demo
// data, signed in as the demo customer, and as the demo admin for the PM
// area) so that they stay current.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, ROOT } from './support.mjs';

const out = path.join(ROOT, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  for (const [device, viewport] of [['desktop', { width: 1200, height: 860 }], ['phone', { width: 390, height: 844 }]]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, locale: 'en-US', deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill('demo@schwarm.example');
      await page.getByLabel('Password').fill('demo-customer-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${server.url}/`);
      await page.goto(`${server.url}/?sort=top`);
      await page.locator('li.idea-card').nth(5).waitFor();
      await page.screenshot({ path: path.join(out, `board-${device}-${scheme}.png`) });
      await page.goto(`${server.url}/ideas/1`);
      await page.locator('.comment').first().waitFor();
      await page.screenshot({ path: path.join(out, `idea-${device}-${scheme}.png`) });
      await context.close();
    }
  }
  // The roadmap, and the PM area on a desktop.
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 860 }, colorScheme: scheme, locale: 'en-US', deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${server.url}/roadmap`);
    await page.locator('.roadmap-card').first().waitFor();
    await page.screenshot({ path: path.join(out, `roadmap-desktop-${scheme}.png`) });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('admin@schwarm.example');
    await page.getByLabel('Password').fill('demo-admin-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/pm`);
    await page.locator('li.triage-row').first().waitFor();
    await page.keyboard.press('j');
    await page.screenshot({ path: path.join(out, `triage-desktop-${scheme}.png`) });
    await page.goto(`${server.url}/pm/trends`);
    await page.locator('figure.chart').first().waitFor();
    await page.screenshot({ path: path.join(out, `trends-desktop-${scheme}.png`) });
    await context.close();
  }
  console.log(`screenshots written to ${path.relative(ROOT, out)}/`);
} finally {
  await browser.close();
  await server.stop();
}
