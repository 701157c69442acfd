// The activity feed, against the stand-in: the followed members' and the
// person's own list updates and posts, newest first, as sentences with
// their links; everyone's (posts, and list updates someone answered); a
// hostile post inert; 25 at a time with Load more; signed out; none; a
// failed read.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, signOut, problemsBut, waitFor } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const requests = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ActivityFeed');
const ALL = ['TEXT', 'ANIME_LIST', 'MANGA_LIST'];
const ids = (page) => page.$$eval('[data-testid=activity] > li', (lis) => lis.map((li) => li.dataset.testid));
const text = async (page, id, part) => (await page.locator(`[data-testid=activity-${id}] [data-testid=${part}]`).innerText()).replace(/\s+/g, ' ').trim();

test('signed in: the followed members\' and your own activity, newest first, as sentences with links; then everyone\'s, a hostile post inert', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Activity"');
  await page.waitForSelector('[data-testid=activity]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8004', 'activity-8003', 'activity-8002']);
  assert.deepEqual(requests().map((r) => r.body.variables), [{ page: 1, isFollowing: true, types: ALL }]);
  assert.match(requests()[0].authorization, /^Bearer /);
  assert.equal(await text(page, 8006, 'activity-text'), 'Hana Watched episode 10 - 12 of Cowboy Bebop');
  assert.equal(await page.getAttribute('[data-testid=activity-8006] a.activity__who', 'href'), '/user/6001');
  assert.equal(await page.getAttribute('[data-testid=activity-8006] [data-testid=activity-text] a[href^="/anime"]', 'href'), '/anime/1');
  assert.match(await text(page, 8006, 'activity-meta'), /^\d+ minutes? ago · ♡ 3 · Subscribe · 1 reply · Open on AniList$/);
  assert.equal(await page.getAttribute('[data-testid=activity-8006] [data-testid=like]', 'aria-label'), 'Like Hana\'s activity: 3 likes');
  assert.equal(await page.getAttribute('[data-testid=activity-8006] [data-testid=activity-meta] a >> text=Open on AniList', 'href'), 'https://anilist.co/activity/8006');
  assert.equal(await page.getAttribute('[data-testid=activity-8006] [data-testid=activity-meta] a.activity__when', 'href'), '/activity/8006', 'its time: its page in the app');
  assert.equal(await text(page, 8004, 'activity-text'), 'Mitsuki Completed Fullmetal Alchemist: Brotherhood');
  assert.equal(await text(page, 8003, 'activity-text'), 'Hana Plans to read Berserk');
  assert.equal(await page.getAttribute('[data-testid=activity-8003] [data-testid=activity-text] a[href^="/manga"]', 'href'), '/manga/30002');
  assert.equal(await text(page, 8002, 'activity-text'), 'Hana');
  assert.equal(await page.textContent('[data-testid=activity-8002] [data-testid=activity-post] strong'), 'Bebop');
  assert.equal(await page.getAttribute('nav.tabs a[aria-current=page]', 'href'), '/activity');
  assert.equal(await page.title(), 'Activity · Tsuzuki for AniList');
  // Everyone's: posts, and list updates someone answered.
  await page.click('nav.tabs >> text=Everyone');
  await page.waitForSelector('[data-testid=activity-8005]');
  assert.equal(new URL(page.url()).search, '?feed=everyone');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8005', 'activity-8002']);
  assert.deepEqual(requests().at(-1).body.variables, { page: 1, hasRepliesOrTypeText: true, types: ALL });
  assert.equal(await page.textContent('[data-testid=activity-8005] [data-testid=activity-post] strong'), 'post');
  assert.equal(await page.locator('[data-testid=activity-8005] [data-testid=activity-post] script, [data-testid=activity-8005] [data-testid=activity-post] img').count(), 0);
  assert.equal(await page.locator('[data-testid=activity-8005] [data-testid=activity-post] a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.match(await text(page, 8005, 'activity-meta'), /· 2 replies ·/);
  // A post's replies, read when opened, through the allowlist too.
  await page.click('[data-testid=activity-8005] [data-testid=replies-toggle]');
  await page.waitForSelector('[data-testid=activity-8005] [data-testid=replies]');
  assert.equal(await page.getAttribute('[data-testid=activity-8005] [data-testid=replies-toggle]', 'aria-expanded'), 'true');
  assert.deepEqual(await page.$$eval('[data-testid=activity-8005] [data-testid=replies] > li', (lis) => lis.map((li) => li.dataset.testid)), ['reply-90002', 'reply-90003']);
  assert.match((await page.innerText('[data-testid=reply-90003]')).replace(/\s+/g, ' '), /^Mitsuki Reported\. .* · 1 like · Edit · Delete$/);
  assert.equal(await page.locator('[data-testid=reply-90003] img').count(), 0);
  assert.deepEqual(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ActivityReplies').map((r) => r.body.variables), [{ id: 8005 }]);
  await page.click('[data-testid=activity-8005] [data-testid=replies-toggle]');
  await page.waitForSelector('[data-testid=activity-8005] [data-testid=replies]', { state: 'detached' });
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  // Back: the followed again, from memory.
  await page.goBack();
  await page.waitForSelector('[data-testid=activity-8004]');
  assert.deepEqual(problemsBut(page), []);
});

test('what the feed shows: status posts only, list updates only, or everything; in the address, kept across Following and Everyone', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  const shownNav = '[data-testid=activity-shown]';
  assert.deepEqual(await page.locator(`${shownNav} a`).allInnerTexts(), ['Everything', 'Status posts', 'List updates']);
  assert.equal(await page.innerText(`${shownNav} a[aria-current=page]`), 'Everything');
  // Status posts: Hana's post only, and the box to post one.
  await page.click(`${shownNav} >> text=Status posts`);
  await page.waitForSelector('[data-testid=activity-8006]', { state: 'detached' });
  await page.waitForSelector('[data-testid=activity-8002]');
  assert.deepEqual(await ids(page), ['activity-8002']);
  assert.equal(new URL(page.url()).search, '?show=posts');
  assert.deepEqual(requests().at(-1).body.variables, { page: 1, isFollowing: true, types: ['TEXT'] });
  assert.equal(await page.locator('[data-testid=compose]').count(), 1);
  // Everyone's, still posts only.
  await page.click('nav.tabs >> text=Everyone');
  await page.waitForSelector('[data-testid=activity-8005]');
  assert.deepEqual(await ids(page), ['activity-8005', 'activity-8002']);
  assert.equal(new URL(page.url()).search, '?feed=everyone&show=posts');
  // List updates: no post, and no box to post one.
  await page.click('nav.tabs >> text=Following');
  await page.click(`${shownNav} >> text=List updates`);
  await page.waitForSelector('[data-testid=activity-8002]', { state: 'detached' });
  await page.waitForSelector('[data-testid=activity-8006]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8004', 'activity-8003']);
  assert.deepEqual(requests().at(-1).body.variables, { page: 1, isFollowing: true, types: ['ANIME_LIST', 'MANGA_LIST'] });
  assert.equal(await page.locator('[data-testid=compose]').count(), 0);
  // Over a reload; then everything again.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  assert.equal(await page.innerText(`${shownNav} a[aria-current=page]`), 'List updates');
  await page.click(`${shownNav} >> text=Everything`);
  await page.waitForSelector('[data-testid=activity-8002]');
  assert.equal(new URL(page.url()).search, '');
  // None of a kind: said so.
  await page.goto(`${world.app.url}activity?feed=everyone&show=lists`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  world.standIn.data.activities = world.standIn.data.activities.filter((a) => a.type === 'TEXT');
  await page.click('[data-testid=activity-reload]');
  await page.waitForSelector('text=No list updates here yet.');
  assert.deepEqual(problemsBut(page), []);
});

