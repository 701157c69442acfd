// Search against the stand-in: debounced typing, the query in the URL,
// paging by hasNextPage, and adding a title to the list in one click.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, signOut, problemsBut } from '../lib/harness.mjs';

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

test('one episode is "1 episode" in a result and on the title\'s page', async () => {
  const page = await signedInPage();
  await page.fill('[data-testid=search-input]', 'silent voice');
  await page.waitForSelector('[data-testid=result-20954]');
  assert.match(await page.textContent('[data-testid=result-20954]'), /Movie · 2016 · 1 episode ·/);
  await page.click('[data-testid=result-20954] [data-testid=result-title]');
  await page.waitForSelector('[data-testid=title-name]');
  assert.match(await page.textContent('main'), /1 episode\b(?!s)/);
});

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
  assert.match(await page.textContent('[data-testid=result-1]'), /TV · 1998 · 26 episodes ·/);
  // A reload (or a shared link) shows the same search.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=result-1]');
  assert.equal(await page.inputValue('[data-testid=search-input]'), 'cowboy bebop');
  assert.deepEqual(page.problems, []);
});

test('a search by text also finds characters, staff, studios and members, in the same request; each leads to its page', async () => {
  const page = await signedInPage();
  await page.fill('[data-testid=search-input]', 'spi');
  await page.waitForSelector('[data-testid=found-characters]');
  assert.deepEqual(await page.locator('[data-testid=found-characters] .person__name').allInnerTexts(), ['Spike Spiegel']);
  assert.equal(await page.locator('[data-testid=found-staff]').count(), 0, 'nobody on the staff: no group');
  // No title matches: the people still show, above "Nothing found".
  await page.waitForSelector('text=Nothing found');
  assert.equal(searches().length, 1, 'one request for all of it');
  assert.equal(searches()[0].body.variables.people, true);
  await page.fill('[data-testid=search-input]', 'sun');
  await page.waitForSelector('[data-testid=found-studios] >> text=Sunrise');
  await page.click('[data-testid=found-studios] >> text=Sunrise');
  await page.waitForSelector('[data-testid=studio-name] >> text=Sunrise');
  await page.goBack();
  await page.fill('[data-testid=search-input]', 'yamadera');
  await page.click('[data-testid=found-staff] >> text=Kouichi Yamadera');
  await page.waitForSelector('[data-testid=person-name] >> text=Kouichi Yamadera');
  // Members too, each leading to their page in the app.
  await page.goBack();
  await page.fill('[data-testid=search-input]', 'hana');
  await page.waitForSelector('[data-testid=found-members]');
  assert.deepEqual(await page.locator('[data-testid=found-members] .person__name').allInnerTexts(), ['Hana']);
  await page.click('[data-testid=found-members] >> text=Hana');
  await page.waitForSelector('[data-testid=profile-name] >> text=Hana');
  assert.equal(new URL(page.url()).pathname, '/user/6001');
  // Browsing without text asks for none of them.
  await page.goto(`${world.app.url}search?type=anime&genre=Drama`);
  await appReady(page);
  await page.waitForSelector('[data-testid=results]');
  assert.equal(searches().at(-1).body.variables.people, false);
  assert.equal(await page.locator('[data-testid=people-found]').count(), 0);
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
  assert.deepEqual(searches().map((r) => r.body.variables.people), [true, false, false], 'the people come with the first page only');
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
  assert.equal(searches()[0].body.variables.isAdult, false, 'signed out: no titles for adults');
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
  // Still offline, so with only what the search knew of the title: on the
  // list page its genre is a choice, and picking it shows the title.
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector('[data-testid=list-genre] >> option:text("Slice of Life")', { state: 'attached' });
  await page.selectOption('[data-testid=list-genre]', 'Slice of Life');
  await page.waitForFunction(() => document.querySelectorAll('.entry').length === 1);
  assert.match(await page.textContent('.entry'), /Star of Miracles 5|Kiseki no Hoshi 5/);
  await page.goBack();
  await page.waitForSelector('[data-testid=result-90005]');
  await page.context().setOffline(false);
  await page.waitForSelector('text=All changes saved');
  const added = world.standIn.data.entries.find((e) => e.mediaId === 90005);
  assert.equal(added?.status, 'PLANNING');
  // The list page shows it from the store.
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(`[data-testid=entry-${added.id}]`);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('browse: filters and the order go to AniList and into the URL; a reload keeps them; Load more as before', async () => {
  const page = await signedInPage();
  // No text: choosing a filter browses.
  await page.selectOption('[data-testid=filter-genre]', 'Slice of Life');
  await page.waitForSelector('[data-testid=results]');
  await page.selectOption('[data-testid=filter-format]', 'movie');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('format') === 'movie');
  await page.selectOption('[data-testid=filter-sort]', 'score');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'score');
  await page.waitForSelector('[data-testid=result-90027], [data-testid=result-90021]');
  const last = searches().at(-1).body.variables;
  assert.deepEqual(last, { type: 'ANIME', page: 1, perPage: 10, format: 'MOVIE', genre: 'Slice of Life', sort: ['SCORE_DESC'], isAdult: false, people: false });
  // Movies with Slice of Life, best average first (the fixtures' 90003, 90006 …).
  const ids = await page.$$eval('.result', (rs) => rs.map((r) => Number(r.dataset.testid.slice(7))));
  const scores = ids.map((id) => world.standIn.data.media.find((m) => m.id === id));
  assert.ok(scores.every((m) => m.format === 'MOVIE' && m.genres.includes('Slice of Life')), ids.join());
  assert.deepEqual(scores.map((m) => m.averageScore), [...scores.map((m) => m.averageScore)].sort((a, b) => b - a));
  // The URL holds it all: a reload shows the same.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=results]');
  assert.equal(await page.inputValue('[data-testid=filter-genre]'), 'Slice of Life');
  assert.equal(await page.inputValue('[data-testid=filter-format]'), 'movie');
  assert.equal(await page.inputValue('[data-testid=filter-sort]'), 'score');
  // Year and text together; Clear filters keeps the text.
  await page.selectOption('[data-testid=filter-year]', '2012');
  await page.fill('[data-testid=search-input]', 'star');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'star');
  await page.waitForSelector('[data-testid=result-90012]');
  assert.equal(await page.locator('.result').count(), 1);
  await page.click('[data-testid=clear-filters]');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('genre') && new URL(location.href).searchParams.get('q') === 'star');
  await page.waitForSelector('[data-testid=load-more]');
  assert.equal(await page.locator('.result').count(), 10);
  // A season only where it applies: manga has none, and an anime format does not carry over.
  await page.selectOption('[data-testid=filter-season]', 'spring');
  await page.click('label:has-text("Manga")');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'manga');
  assert.equal(await page.locator('[data-testid=filter-season]').count(), 0);
});

