// Starts the atlas. scripts/build.sh appends this to the wasm-bindgen glue in place of its exports, so that the page
// loads one script, pkg/atlas.js (a file, not an inline script: the page runs under a strict CSP). `__wbg_init` is
// the glue's initialiser; with no argument it fetches atlas_bg.wasm next to the glue.

// The loading state's words appear only when the app is slow to come (a slow network): laid out at once, their
// first layout (and the Korean font's set-up) would hold back the app's start by about 100 ms on a fast one.
setTimeout(() => {
  const words = document.getElementById('atlas-loading-text');
  if (words) words.hidden = false;
}, 500);

__wbg_init().catch((err) => {
  console.error('AI Strategy Atlas failed to start', err);
  const loading = document.getElementById('atlas-loading');
  if (loading) loading.remove();
  const panel = document.getElementById('atlas-error');
  if (panel) panel.hidden = false;
});
