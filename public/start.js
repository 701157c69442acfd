// Starts the app. Trunk's own loader is an inline <script>, which a
// Content-Security-Policy without 'unsafe-inline' refuses; this file is
// loaded from the app's own origin instead. Trunk writes the hashed file
// names into the tag's data attributes (pattern_script in Trunk.toml).
const tag = document.querySelector('script[data-tsuzuki-js]');
try {
  const { default: init } = await import(tag.dataset.tsuzukiJs);
  await init({ module_or_path: tag.dataset.tsuzukiWasm });
} catch (err) {
  const boot = document.getElementById('boot');
  if (boot) {
    boot.classList.add('boot--failed');
    boot.textContent = 'Tsuzuki for AniList could not start: its files did not load '
      + '(' + (err && err.message ? err.message : 'unknown error') + '). Reload the page to try again.';
  }
  throw err;
}
