// Reviews, against the stand-in: a title's best-rated reviews in its one
// request, the rest 25 at a time; a review's page (the text through the
// allowlist, nothing of it run), the person's say on it (helpful, not
// helpful, taken back; read back when the answer is lost; a refusal says
// why), and reading signed out.

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
// Problems but those the hostile markup is expected to cause (harness.mjs).
const problems = problemsBut;
const rows = (page) => page.locator('[data-testid=reviews] [data-testid=review-row] a').allInnerTexts();
const helpful = (page) => page.textContent('[data-testid=review-helpful]');
const vote = () => world.standIn.data.reviewVotes.get(`${VIEWER_ID}>7001`) ?? null;

test('a title\'s reviews: the three best rated in its one request, then all 25 at a time; each leads to its page', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=reviews]');
  assert.deepEqual(await rows(page), ['The best space western there is.', 'Style over story.', 'Session by session.']);
  assert.equal(requests('TitlePage').length, 1);
  assert.equal(requests('TitleCast').length, 0);
  const first = (await page.locator('[data-testid=review-row]').first().innerText()).replace(/\s+/g, ' ');
  assert.match(first, /95\/100 · 120 of 131 found it helpful · by Hana/);
  await page.click('[data-testid=reviews] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=reviews] [data-testid=review-row]').length === 4);
  assert.deepEqual((await rows(page)).slice(3), ['Slow, then unforgettable.']);
  await page.waitForSelector('[data-testid=reviews] [data-testid=load-more]', { state: 'detached' });
  assert.deepEqual(requests('TitleCast').map((r) => r.body.variables), [{ id: 1, page: 1, characters: false, staff: false, reviews: true }]);
  // A title no one reviewed has no section.
  await page.goto(`${world.app.url}anime/5114`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  assert.equal(await page.locator('[data-testid=reviews]').count(), 0);
  // The review's page, from the title's.
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.click('[data-testid=reviews] >> text=The best space western there is.');
  await page.waitForSelector('[data-testid=review-body]');
  assert.equal(new URL(page.url()).pathname, '/review/7001');
  assert.equal(await page.title(), 'Review of Cowboy Bebop · Tsuzuki for AniList');
  assert.equal(await page.textContent('[data-testid=review-summary]'), 'The best space western there is.');
  assert.equal((await page.textContent('[data-testid=review-score]')).trim(), '95/100');
  assert.equal(await page.textContent('[data-testid=review-body] strong'), 'jazz');
  // The spoiler stays folded until asked.
  assert.equal(await page.locator('[data-testid=review-body] details.spoiler:not([open])').count(), 1);
  assert.equal(await page.locator('[data-testid=review] .person__name').innerText(), 'Hana');
  assert.equal(await page.getAttribute('[data-testid=review] a.person', 'href'), '/user/6001');
  assert.equal(await page.getAttribute('.tile__link', 'href'), '/anime/1');
  // A say on it: back on the title's page (kept, not asked again), the
  // review's counts are AniList's new ones.
  const asked = requests('TitlePage').length;
  await page.click('[data-testid=review-up]');
  await page.waitForSelector('[data-testid=review-up][aria-pressed=true]');
  await page.goBack();
  await page.waitForSelector('[data-testid=reviews]');
  assert.match((await page.locator('[data-testid=review-row]').first().innerText()).replace(/\s+/g, ' '), /121 of 132 found it helpful/);
  assert.equal(requests('TitlePage').length, asked, 'the kept title, not a new request');
  assert.deepEqual(problems(page), []);
});