test('browse: the release states are named for the kind, "Airing" for anime and "Releasing" for manga, with one value in the URL', async () => {
  const page = await signedInPage();
  const label = () => page.$eval('[data-testid=filter-status] option[value=releasing]', (o) => o.textContent);
  const soon = () => page.$eval('[data-testid=filter-status] option[value=not_yet_released]', (o) => o.textContent);
  assert.equal(await label(), 'Airing');
  assert.equal(await soon(), 'Not yet aired');
  await page.selectOption('[data-testid=filter-status]', 'releasing');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'releasing');
  await page.waitForSelector('[data-testid=results]');
  assert.equal(searches().at(-1).body.variables.status, 'RELEASING');
  await page.click('label:has-text("Manga")');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'manga');
  assert.equal(await label(), 'Releasing');
  assert.equal(await soon(), 'Not yet released');
  assert.equal(await page.inputValue('[data-testid=filter-status]'), 'releasing');
});

test('the browse filters on a phone: each label above its choice, two to a row, none past the screen', async () => {
  const page = await world.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(world, page);
  await page.goto(`${world.app.url}search?type=manga&genre=Action`);
  await page.waitForSelector('[data-testid=clear-filters]');
  const box = (sel) => page.locator(sel).boundingBox();
  const ids = ['filter-format', 'filter-status', 'filter-year', 'filter-genre', 'filter-tag', 'filter-list', 'filter-sort'];
  for (const id of ids) {
    const select = await box(`[data-testid=${id}]`);
    const label = await page.locator(`label:has([data-testid=${id}]) .field__label`).boundingBox();
    assert.ok(select.x >= 0 && select.x + select.width <= 390, `${id} from ${select.x} to ${select.x + select.width} of 390`);
    assert.ok(label.y + label.height <= select.y + 1, `${id}: its label above it`);
  }
  const [format, status, year] = [await box('[data-testid=filter-format]'), await box('[data-testid=filter-status]'), await box('[data-testid=filter-year]')];
  assert.equal(Math.round(format.y), Math.round(status.y), 'format and status side by side');
  assert.ok(year.y > format.y + format.height, 'year on the next row');
});