test('25 at a time: Load more reads the next page; Reload starts over; no one followed: none, and a way to everyone\'s', async () => {
  world.standIn.maxPerPage = 2;
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8004']);
  await page.click('[data-testid=load-more]');
  await page.waitForSelector('[data-testid=activity-8002]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8004', 'activity-8003', 'activity-8002']);
  await page.waitForSelector('[data-testid=load-more]', { state: 'detached' });
  assert.deepEqual(requests().map((r) => r.body.variables.page), [1, 2]);
  // Someone posts meanwhile: Reload shows it first, and the first page only.
  world.standIn.data.activities.unshift({ __typename: 'TextActivity', id: 8010, type: 'TEXT', userId: 6001, text: '<p>Episode 13!</p>', createdAt: Math.floor(Date.now() / 1000), likeCount: 0, replyCount: 0 });
  await page.click('[data-testid=activity-reload]');
  await page.waitForSelector('[data-testid=activity-8010]');
  assert.deepEqual(await ids(page), ['activity-8010', 'activity-8006']);
  // No one followed, nothing of one's own: none.
  world.standIn.maxPerPage = 50;
  world.standIn.data.follows.clear();
  world.standIn.data.activities = world.standIn.data.activities.filter((a) => a.userId !== 5150);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('text=Nothing here yet');
  await page.click('text=See everyone\'s activity');
  await page.waitForSelector('[data-testid=activity-8005]');
  assert.deepEqual(problemsBut(page), []);
});

test('signed out: everyone\'s activity, without a token, and a way to sign in; a failed read offers Try again', async () => {
  world.standIn.fault({ kind: '500', operation: 'ActivityFeed' });
  const page = await world.newPage();
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.waitForSelector('[data-testid=retry]');
  await page.click('[data-testid=retry]');
  await page.waitForSelector('[data-testid=activity-8005]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8005', 'activity-8002']);
  assert.ok(requests().every((r) => r.authorization === null), 'no token signed out');
  assert.deepEqual(requests().at(-1).body.variables, { page: 1, hasRepliesOrTypeText: true, types: ALL });
  assert.equal(await page.locator('nav.tabs a').count(), 1);
  assert.equal(await page.getAttribute('[data-testid=activity-sign-in] a', 'href'), '/?return_to=%2Factivity');
  // Likes are counted, not given, signed out.
  assert.equal(await page.textContent('[data-testid=activity-8006] [data-testid=likes]'), '3 likes');
  assert.equal(await page.locator('[data-testid=like]').count(), 0);
  assert.equal(await page.locator('[data-testid=compose]').count(), 0, 'nothing to post with, signed out');
  assert.equal(await page.locator('[data-testid=activity-8004] [data-testid=replies-toggle]').count(), 0, 'no "Reply" on an unanswered one');
  assert.deepEqual(problemsBut(page).filter((p) => !/500/.test(p)), []);
});

test('a like: given and taken back, the count AniList\'s; a lost answer is read back, never resent; a refusal says so', async () => {
  const likes = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ToggleLike');
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  const like = (id) => `[data-testid=activity-${id}] [data-testid=like]`;
  await page.waitForSelector(like(8006));
  assert.equal(await page.getAttribute(like(8006), 'aria-pressed'), 'false');
  await page.click(like(8006));
  await page.waitForSelector(`${like(8006)}[aria-pressed=true]`);
  assert.equal((await page.innerText(like(8006))).trim(), '♥ 4');
  assert.deepEqual(likes().map((r) => r.body.variables), [{ id: 8006, type: 'ACTIVITY' }]);
  assert.ok(world.standIn.data.likes.has('5150>8006'));
  // Kept on AniList: a reload shows it liked.
  await page.reload();
  await appReady(page);
  await page.waitForSelector(`${like(8006)}[aria-pressed=true]`);
  // Taken back.
  await page.click(like(8006));
  await page.waitForSelector(`${like(8006)}[aria-pressed=false]`);
  assert.equal((await page.innerText(like(8006))).trim(), '♡ 3');
  // The answer lost after AniList applied it: read back, not sent again.
  world.standIn.fault({ kind: 'drop-after', operation: 'ToggleLike' });
  await page.click(like(8002));
  await page.waitForSelector(`${like(8002)}[aria-pressed=true]`);
  assert.equal((await page.innerText(like(8002))).trim(), '♥ 6');
  assert.equal(likes().filter((r) => r.body.variables.id === 8002).length, 1, 'never sent twice');
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'LikeState').length, 1);
  // Refused: AniList's error, and the like as it was.
  world.standIn.fault({ kind: '500', operation: 'ToggleLike' });
  await page.click(like(8003));
  await page.waitForSelector('[data-testid=activity-8003] [data-testid=like-error]');
  assert.equal(await page.getAttribute(like(8003), 'aria-pressed'), 'false');
  assert.deepEqual(problemsBut(page).filter((p) => !/500/.test(p)), []);
});

