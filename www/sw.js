// The service worker: after the first visit, the page's own files are served from a cache, so
// dateline opens and analyses with the network gone.
//
// One cache per build, named by the crate version and a hash of every file of the page
// (`pkg/build.js`, written by scripts/build-wasm.sh). A new build changes build.js, so the browser
// installs a new worker, which fetches the whole new file set into a new cache; it takes over only
// when the page asks (the reader clicks "Reload" in the update notice), and then deletes every
// other dateline cache: the page never mixes one build's JavaScript with another build's wasm.

importScripts('./pkg/build.js');

const BUILD = self.DATELINE_BUILD;
const PREFIX = 'dateline-';
const CACHE = `${PREFIX}${BUILD.version}-${BUILD.hash}`;
const INDEX = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache, so the files are this build's.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(BUILD.files.map((file) => new Request(file, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

/** This build's copy of a file, else the network; a page navigation falls back to the index. */
async function respond(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === 'navigate') {
      const index = await cache.match(INDEX);
      if (index) return index;
    }
    throw err;
  }
}
