// A heavy user's list (5,000 more anime entries on the stand-in): read in
// chunks of 500 with rows on screen before the last one, counts right,
// only the rows near the viewport in the page (windowing) yet every row
// reachable by keyboard, the filter finding any title, a +1 far down the
// list saved, the scroll position and the filter kept, and a revisit that
// asks for one chunk.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, signIn, keptLists, waitFor as poll } from '../lib/harness.mjs';

const N = 5000;
let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const chunks = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection');
const anime = () => world.standIn.data.entries.filter((e) => e.userId === 5150 && world.standIn.data.media.find((m) => m.id === e.mediaId)?.type === 'ANIME');
const entry = (id) => world.standIn.data.entries.find((e) => e.id === id);
const row = (id) => `[data-testid=entry-${id}]`;
const nodes = (page) => page.evaluate(() => document.getElementsByTagName('*').length);
const digits = (n) => n.toLocaleString('en');

const waitFor = (cond, ms = 30000) => poll(cond, ms);

/** Signs in and opens the anime list with the heavy list whole. */
async function heavyPage(n = N) {
  world.standIn.useHeavyList(n);
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=list-summary] >> text=/entries\\./', { timeout: 60000 });
  await page.waitForSelector('[data-testid=list-progress]', { state: 'detached', timeout: 60000 });
  return page;
}

test('5,000 entries: rows on screen before the last chunk, every heading counts right, a few thousand elements at most', async () => {
  world.standIn.useHeavyList(N);
  const page = await world.newPage();
  await signIn(world, page);
  // The chunks come slowly, so the rows can be seen before the last one.
  world.standIn.fault({ kind: 'slow', delayMs: 400, operation: 'ListCollection', times: 20 });
  await page.click('text=Your anime list');
  await page.waitForSelector('.entry', { timeout: 30000 });
  assert.match(await page.textContent('[data-testid=list-progress]'), /^[\d,]+ entries loaded, more coming…$/);
  assert.ok(chunks().length < 12, `rows before the last chunk (${chunks().length} of 12 asked for)`);
  await page.waitForSelector('[data-testid=list-progress]', { state: 'detached', timeout: 60000 });
  const requests = chunks();
  // The 50 most recent first (the rows show after a small answer), then
  // 5,005 entries in 11 chunks of 500.
  assert.deepEqual(requests.map((r) => [r.body.variables.chunk, r.body.variables.perChunk]),
    [[1, 50], [1, 500], [2, 500], [3, 500], [4, 500], [5, 500], [6, 500], [7, 500], [8, 500], [9, 500], [10, 500], [11, 500]]);
  const all = anime();
  for (const status of ['CURRENT', 'COMPLETED', 'PLANNING', 'PAUSED', 'DROPPED']) {
    const expected = all.filter((e) => e.status === status && !e.hiddenFromStatusLists).length;
    const heading = await page.textContent(`[data-testid=group-${status.toLowerCase()}] h2 .count`);
    assert.equal(heading, `(${digits(expected)})`, status);
    // The list says how many rows it has, rendered or not.
    const label = await page.getAttribute(`[data-testid=group-${status.toLowerCase()}] ul`, 'aria-label');
    assert.match(label, new RegExp(`: ${digits(expected)} entries$`));
  }
  assert.equal(await page.textContent('[data-testid=list-summary]'), `${digits(all.length)} entries.`);
  // Every 500th entry is only on the custom list.
  assert.equal(all.filter((e) => e.hiddenFromStatusLists).length, 10);
  assert.match(await page.textContent('[data-testid=group-custom-0] h2'), /Rewatch \(100\)/);
  const elements = await nodes(page);
  assert.ok(elements <= 3000, `${elements} elements in the page`);
  assert.ok(await page.locator('.entry').count() < 100, 'only the rows near the viewport');
  assert.deepEqual(page.problems, []);
});

test('the keyboard reaches every row: Tab walks into rows as they come, End reaches the last entry', async () => {
  const page = await heavyPage();
  const watching = '[data-testid=group-current]';
  const firstRendered = await page.locator(`${watching} .entry`).count();
  // Tab from the filter through the tools, then down the Watching rows:
  // each row has its title link, −, + and Edit.
  await page.focus('[data-testid=list-filter]');
  let posinset = 0;
  for (let i = 0; i < 400 && posinset < firstRendered + 30; i++) {
    await page.keyboard.press('Tab');
    posinset = await page.evaluate(() => Number(document.activeElement?.closest('.entry')?.getAttribute('aria-posinset') ?? 0));
  }
  assert.ok(posinset >= firstRendered + 30, `focus reached row ${posinset} (${firstRendered} rows were in the page at first)`);
  // The row has focus and is on screen.
  const onScreen = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(onScreen);
  // End: the last entry of the last group (Rewatch, by title: Tale of Stars 5000).
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('End');
  await page.waitForSelector(`[data-testid=group-custom-0] ${row(2_005_000)}`);
  assert.equal(await page.getAttribute(`[data-testid=group-custom-0] ${row(2_005_000)}`, 'aria-posinset'), '100');
  assert.ok(await nodes(page) <= 3000);
  assert.deepEqual(page.problems, []);
});

