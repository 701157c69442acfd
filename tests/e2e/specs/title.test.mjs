// A title's page and the airing numbers, against the stand-in: what the
// page shows, one request and revisits from what is kept, the person's
// entry and favourite, and "N behind" / "Ep N in …" for known airing times.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, keptLists, waitFor, problemsBut } from '../lib/harness.mjs';
import { VIEWER_ID, SECOND_ID, THIRD_ID } from '../stand-in/fixtures.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const requests = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
const entryOf = (mediaId) => world.standIn.data.entries.find((e) => e.mediaId === mediaId);

async function signedIn() {
  const page = await world.newPage();
  await signIn(world, page);
  return page;
}

test('a list row opens the title\'s page: names, facts and rankings, tags, description, relations, characters, staff, links', async () => {
  const page = await signedIn();
  await page.click('text=Your anime list');
  await page.click('[data-testid=entry-700001] [data-testid=entry-title]');
  await page.waitForSelector('[data-testid=title-page]');
  assert.match(new URL(page.url()).pathname, /\/anime\/1$/);
  assert.equal(await page.textContent('[data-testid=title-name]'), 'Cowboy Bebop');
  assert.match(await page.textContent('[data-testid=other-names]'), /Kaubōi Bibappu · カウボーイビバップ/);
  assert.equal(await page.textContent('[data-testid=title-line]'), 'TV · Finished · Spring 1998 · 26 episodes · 24 min');
  const facts = await page.textContent('[data-testid=title-facts]');
  for (const f of ['Sunrise', 'Original', 'Action, Sci-Fi', 'Japan', '86%', '87%', '370,000', '1999-04-24', '#27 Highest Rated All Time · #1 Most Popular Spring 1998']) assert.ok(facts.includes(f), `${f} in ${facts}`);
  assert.ok(!facts.includes('Bandai Visual'), 'main studios only');
  // The description keeps its formatting, as the app's own elements.
  assert.equal(await page.textContent('[data-testid=description] em'), 'See you, space cowboy.');
  // Spoiler tags wait until asked.
  assert.match(await page.textContent('[data-testid=tags]'), /Space/);
  assert.equal(await page.locator('[data-testid=spoiler-tag]').count(), 0);
  await page.click('[data-testid=show-spoilers]');
  assert.equal(await page.textContent('[data-testid=spoiler-tag]'), 'Tragedy 60%');
  assert.match(await page.textContent('[data-testid=characters]'), /Spike Spiegel[\s\S]*Main[\s\S]*Kouichi Yamadera/);
  assert.ok(!(await page.textContent('[data-testid=characters]')).includes('Steve Blum'), 'Japanese voices');
  assert.deepEqual(await page.locator('[data-testid=staff] .person__text').allInnerTexts(), ['Hajime Yatate\nOriginal Creator', 'Shinichirou Watanabe\nDirector']);
  assert.match(await page.textContent('[data-testid=recommendations]'), /Fullmetal Alchemist: Brotherhood/);
  // Links: https only; the javascript: one is left out.
  const hrefs = await page.$$eval('[data-testid=links] a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://www.cowboy-bebop.net/', 'https://www.crunchyroll.com/cowboy-bebop']);
  assert.equal(await page.getAttribute('[data-testid=on-anilist]', 'href'), 'https://anilist.co/anime/1');
  // The person's entry, from the list.
  assert.match(await page.textContent('[data-testid=your-entry]'), /Watching · 12 \/ 26 \+ · 8\.5 \/ 10/);
  assert.equal(requests('TitlePage').length, 1);
  assert.deepEqual(requests('TitlePage')[0].body.variables, { id: 1, type: 'ANIME', following: true, format: 'POINT_10_DECIMAL', user: VIEWER_ID });
  // A relation is a link to its own page (a manga here).
  await page.click('[data-testid=relations] >> text=Berserk');
  await page.waitForSelector('[data-testid=title-name] >> text=Berserk');
  assert.match(new URL(page.url()).pathname, /\/manga\/30002$/);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_|Content Security Policy/.test(p)), []);
});

test('a big cast: the first 12 characters, then all of them 25 at a time; a title with none has no section', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/21`);
  await appReady(page);
  await page.waitForSelector('[data-testid=characters]');
  const rows = page.locator('[data-testid=characters] .people__row');
  assert.equal(await rows.count(), 12);
  assert.equal(await page.locator('[data-testid=staff]').count(), 0, 'no staff: no section');
  await page.click('[data-testid=characters] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=characters] .people__row').length === 25);
  await page.click('[data-testid=characters] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=characters] .people__row').length === 30);
  await page.waitForSelector('[data-testid=characters] [data-testid=load-more]', { state: 'detached' });
  assert.deepEqual((await rows.allInnerTexts()).slice(0, 2).map((t) => t.split('\n')[0]), ['Crew Member 1', 'Crew Member 2'], 'in the order AniList gives');
  assert.equal(new Set(await rows.allInnerTexts()).size, 30, 'each once');
  assert.deepEqual(requests('TitleCast').map((r) => r.body.variables), [
    { id: 21, page: 1, characters: true, staff: false, reviews: false }, { id: 21, page: 2, characters: true, staff: false, reviews: false },
  ]);
  // Cowboy Bebop's cast fits: no button.
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=characters]');
  assert.equal(await page.locator('[data-testid=characters] [data-testid=load-more], [data-testid=staff] [data-testid=load-more]').count(), 0);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('"On members\' lists": every member\'s entries by status and by score, in the title\'s one request; a title on no list has none', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=members-lists]');
  const rows = (id) => page.locator(`[data-testid=${id}] tbody tr`).allInnerTexts();
  const flat = (list) => list.map((t) => t.replace(/\s+/g, ' ').trim());
  // The viewer watching (8.5), Hana planning, Jun completed (9.5): in the
  // app's order of statuses.
  assert.deepEqual(flat(await rows('status-distribution')), ['Watching 1', 'Completed 1', 'Planning 1']);
  const scores = flat(await rows('score-distribution'));
  assert.equal(scores.length, 10, 'every score, lowest first');
  assert.deepEqual([scores[0], scores[8], scores[9]], ['10 0', '90 1', '100 1']);
  // Bars are for the eye; screen readers hear the number.
  assert.equal(await page.locator('[data-testid=members-lists] meter[aria-hidden=true]').count(), 13);
  assert.equal(requests('TitlePage').length, 1);
  const none = world.standIn.data.media.find((m) => m.type === 'ANIME' && !world.standIn.data.entries.some((e) => e.mediaId === m.id));
  await page.goto(`${world.app.url}anime/${none.id}`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-page]');
  assert.equal(await page.locator('[data-testid=members-lists]').count(), 0);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('one request per title: a revisit, and a reload, are served from what is kept', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/5114`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Cowboy Bebop');
  await page.goBack();
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  await page.waitForTimeout(500);
  assert.deepEqual(requests('TitlePage').map((r) => r.body.variables.id), [5114, 1]);
});

