// Notifications: the header's bell with the unread count (asked of
// AniList, cleared once they are read), the page with each kind as a
// sentence in AniList's words, links to titles and people, "New" on the
// unread ones, +1 on an aired episode being watched, "Load more", the
// error with "Try again", the empty state, and nothing from AniList run.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, waitFor } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const asked = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
const note = (id) => `[data-testid=notification-${id}]`;

async function signedIn() {
  const page = await world.newPage();
  await signIn(world, page);
  return page;
}

test('the bell says how many are unread; the page shows each kind in AniList\'s words, marks the unread ones new, and reading them clears the count', async () => {
  // Markup in what AniList sends stays text.
  world.standIn.data.notifications.find((n) => n.id === 504).deletedMediaTitle = '<img src=x onerror="window.__pwned=30">Gone';
  const page = await signedIn();
  const bell = '[data-testid=notifications-link]';
  await page.waitForSelector(`${bell} [data-testid=unread-count] >> text="2"`);
  assert.equal(await page.getAttribute(bell, 'aria-label'), 'Notifications: 2 unread');
  await page.click(bell);
  await page.waitForSelector('[data-testid=notifications]');
  assert.equal(new URL(page.url()).pathname, '/notifications');
  const texts = await page.locator('[data-testid=notification-text]').allTextContents();
  assert.deepEqual(texts.map((t) => t.replace(/\s+/g, ' ').trim()), [
    'New Episode 13 of Cowboy Bebop aired.',
    'New Hana started following you.',
    'Hana liked your activity.',
    '<img src=x onerror="window.__pwned=30">Gone was deleted from the site.',
  ]);
  // Links: the title, the member and the activity in the app.
  assert.equal(await page.getAttribute(`${note(501)} [data-testid=notification-text] a`, 'href'), '/anime/1');
  // A member is a link to their page in the app.
  assert.equal(await page.getAttribute(`${note(502)} [data-testid=notification-text] a`, 'href'), '/user/6001');
  assert.equal(await page.getAttribute(`${note(503)} [data-testid=notification-activity]`, 'href'), '/activity/8004', 'the activity on its page in the app');
  assert.match(await page.textContent(note(504)), /Reason: A duplicate\./);
  // A person's avatar is drawn round, a title's cover is not.
  assert.equal(await page.locator(`${note(502)} img.note__image--person`).count(), 1);
  assert.equal(await page.locator(`${note(501)} img.note__image--person`).count(), 0);
  assert.equal(await page.locator(`${note(504)} [data-testid=notification-text] img`).count(), 0, 'markup in a title stays text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.textContent(`${note(502)} time`), /2 hours ago/);
  // Read on AniList (the page asked with resetNotificationCount), and the bell agrees.
  const read = asked('Notifications');
  assert.equal(read.length, 1);
  assert.match(read[0].body.query, /resetNotificationCount: \$reset/);
  assert.match(read[0].body.query, /\$reset: Boolean = true/);
  assert.deepEqual(read[0].body.variables, { page: 1 });
  assert.equal(world.standIn.data.viewer.unreadNotificationCount, 0);
  await page.waitForSelector(`${bell} [data-testid=unread-count]`, { state: 'detached' });
  assert.equal(await page.getAttribute(bell, 'aria-label'), 'Notifications');
  assert.equal(await page.getAttribute(bell, 'aria-current'), 'page');
  // A reload: nothing is new any more.
  await page.reload();
  await page.waitForSelector('[data-testid=notifications]');
  assert.equal(await page.locator('.note--new').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('opened directly before the bell knows the count: the unread ones are still marked New, with one request for the count', async () => {
  const page = await signedIn();
  await page.waitForSelector('[data-testid=unread-count] >> text="2"');
  // As in a new tab: no count kept yet.
  await page.evaluate(() => sessionStorage.removeItem('tsuzuki.unread.v1'));
  const before = asked('Unread').length;
  await page.goto(`${world.app.url}notifications`);
  await page.waitForSelector('[data-testid=notifications]');
  assert.equal(await page.locator('.note--new').count(), 2);
  assert.equal(asked('Unread').length, before + 1, 'the bell and the page share one request');
  assert.equal(world.standIn.data.viewer.unreadNotificationCount, 0);
  assert.deepEqual(page.problems, []);
});

test('a count asked just before the page read them, answered after, does not bring the old count back', async () => {
  const page = await signedIn();
  await page.waitForSelector('[data-testid=unread-count] >> text="2"');
  // Six minutes on: the bell asks again when the tab is shown; its answer
  // (2, counted before the read) comes late.
  await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 6 * 60_000; });
  world.standIn.fault({ kind: 'slow-after', delayMs: 1500, operation: 'Unread' });
  const before = asked('Unread').length;
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await waitFor(() => asked('Unread').length === before + 1);
  await page.click('[data-testid=notifications-link]');
  await page.waitForSelector('[data-testid=notifications] .note--new');
  await page.waitForSelector('[data-testid=unread-count]', { state: 'detached' });
  // The late answer has come.
  await waitFor(() => asked('Unread').at(-1).answered === 200);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=unread-count]').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('two tabs: the other tab asks nothing within 5 minutes, and reading them in one clears the bell in both', async () => {
  const a = await signedIn();
  await a.waitForSelector('[data-testid=unread-count] >> text="2"');
  const b = await a.context().newPage();
  b.problems = [];
  b.on('pageerror', (err) => b.problems.push(`page error: ${err.message}`));
  await b.goto(world.app.url);
  // Each tab asks for itself once (the count is kept for its tab).
  await b.waitForSelector('[data-testid=unread-count] >> text="2"');
  assert.equal(asked('Unread').length, 2);
  await b.click('[data-testid=notifications-link]');
  await b.waitForSelector('[data-testid=notifications]');
  await b.waitForSelector('[data-testid=unread-count]', { state: 'detached' });
  await a.waitForSelector('[data-testid=unread-count]', { state: 'detached' });
  assert.equal(await a.getAttribute('[data-testid=notifications-link]', 'aria-label'), 'Notifications');
  // A reload of the first tab within 5 minutes asks nothing and shows none.
  await a.reload();
  await a.waitForSelector('[data-testid=notifications-link]');
  await a.waitForTimeout(300);
  assert.equal(await a.locator('[data-testid=unread-count]').count(), 0);
  assert.equal(asked('Unread').length, 2);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('an aired episode of a title being watched has +1 right there, saved like any edit', async () => {
  const page = await signedIn();
  await page.click('[data-testid=notifications-link]');
  const step = `${note(501)} [data-testid=plus-one]`;
  await page.waitForSelector(step);
  assert.match(await page.textContent(`${note(501)} .entry__progress`), /^12 \/ 26/);
  // Not being watched: no +1 (Hana's follow has no title).
  assert.equal(await page.locator(`${note(502)} [data-testid=plus-one]`).count(), 0);
  await page.focus(step);
  await page.keyboard.press('Enter');
  await waitFor(() => world.standIn.data.entries.find((e) => e.id === 700001).progress === 13);
  assert.match(await page.textContent(`${note(501)} .entry__progress`), /^13 \/ 26/);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'plus-one', 'the + keeps the focus');
  assert.deepEqual(page.problems, []);
});

test('more than a page: "Load more" brings the older ones', async () => {
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < 60; i++) {
    world.standIn.data.notifications.push({ __typename: 'ActivityLikeNotification', id: 1000 + i, type: 'ACTIVITY_LIKE', userId: 6001, activityId: 2000 + i, context: ' liked your activity.', createdAt: now - 100000 - i * 60 });
  }
  const page = await signedIn();
  await page.click('[data-testid=notifications-link]');
  await page.waitForSelector('[data-testid=notifications]');
  assert.equal(await page.locator('.note').count(), 50);
  await page.click('[data-testid=load-more]');
  await waitFor(async () => (await page.locator('.note').count()) === 64);
  assert.equal(await page.locator('[data-testid=load-more]').count(), 0, 'no more to load');
  assert.deepEqual(asked('Notifications').map((r) => r.body.variables.page), [1, 2]);
  assert.deepEqual(page.problems, []);
});

test('AniList failing: the error and "Try again"; none at all: the empty state; signed out: a sign-in, and nothing asked', async () => {
  const page = await signedIn();
  world.standIn.fault({ kind: '500', operation: 'Notifications' });
  await page.click('[data-testid=notifications-link]');
  await page.waitForSelector('[data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=api-error]'), /HTTP 500/);
  assert.equal(world.standIn.data.viewer.unreadNotificationCount, 2, 'not read');
  await page.waitForSelector('[data-testid=unread-count] >> text="2"');
  world.standIn.data.notifications = [];
  await page.click('[data-testid=retry]');
  await page.waitForSelector('text=No notifications');
  await page.waitForSelector('[data-testid=unread-count]', { state: 'detached' });

  const out = await world.newPage();
  const before = world.standIn.graphqlRequests().length;
  await out.goto(`${world.app.url}notifications`);
  await out.waitForSelector('text=Sign in to see your notifications');
  assert.equal(await out.locator('[data-testid=notifications-link]').count(), 0, 'no bell signed out');
  await out.waitForTimeout(300);
  assert.equal(world.standIn.graphqlRequests().length, before);
  assert.deepEqual(out.problems, []);
});

