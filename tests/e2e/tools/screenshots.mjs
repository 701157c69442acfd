// The README's pictures, made from the release build against the stand-in
// AniList (never by hand): the list, many edits at once, the entry editor,
// a title's page, a voice actor's page, a member's page, a review, browsing by genre, what is airing and the day's schedule, the notifications, the activity feed and
// the account's options on AniList,
// light and dark, on a desktop and a phone. `make screenshots` runs it;
// the pictures go to the folder given (tests/screenshots).
//
//   node tools/screenshots.mjs <out-dir>

import fs from 'node:fs';
import path from 'node:path';
import { startWorld, appReady, signIn } from '../lib/harness.mjs';

const out = path.resolve(process.argv[2] ?? '../screenshots');
fs.mkdirSync(out, { recursive: true });

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const world = await startWorld();
// A fuller list than the test fixtures: 40 more titles.
world.standIn.useHeavyList(40);
// A member's bio without the stand-in's hostile markup (whose refusal the
// browser reports, which this tool counts as a problem).
world.standIn.data.others.find((o) => o.name === 'Jun').aboutHtml = '<p>Mostly <b>movies</b>, and whatever Hana recommends.</p>';
// ONE PIECE being watched, with its next episode (the airing numbers).
world.standIn.data.entries.find((e) => e.id === 700005).status = 'CURRENT';

const shots = [];
try {
  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const scheme of ['light', 'dark']) {
      const page = await world.newPage({ viewport, colorScheme: scheme });
      // Two unread each time (each run of the page reads them).
      world.standIn.data.viewer.unreadNotificationCount = 2;
      await signIn(world, page);
      const shoot = async (name) => {
        // Covers and fonts in place, nothing moving.
        await page.waitForLoadState('networkidle').catch(() => {});
        await page.waitForTimeout(300);
        const file = path.join(out, `${name}-${size}-${scheme}.png`);
        await page.screenshot({ path: file });
        shots.push(path.relative(process.cwd(), file));
      };
      await page.goto(`${world.app.url}lists/anime`);
      await appReady(page);
      await page.waitForSelector('[data-testid=entry-700001]');
      await shoot('list');
      // Many edits at once: three rows chosen, the preview open.
      await page.locator('li.entry [data-testid=pick]').nth(0).click();
      await page.locator('li.entry [data-testid=pick]').nth(2).click({ modifiers: ['Shift'] });
      await page.selectOption('[data-testid=bulk-status]', 'COMPLETED');
      await page.click('[data-testid=bulk-review]');
      await page.waitForSelector('[data-testid=bulk-preview][open]');
      await shoot('bulk');
      await page.click('[data-testid=bulk-cancel]');
      await page.click('[data-testid=bulk-clear]');
      await page.click('[data-testid=entry-700001] [data-testid=edit]');
      await page.waitForSelector('[data-testid=entry-editor][open]');
      await shoot('editor');
      await page.keyboard.press('Escape');
      await page.goto(`${world.app.url}anime/1`);
      await appReady(page);
      await page.waitForSelector('[data-testid=title-page] [data-testid=your-entry] [data-testid=edit-entry]');
      await shoot('title');
      // A voice actor's page, from the title's cast.
      await page.click('[data-testid=characters] >> text=Kouichi Yamadera');
      await page.waitForSelector('[data-testid=voice-roles] .tile');
      await page.locator('[data-testid=voice-roles]').scrollIntoViewIfNeeded();
      await shoot('staff');
      // A member's page: their lists beside yours.
      await page.goto(`${world.app.url}user/6002`);
      await appReady(page);
      await page.waitForSelector('[data-testid=their-entries] .tile');
      await page.locator('[data-testid=their-lists]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await shoot('member');
      // A review: its text, the say on it.
      await page.goto(`${world.app.url}review/7001`);
      await appReady(page);
      await page.waitForSelector('[data-testid=review-up]');
      await shoot('review');
      // Browsing by genre, and what is airing.
      await page.goto(`${world.app.url}search?type=anime&genre=Action`);
      await appReady(page);
      await page.waitForSelector('[data-testid=result-1]');
      await shoot('search');
      await page.goto(`${world.app.url}airing`);
      await appReady(page);
      await page.waitForSelector('[data-testid=airing-21] [data-testid=behind]');
      await shoot('airing');
      // The day's schedule, from its tab.
      await page.click('nav.tabs >> text=Schedule');
      await page.waitForSelector('[data-testid=schedule] [data-testid=slot-40001]');
      await shoot('schedule');
      await page.click('[data-testid=notifications-link]');
      await page.waitForSelector('[data-testid=notifications] .note--new');
      await shoot('notifications');
      // The activity of the members followed.
      await page.click('nav.site-nav >> text="Activity"');
      await page.waitForSelector('[data-testid=activity] [data-testid=activity-8002]');
      await shoot('activity');
      // Settings: the account's options on AniList, scrolled into view.
      await page.click('nav.site-nav >> text="Settings"');
      await page.waitForSelector('[data-testid=options-form]');
      await page.locator('[data-testid=anilist-options]').scrollIntoViewIfNeeded();
      await shoot('settings');
      if (page.problems.some((p) => !/Failed to load|ERR_/.test(p))) throw new Error(`problems on the page: ${page.problems.join('; ')}`);
      await world.closePages();
    }
  }
} finally {
  await world.close();
}
console.log(`${shots.length} pictures:\n${shots.join('\n')}`);
