// More than one AniList account: two users of the stand-in, two tokens.
// Lists kept apart, switching from the header, signing one out or all,
// waiting edits sent with their own account's token only. Every test ends
// with the request-level check: no request carries one account's token
// for the other account's data.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, signIn, waitFor, signOut } from '../lib/harness.mjs';
import { SECOND_ID, VIEWER_ID } from '../stand-in/fixtures.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

const row = (id) => `[data-testid=entry-${id}]`;
const entry = (id) => world.standIn.data.entries.find((e) => e.id === id);
const subOf = (auth) => Number(JSON.parse(Buffer.from(auth.slice(7).split('.')[1], 'base64url').toString('utf8')).sub);

/** Fails if any request carried one account's token for the other's data:
 * a list or read-back asked for another user, or an entry of another user
 * saved, deleted or updated. */
function noTokenCrossed() {
  let checked = 0;
  for (const r of world.standIn.graphqlRequests()) {
    if (!r.authorization) continue;
    const sub = subOf(r.authorization);
    const v = r.body?.variables ?? {};
    if (v.userId != null) {
      assert.equal(Number(v.userId), sub, `${r.operationName} for user ${v.userId} sent with user ${sub}'s token`);
      checked += 1;
    }
    if (['SaveEntry', 'DeleteEntry', 'UpdateEntries'].includes(r.operationName)) {
      for (const id of [v.id, ...(v.ids ?? [])].filter((x) => x != null)) {
        const owner = id >= 900000 && id < 1000000 ? SECOND_ID : (id >= 700000 && id < 800000 ? VIEWER_ID : null);
        if (owner !== null) assert.equal(owner, sub, `${r.operationName} of user ${owner}'s entry ${id} sent with user ${sub}'s token`);
        checked += 1;
      }
    }
  }
  return checked;
}

async function menu(page) {
  if (!(await page.$('[data-testid=accounts][open]'))) await page.click('[data-testid=accounts] > summary');
}

async function addSecond(page) {
  world.standIn.authorizeNext({ claims: { sub: String(SECOND_ID) } });
  await menu(page);
  await page.click('[data-testid=add-account]');
  await page.waitForSelector(`[data-testid=session-badge] >> text=User ${SECOND_ID}`);
}

async function switchTo(page, user) {
  await menu(page);
  await page.click(`[data-testid=switch-account][data-user="${user}"]`);
  await page.waitForSelector(`[data-testid=session-badge] >> text=User ${user}`);
}

async function anime(page) {
  await page.click('nav.site-nav >> text="Lists"');
  await page.waitForSelector('.entries');
}

test('two accounts: each with its own token and list, switched from the header, kept through a reload', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await anime(page);
  await page.waitForSelector(row(700001));
  await addSecond(page);
  await anime(page);
  await page.waitForSelector(row(900002));
  assert.equal(await page.$(row(700001)), null, "the first account's entries are not in the second's list");
  await switchTo(page, VIEWER_ID);
  await anime(page);
  await page.waitForSelector(row(700001));
  assert.equal(await page.$(row(900002)), null);
  await page.reload();
  await page.waitForSelector(`[data-testid=session-badge] >> text=User ${VIEWER_ID}`);
  await menu(page);
  assert.equal(await page.textContent('[data-testid=accounts] > summary'), 'Accounts (2)');
  // Names and avatars, each asked with its own account's token.
  await page.waitForSelector(`[data-testid=accounts-active] >> text=${world.standIn.data.viewer.name} (User ${VIEWER_ID})`);
  await page.waitForSelector(`[data-testid=switch-account][data-user="${SECOND_ID}"] >> text=Hana (User ${SECOND_ID})`);
  assert.ok(await page.$(`[data-testid=switch-account][data-user="${SECOND_ID}"] img.accounts__avatar`));
  await switchTo(page, SECOND_ID);
  await page.click('nav.site-nav >> text="Token"');
  assert.match(await page.textContent('main'), new RegExp(`${SECOND_ID}`), 'the token page shows the active account');
  assert.ok(noTokenCrossed() > 0);
  assert.deepEqual(page.problems, []);
});

test("a change waiting for one account is sent with that account's token only, after switching back", async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await addSecond(page);
  await switchTo(page, VIEWER_ID);
  await anime(page);
  // AniList fails the first save: the change waits (a retry in 2 s).
  world.standIn.fault({ kind: '500', operation: 'SaveEntry' });
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await waitFor(() => world.standIn.graphqlRequests().some((r) => r.operationName === 'SaveEntry'));
  await switchTo(page, SECOND_ID);
  await anime(page);
  await page.click(`${row(900002)} [data-testid=plus-one]`);
  await waitFor(() => entry(900002).progress === 4);
  await page.waitForTimeout(3000);
  assert.equal(entry(700001).progress, 12, 'not sent while the other account is active');
  // The menu says it waits, beside that account.
  if (await page.$('[data-testid=accounts][open]')) await page.click('[data-testid=accounts] > summary');
  await menu(page);
  await page.waitForSelector(`[data-testid=switch-account][data-user="${VIEWER_ID}"] [data-testid=account-waiting] >> text=1 change waiting`);
  await switchTo(page, VIEWER_ID);
  await waitFor(() => entry(700001).progress === 13);
  const saves = world.standIn.graphqlRequests().filter((r) => r.operationName === 'SaveEntry');
  assert.deepEqual(saves.map((r) => subOf(r.authorization)), [VIEWER_ID, SECOND_ID, VIEWER_ID]);
  assert.ok(noTokenCrossed() >= 3);
});

