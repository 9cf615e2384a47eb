// Schwarm's benchmarks: `make bench` (the full data set) and `make
// bench-smoke` (tiny, seconds, part of `make test`; no figure is judged
// there). Writes bench/results.json and bench/RESULTS.md (or the
// smoke-results pair), each figure beside its budget.
//
// API load with wrk (Debian) on loopback against the release server, on
// SQLite and PostgreSQL; live fan-out with raw SSE connections; the front
// end in headless Chromium.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fanOut, rss } from './sse.mjs';
import { frontEnd } from './frontend.mjs';
import { pacedVotes } from './paced.mjs';
import { cpuMark, stolenSince } from './cpu.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SMOKE = process.argv.includes('--smoke');
const SIZE = SMOKE
  ? { ideas: 300, votes: 3000, comments: 600, users: 200, sessions: 100, seconds: 1, connections: 16, subscribers: 100 }
  : { ideas: 100_000, votes: 1_000_000, comments: 200_000, users: 20_000, sessions: 1000, seconds: 10, connections: 64, subscribers: 10_000 };
const BIN = path.join(ROOT, 'target/release/schwarm');
const OUT = path.join(ROOT, 'bench', SMOKE ? 'smoke-results' : 'results');
const DATA = path.join(ROOT, 'bench/tmp');
const PG = process.env.SCHWARM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const BUDGETS = {
  first_load_brotli_kb: 150,
  embed_js_gzip_kb: 3,
  list_rps: 20_000,
  list_p99_ms: 5,
  vote_rps: 5_000,
  vote_p99_ms: 10,
  sse_rss_mb_10k: 150,
  sse_delivery_p99_ms: 100,
  first_list_paint_ms: 300,
};

function log(...args) { console.log('[bench]', ...args); }

/**
 * Seeds a database once per size (a marker file remembers it); without a
 * matching marker the database is made anew first (`reset`), since a left
 * over one (a PostgreSQL database outlives a checkout) cannot be seeded twice.
 */
function seed(databaseUrl, marker, reset) {
  // (`pristine`: seeded databases are only copied from since runs load
  // copies; a marker from before that names a database runs have changed.)
  const want = JSON.stringify({ ...SIZE, pristine: true });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want) return;
  reset();
  log('seeding', databaseUrl);
  execFileSync(BIN, ['seed', '--database-url', databaseUrl, '--ideas', `${SIZE.ideas}`, '--votes', `${SIZE.votes}`,
    '--comments', `${SIZE.comments}`, '--users', `${SIZE.users}`, '--sessions', `${SIZE.sessions}`,
    '--sessions-file', `${marker}.tokens`], { stdio: 'inherit' });
  fs.writeFileSync(marker, want);
}

async function startServer(databaseUrl) {
  // Errors only, unless asked (`RUST_LOG=warn make bench` also shows slow
  // statements and failed checkpoints beside the figures they explain).
  const child = spawn(BIN, ['serve', '--addr', '127.0.0.1:0', '--database-url', databaseUrl, '--dist', path.join(ROOT, 'dist'),
    '--auth-burst', '100000000', '--post-burst', '100000000', '--vote-burst', '100000000'],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'error' } });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/[^/\s]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, pid: child.pid, stop: () => { child.kill('SIGTERM'); return new Promise((r) => child.once('exit', r)); } };
}

const ms = (v, unit) => Number(v) * { us: 0.001, ms: 1, s: 1000 }[unit];

/** Runs wrk and reads requests/s, p50/p99/max latency and errors. */
function wrk(url, { script, env = {} } = {}) {
  const args = ['-t2', `-c${SIZE.connections}`, `-d${SIZE.seconds}s`, '--latency'];
  if (script) args.push('-s', path.join(ROOT, 'bench/wrk', script));
  args.push(url);
  const mark = cpuMark();
  const out = execFileSync('wrk', args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const lat = (p) => { const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out); return m ? ms(m[1], m[2]) : null; };
  const max = /Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]),
    p50_ms: lat(50),
    p99_ms: lat(99),
    max_ms: max ? ms(max[1], max[2]) : null,
    errors: (non2xx ? Number(non2xx[1]) : 0) + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
    cpu_stolen_pct: stolenSince(mark),
  };
}

/**
 * Loads a fresh copy of the seeded database (`fork` makes it), so every run
 * starts from the same data: the votes and comments of one run would
 * otherwise be the next one's starting point.
 */
