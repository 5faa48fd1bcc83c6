// The page's Content-Security-Policy allows nothing beyond its own origin and wasm compilation,
// and the HTML carries no inline script, inline style or event-handler attribute it would block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const html = readFileSync(fileURLToPath(new URL('../../www/index.html', import.meta.url)), 'utf8');

test('the CSP names only self, none and wasm-unsafe-eval', () => {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, 'no CSP meta tag');
  const directives = meta[1].split(';').map((d) => d.trim()).filter(Boolean);
  assert.ok(directives.some((d) => d.startsWith('default-src ')), 'default-src is set');
  for (const directive of directives) {
    const [, ...sources] = directive.split(/\s+/);
    for (const source of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source), `${directive}: ${source} is not allowed`);
    }
  }
});

test('no inline script, style or event handler in the HTML', () => {
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'inline <script>');
  assert.doesNotMatch(html, /<style[\s>]/, 'inline <style>');
  assert.doesNotMatch(html, /\sstyle="/, 'style attribute');
  assert.doesNotMatch(html, /\son[a-z]+="/, 'event-handler attribute');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'a resource from another origin');
});
