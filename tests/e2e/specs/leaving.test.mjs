// "Load more", then leaving the page before its answer comes: the answer
// lands on a page that is gone. On each page read 25 at a time (search,
// notifications, a staff member's roles, a title's reviews, a studio's
// titles, the activity feed, a member's lists), against the stand-in with the next page slowed down: no page error
// (a trap in wasm would kill the app), and the page works again on coming
// back.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, problemsBut, waitFor } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const asked = (operation) => world.standIn.graphqlRequests().filter((r) => r.operationName === operation).length;

/**
 * Opens `path`, waits for `shown`, presses `more` (Load more) with the
 * next `operation` answered a second late, leaves for Airing as soon as it
 * is asked, waits past the answer, comes back (history) and presses it
 * again: the next page comes.
 */
async function leaveWhileLoading(page, { path, shown, more = '[data-testid=load-more]', operation, count }) {
  await page.goto(`${world.app.url}${path}`);
  await appReady(page);
  await page.waitForSelector(shown);
  await page.waitForSelector(more);
  const before = await page.locator(count).count();
  const n = asked(operation);
  world.standIn.fault({ kind: 'slow', operation, delayMs: 1000 });
  await page.click(more);
  await waitFor(() => asked(operation) === n + 1);
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector(shown, { state: 'detached' });
  await page.waitForTimeout(1800);
  assert.deepEqual(problemsBut(page), [], `${path}: after the answer came to a page that is gone`);
  await page.goBack();
  await page.waitForSelector(shown);
  await page.click(more);
  await waitFor(async () => (await page.locator(count).count()) > before);
  assert.deepEqual(problemsBut(page), [], `${path}: back, and Load more again`);
}

test('leaving while "Load more" reads: search, notifications, a staff member\'s roles, a title\'s reviews, a studio\'s titles, the activity feed, a member\'s lists', async () => {
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < 60; i++) {
    world.standIn.data.notifications.push({ __typename: 'ActivityLikeNotification', id: 1000 + i, type: 'ACTIVITY_LIKE', userId: 6001, activityId: 2000 + i, context: ' liked your activity.', createdAt: now - 100000 - i * 60 });
  }
  const page = await world.newPage();
  await signIn(world, page);
  await leaveWhileLoading(page, { path: 'search?q=star%20of&type=anime', shown: '[data-testid=results]', operation: 'Search', count: '.result' });
  await leaveWhileLoading(page, { path: 'notifications', shown: '[data-testid=notifications]', operation: 'Notifications', count: '[data-testid=notifications] .note' });
  await leaveWhileLoading(page, { path: 'staff/102', shown: '[data-testid=staff-roles]', operation: 'StaffPage', count: '[data-testid=staff-roles] .tile' });
  await leaveWhileLoading(page, { path: 'anime/1', shown: '[data-testid=reviews]', more: '[data-testid=reviews] [data-testid=load-more]', operation: 'TitleCast', count: '[data-testid=reviews] [data-testid=review-row]' });
  await leaveWhileLoading(page, { path: 'studio/14', shown: '[data-testid=studio-titles]', operation: 'StudioPage', count: '[data-testid=studio-titles] .tile' });
  world.standIn.maxPerPage = 2;
  await leaveWhileLoading(page, { path: 'activity', shown: '[data-testid=activity]', operation: 'ActivityFeed', count: '[data-testid=activity] > li' });
  await leaveWhileLoading(page, { path: 'user/6002', shown: '[data-testid=their-entries]', more: '[data-testid=their-lists] [data-testid=load-more]', operation: 'MemberList', count: '[data-testid=their-entries] .tile' });
});

test('typing a search, then leaving before the pause is over: no page error, nothing sent, the page left stays left; on a title\'s recommendations too', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}search`);
  await appReady(page);
  const n = asked('Search');
  await page.fill('[data-testid=search-input]', 'star of');
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=search-input]', { state: 'detached' });
  await page.waitForTimeout(900);
  assert.equal(new URL(page.url()).pathname, '/airing', 'the search put off did not take the person back');
  assert.equal(asked('Search'), n, 'nothing sent for a page that is gone');
  assert.deepEqual(problemsBut(page), [], 'search');
  // The same in the recommendation search on a title's page.
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.click('[data-testid=recommend-open]');
  await page.fill('[data-testid=recommend-input]', 'full');
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=recommend-input]', { state: 'detached' });
  await page.waitForTimeout(900);
  assert.equal(asked('Search'), n, 'nothing sent for a card that is gone');
  assert.deepEqual(problemsBut(page), [], 'recommendations');
});

test('leaving a thread while a comment is sent: no page error, AniList has it, the page left stays left, its draft gone', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  await page.fill('[data-testid=thread-compose] [data-testid=compose-text]', 'Sent on the way out.');
  world.standIn.fault({ kind: 'slow', operation: 'PostComment', delayMs: 1000 });
  await page.click('[data-testid=thread-compose] [data-testid=compose-send]');
  await waitFor(() => asked('PostComment') === 1);
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=thread-compose]', { state: 'detached' });
  await page.waitForTimeout(1800);
  assert.equal(new URL(page.url()).pathname, '/airing');
  assert.equal(world.standIn.data.threadComments.filter((c) => c.comment === 'Sent on the way out.').length, 1);
  // Back: the draft went once AniList had it (not there to post twice).
  await page.goBack();
  await page.waitForSelector('[data-testid=thread-compose] [data-testid=compose-text]');
  assert.equal(await page.inputValue('[data-testid=thread-compose] [data-testid=compose-text]'), '');
  assert.deepEqual(problemsBut(page), []);
});

test('leaving a thread while an answer is sent, its answer lost: no page error, AniList has it once, the page left stays left', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  const first = page.locator('[data-testid=comment][data-id="50001"]');
  await first.locator(':scope > .comment__foot [data-testid=comment-answer]').click();
  await first.locator('[data-testid=compose-text]').fill('Answered on the way out.');
  // Slow, then lost: the answer is looked for after the page is gone.
  world.standIn.fault({ kind: 'drop-after', operation: 'PostComment', delayMs: 1000 });
  await first.locator('[data-testid=compose-send]').click();
  await waitFor(() => asked('PostComment') === 1);
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=thread-comments]', { state: 'detached' });
  await waitFor(() => asked('Answers') === 2);
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).pathname, '/airing');
  assert.deepEqual(world.standIn.data.threadComments.filter((c) => c.comment === 'Answered on the way out.').map((c) => c.parentCommentId), [50001]);
  assert.equal(asked('PostComment'), 1, 'never sent again');
  assert.deepEqual(problemsBut(page), []);
});
