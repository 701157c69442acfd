// The account's options on AniList, from Settings: the language of titles,
// the scoring system and airing notifications, read from AniList and saved
// there (only what changed is sent). A new scoring system or language
// reads the lists again; a new scoring system waits while changes with
// scores in the old one are still to be sent.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, signIn, waitFor, problemsBut } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const asked = (name) => world.standIn.graphqlRequests().filter((r) => r.operationName === name);
const row = (id) => `[data-testid=entry-${id}]`;
const form = '[data-testid=options-form]';

async function settings(page) {
  await page.click('nav.site-nav >> text="Settings"');
  await page.waitForSelector(form);
}

test('the options as AniList holds them; a new scoring system and language are saved (only they are sent), and the list shows its scores and titles in them', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(`${row(700001)} >> text=Cowboy Bebop`);
  assert.match(await page.textContent(row(700001)), /8\.5 \/ 10/);
  // A title's page, kept from this visit.
  await page.click(`${row(700001)} >> text=Cowboy Bebop`);
  await page.waitForSelector('[data-testid=title-name] >> text=Cowboy Bebop');
  await settings(page);
  const selected = (sel) => page.$eval(sel, (s) => s.selectedOptions[0].textContent);
  assert.equal(await selected('[data-testid=option-title-language]'), 'English');
  assert.equal(await selected('[data-testid=option-score-format]'), '10 points with decimals (8.5/10)');
  assert.equal(await page.isChecked('[data-testid=option-airing]'), true);
  assert.equal(await page.isDisabled('[data-testid=options-save]'), true, 'nothing to save yet');
  await page.selectOption('[data-testid=option-title-language]', { label: 'Romaji' });
  await page.selectOption('[data-testid=option-score-format]', { label: '100 points (85/100)' });
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text=Saved on AniList. Your lists are being read again to match.');
  const sent = asked('SaveUserOptions');
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].body.variables, { titleLanguage: 'ROMAJI', scoreFormat: 'POINT_100' });
  assert.equal(world.standIn.data.viewer.mediaListOptions.scoreFormat, 'POINT_100');
  assert.equal(world.standIn.data.viewer.options.titleLanguage, 'ROMAJI');
  assert.equal(await page.isDisabled('[data-testid=options-save]'), true, 'saved: nothing left to save');
  // The anime list (the one this browser holds) is read again.
  await waitFor(() => asked('ListCollection').length > lists);
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(`${row(700001)} >> text=Kaubōi Bibappu`);
  assert.match(await page.textContent(row(700001)), /85 \/ 100/);
  // The title's page, kept in the old language, is asked again.
  await page.click(`${row(700001)} >> text=Kaubōi Bibappu`);
  await page.waitForSelector('[data-testid=title-name] >> text=Kaubōi Bibappu');
  // The next visit reads them from AniList as saved.
  await settings(page);
  assert.equal(await selected('[data-testid=option-score-format]'), '100 points (85/100)');
  // The title's banner is on AniList's image host, which tests never reach.
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource: net::ERR_FAILED/.test(p)), []);
});

test('while the list is read again in a new scoring system, no score can be set: the editor says why, then shows the score in the new system and saves it there', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  await settings(page);
  await page.selectOption('[data-testid=option-score-format]', { label: '100 points (85/100)' });
  // AniList slow to give the list again.
  world.standIn.fault({ kind: 'slow', delayMs: 3000, operation: 'ListCollection' });
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text=/Saved on AniList/');
  await page.click('nav.site-nav >> text="Lists"');
  await page.click(`${row(700001)} [data-testid=edit]`);
  const editor = '[data-testid=entry-editor][open]';
  await page.waitForSelector(`${editor} [data-testid=score-converting]`);
  assert.equal(await page.isDisabled(`${editor} [data-testid=score-input]`), true);
  // Read again: the score as AniList now gives it, and a new one is taken in the new system.
  await page.waitForSelector(`${editor} [data-testid=score-converting]`, { state: 'detached', timeout: 10000 });
  assert.equal(await page.inputValue(`${editor} [data-testid=score-input]`), '85');
  await page.fill(`${editor} [data-testid=score-input]`, '90');
  await page.click(`${editor} [data-testid=editor-save]`);
  await waitFor(() => world.standIn.data.entries.find((e) => e.id === 700001).score === 9);
  const saves = asked('SaveEntry');
  assert.equal(saves.length, 1);
  assert.equal(saves[0].body.variables.score, 90);
  assert.deepEqual(page.problems, []);
});

