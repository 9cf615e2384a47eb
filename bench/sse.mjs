// Live fan-out: N raw SSE subscribers on one idea, then one vote; the
// server's memory per subscriber and the vote's arrival at each of them.
import fs from 'node:fs';
import http from 'node:http';

/** Peak and current resident memory of a process, in MB. */
export function rss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
  return { peak_mb: kb('VmHWM') / 1024, now_mb: kb('VmRSS') / 1024 };
}

const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100))] : null;

function subscribe(url, idea, onVote) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/v1/events?idea=${idea}`, { agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => { if (chunk.includes('"kind":"vote.cast"')) onVote(); });
      resolve(req);
    });
    req.on('error', reject);
  });
}

export async function fanOut(server, n, tokensFile, idea) {
  const before = rss(server.pid).now_mb;
  const arrivals = [];
  let sent = 0;
  const requests = [];
  for (let i = 0; i < n; i += 250) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 250); j += 1) {
      batch.push(subscribe(server.url, idea, () => arrivals.push(performance.now() - sent)));
    }
    requests.push(...(await Promise.all(batch)));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = rss(server.pid).now_mb;
  const token = fs.readFileSync(tokensFile, 'utf8').split('\n')[0];
  // Withdraw first, so the PUT below is a new vote for sure.
  await fetch(`${server.url}/api/v1/ideas/${idea}/vote`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  await new Promise((r) => setTimeout(r, 300));
  arrivals.length = 0;
  sent = performance.now();
  await fetch(`${server.url}/api/v1/ideas/${idea}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${token}` } });
  const deadline = Date.now() + 10_000;
  while (arrivals.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const req of requests) req.destroy();
  const sorted = [...arrivals].sort((a, b) => a - b);
  return {
    subscribers: n,
    delivered: arrivals.length,
    server_rss_before_mb: before,
    server_rss_mb: after,
    rss_per_subscriber_kb: ((after - before) * 1024) / n,
    delivery_p50_ms: percentile(sorted, 50),
    delivery_p99_ms: percentile(sorted, 99),
    delivery_max_ms: sorted.at(-1) ?? null,
  };
}
