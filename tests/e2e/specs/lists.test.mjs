// The anime and manga lists against the stand-in: what is shown, and every
// edit reaching AniList (or being rolled back with its reason).

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, openList, waitFor } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const listPage = (kind) => openList(world, kind);

const saves = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry');
const entry = (id) => world.standIn.data.entries.find((e) => e.id === id);
const row = (id) => `[data-testid=entry-${id}]`;
const editor = '[data-testid=entry-editor]';

/** Opens an entry's editor (the row's "Edit"). */
async function edit(page, id) {
  await page.click(`${row(id)} [data-testid=edit]`);
  await page.waitForSelector(`${editor}[open]`);
}


test('the anime list shows the fixture entries, grouped by status, in the user\'s title language and score format', async () => {
  const page = await listPage();
  const groups = await page.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(groups, ['Watching (1)', 'Completed (1)', 'Paused (1)', 'Dropped (1)', 'Planning (1)', 'Favourites (1)']);
  // A custom list shows its entries too (they also stand under their status).
  assert.equal(await page.textContent('[data-testid=group-custom-0] [data-testid=entry-title]'), 'Fullmetal Alchemist: Brotherhood');
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-title]`), 'Cowboy Bebop');
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-progress]`), '12 / 26');
  assert.equal(await page.textContent(`${row(700001)} [data-testid=score-display]`), '8.5 / 10');
  assert.equal(await page.textContent(`${row(700005)} [data-testid=entry-progress]`), '130 / ?');
  const request = world.standIn.graphqlRequests().find((r) => r.operationName === 'ListCollection');
  assert.deepEqual(request.body.variables, { userId: 5150, type: 'ANIME', chunk: 1, perChunk: 50 });
  await page.click('nav.tabs >> text="Manga"');
  await page.waitForSelector('[data-testid=group-current] [data-testid=entry-700006]');
  const mangaGroups = await page.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(mangaGroups, ['Reading (1)', 'Completed (1)']);
  assert.deepEqual(page.problems, []);
});

test('the lists show in the order the user gave them on AniList; j and shift-click follow that order', async () => {
  // Planning first, then a custom list, then Watching; what the order does
  // not name keeps its own place after them. A split completed list's name
  // ("Completed TV") and a list no longer there are passed over.
  world.standIn.data.viewer.mediaListOptions.animeList.sectionOrder = ['Planning', 'Favourites', 'Completed TV', 'Gone', 'Watching'];
  const page = await listPage();
  const groups = await page.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(groups, ['Planning (1)', 'Favourites (1)', 'Watching (1)', 'Completed (1)', 'Paused (1)', 'Dropped (1)']);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('li.entry')?.dataset.testid), 'entry-700003', 'the first row on screen: Planning\'s');
  // Planning (700003) to Watching (700001): the three rows between, as shown.
  await page.click(`${row(700003)} [data-testid=pick]`);
  await page.click(`${row(700001)} [data-testid=pick]`, { modifiers: ['Shift'] });
  assert.equal(await page.textContent('[data-testid=bulk-count]'), '3 selected');
  assert.equal(await page.isChecked(`${row(700004)} [data-testid=pick]`), false, 'Paused comes after Watching here');
  // The order changed on AniList's site: a refresh takes it in, though no
  // entry changed.
  world.standIn.data.viewer.mediaListOptions.animeList.sectionOrder = [];
  await page.click('[data-testid=refresh]');
  await page.waitForFunction(() => document.querySelector('.list-group h2')?.textContent.trim().startsWith('Watching'));
  assert.deepEqual(page.problems, []);
});

test('a completed list split by format on AniList is split here too, each in its place; the status filter keeps them', async () => {
  Object.assign(world.standIn.data.viewer.mediaListOptions.animeList, { splitCompletedSectionByFormat: true, sectionOrder: ['Watching', 'Completed', 'Completed Movie', 'Completed TV', 'Planning'] });
  // A second completed anime, a film.
  const film = world.standIn.data.entries.find((e) => e.id === 700003);
  film.status = 'COMPLETED';
  world.standIn.data.media.find((m) => m.id === film.mediaId).format = 'MOVIE';
  const page = await listPage();
  const headings = () => page.$$eval('.list-group h2', (hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(await headings(), ['Watching (1)', 'Completed Movie (1)', 'Completed TV (1)', 'Paused (1)', 'Dropped (1)', 'Favourites (1)']);
  assert.equal(await page.getAttribute(`[data-testid=group-completed-movie] ${row(700003)}`, 'data-testid'), 'entry-700003');
  await page.selectOption('[data-testid=list-status]', 'COMPLETED');
  await waitFor(async () => (await headings()).length === 3);
  assert.deepEqual(await headings(), ['Completed Movie (1)', 'Completed TV (1)', 'Favourites (1)']);
  assert.deepEqual(page.problems, []);
});

test('rows come in the user\'s default order from AniList; another sort is named in the URL, the default is not', async () => {
  world.standIn.data.viewer.mediaListOptions.rowOrder = 'score';
  for (const id of [700002, 700005]) world.standIn.data.entries.find((e) => e.id === id).status = 'CURRENT';
  const page = await listPage();
  const watching = () => page.$$eval('[data-testid=group-current] li.entry', (els) => els.map((e) => e.dataset.testid));
  // 10, 8.5, 6: by score, not by title (Cowboy Bebop, Fullmetal…, ONE PIECE).
  assert.deepEqual(await watching(), ['entry-700002', 'entry-700001', 'entry-700005']);
  assert.equal(await page.inputValue('[data-testid=list-sort]'), 'score');
  assert.equal(new URL(page.url()).search, '');
  await page.selectOption('[data-testid=list-sort]', 'title');
  await page.waitForURL(/[?&]sort=title/);
  await waitFor(async () => (await watching())[0] === 'entry-700001');
  assert.deepEqual(await watching(), ['entry-700001', 'entry-700002', 'entry-700005']);
  await page.selectOption('[data-testid=list-sort]', 'score');
  await waitFor(async () => new URL(page.url()).search === '');
  assert.deepEqual(page.problems, []);
});

test('+1 updates the page at once and AniList after', async () => {
  const page = await listPage();
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-progress]`), '13 / 26');
  await waitFor(() => entry(700001).progress === 13);
  assert.equal(saves().length, 1);
  // Only what changed is sent: a note or a date written elsewhere stays.
  assert.deepEqual(saves()[0].body.variables, { id: 700001, progress: 13 });
});

test('five fast +1 clicks become one request with the final value', async () => {
  const page = await listPage();
  for (let i = 0; i < 5; i++) await page.click(`${row(700001)} [data-testid=plus-one]`);
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-progress]`), '17 / 26');
  await waitFor(() => entry(700001).progress === 17);
  await page.waitForTimeout(1200);
  assert.equal(saves().length, 1);
  assert.equal(saves()[0].body.variables.progress, 17);
});