test('a status: posted on top as AniList shows it, the box emptied; a draft outlives leaving the page; a lost answer is read back, never resent', async () => {
  const posts = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'PostStatus');
  const readBacks = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'LatestPosts');
  const mine = () => world.standIn.data.activities.filter((a) => a.type === 'TEXT' && a.userId === 5150);
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  const box = '[data-testid=compose-text]';
  assert.equal(await page.locator('label[for=compose-status]').innerText(), 'Post a status');
  assert.equal(await page.isDisabled('[data-testid=compose-send]'), true, 'nothing to post yet');
  await page.fill(box, 'Starting <b>Bebop</b> again.');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8007]');
  assert.deepEqual(await ids(page), ['activity-8007', 'activity-8006', 'activity-8004', 'activity-8003', 'activity-8002']);
  assert.equal(await text(page, 8007, 'activity-post'), 'Starting <b>Bebop</b> again.', 'AniList\'s HTML, the markup as text');
  assert.equal(await page.locator('[data-testid=activity-8007] [data-testid=activity-post] b').count(), 0);
  assert.equal(await page.inputValue(box), '');
  assert.deepEqual(posts().map((r) => r.body.variables), [{ text: 'Starting <b>Bebop</b> again.' }]);
  assert.match(posts()[0].authorization, /^Bearer /);
  assert.equal(readBacks().length, 0);
  // On AniList: a reload reads it there.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8007]');
  // "c" goes to the box; Preview shows the text as AniList will.
  await page.keyboard.press('c');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compose-status');
  await page.keyboard.type('half a __thought__');
  await page.click('[data-testid=preview-open]');
  await page.waitForSelector('[data-testid=preview-body] strong >> text=thought');
  // A draft: kept through leaving the page and coming back.
  await page.fill(box, 'half a thought');
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=compose]', { state: 'detached' });
  await page.goBack();
  await page.waitForSelector(box);
  assert.equal(await page.inputValue(box), 'half a thought');
  // Ctrl+Enter posts; the answer lost after AniList made the post: found by
  // reading the latest posts back, shown, not sent twice.
  world.standIn.fault({ kind: 'drop-after', operation: 'PostStatus' });
  await page.focus(box);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=activity-8008]');
  assert.equal(await text(page, 8008, 'activity-post'), 'half a thought');
  assert.equal(posts().length, 2, 'sent once');
  assert.deepEqual(readBacks().map((r) => r.body.variables), [{ userId: 5150 }]);
  assert.equal(mine().length, 2);
  assert.equal(await page.inputValue(box), '');
  // Lost before it reached AniList: not found, said so, the text kept; sent
  // again by the person, it is posted once.
  world.standIn.fault({ kind: 'drop', operation: 'PostStatus' });
  await page.fill(box, 'third time');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=compose-error]');
  assert.match(await page.innerText('[data-testid=compose-error]'), /most likely not posted\. Your text is still here/);
  assert.equal(await page.inputValue(box), 'third time');
  assert.equal(readBacks().length, 2);
  assert.equal(mine().length, 2, 'nothing made');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8009]');
  await page.waitForSelector('[data-testid=compose-error]', { state: 'detached' });
  assert.equal(mine().length, 3);
  // Refused: AniList's error, the text kept, nothing read back.
  world.standIn.fault({ kind: '500', operation: 'PostStatus' });
  await page.fill(box, 'refused');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=compose-error]');
  assert.match(await page.innerText('[data-testid=compose-error]'), /HTTP 500/);
  assert.equal(await page.inputValue(box), 'refused');
  assert.equal(readBacks().length, 2);
  // Everyone's feed has no box (posts go to your own feed).
  await page.click('nav.tabs >> text=Everyone');
  await page.waitForSelector('[data-testid=activity-8005]');
  assert.equal(await page.locator('[data-testid=compose]').count(), 0);
  // Signing out forgets the drafts.
  assert.ok(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith('tsuzuki.draft.5150.'))));
  await signOut(page);
  await page.waitForSelector('[data-testid=activity-sign-in]');
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('tsuzuki.draft.'))), []);
  assert.deepEqual(problemsBut(page).filter((p) => !/500|Failed to fetch|ERR_/.test(p)), []);
});

test('a reply: under the others, the count up; "Reply" on an unanswered one; a lost answer read back from the replies', async () => {
  const replies = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'PostReply');
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  await page.click('[data-testid=activity-8006] [data-testid=replies-toggle]');
  await page.waitForSelector('[data-testid=activity-8006] [data-testid=reply-90001]');
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), 'compose-text', 'replies to read: the box does not take the focus');
  const box = '[data-testid=activity-8006] [data-testid=compose-text]';
  assert.equal(await page.locator('[data-testid=activity-8006] label[for=compose-reply-8006]').innerText(), 'Your reply');
  await page.fill(box, 'Same here.');
  await page.click('[data-testid=activity-8006] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8006] [data-testid=reply-90004]');
  assert.deepEqual(await page.$$eval('[data-testid=activity-8006] [data-testid=replies] > li', (lis) => lis.map((li) => li.dataset.testid)), ['reply-90001', 'reply-90004']);
  assert.match((await page.innerText('[data-testid=reply-90004]')).replace(/\s+/g, ' '), /^Mitsuki Same here\./);
  assert.equal((await page.innerText('[data-testid=activity-8006] [data-testid=replies-toggle]')).trim(), '2 replies');
  assert.equal(await page.inputValue(box), '');
  assert.deepEqual(replies().map((r) => r.body.variables), [{ activityId: 8006, text: 'Same here.' }]);
  // An activity no one answered: "Reply" opens an empty list and a box.
  const toggle = '[data-testid=activity-8004] [data-testid=replies-toggle]';
  assert.equal((await page.innerText(toggle)).trim(), 'Reply');
  await page.click(toggle);
  const own = '[data-testid=activity-8004] [data-testid=compose-text]';
  await page.waitForSelector(own);
  // Nothing to read: the box has the focus, to type at once.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'compose-text' && !!document.activeElement.closest('[data-testid=activity-8004]'));
  await page.waitForSelector('[data-testid=activity-8004] >> text=No replies yet.');
  // Its answer lost after AniList made it: read back from the replies.
  world.standIn.fault({ kind: 'drop-after', operation: 'PostReply' });
  await page.fill(own, 'Congrats!');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=activity-8004] [data-testid=reply-90005]');
  assert.equal((await page.innerText(toggle)).trim(), '1 reply');
  assert.doesNotMatch(await page.innerText('[data-testid=activity-8004]'), /No replies yet/);
  assert.equal(replies().length, 2, 'sent once');
  // 8006's replies read when opened; 8004 had none (nothing read when
  // opened), and was read once to find the reply.
  assert.deepEqual(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ActivityReplies').map((r) => r.body.variables), [{ id: 8006 }, { id: 8004 }]);
  assert.equal(world.standIn.data.activities.find((a) => a.id === 8004).replies.length, 1);
  assert.deepEqual(problemsBut(page).filter((p) => !/Failed to fetch|ERR_/.test(p)), []);
});

