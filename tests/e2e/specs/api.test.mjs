// The GraphQL client and the profile page against the stand-in: the Bearer
// header, every kind of failure AniList sends, and content shown as text.

import { HOSTILE_BIO } from '../stand-in/fixtures.mjs';
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, waitFor, INERT_MARKUP, problemsBut } from '../lib/harness.mjs';
import { VIEWER_ID } from '../stand-in/fixtures.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

/** A page signed in through the stand-in, then sent to `path`. (The
 * faults below name the profile's `Viewer`: signing in also asks for the
 * unread notifications, in the background.) */
async function signedIn(path = '/profile') {
  const page = await world.newPage();
  await signIn(world, page);
  const token = JSON.parse(await page.evaluate(() => localStorage.getItem('tsuzuki.session.v1'))).token;
  await page.click(`nav.site-nav >> text="${path === '/profile' ? 'Profile' : 'Token'}"`);
  return { page, token };
}

test('a hostile bio: its text is shown, nothing of it runs, and the console holds only the policy refusing it', async () => {
  world.standIn.data.viewer.aboutHtml = HOSTILE_BIO;
  const { page } = await signedIn();
  const about = '[data-testid=profile-about]';
  await page.waitForSelector(about);
  const text = await page.textContent(about);
  for (const part of ['Hostile bio.', 'data link', 'Styled', 'toggled', 'unclosed']) assert.ok(text.includes(part), `${part} in ${text}`);
  assert.equal(await page.locator(`${about} :is(img, script, svg, iframe, math, style, details:not(.spoiler), [style], [onclick], [onerror], [onload], [onmouseover], [ontoggle])`).count(), 0);
  assert.equal(await page.locator(`${about} a`).count(), 0, 'no link survives: none is https');
  await page.hover(`${about} >> text=Styled`);
  await page.click(`${about} >> text=Styled`);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The browser's inert parse still meets the page's policy over the
  // payload's handlers and styles, and says so; nothing else is logged.
  assert.ok(page.problems.length > 0, 'the policy refused the payload');
  assert.deepEqual(page.problems.filter((p) => !INERT_MARKUP.test(p)), []);
});

const profileRequests = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Viewer');

test('the profile: Bearer token sent, the user, the about text (formatted, nothing of it runs), statistics and options', async () => {
  const { page, token } = await signedIn();
  await page.waitForSelector('[data-testid=profile]');
  assert.equal(await page.textContent('[data-testid=profile-name]'), 'Mitsuki');
  assert.equal(await page.textContent('[data-testid=profile-id]'), String(VIEWER_ID));
  const about = '[data-testid=profile-about]';
  const text = await page.textContent(about);
  for (const part of ['Watching everything twice.', 'Hana', 'Jun', 'The ending', 'One', 'Two']) {
    assert.ok(text.includes(part), `${part} in ${text}`);
  }
  assert.equal(await page.textContent(`${about} strong`), 'everything');
  assert.equal(await page.textContent(`${about} em`), 'twice');
  assert.equal(await page.locator(`${about} li`).count(), 2);
  // Only the https link is a link.
  assert.deepEqual(await page.$$eval(`${about} a`, (as) => as.map((a) => a.getAttribute('href'))), ['https://anilist.co/user/1']);
  // The spoiler is hidden until asked for.
  assert.equal(await page.isVisible(`${about} details.spoiler >> text=The ending`), false);
  await page.click(`${about} details.spoiler summary`);
  assert.equal(await page.isVisible(`${about} details.spoiler >> text=The ending`), true);
  assert.equal(await page.textContent('[data-testid=minutes-watched]'), '3 days 18 hours');
  assert.equal(await page.textContent('[data-testid=chapters-read]'), '362');
  assert.equal(await page.textContent('[data-testid=title-language]'), 'English');
  assert.match(await page.textContent('[data-testid=score-format]'), /10 points with decimals/);
  assert.equal(await page.locator('[data-testid=viewer-mismatch]').count(), 0);

  const [req] = profileRequests();
  assert.equal(req.authorization, `Bearer ${token}`);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.match(req.headers.accept, /application\/json/);
  assert.equal(req.referer, world.app.url, 'a Referer (origin only) is sent');
  assert.equal(req.body.operationName, 'Viewer');
  // The rate-limit headers are read and shown.
  await page.waitForFunction(() => /left this minute: \d+ of 90/.test(document.querySelector('[data-testid=budget]')?.textContent ?? ''));
  // A revisit within a short time is served from memory.
  await page.click('nav.site-nav >> text="Settings"');
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=profile]');
  assert.equal(profileRequests().length, 1);
  // "Reload" asks AniList again.
  await page.click('[data-testid=reload]');
  await page.waitForFunction(() => true);
  await waitFor(() => profileRequests().length === 2);
  assert.deepEqual(page.problems, []);
});


