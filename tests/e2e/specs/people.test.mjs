// Character, staff and studio pages, against the stand-in: from a title's
// cast to a character, to their voice actor, and back to a title; from a
// title to its studio; the facts, the description through the allowlist,
// the titles on the person's lists, "Load more", the favourite toggle (read
// back when its answer is lost), the profile's favourites, and reading
// signed out.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, waitFor, problemsBut } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const requests = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
// Problems but those the hostile markup is expected to cause (harness.mjs).
const problems = problemsBut;
const texts = (page, selector) => page.locator(selector).allInnerTexts();

test('from a title\'s cast to a character, to the voice actor, and back to a title', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  // The anime list is kept by this browser: titles on it say so.
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=entry-700001]');
  await page.click('[data-testid=entry-700001] [data-testid=entry-title]');
  await page.waitForSelector('[data-testid=characters]');
  await page.click('[data-testid=characters] >> text=Spike Spiegel');
  await page.waitForSelector('[data-testid=person-name]');
  assert.match(new URL(page.url()).pathname, /\/character\/1$/);
  assert.equal(await page.textContent('[data-testid=person-name]'), 'Spike Spiegel');
  assert.equal(await page.title(), 'Spike Spiegel · Tsuzuki for AniList');
  assert.equal(await page.textContent('[data-testid=person-other-names]'), 'スパイク・スピーゲル · Swimming Bird');
  const facts = await page.$$eval('[data-testid=person-facts] .facts__row', (rs) => rs.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent]));
  assert.deepEqual(facts, [['Gender', 'Male'], ['Age', '27'], ['Birthday', 'June 26']]);
  // The description through the allowlist: the spoiler waits, nothing runs.
  assert.match(await page.textContent('[data-testid=description]'), /A bounty hunter aboard the Bebop/);
  assert.equal(await page.locator('[data-testid=description] img, [data-testid=description] a[href^=javascript]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  // Appears in: by popularity, each with the role, the Japanese voice, and
  // the person's own status from the list this browser keeps.
  assert.deepEqual(await texts(page, '[data-testid=appearances] [data-testid=tile-note]'), ['Main', 'Background']);
  const bebop = page.locator('[data-testid=appearances] [data-testid=tile-1]');
  assert.match(await bebop.innerText(), /Cowboy Bebop[\s\S]*TV · 1998[\s\S]*Watching[\s\S]*Kouichi Yamadera[\s\S]*Japanese voice/);
  assert.match(await page.locator('[data-testid=appearances] [data-testid=tile-16498]').innerText(), /Attack on Titan[\s\S]*Planning/);
  assert.deepEqual(requests('CharacterPage').map((r) => r.body.variables), [{ id: 1, page: 1 }]);
  assert.equal(await page.locator('[data-testid=load-more]').count(), 0, 'everything came in one page');
  // The voice actor's page: facts, and the roles they voiced.
  await bebop.locator('text=Kouichi Yamadera').click();
  await page.waitForSelector('[data-testid=person-name] >> text=Kouichi Yamadera');
  assert.match(new URL(page.url()).pathname, /\/staff\/95$/);
  const staffFacts = await page.$$eval('[data-testid=person-facts] .facts__row', (rs) => rs.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent]));
  assert.deepEqual(staffFacts, [
    ['Occupations', 'Voice Actor, Narrator'], ['Gender', 'Male'], ['Age', '64'], ['Born', '1961-06-17'],
    ['Years active', '1984 – present'], ['Hometown', 'Shiogama, Miyagi, Japan'], ['Language', 'Japanese'],
  ]);
  assert.equal(await page.textContent('[data-testid=description] em'), 'many');
  // Newest first, each title with the character voiced in it.
  const roles = page.locator('[data-testid=voice-roles] .tile');
  assert.equal(await roles.count(), 2);
  assert.match(await roles.nth(0).innerText(), /Fullmetal Alchemist: Brotherhood[\s\S]*2009[\s\S]*Completed[\s\S]*Roy Mustang/);
  assert.match(await roles.nth(1).innerText(), /Cowboy Bebop[\s\S]*Spike Spiegel/);
  assert.equal(await page.locator('[data-testid=staff-roles]').count(), 0, 'no production roles: no section');
  // A character voiced, then a title: each its own page.
  await roles.nth(0).locator('text=Roy Mustang').click();
  await page.waitForSelector('[data-testid=person-name] >> text=Roy Mustang');
  assert.match(new URL(page.url()).pathname, /\/character\/11$/);
  assert.equal(await page.locator('[data-testid=person-facts]').count(), 0, 'no facts kept: no section');
  await page.click('[data-testid=appearances] >> text=Fullmetal Alchemist: Brotherhood');
  await page.waitForSelector('[data-testid=title-name] >> text=Fullmetal Alchemist: Brotherhood');
  assert.match(new URL(page.url()).pathname, /\/anime\/5114$/);
  assert.deepEqual(problems(page), []);
});

