// The authorization code grant through the token-exchange service
// (exchange/), against the stand-in's token endpoint: the happy path, a
// reused code, a wrong secret, the service down, a crafted link; the code
// never stays in the address bar, reaches the console or the service's log.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startWorld, appReady, waitFor } from '../lib/harness.mjs';
import { startExchange } from '../lib/exchange.mjs';
import { DEFAULT_CLIENT_ID } from '../stand-in/server.mjs';

const SECRET = 'stand-in-client-secret';
let world;
let exchange;

function configure(exchangeUrl) {
  world.app.setConfig({
    client_id: DEFAULT_CLIENT_ID,
    authorize_url: world.standIn.authorizeUrl,
    graphql_url: world.standIn.graphqlUrl,
    token_exchange_url: exchangeUrl,
  });
}

before(async () => {
  world = await startWorld();
  exchange = await startExchange({
    tokenUrl: `${world.standIn.origin}/api/v2/oauth/token`, clientId: DEFAULT_CLIENT_ID, secret: SECRET,
    redirect: world.app.url, origins: [new URL(world.app.url).origin],
  });
  world.app.allowOrigins([world.standIn.origin, exchange.origin]);
});
after(async () => { await exchange?.close(); await world?.close(); });
afterEach(() => world.closePages());
beforeEach(() => {
  world.standIn.reset();
  world.standIn.secrets.set(DEFAULT_CLIENT_ID, SECRET);
  configure(exchange.url);
});

/** A page whose every console line is kept (not only errors). */
async function page() {
  const p = await world.newPage();
  p.said = [];
  p.on('console', (m) => p.said.push(m.text()));
  return p;
}

async function signInStart(p) {
  await p.goto(world.app.url);
  await appReady(p);
  await p.click('[data-testid=sign-in-button]');
}

function codes() {
  return [...world.standIn.codes.keys()];
}

test('sign-in with the code grant: the code is traded through the service, removed from the address bar, never logged', async () => {
  const p = await page();
  await signInStart(p);
  await p.waitForSelector('[data-testid=welcome]');
  assert.equal(world.standIn.authorizeRequests.at(-1).responseType, 'code');
  assert.equal(world.standIn.tokenRequests.length, 1);
  const [code] = codes();
  assert.ok(world.standIn.codes.get(code).used);
  assert.ok(!p.url().includes('code='), p.url());
  assert.ok(!(await p.evaluate(() => location.href)).includes(code));
  // The session goes on as with the implicit grant: the API is called with the token.
  await p.click('text=Your anime list');
  await p.waitForSelector('.entries');
  await waitFor(() => world.standIn.graphqlRequests().some((r) => r.authorization?.startsWith('Bearer ')));
  for (const line of [...p.said, ...p.problems, ...exchange.log]) {
    assert.ok(!line.includes(code) && !line.includes(SECRET), `leaked: ${line}`);
  }
  const token = world.standIn.graphqlRequests().find((r) => r.authorization)?.authorization.slice(7);
  assert.ok(!exchange.log.some((l) => l.includes(token)), 'the token never reaches the service log');
  assert.ok(exchange.log.some((l) => /^POST \/token 200 /.test(l)), exchange.log.join('\n'));
  await p.click('nav.site-nav >> text="Settings"');
  assert.ok((await p.textContent('[data-testid=config-table]')).includes(`code grant, through ${exchange.url}`));
  assert.deepEqual(p.problems, []);
});

test('a code used already: AniList refuses it, the person is told and can sign in again', async () => {
  const first = await page();
  await signInStart(first);
  await first.waitForSelector('[data-testid=welcome]');
  const [used] = codes();
  // AniList (a replay) hands this used code back to a new sign-in.
  const p = await page();
  await p.context().route(`${world.standIn.authorizeUrl}?*`, (route) => {
    const state = new URL(route.request().url()).searchParams.get('state');
    route.fulfill({ status: 302, headers: { Location: `${world.app.url}?code=${used}&state=${state}` } });
  });
  await signInStart(p);
  await p.waitForSelector('text=You are not signed in');
  assert.match(await p.textContent('[data-testid=flashes]'), /used already or has expired/);
  assert.ok(!p.url().includes(used));
  await p.waitForSelector('[data-testid=sign-in-button]');
  assert.ok(!p.said.some((l) => l.includes(used)));
});

test('a wrong client secret on the service, and the service down, each say so', async () => {
  world.standIn.secrets.set(DEFAULT_CLIENT_ID, 'another-secret');
  const p = await page();
  await signInStart(p);
  await p.waitForSelector('text=You are not signed in');
  assert.match(await p.textContent('[data-testid=flashes]'), /client id or secret/);

  // Nothing listens at this address.
  const closed = net.createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  const dead = `http://127.0.0.1:${closed.address().port}`;
  await new Promise((r) => closed.close(r));
  world.app.allowOrigins([world.standIn.origin, exchange.origin, dead]);
  configure(`${dead}/token`);
  const q = await page();
  await signInStart(q);
  await q.waitForSelector('text=You are not signed in');
  assert.match(await q.textContent('[data-testid=flashes]'), /did not answer/);
  assert.ok(!q.url().includes('code='));
  world.app.allowOrigins([world.standIn.origin, exchange.origin]);
});

test('a crafted link with a code this tab did not ask for is never sent to the service', async () => {
  const p = await page();
  const logged = exchange.log.length;
  await p.goto(`${world.app.url}?code=attacker-code&state=whatever`);
  await appReady(p);
  await p.waitForSelector('text=Sign-in refused');
  assert.equal(world.standIn.tokenRequests.length, 0);
  assert.deepEqual(exchange.log.slice(logged), [], 'nothing reached the service');
  assert.ok(!p.url().includes('attacker-code'));
});
