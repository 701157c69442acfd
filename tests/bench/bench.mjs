// make bench: how big the release build is and how fast it loads, against a
// floor (the smallest Leptos CSR page, built the same way, tests/bench/floor).
//
//   [STACK_DIST=<dist>] node tests/bench/bench.mjs <app dist> <floor dist> [runs]
//
// STACK_DIST, when set, is the fixed crates' floor (tests/bench/stack): its
// size is printed beside the floor's.
//
// Sizes: every file of each dist, raw, gzip -9 and brotli (quality 11), by
// kind, with the total and the 330 KB brotli ceiling. Times: the median (and
// the spread) of `runs` fresh page loads each, in one Chromium, all over
// loopback against the stand-in AniList, in the same run:
// - floor:      navigation start to the floor page's heading in the DOM;
// - first render: navigation start to the home page's heading in the DOM;
// - sign-in:    the redirect back from the stand-in's authorize endpoint (the
//               start of the fetch of the app's page with the token in the
//               fragment) to the user id on screen;
// - profile:    navigation start of /profile (signed in, cold cache) to the
//               profile read from the stand-in and on screen;
// - list revisit: the list page visited once, then Settings, then a click on
//               "Lists" within 30 s: click to the rows on screen, how many
//               rows, and how many ListCollection requests went out before
//               they showed (goal: 0: the store has them);
// - list reload: the same page reloaded (store warm in IndexedDB):
//               navigation start to the first row, and the ListCollection
//               requests sent by then (goal: 0).
// Times are taken in the page (a MutationObserver and performance.now()),
// so the test driver's polling adds nothing. They are noisy: compare the
// ratios within one run, not absolute times between machines.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startWorld } from '../e2e/lib/harness.mjs';
import { startStaticServer } from '../e2e/lib/static-server.mjs';

const [appDist, floorDist, runsArg] = process.argv.slice(2);
if (!appDist || !floorDist) {
  console.error('usage: node tests/bench/bench.mjs <app dist> <floor dist> [runs]');
  process.exit(2);
}
const RUNS = Math.max(9, Number(runsArg ?? 9));
const CEILING = 330_000; // 330 KB, in thousands: the stricter reading

// ---- sizes ------------------------------------------------------------