test('a refused save is rolled back, with AniList\'s reason by field and the refused value kept to fix', async () => {
  // No episode count known here, so only AniList can refuse it.
  world.standIn.data.media.find((m) => m.id === 1).episodes = null;
  const page = await listPage();
  world.standIn.data.media.find((m) => m.id === 1).episodes = 26;
  await edit(page, 700001);
  await page.fill(`${editor} [data-testid=progress-input]`, '99');
  await page.press(`${editor} [data-testid=progress-input]`, 'Enter');
  await page.waitForSelector(editor, { state: 'detached' });
  await page.waitForSelector(`${row(700001)} [data-testid=entry-error]`);
  const error = await page.textContent(`${row(700001)} [data-testid=entry-error]`);
  assert.match(error, /progress: The progress may not be greater than 26\./);
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-progress]`), '12 / ?');
  assert.equal(entry(700001).progress, 12);
  // On a phone the reason stays on the row's line (cut with an ellipsis).
  await page.setViewportSize({ width: 390, height: 844 });
  await waitFor(async () => {
    const [c, e] = await Promise.all(['.entry__controls', '[data-testid=entry-error]'].map((sel) => page.locator(`${row(700001)} ${sel}`).boundingBox()));
    return e.width > 40 && e.y < c.y + c.height && e.x + e.width <= c.x + c.width + 0.5;
  }, 3000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The editor shows AniList's reason under the field, with the value the person typed.
  await edit(page, 700001);
  assert.match(await page.textContent(`${editor} [data-testid=field-error-progress]`), /greater than 26/);
  assert.equal(await page.getAttribute(`${editor} [data-testid=progress-input]`, 'aria-invalid'), 'true');
  assert.equal(await page.inputValue(`${editor} [data-testid=progress-input]`), '99');
  await page.fill(`${editor} [data-testid=progress-input]`, '20');
  await page.click(`${editor} [data-testid=editor-save]`);
  await waitFor(() => entry(700001).progress === 20);
  await page.waitForSelector(`${row(700001)} [data-testid=entry-error]`, { state: 'detached' });
});

test('reaching the last episode offers "mark completed", which moves the entry', async () => {
  const page = await listPage();
  await edit(page, 700001);
  await page.fill(`${editor} [data-testid=progress-input]`, '25');
  await page.press(`${editor} [data-testid=progress-input]`, 'Enter');
  await page.waitForSelector(editor, { state: 'detached' });
  await waitFor(() => entry(700001).progress === 25);
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await page.waitForSelector(`${row(700001)} [data-testid=mark-completed]`);
  assert.equal(await page.isDisabled(`${row(700001)} [data-testid=plus-one]`), true);
  await waitFor(() => entry(700001).progress === 26);
  await page.click(`${row(700001)} [data-testid=mark-completed]`);
  await waitFor(() => entry(700001).status === 'COMPLETED');
  await page.waitForSelector(`[data-testid=group-completed] ${row(700001)}`);
});

test('a list of one says "1 entry", in its summary and its group\'s name', async () => {
  // The manga list with Berserk alone.
  const entries = world.standIn.data.entries;
  entries.splice(entries.findIndex((e) => e.id === 700007), 1);
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('text=Your manga list');
  await page.waitForSelector('[data-testid=entry-700006]');
  assert.equal(await page.textContent('[data-testid=list-summary]'), '1 entry.');
  assert.match(await page.getAttribute('[data-testid=group-current] ul.entries', 'aria-label'), /: 1 entry$/);
});

test('completing a rewatch counts it: from the row, and from the editor', async () => {
  Object.assign(entry(700001), { status: 'REPEATING', progress: 26, repeat: 1 });
  Object.assign(entry(700004), { status: 'REPEATING', repeat: 4 });
  const page = await listPage();
  await page.click(`${row(700001)} [data-testid=mark-completed]`);
  await waitFor(() => entry(700001).status === 'COMPLETED' && entry(700001).repeat === 2);
  await page.waitForSelector(`[data-testid=group-completed] ${row(700001)}`);
  // The editor shows the count it will save, which can still be changed.
  await edit(page, 700004);
  await page.fill(`${editor} [data-testid=progress-input]`, '1');
  await page.click(`${editor} [data-testid=editor-complete]`);
  assert.equal(await page.inputValue(`${editor} [data-testid=repeat-input]`), '5');
  await page.click(`${editor} [data-testid=editor-save]`);
  await waitFor(() => entry(700004).status === 'COMPLETED' && entry(700004).repeat === 5);
});

test('on a phone "Complete" shows on the row\'s line, in the place of the last episode\'s "+"', async () => {
  Object.assign(entry(700001), { progress: 25 });
  const page = await world.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  const button = `${row(700001)} [data-testid=mark-completed]`;
  await page.waitForSelector(button);
  assert.equal(await page.getAttribute(button, 'aria-label'), 'Mark completed: Cowboy Bebop');
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    const [controls, progress, mark, edit] = await Promise.all(['.entry__controls', '[data-testid=entry-progress]', '[data-testid=mark-completed]', '[data-testid=edit]']
      .map((sel) => page.locator(`${row(700001)} ${sel}`).boundingBox()));
    assert.ok(mark.y + mark.height <= controls.y + controls.height + 0.5, `${width} px: on the controls' one line (ends at ${mark.y + mark.height}, the line at ${controls.y + controls.height})`);
    assert.ok(mark.x > progress.x && mark.x + mark.width <= controls.x + controls.width + 0.5 && mark.x + mark.width <= edit.x, `${width} px: after the progress, whole, before Edit`);
  }
  await page.click(button);
  await waitFor(() => entry(700001).status === 'COMPLETED');
  await page.waitForSelector(`[data-testid=group-completed] ${row(700001)}`);
});