test('deleting your own: only yours offer it, asked first; a lost answer sent once more, "not found" then meaning gone; a reply too, the count down', async () => {
  const deletes = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'DeletePost');
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  // Yours (8004, a list update) offers it; Hana's do not.
  assert.equal(await page.locator('[data-testid=activity-8004] [data-testid=delete-mine]').count(), 1);
  assert.equal(await page.locator('[data-testid=activity-8006] [data-testid=delete-mine], [data-testid=activity-8002] [data-testid=delete-mine]').count(), 0);
  // Asked first; "Keep" keeps it.
  await page.click('[data-testid=activity-8004] [data-testid=delete-mine]');
  assert.match(await page.innerText('[data-testid=activity-8004] [role=alert]'), /Delete it from AniList\?/);
  await page.click('[data-testid=activity-8004] [role=alert] >> text=Keep');
  await page.waitForSelector('[data-testid=activity-8004] [data-testid=delete-mine]');
  assert.equal(deletes().length, 0);
  // A post just made, deleted with its answer lost after AniList deleted
  // it: sent once more, AniList says not found, it is gone.
  await page.fill('[data-testid=compose-text]', 'oops');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8007]');
  world.standIn.fault({ kind: 'drop-after', operation: 'DeletePost' });
  await page.click('[data-testid=activity-8007] [data-testid=delete-mine]');
  await page.click('[data-testid=activity-8007] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=activity-8007]', { state: 'detached' });
  assert.deepEqual(deletes().map((r) => r.body.variables), [{ id: 8007 }, { id: 8007 }]);
  assert.equal(world.standIn.data.activities.some((a) => a.id === 8007), false);
  // Refused: said, and the activity stays.
  world.standIn.fault({ kind: '500', operation: 'DeletePost' });
  await page.click('[data-testid=activity-8004] [data-testid=delete-mine]');
  await page.click('[data-testid=activity-8004] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=activity-8004] [data-testid=delete-error]');
  assert.equal(world.standIn.data.activities.some((a) => a.id === 8004), true);
  // Again: gone, and it stays gone over Reload.
  await page.click('[data-testid=activity-8004] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=activity-8004]', { state: 'detached' });
  await page.click('[data-testid=activity-reload]');
  await page.waitForSelector('[data-testid=activity-8006]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8003', 'activity-8002']);
  // Your reply under Jun's post (on everyone's feed): deleted, the count down.
  await page.click('nav.tabs >> text=Everyone');
  await page.click('[data-testid=activity-8005] [data-testid=replies-toggle]');
  await page.waitForSelector('[data-testid=reply-90003]');
  assert.equal(await page.locator('[data-testid=reply-90002] [data-testid=delete-mine]').count(), 0, 'Hana\'s reply');
  await page.click('[data-testid=reply-90003] [data-testid=delete-mine]');
  assert.match(await page.innerText('[data-testid=reply-90003] [role=alert]'), /Delete this reply from AniList\?/);
  await page.click('[data-testid=reply-90003] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=reply-90003]', { state: 'detached' });
  assert.equal((await page.innerText('[data-testid=activity-8005] [data-testid=replies-toggle]')).trim(), '1 reply');
  assert.deepEqual(world.standIn.graphqlRequests().filter((r) => r.operationName === 'DeleteReply').map((r) => r.body.variables), [{ id: 90003 }]);
  assert.deepEqual(world.standIn.data.activities.find((a) => a.id === 8005).replies.map((r) => r.id), [90002]);
  assert.deepEqual(problemsBut(page).filter((p) => !/500|Failed to fetch|ERR_/.test(p)), []);
});

