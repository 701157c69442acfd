// Search against the stand-in: debounced typing, the query in the URL,
// paging by hasNextPage, and adding a title to the list in one click.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const searches = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Search');

async function signedInPage() {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Search"');
  await page.waitForSelector('[data-testid=search-hint]');
  return page;
}

test('typing is debounced into one request, and the query lands in the URL', async () => {
  const page = await signedInPage();
  await page.type('[data-testid=search-input]', 'cowboy bebop', { delay: 40 });
  await page.waitForSelector('[data-testid=result-1]');
  assert.equal(searches().length, 1, 'one request, not one per key');
  assert.equal(searches()[0].body.variables.search, 'cowboy bebop');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'cowboy bebop');
  assert.equal(url.searchParams.get('type'), 'anime');
  // Already on the list: says so.
  assert.match(await page.textContent('[data-testid=result-1] [data-testid=on-list]'), /On your list: Watching/);
  // A reload (or a shared link) shows the same search.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=result-1]');
  assert.equal(await page.inputValue('[data-testid=search-input]'), 'cowboy bebop');
  assert.deepEqual(page.problems, []);
});

test('results page with "Load more" while hasNextPage says so', async () => {
  const page = await signedInPage();
  await page.goto(`${world.app.url}search?q=star%20of&type=anime`);
  await appReady(page);
  await page.waitForSelector('[data-testid=results]');
  assert.equal(await page.locator('.result').count(), 10);
  await page.click('[data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('.result').length === 20);
  await page.click('[data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('.result').length === 23);
  await page.waitForSelector('[data-testid=load-more]', { state: 'detached' });
  assert.deepEqual(searches().map((r) => r.body.variables.page), [1, 2, 3]);
});

test('add to list in one click (status Planning)', async () => {
  const page = await signedInPage();
  await page.goto(`${world.app.url}search?q=star%20of%20miracles%205&type=anime`);
  await appReady(page);
  await page.click('[data-testid=result-90005] [data-testid=add]');
  await page.waitForSelector('[data-testid=result-90005] [data-testid=on-list]');
  assert.match(await page.textContent('[data-testid=result-90005] [data-testid=on-list]'), /Planning/);
  const added = world.standIn.data.entries.find((e) => e.mediaId === 90005);
  assert.equal(added.status, 'PLANNING');
  const save = world.standIn.graphqlRequests().find((r) => r.operationName === 'SaveEntry');
  assert.deepEqual(save.body.variables, { mediaId: 90005, status: 'PLANNING' });
});

test('manga, nothing found, and signed out', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}search?q=berserk&type=manga`);
  await appReady(page);
  await page.waitForSelector('[data-testid=result-30002]');
  assert.match(await page.textContent('[data-testid=result-30002]'), /Sign in to add it/);
  assert.equal(searches()[0].authorization, null, 'no token, no Authorization header');
  await page.fill('[data-testid=search-input]', 'no such title anywhere');
  await page.waitForSelector('text=Nothing found');
});

test('an add goes through the outbox: shown at once, waits while offline, then saved and on the list page', async () => {
  const page = await signedInPage();
  await page.goto(`${world.app.url}search?q=star%20of%20miracles%205&type=anime`);
  await appReady(page);
  await page.context().setOffline(true);
  await page.click('[data-testid=result-90005] [data-testid=add]');
  await page.waitForSelector('[data-testid=result-90005] [data-testid=on-list]');
  await page.waitForSelector('[data-testid=outbox-status] >> text=/1 change waiting \\(offline\\)/');
  await page.context().setOffline(false);
  await page.waitForSelector('text=All changes saved');
  const added = world.standIn.data.entries.find((e) => e.mediaId === 90005);
  assert.equal(added?.status, 'PLANNING');
  // The list page shows it from the store.
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(`[data-testid=entry-${added.id}]`);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});