test('helpful, then not helpful, then taken back: each sent once, the counts AniList\'s', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}review/7001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=review-up][aria-pressed=false]');
  assert.equal(await helpful(page), '120 of 131 found it helpful');
  await page.click('[data-testid=review-up]');
  await page.waitForSelector('[data-testid=review-up][aria-pressed=true]');
  assert.equal(await helpful(page), '121 of 132 found it helpful');
  assert.equal(vote(), 'UP_VOTE');
  await page.click('[data-testid=review-down]');
  await page.waitForSelector('[data-testid=review-down][aria-pressed=true]');
  assert.equal(await page.getAttribute('[data-testid=review-up]', 'aria-pressed'), 'false');
  assert.equal(await helpful(page), '120 of 132 found it helpful');
  // Pressed again: taken back.
  await page.click('[data-testid=review-down]');
  await page.waitForSelector('[data-testid=review-down][aria-pressed=false]');
  assert.equal(await helpful(page), '120 of 131 found it helpful');
  assert.equal(vote(), null);
  assert.deepEqual(requests('RateReview').map((r) => r.body.variables), [
    { id: 7001, rating: 'UP_VOTE' }, { id: 7001, rating: 'DOWN_VOTE' }, { id: 7001, rating: 'NO_VOTE' },
  ]);
  // The say is AniList's after a reload too.
  await page.click('[data-testid=review-up]');
  await page.waitForSelector('[data-testid=review-up][aria-pressed=true]');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=review-up][aria-pressed=true]');
  assert.deepEqual(problems(page), []);
});

test('a say whose answer is lost is read back, never sent twice; a refused one says why and changes nothing', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}review/7001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=review-up][aria-pressed=false]');
  world.standIn.fault({ kind: 'drop-after', operation: 'RateReview' });
  await page.click('[data-testid=review-up]');
  await page.waitForSelector('[data-testid=review-up][aria-pressed=true]');
  assert.equal(await helpful(page), '121 of 132 found it helpful');
  assert.equal(requests('RateReview').length, 1, 'never sent twice');
  assert.equal(vote(), 'UP_VOTE');
  assert.equal(await page.locator('[data-testid=review-vote-error]').count(), 0);
  // Refused: the error, and the say as it was.
  world.standIn.fault({ kind: '500', operation: 'RateReview' });
  await page.click('[data-testid=review-down]');
  await page.waitForSelector('[data-testid=review-vote-error]');
  assert.equal(await page.getAttribute('[data-testid=review-up]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-testid=review-down]', 'aria-pressed'), 'false');
  assert.equal(vote(), 'UP_VOTE');
  assert.equal(await page.isEnabled('[data-testid=review-down]'), true);
  assert.deepEqual(problems(page).filter((p) => !/500/.test(p)), []);
});

test('signed out: the review reads, with no say; its hostile markup is shown as nothing, and nothing of it runs', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}review/7002`);
  await appReady(page);
  await page.waitForSelector('[data-testid=review-body]');
  assert.equal(await page.textContent('[data-testid=review-heading]'), 'Review of Cowboy Bebop');
  assert.equal(await helpful(page), '40 of 90 found it helpful');
  assert.equal(await page.locator('[data-testid=review-up], [data-testid=review-down]').count(), 0);
  assert.equal(await page.locator('[data-testid=review-body] img, [data-testid=review-body] script').count(), 0);
  assert.equal(await page.locator('[data-testid=review-body] a[href^="javascript:"]').count(), 0);
  assert.match(await page.textContent('[data-testid=review-body]'), /Looks great\./);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.equal(requests('ReviewPage')[0].authorization, null, 'no token signed out');
  // No such review: AniList's 404 on screen, not a dead page.
  await page.goto(`${world.app.url}review/9999`);
  await appReady(page);
  await page.waitForSelector('.api-error');
  assert.match(await page.textContent('.api-error'), /not found/i);
  await page.goto(`${world.app.url}review/abc`);
  await appReady(page);
  await page.waitForSelector('text=No such review');
  assert.deepEqual(problems(page), []);
});

test('a member\'s page lists the reviews they wrote, newest first, in the page\'s one request; the person\'s own on their profile, with no say on it; none, no card', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/6001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=written-reviews]');
  assert.deepEqual(await page.locator('[data-testid=written-reviews] [data-testid=review-row] a').allInnerTexts(), ['The best space western there is.', 'Session by session.']);
  assert.match((await page.locator('[data-testid=written-reviews] [data-testid=review-row]').first().innerText()).replace(/\s+/g, ' '), /Cowboy Bebop · 95\/100 · 120 of 131 found it helpful/);
  assert.equal(requests('UserPage').length, 1);
  await page.click('[data-testid=written-reviews] >> text=Session by session.');
  await page.waitForSelector('[data-testid=review-summary] >> text=Session by session.');
  assert.equal(new URL(page.url()).pathname, '/review/7003');
  // The person's own, on their profile: no say on it.
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=written-reviews]');
  assert.deepEqual(await page.locator('[data-testid=written-reviews] [data-testid=review-row] a').allInnerTexts(), ['Guts, and then some.']);
  await page.click('[data-testid=written-reviews] >> text=Guts, and then some.');
  await page.waitForSelector('[data-testid=review-own]');
  assert.equal(await page.locator('[data-testid=review-up], [data-testid=review-down]').count(), 0);
  assert.equal(await helpful(page), '4 of 5 found it helpful');
  // Someone who wrote none: no card.
  world.standIn.data.reviews = world.standIn.data.reviews.filter((r) => r.userId !== 6001);
  await page.goto(`${world.app.url}user/6001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=profile-name] >> text=Hana');
  assert.equal(await page.locator('[data-testid=written-reviews]').count(), 0);
  assert.deepEqual(problems(page), []);
});

