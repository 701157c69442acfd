// Signing in with AniList through the implicit grant, against the stand-in:
// what a person sees for each kind of reply, and that the token never
// lingers in the address bar, history or console.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signOut } from '../lib/harness.mjs';
import { VIEWER_ID } from '../stand-in/fixtures.mjs';

const SESSION_KEY = 'tsuzuki.session.v1';
const PENDING_KEY = 'tsuzuki.pending-sign-in.v1';
const YEAR = 31536000;
let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const now = () => Math.floor(Date.now() / 1000);

async function home(page) {
  await page.goto(world.app.url);
  await appReady(page);
}

/** Clicks "Sign in with AniList" and waits to be back in the app. */
async function clickSignIn(page) {
  await page.click('[data-testid=sign-in-button]');
  await page.waitForURL((u) => u.origin === world.app.origin && !u.hash.includes('access_token'));
  await appReady(page);
}

async function flashText(page) {
  await page.waitForSelector('[data-testid=flashes] .notice');
  return page.textContent('[data-testid=flashes]');
}

async function badge(page) {
  return (await page.textContent('[data-testid=session-badge]')).trim();
}

test('sign in: the user id and expiry are shown, the token leaves the address bar, a reload keeps the session, sign-out ends it', async () => {
  const page = await world.newPage();
  const consoleText = [];
  page.on('console', (m) => consoleText.push(m.text()));
  await home(page);
  const details = await page.textContent('[data-testid=sign-in-details]');
  assert.match(details, /1000/);
  assert.ok(details.includes(world.app.url), details);
  assert.ok(details.includes(world.standIn.authorizeUrl), details);
  await clickSignIn(page);

  // The authorize request carried a fresh state of at least 128 bits.
  const [req] = world.standIn.authorizeRequests;
  assert.equal(req.clientId, '1000');
  assert.equal(req.responseType, 'token');
  assert.match(req.state, /^[0-9a-f]{64}$/);

  await page.waitForSelector('[data-testid=welcome]');
  assert.equal(await page.textContent('[data-testid=welcome-user]'), String(VIEWER_ID));
  assert.equal(await badge(page), `User ${VIEWER_ID}`);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY));
  const token = stored.token;
  assert.equal(stored.sub, VIEWER_ID);

  // No token in the address bar or in this history entry.
  assert.equal(new URL(page.url()).hash, '');
  assert.ok(!page.url().includes(token.slice(0, 40)));
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await page.evaluate(() => JSON.stringify(history.state) ?? ''), 'null');

  // The token page: user id, expiry as a date and as "in 11 months", a countdown.
  await page.click('nav.site-nav >> text="Token"');
  await page.waitForSelector('[data-testid=token-details]');
  assert.equal(await page.textContent('[data-testid=token-user-id]'), String(VIEWER_ID));
  assert.match(await page.textContent('[data-testid=token-expiry-relative]'), /in 11 months/);
  const expiryText = await page.textContent('[data-testid=token-expiry]');
  assert.match(expiryText, /\d{4}/, expiryText);
  const c1 = await page.textContent('[data-testid=token-countdown]');
  assert.match(c1, /^(364 d 23 h 59 m \d+|365 d 0 h 0 m 0) s$/);
  await page.waitForFunction((c) => document.querySelector('[data-testid=token-countdown]').textContent !== c, c1);
  assert.match(await page.textContent('[data-testid=token-audience]'), /1000 \(this app's client\)/);
  assert.match(await page.textContent('[data-testid=token-alg]'), /RS256/);
  assert.match(await page.textContent('[data-testid=signature-note]'), /cannot be checked in the browser/);
  // The raw token only behind "Show token".
  assert.ok(!(await page.content()).includes(token));
  await page.click('[data-testid=toggle-token]');
  assert.equal(await page.inputValue('#copy-access-token'), token);
  await page.click('[data-testid=toggle-token]');
  assert.equal(await page.locator('#copy-access-token').count(), 0);

  // A reload keeps the session.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=token-details]');
  assert.equal(await badge(page), `User ${VIEWER_ID}`);

  // Going back never brings the token back into the address bar.
  await page.goBack();
  await appReady(page).catch(() => {});
  assert.ok(!page.url().includes('access_token'), page.url());

  await page.goto(world.app.url + 'token');
  await appReady(page);
  await signOut(page);
  await page.waitForSelector('text=No token yet');
  assert.equal(await badge(page), 'Not signed in');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null);
  await page.reload();
  await appReady(page);
  assert.equal(await badge(page), 'Not signed in');

  assert.ok(!consoleText.some((t) => t.includes(token.slice(10, 60))), 'the token reached the console');
  assert.deepEqual(page.problems, []);
});

test('"this tab only" keeps the session in sessionStorage, not localStorage', async () => {
  const page = await world.newPage();
  await home(page);
  await page.uncheck('[data-testid=keep-on-device]');
  await clickSignIn(page);
  await page.waitForSelector('[data-testid=welcome]');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null);
  assert.ok(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY));
  await page.goto(world.app.url + 'token');
  await appReady(page);
  assert.match(await page.textContent('[data-testid=token-kept]'), /this tab only/);
});

