// bench/RESULTS.md from the results: every figure, its budget beside it.
const f = (v, digits = 1) => (v === null || v === undefined ? 'n/a' : Number(v).toFixed(digits));

const stolen = (pct) => (pct === null || pct === undefined ? 'n/a' : `${f(pct, 0)} %`);

function verdict(value, budget, higherIsBetter) {
  if (value === null || value === undefined) return 'n/a';
  return (higherIsBetter ? value >= budget : value <= budget) ? 'within' : '**over**';
}

export function markdown(r, smoke) {
  const b = r.budgets;
  const lines = [
    `# Schwarm benchmark results${smoke ? ' (smoke run: tiny data, figures not meaningful)' : ''}`,
    '',
    `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memory_gb} GiB, Linux ${r.machine.kernel}. Date: ${r.machine.date}. Commit: ${r.machine.commit}.`,
    `Data: ${r.size.ideas} ideas, ${r.size.votes} votes, ${r.size.comments} comments, ${r.size.users} users (\`schwarm seed\`). Load: wrk, 2 threads, ${r.size.connections} connections, ${r.size.seconds} s per scenario, loopback.`,
    '',
    '## API',
    '',
    '| scenario | database | req/s | p50 ms | p99 ms | max ms | errors | CPU stolen | budget |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const db of ['sqlite', 'postgres']) {
    if (!r[db]) continue;
    for (const [name, x] of Object.entries(r[db])) {
      if (typeof x !== 'object') continue;
      let budget = '';
      if (name.startsWith('list_') && db === 'sqlite') {
        budget = `≥ ${b.list_rps} req/s, p99 ≤ ${b.list_p99_ms} ms: ${verdict(x.rps, b.list_rps, true)} / ${verdict(x.p99_ms, b.list_p99_ms, false)}`;
      } else if (name === 'vote' && db === 'sqlite') {
        budget = `≥ ${b.vote_rps} req/s: ${verdict(x.rps, b.vote_rps, true)}; p99 at this, the most it takes: ${verdict(x.p99_ms, b.vote_p99_ms, false)}`;
      } else if (name === 'vote_paced') {
        budget = `p99 ≤ ${b.vote_p99_ms} ms with ${x.offered_rps} votes/s offered: ${verdict(x.p99_ms, b.vote_p99_ms, false)}`;
      }
      lines.push(`| ${name} | ${db} | ${f(x.rps, 0)} | ${f(x.p50_ms, 2)} | ${f(x.p99_ms, 2)} | ${f(x.max_ms, 1)} | ${x.errors} | ${stolen(x.cpu_stolen_pct)} | ${budget} |`);
    }
    lines.push(`| server peak RSS | ${db} | | | | | | | ${f(r[db].server_peak_rss_mb)} MB |`);
  }
  lines.push(
    '',
    'Visitors\' lists (`list_trending` … `list_search_discussed`: each sort, then a search best match first and in each sort; and the lists in `mixed_90_10`) are answered from memory between writes (`server/src/list_cache.rs`: any write voids them; one request per list recomputes). `list_signed_in` and `list_search_signed_in` are members\' lists: the same cached lists, marked with the member\'s own votes and follows (`server/src/service/member_lists.rs`); on SQLite those marks are kept in memory until the member votes or follows or anything else is written (`server/src/own_marks.rs`), on PostgreSQL one query per request reads them. `vote` is wrk\'s closed loop: each connection votes again as soon as it is answered, so its p99 is that of a saturated server. `vote_paced` offers the budget\'s rate at a steady pace on as many connections (open loop, `bench/paced.mjs`); each latency counts from the vote\'s planned send time, so a stall counts against every vote planned during it. On SQLite votes are written in batches, one transaction each (`server/src/service/vote_queue.rs`); on PostgreSQL one transaction per vote. "CPU stolen" is the share of the machine\'s CPU time its host took during the scenario (`steal` in /proc/stat, `bench/cpu.mjs`): on a shared virtual machine the same binary\'s figures fall as it rises.',
  );
  const s = r.sse;
  const fe = r.frontend;
  lines.push('', '## Live fan-out', '');
  if (s) {
    // The baseline plus what each further subscriber costs.
    const scaled = s.server_rss_mb + ((10_000 - s.subscribers) * s.rss_per_subscriber_kb) / 1024;
    lines.push(
      `${s.subscribers} SSE subscribers, ${s.delivered} got each of ${s.votes ?? 1} votes. Server RSS ${f(s.server_rss_mb)} MB, ${f(s.server_rss_before_mb)} MB of it before the first subscriber (${f(s.rss_per_subscriber_kb)} KB per subscriber; budget ${b.sse_rss_mb_10k} MB for 10,000${s.subscribers === 10_000 ? `: ${verdict(s.server_rss_mb, b.sse_rss_mb_10k, false)}` : `, scaled ${f(scaled)} MB`}).`,
      `Vote to every subscriber, over all deliveries of the votes one after another: p50 ${f(s.delivery_p50_ms)} ms, p99 ${f(s.delivery_p99_ms)} ms, max ${f(s.delivery_max_ms)} ms (budget p99 ≤ ${b.sse_delivery_p99_ms} ms: ${verdict(s.delivery_p99_ms, b.sse_delivery_p99_ms, false)}).${s.delivery_p99_each_ms ? ` Each vote's own p99: ${s.delivery_p99_each_ms.map((x) => f(x)).join(', ')} ms.` : ''}`,
    );
  }
  lines.push('', '## Front end (headless Chromium, localhost)', '', '| figure | value | budget |', '|---|---|---|');
  if (fe) {
    const kb = fe.first_load.total_brotli / 1024;
    lines.push(
      ...fe.first_load.files.map((x) => `| ${x.file} | ${x.raw} B raw, ${x.gzip} B gzip, ${x.brotli} B brotli | |`),
      `| first load (wasm + JS + CSS), brotli | ${f(kb)} KB | ≤ ${b.first_load_brotli_kb} KB: ${verdict(kb, b.first_load_brotli_kb, false)} |`,
      `| /embed.js, gzip | ${fe.embed_js_gzip_bytes} B | ≤ ${b.embed_js_gzip_kb} KB: ${verdict(fe.embed_js_gzip_bytes / 1024, b.embed_js_gzip_kb, false)} |`,
      `| navigation to first idea list painted (median of 5, cold) | ${f(fe.first_list_paint_ms)} ms | ≤ ${b.first_list_paint_ms} ms: ${verdict(fe.first_list_paint_ms, b.first_list_paint_ms, false)} |`,
      `| ${fe.render_cards} idea cards by "Load more", pages of 20 (fetches included) | ${f(fe.render_cards_ms, 0)} ms | |`,
      ...(fe.render_cards_fetch_ms === undefined ? [] : [
        `| of that, waiting for the pages' fetches / from each page's arrival to its cards in the document (decoding and drawing), summed | ${f(fe.render_cards_fetch_ms, 0)} ms / ${f(fe.render_cards_draw_ms, 0)} ms | |`,
      ]),
      `| another member's vote to its count among them (SSE included) | ${f(fe.live_vote_update_ms)} ms | |`,
      `| vote click to repaint (median of 5) | ${f(fe.vote_click_to_repaint_ms)} ms | |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
