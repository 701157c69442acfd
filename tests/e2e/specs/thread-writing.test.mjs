// Beginning and changing a forum thread, against the stand-in: from a
// title's page (about it, in its kind's category) and from the forum;
// what is missing said before anything is sent; posted, then its page; a
// lost answer read back, never sent twice; changed and deleted by its
// writer only; the draft kept on the device through a reload; signed out,
// the sign-in gate.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, problemsBut } from '../lib/harness.mjs';
import { VIEWER_ID } from '../stand-in/fixtures.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const requests = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
const theirs = () => world.standIn.data.threads.filter((t) => t.userId === VIEWER_ID);
const checked = (page) => page.$$eval('[data-testid=thread-category]:checked', (cs) => cs.map((c) => Number(c.dataset.id)));

async function openNew(page, query = '') {
  await page.goto(`${world.app.url}forum/new${query}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-form]');
}

test('begun from a title\'s page: about it, in its kind\'s category; what is missing is said first; posted, then its page', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.click('[data-testid=threads-new]');
  await page.waitForSelector('[data-testid=thread-form]');
  assert.equal(new URL(page.url()).search, '?media=1');
  assert.deepEqual(await page.locator('[data-testid=thread-about-title]').allInnerTexts(), ['Cowboy Bebop\nRemove']);
  assert.deepEqual(await checked(page), [1], 'Anime');
  // Nothing written: each field says what it lacks, the first takes the focus.
  await page.click('[data-testid=thread-save]');
  await page.waitForSelector('[data-testid=thread-problems]');
  assert.equal(await page.textContent('[data-testid=thread-title-error]'), 'Give the thread a title.');
  assert.equal(await page.textContent('[data-testid=thread-body-error]'), 'Write what the thread is about.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'thread-title');
  await page.fill('[data-testid=thread-title-input]', 'Rewatch club: week 2');
  await page.fill('[data-testid=thread-body-input]', 'Sessions __5__ to 8.');
  await page.uncheck('[data-testid=thread-category][data-id="1"]');
  await page.click('[data-testid=thread-save]');
  await page.waitForSelector('[data-testid=thread-categories-error] >> text=Choose at least one category.');
  assert.equal(requests('SaveThread').length, 0, 'nothing sent');
  await page.check('[data-testid=thread-category][data-id="7"]');
  await page.check('[data-testid=thread-category][data-id="1"]');
  await page.click('[data-testid=thread-save]');
  await page.waitForSelector('[data-testid=thread-title] >> text=Rewatch club: week 2');
  const [made] = theirs();
  assert.equal(new URL(page.url()).pathname, `/thread/${made.id}`);
  assert.deepEqual(requests('SaveThread').map((r) => r.body.variables), [{ title: 'Rewatch club: week 2', body: 'Sessions __5__ to 8.', categories: [7, 1], mediaCategories: [1] }]);
  assert.equal(await page.textContent('[data-testid=thread-body] p'), 'Sessions 5 to 8.');
  assert.equal(await page.textContent('[data-testid=thread-body] p strong'), '5', 'as AniList made it of the markdown');
  assert.match(await page.textContent('[data-testid=thread-categories]'), /In General, Anime/);
  // Its writer may change it; the draft kept while writing is gone.
  await page.waitForSelector('[data-testid=thread-edit]');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tsuzuki.thread-draft')).length), 0);
  assert.deepEqual(problemsBut(page), []);
});

test('begun from the forum, in the category shown; a lost answer is looked for, never sent twice', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}forum?category=5`);
  await appReady(page);
  await page.click('[data-testid=forum-new-thread]');
  await page.waitForSelector('[data-testid=thread-form]');
  assert.deepEqual(await checked(page), [5]);
  assert.equal(await page.locator('[data-testid=thread-about-title]').count(), 0, 'about no title');
  await page.fill('[data-testid=thread-title-input]', 'Episode 27?');
  await page.fill('[data-testid=thread-body-input]', 'Is there one?');
  // Two titles added by name (a manga too), one taken out again; Enter in
  // the search sends nothing.
  await page.fill('[data-testid=thread-media-input]', 'cowboy');
  await page.press('[data-testid=thread-media-input]', 'Enter');
  await page.click('[data-testid=thread-media-found-1] button');
  await page.selectOption('[data-testid=thread-media-kind]', 'manga');
  await page.fill('[data-testid=thread-media-input]', 'berserk');
  await page.click('[data-testid=thread-media-found-30002] button');
  await page.fill('[data-testid=thread-media-input]', 'star of miracles 4');
  await page.waitForSelector('[data-testid=thread-media-none]');
  assert.equal(requests('Search').at(-1).body.variables.type, 'MANGA');
  await page.selectOption('[data-testid=thread-media-kind]', 'anime');
  await page.click('[data-testid=thread-media-found-90004] button');
  await page.click('[data-testid=thread-about-title][data-id="1"] [data-testid=thread-about-remove]');
  assert.deepEqual(await page.$$eval('[data-testid=thread-about-title]', (ts) => ts.map((t) => Number(t.dataset.id))), [30002, 90004]);
  assert.equal(requests('SaveThread').length, 0);
  world.standIn.fault({ kind: 'drop-after', operation: 'SaveThread' });
  await page.click('[data-testid=thread-save]');
  await page.waitForSelector('[data-testid=thread-title] >> text=Episode 27?');
  assert.equal(requests('SaveThread').length, 1, 'sent once');
  assert.deepEqual(requests('SaveThread')[0].body.variables.mediaCategories, [30002, 90004]);
  assert.equal(requests('MyThreads').length, 1, 'then looked for');
  assert.equal(theirs().length, 1);
  assert.deepEqual(problemsBut(page).filter((p) => !/network|fetch/i.test(p)), []);
});