test('access_denied: the person is told, in words, and offered to try again', async () => {
  world.standIn.authorizeNext({ deny: true, description: 'The user denied the request.' });
  const page = await world.newPage();
  await home(page);
  await clickSignIn(page);
  const text = await flashText(page);
  assert.match(text, /You are not signed in/);
  assert.match(text, /declined to let this app use your account/);
  assert.match(text, /The user denied the request\./);
  assert.ok(await page.isVisible('text=Try signing in again'));
  assert.equal(await badge(page), 'Not signed in');
  assert.equal(new URL(page.url()).hash, '');
  // Trying again works.
  await clickSignIn(page);
  await page.waitForSelector('[data-testid=welcome]');
});

test('a state that does not match is refused, and the token is dropped', async () => {
  world.standIn.authorizeNext({ state: 'forged-by-someone-else' });
  const page = await world.newPage();
  await home(page);
  await clickSignIn(page);
  assert.match(await flashText(page), /does not match the sign-in this tab started/);
  assert.equal(await badge(page), 'Not signed in');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null);
  assert.equal(new URL(page.url()).hash, '');
});

test('a reply this tab did not ask for is refused (no pending sign-in)', async () => {
  const page = await world.newPage();
  const token = world.standIn.issueToken();
  await page.goto(`${world.app.url}#access_token=${token}&token_type=Bearer&expires_in=${YEAR}&state=abc`);
  await appReady(page);
  assert.match(await flashText(page), /does not belong to a sign-in started from this tab/);
  assert.equal(await badge(page), 'Not signed in');
  assert.ok(!page.url().includes(token.slice(0, 30)));
});

test('no state echoed: accepted within 10 minutes of starting, refused after', async () => {
  const page = await world.newPage();
  for (const [ageMinutes, accepted] of [[1, true], [11, false]]) {
    await home(page);
    await page.evaluate(([k, age]) => sessionStorage.setItem(k, JSON.stringify({
      state: 'never-echoed', started_at_ms: Date.now() - age * 60000, return_to: '/', keep: 'Device',
    })), [PENDING_KEY, ageMinutes]);
    world.standIn.authorizeNext({ echoState: false });
    await page.goto(`${world.standIn.authorizeUrl}?client_id=1000&response_type=token`);
    await page.waitForURL((u) => u.origin === world.app.origin && u.hash === '');
    await appReady(page);
    if (accepted) {
      await page.waitForSelector('[data-testid=welcome]');
      await signOut(page);
    } else {
      assert.match(await flashText(page), /more than 10 minutes/);
      assert.equal(await badge(page), 'Not signed in');
    }
    // The pending sign-in is single-use.
    assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), PENDING_KEY), null);
  }
});

test('an expired token from AniList is refused with its date', async () => {
  const t = now();
  world.standIn.authorizeNext({ claims: { iat: t - 2 * YEAR, nbf: t - 2 * YEAR, exp: t - YEAR } });
  const page = await world.newPage();
  await home(page);
  await clickSignIn(page);
  const text = await flashText(page);
  assert.match(text, /AniList's token could not be used/);
  assert.match(text, /It expired on .*\d{4}/);
  assert.equal(await badge(page), 'Not signed in');
});

test('a pasted token issued to another client id signs in, with a clear warning (a redirect one is refused: security.test.mjs)', async () => {
  const page = await world.newPage();
  await home(page);
  await page.fill('#pasted-token', world.standIn.issueToken({ clientId: '4242' }));
  await page.click('[data-testid=paste-submit]');
  await page.waitForSelector('[data-testid=welcome]');
  assert.match(await flashText(page), /issued to another AniList client[\s\S]*4242/);
  await page.click('nav.site-nav >> text="Token"');
  assert.match(await page.textContent('[data-testid=token-audience]'), /4242 — not this app's client \(1000\)/);
});

test('a damaged reply gets a clear message', async () => {
  const page = await world.newPage();
  for (const [fragment, message] of [
    ['access_token=&token_type=Bearer', /empty token/],
    ['access_token=a.b.c&access_token=d.e.f&token_type=Bearer', /more than once/],
    ['access_token=abc.def.ghi&token_type=mac', /not Bearer/],
    // A damaged %-escape stays in the value as it is (URLSearchParams'
    // rule); with no sign-in started here, the state check refuses it first.
    ['access_token=abc.d%ZZef.ghi&token_type=Bearer', /does not belong to a sign-in started from this tab/],
  ]) {
    // A fresh load each time (a change of fragment alone is no navigation).
    await page.goto('about:blank');
    await page.goto(`${world.app.url}#${fragment}`);
    await appReady(page);
    assert.match(await flashText(page), message, fragment);
    assert.equal(new URL(page.url()).hash, '', fragment);
    assert.equal(await badge(page), 'Not signed in');
  }
});

test('a return from a code-grant client is explained', async () => {
  const page = await world.newPage();
  await home(page);
  await page.goto(`${world.standIn.authorizeUrl}?client_id=1000&response_type=code`);
  await page.waitForURL((u) => u.origin === world.app.origin);
  await appReady(page);
  const text = await flashText(page);
  assert.match(text, /code grant/);
  assert.match(text, /cannot keep a secret/);
  assert.equal(new URL(page.url()).search, '');
});

test('paste a token: a good one signs in, a bad one says why', async () => {
  const page = await world.newPage();
  await home(page);
  await page.fill('#pasted-token', 'not a token at all');
  await page.click('[data-testid=paste-submit]');
  assert.match(await page.textContent('[data-testid=paste-error]'), /three parts/);
  const [h, p] = world.standIn.issueToken().split('.');
  await page.fill('#pasted-token', `${h}.${p}`);
  await page.click('[data-testid=paste-submit]');
  assert.match(await page.textContent('[data-testid=paste-error]'), /has 2/);
  const t = now();
  await page.fill('#pasted-token', world.standIn.issueToken({ iat: t - 2 * YEAR, claims: { exp: t - YEAR } }));
  await page.click('[data-testid=paste-submit]');
  assert.match(await page.textContent('[data-testid=paste-error]'), /expired on/);
  assert.equal(await badge(page), 'Not signed in');

  const token = world.standIn.issueToken({ sub: 777 });
  await page.fill('#pasted-token', `  ${token}\n`);
  await page.click('[data-testid=paste-submit]');
  await page.waitForSelector('[data-testid=welcome]');
  assert.equal(await page.textContent('[data-testid=welcome-user]'), '777');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY));
  assert.equal(stored.token, token);
});