test('a title kept in an older shape (before the app asked what it asks now) is shown at once and read again', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/5114`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  // Rewritten as the app's first shape kept it, (time, title), read just now.
  await page.evaluate(() => new Promise((done, fail) => {
    const open = indexedDB.open('tsuzuki');
    open.onerror = fail;
    open.onsuccess = () => {
      const store = open.result.transaction('titles', 'readwrite').objectStore('titles');
      const get = store.get('5150:5114');
      get.onsuccess = () => {
        const [, , title] = JSON.parse(get.result);
        const old = JSON.stringify([Date.now(), title]).replaceAll('Fullmetal Alchemist: Brotherhood', 'Kept long ago');
        store.put(old, '5150:5114').onsuccess = () => done();
      };
      get.onerror = fail;
    };
  }));
  world.standIn.fault({ kind: 'slow', delayMs: 1500, operation: 'TitlePage' });
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Kept long ago');
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  assert.deepEqual(requests('TitlePage').map((r) => r.body.variables.id), [5114, 5114]);
  // Kept again in today's shape: the next reload asks nothing.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  await page.waitForTimeout(500);
  assert.equal(requests('TitlePage').length, 2);
  assert.deepEqual(problemsBut(page), []);
});

test('the entry from the title\'s page: edit it, or add the title with a chosen status', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.click('[data-testid=edit-entry]');
  await page.fill('[data-testid=entry-editor] [data-testid=progress-input]', '14');
  await page.click('[data-testid=entry-editor] [data-testid=editor-save]');
  await page.waitForSelector('[data-testid=your-progress] >> text=14 / 26');
  await waitFor(() => entryOf(1).progress === 14);
  // Not on the list: "Add to list" with the status the person picks.
  await page.goto(`${world.app.url}anime/90003`);
  await appReady(page);
  await page.selectOption('[data-testid=your-entry] [data-testid=add-status]', 'COMPLETED');
  await page.click('[data-testid=your-entry] [data-testid=add]');
  await page.waitForSelector('[data-testid=your-status] >> text=Completed');
  await waitFor(() => entryOf(90003)?.status === 'COMPLETED');
});

test('+1 from the title\'s page: quick clicks saved as one, the focus kept; a planned title starts; the last episode offers "Mark completed"', async () => {
  Object.assign(entryOf(1), { progress: 23 });
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  const plus = '[data-testid=your-entry] [data-testid=plus-one]';
  await page.waitForSelector('[data-testid=your-progress] >> text=23 / 26');
  assert.equal(await page.getAttribute(plus, 'aria-label'), '+1 episode: Cowboy Bebop');
  await page.focus(plus);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=your-progress] >> text=25 / 26');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'plus-one', 'the focus stays on +');
  await waitFor(() => entryOf(1).progress === 25);
  const saves = () => requests('SaveEntry').length;
  assert.equal(saves(), 1, 'two quick clicks, one save of the final value');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=your-entry] [data-testid=mark-completed]');
  assert.equal(await page.isDisabled(plus), true);
  await page.click('[data-testid=your-entry] [data-testid=mark-completed]');
  await page.waitForSelector('[data-testid=your-status] >> text=Completed');
  await waitFor(() => entryOf(1).status === 'COMPLETED' && entryOf(1).progress === 26);
  // Attack on Titan is planned: its first +1 makes it Watching.
  await page.goto(`${world.app.url}anime/16498`);
  await appReady(page);
  await page.click(plus);
  await page.waitForSelector('[data-testid=your-status] >> text=Watching');
  await waitFor(() => entryOf(16498).status === 'CURRENT' && entryOf(16498).progress === 1);
});

test('your notes and "private" on the title\'s page, as text, following the editor', async () => {
  Object.assign(entryOf(1), { notes: 'Session 24:\nwatch it <b>twice</b>', private: true });
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  const notes = '[data-testid=your-entry] [data-testid=your-notes]';
  await page.waitForSelector(notes);
  assert.equal(await page.textContent(notes), 'Session 24:\nwatch it <b>twice</b>', 'as written, markup and all');
  assert.equal(await page.locator(`${notes} b`).count(), 0, 'nothing in it is markup');
  assert.equal(await page.textContent('[data-testid=your-private]'), 'private');
  await page.click('[data-testid=edit-entry]');
  await page.fill('[data-testid=entry-editor] [data-testid=notes-input]', '');
  await page.click('[data-testid=entry-editor] [data-testid=editor-save]');
  await page.waitForSelector(notes, { state: 'detached' });
  await waitFor(() => !entryOf(1).notes);
});

test('the favourite toggle: sent once, and read back (not sent again) when its answer is lost', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  assert.equal(await page.getAttribute('[data-testid=favourite]', 'aria-pressed'), 'false');
  await page.click('[data-testid=favourite]');
  await page.waitForSelector('[data-testid=favourite][aria-pressed=true]');
  assert.deepEqual(world.standIn.data.viewer.favourites.anime, [5114, 1]);
  // The answer to the next toggle breaks off after AniList applied it.
  world.standIn.fault({ kind: 'drop-after', operation: 'ToggleFavourite' });
  await page.click('[data-testid=favourite]');
  await page.waitForSelector('[data-testid=favourite][aria-pressed=false]');
  assert.deepEqual(world.standIn.data.viewer.favourites.anime, [5114]);
  assert.equal(requests('ToggleFavourite').length, 2, 'never sent twice blind');
  assert.equal(requests('FavouriteState').length, 1, 'the state was read back');
});

test('a favourite whose answer comes after its page is gone: no page error, and the kept title has AniList\'s state when you come back', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=favourite][aria-pressed=false]');
  world.standIn.fault({ kind: 'slow', operation: 'ToggleFavourite', delayMs: 1000 });
  await page.click('[data-testid=favourite]');
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=favourite]', { state: 'detached' });
  await waitFor(() => world.standIn.data.viewer.favourites.anime.includes(1));
  await page.waitForTimeout(1800);
  await page.goBack();
  await page.waitForSelector('[data-testid=favourite][aria-pressed=true]');
  assert.equal(requests('ToggleFavourite').length, 1);
  assert.deepEqual(problemsBut(page), [], 'no page error (the covers of the page left may fail to load)');
});

test('signed out, a title\'s page reads without a token and offers a sign-in; an unknown id says so', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}manga/30002`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-name] >> text=Berserk');
  assert.equal(await page.textContent('[data-testid=title-line]'), 'Manga · Finished · 1989 · 380 chapters · 42 volumes');
  await page.waitForSelector('text=to add it to your list');
  assert.equal(requests('TitlePage')[0].authorization, null);
  assert.equal(await page.locator('[data-testid=favourite]').count(), 0);
  await page.goto(`${world.app.url}anime/424242`);
  await appReady(page);
  await page.waitForSelector('.api-error');
  assert.match(await page.textContent('.api-error'), /not found|Not Found/i);
  await page.goto(`${world.app.url}anime/abc`);
  await appReady(page);
  await page.waitForSelector('text=No such title');
  // Its review form alike, with the way to search.
  await page.goto(`${world.app.url}anime/abc/review`);
  await appReady(page);
  await page.waitForSelector('text=No such title');
  assert.equal(await page.getAttribute('main >> text=Search for one', 'href'), '/search');
  // An anime airs where a manga is released (anilist.co's words).
  world.standIn.data.media.find((m) => m.id === 21).status = 'RELEASING';
  await page.goto(`${world.app.url}anime/21`);
  await appReady(page);
  await page.waitForSelector('[data-testid=title-line]');
  assert.match(await page.textContent('[data-testid=title-line]'), /^TV · Airing · /);
});

test('a hostile description stays inert on the title\'s page', async () => {
  world.standIn.data.media.find((m) => m.id === 1).description = '<p>Plot <b>twist</b></p><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">link</a><svg onload="window.__pwned=4"></svg>';
  const page = await world.newPage();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=description] strong >> text=twist');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-testid=description] img, [data-testid=description] script, [data-testid=description] svg').count(), 0);
  assert.equal(await page.getAttribute('[data-testid=description] >> text=link', 'href'), null);
});

test('airing: "2 behind" and the countdown on the Watching list, and the Airing page by next episode', async () => {
  // ONE PIECE: episode 133 airs in 2 d 4 h (fixtures); progress 130 → 132 aired, 2 behind.
  Object.assign(world.standIn.data.entries.find((e) => e.id === 700005), { status: 'CURRENT' });
  const page = await signedIn();
  await page.click('text=Your anime list');
  const row = '[data-testid=group-current] [data-testid=entry-700005]';
  await page.waitForSelector(row);
  assert.equal(await page.textContent(`${row} [data-testid=behind]`), '2 behind');
  assert.equal(await page.textContent(`${row} [data-testid=next-episode]`), 'Ep 133 in 2 d 4 h');
  // Cowboy Bebop is watched but not airing: no countdown.
  assert.equal(await page.locator('[data-testid=entry-700001] [data-testid=next-episode]').count(), 0);
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=airing-list]');
  assert.equal(await page.textContent('[data-testid=airing-21] [data-testid=next-episode]'), 'Ep 133 in 2 d 4 h');
  assert.equal(await page.textContent('[data-testid=airing-21] [data-testid=behind]'), '2 behind');
  assert.equal(await page.locator('[data-testid=not-airing] [data-testid=airing-1]').count(), 1);
  await page.click('[data-testid=airing-21] [data-testid=plus-one]');
  await page.waitForSelector('[data-testid=airing-21] [data-testid=behind] >> text=1 behind');
  await waitFor(() => entryOf(21).progress === 131);
});

