// The release build, served as static files, as a person meets it: it
// loads with no console error, every route renders (by link and by deep
// link), unknown paths get the not-found page, the run-time config.json is
// used, and the layout holds on a phone and in dark mode.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, waitFor } from '../lib/harness.mjs';

let world;

before(async () => {
  world = await startWorld();
});
after(() => world?.close());

const ROUTES = [
  ['/', 'Your AniList, fast and private'],
  ['/token', 'Your token'],
  ['/profile', 'Profile'],
  ['/lists/anime', 'Your anime list'],
  ['/lists/manga', 'Your manga list'],
  ['/lists', 'Your anime list'],
  ['/search', 'Search'],
  ['/console', 'GraphQL console'],
  ['/settings', 'Settings'],
];

async function open(path, options) {
  const page = await world.newPage(options);
  await page.goto(world.app.url.replace(/\/$/, '') + path);
  await appReady(page);
  return page;
}

test('the home page loads with no console error and says it is for AniList', async () => {
  const page = await open('/');
  assert.equal(await page.textContent('main h1'), 'Your AniList, fast and private');
  const brand = await page.textContent('header .brand');
  assert.match(brand, /Tsuzuki/);
  assert.match(brand, /for AniList/);
  assert.equal((await page.textContent('[data-testid=session-badge]')).trim(), 'Not signed in');
  assert.match(await page.title(), /for AniList/);
  assert.ok(await page.isVisible('footer.site-footer'));
  await page.waitForTimeout(200);
  assert.deepEqual(page.problems, []);
});

test('a load writes no warning to the console either (developers read it)', async () => {
  const page = await world.newPage();
  const said = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') said.push(`${m.type()}: ${m.text()}`); });
  await page.goto(world.app.url);
  await appReady(page);
  await page.click('[data-testid=sign-in-button]');
  await page.waitForSelector('[data-testid=welcome]');
  await page.click('text=Your anime list');
  await page.waitForSelector('.entries');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('.entries');
  await page.waitForTimeout(300);
  assert.deepEqual(said, []);
  assert.deepEqual(page.problems, []);
});

test('every route renders from a deep link, with its own title', async () => {
  for (const [path, heading] of ROUTES) {
    const page = await open(path);
    assert.equal(await page.textContent('main h1'), heading, path);
    assert.equal(await page.locator('[data-testid=not-found]').count(), 0, path);
    assert.match(await page.title(), new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), path);
    assert.deepEqual(page.problems, [], path);
    await page.context().close();
  }
});

test('the navigation reaches every page without a reload, and marks where you are', async () => {
  const page = await open('/');
  await page.evaluate(() => { window.__sameDocument = true; });
  for (const [label, heading, path] of [
    ['Profile', 'Profile', '/profile'],
    ['Lists', 'Your anime list', '/lists/anime'],
    ['Search', 'Search', '/search'],
    ['GraphQL console', 'GraphQL console', '/console'],
    ['Token', 'Your token', '/token'],
    ['Settings', 'Settings', '/settings'],
  ]) {
    await page.click(`nav.site-nav >> text="${label}"`);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
    assert.equal(new URL(page.url()).pathname, path);
    assert.equal((await page.textContent('nav.site-nav a[aria-current=page]')).trim(), label);
  }
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Your token');
  await page.click('header .brand');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Your AniList, fast and private');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'navigation reloaded the page');
  assert.deepEqual(page.problems, []);
});

test('an unknown path shows the not-found page, with the path as text', async () => {
  for (const path of ['/no-such-page', '/lists/novels', '/settings/deeper', '/%3Cb%3Ebold%3C%2Fb%3E']) {
    const page = await open(path);
    assert.equal(await page.textContent('main h1'), 'Page not found', path);
    const shown = await page.textContent('[data-testid=not-found] code');
    assert.ok(shown.length > 0, path);
    assert.equal(await page.locator('[data-testid=not-found] b').count(), 0, 'a path is never markup');
    await page.click('text=Back to the start');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Your AniList, fast and private');
    assert.deepEqual(page.problems, [], path);
    await page.context().close();
  }
});

