#!/usr/bin/env python3
"""TempEval-3 TIMEX3 scores of system TimeML files against gold TimeML files.

A line-for-line port of dateline's ``src/eval/tempeval.rs`` (and the TimeML reading of
``src/text/timeml.rs``), so that any tool's TimeML output is scored exactly as
``dateline eval tempeval3`` scores dateline:

* the text of a document is the character data of ``<TEXT>`` (tags dropped, XML entities
  decoded); timex spans are UTF-8 byte ranges into it; empty ``<TIMEX3 .../>`` are left out;
* the system file must hold the same text as the gold file (else it is an error);
* alignment is one-to-one: identical spans first, then each remaining gold timex in text order
  takes the unmatched system timex overlapping it most (the earliest on a tie);
* strict = identical spans, relaxed = any overlap; type F1 / value F1 count relaxed matches with
  the right type / value (values compared after trimming whitespace) as true positives;
* counts add up over documents (micro-average); sub-corpus = first directory under the corpus.

Usage:
  score.py GOLD_DIR SYSTEM_DIR                 # dateline-style table
  score.py GOLD_DIR SYSTEM_DIR --json          # counts and figures as JSON (like --json of eval)
  score.py GOLD_DIR NAME=DIR [NAME=DIR ...] --markdown   # one markdown table, rows per system

A gold document with no system file is an error unless ``--missing-as-empty`` is given, in which
case it counts as a document where the system found nothing (and is named on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}

# Unicode White_Space, which is what Rust's str::trim strips (Python's str.strip also strips
# U+001C..U+001F, which are not White_Space).
_WHITE_SPACE = (
    "\u0009\u000a\u000b\u000c\u000d\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def rust_trim(s: str) -> str:
    return s.strip(_WHITE_SPACE)


def rust_trim_end(s: str) -> str:
    return s.rstrip(_WHITE_SPACE)


def decode(s: str) -> str:
    """``timeml::decode``: the five predefined entities and numeric character references."""
    if "&" not in s:
        return s
    out = []
    rest = s
    while True:
        amp = rest.find("&")
        if amp < 0:
            break
        out.append(rest[:amp])
        tail = rest[amp:]
        semi = tail.find(";")
        ch = None
        # Rust: `tail.find(';').filter(|&i| i <= 10)`, i a byte index
        if semi >= 0 and len(tail[:semi].encode("utf-8")) <= 10:
            name = tail[1:semi]
            if name in _ENTITIES:
                ch = _ENTITIES[name]
            elif name.startswith("#x"):
                ch = _char(name[2:], 16)
            elif name.startswith("#"):
                ch = _char(name[1:], 10)
        if ch is not None:
            out.append(ch)
            rest = tail[semi + 1 :]
        else:
            out.append("&")
            rest = tail[1:]
    out.append(rest)
    return "".join(out)


def _char(digits: str, radix: int) -> str | None:
    # Rust's u32::from_str_radix / parse accept an optional leading '+', digits only.
    body = digits[1:] if digits.startswith("+") else digits
    valid = "0123456789abcdefABCDEF" if radix == 16 else "0123456789"
    if not body or any(c not in valid for c in body):
        return None
    n = int(body, radix)
    if n > 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        return None
    return chr(n)


def character_data(xml: str) -> str:
    """``timeml::character_data``: tags dropped, entities decoded."""
    out = []
    rest = xml
    while True:
        lt = rest.find("<")
        if lt < 0:
            break
        out.append(decode(rest[:lt]))
        gt = rest.find(">", lt)
        rest = rest[gt + 1 :] if gt >= 0 else ""
    out.append(decode(rest))
    return "".join(out)


def nbytes(s: str) -> int:
    return len(s.encode("utf-8"))


class GoldError(Exception):
    pass


class Mention:
    __slots__ = ("start", "end", "text", "kind", "value")

    def __init__(self, start: int, end: int, text: str, kind: str, value: str):
        self.start, self.end, self.text, self.kind, self.value = start, end, text, kind, value

    def __repr__(self) -> str:
        return f"Mention({self.start}..{self.end} {self.text!r} {self.kind} {self.value})"


def attribute(attributes: str, name: str) -> str | None:
    """``tempeval::attribute``: the decoded value of ``name`` in ``a="1" b='2'``."""
    rest = attributes
    while True:
        eq = rest.find("=")
        if eq < 0:
            return None
        key = rest[:eq].strip(_WHITE_SPACE)
        after = rest[eq + 1 :].lstrip(_WHITE_SPACE)
        if not after or after[0] not in "\"'":
            return None
        quote = after[0]
        end = after.find(quote, 1)
        if end < 0:
            return None
        if key == name:
            return decode(after[1:end])
        rest = after[end + 1 :]


def read_timeml(doc: str) -> tuple[str, list[Mention]]:
    """``tempeval::read_gold``: the raw text (str) and the TIMEX3 spans (byte offsets)."""
    i = doc.find("<TEXT>")
    if i < 0:
        raise GoldError("no <TEXT> element")
    open_ = i + len("<TEXT>")
    j = doc.find("</TEXT>", open_)
    if j < 0:
        raise GoldError("no <TEXT> element")
    xml = doc[open_:j]
    text = character_data(xml)
    text_bytes = text.encode("utf-8")
    timexes: list[Mention] = []
    offset = 0
    open_tag = None
    rest = xml
    while True:
        lt = rest.find("<")
        if lt < 0:
            break
        offset += nbytes(decode(rest[:lt]))
        gt = rest.find(">", lt)
        if gt < 0:
            raise GoldError(f"malformed TimeML: unclosed tag at text offset {offset}")
        tag = rest[lt + 1 : gt]
        rest = rest[gt + 1 :]
        if tag.startswith("TIMEX3") and (len(tag) == 6 or tag[6] in _WHITE_SPACE):
            attributes = tag[6:]
            if rust_trim_end(attributes).endswith("/"):
                continue
            if open_tag is not None:
                raise GoldError(f"malformed TimeML: TIMEX3 inside TIMEX3 at text offset {offset}")
            open_tag = (offset, attributes)
        elif rust_trim_end(tag) == "/TIMEX3":
            if open_tag is None:
                raise GoldError(f"malformed TimeML: </TIMEX3> without TIMEX3 at text offset {offset}")
            start, attributes = open_tag
            open_tag = None
            values = {}
            for name in ("type", "value"):
                values[name] = attribute(attributes, name)
                if values[name] is None:
                    raise GoldError(f"malformed TimeML: TIMEX3 at text offset {start} has no {name} attribute")
            if offset > len(text_bytes):
                raise GoldError("malformed TimeML: TIMEX3 offsets outside the text")
            timexes.append(
                Mention(start, offset, text_bytes[start:offset].decode("utf-8"), values["type"], values["value"])
            )
    offset += nbytes(decode(rest))
    if open_tag is not None:
        raise GoldError(f"malformed TimeML: TIMEX3 at text offset {open_tag[0]} is never closed")
    if offset != len(text_bytes):
        raise GoldError(f"malformed TimeML: the text is {len(text_bytes)} bytes but the markup holds {offset}")
    return text, timexes


def overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def align(gold: list[Mention], system: list[Mention]) -> list[tuple[int, int]]:
    """``tempeval::align``."""
    pairs = []
    taken = [False] * len(system)
    gold_done = [False] * len(gold)
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if not taken[si] and (s.start, s.end) == (g.start, g.end):
                taken[si] = True
                gold_done[gi] = True
                pairs.append((gi, si))
                break
    for gi, g in enumerate(gold):
        if gold_done[gi]:
            continue
        best = None  # (overlap, si): largest overlap, earliest si on a tie
        for si, s in enumerate(system):
            if taken[si]:
                continue
            o = overlap(g, s)
            if o > 0 and (best is None or o > best[0]):
                best = (o, si)
        if best is not None:
            taken[best[1]] = True
            pairs.append((gi, best[1]))
    pairs.sort()
    return pairs


COUNT_KEYS = ("documents", "gold", "system", "strict_matches", "relaxed_matches", "type_correct", "value_correct")


def compare(gold: list[Mention], system: list[Mention]) -> dict:
    c = dict.fromkeys(COUNT_KEYS, 0)
    c.update(documents=1, gold=len(gold), system=len(system))
    for gi, si in align(gold, system):
        g, s = gold[gi], system[si]
        c["relaxed_matches"] += 1
        c["strict_matches"] += (g.start, g.end) == (s.start, s.end)
        c["type_correct"] += g.kind == s.kind
        c["value_correct"] += rust_trim(g.value) == rust_trim(s.value)
    return c


def percent(part: int, whole: int) -> float:
    return 0.0 if whole == 0 else 100.0 * part / whole


def prf(tp: int, system: int, gold: int) -> tuple[float, float, float]:
    p, r = percent(tp, system), percent(tp, gold)
    return p, r, (2.0 * p * r / (p + r) if p + r > 0 else 0.0)


def round2(x: float) -> float:
    # Rust: (x * 100.0).round() / 100.0, round half away from zero
    y = x * 100.0
    return (int(y + 0.5) if y >= 0 else -int(-y + 0.5)) / 100.0


def figures(name: str, c: dict) -> dict:
    r3 = lambda t: dict(zip(("precision", "recall", "f1"), map(round2, t)))
    return {
        "name": name,
        **c,
        "strict": r3(prf(c["strict_matches"], c["system"], c["gold"])),
        "relaxed": r3(prf(c["relaxed_matches"], c["system"], c["gold"])),
        "type_f1": round2(prf(c["type_correct"], c["system"], c["gold"])[2]),
        "value_f1": round2(prf(c["value_correct"], c["system"], c["gold"])[2]),
        "type_accuracy": round2(percent(c["type_correct"], c["relaxed_matches"])),
        "value_accuracy": round2(percent(c["value_correct"], c["relaxed_matches"])),
    }


def gold_files(gold_dir: Path) -> list[str]:
    """Relative `/`-separated names of every *.tml under gold_dir, sorted as Rust sorts paths."""
    names = [p.relative_to(gold_dir).as_posix() for p in gold_dir.rglob("*.tml") if p.is_file()]
    return sorted(names, key=lambda n: n.split("/"))


def score(gold_dir: Path, system_dir: Path, missing_as_empty: bool = False) -> list[dict]:
    """Rows as ``Report::figures``: each sub-corpus (when more than one), then ``overall``."""
    names = gold_files(gold_dir)
    if not names:
        raise SystemExit(f"score.py: no *.tml files under {gold_dir}")
    subcorpora: dict[str, dict] = {}
    total = dict.fromkeys(COUNT_KEYS, 0)
    missing = []
    for name in names:
        gold_text, gold = read_timeml((gold_dir / name).read_text(encoding="utf-8"))
        sys_path = system_dir / name
        if sys_path.exists():
            sys_text, system = read_timeml(sys_path.read_text(encoding="utf-8"))
            if sys_text != gold_text:
                raise SystemExit(f"score.py: {sys_path} does not hold the text of {gold_dir / name}")
        elif missing_as_empty:
            missing.append(name)
            system = []
        else:
            raise SystemExit(f"score.py: no system file {sys_path} (use --missing-as-empty to count it as empty)")
        c = compare(gold, system)
        sub = name.split("/", 1)[0] if "/" in name else "."
        acc = subcorpora.setdefault(sub, dict.fromkeys(COUNT_KEYS, 0))
        for k in COUNT_KEYS:
            acc[k] += c[k]
            total[k] += c[k]
    for name in missing:
        print(f"score.py: {system_dir}: no output for {name}, counted as no timexes", file=sys.stderr)
    rows = [figures(n, c) for n, c in subcorpora.items()] if len(subcorpora) > 1 else []
    rows.append(figures("overall", total))
    return rows


def table(rows: list[dict]) -> str:
    head = ("corpus", "docs", "gold", "system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
            "relaxed F1", "type F1", "value F1")
    out = "{:<12} {:>5} {:>6} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>8} {:>8}\n".format(*head)
    for f in rows:
        out += "{:<12} {:>5} {:>6} {:>6} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f} {:>10.2f} {:>8.2f} {:>8.2f}\n".format(
            f["name"], f["documents"], f["gold"], f["system"], f["strict"]["precision"], f["strict"]["recall"],
            f["strict"]["f1"], f["relaxed"]["precision"], f["relaxed"]["recall"], f["relaxed"]["f1"], f["type_f1"],
            f["value_f1"])
    return out


def markdown(results: list[tuple[str, list[dict]]]) -> str:
    """One table: for each corpus row (overall first, then sub-corpora), one row per system."""
    order = ["overall"] + [f["name"] for f in results[0][1] if f["name"] != "overall"]
    out = [
        "| corpus | system | docs | gold | found | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for corpus in order:
        for system, rows in results:
            f = next(r for r in rows if r["name"] == corpus)
            s, r = f["strict"], f["relaxed"]
            cells = [corpus, system, f["documents"], f["gold"], f["system"]] + [
                f"{x:.2f}" for x in (s["precision"], s["recall"], s["f1"], r["precision"], r["recall"], r["f1"],
                                     f["type_f1"], f["value_f1"])
            ]
            out.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description="TempEval-3 TIMEX3 scores, as `dateline eval tempeval3` computes them.")
    ap.add_argument("gold", type=Path, help="gold corpus directory (e.g. TBAQ-cleaned)")
    ap.add_argument("systems", nargs="+", help="system output directory, or NAME=DIR (several with --markdown)")
    ap.add_argument("--json", action="store_true", help="figures as JSON")
    ap.add_argument("--markdown", action="store_true", help="one markdown table for all systems")
    ap.add_argument("--missing-as-empty", action="store_true", help="count a missing system file as no timexes")
    args = ap.parse_args()
    results = []
    for spec in args.systems:
        name, _, path = spec.partition("=") if "=" in spec else (spec, "", spec)
        try:
            results.append((name, score(args.gold, Path(path), args.missing_as_empty)))
        except GoldError as e:
            print(f"score.py: {e}", file=sys.stderr)
            return 1
    if args.markdown:
        print(markdown(results), end="")
    elif args.json:
        out = [{"system": n, "metric": "tempeval3-timex3", "figures": rows} for n, rows in results]
        print(json.dumps(out[0] if len(out) == 1 else out, indent=2))
    else:
        for n, rows in results:
            print(f"TempEval-3 TIMEX3 scores (percent) of {n} against {args.gold}\n\n{table(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