async function apiLoad(name, seededUrl, marker, reset, fork) {
  seed(seededUrl, marker, reset);
  const databaseUrl = fork();
  const server = await startServer(databaseUrl);
  const env = {
    BENCH_TOKENS: `${marker}.tokens`, BENCH_IDEAS: `${SIZE.ideas}`,
    // Seeded into an empty database: ideas 1..N.
    BENCH_FIRST_IDEA: '1', BENCH_WRK: path.join(ROOT, 'bench/wrk'),
  };
  const results = {};
  const sorts = ['trending', 'top', 'new', 'discussed'];
  for (const sort of sorts) {
    results[`list_${sort}`] = wrk(`${server.url}/api/v1/ideas?limit=20&sort=${sort}`);
  }
  // A search, best match first (its default order), then in each sort.
  results.list_search = wrk(`${server.url}/api/v1/ideas?limit=20&q=dark%20mode`);
  for (const sort of sorts) {
    results[`list_search_${sort}`] = wrk(`${server.url}/api/v1/ideas?limit=20&q=dark%20mode&sort=${sort}`);
  }
  // Not from the visitors' list cache: a member's lists mark their votes.
  results.list_signed_in = wrk(server.url, { script: 'list_signed_in.lua', env });
  results.list_search_signed_in = wrk(server.url, { script: 'list_signed_in.lua', env: { ...env, BENCH_SEARCH: '1' } });
  results.idea = wrk(server.url, { script: 'idea.lua', env });
  results.vote = wrk(server.url, { script: 'vote.lua', env });
  // The budget's rate, offered at a steady pace (the budget is SQLite's;
  // PostgreSQL's votes top out well below it).
  if (name === 'sqlite') {
    const mark = cpuMark();
    results.vote_paced = await pacedVotes(server.url, {
      rate: SMOKE ? 200 : BUDGETS.vote_rps, connections: SIZE.connections, seconds: SIZE.seconds,
      tokensFile: env.BENCH_TOKENS, ideas: SIZE.ideas, firstIdea: Number(env.BENCH_FIRST_IDEA),
    });
    results.vote_paced.cpu_stolen_pct = stolenSince(mark);
  }
  results.comment = wrk(server.url, { script: 'comment.lua', env });
  results.mixed_90_10 = wrk(server.url, { script: 'mixed.lua', env });
  results.server_peak_rss_mb = rss(server.pid).peak_mb;
  log(name, JSON.stringify(results));
  await server.stop();
  // The fan-out on a server of its own: its memory is the subscribers',
  // not what the load above left in SQLite's page caches.
  let sse = null;
  if (name === 'sqlite') {
    const fresh = await startServer(fork());
    sse = await fanOut(fresh, SIZE.subscribers, `${marker}.tokens`, env.BENCH_FIRST_IDEA);
    await fresh.stop();
  }
  return { results, sse, url: server.url };
}

function pgReachable() {
  try { execFileSync('psql', [PG, '-Atqc', 'SELECT 1'], { stdio: 'ignore' }); return true; } catch { return false; }
}

function machine() {
  let commit = 'unknown';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), date: new Date().toISOString(), commit };
}

fs.mkdirSync(DATA, { recursive: true });
const results = { machine: machine(), size: SIZE, budgets: BUDGETS };
const sqliteFile = `${DATA}/bench-${SMOKE ? 'smoke' : 'full'}.db`;
const sqliteMarker = `${DATA}/bench-${SMOKE ? 'smoke' : 'full'}.sqlite.seeded`;
const sqliteRun = sqliteFile.replace(/\.db$/, '.run.db');
const forkSqlite = () => {
  for (const suffix of ['', '-wal', '-shm']) {
    fs.rmSync(`${sqliteRun}${suffix}`, { force: true });
    if (suffix !== '-shm' && fs.existsSync(`${sqliteFile}${suffix}`)) {
      fs.copyFileSync(`${sqliteFile}${suffix}`, `${sqliteRun}${suffix}`);
      // On disk before the server starts: otherwise the kernel writes the
      // copy back during the runs, and they measure this harness's I/O.
      const fd = fs.openSync(`${sqliteRun}${suffix}`, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
  }
  return `sqlite://${sqliteRun}`;
};
const sqlite = await apiLoad('sqlite', `sqlite://${sqliteFile}`, sqliteMarker, () => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${sqliteFile}${suffix}`, { force: true });
}, forkSqlite);
results.sqlite = sqlite.results;
results.sse = sqlite.sse;
if (pgReachable()) {
  const db = `schwarm_bench_${SMOKE ? 'smoke' : 'full'}`;
  const marker = `${DATA}/${db}.pg.seeded`;
  const exists = execFileSync('psql', [PG, '-Atqc', `SELECT 1 FROM pg_database WHERE datname = '${db}'`], { encoding: 'utf8' }).trim();
  if (!exists) fs.rmSync(marker, { force: true });
  const pgServer = PG.replace(/\/[^/]*$/, '');
  results.postgres = (await apiLoad('postgres', `${pgServer}/${db}`, marker, () => {
    execFileSync('psql', [PG, '-qc', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`]);
    execFileSync('psql', [PG, '-qc', `CREATE DATABASE ${db}`]);
  }, () => {
    execFileSync('psql', [PG, '-qc', `DROP DATABASE IF EXISTS ${db}_run WITH (FORCE)`]);
    execFileSync('psql', [PG, '-qc', `CREATE DATABASE ${db}_run TEMPLATE ${db}`]);
    return `${pgServer}/${db}_run`;
  })).results;
} else {
  log('PostgreSQL not reachable: its figures are missing');
}
results.frontend = await frontEnd(BIN, ROOT, forkSqlite(), `${sqliteMarker}.tokens`, startServer);
fs.writeFileSync(`${OUT}.json`, `${JSON.stringify(results, null, 2)}\n`);
const { markdown } = await import('./report.mjs');
fs.writeFileSync(`${OUT.replace('results', 'RESULTS').replace('smoke-RESULTS', 'SMOKE-RESULTS')}.md`, markdown(results, SMOKE));
log('written', `${OUT}.json`);
