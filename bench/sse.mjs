// Live fan-out: N raw SSE subscribers on one idea, then one vote; the
// server's memory per subscriber and the vote's arrival at each of them.
import fs from 'node:fs';
import net from 'node:net';

/** Peak and current resident memory of a process, in MB. */
export function rss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
  return { peak_mb: kb('VmHWM') / 1024, now_mb: kb('VmRSS') / 1024 };
}

/** The `p`th percentile of ascending `sorted` (null if empty); shared by the benchmarks. */
export const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100))] : null;

const VOTE = Buffer.from('"kind":"vote.cast"');
/** Votes whose deliveries the figures pool. */
const ROUNDS = 5;

/**
 * A raw subscriber: its request, then the bytes as they arrive. No HTTP
 * client sits in between: with 10,000 streams on the same two cores, a
 * client's own parsing was a large part of what the delivery time measured.
 */
function subscribe(url, idea, onVote) {
  const { hostname, port, host } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(
      `GET /api/v1/events?idea=${idea} HTTP/1.1\r\nHost: ${host}\r\nAccept: text/event-stream\r\n\r\n`));
    let head = true;
    socket.on('data', (chunk) => {
      if (head) {
        head = false;
        const text = chunk.toString('latin1');
        if (!/^HTTP\/1\.1 200 /.test(text) || !/\r\ncontent-type: text\/event-stream/i.test(text)) {
          reject(new Error(`not an event stream: ${text.slice(0, 200)}`));
          return;
        }
        resolve(socket);
      }
      if (chunk.indexOf(VOTE) >= 0) onVote();
    });
    socket.on('error', reject);
  });
}

export async function fanOut(server, n, tokensFile, idea) {
  const before = rss(server.pid).now_mb;
  const arrivals = [];
  let sent = 0;
  const sockets = [];
  for (let i = 0; i < n; i += 250) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 250); j += 1) {
      batch.push(subscribe(server.url, idea, () => arrivals.push(performance.now() - sent)));
    }
    sockets.push(...(await Promise.all(batch)));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = rss(server.pid).now_mb;
  const token = fs.readFileSync(tokensFile, 'utf8').split('\n')[0];
  const vote = (method) => fetch(`${server.url}/api/v1/ideas/${idea}/vote`, { method, headers: { authorization: `Bearer ${token}` } });
  // Several votes, one after another: one vote's p99 is its slowest 100
  // deliveries, and a single stall of either process decided it.
  const all = [];
  const rounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Withdraw first, so the PUT below is a new vote for sure.
    await vote('DELETE');
    await new Promise((r) => setTimeout(r, 300));
    arrivals.length = 0;
    sent = performance.now();
    await vote('PUT');
    const deadline = Date.now() + 10_000;
    while (arrivals.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const got = [...arrivals].sort((a, b) => a - b);
    rounds.push({ delivered: got.length, p99_ms: percentile(got, 99) });
    all.push(...got);
  }
  for (const socket of sockets) socket.destroy();
  const sorted = all.sort((a, b) => a - b);
  return {
    subscribers: n,
    votes: ROUNDS,
    delivered: Math.min(...rounds.map((r) => r.delivered)),
    server_rss_before_mb: before,
    server_rss_mb: after,
    rss_per_subscriber_kb: ((after - before) * 1024) / n,
    delivery_p50_ms: percentile(sorted, 50),
    delivery_p99_ms: percentile(sorted, 99),
    delivery_p99_each_ms: rounds.map((r) => r.p99_ms),
    delivery_max_ms: sorted.at(-1) ?? null,
  };
}