test('a thread is changed and deleted by its writer; another member\'s says so', async () => {
  world.standIn.data.threads.push({ id: 9300, title: 'Movie night', body: 'Friday, __8 pm__.', bodyHtml: '<p>Friday, <b>8 pm</b>.</p>', userId: VIEWER_ID, replyCount: 0, viewCount: 1, isSticky: false, isLocked: false, createdAt: 1764000000, repliedAt: 0, mediaIds: [1], categoryIds: [7, 13] });
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}thread/9300`);
  await appReady(page);
  await page.click('[data-testid=thread-edit]');
  await page.waitForSelector('[data-testid=thread-form]');
  // As written: the markdown, its categories (one the app does not offer kept).
  assert.equal(await page.inputValue('[data-testid=thread-title-input]'), 'Movie night');
  assert.equal(await page.inputValue('[data-testid=thread-body-input]'), 'Friday, __8 pm__.');
  assert.deepEqual((await checked(page)).sort((a, b) => a - b), [7, 13]);
  assert.match(await page.textContent('[data-testid=thread-category][data-id="13"] + span'), /Site Announcements/);
  assert.deepEqual(await page.$$eval('[data-testid=thread-about-title]', (ts) => ts.map((t) => Number(t.dataset.id))), [1]);
  await page.fill('[data-testid=thread-title-input]', 'Movie night (moved)');
  await page.click('[data-testid=thread-about-remove]');
  await page.click('[data-testid=thread-save]');
  await page.waitForSelector('[data-testid=thread-title] >> text=Movie night (moved)');
  assert.deepEqual(requests('SaveThread').map((r) => r.body.variables), [{ id: 9300, title: 'Movie night (moved)', body: 'Friday, __8 pm__.', categories: [7, 13], mediaCategories: [] }]);
  // Deleted: asked first, then gone, and the forum shown.
  await page.click('[data-testid=thread-edit]');
  await page.click('[data-testid=thread-delete-ask]');
  await page.click('[data-testid=thread-delete-confirm]');
  await page.waitForSelector('[data-testid=forum]');
  assert.equal(new URL(page.url()).pathname, '/forum');
  assert.equal(world.standIn.data.threads.some((t) => t.id === 9300), false);
  // Someone else's thread: no way to change it here, and its form says whose.
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-likes]');
  assert.equal(await page.locator('[data-testid=thread-edit]').count(), 0);
  await page.goto(`${world.app.url}thread/9001/edit`);
  await appReady(page);
  await page.waitForSelector('text=Not your thread');
  assert.equal(await page.locator('[data-testid=thread-form]').count(), 0);
  assert.deepEqual(problemsBut(page), []);
});

test('what is typed is kept through a reload until it is sent or set aside; a title AniList does not have', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await openNew(page, '?media=30002');
  assert.deepEqual(await checked(page), [2], 'a manga: Manga');
  await page.fill('[data-testid=thread-title-input]', 'Golden Age arc');
  await page.fill('[data-testid=thread-body-input]', 'Best arc?');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-restored]');
  assert.equal(await page.inputValue('[data-testid=thread-title-input]'), 'Golden Age arc');
  assert.equal(await page.inputValue('[data-testid=thread-body-input]'), 'Best arc?');
  // Another new thread (not about Berserk) starts blank.
  await openNew(page);
  assert.equal(await page.inputValue('[data-testid=thread-title-input]'), '');
  await openNew(page, '?media=30002');
  await page.click('[data-testid=thread-discard]');
  assert.equal(await page.inputValue('[data-testid=thread-title-input]'), '');
  assert.equal(await page.locator('[data-testid=thread-restored]').count(), 0);
  // A title AniList does not have.
  await page.goto(`${world.app.url}forum/new?media=999999`);
  await appReady(page);
  await page.waitForSelector('text=No such title');
  assert.deepEqual(problemsBut(page), []);
});

test('signed out: the sign-in gate, and signing in comes back to the thread about the title', async () => {
  const out = await world.newPage();
  await out.goto(`${world.app.url}forum/new?media=1`);
  await appReady(out);
  await out.waitForSelector('text=Begin a thread');
  assert.equal(await out.locator('[data-testid=thread-form]').count(), 0);
  await out.click('text=Go to sign-in');
  await out.waitForSelector('[data-testid=sign-in-button]');
  assert.equal(new URL(out.url()).searchParams.get('return_to'), '/forum/new?media=1');
  await out.click('[data-testid=sign-in-button]');
  await out.waitForSelector('[data-testid=thread-about-title] >> text=Cowboy Bebop');
  assert.deepEqual(problemsBut(out), []);
});

test('on a phone the categories come two to a row, none past the screen', async () => {
  const page = await world.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(world, page);
  await openNew(page);
  const boxes = await page.$$eval('[data-testid=thread-categories] label.choice', (ls) => ls.map((l) => l.getBoundingClientRect().toJSON()));
  assert.ok(boxes.length >= 15);
  assert.equal(Math.round(boxes[0].y), Math.round(boxes[1].y), 'the first two side by side');
  assert.ok(boxes[2].y > boxes[0].y, 'the third below');
  assert.ok(boxes.every((b) => b.x >= 0 && b.right <= 390), boxes.map((b) => b.right).join());
  assert.deepEqual(problemsBut(page), []);
});