test('a member who wrote more than ten: the rest ten at a time, newest first, none twice when one is written meanwhile; a failed page can be tried again', async () => {
  const at = 1764000000;
  // Jun wrote 23 more reviews, one a day, of the Star of Miracles titles
  // (after his two of Cowboy Bebop: 25 in all).
  for (let i = 0; i < 23; i++) {
    world.standIn.data.reviews.push({ id: 7100 + i, userId: 6002, mediaId: 90001 + i, score: 70, rating: 1, ratingAmount: 2, createdAt: at + (23 - i) * 86400, updatedAt: at, summary: `Star of Miracles, part ${i + 1}, reviewed.`, body: '<p>Fine.</p>' });
  }
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}user/6002`);
  await appReady(page);
  const written = page.locator('[data-testid=written-reviews] [data-testid=review-row] a');
  await page.waitForSelector('[data-testid=written-reviews]');
  assert.equal(await written.count(), 10);
  assert.equal(await written.first().innerText(), 'Star of Miracles, part 1, reviewed.');
  // A new one, written before the next page is read, moves every review
  // down by one: the page's first is one already shown.
  world.standIn.data.reviews.push({ id: 7200, userId: 6002, mediaId: 1, score: 50, rating: 0, ratingAmount: 0, createdAt: at + 100 * 86400, updatedAt: at, summary: 'Written in between.', body: '<p>New.</p>' });
  const more = page.locator('[data-testid=written-reviews-more] [data-testid=load-more]');
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=written-reviews] [data-testid=review-row]').length === 19);
  assert.equal(requests('MemberReviews').length, 1);
  assert.deepEqual(requests('MemberReviews')[0].body.variables, { id: 6002, page: 2 });
  // The third page fails once: the button stays, with the reason.
  world.standIn.fault({ kind: '500', operation: 'MemberReviews' });
  await more.click();
  await page.waitForSelector('[data-testid=written-reviews-more] [data-testid=api-error]');
  assert.equal(await written.count(), 19);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=written-reviews] [data-testid=review-row]').length === 25);
  await page.waitForSelector('[data-testid=written-reviews-more] [data-testid=load-more]', { state: 'detached' });
  const all = await written.allInnerTexts();
  assert.equal(new Set(all).size, 25, 'none twice');
  assert.deepEqual(all.slice(-3), ['Star of Miracles, part 23, reviewed.', 'Style over story.', 'Slow, then unforgettable.']);
  assert.equal(all.includes('Written in between.'), false, 'a review newer than the first page waits for a reload');
  assert.deepEqual(problems(page), []);
});