test('titles for adults follow the account\'s choice on AniList: searched and on the schedule only while it lets them show', async () => {
  world.standIn.data.viewer.options.displayAdultContent = true;
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}search?q=midnight`);
  await appReady(page);
  await page.waitForSelector('[data-testid=result-40003]');
  assert.equal('isAdult' in searches().at(-1).body.variables, false, 'every title asked for');
  await page.goto(`${world.app.url}airing/schedule`);
  await page.waitForSelector('[data-testid=schedule] [data-testid=slot-40003]');
  // Turned off in Settings: the search and the schedule leave them out.
  await page.click('nav.site-nav >> text="Settings"');
  await page.uncheck('[data-testid=option-adult]');
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  await page.goto(`${world.app.url}airing/schedule`);
  await page.waitForSelector('[data-testid=slot-40001]');
  assert.equal(await page.locator('[data-testid=slot-40003]').count(), 0);
  await page.goto(`${world.app.url}search?q=midnight`);
  await page.waitForSelector('text=Nothing found');
  assert.equal(searches().at(-1).body.variables.isAdult, false);
  assert.deepEqual(page.problems, []);
});

test('browse by tag: AniList\'s tags are asked for once the field is used and kept on this device; a name AniList lacks is said; a title\'s tags and genres lead there', async () => {
  const page = await signedInPage();
  const tagAsks = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Tags').length;
  assert.equal(tagAsks(), 0, 'nothing asked before the field is used');
  await page.focus('[data-testid=filter-tag]');
  // AniList's tags by category, the one for adults left out (the account hides them).
  await page.waitForFunction(() => document.querySelectorAll('datalist option').length === 3);
  const offered = await page.$$eval('datalist option', (os) => os.map((o) => `${o.label}: ${o.value}`));
  assert.deepEqual(offered, ['Setting / Universe: Space', 'Theme / Drama: Tragedy', 'Theme / Other: Found Family']);
  assert.equal(tagAsks(), 1);
  // A name AniList lacks: said, nothing searched.
  await page.fill('[data-testid=filter-tag]', 'Spaec');
  await page.press('[data-testid=filter-tag]', 'Enter');
  await page.waitForSelector('[data-testid=filter-tag-error] >> text=AniList has no tag “Spaec”.');
  assert.equal(searches().length, 0);
  // As typed in any case: AniList's spelling goes to AniList and the URL.
  await page.fill('[data-testid=filter-tag]', 'space');
  await page.press('[data-testid=filter-tag]', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tag') === 'Space');
  await page.waitForSelector('[data-testid=result-1]');
  assert.equal(await page.locator('.result').count(), 1);
  assert.equal(searches().at(-1).body.variables.tag, 'Space');
  assert.equal(await page.inputValue('[data-testid=filter-tag]'), 'Space');
  // What the tag means, in AniList's words.
  assert.equal(await page.textContent('[data-testid=filter-tag-about]'), 'Space: Prominently features a setting in outer space.');
  // Kept on this device: a reload asks AniList for the tags no more, and
  // what the chosen tag means is said without the field being used.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=filter-tag-about] >> text=Prominently features a setting in outer space.');
  await page.focus('[data-testid=filter-tag]');
  await page.waitForFunction(() => document.querySelectorAll('datalist option').length === 3);
  assert.equal(tagAsks(), 1);
  // Cleared: every title again.
  await page.fill('[data-testid=filter-tag]', '');
  await page.press('[data-testid=filter-tag]', 'Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('tag'));
  assert.equal(await page.locator('[data-testid=filter-tag-about]').count(), 0);
  // A title's tag is a link to the titles of its kind with that tag, what
  // it means on hover and said there.
  await page.goto(`${world.app.url}anime/1`);
  await appReady(page);
  const space = '[data-testid=tags] [data-testid=tag-link] >> text="Space"';
  assert.equal(await page.getAttribute(space, 'title'), 'Prominently features a setting in outer space.\nBrowse anime tagged Space');
  await page.click(space);
  await page.waitForFunction(() => location.pathname.endsWith('/search') && new URL(location.href).searchParams.get('tag') === 'Space');
  await page.waitForSelector('[data-testid=result-1]');
  await page.waitForSelector('[data-testid=filter-tag-about] >> text=Prominently features a setting in outer space.');
  // And so is each of its genres.
  await page.goBack();
  await page.click('[data-testid=genres] a >> text="Sci-Fi"');
  await page.waitForFunction(() => location.pathname.endsWith('/search') && new URL(location.href).searchParams.get('genre') === 'Sci-Fi');
  await page.waitForSelector('[data-testid=result-1]');
  assert.equal(await page.inputValue('[data-testid=filter-genre]'), 'Sci-Fi');
  assert.deepEqual(problemsBut(page), [], 'nothing but the covers, which do not load here');
});

test('browse what is on your lists, or what is not: signed in only, sent as onList and kept in the URL', async () => {
  const page = await signedInPage();
  const mine = new Set(world.standIn.data.entries.filter((e) => e.userId === 5150).map((e) => e.mediaId));
  const shown = () => page.$$eval('.result', (rs) => rs.map((r) => Number(r.dataset.testid.slice(7))));
  // The choice alone browses: the most popular titles not on the lists.
  await page.selectOption('[data-testid=filter-list]', 'off');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('list') === 'off');
  await page.waitForSelector('.result');
  const off = await shown();
  assert.ok(off.length > 0 && off.every((id) => !mine.has(id)), off.join());
  assert.equal(searches().at(-1).body.variables.onList, false);
  // Only those on them.
  await page.selectOption('[data-testid=filter-list]', 'on');
  await page.waitForSelector('[data-testid=result-1]');
  const on = await shown();
  assert.ok(on.length > 0 && on.every((id) => mine.has(id)), on.join());
  assert.equal(searches().at(-1).body.variables.onList, true);
  // Signed out: the choice is not offered and AniList is not asked.
  await signOut(page);
  await page.goto(`${world.app.url}search?type=anime&genre=Action&list=on`);
  await appReady(page);
  await page.waitForSelector('[data-testid=results]');
  assert.equal(await page.locator('[data-testid=filter-list]').count(), 0);
  assert.equal(await page.textContent('[data-testid=filter-list-signed-out]'), 'Browsing by your lists needs you signed in: every title shows.');
  assert.equal(searches().at(-1).headers.authorization, undefined);
  assert.equal('onList' in searches().at(-1).body.variables, false);
  assert.deepEqual(page.problems, []);
});

test('AniList\'s tags not readable: said under the filters, and a tag is searched as typed', async () => {
  const page = await signedInPage();
  world.standIn.fault({ kind: '403', operation: 'Tags' });
  await page.focus('[data-testid=filter-tag]');
  await page.waitForSelector('[data-testid=filter-tag-unread]');
  await page.fill('[data-testid=filter-tag]', 'Space');
  await page.press('[data-testid=filter-tag]', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tag') === 'Space');
  await page.waitForSelector('[data-testid=result-1]');
  assert.deepEqual(page.problems.filter((p) => !/403/.test(p)), []);
});

test('ways to start browsing: this season, this season not on your lists, the next, and what is trending', async () => {
  const page = await signedInPage();
  // This season by the device's date, as AniList counts it (December opens the next year's winter).
  const now = new Date();
  const [m, y] = [now.getMonth() + 1, now.getFullYear()];
  const seasons = ['winter', 'spring', 'summer', 'fall'];
  const at = m === 12 ? 0 : Math.floor((m % 12) / 3);
  const year = m === 12 ? y + 1 : y;
  const [nextSeason, nextYear] = at === 3 ? ['winter', year + 1] : [seasons[at + 1], year];
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const links = await page.$$eval('[data-testid=search-starts] a', (as) => as.map((a) => [a.textContent, new URL(a.href).search]));
  assert.deepEqual(links, [
    [`This season: ${cap(seasons[at])} ${year}`, `?type=anime&season=${seasons[at]}&year=${year}&sort=popularity`],
    [`${cap(seasons[at])} ${year}, not on your lists`, `?type=anime&season=${seasons[at]}&year=${year}&list=off&sort=popularity`],
    [`Next season: ${cap(nextSeason)} ${nextYear}`, `?type=anime&season=${nextSeason}&year=${nextYear}&sort=popularity`],
    ['Trending anime', '?type=anime&sort=trending'],
  ]);
  await page.click('[data-testid=search-starts] a >> text="Trending anime"');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'trending');
  await page.waitForSelector('.result');
  assert.deepEqual(searches().at(-1).body.variables.sort, ['TRENDING_DESC']);
  assert.equal(await page.inputValue('[data-testid=filter-sort]'), 'trending');
  // Manga has no seasons: what is trending.
  await page.goto(`${world.app.url}search?type=manga`);
  await appReady(page);
  assert.deepEqual(await page.locator('[data-testid=search-starts] a').allInnerTexts(), ['Trending manga']);
  assert.deepEqual(problemsBut(page), []);
});
