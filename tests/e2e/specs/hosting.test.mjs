// dist/ hosted as static files: at the root and under a sub-path (the
// release build made with `trunk build --public-url /tsuzuki/`), on a host
// that answers unknown paths with index.html and on one that answers them
// with 404.html (GitHub Pages). Every page runs under the Content-Security-
// Policy in index.html; the harness turns any violation into a problem.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startWorld, appReady, signIn, DIST, SUBPATH, SUBPATH_DIST } from '../lib/harness.mjs';

const worlds = [];
after(async () => {
  for (const w of worlds) await w.close();
});

async function world(options) {
  const w = await startWorld(options);
  worlds.push(w);
  return w;
}

// A GitHub-Pages-like host answers a deep link with 404.html and status
// 404; Chromium logs that status for the page itself. Nothing else may show.
const DOCUMENT_404 = 'console.error: Failed to load resource: the server responded with a status of 404 (Not Found)';
const besidesThe404 = (problems) => problems.filter((p) => p !== DOCUMENT_404);

function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(m, 'index.html carries a Content-Security-Policy');
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

test('index.html: a strict policy, no inline script, the referrer AniList needs, a 404.html copy', () => {
  for (const dir of [DIST, SUBPATH_DIST]) {
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const csp = policyOf(html);
    assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], dir);
    assert.deepEqual(csp['connect-src'], ["'self'", 'https://graphql.anilist.co'], dir);
    assert.ok(csp['img-src'].includes('https://s4.anilist.co'), dir);
    assert.deepEqual(csp['default-src'], ["'none'"], dir);
    assert.deepEqual(csp['base-uri'], ["'self'"], dir);
    const sources = Object.values(csp).flat();
    assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"), dir);
    // Every script comes from a file: none written into the page.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0, dir);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc="/, dir);
      assert.equal(body.trim(), '', dir);
    }
    assert.match(html, /<meta name="referrer" content="strict-origin-when-cross-origin"/);
    assert.equal(fs.readFileSync(path.join(dir, '404.html'), 'utf8'), html, `${dir}/404.html is index.html`);
  }
  const sub = fs.readFileSync(path.join(SUBPATH_DIST, 'index.html'), 'utf8');
  assert.match(sub, new RegExp(`<base href="${SUBPATH}"`));
  assert.match(sub, new RegExp(`src="${SUBPATH}start\\.js"`));
});

test('every build keeps the policy: the release build and the debug build trunk serve serves', (t) => {
  const debug = process.env.DEBUG_DIST_DIR;
  if (!debug || !fs.existsSync(path.join(debug, 'index.html'))) {
    t.skip('no debug build: make e2e builds one in target/dist-debug (DEBUG_DIST_DIR)');
    return;
  }
  for (const dir of [DIST, debug]) {
    for (const page of ['index.html', '404.html']) {
      const policy = policyOf(fs.readFileSync(path.join(dir, page), 'utf8'));
      assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"], `${dir}/${page}`);
      assert.deepEqual(policy['default-src'], ["'none'"], `${dir}/${page}`);
      assert.ok(policy['connect-src'].includes('https://graphql.anilist.co'), `${dir}/${page}`);
    }
  }
  // The debug build also reaches loopback (the stand-in); the release one only AniList.
  assert.deepEqual(policyOf(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))['connect-src'], ["'self'", 'https://graphql.anilist.co']);
  assert.ok(policyOf(fs.readFileSync(path.join(debug, 'index.html'), 'utf8'))['connect-src'].includes('http://127.0.0.1:*'));
  assert.ok(!/<script>/.test(fs.readFileSync(path.join(debug, 'index.html'), 'utf8')), 'no inline script in the debug build either');
});

