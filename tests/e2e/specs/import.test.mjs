// Import: a MyAnimeList export (.xml, or MyAnimeList's .xml.gz) read in the
// browser, its titles found on AniList by their MyAnimeList ids, a preview
// of what it would change, and the changes sent through the outbox.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import fs from 'node:fs';
import { startWorld, signIn, waitFor, problemsBut } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const anime = (fields) => `  <anime>\n${Object.entries(fields).map(([k, v]) => `    <${k}>${v}</${k}>`).join('\n')}\n  </anime>`;
const manga = (fields) => `  <manga>\n${Object.entries(fields).map(([k, v]) => `    <${k}>${v}</${k}>`).join('\n')}\n  </manga>`;

/** An export as MyAnimeList writes it: one entry of each case. */
const EXPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<myanimelist>
  <myinfo><user_export_type>1</user_export_type></myinfo>
${anime({ series_animedb_id: 1, series_title: '<![CDATA[Cowboy Bebop]]>', my_watched_episodes: 26, my_start_date: '0000-00-00', my_finish_date: '2025-01-02', my_score: 9, my_status: 'Completed', my_comments: '<![CDATA[]]>', my_times_watched: 0, my_priority: 'LOW' })}
${anime({ series_animedb_id: 60001, series_title: '<![CDATA[Bakery at Dawn]]>', my_watched_episodes: 3, my_start_date: '2026-10-05', my_finish_date: '0000-00-00', my_score: 7, my_status: 'Watching', my_comments: '<![CDATA[Fresh bread & more]]>', my_priority: 'MEDIUM', my_tags: 'rewatch, Cozy, Bread' })}
${anime({ series_animedb_id: 5114, series_title: 'Fullmetal Alchemist: Brotherhood', my_watched_episodes: 64, my_score: 10, my_status: 'Completed' })}
${anime({ series_animedb_id: 999999, series_title: 'Only on MyAnimeList', my_watched_episodes: 1, my_status: 'Watching' })}
${anime({ series_title: 'No id at all', my_status: 'Watching' })}
${manga({ manga_mangadb_id: 13, manga_title: 'One Piece', my_read_chapters: 0, my_read_volumes: 0, my_status: 'Plan to Read' })}
</myanimelist>
`;

const viewerEntry = (mediaId) => world.standIn.data.entries.find((e) => e.userId === 5150 && e.mediaId === mediaId);

async function choose(page, name, text) {
  const buffer = name.endsWith('.gz') ? zlib.gzipSync(Buffer.from(text)) : Buffer.from(text);
  const mimeType = name.endsWith('.gz') ? 'application/gzip' : name.endsWith('.csv') ? 'text/csv' : 'application/xml';
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType, buffer });
}

/** A new page, signed in, showing the preview of the file `name` holding `text`. */
async function previewOf(name, text) {
  const page = await world.newPage();
  await openSettings(page);
  await choose(page, name, text);
  await page.waitForSelector('[data-testid=import-preview]');
  return page;
}

async function openSettings(page) {
  await signIn(world, page);
  await page.click('nav.site-nav >> text="Settings"');
  await page.waitForSelector('[data-testid=import-file]');
}

test('an export is previewed, then only what is new is added; the entries that differ stay unless asked', async () => {
  const page = await previewOf('animelist.xml', EXPORT);
  const text = (id) => page.textContent(`[data-testid=${id}]`);
  assert.equal(await text('import-add'), '2 to add to your lists');
  assert.equal(await text('import-differ'), '1 on your lists with other values');
  assert.equal(await text('import-same'), '1 already the same');
  assert.equal(await text('import-unknown'), '1 AniList has no title for');
  assert.match(await text('import-skipped'), /^1 could not be read \(No id at all has no MyAnimeList id\)$/);
  assert.match(await text('import-tags-left'), /^MyAnimeList tags with no custom list of that name, left out: “Cozy”, “Bread”\. To keep them, add custom lists so named/);
  const differ = await page.textContent('[data-testid=import-differ-entry]', { state: 'attached' });
  assert.match(differ, /Cowboy Bebop: Status Watching → Completed; Progress 12 → 26; Score 8\.5 \/ 10 → 9\.0 \/ 10; Completed none → 2025-01-02/);
  // One request found every title of a kind.
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ByMalIdsMany').length, 2, 'anime and manga');
  assert.equal(await page.textContent('[data-testid=import-go]'), 'Import 2 entries');
  await page.click('[data-testid=import-go]');
  assert.match(await text('import-done'), /^2 entries are on your lists now, and on their way to AniList\. The header counts/);
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const bakery = viewerEntry(40001);
  assert.ok(bakery, 'the new title is on AniList');
  assert.equal(bakery.status, 'CURRENT');
  assert.equal(bakery.progress, 3);
  assert.equal(bakery.score, 7, 'in the viewer\'s scoring system (10 points, decimal)');
  assert.equal(bakery.notes, 'Fresh bread & more');
  assert.equal(bakery.priority, 1);
  assert.deepEqual(bakery.customLists, ['Rewatch'], 'its tag that names a custom list here');
  assert.deepEqual(bakery.startedAt, { year: 2026, month: 10, day: 5 });
  assert.equal(viewerEntry(30013).status, 'PLANNING');
  const bebop = viewerEntry(1);
  assert.equal(bebop.status, 'CURRENT', 'not changed: the person did not ask');
  assert.equal(bebop.progress, 12);
  // The lists show them at once, from the store; the card leads there.
  assert.deepEqual(await page.$$eval('[data-testid=import] .actions a', (as) => as.map((a) => a.textContent)), ['Your anime list', 'Your manga list']);
  await page.click('[data-testid=import] >> text="Your anime list"');
  await page.waitForSelector('[data-testid=entry-700001]');
  await page.waitForSelector('text=Bakery at Dawn');
  assert.deepEqual(page.problems, []);
});

test('a .xml.gz export as MyAnimeList gives it; the entries that differ take the file\'s values when asked, keeping what it leaves empty', async () => {
  Object.assign(viewerEntry(1), { notes: 'Mine, from AniList' });
  const page = await previewOf('animelist_1700000000_-_5150.xml.gz', EXPORT);
  await page.check('[data-testid=import-differ-too]');
  assert.equal(await page.textContent('[data-testid=import-go]'), 'Import 3 entries');
  await page.click('[data-testid=import-go]');
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const bebop = viewerEntry(1);
  assert.equal(bebop.status, 'COMPLETED');
  assert.equal(bebop.progress, 26);
  assert.equal(bebop.score, 9);
  assert.equal(bebop.notes, 'Mine, from AniList', 'the file has no notes: the list\'s stay');
  assert.deepEqual(bebop.completedAt, { year: 2025, month: 1, day: 2 });
  assert.equal(viewerEntry(5114).score, 10);
  assert.deepEqual(page.problems, []);
});

test('a file that is not an export is refused with a reason; AniList failing to answer is said, and trying again goes on', async () => {
  const page = await world.newPage();
  await openSettings(page);
  await choose(page, 'notes.xml', 'this is not XML <at all');
  assert.match(await page.textContent('[data-testid=import-refused]'), /not MyAnimeList's export/);
  await choose(page, 'feed.xml', '<?xml version="1.0"?><rss><channel/></rss>');
  assert.match(await page.textContent('[data-testid=import-refused]'), /not MyAnimeList's export/);
  await choose(page, 'broken.xml.gz', 'plain text, not gzip');
  await page.waitForSelector('[data-testid=import-refused]');
  await choose(page, 'empty.xml', '<?xml version="1.0"?><myanimelist><myinfo/></myanimelist>');
  assert.equal(await page.textContent('[data-testid=import-refused]'), 'This MyAnimeList export has no entries.');
  world.standIn.fault({ kind: '500', operation: 'ByMalIdsMany', times: 1 });
  await choose(page, 'animelist.xml', EXPORT);
  await page.waitForSelector('[data-testid=import-error] [data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=import-error]'), /HTTP 500/);
  await page.click('[data-testid=import-error] [data-testid=retry]');
  await page.waitForSelector('[data-testid=import-preview]');
  assert.equal(await page.textContent('[data-testid=import-add]'), '2 to add to your lists');
  // The browser's XML parser styles its error inline, which the page's policy
  // refuses (and says so); AniList's 500 is reported by the browser too.
  assert.deepEqual(problemsBut(page), []);
});

test('many lists of ids go in one request; a page AniList splits is read to its end', async () => {
  // 120 more ids than there are titles: three lists of ids in one request.
  const padded = EXPORT.replace('</myanimelist>', `${Array.from({ length: 120 }, (_, i) => anime({ series_animedb_id: 500000 + i, series_title: `Gone ${i}`, my_status: 'Watching' })).join('\n')}\n</myanimelist>`);
  world.standIn.maxPerPage = 2;
  const page = await previewOf('animelist.xml', padded);
  assert.equal(await page.textContent('[data-testid=import-add]'), '2 to add to your lists');
  assert.equal(await page.textContent('[data-testid=import-unknown]'), '121 AniList has no title for');
  const many = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ByMalIdsMany');
  assert.deepEqual(many.map((r) => Object.keys(r.body.variables).filter((k) => k.startsWith('ids')).length), [3, 1], 'anime: three lists of ids; manga: one');
  // The first anime list's three titles come two to a page here: its second page asked alone.
  const more = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ByMalIds');
  assert.deepEqual(more.map((r) => r.body.variables.page), [2]);
  assert.deepEqual(problemsBut(page), []);
});

test('a backup made here (AniList JSON) comes back: what was lost is added again with its values', async () => {
  world.standIn.data.viewer.mediaListOptions.animeList.advancedScoringEnabled = true;
  Object.assign(viewerEntry(1), { notes: 'Kept in the backup', repeat: 2, private: true, customLists: ['Rewatch'], advancedScores: { Story: 8, Characters: 9, Visuals: 0, Audio: 0, Enjoyment: 0 } });
  Object.assign(viewerEntry(5114), { private: true, customLists: ['Rewatch'] });
  const page = await world.newPage();
  await openSettings(page);
  await page.waitForSelector('[data-testid=export-json]:not([disabled])');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const backup = fs.readFileSync(await download.path(), 'utf8');
  // Lost since: two entries gone from AniList, one changed.
  world.standIn.data.entries = world.standIn.data.entries.filter((e) => !(e.userId === 5150 && [1, 30002].includes(e.mediaId)));
  Object.assign(viewerEntry(5114), { progress: 10, private: false, customLists: [] });
  await page.reload();
  await page.waitForSelector('[data-testid=import-file]');
  await choose(page, 'anilist-5150-lists.json', backup);
  await page.waitForSelector('[data-testid=import-preview]');
  assert.equal(await page.textContent('[data-testid=import-add]'), '2 to add to your lists');
  assert.equal(await page.textContent('[data-testid=import-differ]'), '1 on your lists with other values');
  assert.equal(await page.textContent('[data-testid=import-same]'), '4 already the same');
  assert.equal(world.standIn.graphqlRequests().filter((r) => /ByMalIds/.test(r.operationName)).length, 0, 'its titles are known: nothing to find');
  const differ = await page.textContent('[data-testid=import-differ-entry]');
  for (const said of ['Progress', 'Private', 'Custom lists']) assert.ok(differ.includes(said), `${said} in "${differ}"`);
  await page.check('[data-testid=import-differ-too]');
  await page.click('[data-testid=import-go]');
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const bebop = viewerEntry(1);
  assert.deepEqual(bebop.advancedScores, { Story: 8, Characters: 9, Visuals: 0, Audio: 0, Enjoyment: 0 }, 'its advanced scores come back');
  assert.deepEqual([viewerEntry(5114).private, viewerEntry(5114).customLists], [true, ['Rewatch']], 'an entry still there: back on its custom list, private again');
  assert.deepEqual([bebop.status, bebop.progress, bebop.score, bebop.notes, bebop.repeat, bebop.private, bebop.customLists], ['CURRENT', 12, 8.5, 'Kept in the backup', 2, true, ['Rewatch']]);
  assert.deepEqual([viewerEntry(30002).progress, viewerEntry(30002).progressVolumes], [200, 20]);
  assert.equal(viewerEntry(5114).progress, 64);
  await choose(page, 'other.json', '{"anime": {"lists": "no"}}');
  assert.match(await page.textContent('[data-testid=import-refused]'), /not a backup of lists made here/);
  assert.deepEqual(problemsBut(page), []);
});

test('a CSV made here and edited in a spreadsheet comes back: its edits and what was lost, each added title as AniList has it', async () => {
  const page = await world.newPage();
  await openSettings(page);
  await page.waitForSelector('[data-testid=export-csv]:not([disabled])');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const lines = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  // As a spreadsheet saves it: Cowboy Bebop's score, private and notes
  // edited, and its progress past its 26 episodes.
  const columns = lines[0].split(',');
  const at = (name) => columns.indexOf(name);
  const row = lines.findIndex((l) => l.startsWith('anime,1,'));
  const cells = lines[row].split(',');
  assert.equal(cells.length, columns.length, lines[row]);
  cells[at('score')] = '9.5';
  cells[at('progress')] = '30';
  cells[at('private')] = 'TRUE';
  cells[at('notes')] = '"Rewatched, with ""friends"""';
  lines[row] = cells.join(',');
  // A row typed in: an id AniList has no title for.
  const typed = lines[row].split(',');
  typed[at('media_id')] = '999999';
  typed[at('title')] = 'Typed by hand';
  lines.splice(row + 1, 0, typed.join(','));
  // Lost since: Berserk, gone from AniList.
  world.standIn.data.entries = world.standIn.data.entries.filter((e) => !(e.userId === 5150 && e.mediaId === 30002));
  await page.reload();
  await page.waitForSelector('[data-testid=import-file]');
  await choose(page, 'anilist-5150-lists.csv', lines.join('\r\n'));
  await page.waitForSelector('[data-testid=import-preview]');
  assert.equal(await page.textContent('[data-testid=import-add]'), '1 to add to your lists');
  assert.equal(await page.textContent('[data-testid=import-differ]'), '1 on your lists with other values');
  assert.equal(await page.textContent('[data-testid=import-same]'), '5 already the same');
  assert.equal(await page.textContent('[data-testid=import-unknown]'), '1 AniList has no title for');
  assert.match(await page.textContent('[data-testid=import-preview]'), /Typed by hand \(AniList #999999\)/);
  const differ = await page.textContent('[data-testid=import-differ-entry]');
  for (const said of ['Score', 'Private', 'Notes', 'Progress']) assert.ok(differ.includes(said), `${said} in "${differ}"`);
  assert.equal(world.standIn.graphqlRequests().filter((r) => /ByMalIds/.test(r.operationName)).length, 0, 'no MyAnimeList ids to find');
  const asked = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ByIdsMany');
  assert.deepEqual(asked.map((r) => r.body.variables), [{ ids0: [999999], type: 'ANIME' }, { ids0: [30002], type: 'MANGA' }], 'only the titles to add are asked of AniList, once');
  await page.check('[data-testid=import-differ-too]');
  await page.click('[data-testid=import-go]');
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'));
  const bebop = viewerEntry(1);
  assert.deepEqual([bebop.status, bebop.progress, bebop.score, bebop.private, bebop.notes], ['CURRENT', 26, 9.5, true, 'Rewatched, with "friends"'], 'progress within its episodes: AniList would refuse 30');
  assert.deepEqual([viewerEntry(30002).status, viewerEntry(30002).progress, viewerEntry(30002).progressVolumes, viewerEntry(30002).score], ['CURRENT', 200, 20, 9]);
  assert.equal(viewerEntry(999999), undefined, 'an id AniList has no title for is not sent');
  // Berserk shows as AniList has it (its chapters, its title), before any refresh.
  const reads = world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length;
  await page.click('text="Your manga list"');
  await page.waitForSelector('[data-testid=entry-700006], [data-testid^=entry-]');
  await waitFor(async () => (await page.locator('[data-testid=entry-progress]').allTextContents()).includes('200 / 380'));
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'ListCollection').length, reads, 'from what the import found, not from a refresh');
  await page.goBack();
  await page.waitForSelector('[data-testid=import-file]');
  await choose(page, 'other.csv', 'name,score\r\nA,1\r\n');
  assert.match(await page.textContent('[data-testid=import-refused]'), /not a list export made here/);
  await choose(page, 'rows.csv', 'type,media_id,status,progress\r\nbook,1,CURRENT,1\r\n');
  assert.equal(await page.textContent('[data-testid=import-refused]'), 'Its one entry could not be taken: row 2: no type (anime or manga).');
  await choose(page, 'rows.csv', 'type,media_id,status,progress\r\nanime,1,,1\r\nanime,0,CURRENT,1\r\n');
  assert.equal(await page.textContent('[data-testid=import-refused]'), 'None of its 2 entries could be taken: row 2: no status.');
  assert.deepEqual(problemsBut(page), []);
});

/** Gives the filler titles MyAnimeList ids (none is on the lists) and an export of `n` of them. */
function fillerExport(n) {
  const extra = world.standIn.data.media.filter((m) => m.id > 90000 && m.id < 90100).slice(0, n);
  extra.forEach((m, i) => { m.idMal = 80001 + i; });
  const text = `<?xml version="1.0"?><myanimelist>${extra.map((m) => anime({ series_animedb_id: m.idMal, series_title: m.title.romaji, my_watched_episodes: (m.id % 12) + 1, my_status: 'Watching' })).join('\n')}</myanimelist>`;
  return { extra, text };
}

test('a big export goes to AniList twenty entries a request', async () => {
  const { extra, text } = fillerExport(23);
  const page = await previewOf('animelist.xml', text);
  assert.equal(await page.textContent('[data-testid=import-add]'), `${extra.length} to add to your lists`);
  await page.click('[data-testid=import-go]');
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'), 30000);
  const sent = world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntries');
  const counts = sent.map((r) => Object.keys(r.body.variables).filter((k) => k.startsWith('mediaId')).length);
  assert.deepEqual(counts, [20, 3]);
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry').length, 0);
  assert.ok(extra.every((m) => viewerEntry(m.id)?.progress === (m.id % 12) + 1 && viewerEntry(m.id).status === 'CURRENT'));
  assert.deepEqual(problemsBut(page), []);
});

test('a request of many AniList refuses is sent again entry by entry, and only the refused one is rolled back', async () => {
  const { extra, text } = fillerExport(4);
  const page = await previewOf('animelist.xml', text);
  // AniList refuses the request (one title it will not take), then that
  // title alone.
  const refusal = JSON.stringify({ data: null, errors: [{ message: 'validation', status: 400, validation: { mediaId: ['The selected media id is invalid.'] } }] });
  world.standIn.fault({ kind: 'graphql-error', status: 400, body: refusal, operation: 'SaveEntries' });
  world.standIn.fault({ kind: 'graphql-error', status: 400, body: refusal, operation: 'SaveEntry' });
  await page.click('[data-testid=import-go]');
  await waitFor(async () => (await page.textContent('[data-testid=outbox-status]')).includes('All changes saved'), 30000);
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntries').length, 1);
  assert.equal(world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry').length, 4, 'each alone');
  assert.deepEqual(extra.map((m) => Boolean(viewerEntry(m.id))), [false, true, true, true], 'all but the one refused');
  assert.match(await page.textContent('[data-testid=flashes]'), /was not saved/);
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector(`li.entry:has-text("${extra[1].title.english}")`);
  assert.equal(await page.locator(`li.entry:has-text("${extra[0].title.english}")`).count(), 0, 'rolled back from the list');
  assert.deepEqual(problemsBut(page), []);
});
