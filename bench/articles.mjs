// The long news articles the re-analysis benchmarks use (reanalysis.mjs, page-edit.mjs):
// PolNeAR's news texts (../shared/data/polnear/data/dev/text), joined in file order until each
// article holds the words asked for.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEXTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'polnear', 'data', 'dev', 'text');

/** `count` article texts of at least `words` words each. */
export function newsArticles(count, words) {
  if (!fs.existsSync(TEXTS)) throw new Error(`the news texts are missing: ${TEXTS}`);
  const files = fs.readdirSync(TEXTS).filter((f) => f.endsWith('.txt')).sort();
  const out = [];
  let at = 0;
  while (out.length < count) {
    let text = '';
    let n = 0;
    while (n < words) {
      if (at === files.length) at = 0;
      const part = fs.readFileSync(path.join(TEXTS, files[at++]), 'utf8');
      text += `${part.trim()}\n\n`;
      n += part.split(/\s+/).filter(Boolean).length;
    }
    out.push(text);
  }
  return out;
}