test('the filter finds an entry by its English and by its native title, and lives in the URL', async () => {
  const page = await heavyPage();
  await page.fill('[data-testid=list-filter]', 'Tale of Stars 4321');
  await page.waitForSelector(row(2_004_321));
  assert.equal(await page.locator('.entry').count(), 1);
  assert.equal(await page.textContent('[data-testid=list-summary] >> nth=0'), `1 of ${digits(anime().length)} entries matches. Clear filters`);
  await page.fill('[data-testid=list-filter]', '星の物語 1234');
  await page.waitForSelector(row(2_001_234));
  assert.equal(await page.locator('.entry').count(), 1);
  // By status, format and year too, with the sort; all of it in the URL.
  await page.fill('[data-testid=list-filter]', '');
  await page.selectOption('[data-testid=list-status]', 'PAUSED');
  await page.selectOption('[data-testid=list-format]', 'MOVIE');
  await page.selectOption('[data-testid=list-year]', '2000');
  await page.selectOption('[data-testid=list-sort]', 'started');
  const expected = world.standIn.data.media.filter((m) => m.id > 1_000_000 && m.format === 'MOVIE' && m.seasonYear === 2000
    && entry(m.id + 1_000_000)?.status === 'PAUSED').length;
  assert.ok(expected > 0);
  await waitFor(async () => (await page.locator('.entry').count()) === expected);
  await waitFor(() => new URL(page.url()).search === '?status=paused&format=movie&year=2000&sort=started');
  await page.reload();
  await page.waitForSelector('.entry');
  assert.equal(await page.locator('.entry').count(), expected, 'the same rows after a reload');
  assert.equal(await page.inputValue('[data-testid=list-sort]'), 'started');
  await page.click('[data-testid=clear-filters]');
  await waitFor(() => new URL(page.url()).search === '?sort=started');
  assert.deepEqual(page.problems, []);
});

test('a +1 far down the list is saved, and the scroll position survives a visit to a title and back', async () => {
  const page = await heavyPage();
  await page.evaluate(() => window.scrollTo(0, 150_000));
  await page.waitForTimeout(300);
  // The first row fully on screen.
  const id = await page.evaluate(() => {
    // (Not a planned one: its +1 would move it to Watching.)
    const r = [...document.querySelectorAll('.entry')].find((e) => e.getBoundingClientRect().top >= 0 && !e.closest('[data-testid=group-planning]'));
    return Number(r.dataset.testid.replace('entry-', ''));
  });
  const before = entry(id).progress;
  const total = world.standIn.data.media.find((m) => m.id === entry(id).mediaId).episodes;
  const plus = `${row(id)} [data-testid=plus-one]`;
  if (before >= total) await page.click(`${row(id)} [data-testid=minus-one]`);
  else await page.click(plus);
  const now = before >= total ? before - 1 : before + 1;
  await waitFor(() => entry(id).progress === now);
  assert.match(await page.textContent(`${row(id)} [data-testid=entry-progress]`), new RegExp(`^${now} /`));
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 100_000);
  // To the row's title (a link on screen: nothing scrolls the list first),
  // then back by the navigation, and again by the browser's Back. (Going
  // up to the navigation by hand scrolls the list itself: the list then
  // comes back where it was left, at the top.)
  const there = async () => {
    await page.click(`${row(id)} [data-testid=entry-title]`);
    await page.waitForSelector('[data-testid=title-page]');
    await page.waitForSelector(row(id), { state: 'detached' });
  };
  await there();
  await page.click('nav.site-nav >> text="Lists"');
  await waitFor(() => page.evaluate((y) => Math.abs(scrollY - y) < 2, y));
  await page.waitForSelector(row(id));
  await there();
  await page.goBack();
  await waitFor(() => page.evaluate((y) => Math.abs(scrollY - y) < 2, y));
  await page.waitForSelector(row(id));
  assert.deepEqual(page.problems, []);
});

