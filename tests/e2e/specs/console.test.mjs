// The GraphQL console against the stand-in.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, appReady, signIn } from '../lib/harness.mjs';

let world;

before(async () => { world = await startWorld(); });
after(() => world?.close());
afterEach(() => world.closePages());
beforeEach(() => world.standIn.reset());

async function consolePage() {
  const page = await world.newPage();
  await signIn(world, page);
  await page.click('nav.site-nav >> text="GraphQL console"');
  await page.waitForSelector('[data-testid=console-query]');
  return page;
}

const posts = () => world.standIn.graphqlRequests();

test('runs a query with the token and shows status, rate-limit headers and the formatted answer', async () => {
  const page = await consolePage();
  await page.click('[data-testid=console-run]');
  await page.waitForSelector('[data-testid=console-result]');
  assert.match(await page.textContent('[data-testid=console-status]'), /^HTTP 200/);
  assert.match(await page.textContent('[data-testid=console-rate]'), /X-RateLimit-Limit 90 · X-RateLimit-Remaining \d+/);
  const out = await page.textContent('[data-testid=console-output]');
  assert.match(out, /"name": "Mitsuki"/);
  assert.match(posts().at(-1).authorization, /^Bearer /);
  // Examples: a media lookup with variables.
  await page.click('text=A media lookup');
  await page.click('[data-testid=console-run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=console-output]')?.textContent.includes('Cowboy Bebop'));
  assert.deepEqual(posts().at(-1).body.variables, { id: 1 });
  // The runs are kept across a reload.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid=console-history]');
  assert.equal(await page.locator('[data-testid=console-history] li').count(), 2);
  assert.deepEqual(page.problems, []);
});

test('leaving the console while a query runs: no page error, then or on coming back', async () => {
  const page = await consolePage();
  world.standIn.fault({ kind: 'slow', delayMs: 1000 });
  await page.click('[data-testid=console-run]');
  await page.click('nav.site-nav >> text="Airing"');
  await page.waitForSelector('[data-testid=console-query]', { state: 'detached' });
  await page.waitForTimeout(1800);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
  await page.goBack();
  await page.waitForSelector('[data-testid=console-query]');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load|ERR_/.test(p)), []);
});

test('a GraphQL error is shown with its line and column', async () => {
  const page = await consolePage();
  await page.fill('[data-testid=console-query]', 'query {\n  Viewer {\n    id\n    nope\n  }\n}');
  await page.click('[data-testid=console-run]');
  await page.waitForSelector('[data-testid=console-error]');
  assert.match(await page.textContent('[data-testid=console-status]'), /^HTTP 400/);
  assert.match(await page.textContent('[data-testid=console-error]'), /Cannot query field "nope" on type "User"\..*\(line 4, column 5\)/);
});

test('bad variables JSON is caught before anything is sent', async () => {
  const page = await consolePage();
  const before = posts().length;
  await page.fill('[data-testid=console-variables]', '{"id": 1,,}');
  await page.click('[data-testid=console-run]');
  assert.match(await page.textContent('[data-testid=console-problem]'), /not valid JSON \(line 1, column \d+\)/);
  await page.fill('[data-testid=console-variables]', '[1, 2]');
  await page.click('[data-testid=console-run]');
  assert.match(await page.textContent('[data-testid=console-problem]'), /must be a JSON object/);
  assert.equal(posts().length, before);
});

test('a mutation asks before it is sent', async () => {
  const page = await consolePage();
  await page.click('text=A mutation');
  const before = posts().length;
  await page.click('[data-testid=console-run]');
  await page.waitForSelector('[data-testid=console-confirm]');
  await page.click('[data-testid=console-confirm] >> text=Cancel');
  await page.waitForTimeout(300);
  assert.equal(posts().length, before, 'cancel sends nothing');
  await page.click('[data-testid=console-run]');
  await page.click('[data-testid=console-confirm-send]');
  await page.waitForSelector('[data-testid=console-result]');
  assert.equal(posts().length, before + 1);
  assert.ok(world.standIn.data.entries.find((e) => e.mediaId === 1));
  assert.match(await page.textContent('[data-testid=console-output]'), /"SaveMediaListEntry"/);
});

test('Ctrl+Enter in the query or the variables runs it; a mutation still asks first', async () => {
  const page = await consolePage();
  await page.click('text=A media lookup');
  const before = posts().length;
  await page.focus('[data-testid=console-variables]');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=console-output]')?.textContent.includes('Cowboy Bebop'));
  assert.equal(posts().length, before + 1);
  assert.equal(await page.inputValue('[data-testid=console-variables]'), '{\n  "id": 1\n}', 'no line break typed');
  // A mutation: Ctrl+Enter asks, and sends nothing by itself.
  await page.click('text=A mutation');
  await page.focus('[data-testid=console-query]');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=console-confirm]');
  await page.waitForTimeout(300);
  assert.equal(posts().length, before + 1);
});
