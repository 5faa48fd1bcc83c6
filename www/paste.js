// What the reader pastes: HTML or rich text becomes plain text (with a note saying so), and the
// size limit per article. Pasted markup never becomes elements (see htmlToText).

/** The largest article analysed, in bytes of UTF-8 (2 MiB). Longer texts are kept, not analysed. */
export const SIZE_LIMIT = 2 * 1024 * 1024;

/** The UTF-8 size of `text` in bytes, computed only when it may be over `limit`; else 0. */
export function sizeOver(text, limit = SIZE_LIMIT) {
  if (text.length * 3 <= limit) return 0; // at most 3 bytes per UTF-16 code unit
  const bytes = new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : 0;
}

/** `2.4 MB` */
export function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

// Tags of HTML documents and fragments; one of these, opened and closed, marks pasted markup.
const MARKUP = /<(!doctype html|html|head|body|p|div|span|br|a|img|script|style|article|section|h[1-6]|ul|ol|li|table|tr|td|b|i|em|strong|blockquote|figure)\b[^<>]*>/gi;

/** Whether plain text is really HTML source (several tags of HTML, or a document head). */
export function looksLikeMarkup(text) {
  const head = text.slice(0, 4096);
  if (/^\s*<(!doctype html|html)\b/i.test(head)) return true;
  const tags = head.match(MARKUP)?.length ?? 0;
  return tags >= 2 && /<\/[a-z][a-z0-9]*\s*>/i.test(head);
}

// Elements whose content is not text a reader sees.
const HIDDEN = 'script|style|template|noscript|textarea|title|head|iframe|object|svg|math|select|button';
const BLOCK = 'address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main'
  + '|nav|ol|p|pre|section|table|tr|ul';
const PARAGRAPH = /^(p|h[1-6]|blockquote|pre|table|figure)$/i;
const ATTRIBUTES = '(?:"[^"]*"|\'[^\']*\'|[^\'">])*';
const TOKENS = new RegExp([
  '<!-{2}[\\s\\S]*?(?:-{2}>|$)', // comments (spelt so that no comment opener is inlined in dist/)
  '<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>|$)',
  `<(${HIDDEN})\\b${ATTRIBUTES}>[\\s\\S]*?(?:<\\/\\1\\s*>|$)`, // hidden elements, content and all
  `<\\/?([a-zA-Z][a-zA-Z0-9-]*)${ATTRIBUTES}>`, // any other tag
  '<[!?][^>]*>', // doctype, processing instructions
].join('|'), 'gi');

/**
 * The text a reader sees in an HTML fragment or document: paragraphs and line breaks kept, script,
 * style and other hidden elements dropped, entities decoded. The markup is never given to an HTML
 * parser (no element is made, so nothing can load or run, and the page's CSP has nothing to
 * refuse); only the tag-free remainder, with every `<` escaped, is decoded by DOMParser.
 */
export function htmlToText(html) {
  // Block boundaries are marked with two private-use characters first, so that neighbouring
  // boundaries ("</li><li>") make one line break, and a paragraph's make a blank line.
  const LINE = '\uE000';
  const PARA = '\uE001';
  const marked = html.replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ').replace(TOKENS, (token, hidden, tag) => {
    if (!tag) return ' ';
    if (/^br$/i.test(tag)) return '\n';
    if (new RegExp(`^(${BLOCK})$`, 'i').test(tag)) return PARAGRAPH.test(tag) ? PARA : LINE;
    if (/^t[dh]$/i.test(tag) && token.startsWith('</')) return '\t';
    return '';
  });
  const decoded = new DOMParser().parseFromString(marked.replace(/</g, '&lt;'), 'text/html').body.textContent ?? '';
  return decoded
    .replace(/[ \t\uE000\uE001]*[\uE000\uE001][ \t\uE000\uE001]*/g, (run) => (run.includes(PARA) ? '\n\n' : '\n'))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n +/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What a paste into an article should insert: `{text, note}` when it is replaced (HTML, or HTML
 * source as plain text, turned into its text), `{text: null, note}` when the browser's own plain
 * text is right but formatting was dropped, or null for a plain paste.
 */
export function plainPaste(clipboard) {
  const plain = clipboard?.getData('text/plain') ?? '';
  const html = clipboard?.getData('text/html') ?? '';
  if (plain && looksLikeMarkup(plain)) {
    return { text: htmlToText(plain), note: 'Pasted HTML source: only its text was kept.' };
  }
  if (!plain && html) return { text: htmlToText(html), note: 'Pasted rich text: kept as plain text.' };
  if (html) return { text: null, note: 'Pasted rich text: kept as plain text (formatting, links and images dropped).' };
  return null;
}

/** Handle a paste into `textarea`; `note(text)` shows what was done (null: nothing to say). */
export function handlePaste(event, textarea, note) {
  const result = plainPaste(event.clipboardData);
  note(result?.note ?? null);
  if (!result || result.text === null) return; // the browser inserts its plain text
  event.preventDefault();
  textarea.setRangeText(result.text, textarea.selectionStart, textarea.selectionEnd, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Show (or with null, remove) a note of kind `key` under an article's text field. */
export function setArticleNote(articleEl, key, text) {
  let node = articleEl.querySelector(`.article-note[data-note="${key}"]`);
  if (!text) {
    node?.remove();
    return;
  }
  if (!node) {
    node = document.createElement('p');
    node.className = 'article-note';
    node.dataset.note = key;
    node.setAttribute('role', 'status');
    articleEl.querySelector('.article-input')?.append(node);
  }
  node.textContent = text;
}
