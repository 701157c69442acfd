// The token goes only where it belongs: to the GraphQL origin it was signed
// in for, never through a redirect, never where the page's policy refuses;
// sign-in replies are acted on only when they answer this tab's own
// sign-in; sign-out leaves nothing of the person behind.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn, signOut } from '../lib/harness.mjs';

const HISTORY_KEY = 'tsuzuki.console-history.v1';
let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => {
  world.standIn.reset();
  world.app.setConfig({ client_id: '1000', authorize_url: world.standIn.authorizeUrl, graphql_url: world.standIn.graphqlUrl });
});

async function flashText(page) {
  await page.waitForSelector('[data-testid=flashes] .notice');
  return page.textContent('[data-testid=flashes]');
}

test('a config.json that names another GraphQL origin: no request goes there with the token, and the person is told', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  const sent = world.standIn.graphqlRequests().length;
  // The same stand-in under another name is another origin.
  const other = world.standIn.graphqlUrl.replace('127.0.0.1', 'localhost');
  world.app.allowOrigins([world.standIn.origin, new URL(other).origin]);
  world.app.setConfig({ client_id: '1000', authorize_url: world.standIn.authorizeUrl, graphql_url: other });
  await page.goto(`${world.app.url}profile`);
  await appReady(page);
  assert.match(await flashText(page), /Your sign-in is for another GraphQL endpoint[\s\S]*http:\/\/127\.0\.0\.1:\d+[\s\S]*http:\/\/localhost:\d+/);
  await page.waitForSelector('[data-testid=api-error]');
  assert.match(await page.textContent('[data-testid=api-error]'), /your token was not sent there[\s\S]*Sign in again/);
  await page.waitForTimeout(300);
  const after = world.standIn.graphqlRequests().slice(sent);
  assert.deepEqual(after.map((r) => r.authorization), [], 'nothing was sent, with or without the token');
});

test('a redirect from the GraphQL endpoint is not followed: the token stays where it was sent', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  world.standIn.fault({ kind: 'redirect', operation: 'Viewer' });
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=api-error]');
  await page.waitForTimeout(300);
  assert.deepEqual(world.standIn.elsewhere, [], 'nothing reached the redirect target');
  const viewer = world.standIn.graphqlRequests().filter((r) => r.operationName === 'Viewer');
  assert.ok(viewer.every((r) => !('cookie' in r.headers)), 'no cookies go with the token');
});

test('a token sent back for another client id is refused', async () => {
  world.standIn.authorizeNext({ aud: '4242' });
  const page = await world.newPage();
  await page.goto(world.app.url);
  await appReady(page);
  await page.click('[data-testid=sign-in-button]');
  await page.waitForURL((u) => u.origin === world.app.origin && !u.hash.includes('access_token'));
  await appReady(page);
  assert.match(await flashText(page), /could not be used[\s\S]*issued to AniList client 4242, not to the one this app signed in with \(1000\)/);
  assert.equal((await page.textContent('[data-testid=session-badge]')).trim(), 'Not signed in');
  assert.equal(await page.evaluate(() => localStorage.getItem('tsuzuki.session.v1')), null);
});

test('a crafted ?error= link with no sign-in under way shows none of its words', async () => {
  const page = await world.newPage();
  const words = 'Your account is locked. Call 555-0100 to unlock it';
  await page.goto(`${world.app.url}?error=access_denied&error_description=${encodeURIComponent(words)}&state=abc`);
  await appReady(page);
  const text = await flashText(page);
  assert.match(text, /does not belong to a sign-in started from this tab/);
  assert.ok(!text.includes('555-0100'), text);
  assert.ok(!(await page.textContent('body')).includes('555-0100'));
  assert.equal(new URL(page.url()).search, '', 'the reply left the address bar');
});

test('on a path that starts with //, the token still leaves the address bar', async () => {
  const page = await world.newPage();
  const token = world.standIn.issueToken();
  await page.goto(`${world.app.origin}//evil.example/x#access_token=${token}&token_type=Bearer`);
  await appReady(page);
  const url = new URL(page.url());
  assert.equal(url.origin, world.app.origin);
  assert.equal(url.hash, '');
  assert.ok(!page.url().includes(token.slice(0, 30)));
  assert.equal(await page.evaluate(() => location.hash), '');
});

async function runConsoleQuery(page) {
  await page.click('nav.site-nav >> text="GraphQL console"');
  await page.click('[data-testid=console-run]');
  await page.waitForSelector('[data-testid=console-history]');
}

test('sign-out deletes the console history, and says how to revoke the app at AniList', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await runConsoleQuery(page);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k), HISTORY_KEY));
  await signOut(page);
  await page.waitForSelector('text=You are signed out');
  assert.equal(await page.getAttribute('[data-testid=revoke-link]', 'href'), 'https://anilist.co/settings/apps');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k) ?? sessionStorage.getItem(k), HISTORY_KEY), null);
  await page.reload();
  await appReady(page);
  await page.click('nav.site-nav >> text="GraphQL console"');
  assert.equal(await page.$('[data-testid=console-history]'), null, 'no history after a reload either');
});

test('a tab-only session keeps the console history in the tab only', async () => {
  const page = await world.newPage();
  await page.goto(world.app.url);
  await appReady(page);
  await page.uncheck('[data-testid=keep-on-device]');
  await page.click('[data-testid=sign-in-button]');
  await page.waitForSelector('[data-testid=welcome]');
  await runConsoleQuery(page);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), HISTORY_KEY), null);
  assert.ok(await page.evaluate((k) => sessionStorage.getItem(k), HISTORY_KEY));
});
