// Starts the atlas. A separate file (not an inline script) so the page runs under a strict CSP.
import init from './pkg/atlas.js';

// The loading state's words appear only when the app is slow to come (a slow network): laid out at once, their
// first layout (and the Korean font's set-up) would hold back the app's start by about 100 ms on a fast one.
setTimeout(() => {
  const words = document.getElementById('atlas-loading-text');
  if (words) words.hidden = false;
}, 500);

init({ module_or_path: new URL('./pkg/atlas_bg.wasm', import.meta.url) }).catch((err) => {
  console.error('AI Strategy Atlas failed to start', err);
  const loading = document.getElementById('atlas-loading');
  if (loading) loading.remove();
  const panel = document.getElementById('atlas-error');
  if (panel) panel.hidden = false;
});