test('your bio: changed on the profile from its markdown (focused, a lost answer sent once more, AniList\'s text after it), kept over a reload; deleted after asking; another member\'s has neither', async () => {
  const saves = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveAbout');
  const { page } = await signedIn();
  const about = '[data-testid=profile-about]';
  const actions = '[data-testid=profile-about-actions]';
  await page.waitForSelector(actions);
  assert.equal(await page.locator(`${actions} [data-testid=delete-mine]`).count(), 1);
  await page.click(`${actions} [data-testid=edit-mine]`);
  const box = `${about} [data-testid=compose-text]`;
  assert.equal(await page.inputValue(box), world.standIn.data.viewer.about, 'the markdown as written, not the HTML');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'compose-text');
  // Cancel keeps the bio as it was.
  await page.fill(box, 'not this');
  await page.click(`${about} [data-testid=compose-cancel]`);
  await page.waitForSelector(`${about} strong >> text=everything`);
  assert.equal(saves().length, 0);
  // Saved, its answer lost after AniList made the change: sent once more (it sets the text).
  await page.click(`${actions} [data-testid=edit-mine]`);
  await page.fill(box, 'Rewatching __Bebop__ with [Hana](https://anilist.co/user/6001).');
  world.standIn.fault({ kind: 'drop-after', operation: 'SaveAbout' });
  await page.click(`${about} [data-testid=compose-send]`);
  await page.waitForSelector(`${about} strong >> text=Bebop`);
  assert.equal(await page.locator(box).count(), 0, 'the box closed');
  assert.deepEqual(saves().map((r) => r.body.variables), [{ about: 'Rewatching __Bebop__ with [Hana](https://anilist.co/user/6001).' }, { about: 'Rewatching __Bebop__ with [Hana](https://anilist.co/user/6001).' }]);
  assert.deepEqual(await page.$$eval(`${about} a`, (as) => as.map((a) => a.getAttribute('href'))), ['https://anilist.co/user/6001']);
  await page.reload();
  await appReady(page);
  await page.waitForSelector(`${about} strong >> text=Bebop`);
  await page.click(`${actions} [data-testid=edit-mine]`);
  assert.equal(await page.inputValue(box), 'Rewatching __Bebop__ with [Hana](https://anilist.co/user/6001).', 'AniList keeps it as written');
  await page.click(`${about} [data-testid=compose-cancel]`);
  // Deleted after asking: none is left, on AniList too.
  await page.click(`${actions} [data-testid=delete-mine]`);
  await page.click(`${actions} [data-testid=confirm-delete-mine]`);
  await page.waitForSelector(`${about} >> text=Nothing written yet.`);
  assert.deepEqual(saves().at(-1).body.variables, { about: '' });
  assert.equal(world.standIn.data.viewer.about, null);
  assert.equal(await page.locator(`${actions} [data-testid=delete-mine]`).count(), 0, 'nothing left to delete');
  // Another member's bio is theirs.
  await page.goto(`${world.app.url}user/6002`);
  await appReady(page);
  await page.waitForSelector(`${about} strong >> text=movies`);
  assert.equal(await page.locator(`${actions}, ${about} [data-testid=edit-mine]`).count(), 0);
  assert.deepEqual(problemsBut(page), [], 'no page error (the lost answer aside)');
});

