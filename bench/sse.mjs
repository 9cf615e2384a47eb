// Live fan-out: N raw SSE subscribers on one idea, then votes; the
// server's memory per subscriber and each vote's arrival at each of them.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Peak and current resident memory of a process, in MB. */
export function rss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
  return { peak_mb: kb('VmHWM') / 1024, now_mb: kb('VmRSS') / 1024 };
}

/** The `p`th percentile of ascending `sorted` (null if empty); shared by the benchmarks. */
export const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100))] : null;

/** Votes whose deliveries the figures pool. */
const ROUNDS = 5;
/** The subscribers: a small Rust client (bench/fanout; why not Node: its doc). */
const FANOUT = fileURLToPath(new URL('../target/release/fanout', import.meta.url));

export async function fanOut(server, n, tokensFile, idea) {
  const token = fs.readFileSync(tokensFile, 'utf8').split('\n')[0];
  const { host } = new URL(server.url);
  // Several votes, one after another: one vote's p99 is its slowest 100
  // deliveries, and a single stall of either process decided it.
  const out = await new Promise((resolve, reject) => {
    execFile(FANOUT, [host, `${idea}`, `${n}`, token, `${server.pid}`, `${ROUNDS}`],
      { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });
  const { rss_before_mb: before, rss_after_mb: after, rounds } = JSON.parse(out);
  const sorted = rounds.flat().sort((a, b) => a - b);
  return {
    subscribers: n,
    votes: ROUNDS,
    delivered: Math.min(...rounds.map((r) => r.length)),
    server_rss_before_mb: before,
    server_rss_mb: after,
    rss_per_subscriber_kb: ((after - before) * 1024) / n,
    delivery_p50_ms: percentile(sorted, 50),
    delivery_p99_ms: percentile(sorted, 99),
    delivery_p99_each_ms: rounds.map((r) => percentile([...r].sort((a, b) => a - b), 99)),
    delivery_max_ms: sorted.at(-1) ?? null,
  };
}