test('one kind at a time, as anilist.co filters them: asked of AniList by type, in the address, left unread; All then marks them read and new', async () => {
  const page = await signedIn();
  const bell = '[data-testid=notifications-link]';
  await page.waitForSelector(`${bell} [data-testid=unread-count] >> text="2"`);
  const texts = async () => (await page.locator('[data-testid=notification-text]').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  await page.goto(`${world.app.url}notifications?show=follows`);
  await appReady(page);
  await page.waitForSelector('[data-testid=notifications]');
  assert.deepEqual(await texts(), ['Hana started following you.'], 'none marked New: which are is not known for one kind');
  assert.deepEqual(asked('Notifications').at(-1).body.variables, { page: 1, types: ['FOLLOWING'], reset: false });
  assert.equal(world.standIn.data.viewer.unreadNotificationCount, 2, 'left unread on AniList');
  assert.equal(await page.isVisible('[data-testid=notifications-unread-kept]'), true);
  assert.equal(await page.getAttribute('[data-testid=notification-kinds] a[aria-current=page]', 'href'), '/notifications?show=follows');
  await page.click('[data-testid=notification-kinds] >> text=Airing');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('show') === 'airing');
  await waitFor(async () => (await texts()).join() === 'Episode 13 of Cowboy Bebop aired.');
  assert.deepEqual(asked('Notifications').at(-1).body.variables, { page: 1, types: ['AIRING'], reset: false });
  await page.click('[data-testid=notification-kinds] >> text=Forum');
  await page.waitForSelector('text=No notifications of this kind.');
  // All: every kind, the unread ones New, and read on AniList.
  await page.click('[data-testid=notification-kinds] >> text=All');
  await waitFor(async () => (await texts()).length === 4);
  assert.deepEqual((await texts()).slice(0, 3), ['New Episode 13 of Cowboy Bebop aired.', 'New Hana started following you.', 'Hana liked your activity.']);
  assert.deepEqual(asked('Notifications').at(-1).body.variables, { page: 1 });
  assert.equal(world.standIn.data.viewer.unreadNotificationCount, 0);
  await page.waitForSelector(`${bell} [data-testid=unread-count]`, { state: 'detached' });
  assert.equal(await page.locator('[data-testid=notifications-unread-kept]').count(), 0);
  // A kind the app does not know in the address: all of them.
  await page.goto(`${world.app.url}notifications?show=everything`);
  await appReady(page);
  await waitFor(async () => (await texts()).length === 4);
  assert.deepEqual(page.problems, []);
});