test('a group collapses and stays collapsed after a reload', async () => {
  const page = await heavyPage(200);
  const completed = '[data-testid=group-completed]';
  await page.locator(completed).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${completed} .entry`);
  await page.click(`${completed} [data-testid=group-toggle]`);
  assert.equal(await page.getAttribute(`${completed} [data-testid=group-toggle]`, 'aria-expanded'), 'false');
  assert.equal(await page.locator(`${completed} .entry`).count(), 0);
  await page.reload();
  await page.waitForSelector('[data-testid=group-current] .entry');
  await page.locator(completed).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  assert.equal(await page.locator(`${completed} .entry`).count(), 0);
  await page.click(`${completed} [data-testid=group-toggle]`);
  await page.waitForSelector(`${completed} .entry`);
  assert.equal(await page.getAttribute(`${completed} [data-testid=group-toggle]`, 'aria-expanded'), 'true');
});

test('a revisit after 30 s asks for one chunk when little changed, and takes in what did', async () => {
  // 805 entries: the first 50, then two chunks of 500.
  const page = await heavyPage(800);
  const before = chunks().length;
  assert.equal(before, 3);
  // Changed elsewhere: entry 2,000,700 (in the second chunk) now has progress 7.
  const changed = entry(2_000_700);
  changed.progress = 7;
  changed.updatedAt = 1763500500;
  // The store's copy is older than 30 s, as after a pause.
  await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 31000; });
  await page.click('nav.site-nav >> text="Settings"');
  await page.click('nav.site-nav >> text="Lists"');
  await waitFor(() => chunks().length > before);
  await page.waitForTimeout(500);
  assert.equal(chunks().length, before + 1, 'the first 50 were enough');
  assert.equal(chunks().at(-1).body.variables.perChunk, 50);
  await page.fill('[data-testid=list-filter]', 'Tale of Stars 700');
  const progress = `${row(2_000_700)} [data-testid=entry-progress]`;
  await page.waitForSelector(progress);
  assert.match(await page.textContent(progress), /^7 \//);
});

test('a revisit after 30 s, the scoring system changed on AniList\'s site meanwhile: the whole list is read again, and a score far down is shown in the new system', async () => {
  const page = await heavyPage(800);
  const before = chunks().length;
  // Far down (the second chunk), scored, unchanged since.
  const far = entry(2_000_700);
  far.score = 7.5;
  world.standIn.data.viewer.mediaListOptions.scoreFormat = 'POINT_100';
  await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 31000; });
  await page.click('nav.site-nav >> text="Settings"');
  await page.click('nav.site-nav >> text="Lists"');
  await waitFor(() => chunks().length >= before + 3);
  await page.waitForSelector('[data-testid=list-progress]', { state: 'detached' });
  assert.deepEqual(chunks().slice(before).map((r) => r.body.variables.chunk), [1, 1, 2], 'the first 50, then the whole list');
  await page.fill('[data-testid=list-filter]', 'Tale of Stars 700');
  await page.waitForSelector(`${row(2_000_700)} >> text=75 / 100`);
  assert.deepEqual(page.problems, []);
});

test('the list is kept in chunks: a +1 rewrites the chunk that holds the entry, and a reload shows it', async () => {
  const page = await heavyPage(600);
  const total = anime().length;
  const chunkCount = Math.ceil(total / 250);
  await waitFor(async () => Object.keys(await keptLists(page)).length === chunkCount + 1);
  const before = await keptLists(page);
  assert.deepEqual(Object.keys(before).sort(), ['5150:anime', ...Array.from({ length: chunkCount }, (_, i) => `5150:anime:${i}`)].sort());
  assert.ok(JSON.parse(before['5150:anime']).list.entries.length === 0, 'the head holds no entries');
  // +1 on a row: saved, then only its chunk (and the head) written again.
  const target = await page.evaluate(() => [...document.querySelectorAll('.entry [data-testid=plus-one]')].find((x) => !x.disabled).closest('.entry').dataset.testid);
  const id = Number(target.slice(6));
  const was = entry(id).progress;
  await page.click(`${row(id)} [data-testid=plus-one]`);
  await waitFor(() => entry(id).progress === was + 1);
  let after;
  await waitFor(async () => {
    after = await keptLists(page);
    return Object.keys(after).some((k) => k !== '5150:anime' && after[k] !== before[k]);
  });
  const changed = Object.keys(after).filter((k) => k !== '5150:anime' && after[k] !== before[k]);
  assert.equal(changed.length, 1, `one chunk written again: ${changed}`);
  assert.ok(JSON.parse(after[changed[0]]).some((e) => e.id === id && e.progress === was + 1));
  // A reload shows the list from what is kept, +1 included, before AniList answers.
  world.standIn.fault({ kind: 'slow', delayMs: 4000 });
  await page.reload();
  await page.waitForSelector(`${row(id)} [data-testid=entry-progress] >> text=/^${was + 1}/`, { timeout: 3000 });
  assert.deepEqual(page.problems, []);
});