test("the scoring system changed on AniList's site while a score waited here: that score is not sent, the person is told, and the list shows AniList's score in the new system", async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  // AniList fails the save for now: it waits to be tried again.
  world.standIn.fault({ kind: '500', operation: 'SaveEntry', times: 5 });
  await page.click(`${row(700001)} [data-testid=edit]`);
  await page.fill('[data-testid=entry-editor] [data-testid=score-input]', '6');
  await page.click('[data-testid=entry-editor] [data-testid=editor-save]');
  await page.waitForSelector('[data-testid=outbox-status] >> text=/1 change waiting/');
  // Meanwhile, on AniList's site: 100 points. The list is read again.
  world.standIn.data.viewer.mediaListOptions.scoreFormat = 'POINT_100';
  await page.click('[data-testid=refresh]');
  await page.waitForSelector('[data-testid=flashes] >> text=Your scoring system changed on AniList');
  assert.match(await page.textContent('[data-testid=flashes]'), /The score you set for Cowboy Bebop was waiting to be sent, in the old system: it was not sent\./);
  await page.waitForSelector(`${row(700001)} >> text=85 / 100`);
  await page.waitForTimeout(5000);
  assert.equal(asked('SaveEntry').length, 1, 'only the first try, which AniList failed');
  assert.equal(world.standIn.data.entries.find((e) => e.id === 700001).score, 8.5);
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 500')), []);
});

test('two tabs: a new scoring system and language saved in one, the other reads its list again and shows them', async () => {
  const a = await world.newPage();
  await signIn(world, a);
  const b = await a.context().newPage();
  b.problems = [];
  b.on('pageerror', (err) => b.problems.push(`page error: ${err.message}`));
  await b.goto(`${world.app.url}lists/anime`);
  await b.waitForSelector(`${row(700001)} >> text=8.5 / 10`);
  await a.goto(`${world.app.url}settings`);
  await a.waitForSelector(form);
  await a.selectOption('[data-testid=option-score-format]', { label: '100 points (85/100)' });
  await a.selectOption('[data-testid=option-title-language]', { label: 'Romaji' });
  await a.click('[data-testid=options-save]');
  await a.waitForSelector('[data-testid=options-state] >> text=/Saved on AniList/');
  // Within the 30 s in which a list is not asked for again by itself.
  await b.waitForSelector(`${row(700001)} >> text=85 / 100`);
  await b.waitForSelector(`${row(700001)} >> text=Kaubōi Bibappu`);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('airing notifications alone: saved without reading the lists again; "Undo changes" goes back to what AniList holds', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await settings(page);
  await page.uncheck('[data-testid=option-airing]');
  await page.selectOption('[data-testid=option-title-language]', { label: 'Native' });
  await page.click('[data-testid=options-reset]');
  assert.equal(await page.isChecked('[data-testid=option-airing]'), true);
  assert.equal(await page.$eval('[data-testid=option-title-language]', (s) => s.selectedOptions[0].textContent), 'English');
  assert.equal(await page.isDisabled('[data-testid=options-save]'), true);
  await page.uncheck('[data-testid=option-airing]');
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked("SaveUserOptions").map((r) => r.body.variables), [{ airingNotifications: false }]);
  assert.equal(world.standIn.data.viewer.options.airingNotifications, false);
  await page.waitForTimeout(300);
  assert.equal(asked('ListCollection').length, lists);
  assert.deepEqual(page.problems, []);
});

