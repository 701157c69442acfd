// Starts the app. Trunk's own loader is an inline <script>, which a
// Content-Security-Policy without 'unsafe-inline' refuses; this file is
// loaded from the app's own origin instead. Trunk writes the hashed file
// names into the tag's data attributes (pattern_script in Trunk.toml).
const tag = document.querySelector('script[data-tsuzuki-js]');

// If the wasm ever traps (a Rust panic is one), it cannot run again: every
// later call into it fails. Rather than a page that silently stops
// answering, say so and offer a reload. Waiting changes are kept in
// IndexedDB and are sent after it.
/** A box on the page with a line of text and a Reload button (`id` is also
 * its class and test id); returns the button. */
function banner(id, role, message, buttonClass, onReload) {
  const box = document.createElement('div');
  box.id = id;
  box.className = id;
  box.setAttribute('role', role);
  box.dataset.testid = id;
  const text = document.createElement('p');
  text.textContent = message;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = buttonClass;
  reload.textContent = 'Reload';
  reload.dataset.testid = `${id}-reload`;
  reload.addEventListener('click', onReload);
  box.append(text, reload);
  return { box, reload };
}

function trapped(err) {
  if (!(err instanceof WebAssembly.RuntimeError) || document.getElementById('app-trap')) return;
  const { box, reload } = banner('app-trap', 'alert', 'Tsuzuki stopped because of an internal error. Changes shown as waiting are kept '
    + 'and are sent after a reload.', 'button', () => location.reload());
  document.body.prepend(box);
  reload.focus();
}
addEventListener('error', (e) => trapped(e.error));
addEventListener('unhandledrejection', (e) => trapped(e.reason));

// Installable and offline: the service worker of a release build (the
// build names it on the tag; `trunk serve` does not). When a new build is
// ready, the page says so and reloads when the person chooses: a page
// never runs with another build's files.
async function keepOffline() {
  if (!tag.dataset.tsuzukiSw || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const registration = await sw.register(new URL(tag.dataset.tsuzukiSw, document.baseURI), { scope: new URL('./', document.baseURI).pathname });
  let asked = false;
  sw.addEventListener('controllerchange', () => { if (asked) location.reload(); });
  const offer = (worker) => {
    if (document.getElementById('app-update')) return;
    const { box } = banner('app-update', 'status', 'A new version of Tsuzuki is ready.', 'button button--small',
      () => { asked = true; worker.postMessage('skip-waiting'); });
    document.body.append(box);
  };
  const watch = (worker) => worker.addEventListener('statechange', () => {
    if (worker.state === 'installed' && sw.controller) offer(worker);
  });
  if (registration.waiting && sw.controller) offer(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  // A tab left open hears of a new build too.
  setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
}

try {
  const { default: init } = await import(tag.dataset.tsuzukiJs);
  await init({ module_or_path: tag.dataset.tsuzukiWasm });
  keepOffline().catch(() => {});
} catch (err) {
  // The app removes a sign-in reply from the address bar itself; when it
  // cannot start, the token must not be left there either.
  const signingIn = /access_token=/.test(location.hash);
  if (signingIn) history.replaceState(history.state, '', location.pathname + location.search);
  const boot = document.getElementById('boot');
  if (boot) {
    boot.classList.add('boot--failed');
    boot.textContent = 'Tsuzuki for AniList could not start: its files did not load '
      + '(' + (err && err.message ? err.message : 'unknown error') + '). Reload the page to try again'
      + (signingIn ? ', then sign in again.' : '.');
  }
  throw err;
}
