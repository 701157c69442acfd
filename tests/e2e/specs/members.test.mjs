// Other AniList members, against the stand-in: a title's "Following" (the
// members the person follows who have it, with their status and score),
// a member's page (profile, bio through the allowlist, totals, favourites,
// "Follows you"), following and unfollowing (sent once; read back when the
// answer is lost), reading signed out, and the person's own page.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, problemsBut, waitFor } from '../lib/harness.mjs';
import { VIEWER_ID, SECOND_ID, THIRD_ID, heavyList } from '../stand-in/fixtures.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const requests = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
// Problems but those the hostile markup is expected to cause (harness.mjs).
const problems = problemsBut;
const followed = (page) => page.locator('[data-testid=following] [data-testid=followed]').allInnerTexts();
const follows = () => [...world.standIn.data.follows];

test('a title\'s "Following", a member\'s page, and following someone new: the title then shows them too', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=following]');
  // Only the members followed (Hana), in the same request as the title.
  assert.deepEqual((await followed(page)).map((t) => t.replace(/\s+/g, ' ').trim()), ['Hana Planning']);
  assert.equal(requests('TitlePage').length, 1);
  assert.deepEqual(requests('TitlePage')[0].body.variables, { id: 1, type: 'ANIME', following: true, format: 'POINT_10_DECIMAL', user: VIEWER_ID });
  // Hana's page: she follows the viewer, who follows her.
  await page.click('[data-testid=following] >> text=Hana');
  await page.waitForSelector('[data-testid=profile-name] >> text=Hana');
  assert.equal(new URL(page.url()).pathname, `/user/${SECOND_ID}`);
  assert.equal(await page.title(), 'Hana · Tsuzuki for AniList');
  assert.equal(await page.locator('[data-testid=follows-you]').count(), 1);
  assert.equal(await page.getAttribute('[data-testid=follow]', 'aria-pressed'), 'true');
  // Whom she follows and who follows her, in the same request.
  assert.deepEqual(await page.locator('[data-testid=members] [data-testid=following] .person__name').allInnerTexts(), ['Mitsuki']);
  assert.deepEqual(await page.locator('[data-testid=members] [data-testid=followers] .person__name').allInnerTexts(), ['Mitsuki']);
  // Jun's page: the bio with its formatting and nothing of it run, his
  // totals and favourites; no "Follows you"; no link to statistics (the
  // statistics page is the person's own).
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=profile-name] >> text=Jun');
  assert.equal(await page.textContent('[data-testid=profile-about] strong'), 'movies');
  assert.equal(await page.locator('[data-testid=profile-about] img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await page.textContent('[data-testid=anime-stats] [data-testid=minutes-watched]'), '10 hours 24 minutes');
  assert.equal(await page.locator('[data-testid=anime-stats-link]').count(), 0);
  assert.deepEqual(await page.locator('[data-testid=favourite-anime] .tile__name').allInnerTexts(), ['Cowboy Bebop']);
  assert.deepEqual(await page.locator('[data-testid=favourite-characters] .person__name').allInnerTexts(), ['Spike Spiegel']);
  assert.equal(await page.locator('[data-testid=follows-you]').count(), 0);
  assert.match(await page.textContent('[data-testid=members]'), /They follow no one yet[\s\S]*No followers yet/);
  assert.deepEqual(requests('UserPage').map((r) => r.body.variables), [{ id: SECOND_ID }, { id: THIRD_ID }]);
  // Follow him.
  assert.equal(await page.getAttribute('[data-testid=follow]', 'aria-pressed'), 'false');
  await page.click('[data-testid=follow]');
  await page.waitForSelector('[data-testid=follow][aria-pressed=true]');
  assert.equal(await page.textContent('[data-testid=follow]'), '✓ Following');
  assert.deepEqual(requests('ToggleFollow').map((r) => r.body.variables), [{ userId: THIRD_ID }]);
  assert.ok(follows().includes(`${VIEWER_ID}>${THIRD_ID}`));
  // The title read ten minutes ago is read again: Jun comes first (his
  // entry is the newer), with his score in the person's system.
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=following] >> text=Jun');
  assert.deepEqual((await followed(page)).map((t) => t.replace(/\s+/g, ' ').trim()), ['Jun Completed · 26 / 26 9.5 / 10', 'Hana Planning']);
  // A private entry is his own: One Piece shows Hana only.
  await page.goto(`${world.app.url}anime/21`);
  await appReady(page);
  await page.waitForSelector('[data-testid=following]');
  assert.deepEqual((await followed(page)).map((t) => t.replace(/\s+/g, ' ').trim()), ['Hana Watching · 3 / ?']);
  assert.deepEqual(problems(page), []);
});