test('status and score changes are saved; a score out of range is caught first', async () => {
  const page = await listPage();
  await edit(page, 700003);
  await page.selectOption(`${editor} [data-testid=status-select]`, 'CURRENT');
  await page.click(`${editor} [data-testid=editor-save]`);
  await page.waitForSelector(`[data-testid=group-current] ${row(700003)}`);
  await waitFor(() => entry(700003).status === 'CURRENT');
  await page.waitForSelector(editor, { state: 'detached' });
  await edit(page, 700001);
  await page.fill(`${editor} [data-testid=score-input]`, '11');
  await page.press(`${editor} [data-testid=score-input]`, 'Enter');
  assert.match(await page.textContent(`${editor} [data-testid=field-error-score]`), /from 0 to 10/);
  assert.match(await page.textContent(`${editor} [data-testid=editor-problems]`), /Nothing was sent/);
  await page.fill(`${editor} [data-testid=score-input]`, '9.5');
  await page.press(`${editor} [data-testid=score-input]`, 'Enter');
  await waitFor(() => entry(700001).score === 9.5);
  assert.equal(await page.textContent(`${row(700001)} [data-testid=score-display]`), '9.5 / 10');
});

test('delete asks first, then removes the entry here and at AniList', async () => {
  const page = await listPage();
  await edit(page, 700004);
  await page.click(`${editor} [data-testid=delete]`);
  assert.match(await page.textContent(`${editor} .entry__confirm`), /Delete A Silent Voice from your list\?/);
  assert.ok(entry(700004), 'nothing is deleted before confirming');
  await page.click(`${editor} [data-testid=confirm-delete]`);
  await page.waitForSelector(row(700004), { state: 'detached' });
  await page.waitForSelector(editor, { state: 'detached' });
  // Gone here at once; at AniList once the request leaves (after the kept
  // queue records it as sent).
  await waitFor(() => entry(700004) === undefined);
});