test('an episode whose time has passed: "aired", its next episode asked of AniList once, then the new countdown', async () => {
  // ONE PIECE's episode 133 aired a minute ago, as the list has it.
  Object.assign(world.standIn.data.entries.find((e) => e.id === 700005), { status: 'CURRENT' });
  const onePiece = world.standIn.data.media.find((m) => m.id === 21);
  onePiece.nextAiring = { episode: 133, inSeconds: -60 };
  // AniList moves on to episode 134 while the app asks.
  world.standIn.fault({ kind: 'slow', delayMs: 1500, operation: 'AiringNow' });
  const page = await signedIn();
  await page.click('text=Your anime list');
  const row = '[data-testid=group-current] [data-testid=entry-700005]';
  await page.waitForSelector(`${row} [data-testid=next-episode] >> text=Ep 133 aired`);
  assert.equal(await page.textContent(`${row} [data-testid=behind]`), '3 behind');
  onePiece.nextAiring = { episode: 134, inSeconds: 7 * 86400 + 60 };
  await page.waitForSelector(`${row} [data-testid=next-episode] >> text=Ep 134 in 7 d 0 h`);
  assert.equal(await page.textContent(`${row} [data-testid=behind]`), '3 behind');
  const asked = world.standIn.graphqlRequests().filter((r) => r.operationName === 'AiringNow');
  assert.equal(asked.length, 1);
  assert.deepEqual(asked[0].body.variables, { ids: [21] }, 'only the title whose time passed');
  // Kept: the Airing page and a reload show the new episode without asking again.
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=airing-21] [data-testid=next-episode] >> text=Ep 134 in 7 d 0 h');
  // The store writes a change to the browser a moment after it (the outbox
  // keeps edits at once; an airing time is not an edit): reload once it is kept.
  await waitFor(async () => Object.values(await keptLists(page)).some((v) => v.includes('"nextAiringEpisode":{"episode":134,')));
  await page.reload();
  await page.waitForSelector('[data-testid=airing-21] [data-testid=next-episode] >> text=Ep 134 in 7 d 0 h');
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'AiringNow').length, 1);
});

test('a title\'s page open when its next episode airs reads the title again, once, and shows the next countdown', async () => {
  const onePiece = world.standIn.data.media.find((m) => m.id === 21);
  onePiece.nextAiring = { episode: 133, inSeconds: 90 };
  const page = await world.newPage();
  // The page's clock, moved on by the test (time otherwise flows as usual).
  await page.clock.install();
  await signIn(world, page);
  await page.goto(`${world.app.url}anime/21`);
  await page.waitForSelector('[data-testid=next-episode] >> text=Ep 133 in 1 min');
  assert.equal(requests('TitlePage').length, 1);
  // The cast read further meanwhile.
  const cast = () => page.locator('[data-testid=characters] .people__row').count();
  await page.click('[data-testid=characters] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=characters] .people__row').length === 25);
  // AniList moves on when the episode airs; the page is still open.
  onePiece.nextAiring = { episode: 134, inSeconds: 7 * 86400 + 3600 };
  await page.clock.fastForward('02:00');
  await page.waitForSelector('[data-testid=next-episode] >> text=Ep 134 in 7 d 0 h');
  assert.equal(requests('TitlePage').length, 2);
  // The page drawn anew keeps the cast read so far, and reads on from there.
  assert.equal(await cast(), 25);
  await page.click('[data-testid=characters] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=characters] .people__row').length === 30);
  assert.deepEqual(requests('TitleCast').map((r) => r.body.variables.page), [1, 2]);
  // Not asked again while the new time is ahead.
  await page.clock.fastForward('02:00:00');
  await page.waitForSelector('[data-testid=next-episode] >> text=Ep 134 in 6 d 22 h');
  assert.equal(requests('TitlePage').length, 2);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_|Content Security Policy/.test(p)), []);
});

test('airing: the last episode\'s +1 offers "Complete", which takes the title off the page', async () => {
  Object.assign(entryOf(1), { progress: 25 });
  const page = await signedIn();
  await page.goto(`${world.app.url}airing`);
  const row = '[data-testid=airing-1]';
  await page.waitForSelector(`${row} [data-testid=plus-one]`);
  assert.equal(await page.locator(`${row} [data-testid=mark-completed]`).count(), 0, 'not before the last episode');
  await page.click(`${row} [data-testid=plus-one]`);
  await page.waitForSelector(`${row} [data-testid=mark-completed]`);
  assert.equal(await page.getAttribute(`${row} [data-testid=mark-completed]`, 'aria-label'), 'Mark completed: Cowboy Bebop');
  await page.click(`${row} [data-testid=mark-completed]`);
  await page.waitForSelector(row, { state: 'detached' });
  await waitFor(() => entryOf(1).status === 'COMPLETED' && entryOf(1).progress === 26);
});

test('airing on a phone: each row\'s +1 stays on screen, beside its progress', async () => {
  Object.assign(world.standIn.data.entries.find((e) => e.id === 700005), { status: 'CURRENT' });
  const page = await world.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(world, page);
  await page.goto(`${world.app.url}airing`);
  await page.waitForSelector('[data-testid=airing-21] [data-testid=behind]');
  for (const id of [21, 1]) {
    const box = (sel) => page.locator(`[data-testid=airing-${id}] ${sel}`).boundingBox();
    const [plus, progress] = [await box('[data-testid=plus-one]'), await box('.entry__progress')];
    const rowBox = await page.locator(`[data-testid=airing-${id}]`).boundingBox();
    // Within its row (whose controls cut off what does not fit).
    assert.ok(plus.x + plus.width <= rowBox.x + rowBox.width + 0.5, `airing-${id}: +1 ends at ${plus.x + plus.width}, its row at ${rowBox.x + rowBox.width}`);
    assert.ok(Math.abs((plus.y + plus.height / 2) - (progress.y + progress.height / 2)) < 4, `airing-${id}: +1 on its progress's line`);
    assert.ok(plus.x > progress.x, `airing-${id}: +1 after its progress`);
  }
});

test('home: "Go on with" lists what is being watched and read, newest first, with its next episode and +1', async () => {
  // ONE PIECE watched again, the most recently updated.
  Object.assign(world.standIn.data.entries.find((e) => e.id === 700005), { status: 'REPEATING', updatedAt: 1763600000 });
  const page = await signedIn();
  // Nothing kept yet: the home page asks for nothing big and says how.
  await page.waitForSelector('[data-testid=going-on-none]');
  const lists = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  assert.equal(lists(), 0);
  await page.goto(`${world.app.url}lists/manga`);
  await page.waitForSelector('[data-testid=entry-700006]');
  await page.goto(`${world.app.url}lists/anime`);
  await page.waitForSelector('[data-testid=entry-700001]');
  await page.click('a.brand');
  const rows = async () => page.$$eval('[data-testid=going-on] li', (els) => els.map((e) => e.dataset.testid));
  await page.waitForSelector('[data-testid=going-on-21]');
  // Newest first, anime and manga together; completed, planned, paused not.
  assert.deepEqual(await rows(), ['going-on-21', 'going-on-1', 'going-on-30002']);
  // First on the page, before the welcome (on a phone, on the first screen).
  assert.ok(await page.$eval('[data-testid=going-on]', (g) => !!(g.compareDocumentPosition(document.querySelector('[data-testid=welcome]')) & Node.DOCUMENT_POSITION_FOLLOWING)));
  assert.equal(await page.textContent('[data-testid=going-on-21] [data-testid=next-episode]'), 'Ep 133 in 2 d 4 h');
  assert.equal(await page.getAttribute('[data-testid=going-on-30002] [data-testid=plus-one]', 'aria-label'), '+1 chapter: Berserk');
  await page.click('[data-testid=going-on-30002] [data-testid=plus-one]');
  await page.waitForSelector('[data-testid=going-on-30002] .entry__progress >> text=/^201 /');
  await waitFor(() => world.standIn.data.entries.find((e) => e.id === 700006).progress === 201);
  assert.deepEqual(page.problems, []);
});