function kindOf(file) {
  const ext = path.extname(file);
  return { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML' }[ext] ?? 'other';
}

function sizes(dir) {
  const rows = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    const kind = kindOf(name);
    const row = (rows[kind] ??= { kind, files: [], raw: 0, gzip: 0, brotli: 0 });
    row.files.push(name);
    row.raw += bytes.length;
    row.gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    row.brotli += zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  const order = ['wasm', 'JS', 'CSS', 'HTML', 'other'];
  const list = order.filter((k) => rows[k]).map((k) => rows[k]);
  const total = list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { list, total };
}

const n = (x) => x.toLocaleString('en-US');

// ---- times ------------------------------------------------------------

// Runs in every page before its own scripts: notes when each selector first
// matches, in ms since the document's navigation start.
function watch(selectors) {
  window.__marks = {};
  const check = () => {
    for (const [mark, selector] of Object.entries(selectors)) {
      if (!(mark in window.__marks) && document.querySelector(selector)) {
        window.__marks[mark] = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

const SELECTORS = {
  floor: '#floor',
  home: 'main h1',
  userId: '[data-testid=welcome-user]',
  profile: '[data-testid=profile-name]',
  listRow: '[data-testid^="entry-"]',
};

// In the page: clicks the navigation link `label` and resolves when list
// rows are on screen, with the time since the click and their count.
function clickToRows(label) {
  return new Promise((resolve) => {
    const start = performance.now();
    const link = [...document.querySelectorAll('nav.site-nav a')].find((a) => a.textContent.trim() === label);
    const done = () => {
      const rows = document.querySelectorAll('[data-testid^="entry-"]').length;
      if (!rows) return false;
      resolve({ ms: performance.now() - start, rows });
      return true;
    };
    const obs = new MutationObserver(() => done() && obs.disconnect());
    obs.observe(document, { childList: true, subtree: true });
    link.click();
  });
}

async function markOf(page, mark, { sinceFetchStart = false } = {}) {
  await page.waitForFunction((m) => window.__marks && m in window.__marks, mark, { timeout: 30000 });
  return page.evaluate(([m, sinceFetch]) => {
    const at = window.__marks[m];
    if (!sinceFetch) return at;
    // After a cross-origin redirect, fetchStart is when the fetch of this
    // page began: the moment the authorize endpoint's redirect was followed.
    const nav = performance.getEntriesByType('navigation')[0];
    return at - nav.fetchStart;
  }, [mark, sinceFetchStart]);
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

async function main() {
  const app = sizes(appDist);
  const floor = sizes(floorDist);
  // The fixed crates' floor (tests/bench/stack), sizes only, when built.
  const stack = process.env.STACK_DIST ? sizes(process.env.STACK_DIST) : null;

  const world = await startWorld({ dist: appDist });
  const floorServer = await startStaticServer({ root: floorDist });
  const results = { floor: [], home: [], userId: [], profile: [], revisit: [], reload: [] };
  const counts = { revisitRows: [], revisitRequests: [], reloadRequests: [] };
  const browser = world.browser;

  async function freshPage(options = {}) {
    const page = await world.newPage(options);
    await page.context().addInitScript(watch, SELECTORS);
    return page;
  }

  try {
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so a slow moment of the machine hits every measure.
      {
        const context = await browser.newContext();
        await context.addInitScript(watch, SELECTORS);
        const page = await context.newPage();
        await page.goto(floorServer.url);
        results.floor.push(await markOf(page, 'floor'));
        await context.close();
      }
      {
        const page = await freshPage();
        await page.goto(world.app.url);
        results.home.push(await markOf(page, 'home'));
        await page.click('[data-testid=sign-in-button]');
        results.userId.push(await markOf(page, 'userId', { sinceFetchStart: true }));
        // The session, but a cold cache: a new context with its storage.
        const state = await page.context().storageState();
        const cold = await world.newPage({ storageState: state });
        await cold.context().addInitScript(watch, SELECTORS);
        await cold.goto(`${world.app.url}profile`);
        results.profile.push(await markOf(cold, 'profile'));
        // The list page once (fills the store), then away and back.
        const listRequests = [];
        page.on('request', (r) => {
          if (r.method() === 'POST' && (r.postData() ?? '').includes('"operationName":"ListCollection"')) listRequests.push(r);
        });
        await page.click('nav.site-nav >> text="Lists"');
        await page.waitForSelector(SELECTORS.listRow);
        await page.click('nav.site-nav >> text="Settings"');
        await page.waitForSelector('main h1');
        let before = listRequests.length;
        const revisit = await page.evaluate(clickToRows, 'Lists');
        results.revisit.push(revisit.ms);
        counts.revisitRows.push(revisit.rows);
        counts.revisitRequests.push(listRequests.length - before);
        // A reload: the rows from IndexedDB.
        before = listRequests.length;
        await page.reload();
        results.reload.push(await markOf(page, 'listRow'));
        counts.reloadRequests.push(listRequests.length - before);
        if (cold.problems.length || page.problems.length) {
          throw new Error(`the app reported problems: ${[...page.problems, ...cold.problems].join('; ')}`);
        }
        await world.closePages();
      }
    }
  } finally {
    await floorServer.close();
    await world.close();
  }

  // ---- report ---------------------------------------------------------
  const out = [];
  out.push(`## Sizes (bytes)`, '');
  out.push('| file | raw | gzip -9 | brotli 11 |', '| --- | ---: | ---: | ---: |');
  for (const r of app.list) out.push(`| ${r.kind} (${r.files.join(', ')}) | ${n(r.raw)} | ${n(r.gzip)} | ${n(r.brotli)} |`);
  out.push(`| **total** | **${n(app.total.raw)}** | **${n(app.total.gzip)}** | **${n(app.total.brotli)}** |`);
  out.push(`| floor page, total | ${n(floor.total.raw)} | ${n(floor.total.gzip)} | ${n(floor.total.brotli)} |`);
  if (stack) {
    out.push(`| fixed crates' floor, total | ${n(stack.total.raw)} | ${n(stack.total.gzip)} | ${n(stack.total.brotli)} |`);
  }
  out.push('');
  const over = app.total.brotli - CEILING;
  out.push(over > 0
    ? `Ceiling (all files, brotli): ${n(app.total.brotli)} of ${n(CEILING)} bytes: OVER by ${n(over)} bytes (${(100 * over / CEILING).toFixed(0)} %).`
    : `Ceiling (all files, brotli): ${n(app.total.brotli)} of ${n(CEILING)} bytes: within, ${n(-over)} bytes to spare.`);
  out.push('', `## Load times (ms, median of ${RUNS} fresh loads each; min–max)`, '');
  out.push('| measure | median | min–max | ratio to floor |', '| --- | ---: | ---: | ---: |');
  const f = stats(results.floor);
  const rows = [
    ['floor: minimal Leptos page, first render', results.floor],
    ['home page, first render', results.home],
    ['redirect back from authorize → user id on screen', results.userId],
    ['profile (signed in, cold cache) rendered', results.profile],
    ['list revisit within 30 s: click → rows on screen', results.revisit],
    ['list page reloaded (store warm): rows on screen', results.reload],
  ];
  for (const [label, values] of rows) {
    const s = stats(values);
    out.push(`| ${label} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)}–${s.max.toFixed(0)} | ${(s.median / f.median).toFixed(2)}× |`);
  }
  const range = (v) => (Math.min(...v) === Math.max(...v) ? `${Math.min(...v)}` : `${Math.min(...v)}–${Math.max(...v)}`);
  out.push('', '## List revisit (store warm)', '');
  out.push(`- rows on screen at the revisit: ${range(counts.revisitRows)}`);
  out.push(`- ListCollection requests before they showed, revisit: ${range(counts.revisitRequests)} (goal: 0)`);
  out.push(`- ListCollection requests before the first row, reload: ${range(counts.reloadRequests)} (goal: 0)`);
  console.log(out.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
