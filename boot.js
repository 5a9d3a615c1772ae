// Starts the atlas. A separate file (not an inline script) so the page runs under a strict CSP.
import init from './pkg/atlas.js';

init({ module_or_path: new URL('./pkg/atlas_bg.wasm', import.meta.url) }).catch((err) => {
  console.error('AI Strategy Atlas failed to start', err);
  const loading = document.getElementById('atlas-loading');
  if (loading) loading.remove();
  const panel = document.getElementById('atlas-error');
  if (panel) panel.hidden = false;
});