test('home, first sign-in: "Load my lists" loads both lists when asked (the name too); a failed read says so and tries again', async () => {
  const page = await signedIn();
  await page.waitForSelector('[data-testid=going-on-none]');
  // Nothing is asked for before the button is used.
  await page.waitForTimeout(300);
  assert.equal(requests('ListCollection').length, 0);
  assert.equal((await page.textContent('[data-testid=session-badge]')).trim(), 'User 5150');
  world.standIn.fault({ kind: '500', operation: 'ListCollection', times: 100 });
  await page.click('[data-testid=going-on-load]');
  await page.waitForSelector('[data-testid=going-on] [role=alert]', { timeout: 20000 });
  assert.equal(await page.isVisible('[data-testid=going-on-load]'), false);
  // One list slow to come: the other's rows show, and the card says the
  // slow one is still on its way.
  world.standIn.faults.length = 0;
  world.standIn.fault({ kind: 'slow', delayMs: 2500, operation: 'ListCollection', times: 1 });
  await page.click('[data-testid=going-on] [role=alert] button');
  await page.waitForSelector('[data-testid=going-on] li');
  assert.match(await page.textContent('[data-testid=going-on-coming]'), /^Loading your (anime|manga) list…$/);
  await page.waitForSelector('[data-testid=going-on-1]');
  await page.waitForSelector('[data-testid=going-on-coming]', { state: 'detached' });
  await waitFor(async () => (await page.$$('[data-testid=going-on-30002]')).length === 1);
  // The list's answer named the account.
  await waitFor(async () => /Mitsuki/.test(await page.textContent('[data-testid=session-badge]')));
  assert.deepEqual([...new Set(requests('ListCollection').map((r) => r.body.variables.type))].sort(), ['ANIME', 'MANGA']);
  assert.deepEqual(page.problems.filter((p) => !/500/.test(p)), []);
});

test('recommendations: each with its standing; signed in, agree or disagree, pressed again to take it back; a lost answer sent once more; the kept title carries it; signed out, the standing only', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=recommendations]');
  const tile = (id) => `[data-testid=recommendations] [data-testid=tile-${id}]`;
  const standing = (id) => page.textContent(`${tile(id)} [data-testid=recommend-standing]`);
  const pressed = async (id) => [await page.getAttribute(`${tile(id)} [data-testid=recommend-up]`, 'aria-pressed'), await page.getAttribute(`${tile(id)} [data-testid=recommend-down]`, 'aria-pressed')];
  const said = () => world.standIn.data.recommendationVotes.get('5150>1>5114') ?? null;
  const sent = () => requests('RateRecommendation').map((r) => r.body.variables);
  // Best rated first, each with its standing.
  assert.deepEqual(await page.locator('[data-testid=recommendations] .tile').evaluateAll((ts) => ts.map((t) => t.dataset.testid)), ['tile-16498', 'tile-5114']);
  assert.equal(await standing(16498), '+412');
  assert.equal(await standing(5114), '+57');
  assert.equal(await page.getAttribute(`${tile(5114)} [data-testid=recommend-up]`, 'aria-label'), 'Agree: recommend Fullmetal Alchemist: Brotherhood');
  assert.deepEqual(await pressed(5114), ['false', 'false']);
  // Agree, then disagree, then take it back.
  await page.click(`${tile(5114)} [data-testid=recommend-up]`);
  await waitFor(async () => (await standing(5114)) === '+58');
  assert.deepEqual(await pressed(5114), ['true', 'false']);
  assert.equal(said(), 'RATE_UP');
  // The page is not drawn anew for it: the focus stays on the button.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'recommend-up');
  await page.click(`${tile(5114)} [data-testid=recommend-down]`);
  await waitFor(async () => (await standing(5114)) === '+56');
  assert.deepEqual(await pressed(5114), ['false', 'true']);
  await page.click(`${tile(5114)} [data-testid=recommend-down]`);
  await waitFor(async () => (await standing(5114)) === '+57');
  assert.deepEqual(await pressed(5114), ['false', 'false']);
  assert.equal(said(), null);
  assert.deepEqual(sent(), [
    { mediaId: 1, recommendationId: 5114, rating: 'RATE_UP' },
    { mediaId: 1, recommendationId: 5114, rating: 'RATE_DOWN' },
    { mediaId: 1, recommendationId: 5114, rating: 'NO_RATING' },
  ]);
  // Its answer lost: the say sets a state, so it goes once more.
  world.standIn.fault({ kind: 'drop-after', operation: 'RateRecommendation' });
  await page.click(`${tile(5114)} [data-testid=recommend-up]`);
  await waitFor(async () => (await standing(5114)) === '+58');
  assert.equal(sent().length, 5);
  assert.equal(said(), 'RATE_UP');
  assert.equal(await page.locator('[data-testid=recommend-error]').count(), 0);
  // Back to the title later: the kept page, with the say on it, not asked again.
  const asked = requests('TitlePage').length;
  await page.click('nav.site-nav >> text="Search"');
  await page.waitForSelector('[data-testid=search-input]');
  await page.goBack();
  await page.waitForSelector(`${tile(5114)} [data-testid=recommend-up][aria-pressed=true]`);
  assert.equal(await standing(5114), '+58');
  assert.equal(requests('TitlePage').length, asked);
  // Refused: said, and the say as it was.
  world.standIn.fault({ kind: '500', operation: 'RateRecommendation' });
  await page.click(`${tile(16498)} [data-testid=recommend-down]`);
  await page.waitForSelector(`${tile(16498)} [data-testid=recommend-error]`);
  assert.equal(await standing(16498), '+412');
  // Signed out: the standing, no say.
  const out = await world.newPage();
  await out.goto(`${world.app.url}anime/1`);
  await appReady(out);
  await out.waitForSelector('[data-testid=recommendations]');
  assert.equal(await out.textContent(`${tile(5114)} [data-testid=recommend-standing]`), '+58');
  assert.equal(await out.locator('[data-testid=recommend-up], [data-testid=recommend-down]').count(), 0);
  assert.deepEqual(problemsBut(page).filter((p) => !/500/.test(p)), []);
  assert.deepEqual(problemsBut(out), []);
});

test('recommend a title: found by name (the title itself and those there left out), recommended in one send, its row added with your say; none yet says so', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=recommendations]');
  await page.click('[data-testid=recommend-open]');
  await page.fill('[data-testid=recommend-input]', 'star of miracles 7');
  await page.waitForSelector('[data-testid=recommend-found-90007]');
  const searched = requests('Search').at(-1).body.variables;
  assert.equal(searched.type, 'ANIME');
  assert.equal(searched.search, 'star of miracles 7');
  await page.click('[data-testid=recommend-found-90007] button');
  await page.waitForSelector('[data-testid=recommendations] [data-testid=tile-90007] [data-testid=recommend-up][aria-pressed=true]');
  assert.equal(await page.textContent('[data-testid=tile-90007] [data-testid=recommend-standing]'), '+1');
  assert.deepEqual(requests('RateRecommendation').map((r) => r.body.variables), [{ mediaId: 1, recommendationId: 90007, rating: 'RATE_UP' }]);
  assert.ok(world.standIn.data.media.find((m) => m.id === 1).recommendations.includes(90007));
  assert.equal(await page.locator('[data-testid=recommend-search]').count(), 0, 'the search closes');
  // What is there already, and the title itself, are not offered.
  await page.click('[data-testid=recommend-open]');
  await page.fill('[data-testid=recommend-input]', 'star of miracles 7');
  await page.waitForSelector('[data-testid=recommend-none]');
  await page.fill('[data-testid=recommend-input]', 'cowboy bebop');
  await page.waitForFunction(() => document.querySelector('[data-testid=recommend-none], [data-testid=recommend-results]'));
  assert.equal(await page.locator('[data-testid=recommend-found-1]').count(), 0);
  // A title no one recommended for: the card says so, and offers it.
  await page.goto(`${world.app.url}anime/5114`);
  await appReady(page);
  await page.waitForSelector('[data-testid=recommendations] >> text=No one has recommended anything for it yet.');
  assert.equal(await page.locator('[data-testid=recommend-open]').count(), 1);
  assert.deepEqual(problemsBut(page), []);
});

