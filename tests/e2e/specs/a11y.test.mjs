// An accessibility pass with axe-core over every page, signed out and
// signed in, in the light and the dark theme, on a desktop and a phone
// screen: no violation of serious or critical impact. The pages run under
// the app's Content-Security-Policy; any violation fails too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startWorld, appReady, signIn } from '../lib/harness.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let world;
before(async () => {
  world = await startWorld();
  // The banner lives on AniList's image host, which tests never reach.
  world.standIn.data.media.find((m) => m.id === 1).bannerImage = null;
  // Something airing, for the airing page and the row's countdown.
  world.standIn.data.entries.find((e) => e.id === 700005).status = 'CURRENT';
  // The hostile post's payloads make the policy speak (as meant; the
  // activity tests check them): a plain post here.
  world.standIn.data.activities.find((a) => a.id === 8005).text = '<p>A <b>plain</b> post.</p>';
  // The hostile thread and comment alike (the title tests check them).
  world.standIn.data.threads.find((t) => t.id === 9001).bodyHtml = '<p>Sessions <b>1</b> to 4.</p>';
  world.standIn.data.threadComments.find((c) => c.id === 50001).commentHtml = '<p>Asteroid <b>Blues</b>!</p>';
  // Every page, twice over, in a minute or two: more than AniList's 90
  // requests a minute, which is not what this pass is about.
  world.standIn.rateLimit = 1000;
});
after(() => world?.close());

/** Runs axe on the page as it is; returns the serious and critical violations. */
async function audit(page) {
  // Evaluated by the driver, not added as a <script>: the page's policy
  // allows no inline script, and the audit must not need one.
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens each route in turn on `page` and audits it; returns what failed. */
async function auditRoutes(page, routes) {
  const problems = [];
  for (const [route, ready] of routes) {
    await page.goto(world.app.url.replace(/\/$/, '') + route);
    await appReady(page);
    await page.waitForSelector(ready);
    for (const v of await audit(page)) problems.push(`${route}: ${v}`);
  }
  return problems;
}

const SIGNED_OUT = [
  ['/', 'main h1'],
  ['/token', 'main h1'],
  ['/profile', 'main h1'],
  ['/lists/anime', 'main h1'],
  ['/search', 'main h1'],
  ['/console', 'main h1'],
  ['/settings', 'main h1'],
  ['/airing', 'main h1'],
  ['/airing/schedule', '[data-testid=schedule]'],
  ['/activity', '[data-testid=activity-8005]'],
  ['/notifications', 'main h1'],
  ['/stats/anime', 'main h1'],
  ['/anime/1', '[data-testid=title-name]'],
  ['/staff/102', '[data-testid=staff-roles]'],
  ['/user/6001', '[data-testid=profile-name]'],
  ['/review/7001', '[data-testid=review-body]'],
  ['/thread/9001', '[data-testid=comment-answers]'],
  ['/forum', '[data-testid=forum] [data-testid=thread]'],
  ['/anime/1/review', '.empty-state'],
  ['/activity/8006', '[data-testid=reply-90001]'],
  ['/no-such-page', '[data-testid=not-found]'],
];

const SIGNED_IN = [
  ['/', '[data-testid=welcome]'],
  ['/token', 'main h1'],
  ['/profile', '[data-testid=profile-name]'],
  ['/lists/anime', '.entry'],
  ['/lists/manga', '.entry'],
  ['/search?q=a', '.result'],
  ['/search?type=anime&genre=Drama&sort=score', '.result'],
  ['/console', 'main h1'],
  ['/settings', '[data-testid=options-form]'],
  ['/airing', '[data-testid=airing-list]'],
  ['/airing/schedule', '[data-testid=slot-40001] [data-testid=add]'],
  ['/activity', '[data-testid=activity-8004]'],
  ['/notifications', '[data-testid=notifications]'],
  ['/stats/anime', '[data-testid=stats-statuses]'],
  ['/stats/manga', '[data-testid=stats-totals]'],
  ['/anime/1', '[data-testid=edit-entry]'],
  ['/manga/30002', '[data-testid=edit-entry]'],
  ['/character/11', '[data-testid=appearances]'],
  ['/staff/95', '[data-testid=voice-roles]'],
  ['/studio/14', '[data-testid=studio-titles] .tile'],
  ['/user/6001', '[data-testid=follow]'],
  ['/review/7001', '[data-testid=review-up]'],
  ['/manga/30002/review', '[data-testid=review-delete-ask]'],
  ['/activity/8006', '[data-testid=activity-8006] [data-testid=compose]'],
  ['/thread/9001', '[data-testid=thread-compose] [data-testid=compose-text]'],
  ['/forum/new?media=1', '[data-testid=thread-form] [data-testid=thread-about-title]'],
];

for (const scheme of ['light', 'dark']) {
  test(`signed out, ${scheme}: no serious or critical axe violation on any page`, async () => {
    const page = await world.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await auditRoutes(page, SIGNED_OUT), []);
    assert.deepEqual(page.problems, []);
  });

  test(`signed in, ${scheme}: no serious or critical axe violation on any page`, async () => {
    const page = await world.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(world, page);
    assert.deepEqual(await auditRoutes(page, SIGNED_IN), []);
    assert.deepEqual(page.problems, []);
  });
}

test('on a phone screen, signed in: no serious or critical axe violation', async () => {
  const page = await world.newPage({ viewport: { width: 375, height: 740 } });
  await signIn(world, page);
  assert.deepEqual(await auditRoutes(page, SIGNED_IN), []);
  assert.deepEqual(page.problems, []);
});