test('the account\'s other options: names of characters and staff (kept titles asked again), time zone, adults, messages, merge time, list activity, colour, kinds of notification; only what changed is sent, kept over a reload', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.click(`${row(700001)} >> text=Cowboy Bebop`);
  await page.waitForSelector('[data-testid=title-name] >> text=Cowboy Bebop');
  await settings(page);
  const selected = (sel) => page.$eval(sel, (s) => s.selectedOptions[0].textContent);
  const kind = (k) => `[data-testid=notify-kind][data-kind=${k}]`;
  assert.equal(await selected('[data-testid=option-staff-language]'), 'Romaji, given name first');
  assert.equal(await selected('[data-testid=option-merge-time]'), '12 hours');
  assert.equal(await selected('[data-testid=option-profile-color]'), 'Blue');
  assert.equal(await selected('[data-testid=option-timezone]'), 'Not set (or as on AniList)');
  // This device's offset is marked among them.
  const here = await page.evaluate(() => {
    const m = -new Date().getTimezoneOffset();
    return m === 0 ? 'UTC' : `UTC${m < 0 ? '−' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`;
  });
  assert.deepEqual(await page.$$eval('[data-testid=option-timezone] option', (os) => os.filter((o) => o.textContent.endsWith('(this device)')).map((o) => o.textContent)), [`${here} (this device)`]);
  assert.equal(await page.isChecked('[data-testid=option-adult]'), false);
  assert.equal(await page.isChecked('[data-testid=list-activity-planning]'), true);
  // Every kind AniList lists but airing (which has its own choice), as AniList holds it.
  assert.equal(await page.locator('[data-testid=notify-kind]').count(), 16);
  assert.equal(await page.isChecked(kind('ThreadLike')), false);
  assert.equal(await page.isChecked(kind('Following')), true);
  assert.equal(await page.textContent(`label:has(${kind('Following')})`), 'someone follows me');
  await page.selectOption('[data-testid=option-staff-language]', 'NATIVE');
  await page.check('[data-testid=option-adult]');
  await page.check('[data-testid=option-restrict-messages]');
  await page.selectOption('[data-testid=option-merge-time]', { label: '1 day' });
  await page.uncheck('[data-testid=list-activity-planning]');
  await page.selectOption('[data-testid=option-profile-color]', 'green');
  await page.selectOption('[data-testid=option-timezone]', { label: 'UTC−03:30' });
  await page.check(kind('ThreadLike'));
  await page.uncheck(kind('Following'));
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  const [sent] = asked('SaveUserOptions').map((r) => r.body.variables);
  const { notificationOptions, disabledListActivity, ...rest } = sent;
  assert.deepEqual(rest, { staffNameLanguage: 'NATIVE', displayAdultContent: true, restrictMessagesToFollowing: true, activityMergeTime: 1440, timezone: '-03:30', profileColor: 'green' });
  assert.equal(notificationOptions.length, 17, 'every kind AniList listed');
  assert.deepEqual(notificationOptions.filter((n) => ['FOLLOWING', 'THREAD_LIKE', 'AIRING'].includes(n.type)), [{ type: 'FOLLOWING', enabled: false }, { type: 'AIRING', enabled: true }, { type: 'THREAD_LIKE', enabled: true }]);
  assert.deepEqual(disabledListActivity.filter((a) => a.disabled), [{ type: 'PLANNING', disabled: true }]);
  assert.equal(disabledListActivity.length, 6);
  const o = world.standIn.data.viewer.options;
  assert.deepEqual([o.staffNameLanguage, o.displayAdultContent, o.restrictMessagesToFollowing, o.activityMergeTime, o.profileColor, o.timezone], ['NATIVE', true, true, 1440, 'green', '-03:30']);
  await page.waitForTimeout(300);
  assert.equal(asked('ListCollection').length, lists, 'no list read again');
  // The title's page, kept with names in the old way, is asked again.
  const titles = asked('TitlePage').length;
  await page.goBack();
  await page.waitForSelector('[data-testid=title-name] >> text=Cowboy Bebop');
  await waitFor(() => asked('TitlePage').length > titles);
  // As AniList holds them, after a reload.
  await page.reload();
  await settings(page);
  assert.equal(await selected('[data-testid=option-staff-language]'), 'Native');
  assert.equal(await selected('[data-testid=option-merge-time]'), '1 day');
  assert.equal(await selected('[data-testid=option-profile-color]'), 'Green');
  assert.equal(await selected('[data-testid=option-timezone]'), 'UTC−03:30');
  assert.equal(await page.isChecked('[data-testid=option-restrict-messages]'), true);
  assert.equal(await page.isChecked('[data-testid=list-activity-planning]'), false);
  assert.equal(await page.isChecked(kind('Following')), false);
  assert.equal(await page.isDisabled('[data-testid=options-save]'), true);
  assert.deepEqual(problemsBut(page), [], 'no page error (the title\'s images are not served here)');
});