test('a title\'s forum threads: asked only when opened, pinned first, each leading to its page; ten at a time; none says so; a failure can be tried again', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=threads-open]');
  assert.equal(requests('TitleThreads').length, 0, 'the title\'s page stays one request');
  world.standIn.fault({ kind: '500', operation: 'TitleThreads' });
  await page.click('[data-testid=threads-open]');
  await page.waitForSelector('[data-testid=threads] [data-testid=api-error]');
  assert.equal(await page.textContent('[data-testid=threads-more] [data-testid=load-more]'), 'Try again', 'a failed read says what the button does');
  await page.click('[data-testid=threads-more] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=threads] [data-testid=thread]').length === 10);
  const rows = page.locator('[data-testid=threads] [data-testid=thread]');
  const first = rows.first();
  assert.equal(await first.locator('[data-testid=thread-pinned]').count(), 1);
  assert.equal(await first.locator('a.thread__title').getAttribute('href'), '/thread/9001');
  assert.match((await first.innerText()).replace(/\s+/g, ' '), /Pinned ?Rewatch club: week 1 Anime · General · by Hana · 42 replies · answered .+ by Jun/);
  assert.equal(await first.locator('.thread__category >> text=General').getAttribute('href'), '/forum?category=7', 'a category leads to the forum\'s threads of it');
  // Then the most recently answered; a locked one says so.
  assert.match((await rows.nth(1).innerText()).replace(/\s+/g, ' '), /Which session is the best\? by Jun · 1 reply · locked · answered/);
  assert.deepEqual(requests('TitleThreads').map((r) => r.body.variables), [{ mediaId: 1, page: 1 }, { mediaId: 1, page: 1 }]);
  await page.click('[data-testid=threads-more] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=threads] [data-testid=thread]').length === 12);
  await page.waitForSelector('[data-testid=threads-more] [data-testid=load-more]', { state: 'detached' });
  // Its title is text: nothing in it runs.
  const last = page.locator('[data-testid=thread]', { hasText: 'The ending, explained' });
  assert.match((await last.innerText()).replace(/\s+/g, ' '), /<script>window.__pwned=60<\/script> by Hana · 0 replies · begun/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // A title no one has written about.
  await page.goto(`${world.app.url}anime/16498`);
  await appReady(page);
  await page.click('[data-testid=threads-open]');
  await page.waitForSelector('[data-testid=threads-none]');
  assert.equal(await page.locator('[data-testid=threads-more] [data-testid=load-more]').count(), 0);
  assert.deepEqual(problemsBut(page), []);
});

test('a forum thread: what it says through the allowlist, the titles it is about, its comments 25 at a time with their answers counted (read on AniList); signed out too; an unknown one says so', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  await page.click('[data-testid=threads-open]');
  await page.click('[data-testid=thread] >> text=Rewatch club: week 1');
  await page.waitForSelector('[data-testid=thread-title] >> text=Rewatch club: week 1');
  assert.equal(new URL(page.url()).pathname, '/thread/9001');
  assert.equal(await page.textContent('[data-testid=thread-body] p'), 'Sessions 1 to 4.');
  assert.equal(await page.textContent('[data-testid=thread-body] p strong'), '1', 'its formatting kept');
  assert.equal(await page.locator('[data-testid=thread-body] img').count(), 0, 'an image with a handler is not kept');
  assert.match((await page.textContent('[data-testid=thread-facts]')).replace(/\s+/g, ' '), /42 comments · 900 views/);
  assert.equal(await page.getAttribute('[data-testid=thread-on-anilist]', 'href'), 'https://anilist.co/forum/thread/9001');
  assert.deepEqual(await page.locator('[data-testid=thread-titles] .tile__name').allInnerTexts(), ['Cowboy Bebop']);
  const comments = page.locator('[data-testid=comment]');
  assert.equal(await comments.count(), 25);
  const first = comments.first();
  assert.equal(await first.locator('.rich strong').innerText(), 'Blues');
  assert.equal(await first.locator('script').count(), 0);
  assert.match(await first.innerText(), /Jun/);
  // Its answers, read when opened (AniList gives them as markdown: each is
  // read by its id, as HTML, all in one request), each under what it answers.
  assert.equal(await first.locator('[data-testid=comment-answers]').innerText(), '2 answers');
  assert.equal(requests('Answers').length, 0, 'not read until opened');
  await first.locator('[data-testid=comment-answers]').click();
  const answer = first.locator('[data-testid=answers] [data-testid=comment]');
  await answer.first().waitFor();
  assert.equal(await answer.count(), 2);
  assert.equal(await answer.first().locator('[data-testid=comment-text] strong').innerText(), 'Blues', 'its formatting kept');
  assert.equal(await answer.first().locator(':scope > [data-testid=comment-text] img').count(), 0, 'an image with a handler is not kept');
  assert.match(await answer.first().locator(':scope > .comment__head').innerText(), /Hana/);
  const nested = answer.first().locator('.comments--answers [data-testid=comment]');
  assert.equal(await nested.count(), 1, 'the answer to the answer, under it');
  assert.equal(await nested.locator('[data-testid=comment-text]').innerText(), 'Agreed.');
  assert.equal(await first.locator('[data-testid=answers-on-anilist]').getAttribute('href'), 'https://anilist.co/forum/thread/9001/comment/50001');
  assert.deepEqual(requests('Answers').map((r) => r.body.variables), [{ a0: 50002, i0: true, a1: 50003, i1: true }]);
  assert.ok(requests('Answers').every((r) => r.authorization === null), 'no token signed out');
  assert.equal(await first.locator('[data-testid=comment-answers]').getAttribute('aria-expanded'), 'true');
  await first.locator('[data-testid=comment-answers]').click();
  await first.locator('[data-testid=answers]').waitFor({ state: 'detached' });
  assert.equal(await first.locator('[data-testid=comment-answers]').innerText(), '2 answers');
  await page.click('[data-testid=thread-comments-more] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=comment]').length === 27);
  await page.waitForSelector('[data-testid=thread-comments-more] [data-testid=load-more]', { state: 'detached' });
  assert.equal(await comments.last().locator('.rich').innerText(), 'Comment 26');
  assert.deepEqual(requests('ThreadPage').map((r) => r.body.variables), [{ id: 9001, page: 1, first: true }, { id: 9001, page: 2, first: false }]);
  assert.ok(requests('ThreadPage').every((r) => r.authorization === null), 'no token signed out');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // A thread AniList does not have; an address that names none.
  await page.goto(`${world.app.url}thread/424242`);
  await appReady(page);
  await page.waitForSelector('.api-error');
  await page.goto(`${world.app.url}thread/abc`);
  await appReady(page);
  await page.waitForSelector('text=No such thread');
  assert.deepEqual(problemsBut(page), []);
});

