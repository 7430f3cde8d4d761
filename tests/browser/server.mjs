// A static file server for dist/ on a free port, recording every request it serves.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import TYPES from '../../scripts/mime-types.js';

// overrides: { '/url/path': file } serves those paths from other files.
export async function serveDirectory(root, overrides = {}) {
  const requests = [];
  // Replacement answers for URLs containing a pattern, for engines that cannot intercept
  // requests themselves: { response: { status, body, contentType } or 'fail', times }.
  const intercepts = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    const pattern = [...intercepts.keys()].find((p) => url.href.includes(p));
    if (pattern !== undefined) {
      const { response, times } = intercepts.get(pattern);
      if (times === 1) intercepts.delete(pattern);
      else if (times) intercepts.set(pattern, { response, times: times - 1 });
      if (response === 'fail') return req.socket.destroy();
      const { status = 200, body = '', contentType = 'text/plain' } = response;
      return res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-cache' }).end(body);
    }
    let file = overrides[url.pathname] || path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!overrides[url.pathname] && !file.startsWith(path.resolve(root))) return res.writeHead(403).end();
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const stop = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    intercept: (pattern, response, { times } = {}) => intercepts.set(pattern, { response, times }),
    stopIntercepting: (pattern) => intercepts.delete(pattern),
    // Offline is the server gone: connections to its port are refused until it is back.
    setOffline: (offline) => (offline ? (server.listening ? stop() : Promise.resolve())
      : new Promise((resolve) => (server.listening ? resolve() : server.listen(port, '127.0.0.1', resolve)))),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
