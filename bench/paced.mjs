// Votes at a fixed offered rate (open loop): the vote budget's "5,000 req/s
// with p99 ≤ 10 ms" asks what voters wait while 5,000 votes a second come
// in. wrk is closed loop: each of its connections sends again only when
// answered, so at its maximum rate the wait is simply connections ÷ rate
// (Little's law), whatever the server does. Written here because neither
// standard tool we can install fits: Debian has no wrk2, and oha's paced
// mode (`-q`, `--latency-correction`) sends one method with one fixed set
// of headers, while a vote needs PUT or DELETE by many users (tokens).
//
// Each request has its planned send time (start + i ÷ rate) and its latency
// counts from that time, not from when a connection was free to send it, so
// a stall on the server shows up in every request planned during it
// (no coordinated omission). Any delay of this client's own loop counts
// against the server too: the figures can only err on the slow side.
import fs from 'node:fs';
import net from 'node:net';
import { percentile } from './sse.mjs';

const HEAD_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection; `send` resolves with the status code. */
function connection(port, host) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => {
      socket.setNoDelay(true);
      resolve(conn);
    });
    let buffer = Buffer.alloc(0);
    let waiting = null;
    const conn = {
      busy: false,
      close: () => socket.destroy(),
      send(request) {
        conn.busy = true;
        return new Promise((done) => { waiting = done; socket.write(request); });
      },
    };
    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      const end = buffer.indexOf(HEAD_END);
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      buffer = buffer.subarray(end + 4 + length);
      conn.busy = false;
      const done = waiting;
      waiting = null;
      done(Number(head.slice(9, 12)));
    });
    socket.on('error', reject);
    // A connection the server closed stays busy; its open request fails.
    socket.on('close', () => {
      conn.busy = true;
      if (waiting) waiting(0);
      waiting = null;
    });
  });
}


/**
 * PUT or DELETE a vote by a random seeded user on a random idea, `rate`
 * times a second over `connections` connections for `seconds` seconds.
 */
export async function pacedVotes(url, { rate, connections, seconds, tokensFile, ideas, firstIdea }) {
  const { hostname, port, host } = new URL(url);
  const tokens = fs.readFileSync(tokensFile, 'utf8').split('\n').filter(Boolean);
  const pool = await Promise.all(Array.from({ length: connections }, () => connection(Number(port), hostname)));
  const total = rate * seconds;
  const latencies = new Float64Array(total);
  let planned = 0;
  let finished = 0;
  let errors = 0;
  const queue = [];
  const pick = (n) => Math.floor(Math.random() * n);
  const start = performance.now() + 50;

  const dispatch = () => {
    while (queue.length) {
      const conn = pool.find((c) => !c.busy);
      if (!conn) return;
      const { at, index } = queue.shift();
      const method = pick(2) ? 'PUT' : 'DELETE';
      const request = `${method} /api/v1/ideas/${firstIdea + pick(ideas)}/vote HTTP/1.1\r\nHost: ${host}\r\n`
        + `Authorization: Bearer ${tokens[pick(tokens.length)]}\r\nContent-Length: 0\r\n\r\n`;
      conn.send(request).then((status) => {
        latencies[index] = performance.now() - at;
        if (status < 200 || status >= 400) errors += 1;
        finished += 1;
        dispatch();
      });
    }
  };

  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (planned < total && start + (planned * 1000) / rate <= now) {
        queue.push({ at: start + (planned * 1000) / rate, index: planned });
        planned += 1;
      }
      dispatch();
      if (finished === total) resolve();
      // A timer, not setImmediate: a spinning client would take a core
      // from the server. Timer lag (about 1 ms) counts as latency.
      else setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  for (const conn of pool) conn.close();
  const sorted = latencies.sort();
  return {
    offered_rps: rate,
    rps: total / elapsed,
    p50_ms: percentile(sorted, 50),
    p99_ms: percentile(sorted, 99),
    max_ms: sorted[sorted.length - 1],
    errors,
  };
}