test('a deleted entry can be put back: Undo in the message adds it again with all its values; a delete not sent yet is cancelled instead', async () => {
  const back = (mediaId) => world.standIn.data.entries.find((e) => e.userId === 5150 && e.mediaId === mediaId);
  Object.assign(entry(700004), { notes: 'Watch with Hana.', repeat: 1, priority: 2 });
  const was = { ...entry(700004) };
  const page = await listPage();
  await edit(page, 700004);
  await page.click(`${editor} [data-testid=delete]`);
  await page.click(`${editor} [data-testid=confirm-delete]`);
  await page.waitForSelector('[data-testid=flashes] >> text=A Silent Voice was deleted from your list.');
  // Gone from AniList, then put back: made anew with every value it had.
  await waitFor(() => !entry(700004));
  await page.click('[data-testid=flashes] [data-testid=flash-undo]');
  await page.waitForSelector(`li.entry >> text=A Silent Voice`);
  await waitFor(() => back(was.mediaId));
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const now = back(was.mediaId);
  assert.deepEqual([now.status, now.progress, now.score, now.notes, now.repeat, now.priority], [was.status, was.progress, was.score, was.notes, was.repeat, was.priority]);
  assert.equal(await page.locator('[data-testid=flash-undo]').count(), 0, 'the message is gone with its Undo');
  // Deleted offline: Undo cancels the delete that waits; nothing goes to AniList.
  const id = now.id;
  const kept = { ...now };
  await page.context().setOffline(true);
  await edit(page, id);
  await page.click(`${editor} [data-testid=delete]`);
  await page.click(`${editor} [data-testid=confirm-delete]`);
  await page.waitForSelector('[data-testid=outbox-status] >> text=/1 change waiting \\(offline\\)/');
  const writes = () => world.standIn.graphqlRequests().filter((r) => ['DeleteEntry', 'SaveEntry'].includes(r.operationName)).length;
  const before = writes();
  await page.click('[data-testid=flashes] [data-testid=flash-undo]');
  await page.waitForSelector(row(id));
  await page.context().setOffline(false);
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  assert.equal(writes(), before, 'nothing sent: it never left AniList');
  assert.deepEqual(entry(id), kept);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('Undo is offered only while it can put the entry back: the title added again meanwhile takes it away', async () => {
  const page = await listPage();
  await edit(page, 700004);
  await page.click(`${editor} [data-testid=delete]`);
  await page.click(`${editor} [data-testid=confirm-delete]`);
  await page.waitForSelector('[data-testid=flashes] [data-testid=flash-undo]');
  await waitFor(() => !entry(700004));
  // Added again from the search (the message stays, on every page).
  await page.click('nav.site-nav >> text="Search"');
  await page.fill('[data-testid=search-input]', 'silent voice');
  await page.click('[data-testid=result-20954] [data-testid=add]');
  await page.waitForSelector('[data-testid=result-20954] [data-testid=on-list]');
  await page.waitForSelector('[data-testid=flash-undo]', { state: 'hidden' });
  assert.equal(await page.locator('[data-testid=flashes] >> text=A Silent Voice was deleted from your list.').count(), 1, 'the message stays, without Undo');
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const now = world.standIn.data.entries.filter((e) => e.userId === 5150 && e.mediaId === 20954);
  assert.deepEqual(now.map((e) => e.status), ['PLANNING'], 'as added now, not as it was');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('filter by text and sort', async () => {
  world.standIn.data.entries.push({ id: 700099, userId: 5150, mediaId: 90001, status: 'CURRENT', progress: 10, score: 6, updatedAt: 1800000000 });
  entry(700001).progress = 9;
  const page = await listPage();
  await page.fill('[data-testid=list-filter]', 'bebop');
  assert.equal(await page.locator('.entry').count(), 1);
  await page.fill('[data-testid=list-filter]', 'zzz');
  await page.waitForSelector('[data-testid=no-match]');
  await page.fill('[data-testid=list-filter]', '');
  assert.equal(await page.locator('.entry').count(), 7, 'six entries, one of them also under Favourites');
  const titles = () => page.$$eval('[data-testid=group-current] [data-testid=entry-title]', (els) => els.map((e) => e.textContent));
  assert.deepEqual(await titles(), ['Cowboy Bebop', 'Star of Miracles 1']);
  await page.selectOption('[data-testid=list-sort]', 'updated');
  assert.deepEqual(await titles(), ['Star of Miracles 1', 'Cowboy Bebop']);
  await page.selectOption('[data-testid=list-sort]', 'score');
  assert.deepEqual(await titles(), ['Cowboy Bebop', 'Star of Miracles 1']);
  await page.selectOption('[data-testid=list-sort]', 'progress');
  assert.deepEqual(await titles(), ['Star of Miracles 1', 'Cowboy Bebop']);
  // The order follows edits at once.
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  assert.deepEqual(await titles(), ['Cowboy Bebop', 'Star of Miracles 1'], '11 episodes now lead 10');
  // Let the save land before the next test resets the stand-in.
  await waitFor(() => entry(700001).progress === 11);
});

test('sort by your start date or your completed date, latest first, unknown last; the title\'s own start is "Release date"', async () => {
  for (const [id, startedAt, completedAt] of [
    [700001, { year: 2024, month: 1, day: 5 }, { year: 2024, month: 3, day: null }],
    [700002, { year: 2023, month: null, day: null }, { year: 2025, month: 6, day: 1 }],
    [700003, null, null],
  ]) Object.assign(entry(id), { status: 'COMPLETED', startedAt, completedAt });
  const page = await listPage();
  const labels = await page.locator('[data-testid=list-sort] option').allTextContents();
  assert.ok(labels.includes('Your start date (latest first)') && labels.includes('Completed date (latest first)') && labels.includes('Release date (newest first)'), labels.join(', '));
  const titles = () => page.$$eval('[data-testid=group-completed] [data-testid=entry-title]', (els) => els.map((e) => e.textContent));
  await page.selectOption('[data-testid=list-sort]', 'completed');
  assert.deepEqual(await titles(), ['Fullmetal Alchemist: Brotherhood', 'Cowboy Bebop', 'Attack on Titan']);
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'completed');
  await page.selectOption('[data-testid=list-sort]', 'begun');
  assert.deepEqual(await titles(), ['Cowboy Bebop', 'Fullmetal Alchemist: Brotherhood', 'Attack on Titan']);
  // A date set in the editor moves the entry at once.
  await edit(page, 700003);
  await page.fill('[data-testid=started-year]', '2025');
  await page.click('[data-testid=editor-save]');
  await waitFor(async () => (await titles())[0] === 'Attack on Titan');
  assert.deepEqual(await titles(), ['Attack on Titan', 'Cowboy Bebop', 'Fullmetal Alchemist: Brotherhood']);
  await waitFor(() => entry(700003).startedAt?.year === 2025);
  assert.deepEqual(page.problems, []);
});

test('sort by popularity: the most members first, unknown last, as AniList counts them', async () => {
  for (const [id, popularity] of [[1, 370000], [5114, 900000], [16498, undefined]]) world.standIn.data.media.find((m) => m.id === id).popularity = popularity;
  for (const id of [700001, 700002, 700003]) entry(id).status = 'COMPLETED';
  const page = await listPage();
  assert.ok((await page.locator('[data-testid=list-sort] option').allTextContents()).includes('Popularity (most first)'));
  const titles = () => page.$$eval('[data-testid=group-completed] [data-testid=entry-title]', (els) => els.map((e) => e.textContent));
  await page.selectOption('[data-testid=list-sort]', 'popularity');
  assert.deepEqual(await titles(), ['Fullmetal Alchemist: Brotherhood', 'Cowboy Bebop', 'Attack on Titan']);
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'popularity');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=group-completed]');
  assert.equal(await page.inputValue('[data-testid=list-sort]'), 'popularity');
  assert.deepEqual(await titles(), ['Fullmetal Alchemist: Brotherhood', 'Cowboy Bebop', 'Attack on Titan']);
  assert.deepEqual(page.problems, []);
});

test('any sort the other way round: lowest score first, no score still last; Z to A; in the URL, over a reload', async () => {
  for (const [id, score] of [[700001, 8.5], [700002, 9], [700003, 0]]) Object.assign(entry(id), { status: 'COMPLETED', score });
  const page = await listPage();
  const titles = () => page.$$eval('[data-testid=group-completed] [data-testid=entry-title]', (els) => els.map((e) => e.textContent));
  const reverse = '[data-testid=list-reverse]';
  await page.selectOption('[data-testid=list-sort]', 'score');
  assert.deepEqual(await titles(), ['Fullmetal Alchemist: Brotherhood', 'Cowboy Bebop', 'Attack on Titan']);
  assert.equal(await page.textContent(`label:has(${reverse})`), 'Lowest first');
  await page.check(reverse);
  assert.deepEqual(await titles(), ['Cowboy Bebop', 'Fullmetal Alchemist: Brotherhood', 'Attack on Titan'], 'lowest first; the title with no score still last');
  assert.equal(new URL(page.url()).searchParams.get('order'), 'reverse');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=group-completed]');
  assert.ok(await page.isChecked(reverse));
  assert.deepEqual(await titles(), ['Cowboy Bebop', 'Fullmetal Alchemist: Brotherhood', 'Attack on Titan']);
  await page.selectOption('[data-testid=list-sort]', 'title');
  assert.equal(await page.textContent(`label:has(${reverse})`), 'Z to A');
  assert.deepEqual(await titles(), ['Fullmetal Alchemist: Brotherhood', 'Cowboy Bebop', 'Attack on Titan']);
  await page.uncheck(reverse);
  assert.deepEqual(await titles(), ['Attack on Titan', 'Cowboy Bebop', 'Fullmetal Alchemist: Brotherhood']);
  assert.equal(new URL(page.url()).searchParams.get('order'), null);
  assert.deepEqual(page.problems, []);
});

