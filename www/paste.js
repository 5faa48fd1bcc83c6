// What the reader pastes: HTML or rich text becomes plain text (with a note saying so), and the
// size limit per article. Pasted markup is only ever parsed by DOMParser into an inert document
// (no script runs, nothing is fetched) to read its text.

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

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);
const PARAGRAPHS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'FIGURE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME',
  'OBJECT', 'SVG', 'MATH', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** The text a reader sees in an HTML fragment or document: paragraphs and line breaks kept. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = [];
  const walk = (node, pre) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out.push(pre ? child.data : child.data.replace(/\s+/g, ' '));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (SKIPPED.has(tag)) continue;
        if (tag === 'BR') {
          out.push('\n');
          continue;
        }
        const block = BLOCKS.has(tag);
        const gap = PARAGRAPHS.has(tag) ? '\n\n' : '\n';
        if (block) out.push(gap);
        walk(child, pre || tag === 'PRE');
        if (block) out.push(gap);
        else if (tag === 'TD' || tag === 'TH') out.push('\t');
      }
    }
  };
  walk(doc.body ?? doc.documentElement, false);
  return out.join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
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
