// Cross-site request forgery: a page on another origin (another port of
// the same host, so the browser even sends the SameSite=Lax cookie) tries
// a form post and cross-origin fetches against a signed-in member. All are
// refused, and nothing is created.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { withServer, signIn, DEMO_CUSTOMER } from './support.mjs';

const env = withServer({ demo: true });

function attackerPage(board) {
  return `<!DOCTYPE html><html><body>
<form id="form" method="POST" action="${board}/api/v1/ideas" enctype="text/plain">
  <input name='{"title":"Forged by a form","body":"","x":"' value='"}'>
</form>
<script>
  const results = {};
  const tries = [
    ['simple', { method: 'POST', credentials: 'include', headers: { 'content-type': 'text/plain' },
                 body: JSON.stringify({ title: 'Forged by fetch', body: '' }) }],
    ['json', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' },
               body: JSON.stringify({ title: 'Forged by JSON fetch', body: '' }) }],
    ['vote', { method: 'PUT', credentials: 'include' }],
  ];
  Promise.all(tries.map(([name, init]) =>
    fetch(name === 'vote' ? '${board}/api/v1/ideas/1/vote' : '${board}/api/v1/ideas', init)
      .then((r) => { results[name] = r.status; }, () => { results[name] = 'blocked'; })
  )).then(() => { window.results = results; });
</script></body></html>`;
}

test('a form post and fetches from another origin change nothing', async () => {
  const attacker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(attackerPage(env.server.url));
  });
  await new Promise((r) => attacker.listen(0, '127.0.0.1', r));
  const evil = `http://127.0.0.1:${attacker.address().port}`;
  const context = await env.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, env.server.url, DEMO_CUSTOMER);
  const before = await (await context.request.get(`${env.server.url}/api/v1/ideas/1`)).json();

  // The fetches: refused by the server (403) or by the browser (CORS).
  await page.goto(evil);
  await page.waitForFunction(() => window.results);
  const results = await page.evaluate(() => window.results);
  assert.equal(results.simple, 'blocked', 'no CORS: the answer is not readable, and the server refused it');
  // The form: the browser shows the server's answer.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/ideas'));
  await page.evaluate(() => document.getElementById('form').submit());
  const formResponse = await answer;
  assert.equal(formResponse.status(), 403);
  assert.equal((await formResponse.json()).error.code, 'csrf_origin_mismatch');

  const titles = (await (await context.request.get(`${env.server.url}/api/v1/ideas?sort=new`)).json()).items.map((i) => i.title);
  assert.ok(!titles.some((t) => t.startsWith('Forged')), `nothing forged: ${titles}`);
  const after = await (await context.request.get(`${env.server.url}/api/v1/ideas/1`)).json();
  assert.equal(after.vote_count, before.vote_count, 'no forged vote');
  assert.equal(after.voted, before.voted);
  await context.close();
  attacker.close();
});