test('editing your post: in place from its text as written, Cancel keeps it, a lost answer sent once more (it sets the whole text)', async () => {
  const edits = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'EditPost');
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.fill('[data-testid=compose-text]', 'Watching <Bebop>');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8007]');
  // Only your posts (not your list updates, nor others' posts) offer it.
  assert.equal(await page.locator('[data-testid=activity-8004] [data-testid=edit-mine], [data-testid=activity-8002] [data-testid=edit-mine]').count(), 0);
  const row = '[data-testid=activity-8007]';
  await page.click(`${row} [data-testid=edit-mine]`);
  assert.equal(await page.inputValue(`${row} [data-testid=compose-text]`), 'Watching <Bebop>', 'as written, not as HTML');
  await page.waitForFunction((row) => document.activeElement === document.querySelector(`${row} [data-testid=compose-text]`), row);
  assert.equal(await page.locator(`${row} [data-testid=activity-post]`).count(), 0);
  await page.fill(`${row} [data-testid=compose-text]`, 'not this');
  await page.click(`${row} [data-testid=compose-cancel]`);
  await page.waitForSelector(`${row} [data-testid=activity-post]`);
  assert.equal(await text(page, 8007, 'activity-post'), 'Watching <Bebop>');
  assert.equal(edits().length, 0);
  // Cancel forgot the draft: editing again starts from the post.
  await page.click(`${row} [data-testid=edit-mine]`);
  assert.equal(await page.inputValue(`${row} [data-testid=compose-text]`), 'Watching <Bebop>');
  world.standIn.fault({ kind: 'drop-after', operation: 'EditPost' });
  await page.fill(`${row} [data-testid=compose-text]`, 'Watching **Bebop**, session 5');
  await page.click(`${row} [data-testid=compose-send]`);
  await page.waitForSelector(`${row} [data-testid=compose-text]`, { state: 'detached' });
  assert.equal(await text(page, 8007, 'activity-post'), 'Watching **Bebop**, session 5');
  assert.deepEqual(edits().map((r) => r.body.variables), [{ id: 8007, text: 'Watching **Bebop**, session 5' }, { id: 8007, text: 'Watching **Bebop**, session 5' }]);
  assert.equal(world.standIn.data.activities.find((a) => a.id === 8007).source, 'Watching **Bebop**, session 5');
  // Over a reload, AniList's.
  await page.reload();
  await appReady(page);
  await page.waitForSelector(row);
  assert.equal(await text(page, 8007, 'activity-post'), 'Watching **Bebop**, session 5');
  assert.deepEqual(problemsBut(page).filter((p) => !/Failed to fetch|ERR_/.test(p)), []);
});

test('editing your reply: only yours offer it, in place from its text as written, Cancel keeps it, a lost answer sent once more', async () => {
  const edits = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'EditReply');
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  await page.click('[data-testid=activity-8006] [data-testid=replies-toggle]');
  await page.waitForSelector('[data-testid=reply-90001]');
  await page.fill('[data-testid=activity-8006] [data-testid=compose-text]', 'See _you_ there.');
  await page.click('[data-testid=activity-8006] [data-testid=compose-send]');
  const reply = '[data-testid=reply-90004]';
  await page.waitForSelector(reply);
  // Jun's reply offers neither Edit nor Delete; yours both.
  assert.equal(await page.locator('[data-testid=reply-90001] [data-testid=edit-mine], [data-testid=reply-90001] [data-testid=delete-mine]').count(), 0);
  assert.equal(await page.locator(`${reply} [data-testid=edit-mine]`).count(), 1);
  await page.click(`${reply} [data-testid=edit-mine]`);
  const box = `${reply} [data-testid=compose-text]`;
  assert.equal(await page.locator(`${reply} label[for=compose-edit-reply-90004]`).innerText(), 'Edit your reply');
  assert.equal(await page.inputValue(box), 'See _you_ there.', 'as written, not as HTML');
  assert.equal(await page.locator(`${reply} [data-testid=reply-text]`).count(), 0);
  await page.fill(box, 'not this');
  await page.click(`${reply} [data-testid=compose-cancel]`);
  await page.waitForSelector(`${reply} [data-testid=reply-text]`);
  assert.equal((await page.innerText(`${reply} [data-testid=reply-text]`)).trim(), 'See _you_ there.');
  assert.equal(edits().length, 0);
  // Saved with its answer lost after AniList changed it: sent once more.
  await page.click(`${reply} [data-testid=edit-mine]`);
  assert.equal(await page.inputValue(box), 'See _you_ there.', 'Cancel forgot the draft');
  world.standIn.fault({ kind: 'drop-after', operation: 'EditReply' });
  await page.fill(box, 'See you there at nine.');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(box, { state: 'detached' });
  assert.equal((await page.innerText(`${reply} [data-testid=reply-text]`)).trim(), 'See you there at nine.');
  assert.deepEqual(edits().map((r) => r.body.variables), [{ id: 90004, text: 'See you there at nine.' }, { id: 90004, text: 'See you there at nine.' }]);
  assert.deepEqual(world.standIn.data.activities.find((a) => a.id === 8006).replies.map((r) => r.id), [90001, 90004]);
  assert.equal(world.standIn.data.activities.find((a) => a.id === 8006).replies.at(-1).source, 'See you there at nine.');
  assert.equal((await page.innerText('[data-testid=activity-8006] [data-testid=replies-toggle]')).trim(), '2 replies', 'an edit adds no reply');
  // Over a reload, AniList's, and editing starts from it.
  await page.reload();
  await appReady(page);
  await page.click('[data-testid=activity-8006] [data-testid=replies-toggle]');
  await page.waitForSelector(`${reply} [data-testid=reply-text]`);
  assert.equal((await page.innerText(`${reply} [data-testid=reply-text]`)).trim(), 'See you there at nine.');
  await page.click(`${reply} [data-testid=edit-mine]`);
  assert.equal(await page.inputValue(box), 'See you there at nine.');
  assert.deepEqual(problemsBut(page).filter((p) => !/Failed to fetch|ERR_/.test(p)), []);
});

test('leaving the page while a post, an edit or a delete is under way: no page error, and each is done on AniList', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  const feed = async () => {
    await page.goto(`${world.app.url}activity`);
    await appReady(page);
    await page.waitForSelector('[data-testid=activity-8006]');
  };
  const away = async (operation) => {
    await page.click('nav.site-nav >> text="Airing"');
    await page.waitForSelector('[data-testid=activity]', { state: 'detached' });
    await waitFor(() => world.standIn.graphqlRequests().some((r) => r.operationName === operation));
    await page.waitForTimeout(1800);
  };
  await feed();
  world.standIn.fault({ kind: 'slow', operation: 'PostStatus', delayMs: 1000 });
  await page.fill('[data-testid=compose-text]', 'posted while leaving');
  await page.click('[data-testid=compose-send]');
  await away('PostStatus');
  assert.equal(world.standIn.data.activities.filter((a) => a.source === 'posted while leaving').length, 1);
  await feed();
  world.standIn.fault({ kind: 'slow', operation: 'EditPost', delayMs: 1000 });
  await page.click('[data-testid=activity-8007] [data-testid=edit-mine]');
  await page.fill('[data-testid=activity-8007] [data-testid=compose-text]', 'edited while leaving');
  await page.click('[data-testid=activity-8007] [data-testid=compose-send]');
  await away('EditPost');
  assert.equal(world.standIn.data.activities.find((a) => a.id === 8007).source, 'edited while leaving');
  await feed();
  world.standIn.fault({ kind: 'slow', operation: 'DeletePost', delayMs: 1000 });
  await page.click('[data-testid=activity-8007] [data-testid=delete-mine]');
  await page.click('[data-testid=activity-8007] [data-testid=confirm-delete-mine]');
  await away('DeletePost');
  assert.equal(world.standIn.data.activities.some((a) => a.id === 8007), false);
  await feed();
  assert.deepEqual(page.problems, []);
});

