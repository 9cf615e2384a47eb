// The first page's reads, asked for while the wasm loads; the app
// takes each answer once by its URL (src/early.rs says why and how).
// Each URL must be the one src/api.rs builds: a wrong guess is only
// not taken. Board lists follow src/pages/board.rs.
(() => {
  const early = (window.__schwarmEarly = {});
  const ask = (path) => {
    // As gloo-net builds it: a query gets a trailing '&'.
    const url = new URL(path, location.href);
    if (url.search) url.search += '&';
    early[url.href] = fetch(url.href)
      .then((r) => r.text().then((body) => [r.status, body]))
      .catch((e) => [0, String(e)]);
  };
  ['/api/v1/me', '/api/v1/boards', '/api/v1/statuses'].forEach(ask);
  const embed = /^\/embed\/([^/]+)\/?$/.exec(location.pathname);
  if (location.pathname !== '/' && !embed) return;
  const query = new URLSearchParams(location.search);
  const value = (name) => (query.get(name) || '').trim() || null;
  const q = value('q');
  const board = embed ? embed[1] : value('board');
  let sort = query.get('sort');
  if (!['new', 'top', 'trending', 'discussed', 'relevance'].includes(sort)) sort = q ? 'relevance' : 'trending';
  if (sort === 'relevance' && !q) sort = 'trending';
  const params = { board, tag: board && value('tag'), status: value('status'), q };
  const rest = Object.entries(params).filter(([, v]) => v);
  ask('/api/v1/ideas?sort=' + sort + rest.map(([k, v]) => '&' + k + '=' + encodeURIComponent(v)).join(''));
})();
