// Writing a review, against the stand-in: from a title's page, AniList's
// limits checked before anything is sent, posted (then its page), changed
// from its page (the markdown as written), deleted; the draft kept on the
// device through a reload and a refusal; a lost answer read back (new) or
// sent once more (a change); leaving mid-save loses nothing; signed out,
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
const problems = problemsBut;
const KEY = (media) => `tsuzuki.review-draft.v1.${VIEWER_ID}.${media}`;
const kept = (page, media) => page.evaluate((k) => localStorage.getItem(k), KEY(media));
const mine = (media) => world.standIn.data.reviews.find((r) => r.userId === VIEWER_ID && r.mediaId === media);
// 2,250 characters of markdown, the first words bold.
const BODY = `**Alchemy** has a price. ${'Equivalent exchange, then more. '.repeat(70)}`.trim();
const SUMMARY = 'Two brothers, one law, no shortcuts.';

async function fill(page, { summary = SUMMARY, score = '93', body = BODY } = {}) {
  await page.fill('[data-testid=review-summary-input]', summary);
  await page.fill('[data-testid=review-score-input]', score);
  await page.fill('[data-testid=review-body-input]', body);
}

async function openForm(page, kind, id) {
  await page.goto(`${world.app.url}${kind}/${id}/review`);
  await appReady(page);
  await page.waitForSelector('[data-testid=review-form]');
}