test('a member\'s activity on their page, and yours on your profile: read when opened, all of it', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/6001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=member-activity]');
  assert.equal(requests().length, 0, 'nothing asked until it is opened');
  await page.click('[data-testid=member-activity] summary');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity]');
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8003', 'activity-8002', 'activity-8000']);
  assert.deepEqual(requests().map((r) => r.body.variables), [{ page: 1, userId: 6001, types: [...ALL, 'MESSAGE'], sort: ['PINNED', 'ID_DESC'] }]);
  // Closed and opened again: nothing asked again.
  await page.click('[data-testid=member-activity] summary');
  await page.click('[data-testid=member-activity] summary');
  assert.equal(requests().length, 1);
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=member-activity]');
  await page.click('[data-testid=member-activity] summary');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity-8004]');
  assert.deepEqual(await ids(page), ['activity-8004', 'activity-8001']);
  assert.deepEqual(requests().at(-1).body.variables, { page: 1, userId: 5150, types: [...ALL, 'MESSAGE'], sort: ['PINNED', 'ID_DESC'] });
  assert.deepEqual(problemsBut(page), []);
});

test('pinning on your profile\'s Activity: your post or list update only; pinned, the feed is read again and it comes first, said so; unpinned (a lost answer sent once more), back in its place', async () => {
  const pins = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Pin');
  world.standIn.data.activities.push({ __typename: 'TextActivity', id: 7990, type: 'TEXT', userId: 5150, text: '<p>My old post.</p>', source: 'My old post.', createdAt: Math.floor(Date.now() / 1000) - 86400 * 30, likeCount: 0, replyCount: 0, replies: [] });
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Profile"');
  await page.click('[data-testid=member-activity] summary');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity-7990]');
  assert.deepEqual(await ids(page), ['activity-8004', 'activity-8001', 'activity-7990']);
  // A message written to you is not yours to pin.
  assert.equal(await page.locator('[data-testid=activity-8001] [data-testid=pin]').count(), 0);
  assert.equal(await page.locator('[data-testid=member-activity] [data-testid=activity-pinned]').count(), 0);
  const read = requests().length;
  await page.click('[data-testid=activity-7990] [data-testid=pin]');
  // The row says Pinned at once; the feed read again puts it first.
  await page.waitForFunction(() => document.querySelector('[data-testid=member-activity] [data-testid=activity] > li:first-child')?.dataset.testid === 'activity-7990');
  await page.waitForSelector('[data-testid=activity-7990] [data-testid=activity-pinned]');
  assert.deepEqual(await ids(page), ['activity-7990', 'activity-8004', 'activity-8001']);
  assert.equal((await page.innerText('[data-testid=activity-7990] [data-testid=pin]')).trim(), 'Unpin');
  assert.deepEqual(pins().map((r) => r.body.variables), [{ id: 7990, pinned: true }]);
  assert.equal(requests().length, read + 1, 'the feed read again, in AniList\'s order');
  // Unpinned, its answer lost after AniList applied it: sent once more (it sets the state).
  world.standIn.fault({ kind: 'drop-after', operation: 'Pin' });
  await page.click('[data-testid=activity-7990] [data-testid=pin]');
  await page.waitForFunction(() => document.querySelector('[data-testid=member-activity] [data-testid=activity] > li:last-child')?.dataset.testid === 'activity-7990');
  assert.deepEqual(pins().map((r) => r.body.variables), [{ id: 7990, pinned: true }, { id: 7990, pinned: false }, { id: 7990, pinned: false }]);
  assert.equal(world.standIn.data.activities.find((a) => a.id === 7990).isPinned, false);
  assert.equal(await page.locator('[data-testid=member-activity] [data-testid=activity-pinned]').count(), 0);
  // On another member's page, nothing of theirs can be pinned.
  await page.goto(`${world.app.url}user/6001`);
  await appReady(page);
  await page.click('[data-testid=member-activity] summary');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity-8006]');
  assert.equal(await page.locator('[data-testid=member-activity] [data-testid=pin]').count(), 0);
  assert.deepEqual(problemsBut(page), []);
});