test('a review\'s preview, shown and changed since, light and dark, desktop and phone: no serious or critical axe violation', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    for (const scheme of ['light', 'dark']) {
      const page = await world.newPage({ viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(world, page);
      await page.goto(`${world.app.url}manga/30002/review`);
      await appReady(page);
      await page.fill('[data-testid=review-body-input]', '**Guts** and _then_ some.\n\n~!He lives.!~ [More](https://anilist.co)');
      await page.click('[data-testid=preview-open]');
      await page.waitForSelector('[data-testid=preview-body]');
      await page.fill('[data-testid=review-body-input]', 'Changed.');
      await page.waitForSelector('[data-testid=preview-stale]');
      assert.deepEqual(await audit(page), [], `${viewport.width} ${scheme}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('the entry editor, open, light and dark, desktop and phone: no serious or critical axe violation', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    for (const scheme of ['light', 'dark']) {
      const page = await world.newPage({ viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(world, page);
      await page.goto(`${world.app.url}lists/manga`);
      await appReady(page);
      await page.click('[data-testid=entry-700006] [data-testid=edit]');
      await page.waitForSelector('[data-testid=entry-editor][open]');
      assert.deepEqual(await audit(page), [], `${viewport.width} ${scheme}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('many edits at once: the bar and the preview, light and dark, desktop and phone: no serious or critical axe violation', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    for (const scheme of ['light', 'dark']) {
      const page = await world.newPage({ viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(world, page);
      await page.goto(`${world.app.url}lists/anime`);
      await appReady(page);
      await page.click('[data-testid=select-all]');
      await page.waitForSelector('[data-testid=bulk-bar]');
      assert.deepEqual(await audit(page), [], `bar ${viewport.width} ${scheme}`);
      await page.click('[data-testid=bulk-review]');
      await page.waitForSelector('[data-testid=bulk-preview][open]');
      assert.deepEqual(await audit(page), [], `preview ${viewport.width} ${scheme}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('an import\'s preview, its differences open, light and dark, desktop and phone: no serious or critical axe violation', async () => {
  const x = (kind, f) => `<${kind}>${Object.entries(f).map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</${kind}>`;
  const text = `<?xml version="1.0"?><myanimelist>${x('anime', { series_animedb_id: 1, series_title: 'Cowboy Bebop', my_watched_episodes: 26, my_status: 'Completed' })}${x('anime', { series_animedb_id: 60001, my_status: 'Watching' })}${x('anime', { series_animedb_id: 77, series_title: 'Only there', my_status: 'Watching' })}</myanimelist>`;
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    for (const scheme of ['light', 'dark']) {
      const page = await world.newPage({ viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(world, page);
      await page.goto(`${world.app.url}settings`);
      await appReady(page);
      await page.setInputFiles('[data-testid=import-file]', { name: 'animelist.xml', mimeType: 'application/xml', buffer: Buffer.from(text) });
      await page.waitForSelector('[data-testid=import-preview]');
      for (const summary of await page.$$('[data-testid=import-preview] summary')) await summary.click();
      assert.deepEqual(await audit(page), [], `${viewport.width} ${scheme}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('a tidy\'s groups, their entries open, and the line after it ran, light and dark, desktop and phone: no serious or critical axe violation', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    for (const scheme of ['light', 'dark']) {
      world.standIn.reset();
      world.standIn.data.entries.find((e) => e.id === 700002).progress = 60;
      world.standIn.data.entries.find((e) => e.id === 700003).progress = 3;
      const page = await world.newPage({ viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(world, page);
      await page.goto(`${world.app.url}settings`);
      await appReady(page);
      await page.click('[data-testid=tidy-check]');
      await page.waitForSelector('[data-testid=tidy-go]');
      for (const summary of await page.$$('[data-testid=tidy] summary')) await summary.click();
      assert.deepEqual(await audit(page), [], `${viewport.width} ${scheme}`);
      await page.uncheck('[data-testid=tidy-anime-started] [data-testid=tidy-pick]');
      await page.click('[data-testid=tidy-go]');
      await page.waitForSelector('[data-testid=tidy-undo]');
      assert.deepEqual(await audit(page), [], `done ${viewport.width} ${scheme}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('favourites being put in order, light and dark, desktop and phone: no serious or critical axe violation', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    for (const scheme of ['light', 'dark']) {
      world.standIn.data.viewer.favourites.anime = [1, 5114, 16498];
      const page = await world.newPage({ viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(world, page);
      await page.goto(`${world.app.url}profile`);
      await appReady(page);
      await page.click('[data-testid=favourite-anime-group] [data-testid=order-start]');
      await page.waitForSelector('[data-testid=favourite-anime-order] [data-fav]');
      assert.deepEqual(await audit(page), [], `${viewport.width} ${scheme}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('the accounts menu, open with two accounts, light and dark: no serious or critical axe violation', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await world.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(world, page);
    world.standIn.authorizeNext({ claims: { sub: '6001' } });
    await page.click('[data-testid=accounts] > summary');
    await page.click('[data-testid=add-account]');
    await page.waitForSelector('[data-testid=session-badge] >> text=User 6001');
    await page.click('[data-testid=accounts] > summary');
    await page.waitForSelector('[data-testid=switch-account]');
    assert.deepEqual(await audit(page), [], scheme);
    assert.deepEqual(page.problems, []);
  }
});

test('the audit can fail: an image without a text alternative is reported', async () => {
  const page = await world.newPage();
  await page.goto(world.app.url);
  await appReady(page);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'favicon.svg';
    document.querySelector('main').append(img);
  });
  const found = await audit(page);
  assert.ok(found.some((v) => v.includes('image-alt')), found.join('\n'));
});
