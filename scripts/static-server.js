// Serves a folder over HTTP with the MIME types the page needs (application/wasm for the
// module, so that browsers compile it while it downloads). No dependencies.
// usage: node scripts/static-server.js DIR   (PORT, HOST from the environment)
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');

const types = require('./mime-types');

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || 'localhost';

function resolve(urlPath) {
  let relative;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(relative));
  if (file !== root && !file.startsWith(root + path.sep)) return null; // outside the folder
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return path.join(file, 'index.html');
  return file;
}

const server = http.createServer((req, res) => {
  const file = resolve(req.url);
  if (!file || !['GET', 'HEAD'].includes(req.method) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(file ? 404 : 400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(file ? 'not found\n' : 'bad request\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': fs.statSync(file).size,
    // Always revalidate: the service worker does the offline caching, not the HTTP cache.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
});

server.on('error', (e) => {
  console.error(`serve: ${e.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`serving ${root} at http://${host}:${port}/`));