test('an option AniList has and the app does not offer (a merge time, a colour of its own, a time zone) shows as AniList\'s and is never sent back', async () => {
  Object.assign(world.standIn.data.viewer.options, { activityMergeTime: 45, profileColor: '#3db4f2', timezone: 'Europe/London' });
  const page = await world.newPage();
  await signIn(world, page);
  await settings(page);
  const selected = (sel) => page.$eval(sel, (s) => s.selectedOptions[0].textContent);
  assert.equal(await selected('[data-testid=option-merge-time]'), 'Another time (as on AniList)');
  assert.equal(await selected('[data-testid=option-profile-color]'), 'Your own colour (as on AniList)');
  assert.equal(await selected('[data-testid=option-timezone]'), 'Not set (or as on AniList)');
  await page.check('[data-testid=option-adult]');
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked('SaveUserOptions').map((r) => r.body.variables), [{ displayAdultContent: true }]);
  assert.deepEqual([world.standIn.data.viewer.options.activityMergeTime, world.standIn.data.viewer.options.profileColor], [45, '#3db4f2']);
  assert.deepEqual(page.problems, []);
});

test('a new scoring system waits while a change with a score in the old one is still to be sent; the language can change meanwhile', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  // AniList slow to answer: the change is still on its way.
  world.standIn.fault({ kind: 'slow', delayMs: 4000, operation: 'SaveEntry' });
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await settings(page);
  await page.selectOption('[data-testid=option-title-language]', { label: 'Native' });
  assert.equal(await page.isDisabled('[data-testid=options-save]'), false, 'the language alone can change');
  await page.selectOption('[data-testid=option-score-format]', { label: '5 stars' });
  await page.waitForSelector('[data-testid=options-blocked] >> text=1 change to your lists is still waiting to be saved');
  assert.equal(await page.isDisabled('[data-testid=options-save]'), true);
  // Sent: the scoring system can change.
  await waitFor(() => world.standIn.data.entries.find((e) => e.id === 700001).progress === 13, 15000);
  await page.waitForSelector('[data-testid=options-blocked]', { state: 'detached' });
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text=/Saved on AniList/');
  assert.equal(world.standIn.data.viewer.mediaListOptions.scoreFormat, 'POINT_5');
  assert.deepEqual(page.problems, []);
});

test('a save AniList fails: the error, the choices kept, and "Try again" saves them', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await settings(page);
  await page.selectOption('[data-testid=option-score-format]', { label: '3 smileys' });
  world.standIn.fault({ kind: '500', operation: 'SaveUserOptions' });
  await page.click('[data-testid=options-save]');
  await page.waitForSelector(`${form} [data-testid=api-error]`);
  assert.equal(world.standIn.data.viewer.mediaListOptions.scoreFormat, 'POINT_10_DECIMAL');
  assert.equal(await page.$eval('[data-testid=option-score-format]', (s) => s.selectedOptions[0].textContent), '3 smileys');
  await page.click(`${form} [data-testid=retry]`);
  await page.waitForSelector('[data-testid=options-state] >> text=/Saved on AniList/');
  assert.equal(world.standIn.data.viewer.mediaListOptions.scoreFormat, 'POINT_3');
  assert.equal(await page.$(`${form} [data-testid=api-error]`), null);
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 500')), []);
});