test('following someone and leaving before AniList answers: no page error, and the kept title still reads its "Following" again', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=following]');
  assert.equal(requests('TitlePage').length, 1);
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=follow][aria-pressed=false]');
  world.standIn.fault({ kind: 'slow', operation: 'ToggleFollow', delayMs: 1000 });
  await page.click('[data-testid=follow]');
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=follow]', { state: 'detached' });
  await page.waitForTimeout(1800);
  assert.ok(follows().includes(`${VIEWER_ID}>${THIRD_ID}`));
  assert.deepEqual(problems(page), []);
  // The title kept from before the follow is read again, with Jun.
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=following] >> text=Jun');
  assert.equal(requests('TitlePage').length, 2);
  assert.deepEqual(problems(page), []);
});

test('the profile lists whom the person follows and who follows them, each leading to their page', async () => {
  world.standIn.data.follows.add(`${VIEWER_ID}>${THIRD_ID}`);
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=members]');
  assert.deepEqual(await page.locator('[data-testid=following] .person__name').allInnerTexts(), ['Hana', 'Jun']);
  assert.deepEqual(await page.locator('[data-testid=followers] .person__name').allInnerTexts(), ['Hana']);
  // In the profile's one request.
  assert.deepEqual(requests('Viewer').map((r) => r.body.variables), [{ id: VIEWER_ID }]);
  await page.click('[data-testid=following] >> text=Jun');
  await page.waitForSelector('[data-testid=profile-name] >> text=Jun');
  assert.equal(new URL(page.url()).pathname, `/user/${THIRD_ID}`);
  // No one: the card says where the button is.
  world.standIn.data.follows.clear();
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=members]');
  assert.match(await page.textContent('[data-testid=members]'), /You follow no one yet[\s\S]*No followers yet/);
  assert.deepEqual(problems(page), []);
});

test('following and followers past the first page: "Load more" reads the next, by name, none twice; on a member\'s page too', async () => {
  world.standIn.maxPerPage = 2;
  const more = [[6101, 'Aki'], [6102, 'Bo'], [6103, 'Chi'], [6104, 'Dai']];
  world.standIn.data.others.push(...more.map(([id, name]) => ({ id, name, about: null, aboutHtml: null, unreadNotificationCount: 0 })));
  for (const [id] of more) world.standIn.data.follows.add(`${VIEWER_ID}>${id}`);
  for (const [id] of more.slice(0, 2)) world.standIn.data.follows.add(`${id}>${VIEWER_ID}`);
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=members]');
  const names = (id) => page.locator(`[data-testid=${id}] .person__name`).allInnerTexts();
  assert.deepEqual(await names('following'), ['Aki', 'Bo']);
  assert.deepEqual(await names('followers'), ['Aki', 'Bo']);
  await page.click('[data-testid=following-more] [data-testid=load-more]');
  await waitFor(async () => (await names('following')).length === 4);
  await page.click('[data-testid=following-more] [data-testid=load-more]');
  await waitFor(async () => (await names('following')).length === 5);
  assert.deepEqual(await names('following'), ['Aki', 'Bo', 'Chi', 'Dai', 'Hana']);
  assert.equal(await page.locator('[data-testid=following-more] [data-testid=load-more]').count(), 0, 'nothing more');
  await page.click('[data-testid=followers-more] [data-testid=load-more]');
  await waitFor(async () => (await names('followers')).length === 3);
  assert.deepEqual(await names('followers'), ['Aki', 'Bo', 'Hana']);
  assert.deepEqual(requests('MemberPeople').map((r) => r.body.variables), [
    { id: VIEWER_ID, page: 2, followers: false }, { id: VIEWER_ID, page: 3, followers: false }, { id: VIEWER_ID, page: 2, followers: true }]);
  // A member's page: whom Aki follows (Hana, Jun, you).
  for (const id of [SECOND_ID, THIRD_ID]) world.standIn.data.follows.add(`6101>${id}`);
  await page.goto(`${world.app.url}user/6101`);
  await appReady(page);
  await page.waitForSelector('[data-testid=following]');
  await page.click('[data-testid=following-more] [data-testid=load-more]');
  await waitFor(async () => (await names('following')).length === 3);
  assert.deepEqual(await names('following'), ['Hana', 'Jun', 'Mitsuki']);
  assert.deepEqual(requests('MemberPeople').at(-1).body.variables, { id: 6101, page: 2, followers: false });
  assert.deepEqual(problems(page), []);
});