test('filter by genre and by country: the ones the list has (genres in AniList\'s order, countries by name); with the text filter; in the URL, over a reload; an unknown one left out', async () => {
  for (const [id, country] of [[1, 'JP'], [5114, 'JP'], [16498, 'JP'], [20954, 'JP'], [21, 'KR']]) world.standIn.data.media.find((m) => m.id === id).countryOfOrigin = country;
  const page = await listPage();
  const options = (what) => page.locator(`[data-testid=list-${what}] option`).allTextContents();
  assert.deepEqual(await options('genre'), ['All', 'Action', 'Adventure', 'Drama', 'Romance', 'Sci-Fi']);
  assert.deepEqual(await options('country'), ['All', 'Japan', 'South Korea'], 'named by the browser');
  const shown = async () => [...new Set(await page.locator('.entry').evaluateAll((xs) => xs.map((x) => x.dataset.testid)))].sort();
  await page.selectOption('[data-testid=list-genre]', 'Drama');
  await waitFor(async () => (await shown()).length === 3);
  assert.deepEqual(await shown(), ['entry-700002', 'entry-700003', 'entry-700004']);
  assert.equal(new URL(page.url()).searchParams.get('genre'), 'Drama');
  await page.fill('[data-testid=list-filter]', 'koe');
  await waitFor(async () => (await shown()).length === 1);
  assert.deepEqual(await shown(), ['entry-700004']);
  await page.fill('[data-testid=list-filter]', '');
  await page.reload();
  await appReady(page);
  await page.waitForSelector(row(700002));
  assert.equal(await page.inputValue('[data-testid=list-genre]'), 'Drama');
  assert.deepEqual(await shown(), ['entry-700002', 'entry-700003', 'entry-700004']);
  // Drama from South Korea: none; Adventure from South Korea: ONE PIECE.
  await page.selectOption('[data-testid=list-country]', 'KR');
  await page.waitForSelector('[data-testid=no-match]');
  assert.equal(new URL(page.url()).searchParams.get('country'), 'KR');
  await page.selectOption('[data-testid=list-genre]', 'Adventure');
  await waitFor(async () => (await shown()).length === 1);
  assert.deepEqual(await shown(), ['entry-700005']);
  await page.goto(`${world.app.url}lists/anime?genre=isekai&country=japan`);
  await appReady(page);
  await page.waitForSelector(row(700001));
  assert.equal(await page.inputValue('[data-testid=list-genre]'), '');
  assert.equal((await shown()).length, 5, 'neither is a filter');
  assert.deepEqual(page.problems, []);
});

