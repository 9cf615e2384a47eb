// Shared pieces of the end-to-end tests: a real `schwarm serve` on a free
// loopback port with a fresh SQLite file, and Debian's Chromium driven by
// playwright-core. Nothing of ours is mocked.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCHWARM_BIN = process.env.SCHWARM_BIN ?? path.join(ROOT, 'target/debug/schwarm');

/**
 * Starts the server (with `args` added to `schwarm serve`); resolves once it
 * printed its address and /healthz answers.
 */
export async function startServer({ demo = false, args: extra = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schwarm-e2e-'));
  const databaseUrl = `sqlite://${path.join(dir, 'e2e.db')}`;
  const args = [
    'serve',
    '--addr', '127.0.0.1:0',
    '--database-url', databaseUrl,
    '--dist', process.env.SCHWARM_DIST ?? path.join(ROOT, 'dist'),
  ];
  if (demo) args.push('--demo');
  args.push(...extra);
  const child = spawn(SCHWARM_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } });
  let output = '';
  child.stderr.on('data', (d) => { output += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (d) => {
      output += d;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${output}`)); });
  });
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`healthz answered ${health.status}`);
  return {
    url,
    databaseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Headless Chromium with a fresh profile (playwright makes a new user-data-dir). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Collects every uncaught page error and console error: a broken wasm shows
 * up here first. Chromium also logs each 4xx answer as a console error
 * ("Failed to load resource"); those are expected answers of our API (a
 * visitor's GET /me is a 401), not script failures, so they are kept apart.
 */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}`);
  });
  return errors;
}

/** Session cookie of a browser context, for a direct API call as that user. */
export async function sessionCookie(context, url) {
  const cookies = await context.cookies(url);
  const c = cookies.find((c) => c.name === 'schwarm_session');
  return c ? `${c.name}=${c.value}` : null;
}

/**
 * Waits until `check(texts)` holds for the text of every element `selector`
 * matches. A <Transition> keeps the old list on screen while the new one
 * loads, so a list is judged by its content, never by its first element.
 */
export async function waitForTexts(page, selector, check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let texts = [];
  while (Date.now() < deadline) {
    texts = await page.locator(selector).allTextContents();
    if (texts.length > 0 && check(texts)) return texts;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} never matched; last seen: ${JSON.stringify(texts)}`);
}

export const DEMO_CUSTOMER = { email: 'demo@schwarm.example', password: 'demo-customer-2026' };

/** Signs in through the English sign-in form and waits for the board. */
export async function signIn(page, baseUrl, { email, password } = DEMO_CUSTOMER) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/**
 * One server and one browser for the tests of a file, started before the
 * first and stopped after the last: `const env = withServer({ demo: true })`.
 */
export function withServer({ demo = false } = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer({ demo });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