test('commenting on a thread: previewed, posted once (a lost answer looked for, not sent again), a refusal keeps the text; none twice with the pages; locked and signed out say so', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-compose] [data-testid=compose-text]');
  assert.equal(await page.locator('[data-testid=comment]').count(), 25);
  await page.fill('[data-testid=thread-compose] [data-testid=compose-text]', 'Session __5__ next?');
  await page.click('[data-testid=thread-compose] [data-testid=preview-open]');
  await page.waitForSelector('[data-testid=thread-compose] [data-testid=preview-body] strong >> text=5');
  await page.click('[data-testid=thread-compose] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=thread-posted] [data-testid=comment] >> text=Session 5 next?');
  assert.deepEqual(requests('PostComment').map((r) => r.body.variables), [{ threadId: 9001, comment: 'Session __5__ next?' }]);
  assert.equal(await page.inputValue('[data-testid=thread-compose] [data-testid=compose-text]'), '', 'the box empties once AniList has it');
  assert.match(await page.textContent('[data-testid=thread-facts]'), /43 comments/, 'counted');
  // "c" goes to the box; what is typed while a comment is sent stays there.
  await page.locator('[data-testid=thread-title]').click();
  await page.keyboard.press('c');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'compose-text');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid=thread-compose]') !== null), true);
  world.standIn.fault({ kind: 'slow', operation: 'PostComment', delayMs: 1500 });
  await page.keyboard.type('Who is in?');
  await page.click('[data-testid=thread-compose] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=thread-compose] [data-testid=compose-send] >> text=Sending…');
  await page.fill('[data-testid=thread-compose] [data-testid=compose-text]', 'And who is out?');
  await page.waitForSelector('[data-testid=thread-posted] [data-testid=comment] >> text=Who is in?');
  assert.equal(await page.inputValue('[data-testid=thread-compose] [data-testid=compose-text]'), 'And who is out?', 'typed meanwhile: kept');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-compose] [data-testid=compose-text]');
  assert.equal(await page.inputValue('[data-testid=thread-compose] [data-testid=compose-text]'), 'And who is out?', 'and kept as the draft');
  // The answer lost after AniList made it: looked for, found, not sent again.
  world.standIn.fault({ kind: 'drop-after', operation: 'PostComment' });
  await page.fill('[data-testid=thread-compose] [data-testid=compose-text]', 'And the ending.');
  await page.click('[data-testid=thread-compose] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=thread-posted] [data-testid=comment] >> text=And the ending.');
  assert.equal(requests('PostComment').length, 3, 'sent once each');
  assert.deepEqual(requests('MyComments').map((r) => r.body.variables), [{ threadId: 9001, userId: VIEWER_ID }]);
  assert.equal(world.standIn.data.threadComments.filter((c) => c.comment === 'And the ending.').length, 1);
  // Refused: AniList's reason, the text still there.
  world.standIn.fault({ kind: '500', operation: 'PostComment' });
  await page.fill('[data-testid=thread-compose] [data-testid=compose-text]', 'Not this time.');
  await page.click('[data-testid=thread-compose] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=thread-compose] [data-testid=compose-error]');
  assert.equal(await page.inputValue('[data-testid=thread-compose] [data-testid=compose-text]'), 'Not this time.');
  // The last page read: the two posted come with it, shown once.
  await page.click('[data-testid=thread-comments-more] [data-testid=load-more]');
  await page.waitForSelector('[data-testid=thread-comments-more] [data-testid=load-more]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=comment]').count(), 30);
  assert.equal(await page.locator('[data-testid=comment] >> text=And the ending.').count(), 1);
  // A thread with none says so, and says so again once the person's only one is deleted.
  await page.goto(`${world.app.url}thread/9003`);
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-no-comments]');
  await page.fill('[data-testid=thread-compose] [data-testid=compose-text]', 'First!');
  await page.click('[data-testid=thread-compose] [data-testid=compose-send]');
  await page.waitForSelector('[data-testid=thread-posted] [data-testid=comment] >> text=First!');
  assert.equal(await page.locator('[data-testid=thread-no-comments]').count(), 0);
  await page.click('[data-testid=thread-posted] [data-testid=delete-mine]');
  await page.click('[data-testid=thread-posted] [data-testid=confirm-delete-mine]');
  await page.waitForSelector('[data-testid=thread-no-comments]');
  assert.equal(world.standIn.data.threadComments.some((c) => c.comment === 'First!'), false);
  // A locked thread takes none; signed out, a way to sign in back here.
  await page.goto(`${world.app.url}thread/9002`);
  await appReady(page);
  await page.waitForSelector('[data-testid=thread-locked]');
  assert.equal(await page.locator('[data-testid=compose]').count(), 0);
  const out = await world.newPage();
  await out.goto(`${world.app.url}thread/9001`);
  await appReady(out);
  await out.waitForSelector('[data-testid=thread-sign-in]');
  assert.equal(await out.getAttribute('[data-testid=thread-sign-in] a', 'href'), '/?return_to=%2Fthread%2F9001');
  assert.deepEqual(problemsBut(page), []);
});

test('a comment with more answers than one request reads: ten at a time, all shown in order; one AniList no longer has says so, its own answers kept', async () => {
  const at = 1764000000;
  for (let i = 1; i <= 12; i++) {
    world.standIn.data.threadComments.push({ id: 50400 + i, threadId: 9001, parentCommentId: 50101, userId: i % 2 ? SECOND_ID : THIRD_ID, comment: `Answer ${i}`, commentHtml: `<p>Answer ${i}</p>`, likeCount: 0, createdAt: at + i });
  }
  // An answer to answer 12, whose own is then deleted without its answer (AniList's tree
  // keeps the answer; reading the deleted one by its id finds nothing).
  world.standIn.data.threadComments.push({ id: 50413, threadId: 9001, parentCommentId: 50412, userId: SECOND_ID, comment: 'Still here.', commentHtml: '<p>Still here.</p>', likeCount: 0, createdAt: at + 13 });
  const page = await world.newPage();
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  const row = page.locator('[data-testid=comment][data-id="50101"]');
  assert.equal(await row.locator(':scope > .comment__foot [data-testid=comment-answers]').innerText(), '13 answers');
  const missing = world.standIn.data.threadComments.find((c) => c.id === 50412);
  world.standIn.data.threadComments = world.standIn.data.threadComments.map((c) => (c.id === 50412 ? { ...c, id: -1 } : c));
  world.standIn.data.threadComments.find((c) => c.id === 50413).parentCommentId = -1;
  assert.ok(missing);
  await row.locator(':scope > .comment__foot [data-testid=comment-answers]').click();
  await row.locator('[data-testid=answers] [data-testid=comment-missing]').waitFor();
  assert.deepEqual(await row.locator('[data-testid=answers] [data-testid=comment] > [data-testid=comment-text]').allInnerTexts(), [...Array.from({ length: 11 }, (_, i) => `Answer ${i + 1}`), 'Still here.']);
  assert.match(await row.locator('[data-testid=comment-missing]').innerText(), /no longer on AniList[\s\S]*Still here\./, 'its answer under the note');
  assert.deepEqual(requests('Answers').map((r) => Object.keys(r.body.variables).filter((k) => k.startsWith('a')).length), [10, 3], 'ten in a request');
  assert.deepEqual(problemsBut(page), []);
});

test('answering a comment, and an answer: under what it answers, posted once (a lost answer looked for among those to its comment, never sent again); kept over a reload; your answer deleted, the counts down', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  const first = page.locator('[data-testid=comment][data-id="50001"]');
  await first.locator(':scope > .comment__foot [data-testid=comment-answer]').click();
  assert.equal(await first.locator('label').innerText(), 'Your answer to Jun');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'compose-text');
  await first.locator('[data-testid=compose-text]').fill('Count me __in__.');
  await first.locator('[data-testid=compose-send]').click();
  // The answers open: AniList's, then the new one, under the comment.
  const answers = first.locator('[data-testid=answers] [data-testid=comment]');
  await first.locator('[data-testid=answers] [data-testid=comment] >> text=Count me in.').waitFor();
  assert.equal(await answers.count(), 3);
  assert.equal(await first.locator('[data-testid=compose]').count(), 0, 'the box closed');
  assert.deepEqual(requests('PostComment').map((r) => r.body.variables), [{ threadId: 9001, parentCommentId: 50001, comment: 'Count me __in__.' }]);
  assert.match(await page.textContent('[data-testid=thread-facts]'), /43 comments/, 'counted');
  // An answer to Hana's answer, its answer lost after AniList made it: looked for
  // among the answers to hers, then read by its id; never sent again.
  const hana = first.locator('[data-testid=comment][data-id="50002"]');
  world.standIn.fault({ kind: 'drop-after', operation: 'PostComment' });
  await hana.locator(':scope > .comment__foot [data-testid=comment-answer]').click();
  await hana.locator(':scope > [data-testid=comment-answer-box] [data-testid=compose-text]').fill('Me too.');
  await hana.locator(':scope > [data-testid=comment-answer-box] [data-testid=compose-send]').click();
  await hana.locator(':scope > .comments--answers [data-testid=comment] >> text=Me too.').waitFor();
  assert.equal(requests('PostComment').length, 2, 'sent once each');
  const made = world.standIn.data.threadComments.filter((c) => c.comment === 'Me too.');
  assert.deepEqual(made.map((c) => c.parentCommentId), [50002]);
  assert.deepEqual(requests('Answers').slice(-2).map((r) => r.body.variables), [{ a0: 50002, i0: true }, { a0: made[0].id, i0: true }]);
  assert.deepEqual(await hana.locator(':scope > .comments--answers > [data-testid=comment] > [data-testid=comment-text]').allInnerTexts(), ['Agreed.', 'Me too.']);
  // On AniList: read again, each once, where it belongs.
  await page.reload();
  await appReady(page);
  await first.locator(':scope > .comment__foot [data-testid=comment-answers]').click();
  await first.locator('[data-testid=answers] [data-testid=comment] >> text=Me too.').waitFor();
  assert.equal(await answers.count(), 4);
  assert.match(await page.textContent('[data-testid=thread-facts]'), /44 comments/);
  // Yours deleted: gone from under the comment, the counts down.
  const yours = first.locator('[data-testid=answers] [data-testid=comment]', { hasText: 'Count me in.' });
  await yours.locator('[data-testid=delete-mine]').click();
  await yours.locator('[data-testid=confirm-delete-mine]').click();
  await yours.waitFor({ state: 'detached' });
  assert.equal(await answers.count(), 3);
  assert.match(await page.textContent('[data-testid=thread-facts]'), /43 comments/);
  await first.locator(':scope > .comment__foot [data-testid=comment-answers]').click();
  assert.equal(await first.locator(':scope > .comment__foot [data-testid=comment-answers]').innerText(), '3 answers');
  assert.deepEqual(problemsBut(page), []);
});

