// A copy of the app with no client id configured: the home page says how to
// register one and lets the person enter it; pasting a token works anyway.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady } from '../lib/harness.mjs';

let world;

before(async () => {
  world = await startWorld();
  world.app.setConfig({ authorize_url: world.standIn.authorizeUrl, graphql_url: world.standIn.graphqlUrl });
});
after(() => world?.close());

test('no client id: registration steps with the redirect URL, then the entered id is used to sign in', async () => {
  const page = await world.newPage();
  await page.goto(world.app.url);
  await appReady(page);
  await page.waitForSelector('[data-testid=client-setup]');
  assert.equal(await page.inputValue('#copy-redirect-url'), world.app.url);
  assert.ok(await page.isVisible('a[href="https://anilist.co/settings/developer"]'));
  await page.fill('#client-id', 'my client');
  await page.click('text=Save');
  assert.match(await page.textContent('[data-testid=sign-in] [role=alert]'), /digits only/);
  await page.fill('#client-id', '1000');
  await page.click('text=Save');
  await page.waitForSelector('[data-testid=sign-in-button]');
  assert.match(await page.textContent('[data-testid=sign-in-details]'), /1000/);
  // Kept across a reload.
  await page.reload();
  await appReady(page);
  await page.click('[data-testid=sign-in-button]');
  await page.waitForURL((u) => u.origin === world.app.origin && u.hash === '');
  await appReady(page);
  await page.waitForSelector('[data-testid=welcome]');
  assert.equal(world.standIn.authorizeRequests.at(-1).clientId, '1000');
  assert.deepEqual(page.problems, []);
});