test('under a sub-path on a GitHub-Pages-like host: sign-in, deep links and in-app links stay under it', async () => {
  const w = await world({ dist: SUBPATH_DIST, base: SUBPATH, fallback: '404' });
  assert.ok(w.app.url.endsWith(SUBPATH));
  const page = await w.newPage();
  await signIn(w, page);
  assert.equal(new URL(page.url()).pathname, SUBPATH, 'sign-in comes back to the app under its path');
  assert.equal(new URL(page.url()).hash, '', 'and the token is gone from the address bar');
  assert.ok(w.app.state.requests.includes(`${SUBPATH}config.json`), 'config.json is read from under the path');

  // An in-app link keeps the path.
  await page.click('nav a[href$="profile"]');
  await page.waitForSelector('[data-testid=profile-name]');
  assert.equal(new URL(page.url()).pathname, `${SUBPATH}profile`);

  // Deep links: the host answers them with 404.html, and the app routes.
  for (const [route, selector] of [
    ['lists/manga', 'main h1:text("Your manga list")'],
    ['profile', '[data-testid=profile-name]'],
    ['search?q=frieren', 'main h1:text("Search")'],
    ['no/such/page', '[data-testid=not-found]'],
  ]) {
    await page.goto(`${w.app.url}${route}`);
    await appReady(page);
    await page.waitForSelector(selector);
    assert.equal(new URL(page.url()).pathname, `${SUBPATH}${route.split('?')[0]}`);
  }
  // Nothing was asked for outside the path.
  assert.deepEqual(w.app.state.requests.filter((r) => !r.startsWith(SUBPATH)), []);
  assert.deepEqual(besidesThe404(page.problems), []);
});

test('at the root on a GitHub-Pages-like host: a deep link is answered by 404.html and still loads', async () => {
  const w = await world({ fallback: '404' });
  const page = await w.newPage();
  const response = await page.goto(`${w.app.url}lists/anime`);
  assert.equal(response.status(), 404, 'the host says 404');
  await appReady(page);
  assert.equal(await page.textContent('main h1'), 'Your anime list');
  assert.deepEqual(page.problems, [DOCUMENT_404], "only the host's 404 for the page itself");
});

test('a GraphQL URL the policy does not allow: a notice says what to change, and the refusal is a CSP one', async () => {
  const w = await world({ allowStandIn: false });
  const page = await w.newPage();
  await page.goto(w.app.url);
  await appReady(page);
  const notice = await page.textContent('[data-testid=config-notices]');
  assert.match(notice, /Content-Security-Policy does not allow connections to http:\/\/127\.0\.0\.1:\d+\//);
  assert.match(notice, /connect-src/);
  assert.deepEqual(page.problems, [], 'nothing was tried yet');
  // Signed in, nothing is tried there (not even with the token): the app
  // says why instead of leaving it to the browser's refusal.
  await page.click('[data-testid=sign-in-button]');
  await page.waitForSelector('[data-testid=welcome]');
  await page.goto(`${w.app.url}profile`);
  await page.waitForSelector('[data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=api-error]'), /security policy does not allow connections[\s\S]*connect-src/);
  assert.deepEqual(page.problems, [], 'no request was tried, so no violation');
  assert.deepEqual(w.standIn.graphqlRequests(), []);
});

test('when the app files do not load, the page says so instead of loading forever', async () => {
  const w = await world();
  const page = await w.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(w.app.url);
  await page.waitForSelector('#boot.boot--failed');
  assert.match(await page.textContent('#boot'), /could not start: its files did not load .*Reload the page/);
  assert.equal(await page.locator('header.site-header').count(), 0);
});

test('when the app cannot start during sign-in, the token still leaves the address bar', async () => {
  const w = await world();
  const page = await w.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(`${w.app.url}#access_token=header.payload.signature&token_type=Bearer&expires_in=31536000`);
  await page.waitForSelector('#boot.boot--failed');
  assert.equal(new URL(page.url()).hash, '');
  assert.match(await page.textContent('#boot'), /Reload the page to try again, then sign in again\./);
});