test('answers keep their state while others come and go: a like, an open box and its text stay when an answer is posted or deleted', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  const first = page.locator('[data-testid=comment][data-id="50001"]');
  await first.locator(':scope > .comment__foot [data-testid=comment-answers]').click();
  const hana = first.locator('[data-testid=comment][data-id="50002"]');
  const jun = first.locator('[data-testid=comment][data-id="50003"]');
  await jun.waitFor();
  // Hana's answer liked; an answer to Jun's begun.
  await hana.locator(':scope > .comment__foot [data-testid=like]').click();
  await hana.locator(':scope > .comment__foot [data-testid=like][aria-pressed=true]').waitFor();
  await jun.locator(':scope > .comment__foot [data-testid=comment-answer]').click();
  await jun.locator(':scope > [data-testid=comment-answer-box] [data-testid=compose-text]').fill('Half written');
  // An answer to the comment itself, posted from its own box.
  await first.locator(':scope > .comment__foot [data-testid=comment-answer]').click();
  await first.locator(':scope > [data-testid=comment-answer-box] [data-testid=compose-text]').fill('Another answer.');
  await first.locator(':scope > [data-testid=comment-answer-box] [data-testid=compose-send]').click();
  const mine = first.locator('[data-testid=answers] [data-testid=comment]', { hasText: 'Another answer.' });
  await mine.waitFor();
  const kept = async (when) => {
    assert.equal(await hana.locator(':scope > .comment__foot [data-testid=like]').getAttribute('aria-pressed'), 'true', `the like, ${when}`);
    assert.equal(await jun.locator(':scope > [data-testid=comment-answer-box] [data-testid=compose-text]').inputValue(), 'Half written', `the open box, ${when}`);
  };
  await kept('after a post');
  // The new answer deleted: the others as they were.
  await mine.locator('[data-testid=delete-mine]').click();
  await mine.locator('[data-testid=confirm-delete-mine]').click();
  await mine.waitFor({ state: 'detached' });
  await kept('after a delete');
  assert.equal(requests('Answers').length, 1, 'the answers read once');
  assert.deepEqual(problemsBut(page), []);
});

test('liking a thread and a comment: the count AniList\'s after it; a lost answer read back (never resent); subscribing (sent once more); signed out, the counts only', async () => {
  const page = await signedIn();
  await page.goto(`${world.app.url}thread/9001`);
  await appReady(page);
  const thread = '[data-testid=thread-likes] [data-testid=like]';
  const comment = '[data-testid=comment]:first-child [data-testid=like]';
  await page.waitForSelector(thread);
  assert.equal(await page.getAttribute(thread, 'aria-pressed'), 'false');
  await page.click(thread);
  await page.waitForSelector(`${thread}[aria-pressed=true]`);
  assert.equal((await page.innerText(thread)).trim(), '♥ 1');
  assert.equal(await page.getAttribute(thread, 'aria-label'), 'Like this thread: 1 like');
  assert.deepEqual(requests('ToggleLike').map((r) => r.body.variables), [{ id: 9001, type: 'THREAD' }]);
  // A comment's, its answer lost after AniList applied it: read back.
  assert.equal((await page.innerText(comment)).trim(), '♡ 3');
  world.standIn.fault({ kind: 'drop-after', operation: 'ToggleLike' });
  await page.click(comment);
  await page.waitForSelector(`${comment}[aria-pressed=true]`);
  assert.equal((await page.innerText(comment)).trim(), '♥ 4');
  assert.equal(requests('ToggleLike').filter((r) => r.body.variables.type === 'THREAD_COMMENT').length, 1, 'never sent twice');
  assert.deepEqual(requests('LikeState').map((r) => r.body.variables), [{ id: 50001, activity: false, thread: false, comment: true }]);
  // Kept on AniList: read again, both liked.
  await page.reload();
  await appReady(page);
  await page.waitForSelector(`${thread}[aria-pressed=true]`);
  await page.waitForSelector(`${comment}[aria-pressed=true]`);
  // Subscribed, the answer lost: it sets the state, so sent once more; kept.
  world.standIn.fault({ kind: 'drop-after', operation: 'SubscribeThread' });
  await page.click('[data-testid=thread] [data-testid=subscribe]');
  await page.waitForSelector('[data-testid=thread] [data-testid=subscribe][aria-pressed=true]');
  assert.deepEqual(requests('SubscribeThread').map((r) => r.body.variables), [{ threadId: 9001, subscribe: true }, { threadId: 9001, subscribe: true }]);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=thread] [data-testid=subscribe][aria-pressed=true]');
  await page.click('[data-testid=thread] [data-testid=subscribe]');
  await page.waitForSelector('[data-testid=thread] [data-testid=subscribe][aria-pressed=false]');
  assert.equal(world.standIn.data.likes.has(`${VIEWER_ID}>subscribed:thread:9001`), false);
  // Signed out: how many, no button.
  const out = await world.newPage();
  await out.goto(`${world.app.url}thread/9001`);
  await appReady(out);
  await out.waitForSelector('[data-testid=thread-likes] [data-testid=likes]');
  assert.equal(await out.textContent('[data-testid=thread-likes] [data-testid=likes]'), '1 like');
  assert.equal(await out.locator('[data-testid=like], [data-testid=subscribe]').count(), 0);
  assert.deepEqual(problemsBut(page), []);
});

test('your own comment on a thread: changed in place from its markdown (a lost answer sent once more, one text), deleted after asking (twice is once); others\' have neither', async () => {
  const at = Math.floor(Date.now() / 1000) - 60;
  world.standIn.data.threadComments.push({ id: 50299, threadId: 9003, userId: 6001, comment: 'Hana was here.', commentHtml: '<p>Hana was here.</p>', likeCount: 0, createdAt: at - 60, childComments: null });
  world.standIn.data.threads.find((t) => t.id === 9003).replyCount = 2;
  world.standIn.data.threadComments.push({ id: 50300, threadId: 9003, userId: VIEWER_ID, comment: 'Session __20__, surely.', commentHtml: '<p>Session <b>20</b>, surely.</p>', likeCount: 0, createdAt: at, childComments: null });
  const page = await signedIn();
  await page.goto(`${world.app.url}thread/9003`);
  await appReady(page);
  await page.waitForSelector('[data-testid=comment] >> text=Session 20, surely.');
  const mine = page.locator('[data-testid=comment]', { has: page.locator('[data-testid=edit-mine]') });
  assert.match(await mine.innerText(), /Session 20, surely\./);
  assert.equal(await page.locator('[data-testid=comment] [data-testid=edit-mine]').count(), 1, 'only on the person\'s own');
  await mine.locator('[data-testid=edit-mine]').click();
  const box = mine.locator('[data-testid=compose-text]');
  assert.equal(await box.inputValue(), 'Session __20__, surely.', 'the markdown as written');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'compose-text' && !!document.activeElement.closest('[data-testid=comment]'), null, { timeout: 5000 });
  await box.fill('Session __24__, surely.');
  world.standIn.fault({ kind: 'drop-after', operation: 'EditComment' });
  await mine.locator('[data-testid=compose-send]').click();
  await page.waitForSelector('[data-testid=comment-text] >> text=Session 24, surely.');
  assert.deepEqual(requests('EditComment').map((r) => r.body.variables), [{ id: 50300, comment: 'Session __24__, surely.' }, { id: 50300, comment: 'Session __24__, surely.' }], 'it sets the text: sent once more');
  assert.equal(world.standIn.data.threadComments.find((c) => c.id === 50300).comment, 'Session __24__, surely.');
  // Deleted: asked first; the answer lost, sent again (AniList: not found), gone.
  const edited = page.locator('[data-testid=comment]', { hasText: 'Session 24, surely.' });
  await edited.locator('[data-testid=delete-mine]').click();
  world.standIn.fault({ kind: 'drop-after', operation: 'DeleteComment' });
  await edited.locator('[data-testid=confirm-delete-mine]').click();
  await edited.waitFor({ state: 'detached' });
  assert.equal(requests('DeleteComment').length, 2);
  assert.equal(world.standIn.data.threadComments.some((c) => c.id === 50300), false);
  assert.equal(await page.locator('[data-testid=comment]').count(), 1, 'Hana\'s stays');
  assert.match(await page.textContent('[data-testid=thread-facts]'), /1 comment\b/, 'counted');
  assert.deepEqual(problemsBut(page), []);
});

