// The demo host: a small shop page on its own origin that embeds the
// Schwarm board with /embed.js and signs its (fake, always logged-in) user
// in by SSO. The signer is the part a real site writes on its server:
// an HS256 JWT with sub, email, name, exp (minutes ahead) and aud (this
// site's origin), signed with the secret the board's admin was shown.
//
//   node examples/embed-host/server.mjs   (see `make embed-demo`)
//
// Settings come from the environment: SCHWARM_BOARD_URL (the board,
// default http://127.0.0.1:8080), EMBED_HOST_PORT (8090), EMBED_SSO_SECRET
// (the demo data's secret), EMBED_BOARD (web).
import http from 'node:http';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const base64url = (data) => Buffer.from(data).toString('base64url');

/** An HS256 JWT for `user`, valid for ten minutes, for the audience `origin`. */
export function signToken({ user, origin, secret, now = Math.floor(Date.now() / 1000) }) {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(JSON.stringify({ ...user, aud: origin, exp: now + 600 }));
  const signature = crypto.createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page({ board, boardSlug, token, user }) {
  const sso = token ? ` data-sso-token="${escape(token)}"` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Shop: ideas</title>
<style>
  body { font-family: Georgia, serif; margin: 0; background: #fff7ed; color: #1c1917; }
  header { background: #c2410c; color: white; padding: 1rem 2rem; display: flex; justify-content: space-between; }
  main { max-width: 820px; margin: 1.5rem auto; padding: 0 1rem; }
  #events { font: 0.85rem ui-monospace, monospace; background: #fff; border: 1px solid #fed7aa; padding: 0.5rem; min-height: 3rem; }
</style></head>
<body>
<header><strong>Acme Shop</strong><span>${user ? `Logged in as ${escape(user.name)}` : 'Not logged in'}</span></header>
<main>
  <h1>Tell us what to build next</h1>
  <div id="widget"></div>
  <h2>What the widget told this page</h2>
  <ol id="events"></ol>
</main>
<script src="${escape(board)}/embed.js" data-board="${escape(boardSlug)}" data-target="#widget"${sso} async></script>
<script>
  window.schwarmEvents = [];
  for (const name of ['schwarm:idea-created', 'schwarm:voted', 'schwarm:signed-in']) {
    document.addEventListener(name, (e) => {
      window.schwarmEvents.push({ name, detail: e.detail });
      const li = document.createElement('li');
      li.textContent = name + ' ' + JSON.stringify(e.detail);
      document.getElementById('events').appendChild(li);
    });
  }
</script>
</body></html>`;
}

/**
 * Serves the shop page on `port`. `user` is the shop's logged-in user (null:
 * nobody, so no SSO token). Resolves to { url, close }.
 */
export function startHost({ port = 0, host = '127.0.0.1', origin, board, boardSlug = 'web', secret, user }) {
  const server = http.createServer((req, res) => {
    const self = origin ?? `http://${req.headers.host}`;
    // The secret may be given later (a test registers the site first).
    const key = typeof secret === 'function' ? secret() : secret;
    const token = user && key ? signToken({ user, origin: self, secret: key }) : null;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page({ board, boardSlug, token, user: user && { name: user.name } }));
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => resolve({
      port: server.address().port,
      close: () => new Promise((r) => server.close(r)),
    }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.EMBED_HOST_PORT ?? 8090);
  const board = process.env.SCHWARM_BOARD_URL ?? 'http://127.0.0.1:8080';
  const { port: bound } = await startHost({
    port,
    host: 'localhost',
    origin: `http://localhost:${port}`,
    board,
    boardSlug: process.env.EMBED_BOARD ?? 'web',
    secret: process.env.EMBED_SSO_SECRET ?? 'demo-embed-secret-not-for-production',
    user: { sub: 'acme-customer-7', email: 'hannah@acme.example', name: 'Hannah from Acme' },
  });
  console.log(`The demo shop is at http://localhost:${bound}/ (embedding ${board})`);
}
