// The front end in headless Chromium: what a first visit downloads, the
// first list paint, rendering many cards, a live vote count update, and
// a vote click to repaint.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function frontEnd(bin, root, databaseUrl, tokensFile, startServer) {
  const require = createRequire(path.join(root, 'tests/e2e/package.json'));
  const { chromium } = require('playwright-core');
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'bench/bundle-size.json'), 'utf8'));
  const server = await startServer(databaseUrl);
  const embedJs = Buffer.from(await (await fetch(`${server.url}/embed.js`)).arrayBuffer());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const firstCard = () => {
    window.__firstCard = null;
    new MutationObserver((_, obs) => {
      if (document.querySelector('li.idea-card:not(.skeleton li)')) { window.__firstCard = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  };
  const paints = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext();
    await context.addInitScript(firstCard);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => window.__firstCard !== null);
    paints.push(await page.evaluate(() => window.__firstCard));
    await context.close();
  }
  // Many cards: "Load more" until 1,000 (or all there are), clicked and
  // watched inside the page. (Driven by Playwright's role queries, which
  // compute the accessible name of every button among a thousand cards,
  // each round cost ~300 ms of Playwright's own work: more than the app's.)
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/?sort=new`);
  await page.locator('li.idea-card').first().waitFor();
  const total = Math.min(1000, Number(process.env.BENCH_IDEAS ?? 1000));
  const { cards, renderMs, fetchMs, drawMs } = await page.evaluate(async (total) => {
    const count = () => document.querySelectorAll('li.idea-card').length;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const started = performance.now();
    // When each page's cards were in the document.
    const appeared = [];
    while (count() < total) {
      const button = document.querySelector('button.load-more');
      if (!button) break;
      const before = count();
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no cards after ${before} within 10 s`)), 10_000);
        const observer = new MutationObserver(() => {
          if (count() > before) {
            appeared.push(performance.now());
            observer.disconnect(); clearTimeout(timer); resolve();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      });
      // Until the button takes clicks again, or is gone after the last page.
      while (document.querySelector('button.load-more')?.disabled) await frame();
    }
    await frame();
    const renderMs = performance.now() - started;
    // One fetch per page, one after another: their durations add up to the
    // time spent waiting for the server, and from each page's arrival to
    // its cards in the document is the app's decoding and drawing. The
    // rest is the frames between a page and the next click.
    const pages = performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/ideas?') && e.startTime >= started);
    const fetchMs = pages.reduce((sum, e) => sum + e.duration, 0);
    const drawMs = pages.length === appeared.length
      ? pages.reduce((sum, e, i) => sum + (appeared[i] - e.responseEnd), 0)
      : null;
    return { cards: count(), renderMs, fetchMs, drawMs };
  }, total);
  // One vote among them, cast by someone else: until the count changes.
  const token = fs.readFileSync(tokensFile, 'utf8').split('\n')[1];
  const liveMs = await page.evaluate(async (t) => {
    const cardsShown = document.querySelectorAll('li.idea-card button.vote');
    const target = cardsShown[Math.floor(cardsShown.length / 2)];
    const id = target.dataset.idea;
    await fetch(`/api/v1/ideas/${id}/vote`, { method: 'DELETE', headers: { authorization: `Bearer ${t}` } });
    await new Promise((r) => setTimeout(r, 500));
    const base = target.textContent;
    const start = performance.now();
    const changed = new Promise((resolve) => {
      new MutationObserver(() => { if (target.textContent !== base) resolve(performance.now() - start); })
        .observe(target, { childList: true, subtree: true, characterData: true });
    });
    await fetch(`/api/v1/ideas/${id}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${t}` } });
    return Promise.race([changed, new Promise((r) => setTimeout(() => r(null), 5000))]);
  }, token);
  // A member's own vote: from the click to the next frame showing it.
  await page.goto(`${server.url}/login`);
  await page.getByLabel(/Email|E-Mail/).fill('seed-3@seed.example');
  await page.getByLabel(/^(Password|Passwort)$/).fill('seed-password-2026');
  await page.locator('form.auth button[type=submit]').click();
  await page.locator('li.idea-card button.vote').first().waitFor();
  const clicks = [];
  for (let i = 0; i < 5; i += 1) {
    clicks.push(await page.evaluate(() => new Promise((resolve) => {
      const button = document.querySelector('li.idea-card button.vote');
      const before = button.getAttribute('aria-pressed');
      const start = performance.now();
      new MutationObserver((_, obs) => {
        if (button.getAttribute('aria-pressed') !== before) {
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }
      }).observe(button, { attributes: true });
      button.click();
    })));
    await page.waitForTimeout(300);
  }
  await context.close();
  await browser.close();
  await server.stop();
  return {
    first_load: bundle,
    embed_js_gzip_bytes: zlib.gzipSync(embedJs, { level: 9 }).length,
    first_list_paint_ms: median(paints),
    render_cards: cards,
    render_cards_ms: renderMs,
    render_cards_fetch_ms: fetchMs,
    render_cards_draw_ms: drawMs,
    live_vote_update_ms: liveMs,
    vote_click_to_repaint_ms: median(clicks),
  };
}