test('posting from your profile\'s Activity: the box is there (on another member\'s, one to write to them), the post on top', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/6001`);
  await appReady(page);
  await page.click('[data-testid=member-activity] summary');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity]');
  assert.equal(await page.locator('[data-testid=member-activity] [data-testid=compose] label[for^=compose-]').innerText(), 'Write to Hana', 'Hana\'s activity');
  await page.click('nav.site-nav >> text="Profile"');
  await page.click('[data-testid=member-activity] summary');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity-8004]');
  assert.equal(await page.locator('[data-testid=member-activity] [data-testid=compose] label[for^=compose-]').innerText(), 'Post a status');
  await page.fill('[data-testid=member-activity] [data-testid=compose-text]', 'Posted from my profile.');
  await page.click('[data-testid=member-activity] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=member-activity] [data-testid=activity-8007]');
  assert.deepEqual(await ids(page), ['activity-8007', 'activity-8004', 'activity-8001']);
  assert.equal(await text(page, 8007, 'activity-post'), 'Posted from my profile.');
  assert.equal(await page.inputValue('[data-testid=member-activity] [data-testid=compose-text]'), '');
  assert.deepEqual(world.standIn.graphqlRequests().filter((r) => r.operationName === 'PostStatus').map((r) => r.body.variables), [{ text: 'Posted from my profile.' }]);
  assert.deepEqual(problemsBut(page), []);
});

test('the keys hint ("Ctrl+Enter sends") shows with a keyboard, not on a touch phone', async () => {
  for (const [touch, shown] of [[false, true], [true, false]]) {
    const page = await world.newPage(touch ? { touch, viewport: { width: 390, height: 844 } } : {});
    await signIn(world, page);
    await page.goto(`${world.app.url}activity`);
    await appReady(page);
    await page.waitForSelector('[data-testid=compose-text]');
    assert.equal(await page.locator('[data-testid=compose] >> text=Markdown works.').isVisible(), true);
    assert.equal(await page.locator('[data-testid=compose-keys]').isVisible(), shown, touch ? 'a touch phone' : 'a desktop');
    assert.deepEqual(problemsBut(page), []);
  }
});

test('messages on a member\'s page: those written to them (a private one only for its writer), written there, private or not; a lost answer read back, never resent; yours edited and deleted; one written to you deleted from your page', async () => {
  const sends = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'SendMessage');
  const readBacks = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'LatestMessages');
  const edits = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'EditMessage');
  const card = '[data-testid=member-activity]';
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/6001`);
  await appReady(page);
  await page.click(`${card} summary`);
  await page.waitForSelector(`${card} [data-testid=activity-8000]`);
  // Hana's page: your private message to her is there; Jun's private one is not.
  assert.deepEqual(await ids(page), ['activity-8006', 'activity-8003', 'activity-8002', 'activity-8000']);
  assert.equal(await text(page, 8000, 'activity-text'), 'Mitsuki wrote to Hana PRIVATE');
  assert.equal(await text(page, 8000, 'activity-post'), 'Thanks for the Bebop tip.');
  assert.equal(await page.getAttribute('[data-testid=activity-8000] [data-testid=activity-text] a:last-of-type', 'href'), '/user/6001');
  // Written to her, not private: on top, as AniList shows it; previewed first.
  const box = `${card} [data-testid=compose-text]`;
  await page.fill(box, 'See you at the __screening__.');
  await page.click(`${card} [data-testid=preview-open]`);
  await page.waitForSelector(`${card} [data-testid=preview-body] strong >> text=screening`);
  assert.equal(sends().length, 0, 'a preview sends nothing');
  await page.fill(box, 'See you at the <screening>.');
  await page.click(`${card} [data-testid=compose-send]`);
  await page.waitForSelector('[data-testid=activity-8007]');
  assert.deepEqual((await ids(page)).slice(0, 2), ['activity-8007', 'activity-8006']);
  assert.equal(await text(page, 8007, 'activity-text'), 'Mitsuki wrote to Hana');
  assert.equal(await text(page, 8007, 'activity-post'), 'See you at the <screening>.');
  assert.deepEqual(sends().map((r) => r.body.variables), [{ recipientId: 6001, message: 'See you at the <screening>.', private: false }]);
  assert.equal(await page.inputValue(box), '');
  // Private, its answer lost after AniList made it: read back, shown, not sent twice.
  world.standIn.fault({ kind: 'drop-after', operation: 'SendMessage' });
  await page.check(`${card} [data-testid=message-private]`);
  await page.fill(box, 'Between the two of us.');
  await page.focus(box);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=activity-8008]');
  assert.equal(await text(page, 8008, 'activity-text'), 'Mitsuki wrote to Hana PRIVATE');
  assert.equal(sends().length, 2, 'sent once');
  assert.deepEqual(sends()[1].body.variables, { recipientId: 6001, message: 'Between the two of us.', private: true });
  assert.deepEqual(readBacks().map((r) => r.body.variables), [{ userId: 6001, messengerId: 5150 }]);
  assert.equal(world.standIn.data.activities.filter((a) => a.type === 'MESSAGE' && a.messengerId === 5150).length, 3);
  assert.equal(await page.isChecked(`${card} [data-testid=message-private]`), false, 'the next one starts public');
  // Yours can be edited in place: its privacy and recipient go with it, unchanged.
  const row = '[data-testid=activity-8000]';
  await page.click(`${row} [data-testid=edit-mine]`);
  assert.equal(await page.inputValue(`${row} [data-testid=compose-text]`), 'Thanks for the Bebop tip.');
  world.standIn.fault({ kind: 'drop-after', operation: 'EditMessage' });
  await page.fill(`${row} [data-testid=compose-text]`, 'Thanks for the Bebop tip, really.');
  await page.click(`${row} [data-testid=compose-send]`);
  await page.waitForSelector(`${row} [data-testid=compose-text]`, { state: 'detached' });
  assert.equal(await text(page, 8000, 'activity-post'), 'Thanks for the Bebop tip, really.');
  const edited = { id: 8000, recipientId: 6001, message: 'Thanks for the Bebop tip, really.', private: true };
  assert.deepEqual(edits().map((r) => r.body.variables), [edited, edited], 'it sets the whole text: a lost answer sent once more');
  assert.equal(world.standIn.data.activities.find((a) => a.id === 8000).isPrivate, true);
  // And deleted.
  await page.click('[data-testid=activity-8007] [data-testid=delete-mine]');
  assert.match(await page.innerText('[data-testid=activity-8007] [role=alert]'), /Delete this message from AniList\?/);
  await page.click('[data-testid=activity-8007] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=activity-8007]', { state: 'detached' });
  assert.deepEqual(world.standIn.graphqlRequests().filter((r) => r.operationName === 'DeletePost').map((r) => r.body.variables), [{ id: 8007 }]);
  // A reload reads it all from AniList.
  await page.reload();
  await appReady(page);
  await page.click(`${card} summary`);
  await page.waitForSelector('[data-testid=activity-8008]');
  assert.deepEqual(await ids(page), ['activity-8008', 'activity-8006', 'activity-8003', 'activity-8002', 'activity-8000']);
  // Jun's message on Hana's page: neither yours to edit nor to delete.
  world.standIn.data.activities.find((a) => a.id === 7999).isPrivate = false;
  await page.click('[data-testid=activity-reload]');
  await page.waitForSelector('[data-testid=activity-7999]');
  assert.equal(await page.locator('[data-testid=activity-7999] [data-testid=edit-mine], [data-testid=activity-7999] [data-testid=delete-mine]').count(), 0);
  // On your profile, what Hana wrote to you: yours to delete, not to edit.
  await page.click('nav.site-nav >> text="Profile"');
  await page.click(`${card} summary`);
  await page.waitForSelector('[data-testid=activity-8001]');
  assert.equal(await text(page, 8001, 'activity-text'), 'Hana wrote to Mitsuki');
  assert.equal(await text(page, 8001, 'activity-post'), 'Hi! Welcome to AniList.');
  assert.equal(await page.locator('[data-testid=activity-8001] [data-testid=edit-mine]').count(), 0);
  await page.click('[data-testid=activity-8001] [data-testid=delete-mine]');
  await page.click('[data-testid=activity-8001] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=activity-8001]', { state: 'detached' });
  assert.equal(world.standIn.data.activities.some((a) => a.id === 8001), false);
  assert.deepEqual(problemsBut(page).filter((p) => !/Failed to fetch|ERR_/.test(p)), []);
});

