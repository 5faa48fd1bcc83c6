// Working without a network: the service worker (sw.js) that keeps the page's files for offline
// use, its update notice, and the analysis worker, which the single-file build
// (scripts/single-file.mjs → dist/dateline.html) embeds in the page together with the wasm.

/**
 * Register sw.js when the page is served over http(s) (not from a file, not in the single-file
 * build). When a new build has been installed beside the running one, `onUpdate(apply)` is called;
 * `apply()` lets the new build take over and reloads the page, so files of two builds never mix.
 */
export function registerServiceWorker(onUpdate) {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  if (document.getElementById('dateline-worker')) return; // the single-file build
  let applying = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying) window.location.reload();
  });
  const offer = (registration) => {
    // Only an update: on the first visit nothing controls the page yet.
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    onUpdate(() => {
      applying = true;
      registration.waiting?.postMessage({ type: 'skip-waiting' });
    });
  };
  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(
    (registration) => {
      offer(registration);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer(registration);
        });
      });
    },
    // Offline use is lost, nothing else: the page works as served.
    (err) => console.warn(`dateline: no offline use (${err?.message ?? err})`),
  );
}

/** Show the update notice in the status line; its button applies the update. */
export function showUpdateNotice(apply) {
  const status = document.getElementById('status');
  if (!status || status.querySelector('.update-notice')) return;
  const notice = document.createElement('span');
  notice.className = 'update-notice';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    apply();
  });
  notice.append('A new version of dateline is ready. ', button);
  status.append(notice);
}

let embeddedUrl = null;

/**
 * Start the analysis worker: worker.js as a module beside the page, or, in the single-file build,
 * the worker bundled into the page (`#dateline-worker`) with the wasm it needs (`#dateline-wasm`,
 * base64), started from a blob: URL.
 */
export function createAnalyzerWorker() {
  const code = document.getElementById('dateline-worker');
  if (!code) return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  if (!embeddedUrl) {
    const wasm = document.getElementById('dateline-wasm')?.textContent.trim() ?? '';
    const source = [`self.DATELINE_WASM_BASE64 = ${JSON.stringify(wasm)};\n`, code.textContent];
    embeddedUrl = URL.createObjectURL(new Blob(source, { type: 'text/javascript' }));
  }
  return new Worker(embeddedUrl);
}