test('a member\'s lists: their status and score on each title, yours beside it, "Only titles on my lists", anime and manga', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  // The person's anime list is kept by this browser: their own statuses show.
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=entry-700001]');
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=their-entries]');
  // Most recently updated first; the private entry (One Piece) is not shown.
  const tiles = page.locator('[data-testid=their-entries] .tile');
  assert.deepEqual(await page.locator('[data-testid=their-entries] .tile__name').allInnerTexts(), ['Star of Miracles 1', 'Cowboy Bebop', 'Star of Miracles 2']);
  assert.deepEqual(await page.locator('[data-testid=their-entries] [data-testid=tile-note]').allInnerTexts(), ['Watching · ep 5', 'Completed · 9.5 / 10', 'Dropped · ep 2 · 4.0 / 10']);
  assert.equal(await tiles.nth(1).locator('[data-testid=tile-on-list]').innerText(), 'You: Watching');
  assert.equal(await tiles.nth(0).locator('[data-testid=tile-on-list]').count(), 0);
  assert.deepEqual(requests('MemberList').map((r) => r.body.variables), [{ userId: THIRD_ID, type: 'ANIME', page: 1, format: 'POINT_10_DECIMAL' }]);
  // Only the titles on the person's lists too (AniList's compareWithAuthList).
  await page.check('[data-testid=their-lists] [data-testid=only-on-list]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=their-entries] .tile').length === 1);
  assert.deepEqual(await page.locator('[data-testid=their-entries] .tile__name').allInnerTexts(), ['Cowboy Bebop']);
  assert.equal(requests('MemberList').at(-1).body.variables.compare, true);
  // Manga: their One Piece, which is not on the person's lists.
  await page.click('[data-testid=their-manga]');
  await page.waitForSelector('[data-testid=their-entries] >> text=One Piece');
  assert.equal(await page.getAttribute('[data-testid=their-manga]', 'aria-pressed'), 'true');
  assert.deepEqual(await page.locator('[data-testid=their-entries] [data-testid=tile-note]').allInnerTexts(), ['Completed · 8.0 / 10']);
  assert.deepEqual(requests('MemberList').at(-1).body.variables, { userId: THIRD_ID, type: 'MANGA', page: 1, format: 'POINT_10_DECIMAL' });
  await page.check('[data-testid=their-lists] [data-testid=only-on-list]');
  await page.waitForSelector('[data-testid=their-empty] >> text=None of their titles is on your lists.');
  // A failed read says so and can be tried again.
  await page.click('[data-testid=their-anime]');
  await page.waitForSelector('[data-testid=their-entries]');
  world.standIn.fault({ kind: '500', operation: 'MemberList' });
  await page.goto(`${world.app.url}user/${SECOND_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=their-retry]');
  assert.equal(await page.locator('[data-testid=their-lists] .api-error').count(), 1);
  await page.click('[data-testid=their-retry]');
  await page.waitForSelector('[data-testid=their-entries]');
  assert.deepEqual(await page.locator('[data-testid=their-entries] .tile__name').allInnerTexts(), ['Cowboy Bebop', 'ONE PIECE']);
  assert.deepEqual(problems(page), []);
});

test('a member\'s long list: 25 at a time with "Load more", most recently updated first, each page asked once, none shown twice', async () => {
  // 30 more anime on the member's list, the newest updated first.
  const { media } = heavyList(30);
  world.standIn.data.media.push(...media);
  world.standIn.data.entries.push(...media.map((m, i) => ({
    id: 3_000_000 + i, userId: THIRD_ID, mediaId: m.id, status: 'COMPLETED', progress: m.episodes, score: 7,
    private: false, updatedAt: 1_900_000_000 - i * 60,
  })));
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=their-entries]');
  const names = () => page.locator('[data-testid=their-entries] .tile__name').allInnerTexts();
  const first = await names();
  assert.equal(first.length, 25);
  assert.deepEqual(first.slice(0, 2), ['Tale of Stars 1', 'Tale of Stars 2']);
  await page.click('[data-testid=their-lists] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=their-entries] .tile').length > 25);
  const all = await names();
  // The 30 new ones and the three of the fixture (its private one is never shown).
  assert.equal(all.length, 33);
  assert.equal(new Set(all).size, 33, 'none twice');
  assert.deepEqual(all.slice(0, 25), first, 'the first page stays as it was');
  assert.deepEqual(all.slice(-3), ['Star of Miracles 1', 'Cowboy Bebop', 'Star of Miracles 2']);
  assert.deepEqual(requests('MemberList').map((r) => r.body.variables.page), [1, 2]);
  assert.equal(await page.locator('[data-testid=their-lists] [data-testid=load-more]').count(), 0, 'nothing more to load');
  assert.deepEqual(problems(page), []);
});

test('unfollowing whose answer is lost: read back, never sent again blind', async () => {
  world.standIn.data.follows.add(`${VIEWER_ID}>${THIRD_ID}`);
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=follow][aria-pressed=true]');
  world.standIn.fault({ kind: 'drop-after', operation: 'ToggleFollow' });
  await page.click('[data-testid=follow]');
  await page.waitForSelector('[data-testid=follow][aria-pressed=false]');
  assert.equal(await page.textContent('[data-testid=follow]'), 'Follow');
  assert.equal(requests('ToggleFollow').length, 1, 'never sent twice');
  assert.deepEqual(requests('FollowState').map((r) => r.body.variables), [{ id: THIRD_ID }], 'the state was read back');
  assert.ok(!follows().includes(`${VIEWER_ID}>${THIRD_ID}`));
  assert.equal(await page.locator('[data-testid=follow-error]').count(), 0);
  assert.deepEqual(problems(page), []);
});

test('a refused follow says why and leaves the button as it was', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=follow][aria-pressed=false]');
  world.standIn.fault({ kind: '500', operation: 'ToggleFollow' });
  await page.click('[data-testid=follow]');
  await page.waitForSelector('[data-testid=follow-error]');
  assert.equal(await page.getAttribute('[data-testid=follow]', 'aria-pressed'), 'false');
  assert.equal(await page.isEnabled('[data-testid=follow]'), true);
  assert.ok(!follows().includes(`${VIEWER_ID}>${THIRD_ID}`));
});

test('signed out: a member\'s page reads without a token and has no toggle; a title has no "Following"; bad addresses say so', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}user/${THIRD_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=profile-name] >> text=Jun');
  assert.equal(requests('UserPage')[0].authorization, null);
  assert.equal(await page.locator('[data-testid=follow]').count(), 0);
  assert.equal(await page.locator('[data-testid=follows-you]').count(), 0);
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name]');
  assert.deepEqual(requests('TitlePage')[0].body.variables, { id: 1, type: 'ANIME', following: false, format: 'POINT_10_DECIMAL' });
  assert.equal(await page.locator('[data-testid=following]').count(), 0);
  await page.goto(`${world.app.url}user/424242`);
  await appReady(page);
  await page.waitForSelector('.api-error');
  assert.match(await page.textContent('.api-error'), /not found/i);
  await page.goto(`${world.app.url}user/abc`);
  await appReady(page);
  await page.waitForSelector('text=No such member');
  assert.deepEqual(problems(page), []);
});

test('the person\'s own member page: "This is you", a link to the profile, no toggle', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/${VIEWER_ID}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=profile-name] >> text=Mitsuki');
  assert.match(await page.textContent('.page-intro .lead'), /This is you/);
  assert.equal(await page.locator('[data-testid=follow]').count(), 0);
  assert.equal(await page.locator('[data-testid=follows-you]').count(), 0);
  await page.click('.card.profile >> text=Your profile');
  await page.waitForSelector('[data-testid=title-language]');
  assert.equal(new URL(page.url()).pathname, '/profile');
});
