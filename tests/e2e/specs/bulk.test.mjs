// Many edits at once on a list page, against the stand-in: choosing rows
// (click, shift-click, "Select all" in a filtered view, the x key), the
// preview before anything is sent, UpdateMediaListEntries for what it can
// carry and SaveMediaListEntry / DeleteMediaListEntry for the rest, the
// Undo of a whole batch, and a heavy list under the rate limit.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, signIn, openList, waitFor, savesSent } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const row = (id) => `[data-testid=entry-${id}]`;
const entry = (id) => world.standIn.data.entries.find((e) => e.id === id);
const sent = (op) => world.standIn.graphqlRequests().filter((r) => r.operationName === op && r.answered === 200);
const preview = '[data-testid=bulk-preview]';

async function pick(page, id, modifiers = []) {
  await page.click(`${row(id)} [data-testid=pick]`, { modifiers });
}

async function review(page) {
  await page.click('[data-testid=bulk-review]');
  await page.waitForSelector(`${preview}[open]`);
}

test('click and shift-click choose rows; the preview says what changes; one UpdateMediaListEntries sends it; Undo puts each back', async () => {
  const page = await openList(world);
  // Watching: 700001; Completed: 700002; Paused: 700004; Dropped: 700005; Planning: 700003.
  const order = await page.$$eval('li.entry', (els) => els.map((e) => Number(e.dataset.testid.slice(6))));
  const from = order.indexOf(700001);
  const to = order.indexOf(700004);
  assert.ok(from >= 0 && to > from + 1, `rows in order: ${order}`);
  await pick(page, 700001);
  await pick(page, 700004, ['Shift']);
  const chosen = order.slice(from, to + 1);
  assert.equal(await page.textContent('[data-testid=bulk-count]'), `${chosen.length} selected`);
  for (const id of chosen) assert.equal(await page.isChecked(`${row(id)} [data-testid=pick]`), true, `${id} chosen`);
  assert.equal(await page.isChecked(`${row(700005)} [data-testid=pick]`), false);

  await page.selectOption('[data-testid=bulk-status]', 'COMPLETED');
  await review(page);
  const summary = await page.textContent('[data-testid=bulk-summary]');
  const completedAlready = chosen.filter((id) => entry(id).status === 'COMPLETED').length;
  assert.match(summary, new RegExp(`^${chosen.length - completedAlready} entries change\\.`));
  if (completedAlready) assert.match(summary, /already (is|are) so/);
  const lines = await page.$$eval(`${preview} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(lines.find((l) => l[0] === 'Cowboy Bebop'), ['Cowboy Bebop', 'Watching', 'Completed']);
  assert.equal(sent('UpdateEntries').length, 0, 'nothing is sent before the person agrees');
  // Cancel sends nothing and keeps the choice.
  await page.click('[data-testid=bulk-cancel]');
  await page.waitForSelector(preview, { state: 'detached' });
  assert.equal(await page.textContent('[data-testid=bulk-count]'), `${chosen.length} selected`);

  const before = Object.fromEntries(chosen.map((id) => [id, entry(id).status]));
  await review(page);
  await page.click('[data-testid=bulk-apply]');
  await page.waitForSelector('[data-testid=bulk-bar]', { state: 'detached' });
  await page.waitForSelector(`[data-testid=group-completed] ${row(700001)}`);
  await waitFor(() => chosen.every((id) => entry(id).status === 'COMPLETED'));
  const updates = sent('UpdateEntries');
  assert.equal(updates.length, 1, 'one request for the batch');
  assert.deepEqual(updates[0].body.variables, { ids: chosen.filter((id) => before[id] !== 'COMPLETED'), status: 'COMPLETED' });
  assert.equal(sent('SaveEntry').length, 0);
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));

  // Undo: each entry back to its own former status.
  assert.match(await page.textContent('[data-testid=bulk-done]'), /Status: Completed — \d entr(y|ies)\./);
  await page.click('[data-testid=bulk-undo]');
  await waitFor(() => chosen.every((id) => entry(id).status === before[id]));
  await page.waitForSelector(`[data-testid=group-current] ${row(700001)}`);
  await page.waitForSelector(`[data-testid=group-paused] ${row(700004)}`);
  const distinct = new Set(chosen.filter((id) => before[id] !== 'COMPLETED').map((id) => before[id])).size;
  // Entries given back the same status go in one bulk update; the others,
  // each with its own, together in one request of many saves.
  const undone = sent('UpdateEntries').length - 1 + sent('SaveEntry').length + sent('SaveEntries').length;
  assert.ok(undone >= 1 && undone <= distinct, `the undo: ${undone} requests for ${distinct} former statuses`);
  await page.waitForSelector('[data-testid=bulk-done]', { state: 'detached' });
});

test('select all in a filtered view, add to a custom list (one save each), then delete and undo the delete', async () => {
  const page = await openList(world);
  await page.fill('[data-testid=list-filter]', 'o');
  await page.waitForSelector('[data-testid=list-summary] >> text=/of \\d+ entries match/');
  const shown = await page.$$eval('li.entry', (els) => [...new Set(els.map((e) => Number(e.dataset.testid.slice(6))))]);
  assert.ok(shown.length >= 2, `${shown}`);
  await page.click('[data-testid=select-all]');
  assert.equal(await page.textContent('[data-testid=bulk-count]'), `${shown.length} selected`);

  await page.selectOption('[data-testid=bulk-action]', 'add');
  await page.selectOption('[data-testid=bulk-list]', 'Rewatch');
  await review(page);
  await page.click('[data-testid=bulk-apply]');
  await waitFor(() => shown.every((id) => (entry(id).customLists ?? []).includes('Rewatch')));
  // Custom lists are not something UpdateMediaListEntries takes.
  assert.equal(sent('UpdateEntries').length, 0);
  assert.equal(savesSent(world.standIn), shown.length, 'one save each');
  assert.ok(sent('SaveEntries').length >= 1, 'in one request of many');
  // An entry already on Favourites keeps it.
  if (shown.includes(700002)) assert.deepEqual(entry(700002).customLists, ['Favourites', 'Rewatch']);

  // Delete them all, then undo: back with their values.
  const kept = Object.fromEntries(shown.map((id) => [entry(id).mediaId, { ...entry(id) }]));
  await page.click('[data-testid=select-all]');
  await page.selectOption('[data-testid=bulk-action]', 'delete');
  await review(page);
  assert.match(await page.textContent('[data-testid=bulk-apply]'), new RegExp(`^Delete ${shown.length} entries$`));
  await page.click('[data-testid=bulk-apply]');
  await waitFor(() => shown.every((id) => !entry(id)));
  assert.equal(await page.$$eval('li.entry', (els) => els.length), 0);
  await page.click('[data-testid=bulk-undo]');
  const back = (mediaId) => world.standIn.data.entries.find((e) => e.userId === 5150 && e.mediaId === Number(mediaId));
  await waitFor(() => Object.keys(kept).every((m) => back(m)));
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  for (const [m, was] of Object.entries(kept)) {
    const now = back(m);
    assert.deepEqual([now.status, now.progress, now.score, now.customLists], [was.status, was.progress, was.score, was.customLists], `media ${m}`);
  }
  await page.waitForSelector('li.entry');
});

test('an undo of a delete that has not gone out cancels it: nothing is deleted, nothing created anew', async () => {
  const page = await openList(world);
  const ids = [700003, 700004];
  const kept = ids.map((id) => ({ ...entry(id) }));
  await page.context().setOffline(true);
  for (const id of ids) await pick(page, id);
  await page.selectOption('[data-testid=bulk-action]', 'delete');
  await review(page);
  await page.click('[data-testid=bulk-apply]');
  await page.waitForSelector('[data-testid=outbox-status] >> text=/2 changes waiting \\(offline\\)/');
  await page.click('[data-testid=bulk-undo]');
  await page.waitForSelector(row(700003));
  await page.context().setOffline(false);
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const writes = world.standIn.graphqlRequests().filter((r) => ['DeleteEntry', 'SaveEntry', 'UpdateEntries'].includes(r.operationName));
  assert.deepEqual(writes.map((r) => r.operationName), [], 'nothing to send: the entries never left AniList');
  assert.deepEqual(ids.map((id) => entry(id)), kept, 'the same entries, same ids, same values');
  // The rows keep their ids: a +1 saves the entry that was there.
  await page.click(`${row(700003)} [data-testid=plus-one]`);
  await waitFor(() => entry(700003).progress === kept[0].progress + 1);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('a batch whose answer is lost after AniList applied it: read back in one request, not sent again', async () => {
  const page = await openList(world);
  for (const id of [700003, 700004, 700005]) await pick(page, id);
  await page.selectOption('[data-testid=bulk-status]', 'CURRENT');
  await review(page);
  world.standIn.fault({ kind: 'drop-after', operation: 'UpdateEntries' });
  await page.click('[data-testid=bulk-apply]');
  await waitFor(() => sent('ListEntries').length === 1);
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const readBack = sent('ListEntries')[0].body.variables;
  assert.deepEqual([...readBack.mediaIds].sort(), [700003, 700004, 700005].map((id) => entry(id).mediaId).sort());
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'UpdateEntries').length, 1, 'not sent twice');
  assert.deepEqual([700003, 700004, 700005].map((id) => entry(id).status), ['CURRENT', 'CURRENT', 'CURRENT']);
  await page.waitForSelector(`[data-testid=group-current] ${row(700005)}`);
});

test('the x key chooses the row in focus; a score out of range cannot be sent', async () => {
  const page = await openList(world);
  await page.focus(`${row(700005)} [data-testid=entry-title]`);
  await page.keyboard.press('x');
  assert.equal(await page.isChecked(`${row(700005)} [data-testid=pick]`), true);
  await page.selectOption('[data-testid=bulk-action]', 'score');
  await page.fill('[data-testid=bulk-score]', '11');
  await page.waitForSelector('[data-testid=bulk-problem]');
  assert.equal(await page.isDisabled('[data-testid=bulk-review]'), true);
  await page.fill('[data-testid=bulk-score]', '7.5');
  await review(page);
  await page.click('[data-testid=bulk-apply]');
  await waitFor(() => entry(700005).score === 7.5);
  // One entry: a save of its own would do, but the batch's request is the same.
  assert.equal(sent('UpdateEntries').length + sent('SaveEntry').length, 1);
  await page.focus(`${row(700005)} [data-testid=entry-title]`);
  await page.keyboard.press('x');
  await page.click('[data-testid=bulk-clear]');
  await page.waitForSelector('[data-testid=bulk-bar]', { state: 'detached' });
});

test('a heavy list: hundreds of entries change in requests of 20 (AniList\'s complexity limit), and a reload half-way loses none', async () => {
  world.standIn.useHeavyList(600);
  const limit = world.standIn.rateLimit;
  world.standIn.rateLimit = 1000;
  try {
    const page = await world.newPage();
    await signIn(world, page);
    await page.click('text=Your anime list');
    await page.waitForSelector('[data-testid=list-summary] >> text=/entries\\./', { timeout: 60000 });
    await page.waitForSelector('[data-testid=list-progress]', { state: 'detached', timeout: 60000 });
    await page.selectOption('[data-testid=list-status]', 'PLANNING');
    await page.waitForSelector('[data-testid=list-summary] >> text=/of [\\d,]+ entries match/');
    const planning = world.standIn.data.entries.filter((e) => e.userId === 5150 && e.status === 'PLANNING').map((e) => e.id);
    assert.ok(planning.length > 100, `${planning.length} planned`);
    await page.click('[data-testid=select-all]');
    assert.equal(await page.textContent('[data-testid=bulk-count]'), `${planning.length.toLocaleString('en')} selected`);
    await page.selectOption('[data-testid=bulk-status]', 'PAUSED');
    await review(page);
    assert.match(await page.textContent(`${preview} p.muted.small`), /and [\d,]+ more/);
    // The second request is slow: the page reloads while it is on its way.
    // (A fault of no kind lets the first through as usual.)
    world.standIn.fault({ kind: 'none', operation: 'UpdateEntries' });
    world.standIn.fault({ kind: 'slow', delayMs: 1500, operation: 'UpdateEntries' });
    await page.click('[data-testid=bulk-apply]');
    await waitFor(() => world.standIn.graphqlRequests().filter((r) => r.operationName === 'UpdateEntries').length >= 2);
    await page.reload();
    await waitFor(() => planning.every((id) => entry(id).status === 'PAUSED'), 60000);
    const updates = world.standIn.graphqlRequests().filter((r) => r.operationName === 'UpdateEntries');
    assert.ok(updates.every((r) => r.body.variables.ids.length <= 20 && r.body.variables.status === 'PAUSED'));
    assert.ok(!world.standIn.graphqlRequests().some((r) => r.answered === 400), 'none refused (over AniList\'s complexity limit, say)');
    // One left over after the last 20 goes alone.
    const alone = world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry').map((r) => r.body.variables.id);
    assert.ok(alone.length <= 1, `${alone}`);
    assert.equal(new Set([...updates.flatMap((r) => r.body.variables.ids), ...alone]).size, planning.length, 'every entry sent');
    // Sent again after the reload, at most: the request on its way, which
    // the kept queue holds as on its way (a request leaves only once it
    // does), read back and found not yet applied. One answered before it
    // is never sent again.
    assert.ok(updates.length <= Math.ceil(planning.length / 20) + 1, `${updates.length} requests for ${planning.length} entries`);
  } finally {
    world.standIn.rateLimit = limit;
  }
});

test('a change to hundreds of entries at once, a delete of them and its undo show in another open tab at once, before anything is sent', async () => {
  world.standIn.useHeavyList(300);
  const a = await world.newPage();
  await signIn(world, a);
  await a.click('text=Your anime list');
  await a.waitForSelector('[data-testid=list-progress]', { state: 'detached', timeout: 60000 });
  await a.waitForSelector('li.entry');
  const b = await a.context().newPage();
  const pageErrors = [];
  b.on('pageerror', (err) => pageErrors.push(err.message));
  await b.goto(`${world.app.url}lists/anime`);
  await b.waitForSelector('li.entry');
  const lists = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  // Offline: what the other tab shows can only have come from this tab.
  await a.context().setOffline(true);
  await a.click('[data-testid=select-all]');
  const chosen = Number((await a.textContent('[data-testid=bulk-count]')).replace(/\D/g, ''));
  assert.ok(chosen > 200, `${chosen} selected: more than a change told entry by entry`);
  // A status for all of them: the other tab (showing Paused only) has
  // every entry there at once.
  await b.selectOption('[data-testid=list-status]', 'PAUSED');
  const summary = async (p) => (await p.textContent('[data-testid=list-summary]')).replace(/\s+/g, ' ');
  const all = chosen.toLocaleString('en');
  await b.waitForSelector('[data-testid=list-summary] >> text=/of [\\d,]+ entries match/');
  assert.doesNotMatch(await summary(b), new RegExp(`^${all} of`));
  await a.selectOption('[data-testid=bulk-status]', 'PAUSED');
  await review(a);
  await a.click('[data-testid=bulk-apply]');
  await waitFor(async () => (await summary(b)).startsWith(`${all} of ${all} entries match`));
  // Then delete them all.
  await a.click('[data-testid=select-all]');
  await a.selectOption('[data-testid=bulk-action]', 'delete');
  await review(a);
  await a.click('[data-testid=bulk-apply]');
  await a.waitForSelector('li.entry', { state: 'detached' });
  await b.waitForSelector('li.entry', { state: 'detached' });
  // The undo of deletes not sent yet sends nothing: the other tab learns
  // that from this one too.
  await a.click('[data-testid=bulk-undo]');
  await a.waitForSelector('li.entry');
  await b.waitForSelector('li.entry');
  await waitFor(async () => (await summary(b)).startsWith(`${all} of ${all} entries match`));
  // The other tab learnt it from this one, not by reading the list again.
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length, lists);
  // (Covers cannot load offline; nothing else may go wrong.)
  assert.deepEqual(a.problems.filter((p) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  assert.deepEqual(pageErrors, []);
});
