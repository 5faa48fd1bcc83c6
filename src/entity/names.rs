//! Name keys: one spelling for the many ways a name is written, so that "Andrei Karlov" and
//! "Andrey Karlov", or "Mevlut" and "Mevlüt", are recognised as the same name. The key is
//! reusable across documents (cross-document identity compares keys).

/// The comparison key of a name: lower case, diacritics folded ("Çavuşoğlu" → "cavusoglu",
/// "Zürich" → "zurich"), `y` read as `i` (transliteration variants: "Andrey"/"Andrei",
/// "Sergey"/"Sergei"), apostrophes, dots and hyphens dropped, words separated by one space.
///
/// ```
/// use dateline::entity::names::key;
/// assert_eq!(key("Andrey Karlov"), key("Andrei Karlov"));
/// assert_eq!(key("Mevlüt Mert Altıntaş"), "mevlut mert altintas");
/// assert_eq!(key("U.S."), "us");
/// assert_ne!(key("Karlov"), key("Karlova"));
/// ```
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// What an ASCII byte adds to a key (see [`ASCII_KEY`]): nothing. (The two marks are no ASCII
/// byte, so that every ASCII byte the key keeps, control bytes too, stays itself.)
const DROP: u8 = 0xFF;
/// An ASCII byte that parts words (whitespace).
const SPACE: u8 = 0xFE;
/// For each ASCII byte, what the key keeps of it: [`DROP`] for apostrophes, dots and hyphens,
/// [`SPACE`] for whitespace, else the byte in lower case with `y` read as `i`.
const ASCII_KEY: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'\t'..=b'\r' | b' ' => SPACE,
            b'\'' | b'.' | b'-' => DROP,
            b'y' | b'Y' => b'i',
            _ => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// [`key`] written into `out` (cleared first), so that a caller looking up many keys reuses one
/// buffer.
pub(crate) fn key_into(name: &str, out: &mut String) {
    out.clear();
    out.reserve(name.len());
    let mut pending_space = false;
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // An ASCII byte, most of a name, is looked up in [`ASCII_KEY`] without decoding (no
        // ASCII letter folds: only the case and the `y` change).
        if let Some(&k) = ASCII_KEY.get(usize::from(bytes[i])) {
            i += 1;
            match k {
                DROP => {}
                SPACE => pending_space = !out.is_empty(),
                _ => {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(char::from(k));
                }
            }
            continue;
        }
        let ch = name[i..].chars().next().unwrap_or_default();
        i += ch.len_utf8();
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if matches!(ch, '’' | '‐' | '‑') {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        for lower in ch.to_lowercase() {
            match fold(lower) {
                Some(folded) => out.push_str(folded),
                None if lower == 'y' => out.push('i'),
                None => out.push(lower),
            }
        }
    }
}

/// The key of each word of a name.
pub fn word_keys(name: &str) -> Vec<String> {
    name.split_whitespace().map(key).filter(|k| !k.is_empty()).collect()
}

/// A lower-case letter with a diacritic (or a ligature) as plain Latin letters.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' | 'ĝ' | 'ġ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' | 'ĩ' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ŕ' | 'ř' => "r",
        'ş' | 'ś' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "i",
        'ž' | 'ź' | 'ż' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        '\u{307}' | '\u{301}' | '\u{300}' | '\u{308}' | '\u{327}' | '\u{306}' | '\u{303}' | '\u{302}' => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn key_examples() {
        // (one spelling, another, same key?)
        let table: &[(&str, &str, bool)] = &[
            ("Andrei Karlov", "Andrey Karlov", true),
            ("Mevlut Mert Altintas", "Mevlüt Mert Altıntaş", true),
            ("Çavuşoğlu", "Cavusoglu", true),
            ("Zürich", "Zurich", true),
            ("Ögmundur", "Ogmundur", true),
            ("HURRIYET", "Hürriyet", true),
            ("Sergey  Lavrov", "Sergei Lavrov", true),
            ("İzmir", "Izmir", true),
            ("al-Assad", "alAssad", true),
            ("Karlov", "Karpov", false),
            ("Maria", "Mario", false),
            ("Theresa May", "Theresa", false),
        ];
        for (a, b, same) in table {
            assert_eq!(key(a) == key(b), *same, "{a:?} vs {b:?}: {} / {}", key(a), key(b));
        }
    }
}