test('a staff member\'s production roles: each title once with all its roles, and "Load more" for the rest', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}staff/102`);
  await appReady(page);
  await page.waitForSelector('[data-testid=staff-roles]');
  assert.equal(await page.textContent('[data-testid=person-name]'), 'Shinichirou Watanabe');
  const facts = await page.textContent('[data-testid=person-facts]');
  assert.ok(facts.includes('1987 – 2026'), facts);
  const tiles = page.locator('[data-testid=staff-roles] .tile');
  // 31 roles in 25 titles; the first page holds 25 roles, newest first.
  const first = await tiles.count();
  assert.ok(first > 0 && first < 25, `${first} titles on the first page`);
  assert.equal(await page.textContent('[data-testid=staff-roles] [data-testid=tile-90020] [data-testid=tile-note]'), 'Director, Sound Director');
  await page.click('[data-testid=load-more]');
  await page.waitForSelector('[data-testid=staff-roles] [data-testid=tile-1]');
  assert.equal(await tiles.count(), 25, 'every title once');
  assert.equal(await page.textContent('[data-testid=staff-roles] [data-testid=tile-5114] [data-testid=tile-note]'), 'Storyboard (ep 5), Episode Director (ep 5)');
  assert.equal(await page.textContent('[data-testid=staff-roles] [data-testid=tile-1] [data-testid=tile-note]'), 'Director');
  assert.equal(await page.locator('[data-testid=load-more]').count(), 0, 'nothing more');
  assert.deepEqual(requests('StaffPage').map((r) => r.body.variables), [{ id: 102, page: 1 }, { id: 102, page: 2 }]);
  assert.deepEqual(problems(page), []);
});

test('a favourite character and staff member: sent once, and read back (not sent again) when the answer is lost', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}character/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=favourite][aria-pressed=false]');
  assert.match(await page.textContent('[data-testid=favourite]'), /41,000/);
  await page.click('[data-testid=favourite]');
  await page.waitForSelector('[data-testid=favourite][aria-pressed=true]');
  assert.match(await page.textContent('[data-testid=favourite]'), /41,001/);
  assert.deepEqual(world.standIn.data.viewer.favourites.characters, [1]);
  assert.deepEqual(requests('ToggleFavourite').map((r) => r.body.variables), [{ characterId: 1 }]);
  // A staff member, whose toggle's answer breaks off after AniList applied it.
  await page.goto(`${world.app.url}staff/95`);
  await appReady(page);
  await page.waitForSelector('[data-testid=favourite][aria-pressed=false]');
  world.standIn.fault({ kind: 'drop-after', operation: 'ToggleFavourite' });
  await page.click('[data-testid=favourite]');
  await page.waitForSelector('[data-testid=favourite][aria-pressed=true]');
  assert.deepEqual(world.standIn.data.viewer.favourites.staff, [95]);
  assert.equal(requests('ToggleFavourite').length, 2, 'never sent twice blind');
  assert.deepEqual(requests('FavouriteState').map((r) => r.body.variables), [{ id: 95, media: false, character: false, staff: true, studio: false }], 'the state was read back');
  assert.match(await page.textContent('[data-testid=favourite]'), /9,101/);
  // The profile lists them with the favourite title, each leading to its page.
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=favourites]');
  assert.deepEqual(await texts(page, '[data-testid=favourite-anime] .tile__name'), ['Fullmetal Alchemist: Brotherhood']);
  assert.deepEqual(await texts(page, '[data-testid=favourite-characters] .person__name'), ['Spike Spiegel']);
  assert.deepEqual(await texts(page, '[data-testid=favourite-staff] .person__name'), ['Kouichi Yamadera']);
  assert.equal(await page.locator('[data-testid=favourite-manga]').count(), 0, 'no manga favourites: no group');
  await page.click('[data-testid=favourite-characters] >> text=Spike Spiegel');
  await page.waitForSelector('[data-testid=person-name] >> text=Spike Spiegel');
});

test('the profile\'s favourites: 25 of a kind, then the rest with Load more; none yet says where to add them', async () => {
  const anime = world.standIn.data.media.filter((m) => m.type === 'ANIME').map((m) => m.id);
  assert.ok(anime.length >= 27);
  world.standIn.data.viewer.favourites.anime = anime.slice(0, 27);
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  await page.waitForSelector('[data-testid=favourite-anime]');
  assert.equal(await page.locator('[data-testid=favourite-anime] .tile').count(), 25);
  await page.click('[data-testid=favourite-anime-more] [data-testid=load-more]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=favourite-anime] .tile').length === 27);
  await page.waitForSelector('[data-testid=favourite-anime-more] [data-testid=load-more]', { state: 'detached' });
  assert.deepEqual(requests('MemberFavourites').map((r) => r.body.variables), [{ id: 5150, page: 2, anime: true, manga: false, characters: false, staff: false, studios: false }]);
  const names = await texts(page, '[data-testid=favourite-anime] .tile__name');
  const want = anime.slice(0, 27).map((id) => world.standIn.data.media.find((m) => m.id === id)).map((m) => m.title.english ?? m.title.romaji);
  assert.deepEqual(names, want, 'in the member\'s order');
  // Studios too, each leading to its page.
  assert.deepEqual(await texts(page, '[data-testid=favourite-studios] a'), []);
  world.standIn.data.viewer.favourites.studios = [14];
  await page.click('[data-testid=reload]');
  await page.waitForSelector('[data-testid=favourite-studios] >> text=Sunrise');
  await page.click('[data-testid=favourite-studios] >> text=Sunrise');
  await page.waitForURL(/\/studio\/14$/);
  await page.goBack();
  await appReady(page);
  // Nothing favoured: the card says how to add some.
  world.standIn.data.viewer.favourites = { anime: [], manga: [], characters: [], staff: [] };
  await page.click('[data-testid=reload]');
  await page.waitForSelector('[data-testid=favourites] >> text=No favourites yet');
  assert.equal(await page.locator('[data-testid=favourites] .tile, [data-testid=favourites] .person').count(), 0);
  assert.deepEqual(problems(page), []);
});

test('putting favourites in order: all of them read first (again, even when all are shown), moved with the keyboard (the focus follows), saved whole; Cancel puts it back; only on the person\'s own profile', async () => {
  const anime = world.standIn.data.media.filter((m) => m.type === 'ANIME').map((m) => m.id).slice(0, 27);
  world.standIn.data.viewer.favourites.anime = [...anime];
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  const group = '[data-testid=favourite-anime-group]';
  await page.click(`${group} [data-testid=order-start]`);
  const rows = page.locator('[data-testid=favourite-anime-order] [data-fav]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=favourite-anime-order] [data-fav]').length === 27);
  assert.deepEqual(requests('MemberFavourites').map((r) => r.body.variables.page), [1, 2], 'every one read first');
  // Cancel: the order as it was, nothing sent.
  const third = anime[2];
  await page.click(`[data-fav="${third}"] [data-move=up]`);
  assert.equal(await rows.nth(1).getAttribute('data-fav'), String(third));
  await page.click(`${group} [data-testid=order-cancel]`);
  await page.waitForSelector('[data-testid=favourite-anime] .tile');
  assert.equal(requests('OrderFavourites').length, 0);
  assert.equal(await page.locator('[data-testid=favourite-anime] .tile').count(), 27, 'all read: all shown');
  // Again, by keyboard: the third goes to the top, the focus with it, then
  // to its other button when it can go no further.
  await page.click(`${group} [data-testid=order-start]`);
  await page.waitForSelector('[data-testid=favourite-anime-order]');
  await page.focus(`[data-fav="${third}"] [data-move=up]`);
  await page.keyboard.press('Enter');
  await waitFor(() => page.evaluate(() => document.activeElement?.closest('[data-fav]')?.dataset.fav).then((f) => f === String(anime[2])));
  assert.equal(await rows.nth(1).getAttribute('data-fav'), String(third));
  await page.keyboard.press('Enter');
  assert.equal(await rows.nth(0).getAttribute('data-fav'), String(third));
  await waitFor(() => page.evaluate(() => document.activeElement?.dataset.move).then((m) => m === 'down'));
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-fav]').dataset.fav), String(third));
  // The last one up by one, with the mouse.
  await page.click(`[data-fav="${anime[26]}"] [data-move=up]`);
  const order = [third, anime[0], anime[1], ...anime.slice(3, 25), anime[26], anime[25]];
  assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => Number(x.dataset.fav))), order);
  // The answer is lost once (AniList applied it): sent again, one order.
  world.standIn.fault({ kind: 'drop-after', operation: 'OrderFavourites' });
  await page.click(`${group} [data-testid=order-save]`);
  await page.waitForSelector(`${group} [data-testid=order-saved]`);
  assert.equal(requests('OrderFavourites').length, 2);
  assert.deepEqual(requests('OrderFavourites')[1].body.variables, { animeIds: order, animeOrder: order.map((_, i) => i + 1) });
  assert.deepEqual(world.standIn.data.viewer.favourites.anime, order);
  assert.deepEqual((await page.locator('[data-testid=favourite-anime] .tile').evaluateAll((t) => t.length)), 27);
  // Read again from AniList: the new order.
  await page.click('[data-testid=reload]');
  await page.waitForSelector('[data-testid=favourite-anime] .tile');
  const first = world.standIn.data.media.find((m) => m.id === third);
  assert.equal(await page.locator('[data-testid=favourite-anime] .tile__name').first().innerText(), first.title.english ?? first.title.romaji);
  // A refusal keeps the order on screen, with the reason; saved next time.
  await page.click(`${group} [data-testid=order-start]`);
  await page.waitForSelector('[data-testid=favourite-anime-order]');
  await page.click(`[data-fav="${anime[0]}"] [data-move=up]`);
  world.standIn.fault({ kind: '500', operation: 'OrderFavourites' });
  await page.click(`${group} [data-testid=order-save]`);
  await page.waitForSelector(`${group} [data-testid=order-error]`);
  assert.equal(await rows.nth(0).getAttribute('data-fav'), String(anime[0]));
  await page.click(`${group} [data-testid=order-save]`);
  await page.waitForSelector(`${group} [data-testid=order-saved]`);
  assert.equal(world.standIn.data.viewer.favourites.anime[0], anime[0]);
  // One added elsewhere since (all shown here): read again, it is in the order.
  const added = world.standIn.data.media.filter((m) => m.type === 'ANIME')[27].id;
  world.standIn.data.viewer.favourites.anime.push(added);
  await page.click(`${group} [data-testid=order-start]`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=favourite-anime-order] [data-fav]').length === 28);
  assert.equal(await rows.nth(27).getAttribute('data-fav'), String(added));
  await page.click(`${group} [data-testid=order-cancel]`);
  // Another member's favourites: no ordering.
  world.standIn.data.others.find((o) => o.id === 6002).favourites.anime = anime.slice(0, 3);
  await page.goto(`${world.app.url}user/6002`);
  await appReady(page);
  await page.waitForSelector('[data-testid=favourite-anime]');
  assert.equal(await page.locator('[data-testid=order-start]').count(), 0);
  assert.deepEqual(problems(page), []);
});

test('signed out, a character\'s page reads without a token; an unknown id and a bad address say so', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}character/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=person-name] >> text=Spike Spiegel');
  assert.equal(requests('CharacterPage')[0].authorization, null);
  assert.equal(await page.locator('[data-testid=favourite]').count(), 0, 'no favourite without a sign-in');
  assert.equal(await page.locator('[data-testid=tile-on-list]').count(), 0, 'no list: no marks');
  await page.goto(`${world.app.url}staff/424242`);
  await appReady(page);
  await page.waitForSelector('.api-error');
  assert.match(await page.textContent('.api-error'), /not found/i);
  await page.goto(`${world.app.url}character/abc`);
  await appReady(page);
  await page.waitForSelector('text=No such character');
  assert.deepEqual(problems(page), []);
});

test('a title\'s studio: its titles newest first, "Also credited" where it was not the main studio, "Load more", and a favourite', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector('[data-testid=entry-700001]');
  await page.click('[data-testid=entry-700001] [data-testid=entry-title]');
  await page.waitForSelector('[data-testid=studios]');
  assert.equal(await page.textContent('[data-testid=studios]'), 'Sunrise', 'the main studio only');
  await page.click('[data-testid=studios] >> text=Sunrise');
  await page.waitForSelector('[data-testid=studio-titles] .tile');
  assert.match(new URL(page.url()).pathname, /\/studio\/14$/);
  assert.equal(await page.textContent('[data-testid=studio-name]'), 'Sunrise');
  assert.equal(await page.title(), 'Sunrise · Tsuzuki for AniList');
  const tiles = page.locator('[data-testid=studio-titles] .tile');
  assert.equal(await tiles.count(), 25);
  assert.match(await tiles.nth(0).innerText(), /Star of Miracles 23[\s\S]*2023/, 'newest first');
  assert.equal(await page.textContent('[data-testid=studio-titles] [data-testid=tile-5114] [data-testid=tile-note]'), 'Also credited');
  assert.match(await page.textContent('[data-testid=studio-titles] [data-testid=tile-5114]'), /Completed/);
  await page.click('[data-testid=load-more]');
  await page.waitForSelector('[data-testid=studio-titles] [data-testid=tile-1]');
  assert.equal(await tiles.count(), 26);
  assert.match(await page.textContent('[data-testid=studio-titles] [data-testid=tile-1]'), /Cowboy Bebop[\s\S]*Watching/);
  assert.equal(await page.locator('[data-testid=load-more]').count(), 0);
  assert.deepEqual(requests('StudioPage').map((r) => r.body.variables), [{ id: 14, page: 1 }, { id: 14, page: 2 }]);
  // A favourite studio.
  assert.match(await page.textContent('[data-testid=favourite]'), /3,200/);
  await page.click('[data-testid=favourite]');
  await page.waitForSelector('[data-testid=favourite][aria-pressed=true]');
  assert.deepEqual(world.standIn.data.viewer.favourites.studios, [14]);
  assert.deepEqual(requests('ToggleFavourite').map((r) => r.body.variables), [{ studioId: 14 }]);
  // An unknown studio, and an address that names none.
  await page.goto(`${world.app.url}studio/424242`);
  await appReady(page);
  await page.waitForSelector('.api-error');
  await page.goto(`${world.app.url}studio/x`);
  await appReady(page);
  await page.waitForSelector('text=No such studio');
  assert.deepEqual(problems(page), []);
});

test('"Only titles on my lists": a staff member\'s and a studio\'s titles asked again with onList, and back', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}staff/102`);
  await appReady(page);
  await page.waitForSelector('[data-testid=staff-roles] .tile');
  await page.check('[data-testid=only-on-list]');
  // Of Watanabe's 25 titles, Cowboy Bebop and Fullmetal Alchemist are on the lists.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-roles] .tile').length === 2);
  assert.deepEqual(await texts(page, '[data-testid=staff-roles] .tile__name'), ['Fullmetal Alchemist: Brotherhood', 'Cowboy Bebop']);
  assert.equal(await page.locator('[data-testid=load-more]').count(), 0);
  assert.deepEqual(requests('StaffPage').map((r) => r.body.variables), [{ id: 102, page: 1 }, { id: 102, page: 1, onList: true }]);
  assert.ok(await page.evaluate(() => document.activeElement?.dataset.testid === 'only-on-list'), 'the focus stays on the choice');
  await page.uncheck('[data-testid=only-on-list]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-roles] .tile').length > 2);
  assert.equal(await page.locator('[data-testid=load-more]').count(), 1, 'all of them again, a page at a time');
  // A studio: the titles on the lists, whether it was their main studio or not.
  await page.goto(`${world.app.url}studio/14`);
  await appReady(page);
  await page.waitForSelector('[data-testid=studio-titles] .tile');
  await page.check('[data-testid=only-on-list]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-titles] .tile').length === 3);
  assert.deepEqual(await texts(page, '[data-testid=studio-titles] .tile__name'), ['Fullmetal Alchemist: Brotherhood', 'ONE PIECE', 'Cowboy Bebop']);
  // Nothing on the lists: says so.
  world.standIn.data.entries = world.standIn.data.entries.filter((e) => e.userId !== 5150);
  await page.goto(`${world.app.url}character/1`);
  await appReady(page);
  await page.waitForSelector('[data-testid=appearances]');
  await page.check('[data-testid=only-on-list]');
  await page.waitForSelector('[data-testid=no-titles] >> text=None of their titles is on your lists.');
  assert.deepEqual(problems(page), []);
});

