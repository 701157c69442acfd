// A heavy user's list (5,000 more anime entries on the stand-in): read in
// chunks of 500 with the count so far on screen, counts right, hidden
// entries only in their custom list, and a revisit that asks for one chunk.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, signIn } from '../lib/harness.mjs';

const N = 5000;
let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const chunks = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection');
const anime = () => world.standIn.data.entries.filter((e) => world.standIn.data.media.find((m) => m.id === e.mediaId)?.type === 'ANIME');

async function waitFor(cond, ms = 30000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not met in time');
}

test('5,000 entries arrive in chunks of 500 with the count so far on screen, and every heading counts right', async () => {
  world.standIn.useHeavyList(N);
  const page = await world.newPage();
  await signIn(world, page);
  // The chunks come slowly, so the count so far can be seen.
  world.standIn.fault({ kind: 'slow', delayMs: 300, operation: 'ListCollection', times: 20 });
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=list-progress]');
  assert.match(await page.textContent('[data-testid=list-progress]'), /^[\d,]+ entries so far$/);
  await page.waitForSelector('[data-testid^="entry-"]', { timeout: 60000 });
  const requests = chunks();
  assert.equal(requests.length, 11, '5,005 entries: 11 chunks');
  assert.deepEqual(requests.map((r) => r.body.variables.chunk), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.ok(requests.every((r) => r.body.variables.perChunk === 500));
  const all = anime();
  for (const status of ['CURRENT', 'COMPLETED', 'PLANNING', 'PAUSED', 'DROPPED']) {
    const expected = all.filter((e) => e.status === status && !e.hiddenFromStatusLists).length;
    const heading = await page.textContent(`[data-testid=group-${status.toLowerCase()}] h2 .count`);
    assert.equal(heading, `(${expected})`, status);
  }
  // Every 500th entry is only on the custom list.
  const hidden = all.filter((e) => e.hiddenFromStatusLists);
  assert.equal(hidden.length, 10);
  const custom = await page.textContent('[data-testid=group-custom-0] h2');
  assert.match(custom, /Rewatch \(100\)/);
  assert.deepEqual(page.problems, []);
});

test('a revisit after 30 s asks for one chunk when little changed, and takes in what did', async () => {
  // 805 entries: two chunks for a full load.
  world.standIn.useHeavyList(800);
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=entry-2000001]', { timeout: 60000 });
  const before = chunks().length;
  assert.equal(chunks().length, 2);
  // Changed elsewhere: entry 2,000,700 (in the second chunk) now has progress 7.
  const changed = world.standIn.data.entries.find((e) => e.id === 2_000_700);
  changed.progress = 7;
  changed.updatedAt = 1763500500;
  // The store's copy is older than 30 s, as after a pause.
  await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 31000; });
  await page.click('nav.site-nav >> text="Settings"');
  await page.click('nav.site-nav >> text="Lists"');
  await waitFor(() => chunks().length > before);
  await page.waitForTimeout(500);
  assert.equal(chunks().length, before + 1, 'one chunk was enough');
  const row = '[data-testid=entry-2000700] [data-testid=entry-progress]';
  await page.waitForSelector(row);
  assert.match(await page.textContent(row), /^7 \//);
});