test('filter by release (airing, finished…): the states the list has, in AniList\'s order; in the URL, over a reload; an unknown one left out', async () => {
  world.standIn.data.media.find((m) => m.id === 21).status = 'RELEASING';
  world.standIn.data.media.find((m) => m.id === 16498).status = 'HIATUS';
  const page = await listPage();
  assert.deepEqual(await page.locator('[data-testid=list-release] option').allTextContents(), ['All', 'Finished', 'Airing', 'On hiatus']);
  const shown = async () => [...new Set(await page.locator('.entry').evaluateAll((xs) => xs.map((x) => x.dataset.testid)))].sort();
  await page.selectOption('[data-testid=list-release]', 'releasing');
  await waitFor(async () => (await shown()).length === 1);
  assert.deepEqual(await shown(), ['entry-700005']);
  assert.equal(new URL(page.url()).searchParams.get('release'), 'releasing');
  assert.match(await page.textContent('[data-testid=list-summary]'), /^1 of 5 entries matches/);
  await page.reload();
  await appReady(page);
  await page.waitForSelector(row(700005));
  assert.equal(await page.inputValue('[data-testid=list-release]'), 'releasing');
  assert.deepEqual(await shown(), ['entry-700005']);
  await page.selectOption('[data-testid=list-release]', 'finished');
  await waitFor(async () => (await shown()).length === 3);
  assert.deepEqual(await shown(), ['entry-700001', 'entry-700002', 'entry-700004']);
  await page.goto(`${world.app.url}lists/anime?release=rebooted`);
  await appReady(page);
  await page.waitForSelector(row(700001));
  assert.equal(await page.inputValue('[data-testid=list-release]'), '');
  assert.equal((await shown()).length, 5, 'not a filter');
  assert.deepEqual(page.problems, []);
});

test('a row marks your notes (the whole text on hover and for screen readers; pressed, the editor at the notes) and a private entry (not on a phone); editing the notes changes the mark at once', async () => {
  world.standIn.data.entries.find((e) => e.id === 700001).private = true;
  world.standIn.data.entries.find((e) => e.id === 700002).notes = 'Rewatch the dub with Hana';
  const page = await listPage();
  const notes = `${row(700002)} [data-testid=entry-notes]`;
  assert.equal(await page.getAttribute(notes, 'title'), 'Rewatch the dub with Hana');
  assert.equal((await page.textContent(notes)).trim(), '✎Notes: Rewatch the dub with Hana');
  assert.equal(await page.locator(`${row(700001)} [data-testid=entry-notes], ${row(700003)} [data-testid=entry-notes]`).count(), 0);
  assert.equal(await page.isVisible(`${row(700001)} [data-testid=entry-private]`), true);
  assert.equal(await page.locator(`${row(700002)} [data-testid=entry-private]`).count(), 0);
  // Pressed (a touch screen cannot hover): the editor opens at the notes;
  // closed, the focus comes back to the mark.
  await page.click(notes);
  await page.waitForSelector(`${editor}[open]`);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'notes-input');
  assert.equal(await page.inputValue('[data-testid=notes-input]'), 'Rewatch the dub with Hana');
  await page.keyboard.press('Escape');
  await page.waitForSelector(editor, { state: 'detached' });
  await waitFor(() => page.evaluate(() => document.activeElement?.dataset.testid === 'entry-notes'));
  // The notes changed in the editor: the mark follows before AniList answers.
  await edit(page, 700002);
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), 'notes-input', 'Edit opens at the start');
  await page.fill('[data-testid=notes-input]', 'Dub done');
  await page.click('[data-testid=editor-save]');
  await waitFor(async () => (await page.getAttribute(notes, 'title')) === 'Dub done');
  await edit(page, 700002);
  await page.fill('[data-testid=notes-input]', '');
  await page.click('[data-testid=editor-save]');
  await page.waitForSelector(notes, { state: 'detached' });
  await waitFor(() => (entry(700002).notes ?? '') === '');
  // On a phone the title keeps the room: no "Private".
  await page.setViewportSize({ width: 360, height: 800 });
  assert.equal(await page.isVisible(`${row(700001)} [data-testid=entry-private]`), false);
  assert.deepEqual(page.problems, []);
});

test('a list kept by the version before the genres: shown at once from the browser, read again whole however fresh, then the genres are there', async () => {
  const page = await listPage();
  // As that version kept it: format 3, no genres, read a moment ago.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('tsuzuki');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('lists', 'readwrite');
      const store = tx.objectStore('lists');
      const all = store.getAll(IDBKeyRange.bound('5150:anime', '5150:anime\uffff'));
      const keys = store.getAllKeys(IDBKeyRange.bound('5150:anime', '5150:anime\uffff'));
      keys.onsuccess = () => all.result.forEach((text, i) => {
        const v = JSON.parse(text);
        if (Array.isArray(v)) v.forEach((e) => { if (e.media) delete e.media.genres; });
        else Object.assign(v.list, { format: 3, fetched_at: Date.now() });
        store.put(JSON.stringify(v), keys.result[i]);
      });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  world.standIn.fault({ kind: 'slow', delayMs: 1500, operation: 'ListCollection' });
  const lists = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  await page.reload();
  await appReady(page);
  await page.waitForSelector(row(700001), { timeout: 1000 });
  assert.deepEqual(await page.locator('[data-testid=list-genre] option').allTextContents(), ['All'], 'no genres kept yet');
  await waitFor(async () => (await page.locator('[data-testid=list-genre] option').count()) === 6);
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length, lists + 1);
  assert.deepEqual(page.problems, []);
});

