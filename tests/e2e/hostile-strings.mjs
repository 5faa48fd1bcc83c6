// Hostile input for the page: markup and script in every form, spreadsheet formulas, NULs, lone
// surrogates, right-to-left and mixed scripts, combining marks, astral characters before dates,
// a 50,000-character line, binary junk and 1 MB of one emoji.
//
// Each case: `name` (also put in the article's name field), `text`, and `dates`, the time
// expressions that must be highlighted on exactly those characters (UTF-16 offsets proven).

const XSS = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x-img" onerror="window.__pwned = \'img\'">',
  '<svg/onload=window.__pwned="svg">',
  '"><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '</textarea><script>window.__pwned = "textarea"</script>',
  '</script><script>window.__pwned = "script-end"</script>',
  '<a href="javascript:window.__pwned=1">link</a> javascript:window.__pwned=1',
  '<style>@import url("x-style.css"); body { background: url("x-bg.png") }</style>',
  '<link rel="stylesheet" href="x-link.css"><meta http-equiv="refresh" content="0;url=x-refresh">',
  '<object data="x-object"></object><embed src="x-embed"><base href="x-base/">',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1} `${1}`',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt; &#60;img src=x&#62; <!-- --> ]]> <![CDATA[ x ]]>',
  "' onmouseover='window.__pwned=1' \" onfocus=\"window.__pwned=1\" autofocus=\"",
];

const CSV = ['=HYPERLINK("x-csv","click")', "+cmd|' /C calc'!A0", '-2+3+cmd|" /C calc"!A0', '@SUM(1+1)*cmd|"/C calc"!A0',
  '\t=1+1', '\r=1+1'];

function junk(length, seed) {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode((x >> 16) % 256);
  }
  return out;
}

export const HOSTILE = [
  { name: XSS[0], text: `${XSS.join('\n')}\nThe talks began on December 19, 2016.`, dates: ['December 19, 2016'] },
  { name: CSV[0], text: `${CSV.join('\n')}\nA second round followed in July 2013.`, dates: ['July 2013'] },
  { name: '</script>\u0000<b>', text: 'NUL\u0000bytes\u0000 and </script> then 19 December 2016\u0000.', dates: ['19 December 2016'] },
  { name: 'lone \uD800 surrogates \uDFFF', text: '\uD800\uDC00\uDFFF\uD83D On 19 December 2016 \uDE00 in 1976 \uD800', dates: ['19 December 2016', '1976'] },
  {
    name: '\u202Eevil.exe\u202C RTL',
    text: 'שלום עולם مرحبا بالعالم \u202Ereversed\u202C Merhaba dünya. He arrived in July 2013 and left in 1976.',
    dates: ['July 2013', '1976'],
  },
  { name: 'combining', text: `${'e\u0301\u0302\u0303'.repeat(2000)} Z\u0351\u0352\u0353algo on December 19, 2016.`, dates: ['December 19, 2016'] },
  { name: 'astral', text: `${'𝒜😀🇹🇷👩‍👩‍👧'.repeat(500)}\nOn December 19, 2016 at 20:43 and in July 2013.`, dates: ['December 19, 2016 at 20:43', 'July 2013'] },
  { name: 'long line', text: `${'word '.repeat(10_000)}then on 19 December 2016.`, dates: ['19 December 2016'] },
  { name: 'binary junk', text: `${junk(20_000, 11)}\nThe ambassador came in July 2013.`, dates: ['July 2013'] },
  { name: 'one emoji, 1 MB', text: `${'😀'.repeat(262_144)} on 19 December 2016.`, dates: ['19 December 2016'] },
];

/** HTML pasted from the clipboard (text/html): only its text may reach the page. */
export const HOSTILE_HTML = '<p>On <b>December 19, 2016</b> the talks began.</p>'
  + '<img src="x-paste" onerror="window.__pwned=\'paste\'"><script>window.__pwned="paste-script"</script>'
  + '<style>body{background:url(x-paste-bg)}</style><p>A second <a href="javascript:window.__pwned=1">round</a></p>';
