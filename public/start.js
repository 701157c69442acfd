// Starts the app. Trunk's own loader is an inline <script>, which a
// Content-Security-Policy without 'unsafe-inline' refuses; this file is
// loaded from the app's own origin instead. Trunk writes the hashed file
// names into the tag's data attributes (pattern_script in Trunk.toml).
const tag = document.querySelector('script[data-tsuzuki-js]');
try {
  const { default: init } = await import(tag.dataset.tsuzukiJs);
  await init({ module_or_path: tag.dataset.tsuzukiWasm });
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