test('two tabs: sign-in and sign-out in one are seen by the other', async () => {
  const a = await world.newPage();
  await home(a);
  const b = await a.context().newPage();
  await b.goto(world.app.url + 'token');
  await appReady(b);
  await clickSignIn(a);
  await a.waitForSelector('[data-testid=welcome]');
  await b.waitForFunction(() => document.querySelector('[data-testid=session-badge]')?.textContent.includes('User'));
  await b.waitForSelector('[data-testid=token-details]');
  await signOut(a);
  await b.waitForFunction(() => document.querySelector('[data-testid=session-badge]')?.textContent.trim() === 'Not signed in');
  assert.match(await b.textContent('[data-testid=flashes]'), /signed out in another tab/);
});

test('the session ends by itself when the token expires while the app is open', async () => {
  const t = now();
  // Past exp but inside the minute of leeway: accepted, then expired within seconds.
  world.standIn.authorizeNext({ claims: { iat: t - YEAR, nbf: t - YEAR, exp: t - 50 } });
  const page = await world.newPage();
  await home(page);
  await clickSignIn(page);
  await page.waitForSelector('[data-testid=welcome]');
  await page.waitForSelector('[data-testid=expired-note]', { timeout: 30000 });
  assert.equal(await badge(page), 'Sign-in expired');
  assert.match(await flashText(page), /Your AniList sign-in expired on/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null);
});

test('the header warns from 14 days before expiry', async () => {
  const t = now();
  world.standIn.authorizeNext({ claims: { exp: t + 3 * 86400 + 3600 } });
  const page = await world.newPage();
  await home(page);
  await clickSignIn(page);
  await page.waitForSelector('[data-testid=expiry-warning]');
  assert.match(await page.textContent('[data-testid=expiry-warning]'), /Sign-in ends in 3 days/);
});

test('a corrupt stored session is discarded with a notice, never a crash', async () => {
  const page = await world.newPage();
  await home(page);
  for (const value of ['{not json', '{"v":1,"token":"a.b.c","sub":1,"exp":1}', '"just a string"']) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SESSION_KEY, value]);
    await page.reload();
    await appReady(page);
    assert.match(await flashText(page), /saved sign-in could not be read and was removed/, value);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY), null);
    assert.equal(await badge(page), 'Not signed in');
  }
  assert.deepEqual(page.problems, []);
});

test('sign-in from a page that needs it comes back to that page; a foreign return path is ignored', async () => {
  const page = await world.newPage();
  await page.goto(world.app.url + 'lists/manga');
  await appReady(page);
  await page.click('text=Go to sign-in');
  await page.waitForSelector('[data-testid=sign-in-button]');
  assert.equal(new URL(page.url()).searchParams.get('return_to'), '/lists/manga');
  await clickSignIn(page);
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Your manga list');
  assert.equal(new URL(page.url()).pathname, '/lists/manga');
  await signOut(page);

  for (const hostile of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
    await page.goto(`${world.app.url}?return_to=${encodeURIComponent(hostile)}`);
    await appReady(page);
    await clickSignIn(page);
    await page.waitForSelector('[data-testid=welcome]');
    assert.equal(new URL(page.url()).origin, world.app.origin, hostile);
    assert.equal(new URL(page.url()).pathname, '/', hostile);
    await signOut(page);
  }
});
