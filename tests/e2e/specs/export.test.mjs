// Export: the signed-in user's lists as AniList JSON, CSV and MyAnimeList
// XML, made in the browser from the store and saved as files named with the
// user and the date.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startWorld, appReady, signIn } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

async function exportAs(page, ext) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=export-${ext}]`)]);
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  assert.equal(download.suggestedFilename(), `anilist-5150-lists-${date}.${ext}`);
  return fs.readFileSync(await download.path(), 'utf8');
}

test('the lists as CSV, AniList JSON and MyAnimeList XML, every entry and every field', async () => {
  Object.assign(world.standIn.data.entries.find((e) => e.id === 700001), { notes: 'Session "one", then two\nand three', repeat: 1, startedAt: { year: 2024, month: 3, day: null } });
  // One entry without a MyAnimeList id.
  delete world.standIn.data.media.find((m) => m.id === 16498).idMal;
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Settings"');
  await page.waitForSelector('[data-testid=export-csv]:not([disabled])');
  const csv = await exportAs(page, 'csv');
  const rows = csv.trim().split('\r\n');
  assert.equal(rows[0], 'type,media_id,mal_id,title,status,score,score_format,progress,total,volumes,repeat,priority,private,hidden_from_status_lists,started,completed,custom_lists,advanced_scores,notes');
  assert.equal(rows.length, 1 + 7, 'five anime and two manga');
  const bebop = rows.find((r) => r.startsWith('anime,1,'));
  assert.equal(bebop, 'anime,1,1,Cowboy Bebop,CURRENT,8.5,POINT_10_DECIMAL,12,26,0,1,0,false,false,2024-03,,,,"Session ""one"", then two\nand three"');
  assert.ok(rows.some((r) => r.startsWith('manga,30002,2,Berserk,CURRENT,9,')));
  const json = JSON.parse(await exportAs(page, 'json'));
  assert.deepEqual(json.anime.lists.map((l) => l.name), ['Watching', 'Completed', 'Paused', 'Dropped', 'Planning', 'Favourites']);
  assert.equal(json.anime.lists[0].entries[0].notes, 'Session "one", then two\nand three');
  assert.equal(json.manga.lists[0].entries[0].progressVolumes, 20);
  const xml = await exportAs(page, 'xml');
  assert.equal((xml.match(/<anime>/g) ?? []).length, 4, 'the entry without a MAL id is left out');
  assert.equal((xml.match(/<manga>/g) ?? []).length, 2);
  assert.match(xml, /<series_animedb_id>1<\/series_animedb_id>\s*<series_title>Cowboy Bebop<\/series_title>\s*<my_watched_episodes>12<\/my_watched_episodes>/);
  assert.match(xml, /<my_comments>Session &quot;one&quot;, then two\nand three<\/my_comments>/);
  assert.match(xml, /<manga_mangadb_id>2<\/manga_mangadb_id>[\s\S]*?<my_read_volumes>20<\/my_read_volumes>/);
  assert.match(await page.textContent('[data-testid=export-done]'), /\.xml: 7 entries\. 1 without a MyAnimeList id were left out\./);
  assert.deepEqual(page.problems, []);
});

test('a visit reads nothing; a failed read says why, and asking again exports', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Settings"');
  await page.waitForSelector('[data-testid=export-csv]');
  await page.waitForTimeout(300);
  const lists = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  assert.equal(lists(), 0, 'nothing read before the person asks');
  world.standIn.fault({ kind: '500', operation: 'ListCollection', times: 10 });
  await page.click('[data-testid=export-csv]');
  await page.waitForSelector('[data-testid=export] [data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=export] [data-testid=api-error]'), /HTTP 500/);
  await page.waitForSelector('[data-testid=export-csv]:not([disabled])');
  assert.equal(await page.locator('[data-testid=export-done]').count(), 0);
  world.standIn.faults.length = 0;
  const csv = await exportAs(page, 'csv');
  assert.equal(csv.trim().split('\r\n').length, 1 + 7);
});

test("AniList out of reach: the read fails, and the copy this browser keeps (waiting changes included) can be saved instead", async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=entry-700001]');
  // A change AniList does not take yet: it waits, and the kept copy has it.
  world.standIn.fault({ kind: '503', operation: 'SaveEntry', times: 1000 });
  await page.click('[data-testid=entry-700001] [data-testid=plus-one]');
  await page.waitForSelector('[data-testid=entry-700001] [data-testid=entry-progress] >> text=/^13 /');
  // No list can be read now (the manga list was never read: it is asked for).
  world.standIn.fault({ kind: 'drop', operation: 'ListCollection', times: 1000 });
  await page.click('nav.site-nav >> text="Settings"');
  await page.click('[data-testid=export-csv]');
  await page.waitForSelector('[data-testid=export] [data-testid=api-error]');
  const offer = await page.textContent('[data-testid=export-kept]');
  assert.match(offer, /a copy of your anime list: 5 entries, with your waiting changes \(updated just now\)/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-kept-save]')]);
  assert.match(download.suggestedFilename(), /^anilist-5150-lists-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  assert.equal(rows.length, 1 + 5, 'the anime kept here');
  assert.match(rows.find((r) => r.startsWith('anime,1,')), /^anime,1,1,Cowboy Bebop,CURRENT,8\.5,POINT_10_DECIMAL,13,26,/);
  assert.match(await page.textContent('[data-testid=export-done]'), /: 5 entries\./);
  assert.equal(await page.locator('[data-testid=export-kept]').count(), 0, 'the offer goes once the file is made');
  world.standIn.faults.length = 0;
  assert.equal(world.standIn.data.entries.find((e) => e.id === 700001).progress, 12, 'nothing was saved meanwhile');
});

test('signed out, export asks for a sign-in', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}settings`);
  await appReady(page);
  await page.waitForSelector('[data-testid=export] >> text=Sign in to export your lists');
  assert.equal(await page.locator('[data-testid=export-csv]').count(), 0);
});