test('signing out one account leaves the other signed in; signing out of every account ends both', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await anime(page);
  await addSecond(page);
  await anime(page);
  await signOut(page);
  await page.waitForSelector(`[data-testid=session-badge] >> text=User ${VIEWER_ID}`);
  await page.waitForSelector(`[data-testid=flashes] >> text=User ${SECOND_ID} is signed out`);
  await menu(page);
  assert.equal(await page.$('[data-testid=switch-account]'), null, 'the account signed out is gone from the menu');
  // Both again, then every one.
  await addSecond(page);
  await menu(page);
  await page.click('[data-testid=sign-out-all]');
  await page.waitForSelector('[data-testid=session-badge] >> text=Not signed in');
  const kept = await page.evaluate(() => [localStorage.getItem('tsuzuki.accounts.v1'), localStorage.getItem('tsuzuki.session.v1')]);
  assert.deepEqual(kept, [null, null]);
  assert.ok(noTokenCrossed() > 0);
});

test('"Invalid token" for the active account: the other account is offered, and its change is kept for a sign-in again', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await addSecond(page);
  await switchTo(page, VIEWER_ID);
  await anime(page);
  world.standIn.fault({ kind: 'invalid-token', operation: 'SaveEntry' });
  await page.click(`${row(700001)} [data-testid=plus-one]`);
  await page.waitForSelector('[data-testid=flashes] >> text=AniList no longer accepts your sign-in');
  await page.waitForSelector('[data-testid=flashes] >> text=/Your other account is still signed in here/');
  await page.waitForSelector('[data-testid=session-badge] >> text=Not signed in');
  // Signed out, the menu still offers the account that is signed in.
  assert.equal(await page.textContent('[data-testid=accounts] > summary'), 'Accounts (1)');
  await menu(page);
  assert.equal(await page.$('[data-testid=accounts-active]'), null);
  assert.equal(await page.$('[data-testid=add-account]'), null);
  assert.equal(await page.$('[data-testid=sign-out]'), null);
  await switchTo(page, SECOND_ID);
  await anime(page);
  await page.waitForSelector(row(900002));
  await page.click(`${row(900002)} [data-testid=plus-one]`);
  await waitFor(() => entry(900002).progress === 4);
  assert.equal(entry(700001).progress, 12, 'the refused account\'s change is not sent with another token');
  // Signing in again as the first user sends its change.
  world.standIn.authorizeNext({ claims: { sub: String(VIEWER_ID) } });
  await menu(page);
  await page.click('[data-testid=add-account]');
  await page.waitForSelector(`[data-testid=session-badge] >> text=User ${VIEWER_ID}`);
  await waitFor(() => entry(700001).progress === 13);
  assert.ok(noTokenCrossed() >= 3);
  // The one 400 is AniList's answer to the refused token.
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 400')), []);
});

test("the menu names every account, each asked once with its own token, the parked ones too", async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await addSecond(page);
  // Nothing known of either name now (as after an update from a version
  // that kept none): one menu opening, with the second account active.
  await page.evaluate(() => localStorage.removeItem('tsuzuki.account-names.v1'));
  await page.reload();
  await page.waitForSelector(`[data-testid=session-badge] >> text=User ${SECOND_ID}`);
  const asked = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Me');
  const before = asked().length;
  await menu(page);
  await page.waitForSelector(`[data-testid=accounts-active] >> text=Hana (User ${SECOND_ID})`);
  await page.waitForSelector(`[data-testid=switch-account][data-user="${VIEWER_ID}"] >> text=${world.standIn.data.viewer.name} (User ${VIEWER_ID})`);
  const mine = asked().slice(before);
  assert.deepEqual(mine.map((r) => subOf(r.authorization)).sort(), [VIEWER_ID, SECOND_ID].sort(), 'one each, with its own token');
  // Known now: opening the menu again asks nothing.
  await page.click('[data-testid=accounts] > summary');
  await menu(page);
  assert.equal(asked().length, before + 2);
  assert.deepEqual(page.problems, []);
});

test('a parked account whose token AniList now refuses is marked in the menu before any switch', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  await anime(page);
  await addSecond(page);
  // The first account's token, revoked at AniList while it is parked.
  const first = world.standIn.graphqlRequests().find((r) => r.authorization && subOf(r.authorization) === VIEWER_ID);
  world.standIn.revoke(first.authorization.slice(7));
  await menu(page);
  await page.waitForSelector(`[data-testid=switch-account][data-user="${VIEWER_ID}"] [data-testid=account-ended]`);
  assert.equal(await page.$(`[data-testid=accounts-active] [data-testid=account-ended]`), null, 'the active account is not marked');
  // Still the second account, untouched.
  assert.match(await page.textContent('[data-testid=session-badge]'), new RegExp(`User ${SECOND_ID}`));
  assert.ok(noTokenCrossed() >= 1);
  // The one 400 is AniList's answer to the revoked token.
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 400')), []);
});

