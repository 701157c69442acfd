// The airing schedule, against the stand-in: a day's episodes at local
// time, soonest first, every page of them; the days from yesterday to five
// on, each an address; adult titles left out; the person's status or "Add
// to list"; "Only titles on my lists"; no day, a bad day, a failed read.
// The stand-in's titles air at local times of day (fixtures.mjs, `airs`),
// in the same time zone as the browser's.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const requests = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
const names = (page) => page.locator('[data-testid=schedule] .entry__title').allInnerTexts();
/** The local day of a time (Unix seconds), as the schedule's address names it. */
const keyOf = (secs) => {
  const d = new Date(secs * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** Local midnight `plus` days from today (Unix seconds) and its day's key. */
const day = (plus = 0) => {
  const t = new Date();
  const start = new Date(t.getFullYear(), t.getMonth(), t.getDate() + plus).getTime() / 1000;
  return { start, key: keyOf(start) };
};

async function openSchedule(page, query = '') {
  await page.goto(`${world.app.url}airing/schedule${query}`);
  await appReady(page);
}

test('signed out: today\'s episodes at local time, soonest first, adult titles left out; the days are addresses', async () => {
  const page = await world.newPage();
  await openSchedule(page);
  await page.waitForSelector('[data-testid=schedule]');
  assert.deepEqual(await names(page), ['Bakery at Dawn', 'Above the Clouds']);
  const [today, tomorrow] = [day(0), day(1)];
  assert.deepEqual(requests('AiringSchedule').map((r) => r.body.variables), [{ from: today.start - 1, to: tomorrow.start, page: 1 }]);
  assert.equal(requests('AiringSchedule')[0].authorization, null, 'no token signed out');
  // Each row: its local time (as the browser writes it), which episode,
  // and a link to the title.
  const row = page.locator('[data-testid=slot-40001]');
  const at = new Date(today.start * 1000 + (9 * 60 + 30) * 60000);
  assert.equal(await row.locator('time').getAttribute('datetime'), at.toISOString());
  assert.equal(await row.locator('time').innerText(), await page.evaluate((ms) => new Intl.DateTimeFormat([], { timeStyle: 'short' }).format(new Date(ms)), at.getTime()));
  assert.match((await row.innerText()).replace(/\s+/g, ' '), /Episode 6 of 12 · TV · (aired|\d+ (h|min))/);
  assert.equal(await row.locator('a.entry__title').getAttribute('href'), '/anime/40001');
  assert.match((await page.locator('[data-testid=slot-40002]').innerText()).replace(/\s+/g, ' '), /Episode 11 of 24 · ONA/);
  // Signed out: neither statuses nor "Add", nor the "only mine" choice.
  assert.equal(await page.locator('[data-testid=add], [data-testid=slot-status], [data-testid=only-mine]').count(), 0);
  // Seven days, today the current one; the "Schedule" tab is current.
  const days = page.locator('nav.days a');
  assert.equal(await days.count(), 7);
  assert.deepEqual((await days.allInnerTexts()).slice(0, 3), ['Yesterday', 'Today', 'Tomorrow']);
  assert.equal(await page.getAttribute(`[data-testid=day-${today.key}]`, 'aria-current'), 'page');
  assert.equal(await page.locator('nav.days a[aria-current=page]').count(), 1);
  assert.equal(await page.getAttribute('nav.tabs a[aria-current=page]', 'href'), '/airing/schedule');
  assert.equal(await page.title(), 'Airing schedule · Tsuzuki for AniList');
  // Tomorrow: nothing airs; its own address, and Back comes to today.
  await page.click(`[data-testid=day-${tomorrow.key}]`);
  await page.waitForSelector('text=Nothing airs on this day');
  assert.equal(new URL(page.url()).search, `?day=${tomorrow.key}`);
  assert.equal(await page.getAttribute(`[data-testid=day-${tomorrow.key}]`, 'aria-current'), 'page');
  assert.deepEqual(requests('AiringSchedule').at(-1).body.variables, { from: tomorrow.start - 1, to: day(2).start, page: 1 });
  await page.goBack();
  await page.waitForSelector('[data-testid=slot-40001]');
  assert.deepEqual(await names(page), ['Bakery at Dawn', 'Above the Clouds']);
  // The day ONE PIECE airs (2 d 4 h from now), as an address of its own.
  const onePiece = keyOf(Date.now() / 1000 + 2 * 86400 + 4 * 3600 + 30);
  await openSchedule(page, `?day=${onePiece}`);
  await page.waitForSelector('[data-testid=slot-21]');
  assert.match(await page.locator('[data-testid=slot-21]').innerText(), /Episode 133/);
  assert.deepEqual(page.problems, []);
});

test('every page of a day is read; a bad day says so and shows today; a failed read offers Try again', async () => {
  world.standIn.maxPerPage = 1;
  const page = await world.newPage();
  await openSchedule(page, '?day=2026-02-30');
  await page.waitForSelector('[data-testid=schedule]');
  assert.match(await page.textContent('[data-testid=bad-day]'), /“2026-02-30” is not a date: today's schedule is shown/);
  assert.deepEqual(await names(page), ['Bakery at Dawn', 'Above the Clouds']);
  // One episode a page here: three pages (the third, the adult title's, left out).
  assert.deepEqual(requests('AiringSchedule').map((r) => r.body.variables.page), [1, 2, 3]);
  assert.equal(await page.getAttribute(`[data-testid=day-${day(0).key}]`, 'aria-current'), 'page');
  // A failed read: AniList's error, and Try again reads the day again.
  world.standIn.maxPerPage = 50;
  world.standIn.fault({ kind: '500', operation: 'AiringSchedule' });
  await openSchedule(page, `?day=${day(-1).key}`);
  await page.waitForSelector('[data-testid=retry]');
  await page.click('[data-testid=retry]');
  await page.waitForSelector('text=Nothing airs on this day');
  assert.deepEqual(page.problems.filter((p) => !/500/.test(p)), []);
});

test('signed in: a title on the lists says its status; another is added from its row; "Only titles on my lists"', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  const onePiece = keyOf(Date.now() / 1000 + 2 * 86400 + 4 * 3600 + 30);
  await openSchedule(page, `?day=${onePiece}`);
  await page.waitForSelector('[data-testid=slot-21] [data-testid=slot-status]');
  assert.equal(await page.textContent('[data-testid=slot-21] [data-testid=slot-status]'), 'Dropped');
  assert.match(await page.getAttribute('[data-testid=slot-21]', 'class'), /schedule__row--yours/);
  // Today: none of the person's titles.
  await page.click(`[data-testid=day-${day(0).key}]`);
  await page.waitForSelector('[data-testid=slot-40001] [data-testid=add]');
  await page.check('[data-testid=only-mine]');
  await page.waitForSelector('text=None of your titles airs on this day');
  await page.uncheck('[data-testid=only-mine]');
  // Added to Watching from its row: through the outbox, at once on screen.
  await page.selectOption('[data-testid=slot-40001] [data-testid=add-status]', 'CURRENT');
  await page.click('[data-testid=slot-40001] [data-testid=add]');
  await page.waitForSelector('[data-testid=slot-40001] [data-testid=slot-status] >> text=Watching');
  await page.waitForSelector('[data-testid=outbox-status] >> text=All changes saved');
  const saves = requests('SaveEntry').map((r) => r.body.variables);
  assert.equal(saves.length, 1);
  assert.equal(saves[0].mediaId, 40001);
  assert.equal(saves[0].status, 'CURRENT');
  assert.ok(world.standIn.data.entries.some((e) => e.mediaId === 40001 && e.status === 'CURRENT'));
  await page.check('[data-testid=only-mine]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=schedule] li').length === 1);
  assert.deepEqual(await names(page), ['Bakery at Dawn']);
  // It is on the Airing page's "Watching" too, from the store.
  await page.click('nav.tabs >> text=Watching');
  await page.waitForSelector('[data-testid=airing-40001]');
  assert.deepEqual(page.problems, []);
});

test('left open past midnight, the schedule moves on to the new day', async () => {
  const page = await world.newPage();
  const t = new Date();
  // The page's clock, a minute before midnight (time flows on from there).
  await page.clock.install({ time: new Date(t.getFullYear(), t.getMonth(), t.getDate(), 23, 59, 0) });
  await openSchedule(page);
  await page.waitForSelector('[data-testid=slot-40001]');
  const [today, tomorrow] = [day(0), day(1)];
  assert.equal(await page.getAttribute(`[data-testid=day-${today.key}]`, 'aria-current'), 'page');
  await page.clock.fastForward('02:00');
  await page.waitForSelector('text=Nothing airs on this day');
  assert.equal((await page.innerText(`[data-testid=day-${tomorrow.key}]`)).trim(), 'Today');
  assert.equal(await page.getAttribute(`[data-testid=day-${tomorrow.key}]`, 'aria-current'), 'page');
  assert.equal((await page.innerText(`[data-testid=day-${today.key}]`)).trim(), 'Yesterday');
  assert.deepEqual(requests('AiringSchedule').at(-1).body.variables, { from: tomorrow.start - 1, to: day(2).start, page: 1 });
  assert.deepEqual(page.problems, []);
});