test('a new review from the title\'s page: the limits said before anything is sent, then posted, its page, and the title lists it', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/5114`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  assert.equal(await page.locator('[data-testid=reviews]').count(), 0, 'no reviews yet');
  await page.click('[data-testid=write-review]');
  await page.waitForSelector('[data-testid=review-form]');
  assert.equal(new URL(page.url()).pathname, '/anime/5114/review');
  assert.equal(await page.textContent('[data-testid=write-review-heading]'), 'Write a review of Fullmetal Alchemist: Brotherhood');
  assert.equal(await page.title(), 'Write a review of Fullmetal Alchemist: Brotherhood · Tsuzuki for AniList');
  assert.equal(await page.textContent('[data-testid=review-save]'), 'Post review');
  // Too short everywhere: each field says what it lacks; nothing is sent.
  await fill(page, { summary: 'Short.', score: '', body: 'Not yet.' });
  assert.equal(await page.textContent('[data-testid=review-body-count]'), '8 of at least 2,200 characters');
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-problems]');
  assert.equal(await page.textContent('[data-testid=review-summary-error]'), 'The summary needs at least 20 characters (6 so far).');
  assert.equal(await page.textContent('[data-testid=review-score-error]'), 'Give the title a score from 0 to 100.');
  assert.equal(await page.textContent('[data-testid=review-body-error]'), 'The review needs at least 2,200 characters (2,192 more).');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'review-summary', 'the first problem has the focus');
  assert.equal(await page.getAttribute('[data-testid=review-summary-input]', 'aria-invalid'), 'true');
  assert.equal(requests('SaveReview').length, 0);
  // Within the limits: posted, private, and its page.
  await fill(page);
  assert.equal(await page.textContent('[data-testid=review-body-count]'), `${BODY.length.toLocaleString('en')} characters`);
  assert.equal(await page.locator('[data-testid=review-problems]').count(), 0);
  await page.check('[data-testid=review-private-input]');
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-body]');
  const saved = mine(5114);
  assert.ok(saved, 'AniList has it');
  assert.equal(new URL(page.url()).pathname, `/review/${saved.id}`);
  assert.deepEqual(requests('SaveReview').map((r) => r.body.variables), [{ mediaId: 5114, body: BODY, summary: SUMMARY, score: 93, private: true }]);
  assert.equal(await page.textContent('[data-testid=review-summary]'), SUMMARY);
  assert.equal((await page.textContent('[data-testid=review-score]')).trim(), '93/100');
  assert.match(await page.textContent('[data-testid=review-private]'), /only you/);
  assert.equal(await page.textContent('[data-testid=review-own]'), 'Your review: members say whether it helped.');
  assert.equal(await kept(page, 5114), null, 'the draft kept here went once AniList had it');
  // The title's kept page is read again: it lists the review.
  await page.goto(`${world.app.url}anime/5114`);
  await appReady(page);
  await page.waitForSelector('[data-testid=reviews] >> text=' + SUMMARY);
  assert.equal(await page.textContent('[data-testid=write-review]'), 'Your review');
  assert.equal(await page.getAttribute('[data-testid=write-review]', 'href'), `/review/${saved.id}`, 'it leads to the review');
  assert.equal(await page.locator('[data-testid=reviews] [data-testid=review-row-private]').count(), 1);
  // On the profile, among the reviews written: marked private.
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=written-reviews] >> text=' + SUMMARY);
  const row = page.locator('[data-testid=written-reviews] [data-testid=review-row]', { hasText: SUMMARY });
  assert.equal(await row.locator('[data-testid=review-row-private]').count(), 1);
  assert.equal(await page.locator('[data-testid=written-reviews] [data-testid=review-row-private]').count(), 1, 'only the private one');
  assert.deepEqual(problems(page), []);
});

test('changed from its page: the form holds the markdown as written; the change is sent whole with its id; a refusal keeps the text', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  world.standIn.data.reviews.find((r) => r.id === 7005).source = '_Heavy_, and worth it.';
  await page.goto(`${world.app.url}review/7005`);
  await appReady(page);
  await page.click('[data-testid=review-edit]');
  await page.waitForSelector('[data-testid=review-form]');
  assert.equal(new URL(page.url()).pathname, '/manga/30002/review');
  assert.equal(await page.textContent('[data-testid=write-review-heading]'), 'Your review of Berserk');
  assert.equal(await page.inputValue('[data-testid=review-summary-input]'), 'Guts, and then some.');
  assert.equal(await page.inputValue('[data-testid=review-score-input]'), '90');
  assert.equal(await page.inputValue('[data-testid=review-body-input]'), '_Heavy_, and worth it.');
  assert.equal(await page.textContent('[data-testid=review-save]'), 'Save changes');
  assert.equal(await page.textContent('[data-testid=review-status]'), '');
  // AniList refuses (its limit said otherwise than the schema's): its
  // words, and every word typed still here and kept on the device.
  const refusal = JSON.stringify({ data: { SaveReview: null }, errors: [{ message: 'validation', status: 400, validation: { body: ['The body must be at least 2600 characters.'] } }] });
  world.standIn.fault({ kind: 'graphql-error', status: 400, body: refusal, operation: 'SaveReview' });
  await fill(page, { score: '88' });
  assert.equal(await page.textContent('[data-testid=review-status]'), 'Kept on this device until you save it.');
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-save-error]');
  assert.match(await page.textContent('[data-testid=review-save-error]'), /at least 2600 characters/);
  assert.equal(await page.inputValue('[data-testid=review-body-input]'), BODY);
  assert.equal(JSON.parse(await kept(page, 30002)).draft.score, '88');
  assert.equal(mine(30002).score, 90, 'nothing changed on AniList');
  // Sent again: the change, whole, with its id.
  await page.click('[data-testid=review-save]');
  await page.waitForURL(/\/review\/7005$/);
  await page.waitForSelector('[data-testid=review-score]');
  assert.equal((await page.textContent('[data-testid=review-score]')).trim(), '88/100');
  assert.deepEqual(requests('SaveReview').at(-1).body.variables, { id: 7005, mediaId: 30002, body: BODY, summary: SUMMARY, score: 88, private: false });
  assert.equal(mine(30002).source, BODY);
  assert.equal(await kept(page, 30002), null);
  assert.deepEqual(problems(page).filter((p) => !/400/.test(p)), []);
});

test('a draft survives a reload, said so, with a way back to AniList\'s version', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await openForm(page, 'manga', 30002);
  await page.fill('[data-testid=review-summary-input]', 'Guts, and then some more of it.');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=review-restored]');
  assert.match(await page.textContent('[data-testid=review-restored]'), /Your changes from .* are back: AniList does not have them yet/);
  assert.equal(await page.inputValue('[data-testid=review-summary-input]'), 'Guts, and then some more of it.');
  assert.equal(requests('SaveReview').length, 0, 'nothing sent by itself');
  await page.click('[data-testid=review-discard]');
  await page.waitForSelector('[data-testid=review-restored]', { state: 'detached' });
  assert.equal(await page.inputValue('[data-testid=review-summary-input]'), 'Guts, and then some.');
  assert.equal(await kept(page, 30002), null);
  // A new review's draft too.
  await openForm(page, 'anime', 5114);
  await fill(page, { body: 'Half of it.' });
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=review-restored]');
  assert.equal(await page.inputValue('[data-testid=review-body-input]'), 'Half of it.');
  assert.equal(await page.textContent('[data-testid=review-discard]'), 'Start over');
  assert.deepEqual(problems(page), []);
});

test('a lost answer: a new review is looked for, never posted twice; a change is sent once more', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await openForm(page, 'anime', 5114);
  await fill(page);
  world.standIn.fault({ kind: 'drop-after', operation: 'SaveReview' });
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-body]');
  assert.equal(requests('SaveReview').length, 1, 'posted once');
  assert.equal(world.standIn.data.reviews.filter((r) => r.userId === VIEWER_ID && r.mediaId === 5114).length, 1);
  assert.equal(new URL(page.url()).pathname, `/review/${mine(5114).id}`);
  assert.equal(await kept(page, 5114), null);
  // A change whose answer is lost: sent once more (it sets every field).
  await page.click('[data-testid=review-edit]');
  await page.waitForSelector('[data-testid=review-form]');
  await page.fill('[data-testid=review-score-input]', '70');
  world.standIn.fault({ kind: 'drop-after', operation: 'SaveReview' });
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-score]');
  assert.equal((await page.textContent('[data-testid=review-score]')).trim(), '70/100');
  assert.equal(requests('SaveReview').length, 3);
  assert.equal(mine(5114).score, 70);
  // Lost, and AniList does not have it: said, the text kept.
  await page.goto(`${world.app.url}anime/1/review`);
  await appReady(page);
  await page.waitForSelector('[data-testid=review-form]');
  await fill(page);
  world.standIn.fault({ kind: 'drop', operation: 'SaveReview' });
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-lost]');
  assert.equal(mine(1), undefined);
  assert.equal(await page.inputValue('[data-testid=review-body-input]'), BODY);
  assert.ok(await kept(page, 1));
  assert.deepEqual(problems(page).filter((p) => !/ERR_|Failed to fetch/.test(p)), []);
});

test('leaving while it saves: no page error, AniList has it, and the draft kept here goes; the page left stays left', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await openForm(page, 'anime', 5114);
  await fill(page);
  world.standIn.fault({ kind: 'slow', delayMs: 1500, operation: 'SaveReview' });
  await page.click('[data-testid=review-save]');
  await page.waitForSelector('[data-testid=review-save] >> text=Saving…');
  // In the app (the wasm lives on): another page, before the answer.
  await page.click('nav.site-nav a[href="/search"]');
  await page.waitForURL(/\/search$/);
  await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY(5114));
  assert.ok(mine(5114), 'saved');
  assert.equal(new URL(page.url()).pathname, '/search', 'the answer did not take the person back');
  assert.deepEqual(problems(page), []);
});

test('deleted from its form, asked once more; a lost answer sent again is still one delete; signed out, the gate', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await openForm(page, 'manga', 30002);
  await page.click('[data-testid=review-delete-ask]');
  await page.click('text=Keep it');
  assert.ok(mine(30002), 'kept');
  await page.click('[data-testid=review-delete-ask]');
  world.standIn.fault({ kind: 'drop-after', operation: 'DeleteReview' });
  await page.click('[data-testid=review-delete-confirm]');
  await page.waitForURL(/\/manga\/30002$/);
  assert.equal(mine(30002), undefined);
  assert.equal(requests('DeleteReview').length, 2, 'sent again; AniList then says it is gone');
  await page.waitForSelector('[data-testid=title-name]');
  assert.equal(await page.locator('[data-testid=reviews] >> text=Guts, and then some.').count(), 0);
  await page.waitForSelector('[data-testid=write-review] >> text=Write a review');
  // Signed out: what the page needs, and a way to sign in back to it.
  const out = await world.newPage();
  await out.goto(`${world.app.url}anime/1/review`);
  await appReady(out);
  await out.waitForSelector('text=Reviews are written as your AniList account.');
  assert.equal(await out.getAttribute('.empty-state a', 'href'), '/?return_to=%2Fanime%2F1%2Freview');
  assert.equal(requests('MyReview').filter((r) => r.authorization == null).length, 0);
  assert.deepEqual(problems(page).filter((p) => !/ERR_|Failed to fetch/.test(p)), []);
});

test('"Your review" on a title whose best-rated reviews are others\': asked with the title, it leads to the person\'s own', async () => {
  const at = 1764000000;
  world.standIn.data.reviews.push({ id: 7100, userId: VIEWER_ID, mediaId: 1, score: 70, rating: 0, ratingAmount: 0, createdAt: at, updatedAt: at,
    summary: 'Mine, which no one has rated yet.', body: '<p>Mine.</p>' });
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Cowboy Bebop');
  assert.equal(await page.locator('[data-testid=reviews] >> text=Mine, which no one has rated yet.').count(), 0, 'not among the three shown');
  assert.equal(await page.textContent('[data-testid=write-review]'), 'Your review');
  assert.equal(await page.getAttribute('[data-testid=write-review]', 'href'), '/review/7100');
  assert.equal(requests('TitlePage').at(-1).body.variables.user, VIEWER_ID);
  assert.equal(requests('TitlePage').length, 1, 'still one request');
  // Someone else, signed out: nothing to look for.
  const out = await world.newPage();
  await out.goto(`${world.app.url}anime/1`);
  await appReady(out);
  await out.waitForSelector('[data-testid=title-name] >> text=Cowboy Bebop');
  assert.equal(await out.locator('[data-testid=write-review]').count(), 0);
  assert.deepEqual(problems(page), []);
});

test('Preview: the text as AniList renders its markdown, through the allowlist; a change since says so; a failure says why and keeps the text', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await openForm(page, 'anime', 5114);
  assert.equal(await page.isDisabled('[data-testid=preview-open]'), true, 'nothing to preview yet');
  const text = `${BODY}\n\n~!Al gets his body back.!~ <img src=x onerror="window.__pwned=70"><script>window.__pwned=71</script>`;
  await fill(page, { body: text });
  await page.click('[data-testid=preview-open]');
  await page.waitForSelector('[data-testid=preview-body]');
  assert.deepEqual(requests('Markdown').map((r) => r.body.variables), [{ markdown: text }]);
  assert.match(requests('Markdown')[0].authorization ?? '', /^Bearer /, 'signed in: AniList renders only for members');
  assert.equal(await page.textContent('[data-testid=preview-body] .rich p strong'), 'Alchemy');
  assert.equal(await page.textContent('[data-testid=preview-body] details.spoiler summary'), 'Spoiler');
  assert.equal(await page.locator('[data-testid=preview-body] img, [data-testid=preview-body] script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-testid=preview-stale]').count(), 0);
  assert.equal(requests('SaveReview').length, 0, 'a preview sends nothing to keep');
  // Changed since: said, until previewed again.
  await page.fill('[data-testid=review-body-input]', `${text}\n\nOne more __thing__.`);
  await page.waitForSelector('[data-testid=preview-stale]');
  assert.equal(await page.textContent('[data-testid=preview-open]'), 'Preview again');
  await page.click('[data-testid=preview-open]');
  await page.waitForSelector('[data-testid=preview-stale]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=preview-body] .rich p strong').last().textContent(), 'thing');
  // A failure: AniList's reason, the text as it was.
  world.standIn.fault({ kind: '500', operation: 'Markdown' });
  await page.fill('[data-testid=review-body-input]', 'Short, for now.');
  await page.click('[data-testid=preview-open]');
  await page.waitForSelector('[data-testid=preview-error] [data-testid=api-error]');
  assert.equal(await page.inputValue('[data-testid=review-body-input]'), 'Short, for now.');
  await page.click('[data-testid=preview-hide]');
  assert.equal(await page.locator('[data-testid=preview-body]').count(), 0);
  assert.deepEqual(problems(page), []);
});
