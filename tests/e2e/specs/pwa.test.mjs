// Installable and offline: the manifest and the service worker accepted by
// Chromium, the app opening offline with the lists from the store and an
// edit waiting until the network is back, a new build replacing the old one
// without a mixed page, and development builds without a worker.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWorld, appReady, signIn, openList, waitFor, DIST, SUBPATH, SUBPATH_DIST } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(async () => { world.app.setRoot(DIST); world.standIn.reset(); await world.closePages(); });

/** Waits for the app's worker to be active and this page controlled by it.
 * A page that was already loading while the worker first installed (the
 * sign-in's round trip through the authorize page) may be left to the
 * network until its next load: it is reloaded once then. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const now = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await now())) await page.waitForTimeout(1000);
  if (!(await now())) {
    await page.reload();
    await appReady(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

test('installable: the manifest and the worker are accepted, and the worker keeps this build\'s files', async () => {
  const page = await world.newPage();
  await page.goto(world.app.url);
  await appReady(page);
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are private windows, where nothing installs; every
  // other reason (no manifest, no icon, no worker, no offline page) counts.
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  const { errors, data } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, 'Tsuzuki for AniList');
  const kept = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.equal(kept.names.length, 1);
  assert.match(kept.names[0], /^tsuzuki-[0-9a-f]{16}$/);
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  assert.ok(kept.urls.includes(`/${wasm}`) && kept.urls.includes('/index.html') && kept.urls.includes('/config.json'), kept.urls.join());
  assert.deepEqual(page.problems, []);
});

test('offline: the app opens, the lists show from the store, an edit waits and is sent once when the network is back', async () => {
  const page = await openList(world);
  await page.waitForSelector('[data-testid=entry-700001]');
  await controlled(page);
  await page.context().setOffline(true);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=entry-700001]');
  assert.equal(await page.textContent('[data-testid=entry-700001] [data-testid=entry-progress]'), '12 / 26');
  await page.click('[data-testid=entry-700001] [data-testid=plus-one]');
  await page.waitForSelector('[data-testid=outbox-status] >> text=/1 change waiting \\(offline\\)/');
  const saves = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry');
  assert.equal(saves().length, 0);
  await page.context().setOffline(false);
  await page.waitForSelector('text=All changes saved');
  await waitFor(() => world.standIn.data.entries.find((e) => e.id === 700001).progress === 13);
  await page.waitForTimeout(500);
  assert.equal(saves().length, 1, 'sent once');
});

/** A copy of the build as the next deployment: its own file names and build id. */
function nextBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-next-'));
  const files = fs.readdirSync(DIST);
  const js = files.find((f) => /^tsuzuki-.*\.js$/.test(f));
  const stem = js.slice(0, -3);
  const next = 'tsuzuki-0000000000000042';
  for (const f of files) {
    const to = f.replace(stem, next);
    let bytes = fs.readFileSync(path.join(DIST, f));
    if (/\.(html|js)$/.test(f)) {
      let text = bytes.toString('utf8').replaceAll(stem, next);
      if (f === 'sw.js') text = text.replace(/id: '[0-9a-f]+'/, "id: 'b0000000000000042'");
      if (f === 'index.html') text = text.replace('<head>', '<head><meta name="tsuzuki-build" content="next">');
      bytes = Buffer.from(text);
    }
    fs.writeFileSync(path.join(dir, to), bytes);
  }
  return { dir, wasm: `${next}_bg.wasm` };
}

test('a new build: the page says so, runs the old build until the person reloads, then only the new one', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await controlled(page);
  const old = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const next = nextBuild();
  world.app.setRoot(next.dir);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('[data-testid=app-update]');
  assert.match(await page.textContent('[data-testid=app-update]'), /A new version of Tsuzuki is ready/);
  // Still the old build, whole: no file of the new one in this page.
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok((await loaded()).includes(`/${old}`));
  assert.ok(!(await loaded()).some((p) => p.includes('0000000000000042')));
  assert.equal(await page.locator('meta[name=tsuzuki-build]').count(), 0);
  await Promise.all([page.waitForEvent('load'), page.click('[data-testid=app-update-reload]')]);
  await appReady(page);
  assert.equal(await page.getAttribute('meta[name=tsuzuki-build]', 'content'), 'next');
  const after = await loaded();
  assert.ok(after.includes(`/${next.wasm}`), after.join());
  assert.ok(!after.includes(`/${old}`), 'nothing of the old build');
  // Still signed in, and the old build's files are no longer kept.
  await page.waitForSelector('[data-testid=welcome]');
  const names = await page.evaluate(() => caches.keys());
  assert.deepEqual(names, ['tsuzuki-b0000000000000042']);
  fs.rmSync(next.dir, { recursive: true, force: true });
});

test('under a sub-path the worker and the manifest stay inside it', async (t) => {
  if (!fs.existsSync(path.join(SUBPATH_DIST, 'sw.js'))) {
    t.skip('no sub-path build: make e2e builds one in target/dist-subpath');
    return;
  }
  const w = await startWorld({ dist: SUBPATH_DIST, base: SUBPATH, fallback: '404' });
  try {
    const page = await w.newPage();
    await page.goto(w.app.url);
    await appReady(page);
    await controlled(page);
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new URL(r.scope).pathname));
    assert.equal(scope, SUBPATH);
    const cdp = await page.context().newCDPSession(page);
    const manifest = JSON.parse((await cdp.send('Page.getAppManifest')).data);
    assert.equal(new URL(manifest.start_url, page.url()).pathname, SUBPATH);
    // A deep link, offline, is the app's page too.
    await page.context().setOffline(true);
    await page.goto(`${w.app.url}lists/anime`);
    await appReady(page);
    await page.waitForSelector('main h1');
  } finally {
    await w.close();
  }
});

test('development builds (trunk serve) have no worker', (t) => {
  const debug = process.env.DEBUG_DIST_DIR;
  if (!debug || !fs.existsSync(path.join(debug, 'index.html'))) {
    t.skip('no debug build: make e2e builds one in target/dist-debug (DEBUG_DIST_DIR)');
    return;
  }
  assert.ok(!fs.existsSync(path.join(debug, 'sw.js')));
  assert.ok(!fs.readFileSync(path.join(debug, 'index.html'), 'utf8').includes('data-tsuzuki-sw'));
  assert.ok(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').includes('data-tsuzuki-sw="sw.js"'));
});