test('custom lists: a new one added (Enter), an empty or taken name refused, one taken out says what becomes of its entries; saved, the list and the editor follow', async () => {
  const e = (id) => world.standIn.data.entries.find((x) => x.id === id);
  // "Rewatch" holds two anime, one of them shown only in its custom lists.
  e(700001).customLists = ['Rewatch'];
  Object.assign(e(700002), { customLists: ['Favourites', 'Rewatch'], hiddenFromStatusLists: true });
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  const groups = () => page.locator('[data-testid^=group-custom-] [data-testid=group-toggle]').allTextContents();
  assert.ok((await groups()).some((g) => g.includes('Rewatch')));
  await settings(page);
  const anime = '[data-testid=custom-lists-anime]';
  assert.deepEqual(await page.locator(`${anime} [data-testid=custom-list] span`).allTextContents(), ['Favourites', 'Rewatch']);
  await page.click(`${anime} [data-testid=add-list]`);
  await page.waitForSelector(`${anime} [data-testid=list-name-problem] >> text=Give the list a name.`);
  await page.fill(`${anime} [data-testid=new-list-name]`, 'favourites');
  await page.press(`${anime} [data-testid=new-list-name]`, 'Enter');
  await page.waitForSelector(`${anime} [data-testid=list-name-problem] >> text=There is a list by that name already.`);
  assert.equal(asked('SaveUserOptions').length, 0, 'Enter adds, it does not send the form');
  await page.fill(`${anime} [data-testid=new-list-name]`, '  Summer 2026 ');
  await page.press(`${anime} [data-testid=new-list-name]`, 'Enter');
  await page.click(`${anime} [data-testid=custom-list]:has-text("Rewatch") [data-testid=remove-list]`);
  assert.equal(await page.textContent(`${anime} [data-testid=list-removed]`),
    'The 2 entries in “Rewatch” stay in your list, no longer in this custom list. One of them is hidden from the status lists and would then show nowhere: show it in its status list first.');
  assert.deepEqual(await page.locator(`${anime} [data-testid=custom-list] span`).allTextContents(), ['Favourites', 'Summer 2026']);
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text=/Saved on AniList/');
  assert.deepEqual(asked('SaveUserOptions').map((r) => r.body.variables), [{ animeListOptions: { customLists: ['Favourites', 'Summer 2026'] } }]);
  assert.deepEqual(world.standIn.data.viewer.mediaListOptions.animeList.customLists, ['Favourites', 'Summer 2026']);
  assert.deepEqual(world.standIn.data.viewer.mediaListOptions.mangaList.customLists, ['Favourites'], 'the manga lists untouched');
  assert.equal(await page.$(`${anime} [data-testid=list-removed]`), null);
  // The list, read again: no "Rewatch"; the editor offers the new one.
  await page.click('nav.site-nav >> text="Lists"');
  await waitFor(async () => !(await groups()).some((g) => g.includes('Rewatch')));
  await page.click(`${row(700001)} [data-testid=edit]`);
  await page.waitForSelector('[data-testid=entry-editor][open]');
  assert.deepEqual(await page.locator('[data-testid=entry-editor] [data-testid=custom-list]').evaluateAll((xs) => xs.map((x) => x.value)), ['Favourites', 'Summer 2026']);
  assert.deepEqual(page.problems, []);
});

test('the order of the lists: moved with the buttons or the keyboard (the focus follows), saved alone, shown on the list page at once (in another tab too) and after a reload', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  const other = await page.context().newPage();
  other.problems = [];
  other.on('pageerror', (err) => other.problems.push(`page error: ${err.message}`));
  await other.goto(`${world.app.url}lists/anime`);
  await other.waitForSelector(row(700001));
  await settings(page);
  const anime = '[data-testid=list-order-anime]';
  const order = () => page.locator(`${anime} [data-testid=list-in-order] > span:first-child`).allTextContents();
  assert.deepEqual(await order(), ['Watching', 'Rewatching', 'Completed', 'Paused', 'Dropped', 'Planning', 'Favourites', 'Rewatch']);
  assert.equal(await page.isDisabled(`${anime} [aria-label="Move Watching up"]`), true);
  assert.equal(await page.isDisabled(`${anime} [aria-label="Move Rewatch down"]`), true);
  await page.click(`${anime} [aria-label="Move Planning up"]`);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move Planning up'
    && document.activeElement.closest('li')?.previousElementSibling?.textContent.startsWith('Paused'));
  // Two quick presses: each moves it once more, the focus with it.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move Planning up'
    && document.activeElement.closest('li')?.previousElementSibling?.textContent.startsWith('Rewatching'));
  const wanted = ['Watching', 'Rewatching', 'Planning', 'Completed', 'Paused', 'Dropped', 'Favourites', 'Rewatch'];
  assert.deepEqual(await order(), wanted);
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked('SaveUserOptions').map((r) => r.body.variables), [{ animeListOptions: { sectionOrder: wanted } }]);
  assert.deepEqual(world.standIn.data.viewer.mediaListOptions.animeList.sectionOrder, wanted);
  const headings = () => page.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s*\(\d+\)\s*$/, '').trim()));
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(row(700001));
  assert.deepEqual(await headings(), ['Watching', 'Planning', 'Completed', 'Paused', 'Dropped', 'Favourites']);
  assert.equal(asked('ListCollection').length, lists, 'the order alone reads no list again');
  // The other tab was told.
  await other.waitForFunction(() => document.querySelectorAll('.list-group h2')[1]?.textContent.trim().startsWith('Planning'));
  assert.deepEqual(await other.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s*\(\d+\)\s*$/, '').trim())),
    ['Watching', 'Planning', 'Completed', 'Paused', 'Dropped', 'Favourites']);
  assert.equal(asked('ListCollection').length, lists, 'nor there');
  assert.deepEqual(other.problems, []);
  await page.reload();
  await page.waitForSelector(row(700001));
  assert.deepEqual(await headings(), ['Watching', 'Planning', 'Completed', 'Paused', 'Dropped', 'Favourites']);
  assert.deepEqual(page.problems, []);
});

