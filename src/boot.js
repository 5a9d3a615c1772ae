// Starts the atlas. scripts/build.sh appends this to the wasm-bindgen glue in place of its exports, so that the page
// loads one script, pkg/atlas.js (a file, not an inline script: the page runs under a strict CSP). `__wbg_init` is
// the glue's initialiser; with no argument it fetches atlas_bg.wasm next to the glue.

// The loading state (a spinner and its words) appears only when the app is slow to come (a slow network). On a
// fast start the map is the first thing drawn: painting the spinner and laying out the words (with the Korean
// font's set-up) would hold it back, by about 30 ms and 100 ms at 4x CPU throttling. The live region around them
// is there from the start, so that screen readers hear the words when they appear.
setTimeout(() => {
  const body = document.getElementById('atlas-loading-body');
  if (body) body.hidden = false;
}, 500);

__wbg_init().catch((err) => {
  console.error('AI Strategy Atlas failed to start', err);
  const loading = document.getElementById('atlas-loading');
  if (loading) loading.remove();
  const panel = document.getElementById('atlas-error');
  if (panel) panel.hidden = false;
});
