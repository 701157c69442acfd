// Tidy your lists (Settings): the entries whose values disagree with their
// title, found once the person asks, shown group by group before anything is
// sent, mended through the outbox, and put back by Undo.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, signIn, waitFor } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const entry = (id) => world.standIn.data.entries.find((e) => e.id === id);
const lists = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;

async function settings() {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Settings"');
  await page.waitForSelector('[data-testid=tidy-check]');
  return page;
}

const lines = (page, group) => page.$$eval(`[data-testid=${group}] [data-testid=tidy-entry]`, (ls) => ls.map((l) => l.textContent.replace(/\s+/g, ' ').trim()));

test('the entries that disagree with their titles, group by group before anything is sent; a group left out stays as it is; Undo puts the rest back', async () => {
  // Completed with episodes not counted; planned yet begun; every episode
  // of a finished title seen while paused; a completed manga short of volumes.
  entry(700002).progress = 60;
  entry(700003).progress = 3;
  entry(700004).progress = 1;
  entry(700007).progressVolumes = 20;
  const page = await settings();
  await page.waitForTimeout(300);
  assert.equal(lists(), 0, 'nothing read before the person asks');
  await page.click('[data-testid=tidy-check]');
  await page.waitForSelector('[data-testid=tidy-go]');
  const groups = await page.$$eval('.tidy__group', (gs) => gs.map((g) => g.dataset.testid));
  assert.deepEqual(groups, ['tidy-anime-short', 'tidy-anime-started', 'tidy-anime-seen', 'tidy-manga-short']);
  assert.match(await page.textContent('[data-testid=tidy-anime-short] label'), /Anime · Completed, with episodes not counted: 1\. The count goes up to the title's\./);
  assert.deepEqual(await lines(page, 'tidy-anime-short'), ['Fullmetal Alchemist: Brotherhood: Progress 60 → 64']);
  assert.deepEqual(await lines(page, 'tidy-anime-started'), ['Attack on Titan: Status Planning → Watching']);
  assert.deepEqual(await lines(page, 'tidy-anime-seen'), ['A Silent Voice: Status Paused → Completed']);
  assert.deepEqual(await lines(page, 'tidy-manga-short'), ['Steel Ball Run: Volumes 20 → 27']);
  assert.equal((await page.textContent('[data-testid=tidy-go]')).trim(), 'Tidy 4 entries');
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.body?.query?.startsWith('mutation')).length, 0, 'nothing sent yet');
  // The manga left out.
  await page.uncheck('[data-testid=tidy-manga-short] [data-testid=tidy-pick]');
  assert.equal((await page.textContent('[data-testid=tidy-go]')).trim(), 'Tidy 3 entries');
  await page.click('[data-testid=tidy-go]');
  await page.waitForSelector('[data-testid=tidy-done] >> text=3 entries tidied');
  await waitFor(() => entry(700002).progress === 64 && entry(700003).status === 'CURRENT' && entry(700004).status === 'COMPLETED');
  assert.equal(entry(700007).progressVolumes, 20, 'left out, left alone');
  assert.equal(entry(700004).progress, 1);
  // What is mended is no longer offered; what was left out still is.
  assert.deepEqual(await page.$$eval('.tidy__group', (gs) => gs.map((g) => g.dataset.testid)), ['tidy-manga-short']);
  // Undo: each back to its own former values.
  await page.click('[data-testid=tidy-undo]');
  await page.waitForSelector('[data-testid=tidy-done] >> text=3 entries put back as they were.');
  await waitFor(() => entry(700002).progress === 60 && entry(700003).status === 'PLANNING' && entry(700004).status === 'PAUSED');
  assert.equal(entry(700003).progress, 3);
  assert.equal(await page.locator('.tidy__group').count(), 4);
  assert.deepEqual(page.problems, []);
});

test('a list AniList cannot give is said, with Try again; lists that agree with their titles say so', async () => {
  const page = await settings();
  world.standIn.fault({ kind: '500', operation: 'ListCollection', times: 10 });
  await page.click('[data-testid=tidy-check]');
  await page.waitForSelector('[data-testid=tidy] [data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=tidy] [data-testid=api-error]'), /HTTP 500/);
  assert.equal(await page.locator('[data-testid=tidy-go]').count(), 0);
  world.standIn.faults.length = 0;
  await page.click('[data-testid=tidy] [data-testid=api-error] button');
  await page.waitForSelector('[data-testid=tidy-none]');
  assert.equal(await page.textContent('[data-testid=tidy-none]'), 'Nothing to tidy: your 7 entries agree with their titles.');
  assert.equal(await page.locator('.tidy__group').count(), 0);
  // Expected: the failed reads' console lines.
  assert.ok(page.problems.every((p) => /500/.test(p)), page.problems.join('\n'));
});

test('a finish date before the start date: the two change places, and Undo puts them back', async () => {
  entry(700005).startedAt = { year: 2024, month: 5, day: 2 };
  entry(700005).completedAt = { year: 2023, month: null, day: null };
  // Within the month it began: nothing to tell, left alone.
  entry(700002).startedAt = { year: 2024, month: 3, day: null };
  entry(700002).completedAt = { year: 2024, month: 3, day: 1 };
  const page = await settings();
  await page.click('[data-testid=tidy-check]');
  await page.waitForSelector('[data-testid=tidy-go]');
  assert.deepEqual(await page.$$eval('.tidy__group', (gs) => gs.map((g) => g.dataset.testid)), ['tidy-anime-dates']);
  assert.match(await page.textContent('[data-testid=tidy-anime-dates] label'), /Anime · Finished before it was begun: 1\. The start and finish dates change places\./);
  const [line] = await lines(page, 'tidy-anime-dates');
  assert.match(line, /: Started 2024-05-02 → 2023; Completed 2023 → 2024-05-02$/);
  await page.click('[data-testid=tidy-go]');
  await page.waitForSelector('[data-testid=tidy-done] >> text=1 entry tidied');
  await waitFor(() => entry(700005).startedAt?.year === 2023);
  assert.deepEqual([entry(700005).startedAt, entry(700005).completedAt], [{ year: 2023, month: null, day: null }, { year: 2024, month: 5, day: 2 }]);
  assert.deepEqual(entry(700002).completedAt, { year: 2024, month: 3, day: 1 }, 'left alone');
  await page.click('[data-testid=tidy-undo]');
  await waitFor(() => entry(700005).startedAt?.year === 2024);
  assert.deepEqual(entry(700005).completedAt, { year: 2023, month: null, day: null });
  assert.deepEqual(page.problems, []);
});
