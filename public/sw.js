// The service worker: the app's own files, kept so that the app opens
// without a network. Release builds only (start.js registers it when the
// build says so; `trunk serve` never does, so development never meets a
// kept file).
//
// - One build's files are kept together, under that build's name: the
//   post-build hook (Trunk.toml) writes the list of files and the build's
//   id into BUILD below. trunk's file names carry a hash, so a page only
//   ever asks for the files of its own build.
// - Pages (navigations) come from the network, so a page is always the
//   host's latest index.html (a policy edited in place included) with the
//   files it names; without a network, this worker's build's own shell and
//   files. Either way a page and its files are of one build. A new build's
//   worker waits until the page says "A new version is ready: reload".
// - config.json is asked for first and kept for offline use.
// - Nothing else is touched: not AniList's answers, nothing carrying the
//   token (the list store keeps the person's data), no other origin.
const BUILD = { id: 'development', files: [] };

const CACHE = `tsuzuki-${BUILD.id}`;
const scope = new URL(self.registration.scope);
const here = (path) => new URL(path, scope).href;
const FILES = new Set(BUILD.files.map(here));
const SHELL = here('index.html');
const CONFIG = here('config.json');

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll([...FILES, CONFIG])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('tsuzuki-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks for the new build once the person chose to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Another origin (AniList, its images): never touched.
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  if (request.mode === 'navigate') {
    event.respondWith(shell(request));
  } else if (url.href === CONFIG) {
    event.respondWith(networkFirst(request));
  } else if (FILES.has(url.origin + url.pathname)) {
    event.respondWith(caches.open(CACHE).then((c) => c.match(url.origin + url.pathname)).then((hit) => hit ?? fetch(request)));
  }
});

/** A page: the host's, else (offline) this build's shell; any in-app
 * path is the same page. */
async function shell(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const hit = await (await caches.open(CACHE)).match(SHELL);
    if (hit) return hit;
    throw err;
  }
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const answer = await fetch(request, { cache: 'no-store' });
    if (answer.ok) await cache.put(CONFIG, answer.clone());
    return answer;
  } catch (err) {
    const hit = await cache.match(CONFIG);
    if (hit) return hit;
    throw err;
  }
}
