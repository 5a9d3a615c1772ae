// A static file server for the end-to-end tests: serves the repo root at "/" and again under "/atlas/" (a
// sub-path, as on many static hosts), with a strict Content-Security-Policy header, like a careful host would.
// Usage: node tests/e2e/server.mjs [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const port = Number(process.argv[2] || process.env.PORT || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.md': 'text/markdown; charset=utf-8',
};
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
// Only what a deployment contains (README: "copy four paths") is served.
const allowed = [/^index\.html$/, /^boot\.js$/, /^style\//, /^pkg\//, /^tests\/e2e\/fixtures\//];

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.startsWith('/atlas/')) path = path.slice('/atlas'.length);
  else if (path === '/atlas') { res.writeHead(301, { location: '/atlas/' }); return res.end(); }
  const base = root;
  if (path.endsWith('/')) path += 'index.html';
  const rel = normalize(path).replace(/^\/+/, '');
  const file = join(base, rel);
  if (!file.startsWith(base) || !allowed.some((re) => re.test(rel))) { res.writeHead(404); return res.end('not found'); }
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': types[extname(file)] || 'application/octet-stream',
      'content-security-policy': CSP,
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404); res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
