// Service worker: keeps a complete copy of the page for offline use.
// The file list (with revisions) is inserted at build time by workbox-build
// (injectManifest fills in the list below). Each version lives in its own cache,
// filled completely before the version can take over, and the page is always served
// from the one cache of the active version: never a mix of two versions.
'use strict';

const MANIFEST = self.__WB_MANIFEST;
const PREFIX = 'inkmath-';

function versionOf(entries) {
  // FNV-1a over the list: any changed file or revision gives a new version.
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(entries)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16);
}

const CACHE = PREFIX + versionOf(MANIFEST);
const scope = new URL(self.registration.scope);
const urls = MANIFEST.map((e) => new URL(typeof e === 'string' ? e : e.url, scope).href);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await caches.delete(CACHE);  // a half-filled cache from an interrupted install
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(urls.map(async (url) => {
        const response = await fetch(url, { cache: 'reload' });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }));
    } catch (err) {
      await caches.delete(CACHE);
      throw err;  // install fails; the previous version stays in charge
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// The page asks the waiting version to take over when the user chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

function cacheKey(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return url.href;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(cacheKey(request));
    return hit || fetch(request);
  })());
});
