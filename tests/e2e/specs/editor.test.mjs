// The entry editor against the stand-in: every field of SaveMediaListEntry
// goes to AniList and comes back, each score format shows and edits as the
// user's format says, fuzzy dates keep their missing parts, custom lists
// and advanced scores, and the dialog's keyboard and "nothing lost" rules.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, openList, waitFor } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const editor = '[data-testid=entry-editor]';
const row = (id) => `[data-testid=entry-${id}]`;
const entry = (id) => world.standIn.data.entries.find((e) => e.id === id);
const saves = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry');
const field = (name) => `${editor} [data-testid=${name}]`;

const listPage = (kind) => openList(world, kind);

/** What has the focus: its test id, its entry's and its list's. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return [a?.dataset.testid, a?.closest('[data-testid^=entry-]')?.dataset.testid, a?.closest('[data-testid^=group-]')?.dataset.testid];
});

async function edit(page, id) {
  await page.click(`${row(id)} [data-testid=edit]`);
  await page.waitForSelector(`${editor}[open]`);
}

async function save(page) {
  await page.click(field('editor-save'));
  await page.waitForSelector(editor, { state: 'detached' });
}

test('every field goes to AniList on Save, and only the fields changed', async () => {
  const page = await listPage();
  await edit(page, 700003); // Attack on Titan, Planning, nothing set
  await page.selectOption(field('status-select'), 'CURRENT');
  await page.fill(field('progress-input'), '3');
  await page.fill(field('score-input'), '7.3');
  await page.fill(field('repeat-input'), '2');
  await page.fill(field('priority-input'), '4');
  await page.check(field('private-input'));
  await page.fill(field('notes-input'), 'Watch with Hana.\nSubbed.');
  await page.fill(field('started-year'), '2024');
  await page.selectOption(field('started-month'), '3');
  await page.click(field('completed-today'));
  await page.check(`${editor} [data-testid=custom-list][value=Rewatch]`);
  assert.equal(saves().length, 0, 'nothing is sent before Save');
  await save(page);
  await waitFor(() => saves().length === 1 && entry(700003).notes);
  const today = new Date();
  const sent = saves()[0].body.variables;
  assert.deepEqual(sent, {
    id: 700003, status: 'CURRENT', progress: 3, score: 7.3, repeat: 2, priority: 4, private: true,
    notes: 'Watch with Hana.\nSubbed.',
    startedAt: { year: 2024, month: 3, day: null },
    completedAt: { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() },
    customLists: ['Rewatch'],
  });
  const e = entry(700003);
  assert.deepEqual([e.status, e.progress, e.score, e.repeat, e.priority, e.private, e.notes, e.customLists],
    ['CURRENT', 3, 7.3, 2, 4, true, 'Watch with Hana.\nSubbed.', ['Rewatch']]);
  assert.deepEqual(e.startedAt, { year: 2024, month: 3, day: null });
  // The row moved, and is on its custom list.
  await page.waitForSelector(`[data-testid=group-current] ${row(700003)}`);
  await page.waitForSelector(`.list-group >> text=Rewatch`);
  // Back from AniList: a fresh tab with nothing kept reads every field.
  const fresh = await world.newPage();
  await signIn(world, fresh);
  await fresh.click('text=Your anime list');
  await fresh.waitForSelector(row(700003));
  await edit(fresh, 700003);
  assert.equal(await fresh.inputValue(field('repeat-input')), '2');
  assert.equal(await fresh.inputValue(field('priority-input')), '4');
  assert.equal(await fresh.inputValue(field('score-input')), '7.3');
  assert.equal(await fresh.isChecked(field('private-input')), true);
  assert.equal(await fresh.inputValue(field('notes-input')), 'Watch with Hana.\nSubbed.');
  assert.equal(await fresh.inputValue(field('started-year')), '2024');
  assert.equal(await fresh.inputValue(field('started-month')), '3');
  assert.equal(await fresh.inputValue(field('started-day')), '', 'a missing day stays missing');
  assert.equal(await fresh.inputValue(field('completed-day')), String(today.getDate()));
  assert.equal(await fresh.isChecked(`${editor} [data-testid=custom-list][value=Rewatch]`), true);
  assert.equal(await fresh.isChecked(`${editor} [data-testid=custom-list][value=Favourites]`), false);
  // A change to one field sends that field only.
  await fresh.fill(field('notes-input'), '');
  await save(fresh);
  await waitFor(() => saves().length === 2);
  assert.deepEqual(saves()[1].body.variables, { id: 700003, notes: '' });
  await waitFor(() => entry(700003).notes === '');
  assert.equal(entry(700003).repeat, 2);
  assert.deepEqual(page.problems, []);
});

test('manga volumes, limited by the title; hidden from the status lists', async () => {
  const page = await listPage('manga');
  await edit(page, 700006); // Berserk: 380 chapters, 42 volumes
  assert.equal(await page.inputValue(field('volumes-input')), '20');
  await page.fill(field('volumes-input'), '43');
  await page.fill(field('progress-input'), '381');
  await page.click(field('editor-save'));
  assert.match(await page.textContent(field('field-error-progressVolumes')), /At most 42/);
  assert.match(await page.textContent(field('field-error-progress')), /At most 380/);
  assert.equal(saves().length, 0, 'caught before sending');
  await page.fill(field('volumes-input'), '21');
  await page.fill(field('progress-input'), '210');
  await page.check(field('hidden-input'));
  await page.check(`${editor} [data-testid=custom-list][value=Favourites]`);
  await save(page);
  await waitFor(() => entry(700006).progressVolumes === 21);
  assert.deepEqual(saves()[0].body.variables, { id: 700006, progress: 210, progressVolumes: 21, hiddenFromStatusLists: true, customLists: ['Favourites'] });
  // Hidden: only in its custom list now.
  await page.waitForSelector(`[data-testid=group-current] ${row(700006)}`, { state: 'detached' });
  await page.waitForSelector(`[data-testid=group-custom-0] ${row(700006)}`);
  assert.equal(entry(700006).hiddenFromStatusLists, true);
});

test('no custom lists of this kind: the editor says so, in the kind\'s own word', async () => {
  world.standIn.data.viewer.mediaListOptions.mangaList.customLists = [];
  world.standIn.data.entries.forEach((e) => { if (e.id === 700006) e.customLists = []; });
  const page = await listPage('manga');
  await edit(page, 700006);
  assert.equal(await page.locator(`${editor} [data-testid=custom-list]`).count(), 0);
  assert.match(await page.textContent(editor), /You have no custom manga lists \(they are made in AniList's list settings\)\./);
});

for (const [format, row1, type, value, kept, shown] of [
  ['POINT_100', '85 / 100', 'input', '77', 7.7, '77 / 100'],
  ['POINT_10', '9 / 10', 'input', '7', 7, '7 / 10'],
  ['POINT_10_DECIMAL', '8.5 / 10', 'input', '6.5', 6.5, '6.5 / 10'],
  ['POINT_5', '★★★★☆', 'click', 'score-2', 4, '★★☆☆☆'],
  ['POINT_3', '🙂 (3 / 3)', 'click', 'score-1', 3, '☹ (1 / 3)'],
]) {
  test(`score format ${format}: shown and edited in it`, async () => {
    world.standIn.data.viewer.mediaListOptions.scoreFormat = format;
    const page = await listPage();
    assert.equal(await page.textContent(`${row(700001)} [data-testid=score-display]`), row1);
    await edit(page, 700001);
    if (type === 'input') {
      await page.fill(field('score-input'), value);
    } else {
      assert.equal(await page.locator(`${editor} input[name=score]`).count(), format === 'POINT_5' ? 6 : 4, 'a choice for each, and none');
      await page.click(field(value));
    }
    await save(page);
    await waitFor(() => entry(700001).score === kept);
    assert.equal(await page.textContent(`${row(700001)} [data-testid=score-display]`), shown);
    const sent = saves()[0].body.variables.score;
    assert.equal(sent, type === 'input' ? Number(value) : Number(value.slice(6)), 'sent in the user\'s format');
  });
}

test('a score out of the format\'s range or steps is caught before sending', async () => {
  world.standIn.data.viewer.mediaListOptions.scoreFormat = 'POINT_100';
  const page = await listPage();
  await edit(page, 700001);
  await page.fill(field('score-input'), '85.5');
  await page.click(field('editor-save'));
  assert.match(await page.textContent(field('field-error-score')), /whole number/);
  await page.fill(field('score-input'), '101');
  assert.match(await page.textContent(field('field-error-score')), /from 0 to 100/);
  assert.equal(saves().length, 0);
});

test('fuzzy dates: parts may be missing, impossible days are caught, Clear empties', async () => {
  world.standIn.data.entries.find((e) => e.id === 700001).startedAt = { year: 2023, month: 2, day: 10 };
  const page = await listPage();
  await edit(page, 700001);
  assert.equal(await page.inputValue(field('started-day')), '10');
  await page.fill(field('started-day'), '29');
  await page.click(field('editor-save'));
  assert.match(await page.textContent(field('field-error-startedAt')), /28 days/);
  // No year: February 29 is possible.
  await page.fill(field('started-year'), '');
  assert.equal(await page.locator(field('field-error-startedAt')).count(), 0);
  // A completed date with a year only.
  await page.fill(field('completed-year'), '2025');
  // A finish before the start: said, not refused (AniList takes it).
  assert.equal(await page.locator(field('editor-dates-hint')).count(), 0);
  await page.fill(field('started-year'), '2026');
  assert.match(await page.textContent(field('editor-dates-hint')), /Completed before it was started/);
  await page.fill(field('started-year'), '');
  assert.equal(await page.locator(field('editor-dates-hint')).count(), 0);
  await save(page);
  await waitFor(() => entry(700001).completedAt?.year === 2025);
  assert.deepEqual(entry(700001).startedAt, { year: null, month: 2, day: 29 });
  assert.deepEqual(entry(700001).completedAt, { year: 2025, month: null, day: null });
  assert.deepEqual(saves()[0].body.variables, { id: 700001, startedAt: { year: null, month: 2, day: 29 }, completedAt: { year: 2025, month: null, day: null } });
  await edit(page, 700001);
  await page.click(field('started-clear'));
  await save(page);
  await waitFor(() => entry(700001).startedAt?.month === null);
  assert.deepEqual(saves()[1].body.variables, { id: 700001, startedAt: { year: null, month: null, day: null } });
});

test('advanced scores, when the user has them on: the score is their mean', async () => {
  world.standIn.data.viewer.mediaListOptions.animeList.advancedScoringEnabled = true;
  const page = await listPage();
  await edit(page, 700001);
  assert.equal(await page.locator(`${editor} [data-testid^=advanced-]`).count(), 5);
  await page.fill(field('advanced-0'), '8');
  await page.fill(field('advanced-1'), '9');
  assert.equal(await page.inputValue(field('score-input')), '8.5');
  await save(page);
  await waitFor(() => entry(700001).advancedScores?.Story === 8);
  assert.deepEqual(saves()[0].body.variables.advancedScores, [8, 9, 0, 0, 0]);
  assert.deepEqual(entry(700001).advancedScores, { Story: 8, Characters: 9, Visuals: 0, Audio: 0, Enjoyment: 0 });
});

test('custom lists: off one, on another; the list page follows', async () => {
  const page = await listPage();
  await page.waitForSelector(`[data-testid=group-custom-0] ${row(700002)}`);
  await edit(page, 700002);
  assert.equal(await page.isChecked(`${editor} [data-testid=custom-list][value=Favourites]`), true);
  await page.uncheck(`${editor} [data-testid=custom-list][value=Favourites]`);
  await page.check(`${editor} [data-testid=custom-list][value=Rewatch]`);
  await save(page);
  await waitFor(() => entry(700002).customLists?.[0] === 'Rewatch');
  assert.deepEqual(entry(700002).customLists, ['Rewatch']);
  const headings = await page.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(headings.includes('Rewatch (1)') && !headings.some((h) => h.startsWith('Favourites (1)')), headings.join(', '));
});

test('a custom list getting its first entry leaves the other lists be: the focus comes back to the row', async () => {
  const page = await listPage();
  await page.waitForSelector(`[data-testid=group-planning] ${row(700003)}`);
  assert.equal(await page.locator('.list-group h2', { hasText: 'Rewatch' }).count(), 0, 'Rewatch has no entry yet');
  // A mark on the Planning list's element: a list drawn anew loses it.
  await page.$eval('[data-testid=group-planning]', (g) => { g.dataset.kept = 'yes'; });
  await page.focus(`[data-testid=group-planning] ${row(700003)} [data-testid=edit]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${editor}[open]`);
  await page.check(`${editor} [data-testid=custom-list][value=Rewatch]`);
  await save(page);
  await page.waitForSelector(`[data-testid^=group-custom] ${row(700003)}`);
  await waitFor(() => entry(700003).customLists?.[0] === 'Rewatch');
  assert.equal(await page.getAttribute('[data-testid=group-planning]', 'data-kept'), 'yes', 'the Planning list was drawn anew');
  // The focus is back on the button that opened the editor, which is still
  // there.
  assert.deepEqual(await focused(page), ['edit', 'entry-700003', 'group-planning']);
  // Moved to another list by its new status: the focus follows it there.
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${editor}[open]`);
  await page.selectOption(field('status-select'), 'CURRENT');
  await save(page);
  await page.waitForSelector(`[data-testid=group-current] ${row(700003)}`);
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=entry-700003]'));
  assert.deepEqual((await focused(page)).slice(0, 2), ['edit', 'entry-700003']);
  assert.deepEqual(page.problems, []);
});

test('keyboard: opens from the row, focus stays inside, Escape cancels; a click outside loses nothing', async () => {
  const page = await listPage();
  await page.focus(`${row(700001)} [data-testid=edit]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${editor}[open]`);
  await page.fill(field('notes-input'), 'Draft note');
  // A stray click on the backdrop: the dialog and the draft stay.
  await page.mouse.click(3, 3);
  await page.waitForTimeout(200);
  assert.equal(await page.isVisible(editor), true);
  assert.equal(await page.inputValue(field('notes-input')), 'Draft note');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-testid=entry-editor]') || document.activeElement === document.body);
    assert.ok(inside, `focus left the dialog after ${i + 1} tabs`);
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector(editor, { state: 'detached' });
  await page.waitForTimeout(300);
  assert.deepEqual((await focused(page)).slice(0, 2), ['edit', 'entry-700001'], 'the focus is back where it was');
  assert.equal(saves().length, 0, 'Escape sends nothing');
  assert.equal(entry(700001).notes, null);
  // Reopened: the draft was dropped.
  await edit(page, 700001);
  assert.equal(await page.inputValue(field('notes-input')), '');
});

test('"Add to list" from search with the status the person chooses', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await page.goto(`${world.app.url}search?q=star%20of%20miracles%207&type=anime`);
  await appReady(page);
  await page.selectOption('[data-testid=result-90007] [data-testid=add-status]', 'CURRENT');
  assert.equal(await page.textContent('[data-testid=result-90007] [data-testid=add]'), 'Add to Watching');
  await page.click('[data-testid=result-90007] [data-testid=add]');
  await page.waitForSelector('[data-testid=result-90007] [data-testid=on-list] >> text=Watching');
  await waitFor(() => world.standIn.data.entries.some((e) => e.mediaId === 90007));
  assert.equal(world.standIn.data.entries.find((e) => e.mediaId === 90007).status, 'CURRENT');
  assert.deepEqual(saves()[0].body.variables, { mediaId: 90007, status: 'CURRENT' });
});

test('a search result on the list opens the same editor', async () => {
  const page = await listPage();
  await page.click('nav.site-nav >> text="Search"');
  await page.fill('[data-testid=search-input]', 'cowboy');
  await page.click('[data-testid=result-1] [data-testid=edit]');
  await page.waitForSelector(`${editor}[open]`);
  assert.equal(await page.inputValue(field('progress-input')), '12');
  await page.fill(field('progress-input'), '13');
  await save(page);
  await waitFor(() => entry(700001).progress === 13);
  assert.deepEqual(saves()[0].body.variables, { id: 700001, progress: 13 });
});

test('a search result on a list not visited yet opens the editor too (the list is asked for)', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  // Straight to a manga search: the manga list was never opened.
  await page.goto(`${world.app.url}search?q=berserk&type=manga`);
  await page.waitForSelector('[data-testid=result-30002] [data-testid=on-list]');
  await page.click('[data-testid=result-30002] [data-testid=edit]');
  await page.waitForSelector(`${editor}[open]`);
  assert.equal(await page.inputValue(field('progress-input')), '200');
});

test('an answer from AniList arriving while the editor is open closes nothing: the list refreshed in the background, and a title read again', async () => {
  const page = await listPage();
  const lists = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  // The list kept is older than 30 s: going back to it asks AniList, slowly.
  await page.click('nav.site-nav >> text="Settings"');
  await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 31000; });
  world.standIn.fault({ kind: 'slow', delayMs: 2000, operation: 'ListCollection' });
  const before = lists();
  await page.click('nav.site-nav >> text="Lists"');
  await edit(page, 700001);
  await page.fill(field('notes-input'), 'Typed while the list was read again');
  await waitFor(() => lists() > before);
  await page.waitForTimeout(2500);
  assert.equal(await page.isVisible(`${editor}[open]`), true, 'the editor is still open');
  assert.equal(await page.inputValue(field('notes-input')), 'Typed while the list was read again');
  await page.keyboard.press('Escape');
  // A title's page kept for over ten minutes is read again when opened.
  await page.click(`${row(700001)} >> text=Cowboy Bebop`);
  await page.waitForSelector('[data-testid=edit-entry]');
  await page.goBack();
  await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 11 * 60000; });
  world.standIn.fault({ kind: 'slow', delayMs: 2000, operation: 'TitlePage' });
  const titles = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'TitlePage').length;
  const asked = titles();
  await page.click(`${row(700001)} >> text=Cowboy Bebop`);
  await page.click('[data-testid=edit-entry]');
  await page.fill(field('notes-input'), 'Typed while the title was read again');
  await waitFor(() => titles() > asked);
  await page.waitForSelector('text=Refreshing…', { state: 'detached', timeout: 10000 });
  assert.equal(await page.isVisible(`${editor}[open]`), true, 'the editor is still open');
  assert.equal(await page.inputValue(field('notes-input')), 'Typed while the title was read again');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource: net::ERR_FAILED/.test(p)), []);
});