test('the completed list split by format: chosen here, its lists ordered on their own, saved, the list page splits it at once', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  await settings(page);
  const anime = '[data-testid=list-order-anime]';
  const order = () => page.locator(`${anime} [data-testid=list-in-order] > span:first-child`).allTextContents();
  assert.equal((await order()).some((n) => n.startsWith('Completed ')), false);
  await page.check('[data-testid=split-anime]');
  const names = await order();
  assert.deepEqual(names.slice(2, 5), ['Completed', 'Completed TV', 'Completed TV Short']);
  assert.equal(names.includes('Completed Manga'), false, 'only anime formats');
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked('SaveUserOptions').map((r) => r.body.variables), [{ animeListOptions: { splitCompletedSectionByFormat: true } }]);
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(`[data-testid=group-completed-tv] ${row(700002)}`);
  assert.equal(await page.$('[data-testid=group-completed] li.entry'), null, 'nothing left in the plain Completed');
  assert.equal(asked('ListCollection').length, lists, 'no list read again');
  assert.deepEqual(page.problems, []);
});

test('the default order of list rows: saved alone, the list page sorts by it at once, no list read again', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  assert.equal(await page.inputValue('[data-testid=list-sort]'), 'title');
  await settings(page);
  assert.equal(await page.inputValue('[data-testid=option-row-order]'), 'title');
  await page.selectOption('[data-testid=option-row-order]', 'updatedAt');
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked('SaveUserOptions').map((r) => r.body.variables), [{ rowOrder: 'updatedAt' }]);
  assert.equal(world.standIn.data.viewer.mediaListOptions.rowOrder, 'updatedAt');
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(row(700001));
  assert.equal(await page.inputValue('[data-testid=list-sort]'), 'updated');
  assert.equal(new URL(page.url()).search, '');
  assert.equal(asked('ListCollection').length, lists, 'no list read again');
  assert.deepEqual(page.problems, []);
});