test('"Only titles on my lists" changed while its answer is on the way: the late answer is dropped', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}staff/102`);
  await appReady(page);
  await page.waitForSelector('[data-testid=staff-roles] .tile');
  const all = await page.locator('[data-testid=staff-roles] .tile').count();
  assert.ok(all > 2);
  // On, answered late; off again at once (all titles, which the app still
  // holds from the first reading: shown at once).
  world.standIn.fault({ kind: 'slow', operation: 'StaffPage', delayMs: 1500 });
  await page.check('[data-testid=only-on-list]');
  await page.uncheck('[data-testid=only-on-list]');
  const late = () => requests('StaffPage').find((r) => r.body.variables.onList);
  await waitFor(() => late()?.answered === 200, 5000);
  await page.waitForTimeout(300);
  // The late answer (the 2 titles on the lists) did not replace them.
  assert.equal(await page.locator('[data-testid=staff-roles] .tile').count(), all);
  assert.equal(await page.locator('[data-testid=load-more]').count(), 1);
  assert.equal(await page.isChecked('[data-testid=only-on-list]'), false);
  assert.deepEqual(problems(page), []);
});

test('signed out, no "Only titles on my lists" (AniList needs to know whose)', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}studio/14`);
  await appReady(page);
  await page.waitForSelector('[data-testid=studio-titles] .tile');
  assert.equal(await page.locator('[data-testid=only-on-list]').count(), 0);
});
