// What every end-to-end test file needs: the release dist/ served on
// loopback, the stand-in AniList, and Debian's Chromium driven by
// Playwright, with every console error and page error collected.

import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStandIn, DEFAULT_CLIENT_ID } from '../stand-in/server.mjs';
import { startStaticServer } from './static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../../..');
export const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(REPO, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The release build made with `trunk build --public-url $SUBPATH` (make build-subpath).
export const SUBPATH = process.env.SUBPATH ?? '/tsuzuki/';
export const SUBPATH_DIST = process.env.SUBPATH_DIST_DIR
  ? path.resolve(process.env.SUBPATH_DIST_DIR) : path.join(REPO, 'target/dist-subpath');
export { chromium };

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions',
];

/**
 * Starts the three pieces. `base` is the path the app is served under.
 * Returns { app, standIn, browser, newPage, close }.
 */
export async function startWorld({ base = '/', clientId = DEFAULT_CLIENT_ID, config, dist = DIST, fallback, allowStandIn = true } = {}) {
  const app = await startStaticServer({ root: dist, base, fallback });
  const standIn = await startStandIn({ clients: { [clientId]: app.url } });
  // The shipped policy allows only AniList; the stand-in is another origin
  // (its GraphQL endpoint and its images), as for any host that points the
  // app elsewhere with config.json (README, "Hosting").
  if (allowStandIn) app.allowOrigins([standIn.origin]);
  app.setConfig(config ?? {
    client_id: clientId,
    authorize_url: standIn.authorizeUrl,
    graphql_url: standIn.graphqlUrl,
  });
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-e2e-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts = [];

  /** A fresh browser context and page, with its console errors collected. */
  async function newPage({ viewport, storageState, colorScheme, touch } = {}) {
    // touch: a phone's screen (a coarse pointer that does not hover).
    const phone = touch ? { isMobile: true, hasTouch: true } : {};
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 }, storageState, colorScheme, ...phone });
    contexts.push(context);
    // Nothing but loopback, ever.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    // Every Content-Security-Policy violation is a problem of the test's.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} refused ${e.blockedURI || '(inline)'}`);
      });
    });
    const page = await context.newPage();
    page.problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') page.problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
    page.on('crash', () => page.problems.push('page crashed'));
    return page;
  }

  /** Closes every page opened so far, so nothing a test left running
   * (a retry, a save on a timer) reaches the stand-in during the next. */
  async function closePages() {
    for (const c of contexts.splice(0)) await c.close().catch(() => {});
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await standIn.close();
    await app.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }

  return { app, standIn, browser, newPage, closePages, close };
}

/**
 * What the browser says when its inert parse of AniList's hostile markup
 * (a bio, a description, a review) meets the page's policy over the
 * markup's handlers and styles: expected, and nothing of it runs.
 */
export const INERT_MARKUP = /violates the following Content Security Policy directive '(script-src|style-src)|CSP violation: (script-src-attr|style-src-attr|style-src-elem) refused \(?inline\)?$/;

/**
 * A page's problems but those expected where AniList's markup is hostile
 * ({@link INERT_MARKUP}) and images from anywhere but loopback, which the
 * harness refuses and the browser reports.
 */
export const problemsBut = (page) => page.problems.filter((p) => !/Failed to load|ERR_/.test(p) && !INERT_MARKUP.test(p));

/** Waits until the app has mounted (the start-up placeholder is gone). */
export async function appReady(page) {
  await page.waitForSelector('header.site-header', { timeout: 15000 });
  await page.waitForSelector('#boot', { state: 'detached', timeout: 15000 });
}

/** Signs `page` in through the stand-in's authorize endpoint, from the home page. */
export async function signIn(world, page) {
  await page.goto(world.app.url);
  await appReady(page);
  await page.click('[data-testid=sign-in-button]');
  await page.waitForSelector('[data-testid=welcome]');
}

/** Opens the header's account menu (when it is closed) and presses "Sign out". */
export async function signOut(page) {
  if (!(await page.$('[data-testid=accounts][open]'))) await page.click('[data-testid=accounts] > summary');
  await page.click('[data-testid=sign-out]');
}

/** A signed-in page on the list of `kind` ('anime' or 'manga'), its rows shown. */
export async function openList(world, kind = 'anime') {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click(`text=Your ${kind} list`);
  await page.waitForSelector('.entries');
  return page;
}

/** Every value of the app's IndexedDB `lists` object store (each a JSON
 * text: a list's head, or a chunk of its entries), by key. */
export function keptLists(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('tsuzuki');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('lists').objectStore('lists');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => { db.close(); resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]]))); };
      values.onerror = () => reject(values.error);
    };
  }));
}

/** Polls `cond` (it may return a promise) every 50 ms until it holds;
 * fails the test after `ms`. */
export async function waitFor(cond, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not met in time');
}

/**
 * How many entry saves the stand-in was sent: one per `SaveEntry`, one per
 * aliased save in a `SaveEntries` (the outbox sends many saves, each with
 * its own values, in one request).
 */
export const savesSent = (standIn) => standIn.graphqlRequests().reduce((n, r) => n + (r.operationName === 'SaveEntry' ? 1
  : r.operationName === 'SaveEntries' ? Object.keys(r.body?.variables ?? {}).filter((k) => /^(id|mediaId)\d+$/.test(k)).length : 0), 0);