test('advanced scoring: turned on with the sections AniList kept, one taken out and one added, saved alone; the editor scores in them at once and after a reload, no list read again; turned off, no sections', async () => {
  world.standIn.data.viewer.mediaListOptions.mangaList.advancedScoring = null;
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  const editor = '[data-testid=entry-editor][open]';
  const sectionsInEditor = () => page.locator(`${editor} [data-testid^=advanced-]`).evaluateAll((xs) => xs.map((x) => x.closest('label').querySelector('.field__label').textContent));
  await page.click(`${row(700001)} [data-testid=edit]`);
  await page.waitForSelector(editor);
  assert.deepEqual(await sectionsInEditor(), [], 'off: the editor has no sections');
  await page.keyboard.press('Escape');
  await settings(page);
  const anime = '[data-testid=advanced-scoring-anime]';
  const manga = '[data-testid=advanced-scoring-manga]';
  const shown = (where) => page.locator(`${where} [data-testid=advanced-section] span`).allTextContents();
  assert.equal(await page.isChecked(`${anime} [data-testid=advanced-scoring-on-anime]`), false);
  assert.equal(await page.$(`${anime} [data-testid=advanced-section]`), null, 'off: its sections are not shown');
  // Manga, with none kept: on, it starts with AniList's first sections;
  // off again, there is nothing to save.
  await page.check(`${manga} [data-testid=advanced-scoring-on-manga]`);
  assert.deepEqual(await shown(manga), ['Story', 'Characters', 'Visuals', 'Audio', 'Enjoyment']);
  await page.uncheck(`${manga} [data-testid=advanced-scoring-on-manga]`);
  assert.equal(await page.isDisabled('[data-testid=options-save]'), true, 'on and off again: nothing to save');
  // Anime: on, with the sections AniList kept; a taken name refused.
  await page.check(`${anime} [data-testid=advanced-scoring-on-anime]`);
  assert.deepEqual(await shown(anime), ['Story', 'Characters', 'Visuals', 'Audio', 'Enjoyment']);
  await page.click(`${anime} [data-testid=advanced-section]:has-text("Audio") [data-testid=remove-section]`);
  await page.fill(`${anime} [data-testid=new-section-name]`, 'story');
  await page.press(`${anime} [data-testid=new-section-name]`, 'Enter');
  await page.waitForSelector(`${anime} [data-testid=section-name-problem] >> text=There is a section by that name already.`);
  await page.fill(`${anime} [data-testid=new-section-name]`, ' Music ');
  await page.click(`${anime} [data-testid=add-section]`);
  const wanted = ['Story', 'Characters', 'Visuals', 'Enjoyment', 'Music'];
  assert.deepEqual(await shown(anime), wanted);
  const lists = asked('ListCollection').length;
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked('SaveUserOptions').map((r) => r.body.variables), [{ animeListOptions: { advancedScoring: wanted, advancedScoringEnabled: true } }]);
  assert.deepEqual(world.standIn.data.viewer.mediaListOptions.animeList.advancedScoring, wanted);
  assert.equal(world.standIn.data.viewer.mediaListOptions.mangaList.advancedScoringEnabled, false, 'the manga options untouched');
  // The editor scores in the new sections at once, by name.
  await page.click('nav.site-nav >> text="Lists"');
  await page.click(`${row(700001)} [data-testid=edit]`);
  await page.waitForSelector(editor);
  assert.deepEqual(await sectionsInEditor(), wanted);
  await page.fill(`${editor} [data-testid=advanced-0]`, '8');
  await page.fill(`${editor} [data-testid=advanced-4]`, '9');
  assert.equal(await page.inputValue(`${editor} [data-testid=score-input]`), '8.5', 'the score is their mean');
  await page.click(`${editor} [data-testid=editor-save]`);
  const entry = () => world.standIn.data.entries.find((x) => x.id === 700001);
  await waitFor(() => entry().advancedScores?.Music === 9);
  assert.deepEqual(asked('SaveEntry').at(-1).body.variables.advancedScores, [8, 0, 0, 0, 9]);
  assert.equal(asked('ListCollection').length, lists, 'no list read again');
  // Kept: after a reload the editor has them, and the scores given.
  await page.reload();
  await page.waitForSelector(row(700001));
  await page.click(`${row(700001)} [data-testid=edit]`);
  await page.waitForSelector(editor);
  assert.deepEqual(await sectionsInEditor(), wanted);
  assert.equal(await page.inputValue(`${editor} [data-testid=advanced-4]`), '9');
  await page.keyboard.press('Escape');
  // Off: saved alone; the editor has no sections.
  await settings(page);
  await page.uncheck(`${anime} [data-testid=advanced-scoring-on-anime]`);
  await page.click('[data-testid=options-save]');
  await page.waitForSelector('[data-testid=options-state] >> text="Saved on AniList."');
  assert.deepEqual(asked('SaveUserOptions').at(-1).body.variables, { animeListOptions: { advancedScoringEnabled: false } });
  await page.click('nav.site-nav >> text="Lists"');
  await page.click(`${row(700001)} [data-testid=edit]`);
  await page.waitForSelector(editor);
  assert.deepEqual(await sectionsInEditor(), []);
  assert.deepEqual(page.problems, []);
});

test('signed out: the card asks for a sign-in and nothing is asked of AniList', async () => {
  const page = await world.newPage();
  await page.goto(`${world.app.url}settings`);
  await page.waitForSelector('[data-testid=anilist-options] >> text=Sign in to change your AniList options');
  assert.equal(asked('UserOptions').length, 0);
  assert.deepEqual(page.problems, []);
});