test('the forum: the last answered first, each leading to its page; 25 at a time; a search, best match first, in the address; subscribed and yours signed in, each saying when there are none', async () => {
  const at = Math.floor(Date.now() / 1000);
  for (let i = 1; i <= 20; i++) {
    world.standIn.data.threads.push({ id: 9200 + i, title: `Season chat ${i}`, userId: SECOND_ID, replyUserId: THIRD_ID, replyCount: 1, viewCount: 1, isSticky: false, isLocked: false, createdAt: 1700000000 - 86400 * 30, repliedAt: 1700000000 - 86400 * i, mediaIds: [] });
  }
  // Signed out: everyone's, most recently answered first (the pinned one in its place).
  const out = await world.newPage();
  await out.goto(`${world.app.url}thread/9001`);
  await appReady(out);
  await out.click('[data-testid=thread-forum]');
  await out.waitForSelector('[data-testid=forum] [data-testid=thread]');
  assert.equal(new URL(out.url()).pathname, '/forum');
  const titles = async () => (await out.locator('[data-testid=forum] .thread__title').allInnerTexts()).map((t) => t.replace(/^Pinned\s*/, ''));
  assert.equal((await titles()).length, 25);
  assert.deepEqual((await titles()).slice(0, 3), ['Which session is the best?', 'The ending, explained <script>window.__pwned=60</script>', 'Rewatch club: week 1']);
  assert.equal(await out.locator('[data-testid=forum] [data-testid=thread]').nth(2).locator('[data-testid=thread-pinned]').count(), 1, 'the pinned one in its place, marked');
  assert.equal(await out.locator('[data-testid=forum-shown] a').count(), 1, 'signed out: no subscribed, no yours');
  await out.waitForSelector('[data-testid=forum-sign-in]');
  await out.click('[data-testid=forum-more] [data-testid=load-more]');
  await out.waitForFunction(() => document.querySelectorAll('[data-testid=forum] [data-testid=thread]').length === 32);
  assert.deepEqual(requests('ForumThreads').map((r) => r.body.variables), [{ page: 1, sort: ['REPLIED_AT_DESC'] }, { page: 2, sort: ['REPLIED_AT_DESC'] }]);
  assert.ok(requests('ForumThreads').every((r) => r.authorization === null), 'no token signed out');
  // A search as you type, after a pause: in the address, best match first; none found says so.
  const before = requests('ForumThreads').length;
  await out.fill('[data-testid=forum-search]', 'rewatch club session ');
  await out.waitForFunction(() => document.querySelectorAll('[data-testid=forum] [data-testid=thread]').length === 2);
  assert.equal(new URL(out.url()).search, '?search=rewatch+club+session');
  assert.equal(await out.inputValue('[data-testid=forum-search]'), 'rewatch club session ', 'the box as typed');
  assert.equal(requests('ForumThreads').length, before + 1, 'one request for the words');
  assert.deepEqual(await titles(), ['Rewatch club: week 1', 'Which session is the best?'], 'two of its words before one, older as it is');
  assert.deepEqual(requests('ForumThreads').at(-1).body.variables, { page: 1, search: 'rewatch club session', sort: ['SEARCH_MATCH'] });
  await out.goto(`${world.app.url}forum?search=nothing+like+it`);
  await appReady(out);
  await out.waitForSelector('[data-testid=forum-none] >> text=No threads found for “nothing like it”.');
  assert.equal(await out.inputValue('[data-testid=forum-search]'), 'nothing like it');
  assert.equal(await out.evaluate(() => window.__pwned), undefined);
  // A thread's category leads to the forum's threads of it, named as AniList names it.
  await out.goto(`${world.app.url}thread/9001`);
  await appReady(out);
  assert.equal((await out.textContent('[data-testid=thread-categories]')).replace(/\s+/g, ' ').trim(), 'In Anime, General');
  await out.click('[data-testid=thread-categories] >> text=General');
  await out.waitForSelector('[data-testid=forum-category] >> text=General');
  assert.equal(new URL(out.url()).search, '?category=7');
  await out.waitForFunction(() => document.querySelectorAll('[data-testid=forum] [data-testid=thread]').length === 1);
  assert.deepEqual(requests('ForumThreads').at(-1).body.variables, { page: 1, categoryId: 7, sort: ['REPLIED_AT_DESC'] });
  assert.equal(await out.inputValue('[data-testid=forum-category-choice]'), '7', 'the choice says which');
  // Any of the forum's categories can be chosen there.
  await out.selectOption('[data-testid=forum-category-choice]', { label: 'Release Discussion' });
  await out.waitForSelector('[data-testid=forum-category] >> text=Release Discussion');
  assert.equal(new URL(out.url()).search, '?category=5');
  await out.waitForFunction(() => document.querySelectorAll('[data-testid=forum] [data-testid=thread]').length === 9);
  await out.goBack();
  await out.waitForSelector('[data-testid=forum-category] >> text=General');
  await out.click('[data-testid=forum-category-clear]');
  await out.waitForFunction(() => document.querySelectorAll('[data-testid=forum] [data-testid=thread]').length === 25);
  assert.equal(new URL(out.url()).search, '');
  // Signed in: the threads subscribed to; none yet, then one.
  const page = await signedIn();
  await page.goto(`${world.app.url}forum?show=subscribed`);
  await appReady(page);
  await page.waitForSelector('[data-testid=forum-none] >> text=You are not subscribed to any thread.');
  world.standIn.data.likes.add(`${VIEWER_ID}>subscribed:thread:9002`);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=forum] [data-testid=thread]');
  assert.deepEqual(await page.locator('[data-testid=forum] .thread__title').allInnerTexts(), ['Which session is the best?']);
  assert.match(requests('ForumThreads').at(-1).authorization, /^Bearer /);
  assert.deepEqual(requests('ForumThreads').at(-1).body.variables, { page: 1, subscribed: true, sort: ['REPLIED_AT_DESC'] });
  // Yours: none, then the one begun.
  await page.click('[data-testid=forum-shown] >> text=Yours');
  await page.waitForSelector('[data-testid=forum-none] >> text=You have not begun a thread.');
  assert.equal(new URL(page.url()).search, '?show=mine');
  world.standIn.data.threads.push({ id: 9300, title: 'My own thread', userId: VIEWER_ID, replyUserId: null, replyCount: 0, viewCount: 0, isSticky: false, isLocked: false, createdAt: at - 60, repliedAt: 0, mediaIds: [] });
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=forum] .thread__title >> text=My own thread');
  assert.deepEqual(requests('ForumThreads').at(-1).body.variables, { page: 1, userId: VIEWER_ID, sort: ['REPLIED_AT_DESC'] });
  await page.click('[data-testid=forum] .thread__title >> text=My own thread');
  await page.waitForSelector('[data-testid=thread-title] >> text=My own thread');
  assert.deepEqual(problemsBut(page), []);
  assert.deepEqual(problemsBut(out), []);
});