test('statistics: from the profile, anime then manga, in one request; "Reload from AniList" shows a change', async () => {
  const { page } = await signedIn();
  const stats = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'UserStats');
  await page.click('[data-testid=anime-stats-link]');
  await page.waitForSelector('[data-testid=stats-statuses]');
  assert.equal(new URL(page.url()).pathname, '/stats/anime');
  assert.equal(await page.textContent('main h1'), 'Your anime statistics');
  const rows = (id) => page.$$eval(`[data-testid=stats-${id}] tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const totals = await page.$$eval('[data-testid=stats-totals] dl > div', (rs) => rs.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent]));
  assert.deepEqual(totals, [['Titles', '5'], ['Episodes watched', '206'], ['Time watched', '3 days 18 hours'], ['Mean score', '8.2'], ['Standard deviation', '1.1']]);
  // Made by the stand-in from the entries: 8.5, 10 and 6 in the user's
  // 10-point format, lowest first.
  assert.deepEqual(await rows('scores'), [['6', '1'], ['9', '1'], ['10', '1']]);
  assert.deepEqual((await rows('statuses')).find((r) => r[0] === 'Watching'), ['Watching', '1', '8.5', '4 hours 48 minutes']);
  assert.deepEqual(await rows('formats'), [['TV', '4', '8.2', '3 days 10 hours'], ['Movie', '1', '–', '0 minutes']]);
  assert.deepEqual((await rows('genres'))[0], ['Action', '4', '8.2', '3 days 10 hours']);
  assert.ok((await rows('studios')).some((r) => r[0] === 'Sunrise'));
  assert.ok((await rows('staff')).some((r) => r[0] === 'Shinichirou Watanabe'));
  assert.deepEqual((await rows('years'))[0][0], '2016', 'the newest first');
  assert.equal(await page.locator('[data-testid=stats-scores] meter').count(), 3, 'a bar a row');
  assert.equal(stats().length, 1);
  // Manga: the same answer, no request.
  await page.click('nav.tabs >> text=Manga');
  await page.waitForSelector('[data-testid=stats-totals] >> text=Chapters read');
  assert.equal(new URL(page.url()).pathname, '/stats/manga');
  assert.deepEqual((await rows('statuses')).map((r) => r[0]), ['Reading', 'Completed']);
  assert.equal(await page.locator('[data-testid=stats-studios]').count(), 0, 'a table with nothing in it is left out');
  assert.equal(stats().length, 1);
  // A score changed on AniList shows after a reload from it.
  world.standIn.data.entries.find((e) => e.id === 700005).score = 9;
  await page.click('nav.tabs >> text=Anime');
  await page.waitForSelector('[data-testid=stats-scores]');
  await page.click('[data-testid=reload]');
  await waitFor(() => stats().length === 2);
  await page.waitForFunction(() => document.querySelector('[data-testid=stats-scores] tbody')?.textContent.includes('9' + '2'));
  assert.deepEqual(await rows('scores'), [['9', '2'], ['10', '1']]);
  // A studio and a person lead to their pages.
  await page.click('[data-testid=stats-staff] >> text=Shinichirou Watanabe');
  await page.waitForSelector('[data-testid=person-name] >> text=Shinichirou Watanabe');
  await page.goBack();
  await page.click('[data-testid=stats-studios] >> text=Sunrise');
  await page.waitForSelector('[data-testid=studio-name] >> text=Sunrise');
  assert.deepEqual(page.problems, []);
});

test('statistics with nothing counted yet: the page says so and leads to Search', async () => {
  world.standIn.data.viewer.statistics.manga = null;
  const { page } = await signedIn();
  await page.click('[data-testid=manga-stats-link]');
  await page.waitForSelector('[data-testid=stats-empty]');
  assert.equal(await page.textContent('[data-testid=stats-empty] h2'), 'No manga counted yet');
  assert.equal(await page.locator('[data-testid=stats-totals]').count(), 0);
  await page.click('[data-testid=stats-empty] a');
  await waitFor(() => new URL(page.url()).pathname === '/search');
  await page.waitForSelector('main h1 >> text=Search');
  assert.deepEqual(page.problems, []);
});

test('a token AniList refuses (400 Invalid token) ends the session and offers sign-in back to the page', async () => {
  const { page } = await signedIn('/token');
  world.standIn.fault({ kind: 'invalid-token', operation: 'Viewer' });
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('text=AniList no longer accepts your sign-in');
  await page.waitForFunction(() => document.querySelector('[data-testid=session-badge]').textContent.trim() === 'Not signed in');
  assert.equal(await page.evaluate(() => localStorage.getItem('tsuzuki.session.v1')), null);
  const href = await page.getAttribute('[data-testid=flashes] a.notice__action', 'href');
  assert.match(href, /return_to=%2Fprofile/);
  await page.click('[data-testid=flashes] a.notice__action');
  await page.click('[data-testid=sign-in-button]');
  await page.waitForSelector('[data-testid=profile]');
  assert.equal(new URL(page.url()).pathname, '/profile');
});

test('429: a countdown, then the query is retried by itself and succeeds', async () => {
  const { page } = await signedIn('/token');
  world.standIn.fault({ kind: '429', retryAfter: 2, operation: 'Viewer' });
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=rate-limit-wait]');
  const n = Number(await page.textContent('[data-testid=rate-limit-countdown]'));
  assert.ok(n >= 1 && n <= 4, `countdown ${n}`);
  await page.waitForSelector('[data-testid=profile]', { timeout: 15000 });
  assert.equal(await page.locator('[data-testid=rate-limit-wait]').count(), 0);
  assert.deepEqual(profileRequests().map((r) => r.answered), [429, 200]);
});

for (const [fault, message] of [
  [{ kind: '500' }, /had a problem answering \(HTTP 500\)/],
  [{ kind: '503' }, /HTTP 503/],
  [{ kind: 'not-json' }, /could not be read \(HTTP 200, not JSON\)/],
  [{ kind: 'drop' }, /could not be reached/],
  [{ kind: '403' }, /API is switched off for now: The AniList API has been temporarily disabled/],
]) {
  test(`${fault.kind}: a clear message, and "Try again" works`, async () => {
    const { page } = await signedIn('/token');
    world.standIn.fault({ ...fault, operation: 'Viewer' });
    await page.click('nav.site-nav >> text="Profile"');
    await page.waitForSelector('[data-testid=api-error]');
    assert.match(await page.textContent('[data-testid=api-error]'), message);
    assert.equal(await badgeText(page), `User ${VIEWER_ID}`, 'the session stays');
    await page.click('[data-testid=retry]');
    await page.waitForSelector('[data-testid=profile]');
    assert.equal(await page.locator('[data-testid=api-error]').count(), 0);
  });
}

async function badgeText(page) {
  return (await page.textContent('[data-testid=session-badge]')).trim();
}

test('a slow answer shows the loading state, then the profile', async () => {
  const { page } = await signedIn('/token');
  world.standIn.fault({ kind: 'slow', delayMs: 1500, operation: 'Viewer' });
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=loading]');
  await page.waitForSelector('[data-testid=profile]', { timeout: 10000 });
});

test('no answer in 20 s: the request is abandoned with a message, and "Try again" works', async () => {
  const { page } = await signedIn('/token');
  world.standIn.fault({ kind: 'slow', delayMs: 25000, operation: 'Viewer' });
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=api-error]', { timeout: 30000 });
  assert.match(await page.textContent('[data-testid=api-error]'), /did not answer within 20 s/);
  await page.click('[data-testid=retry]');
  await page.waitForSelector('[data-testid=profile]');
});

test('two bare network failures in a row are treated as the rate limit', async () => {
  const { page } = await signedIn('/token');
  world.standIn.fault({ kind: 'drop', times: 2, operation: 'Viewer' });
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=api-error]'), /could not be reached/);
  await page.click('[data-testid=retry]');
  await page.waitForSelector('[data-testid=rate-limit-wait]');
  assert.match(await page.textContent('[data-testid=rate-limit-wait]'), /slow down/);
});

test('a Viewer who is not the token\'s user is flagged loudly', async () => {
  const page = await world.newPage();
  await page.goto(world.app.url);
  await appReady(page);
  // A token for user 4321, but AniList answers for the fixture user.
  world.standIn.answerViewerAs = VIEWER_ID;
  await page.fill('#pasted-token', world.standIn.issueToken({ sub: 4321 }));
  await page.click('[data-testid=paste-submit]');
  await page.waitForSelector('[data-testid=welcome]');
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=viewer-mismatch]');
  assert.match(await page.textContent('[data-testid=viewer-mismatch]'), /AniList answered for user 5150, but the token says user 4321/);
  // The statistics page, read the same way, says so too.
  await page.click('[data-testid=anime-stats-link]');
  await page.waitForSelector('[data-testid=stats-totals]');
  assert.match(await page.textContent('[data-testid=viewer-mismatch]'), /AniList answered for user 5150, but the token says user 4321/);
});

test('fifty requests in a row never exceed the app\'s own limit of 25 a minute at the server', async () => {
  const { page, token } = await signedIn();
  await page.waitForSelector('[data-testid=profile]');
  // Only this page's requests count (its token), whatever else is running.
  const mine = () => profileRequests().filter((r) => r.authorization === `Bearer ${token}`);
  const started = Date.now();
  for (let i = mine().length; i < 50; i++) {
    await page.click('[data-testid=reload]');
    await waitFor(() => mine().length > i, 90000);
  }
  const times = mine().map((r) => r.at);
  assert.equal(times.length, 50);
  const worst = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60000).length));
  assert.ok(worst <= 25, `${worst} requests within one minute`);
  assert.ok(mine().every((r) => r.answered === 200), 'the server never had to refuse one');
  // The limiter queued, it did not drop: all fifty went, the last ones after the minute.
  assert.ok(Date.now() - started >= 55000);
  await page.waitForSelector('[data-testid=profile]');
});