test('two tabs: a switch in one moves the other to the same account, with its own list', async () => {
  const a = await world.newPage();
  await signIn(world, a);
  await addSecond(a);
  await anime(a);
  await a.waitForSelector(row(900002));
  const b = await a.context().newPage();
  await b.goto(`${world.app.url}lists/anime`);
  await b.waitForSelector(`[data-testid=session-badge] >> text=User ${SECOND_ID}`);
  await b.waitForSelector(row(900002));
  await switchTo(a, VIEWER_ID);
  await b.waitForSelector(`[data-testid=session-badge] >> text=User ${VIEWER_ID}`);
  await b.waitForSelector(row(700001));
  assert.equal(await b.$(row(900002)), null, "the other account's entries leave the other tab too");
  // An edit in the other tab goes with the account now active there.
  await b.click(`${row(700001)} [data-testid=plus-one]`);
  await waitFor(() => entry(700001).progress === 13);
  assert.ok(noTokenCrossed() > 0);
});

test("the header and the home page name the account once an answer gives it (the list's or the profile's), kept through a reload, forgotten at sign-out", async () => {
  const page = await world.newPage();
  await signIn(world, page);
  const badge = async () => (await page.textContent('[data-testid=session-badge]')).trim();
  const name = world.standIn.data.viewer.name;
  assert.equal(await badge(), `User ${VIEWER_ID}`, 'no name before any answer gave it');
  assert.equal(await page.$('[data-testid=welcome-name]'), null);
  const me = () => world.standIn.graphqlRequests().filter((r) => r.operationName === 'Me').length;
  // The list's answer names its owner: no request of its own.
  await anime(page);
  await page.waitForSelector(`[data-testid=session-name] >> text="${name}"`);
  assert.match(await badge(), new RegExp(`^${name}\\s*\\(User ${VIEWER_ID}\\)$`));
  assert.ok(await page.$('[data-testid=session-badge] img.session-badge__avatar'), 'with the avatar');
  assert.equal(me(), 0, 'no Me request');
  await page.click('header .brand');
  assert.equal(await page.textContent('[data-testid=welcome-name]'), name);
  assert.equal(await page.textContent('[data-testid=welcome-user]'), String(VIEWER_ID));
  // Kept: a reload shows it before anything is asked.
  await page.reload();
  await page.waitForSelector(`[data-testid=session-name] >> text="${name}"`);
  // The profile's answer names the account too.
  await page.evaluate(() => localStorage.removeItem('tsuzuki.account-names.v1'));
  await page.reload();
  await page.waitForSelector(`[data-testid=session-badge] >> text="User ${VIEWER_ID}"`);
  assert.equal(await page.$('[data-testid=session-name]'), null);
  await page.click('nav.site-nav >> text="Profile"');
  await page.waitForSelector('[data-testid=profile]');
  await page.waitForSelector(`[data-testid=session-name] >> text="${name}"`);
  // Signed out: the name is deleted from this browser with the rest.
  await signOut(page);
  await waitFor(async () => (await badge()) === 'Not signed in');
  assert.equal(await page.evaluate(() => localStorage.getItem('tsuzuki.account-names.v1')), null);
  assert.equal(me(), 0);
  assert.deepEqual(page.problems, []);
});

test('the account menu holds "Sign out"; it closes as a menu does: Escape (the focus back on its button), a click elsewhere, a click on an action', async () => {
  const page = await world.newPage();
  await signIn(world, page);
  const open = () => page.$eval('[data-testid=accounts]', (d) => d.open);
  assert.equal(await page.isVisible('[data-testid=sign-out]'), false, 'not in the header until the menu opens');
  await page.click('[data-testid=accounts] > summary');
  assert.equal(await open(), true);
  // Its own text is not an action: it stays open.
  await page.click('[data-testid=accounts-active]');
  assert.equal(await open(), true);
  await page.keyboard.press('Escape');
  assert.equal(await open(), false, 'Escape closes it');
  assert.equal(await page.evaluate(() => document.activeElement?.matches('[data-testid=accounts] > summary')), true, 'the focus is back on its button');
  // By the keyboard: open, then a click elsewhere on the page.
  await page.keyboard.press('Enter');
  assert.equal(await open(), true);
  await page.click('main h1');
  assert.equal(await open(), false, 'a click elsewhere closes it');
  // An action closes it: "Sign out" is in it.
  await page.click('[data-testid=accounts] > summary');
  await page.click('[data-testid=sign-out]');
  await page.waitForSelector('[data-testid=session-badge] >> text=Not signed in');
  assert.deepEqual(page.problems, []);
});