test('a +1 still waiting to be saved is sent when the page is left, not lost', async () => {
  const page = await listPage();
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await page.click('nav.site-nav >> text="Settings"');
  await waitFor(() => entry(700001).progress === 14);
  assert.equal(saves().length, 1);
  assert.deepEqual(page.problems, []);
});

/** The anime list on a page whose clock the test moves on (time otherwise
 * flows as usual), and a way to tell it the tab is shown again. */
async function clockedList() {
  const page = await world.newPage();
  await page.clock.install();
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  const shown = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  return { page, shown };
}

test('back to the tab after a while, the lists are asked again: a change made on another device shows, and +1 counts from it', async () => {
  const { page, shown } = await clockedList();
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-progress]`), '12 / 26');
  const lists = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  const asked = lists();
  // Shown again at once: the list is fresh, nothing is asked.
  await shown();
  await page.waitForTimeout(300);
  assert.equal(lists(), asked);
  // Meanwhile, on another device: episode 15.
  Object.assign(entry(700001), { progress: 15, updatedAt: Math.floor(Date.now() / 1000) });
  await page.clock.fastForward('05:00');
  await shown();
  await page.waitForSelector(`${row(700001)} [data-testid=entry-progress] >> text=15 / 26`);
  assert.equal(lists(), asked + 1, 'one request: the most recently updated entries');
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await waitFor(() => entry(700001).progress === 16);
  assert.deepEqual(saves().map((r) => r.body.variables), [{ id: 700001, progress: 16 }]);
  assert.deepEqual(page.problems, []);
});

test('hours later a refresh reads the list whole: an entry deleted on AniList\'s site goes, and a title\'s new episode count shows', async () => {
  const { page, shown } = await clockedList();
  assert.equal(await page.locator(row(700003)).count(), 1);
  const progress = `${row(700005)} [data-testid=entry-progress]`;
  assert.equal((await page.textContent(progress)).trim(), '130 / ?');
  const lists = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection');
  // On AniList's site: Attack on Titan taken off the list (no entry's update
  // time changes), and ONE PIECE's episodes now known.
  world.standIn.data.entries.splice(world.standIn.data.entries.indexOf(entry(700003)), 1);
  world.standIn.data.media.find((m) => m.id === 21).episodes = 1100;
  // Minutes later: the most recent entries are as kept, so that is all.
  const asked = lists().length;
  await page.clock.fastForward('05:00');
  await shown();
  await waitFor(() => lists().length === asked + 1);
  await page.waitForTimeout(300);
  assert.equal(await page.locator(row(700003)).count(), 1, 'not seen by reading the most recent few');
  // Six hours after the last whole read: read whole, shown, and kept so.
  await page.clock.fastForward('06:00:00');
  await shown();
  await page.waitForSelector(row(700003), { state: 'detached' });
  assert.equal((await page.textContent(progress)).trim(), '130 / 1100');
  assert.equal(lists().length, asked + 2);
  assert.equal(lists().at(-1).body.variables.perChunk, lists()[asked].body.variables.perChunk, 'the same first request, its answer taken whole');
  await page.reload();
  await appReady(page);
  await page.waitForSelector(row(700001));
  assert.equal(await page.locator(row(700003)).count(), 0);
  assert.deepEqual(page.problems, []);
});

test('keyboard shortcuts: / j k + - e ?, and none while typing', async () => {
  const page = await listPage();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'list-filter');
  // Typing in the filter: j and e are letters, not shortcuts.
  await page.keyboard.type('je');
  assert.equal(await page.inputValue('[data-testid=list-filter]'), 'je');
  await page.fill('[data-testid=list-filter]', '');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('li.entry')?.dataset.testid);
  await page.keyboard.press('j');
  assert.equal(await focusedRow(), 'entry-700001', 'the first row on screen');
  await page.keyboard.press('j');
  assert.equal(await focusedRow(), 'entry-700002', 'into the next group');
  await page.keyboard.press('k');
  assert.equal(await focusedRow(), 'entry-700001');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  assert.equal(await page.textContent(`${row(700001)} [data-testid=entry-progress]`), '13 / 26');
  await waitFor(() => entry(700001).progress === 13);
  await page.keyboard.press('e');
  await page.waitForSelector(`${editor}[open]`);
  await page.keyboard.press('Escape');
  await page.waitForSelector(editor, { state: 'detached' });
  await page.keyboard.press('?');
  await page.waitForSelector('[data-testid=shortcuts][open]');
  assert.match(await page.textContent('[data-testid=shortcuts]'), /Next entry/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=shortcuts]', { state: 'detached' });
  // With Ctrl, a key is the browser's.
  await page.keyboard.press('Control+j');
  assert.equal(await focusedRow(), 'entry-700001');
  // Elsewhere, / goes to the search.
  await page.click('nav.site-nav >> text="Profile"');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await page.waitForURL(/\/search/);
});

test('a change in one tab shows at once in another open tab: a +1, AniList\'s answer, a delete', async () => {
  const a = await listPage();
  const b = await a.context().newPage();
  await b.goto(`${world.app.url}lists/anime`);
  await b.waitForSelector(row(700001));
  const lists = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  await a.click(`${row(700001)} [data-testid=plus-one]`);
  await b.waitForSelector(`${row(700001)} [data-testid=entry-progress] >> text=/^13 /`);
  await waitFor(() => entry(700001).progress === 13);
  await edit(a, 700004);
  await a.click(`${editor} [data-testid=delete]`);
  await a.click(`${editor} [data-testid=confirm-delete]`);
  await b.waitForSelector(row(700004), { state: 'detached' });
  await waitFor(() => entry(700004) === undefined);
  // Told by the tab, not read again from AniList; nothing sent twice.
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length, lists);
  assert.equal(saves().length, 1);
  assert.deepEqual(a.problems, []);
});

test('on a phone a row\'s progress and score fit beside its Edit button, and the filters take two columns', async () => {
  // ONE PIECE being watched, with its next episode: "2 behind" on its row.
  world.standIn.data.entries.find((e) => e.id === 700005).status = 'CURRENT';
  const page = await world.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(world, page);
  await page.click('text=Your anime list');
  await page.waitForSelector(row(700001));
  // Inside the row's controls (which cut off what does not fit), on their
  // one line, clear of Edit (on the title's line), down to 360 px.
  const box = (sel) => page.locator(`${row(700001)} ${sel}`).first().boundingBox();
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const [controls, score, edit] = [await box('.entry__controls'), await box('[data-testid=score-display]'), await box('[data-testid=edit]')];
    assert.ok(score.x + score.width <= controls.x + controls.width + 0.5, `${width} px: score ends at ${score.x + score.width}, its row's controls at ${controls.x + controls.width}`);
    assert.ok(score.y + score.height <= controls.y + controls.height + 0.5, `${width} px: the score is on the controls' line`);
    assert.ok(score.x + score.width <= edit.x || score.y >= edit.y + edit.height, `${width} px: the score is clear of the Edit button`);
  }
  // A row with "2 behind" too: on a phone the score leaves out its scale
  // ("6.0", the " / 10" for screen readers only), and the badge shows
  // whole beside it, down to 360 px (never cut, never over the score).
  const watched = row(700005);
  await page.waitForSelector(`${watched} [data-testid=behind]`, { state: 'attached' });
  assert.equal(await page.textContent(`${watched} [data-testid=score-display]`), '6.0 / 10', 'the whole score for screen readers');
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await waitFor(async () => {
      const [c, score, b] = await Promise.all(['.entry__controls', '[data-testid=score-display]', '[data-testid=behind]'].map((sel) => page.locator(`${watched} ${sel}`).boundingBox()));
      return b.y < c.y + c.height && b.x + b.width <= c.x + c.width + 0.5 && score.x + score.width <= b.x + 0.5;
    }, 3000);
    assert.ok(await page.$eval(`${watched} [data-testid=score-display]`, (e) => e.scrollWidth <= e.clientWidth), `${width} px: the score is not cut`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  // The choices beside the text are folded: the rows start higher.
  const choices = '[data-testid=list-choices]';
  assert.equal(await page.isVisible('[data-testid=list-status]'), false);
  assert.equal(await page.getAttribute(choices, 'aria-expanded'), 'false');
  assert.equal(await page.textContent(choices), 'More filters, sort');
  const folded = (await page.locator(row(700001)).boundingBox()).y;
  await page.click(choices);
  assert.equal(await page.getAttribute(choices, 'aria-expanded'), 'true');
  const status = await page.locator('[data-testid=list-status]').boundingBox();
  const format = await page.locator('[data-testid=list-format]').boundingBox();
  assert.equal(Math.round(status.y), Math.round(format.y), 'status and format side by side');
  assert.ok((await page.locator(row(700001)).boundingBox()).y - folded > 100, 'folding saves their two lines');
  // What is chosen is counted on the button, folded again.
  await page.selectOption('[data-testid=list-status]', 'PAUSED');
  await page.selectOption('[data-testid=list-sort]', 'score');
  await page.click(choices);
  assert.equal(await page.isVisible('[data-testid=list-status]'), false);
  assert.equal(await page.textContent(choices), 'More filters, sort (2 set)');
  await page.waitForSelector(row(700001), { state: 'detached' });
  // A wider screen shows the choices, and no button.
  await page.setViewportSize({ width: 1000, height: 844 });
  assert.equal(await page.isVisible('[data-testid=list-status]'), true);
  assert.equal(await page.isVisible(choices), false);
});

