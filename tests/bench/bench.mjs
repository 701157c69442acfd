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
// - heavy list: for N = 50, 500 and 5,000 more anime entries on the
//               stand-in, fresh loads of the list page (signed in, store
//               cold) and one reload (store warm): first row laid out
//               (navigation start → the first row in the DOM with layout
//               done), all entries loaded, elements and nodes in the page,
//               JS heap and wasm memory, one filter keystroke → rows
//               updated, "+1" → new number on screen, requests sent; beside
//               a plain-DOM page that builds the same N rows at once with the
//               app's style (the floor of rendering everything).
// Times are taken in the page (a MutationObserver and performance.now()),
// so the test driver's polling adds nothing. They are noisy: compare the
// ratios within one run, not absolute times between machines.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startWorld, signIn } from '../e2e/lib/harness.mjs';
import { startStaticServer } from '../e2e/lib/static-server.mjs';

const [appDist, floorDist, runsArg] = process.argv.slice(2);
if (!appDist || !floorDist) {
  console.error('usage: node tests/bench/bench.mjs <app dist> <floor dist> [runs]');
  process.exit(2);
}
const RUNS = Math.max(9, Number(runsArg ?? 9));
const HEAVY_NS = (process.env.HEAVY_NS ?? '50,500,5000').split(',').map(Number).filter((x) => x > 0);
// BENCH_ONLY=heavy: the sizes and the heavy-list run only.
const HEAVY_ONLY = process.env.BENCH_ONLY === 'heavy';
const HEAVY_RUNS = Math.max(1, Number(process.env.HEAVY_RUNS ?? 3));
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
  let heavy = [];
  const counts = { revisitRows: [], revisitRequests: [], reloadRequests: [] };
  const browser = world.browser;

  async function freshPage(options = {}) {
    const page = await world.newPage(options);
    await page.context().addInitScript(watch, SELECTORS);
    return page;
  }

  try {
    for (let i = 0; i < (HEAVY_ONLY ? 0 : RUNS); i++) {
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
    heavy = await heavyRuns(world);
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
  if (HEAVY_ONLY) {
    out.push(...heavyReport(heavy));
    console.log(out.join('\n'));
    return;
  }
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
  out.push(...heavyReport(heavy));
  console.log(out.join('\n'));
}

// ---- heavy list ---------------------------------------------------------

// Like `watch`, but the mark is taken after the layout of what is in the
// page (forced), so a page that inserts thousands of rows at once pays for
// laying them out before its first row counts as on screen.
function watchLaidOut(selectors) {
  window.__marks = {};
  const check = () => {
    for (const [mark, selector] of Object.entries(selectors)) {
      if (!(mark in window.__marks) && document.querySelector(selector)) {
        document.body.getBoundingClientRect();
        window.__marks[mark] = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

// The plain-DOM floor: one page that builds N rows shaped like the app's
// (cover, title link, −, progress, +, score, format, Edit) at once, with
// the app's style sheet.
function plainPage(dir, cssFile) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(cssFile, path.join(dir, 'main.css'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>plain rows</title>
<link rel="stylesheet" href="/main.css"><script defer src="/rows.js"></script></head>
<body><main class="container"><h1>Plain rows</h1><section class="list-group"><ul class="entries" id="rows"></ul></section></main></body></html>`);
  fs.writeFileSync(path.join(dir, 'rows.js'), `
const n = Number(new URL(location.href).searchParams.get('n') || 50);
const ul = document.getElementById('rows');
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
for (let i = 1; i <= n; i++) {
  const li = el('li', 'entry'); li.dataset.testid = 'entry-' + (2000000 + i);
  const img = el('img', 'entry__cover'); img.alt = ''; img.width = 40; img.height = 56; li.append(img);
  const main = el('div', 'entry__main');
  const title = el('div', 'entry__title'); const a = el('a', null, 'Tale of Stars ' + i); a.href = 'https://anilist.co/anime/' + i; title.append(a);
  const controls = el('div', 'entry__controls');
  controls.append(el('button', 'step', '−'), el('span', 'entry__progress', (i % 12) + ' / 24'), el('button', 'step', '+'),
    el('span', 'entry__score', (i % 10) + '.5 / 10'), el('span', 'entry__meta muted', 'TV · ' + (1990 + i % 36)));
  main.append(title, controls);
  li.append(main, el('button', 'button button--small button--secondary entry__edit', 'Edit'));
  ul.append(li);
}
`);
}

// In the page: every node (elements, text, comments) and the elements alone.
function countNodes() {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let all = 0;
  while (walker.nextNode()) all++;
  return { all, elements: document.getElementsByTagName('*').length };
}

// In the page: resolves when `changed()` holds after `act()`, with the time
// from before `act` to the layout after the change (forced).
function afterChange(act, changed) {
  return new Promise((resolve) => {
    const start = performance.now();
    const done = () => {
      if (!changed()) return false;
      document.body.getBoundingClientRect();
      resolve(performance.now() - start);
      return true;
    };
    const obs = new MutationObserver(() => done() && obs.disconnect());
    obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    act();
  });
}

// In the page: one keystroke into the filter (its value becomes `typed`),
// timed until the summary line changes.
function timeKeystroke(typed) {
  const after = window.__afterChange;
  const input = document.querySelector('[data-testid=list-filter]');
  const summary = () => document.querySelector('[data-testid=list-summary]').textContent;
  const was = summary();
  return after(() => {
    input.value = typed;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: typed.slice(-1) }));
  }, () => summary() !== was);
}

// In the page: "+1" on row `testid`, timed until its number changes.
function timePlusOne(testid) {
  const after = window.__afterChange;
  const progress = () => document.querySelector(`[data-testid=${testid}] [data-testid=entry-progress]`)?.textContent;
  const was = progress();
  return after(() => document.querySelector(`[data-testid=${testid}] [data-testid=plus-one]`).click(), () => progress() !== was);
}

// Before the app's scripts: keeps the wasm's memory where the bench can
// read its size.
function keepWasmMemory() {
  const keep = (r) => { const i = r.instance ?? r; window.__wasmMemory = i.exports?.memory; return r; };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiate = (...a) => plain(...a).then(keep);
}

async function memoryOf(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer?.byteLength ?? null);
  await cdp.detach();
  return { heap: usedSize, wasm };
}

async function heavyRuns(world) {
  const cssName = fs.readdirSync(appDist).find((f) => f.endsWith('.css'));
  const plainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-plain-'));
  plainPage(plainDir, path.join(appDist, cssName));
  const plain = await startStaticServer({ root: plainDir });
  const out = [];
  try {
    for (const N of HEAVY_NS) {
      world.standIn.reset();
      world.standIn.useHeavyList(N);
      const total = world.standIn.data.entries.filter((e) => e.userId === world.standIn.data.viewer.id && world.standIn.data.media.find((m) => m.id === e.mediaId)?.type === 'ANIME').length;
      const r = { N, total, firstRow: [], answer: [], allLoaded: [], warmFirstRow: [], warmRequests: [], keystroke: [], plusOne: [], longTask: [], bulkApply: [], bulkTask: [], bulkUndo: [], plainFirstRow: [], requests: [] };
      const signer = await world.newPage();
      await signIn(world, signer);
      const state = await signer.context().storageState();
      await world.closePages();
      for (let run = 0; run < HEAVY_RUNS; run++) {
        // Each run as a person's visit after a quiet minute: a full
        // rate-limit window (runs follow each other faster than AniList's
        // 90 requests a minute allows; a 429 would time the limiter).
        world.standIn.refillRateLimit();
        {
          const context = await world.browser.newContext();
          await context.addInitScript(watchLaidOut, { row: '.entry' });
          const page = await context.newPage();
          await page.goto(`${plain.url}?n=${N}`);
          r.plainFirstRow.push(await markOf(page, 'row'));
          if (run === 0) r.plainNodes = await page.evaluate(countNodes);
          await context.close();
        }
        const page = await world.newPage({ storageState: state });
        await page.context().addInitScript(watchLaidOut, { row: '.entry' });
        await page.context().addInitScript(keepWasmMemory);
        // (An init script, as the page's policy forbids eval.)
        await page.context().addInitScript(`window.__afterChange = ${afterChange.toString()};`);
        const before = world.standIn.graphqlRequests().length;
        await page.goto(`${world.app.url}lists/anime`);
        const firstRow = await markOf(page, 'row');
        r.firstRow.push(firstRow);
        // The stand-in's answer to the first chunk (its time on the server
        // and the transfer): the last fetch that ended before the first row.
        r.answer.push(await page.evaluate((at) => {
          const fetches = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch' && e.responseEnd <= at);
          const last = fetches.sort((a, b) => a.responseEnd - b.responseEnd).pop();
          return last ? last.responseEnd - last.requestStart : 0;
        }, firstRow));
        const loaded = await page.waitForFunction((t) => {
          const s = document.querySelector('[data-testid=list-summary]');
          const done = s && s.textContent === `${t} entries.` && !document.querySelector('[data-testid=list-progress]');
          return done && (window.__loadedAt ??= performance.now());
        }, total.toLocaleString('en'), { polling: 'raf', timeout: 120000 });
        r.allLoaded.push(await loaded.jsonValue());
        r.requests.push(world.standIn.graphqlRequests().length - before);
        await page.waitForTimeout(300);
        if (run === 0) {
          r.nodes = await page.evaluate(countNodes);
          r.memory = await memoryOf(page);
        }
        // One keystroke each: "1", then "12", then "123".
        for (const typed of ['1', '12', '123']) {
          r.keystroke.push(await page.evaluate(timeKeystroke, typed));
        }
        await page.fill('[data-testid=list-filter]', '');
        await page.waitForFunction((t) => document.querySelector('[data-testid=list-summary]').textContent === `${t} entries.`, total.toLocaleString('en'));
        // "+1" on the first row that can take one.
        const target = await page.evaluate(() => {
          const b = [...document.querySelectorAll('.entry [data-testid=plus-one]')].find((x) => !x.disabled);
          return b.closest('.entry').dataset.testid;
        });
        // The main thread's longest task from the click until the change is
        // saved and the list kept in IndexedDB (written whole, 400 ms after
        // the last change): Chromium reports tasks of 50 ms and more.
        await page.evaluate(() => {
          window.__longTasks = [];
          window.__clickAt = performance.now();
          new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries())).observe({ type: 'longtask' });
        });
        r.plusOne.push(await page.evaluate(timePlusOne, target));
        await page.waitForSelector('text=All changes saved', { timeout: 30000 });
        await page.waitForTimeout(1000);
        r.longTask.push(await page.evaluate(() => Math.max(0, ...window.__longTasks.filter((t) => t.startTime >= window.__clickAt).map((t) => t.duration))));
        // A reload with the store warm: rows before any request.
        const beforeWarm = world.standIn.graphqlRequests().filter((q) => q.operationName === 'ListCollection').length;
        await page.reload();
        r.warmFirstRow.push(await markOf(page, 'row'));
        r.warmRequests.push(world.standIn.graphqlRequests().filter((q) => q.operationName === 'ListCollection').length - beforeWarm);
        // Many edits at once: every entry selected, one status for all
        // (the preview, then Apply): the click until the bar says it is
        // done, and the main thread's longest task in the 2 s after, while
        // the first batches go out; then Undo. In the last run only: the
        // batches that reach the stand-in change the list the next run
        // would load.
        if (run === HEAVY_RUNS - 1) {
          await page.waitForFunction((t) => document.querySelector('[data-testid=list-summary]')?.textContent === `${t} entries.`, total.toLocaleString('en'));
          await page.click('[data-testid=select-all]');
          await page.selectOption('[data-testid=bulk-status]', 'PAUSED');
          await page.click('[data-testid=bulk-review]');
          await page.waitForSelector('[data-testid=bulk-preview][open]');
          await page.evaluate(() => {
            window.__longTasks = [];
            new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries())).observe({ type: 'longtask' });
          });
          r.bulkApply.push(await page.evaluate(() => window.__afterChange(
            () => document.querySelector('[data-testid=bulk-apply]').click(),
            () => document.querySelector('[data-testid=bulk-done]') !== null,
          )));
          await page.waitForTimeout(2000);
          r.bulkTask.push(await page.evaluate(() => Math.max(0, ...window.__longTasks.map((t) => t.duration))));
          r.bulkUndo.push(await page.evaluate(() => window.__afterChange(
            () => document.querySelector('[data-testid=bulk-undo]').click(),
            () => document.querySelector('[data-testid=bulk-done]') === null,
          )));
        }
        if (page.problems.length) throw new Error(`the app reported problems: ${page.problems.join('; ')}`);
        await world.closePages();
      }
      out.push(r);
    }
  } finally {
    await plain.close();
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
  return out;
}

function heavyReport(runs) {
  if (!runs.length) return [];
  const med = (v) => stats(v).median;
  const ms = (v) => `${med(v).toFixed(0)}`;
  const mb = (b) => (b == null ? '–' : `${(b / 1048576).toFixed(1)} MB`);
  const out = ['', `## Heavy list (ms, median of ${HEAVY_RUNS} fresh loads each; plain-DOM floor in brackets)`, ''];
  out.push('| N (+5 fixture) | first row laid out [plain DOM] | of which the first chunk\'s answer | all loaded | elements / nodes [plain DOM nodes] | JS heap / wasm memory | filter keystroke (median, max) | "+1" → number | longest task after "+1" (≥ 50 ms counted) | requests (cold) | reload, store warm: first row / requests |');
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    out.push(`| ${n(r.N)} | ${ms(r.firstRow)} [${ms(r.plainFirstRow)}] | ${ms(r.answer)} | ${ms(r.allLoaded)} | ${n(r.nodes.elements)} / ${n(r.nodes.all)} [${n(r.plainNodes.all)}] | ${mb(r.memory.heap)} / ${mb(r.memory.wasm)} | ${ms(r.keystroke)}, ${Math.max(...r.keystroke).toFixed(0)} | ${ms(r.plusOne)} | ${Math.max(...r.longTask) ? Math.max(...r.longTask).toFixed(0) : 'none'} | ${Math.max(...r.requests)} | ${ms(r.warmFirstRow)} / ${Math.max(...r.warmRequests)} |`);
  }
  const small = runs[0];
  const big = runs[runs.length - 1];
  const ratio = med(big.firstRow) / med(small.firstRow);
  out.push('');
  const own = (r) => med(r.firstRow) - med(r.answer);
  out.push(`Goals at N = ${n(big.N)}: first row ${ratio.toFixed(2)}× the first row at N = ${n(small.N)} (goal ≤ 1.2×; the app's own part, without the first chunk's answer: ${(own(big) / own(small)).toFixed(2)}×) and ${med(big.firstRow) < med(big.plainFirstRow) ? 'below' : 'NOT below'} the plain-DOM floor (${ms(big.firstRow)} vs ${ms(big.plainFirstRow)} ms);`
    + ` nodes ${n(Math.max(...runs.map((r) => r.nodes.all)))} at most (goal ≤ 3,000); filter keystroke ${ms(big.keystroke)} ms (goal ≤ 50);`
    + ` "+1" ${ms(big.plusOne)} ms (goal ≤ 16); reload with the store warm: ${Math.max(...big.warmRequests)} requests before the first row (goal 0).`);
  out.push('', '### Many edits at once (every entry of the list selected, one status for all; the last run of each N)', '');
  out.push('| N (+5 fixture) | Apply → the bar says done | longest task in the 2 s after | Undo → back |');
  out.push('| ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    out.push(`| ${n(r.N)} | ${ms(r.bulkApply)} | ${Math.max(...r.bulkTask) ? Math.max(...r.bulkTask).toFixed(0) : 'none'} | ${ms(r.bulkUndo)} |`);
  }
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
