import { startWorld, appReady, signIn } from '../lib/harness.mjs';
const [w, scheme] = [Number(process.argv[2] ?? 320), process.argv[3] ?? 'light'];
const world = await startWorld();
world.standIn.useHeavyList(40);
const page = await world.newPage({ viewport: { width: w, height: 700 }, colorScheme: scheme });
world.standIn.data.viewer.unreadNotificationCount = 2;
await signIn(world, page);
const routes = ['', 'profile', 'lists/anime', 'lists/manga', 'airing', 'search', 'console', 'token', 'settings', 'anime/1', 'notifications'];
for (const r of routes) {
  await page.goto(`${world.app.url}${r}`);
  await appReady(page);
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/tour/${(r || 'home').replace('/', '-')}-${w}-${scheme}.png`, fullPage: false });
  const over = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  if (over) console.log('horizontal overflow on', r);
}
console.log(page.problems.join('\n'));
await world.close();
