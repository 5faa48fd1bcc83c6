// The reader's articles kept in this browser across reloads and restarts: IndexedDB (asynchronous,
// so saving never blocks typing, and its quota is a share of the disk rather than localStorage's
// few megabytes). Where IndexedDB cannot be opened, localStorage. Articles saved by earlier
// versions in localStorage are read once and moved.

const DB_NAME = 'dateline';
const STORE = 'state';
const KEY = 'articles';
const LEGACY_KEY = 'dateline/articles/v1';

let opening = null;

function openDb() {
  opening ??= new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the article store is blocked by another tab'));
  });
  return opening;
}

/** Run `work(store)` in one transaction; resolves with its request's result once committed. */
async function transaction(mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('the save was aborted', 'AbortError'));
  });
}

function clean(data) {
  if (!Array.isArray(data?.articles)) return [];
  return data.articles
    .filter((a) => a && typeof a === 'object')
    .map((a) => ({
      name: typeof a.name === 'string' ? a.name : '',
      text: typeof a.text === 'string' ? a.text : '',
      dct: typeof a.dct === 'string' ? a.dct : '',
      included: a.included !== false, // saves from before the flag: included
    }));
}

function legacy() {
  try {
    const raw = localStorage.getItem(LEGACY_KEY);
    return raw ? clean(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

/** The saved articles [{name, text, dct, included}], or [] when there are none (or they are unreadable). */
export async function loadArticles() {
  try {
    const data = await transaction('readonly', (store) => store.get(KEY));
    if (data) return clean(data);
  } catch {
    // no IndexedDB: what localStorage holds, if anything
  }
  return legacy();
}

/**
 * Save the articles; rejects when the browser refuses (`QuotaExceededError` when storage is full).
 */
export async function saveArticles(articles) {
  const data = { version: 1, articles };
  if (!(await usable())) {
    localStorage.setItem(LEGACY_KEY, JSON.stringify(data));
    return;
  }
  await transaction('readwrite', (store) => store.put(data, KEY));
  try {
    localStorage.removeItem(LEGACY_KEY); // moved to IndexedDB
  } catch {
    // storage disabled: nothing to move
  }
}

async function usable() {
  try {
    await openDb();
    return true;
  } catch {
    return false;
  }
}

/** Forget the saved articles. */
export async function clearArticles() {
  try {
    await transaction('readwrite', (store) => store.delete(KEY));
  } catch {
    // no IndexedDB: nothing was saved there
  }
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // storage disabled: nothing was saved
  }
}