test('the run-time config.json points the release build at the stand-in', async () => {
  const page = await open('/settings');
  const table = await page.textContent('[data-testid=config-table]');
  assert.ok(table.includes(world.standIn.graphqlUrl), table);
  assert.ok(table.includes(world.standIn.authorizeUrl), table);
  assert.match(table, /1000 · from config\.json/);
  assert.equal(await page.inputValue('#copy-redirect-url'), world.app.url);
  assert.equal(await page.locator('[data-testid=config-notices]').count(), 0);
  const console = await open('/console');
  assert.equal(await console.textContent('[data-testid=console-endpoint]'), world.standIn.graphqlUrl);
});

test('a bad config.json is reported on screen and the app still runs on the built-in settings', async () => {
  world.app.setConfig('{"graphql_url": "http://evil.example/graphql", "client_id": "abc"');
  try {
    const page = await open('/settings');
    const notices = await page.textContent('[data-testid=config-notices]');
    assert.match(notices, /config\.json is not valid JSON/);
    assert.match(await page.textContent('[data-testid=config-table]'), /https:\/\/graphql\.anilist\.co · built-in default/);
    world.app.setConfig({ graphql_url: 'http://evil.example/graphql', client_id: 'abc' });
    await page.reload();
    await appReady(page);
    const again = await page.textContent('[data-testid=config-notices]');
    assert.match(again, /graphql_url must start with https:\/\//);
    assert.match(again, /client_id must be the number/);
  } finally {
    world.app.setConfig({ client_id: '1000', authorize_url: world.standIn.authorizeUrl, graphql_url: world.standIn.graphqlUrl });
  }
});

test('the theme choice applies at once and survives a reload', async () => {
  const page = await open('/settings');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.check('input[name=theme][value=dark]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await bg();
  assert.notEqual(dark, light);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await bg(), dark);
  assert.equal(await page.isChecked('input[name=theme][value=dark]'), true);
});

test('the system dark mode is followed by default', async () => {
  const page = await world.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(world.app.url);
  await appReady(page);
  const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background expected, got rgb(${r}, ${g}, ${b})`);
});

test('on a phone the layout fits the screen and the navigation stays reachable', async () => {
  const page = await open('/settings', { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  assert.match(await page.textContent('header .brand'), /for AniList/);
  await page.locator('nav.site-nav >> text="Profile"').scrollIntoViewIfNeeded();
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Profile');
});

test('on a phone the navigation is one row that scrolls sideways, the current page\'s tab always in its view', async () => {
  const page = await open('/settings', { viewport: { width: 390, height: 844 } });
  const tops = await page.$$eval('nav.site-nav a', (as) => [...new Set(as.map((a) => Math.round(a.getBoundingClientRect().top)))]);
  assert.equal(tops.length, 1, `the tabs sit on ${tops.length} rows`);
  const inView = () => page.evaluate(() => {
    const nav = document.querySelector('nav.site-nav').getBoundingClientRect();
    const tab = document.querySelector('nav.site-nav a[aria-current=page]').getBoundingClientRect();
    return tab.left >= nav.left && tab.right <= nav.right;
  });
  await page.waitForFunction(() => document.querySelector('nav.site-nav a[aria-current=page]'));
  await waitFor(inView, 3000);
  // The page itself stays where it was: only the row scrolls.
  assert.equal(await page.evaluate(() => window.scrollX), 0);
  await page.locator('nav.site-nav >> text="Profile"').scrollIntoViewIfNeeded();
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Profile');
  await waitFor(inView, 3000);
  assert.deepEqual(page.problems, []);
});

test('keyboard: the first Tab reaches "Skip to content", which moves focus to the page', async () => {
  const page = await open('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
});

test('if the wasm ever traps, the page says so and offers a reload', async () => {
  const page = await open('/settings');
  // A trap reaches the page as an uncaught WebAssembly.RuntimeError; this
  // raises one the way a trapping event handler would.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  await page.waitForSelector('[data-testid=app-trap][role=alert]');
  assert.match(await page.textContent('[data-testid=app-trap]'), /stopped because of an internal error/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reload', 'focus is on Reload');
  await page.keyboard.press('Enter');
  await page.waitForLoadState('load');
  await appReady(page);
  assert.equal(await page.$('[data-testid=app-trap]'), null);
  // Any other error is not called a trap.
  await page.evaluate(() => setTimeout(() => { throw new TypeError('not a trap'); }));
  await page.waitForTimeout(200);
  assert.equal(await page.$('[data-testid=app-trap]'), null);
});