test('filter by score: not scored yet, or scored; in the URL, over a reload; Clear filters lets it go', async () => {
  const page = await listPage();
  const shown = async () => [...new Set(await page.locator('.entry').evaluateAll((xs) => xs.map((x) => x.dataset.testid)))].sort();
  await page.selectOption('[data-testid=list-scored]', 'no');
  await waitFor(async () => (await shown()).length === 2);
  assert.deepEqual(await shown(), ['entry-700003', 'entry-700004'], 'the two with no score');
  assert.equal(new URL(page.url()).searchParams.get('scored'), 'no');
  assert.match(await page.textContent('[data-testid=list-summary]'), /^2 of 5 entries match\./);
  await page.reload();
  await appReady(page);
  await waitFor(async () => (await shown()).length === 2);
  assert.equal(await page.inputValue('[data-testid=list-scored]'), 'no');
  await page.selectOption('[data-testid=list-scored]', 'yes');
  await waitFor(async () => (await shown()).length === 3);
  assert.deepEqual(await shown(), ['entry-700001', 'entry-700002', 'entry-700005']);
  await page.click('[data-testid=clear-filters]');
  await waitFor(async () => (await shown()).length === 5);
  assert.equal(await page.inputValue('[data-testid=list-scored]'), '');
  assert.equal(new URL(page.url()).searchParams.get('scored'), null);
  assert.deepEqual(page.problems, []);
});