test('one activity on its own page, where a notification and its time lead: replies open, a reply; deleted, it says so; one not there or private says so; signed out', async () => {
  const items = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ActivityItem');
  const page = await world.newPage();
  await signIn(world, page);
  // From a notification ("Hana liked your activity"): your list update, no replies yet.
  await page.goto(`${world.app.url}notifications`);
  await appReady(page);
  await page.click('[data-testid=notification-503] [data-testid=notification-activity]');
  await page.waitForSelector('[data-testid=activity-8004]');
  assert.match(new URL(page.url()).pathname, /\/activity\/8004$/);
  assert.deepEqual(items().map((r) => r.body.variables), [{ id: 8004 }]);
  assert.equal(await text(page, 8004, 'activity-text'), 'Mitsuki Completed Fullmetal Alchemist: Brotherhood');
  assert.equal(await page.title(), 'Mitsuki\'s activity · Tsuzuki for AniList');
  assert.equal(await page.getAttribute('[data-testid=activity-8004] [data-testid=replies-toggle]', 'aria-expanded'), 'true', 'its replies open');
  assert.equal(await page.locator('[data-testid=activity-8004] >> text=No replies yet.').count(), 1);
  // From the feed: an activity's time leads to its page, its replies read and shown.
  await page.click('nav.site-nav >> text="Activity"');
  await page.waitForSelector('[data-testid=activity-8006]');
  await page.click('[data-testid=activity-8006] .activity__when');
  await page.waitForSelector('[data-testid=activity-8006] [data-testid=reply-90001]');
  assert.match(new URL(page.url()).pathname, /\/activity\/8006$/);
  await page.fill('[data-testid=activity-8006] [data-testid=compose-text]', 'Agreed.');
  await page.click('[data-testid=activity-8006] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8006] [data-testid=reply-90004]');
  assert.match(await page.innerText('[data-testid=activity-8006] [data-testid=replies-toggle]'), /2 replies/);
  // Your own post on its page, deleted: it says so.
  await page.goBack();
  await page.waitForSelector('[data-testid=activity-8006]');
  await page.fill('[data-testid=compose-text]', 'A post to delete.');
  await page.click('[data-testid=compose-send]');
  await page.waitForSelector('[data-testid=activity-8007]');
  await page.click('[data-testid=activity-8007] .activity__when');
  await page.waitForSelector('[data-testid=activity-8007] [data-testid=delete-mine]');
  await page.click('[data-testid=activity-8007] [data-testid=delete-mine]');
  await page.click('[data-testid=activity-8007] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('text=It is no longer on AniList.');
  // Gone, or never there, or private to others: said so, not an error.
  for (const id of [8007, 99999, 7999]) {
    await page.goto(`${world.app.url}activity/${id}`);
    await appReady(page);
    await page.waitForSelector('[data-testid=activity-not-found]');
  }
  await page.goto(`${world.app.url}activity/abc`);
  await appReady(page);
  await page.waitForSelector('text=This address does not name an activity.');
  // Signed out: a public one is there to read, without a box to reply in.
  await signOut(page);
  await page.goto(`${world.app.url}activity/8005`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8005] [data-testid=reply-90002]');
  assert.equal(items().at(-1).authorization, null);
  assert.equal(await page.locator('[data-testid=compose]').count(), 0);
  assert.deepEqual(problemsBut(page).filter((p) => !/404|Failed to fetch|ERR_/.test(p)), []);
});

test('subscribing to an activity\'s replies: on and off, as AniList holds it over a reload; a lost answer sent once more (it sets the state); signed out, none', async () => {
  const sent = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Subscribe');
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}activity`);
  await appReady(page);
  const button = '[data-testid=activity-8006] [data-testid=subscribe]';
  await page.waitForSelector(button);
  assert.equal(await page.getAttribute(button, 'aria-pressed'), 'false');
  await page.click(button);
  await page.waitForSelector(`${button}[aria-pressed=true]`);
  assert.equal(await page.innerText(button), 'Subscribed');
  assert.ok(world.standIn.data.subscriptions.has('5150>8006'));
  // Its answer lost after AniList applied it: sent once more, the same state.
  world.standIn.fault({ kind: 'drop-after', operation: 'Subscribe' });
  await page.click(button);
  await page.waitForSelector(`${button}[aria-pressed=false]`);
  assert.deepEqual(sent().map((r) => r.body.variables), [
    { activityId: 8006, subscribe: true }, { activityId: 8006, subscribe: false }, { activityId: 8006, subscribe: false }]);
  assert.equal(world.standIn.data.subscriptions.has('5150>8006'), false);
  await page.click(button);
  await page.waitForSelector(`${button}[aria-pressed=true]`);
  await page.reload();
  await appReady(page);
  await page.waitForSelector(`${button}[aria-pressed=true]`);
  // Signed out: nothing to subscribe with.
  await signOut(page);
  await page.goto(`${world.app.url}activity/8006`);
  await appReady(page);
  await page.waitForSelector('[data-testid=activity-8006]');
  assert.equal(await page.locator('[data-testid=subscribe]').count(), 0);
  assert.deepEqual(problemsBut(page).filter((p) => !/Failed to fetch|ERR_/.test(p)), []);
});
