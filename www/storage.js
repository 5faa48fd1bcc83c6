// The reader's articles kept in localStorage across reloads.

const KEY = 'dateline/articles/v1';

/** The saved articles [{name, text, dct}], or [] when there are none (or they are unreadable). */
export function loadArticles() {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return [];
    const data = JSON.parse(raw);
    if (!Array.isArray(data?.articles)) return [];
    return data.articles
      .filter((a) => a && typeof a === 'object')
      .map((a) => ({
        name: typeof a.name === 'string' ? a.name : '',
        text: typeof a.text === 'string' ? a.text : '',
        dct: typeof a.dct === 'string' ? a.dct : '',
      }));
  } catch {
    return [];
  }
}

/** Save the articles; throws when the browser refuses (quota full, storage disabled). */
export function saveArticles(articles) {
  localStorage.setItem(KEY, JSON.stringify({ version: 1, articles }));
}

/** Forget the saved articles. */
export function clearArticles() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // storage disabled: nothing was saved
  }
}