test('a forum notification leads to the thread\'s page in the app, the comment it is about first', async () => {
  world.standIn.data.notifications.unshift({ __typename: 'ThreadCommentReplyNotification', id: 505, type: 'THREAD_COMMENT_REPLY', userId: 6001, threadId: 9001, commentId: 50002, context: ' replied to your comment, in the forum thread ', createdAt: Math.floor(Date.now() / 1000) - 60 });
  const page = await signedIn();
  await page.goto(`${world.app.url}notifications`);
  await appReady(page);
  await page.waitForSelector(note(505));
  assert.equal((await page.textContent(`${note(505)} [data-testid=notification-text]`)).replace(/\s+/g, ' ').trim(), 'New Hana replied to your comment, in the forum thread Rewatch club: week 1');
  const link = `${note(505)} [data-testid=notification-text] a >> text=Rewatch club: week 1`;
  assert.equal(await page.getAttribute(link, 'href'), '/thread/9001?comment=50002', 'at the comment it is about');
  await page.click(link);
  await page.waitForSelector('[data-testid=thread-title] >> text=Rewatch club: week 1');
  // That comment first, read by its id, with its answers.
  const focus = page.locator('[data-testid=thread-focus] [data-testid=comment][data-id="50002"]');
  await focus.waitFor();
  assert.equal(await focus.locator(':scope > [data-testid=comment-text]').innerText(), 'Yes! Blues it is.');
  await focus.locator(':scope > .comment__foot [data-testid=comment-answers]').click();
  await focus.locator('[data-testid=answers] [data-testid=comment-text] >> text=Agreed.').waitFor();
  assert.deepEqual(asked('Answers').map((r) => r.body.variables), [{ a0: 50002, i0: true }, { a0: 50003, i0: true }]);
  // A comment of the thread's first page: first, and not twice (its place says so).
  await page.goto(`${world.app.url}thread/9001?comment=50001`);
  await appReady(page);
  await page.locator('[data-testid=thread-focus] [data-testid=comment][data-id="50001"]').waitFor();
  assert.match(await page.locator('[data-testid=thread-comments] [data-testid=comment-shown-above]').innerText(), /shown above/);
  assert.equal(await page.locator('[data-testid=comment][data-id="50001"]').count(), 1);
  // One AniList no longer has says so; the thread reads all the same.
  await page.goto(`${world.app.url}thread/9001?comment=99999`);
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-focus-gone]');
  assert.equal(await page.locator('[data-testid=thread-comments] [data-testid=comment]').count(), 25);
});
