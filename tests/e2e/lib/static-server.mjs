// Serves the release dist/ as static files on loopback, the way a plain
// static host would: files as they are, and for any other path either
// index.html with 200 (Netlify's or nginx's try_files: `fallback: 'index'`)
// or 404.html with 404 (GitHub Pages: `fallback: '404'`), so deep links
// load. When asked, it serves a config.json of the test's own in place of
// the shipped one (the run-time configuration path), and does what a host
// pointing the app at another AniList (the stand-in) must do: adds its
// origin to connect-src (its GraphQL endpoint) and img-src (its images) in
// the pages' Content-Security-Policy (`allowOrigins`).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startStaticServer({ root, base = '/', config = null, port = 0, host = '127.0.0.1', fallback = 'index' }) {
  if (!fs.existsSync(path.join(path.resolve(root), 'index.html'))) {
    throw new Error(`${path.resolve(root)}/index.html is missing: build the release dist/ first (make build)`);
  }
  const state = { config, requests: [], connect: [], root: path.resolve(root) };
  const server = http.createServer((req, res) => {
    const rootDir = state.root;
    const url = new URL(req.url, 'http://x');
    state.requests.push(url.pathname + url.search);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('outside the app');
    }
    const rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === 'config.json' && state.config !== null) {
      res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      return res.end(typeof state.config === 'string' ? state.config : JSON.stringify(state.config));
    }
    let file = path.join(rootDir, rel);
    if (!file.startsWith(rootDir)) {
      res.writeHead(403);
      return res.end();
    }
    const isFile = fs.existsSync(file) && fs.statSync(file).isFile();
    let status = 200;
    if (!isFile) {
      if (fallback === '404') {
        status = 404;
        file = path.join(rootDir, '404.html');
      } else if (path.extname(rel) !== '') {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('not found');
      } else {
        file = path.join(rootDir, 'index.html');
      }
      if (!fs.existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('not found');
      }
    }
    const headers = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    if (path.extname(file) === '.html' && state.connect.length > 0) {
      const html = fs.readFileSync(file, 'utf8')
        .replace(/connect-src 'self'/, `connect-src 'self' ${state.connect.join(' ')}`)
        .replace(/img-src 'self'/, `img-src 'self' ${state.connect.join(' ')}`);
      res.writeHead(status, headers);
      return res.end(html);
    }
    res.writeHead(status, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    url: `${origin}${base}`,
    state,
    setConfig(c) { state.config = c; },
    /** Adds origins to connect-src and img-src in the served pages' policy ([] for none). */
    allowOrigins(origins) { state.connect = origins; },
    /** Serves another build from now on (a new deployment). */
    setRoot(dir) { state.root = path.resolve(dir); },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
