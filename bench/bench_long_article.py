"""Over-long articles: one line of 150 KB or 1.2 MB in a folder of good ones.

    python bench/bench_long_article.py [--sizes 150000 1200000] [--guard-off]

Each size gets a folder of its own: the five example articles and one
generated article, a single line of that many characters with no sentence
end (a page scraped onto one line), on aid (so it is extracted, not set
aside as off-topic). Each folder is ingested by `aidwatch ingest` into a
new SQLite store, in a child process of its own so its peak memory is its
own; the model load (about 4 s) is included, as a user pays it. Printed:
wall time, peak RSS of the child, articles stored, warnings, facts.

`--guard-off` raises the guard's limits out of the way (the code before
issue 11.2: the whole text extracted, every sentence parsed) for the
figure to compare with; at 1.2 MB that run ends in spaCy's E088.
No asserts: the target is under 30 s for the 1.2 MB article.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "dev" / "articles"
# Our own words, repeated without a full stop: one endless sentence.
LINE = (
    "les alliés promettent encore des obus et des chars Leopard à l'Ukraine selon le "
    "ministre qui évoque une aide militaire de 700 millions de dollars "
)

# Run in the child: its own peak RSS reported at exit (the last line of
# stderr), the guard's limits raised with --guard-off, then the CLI.
CHILD = (
    "import atexit, resource, sys; "
    "atexit.register(lambda: print('peak-kb', resource.getrusage(resource.RUSAGE_SELF)"
    ".ru_maxrss, file=sys.stderr)); "
    "{guard}"
    "from aidwatch.cli import app; app()"
)
GUARD_OFF = (
    "import aidwatch.extract.nlp as nlp, aidwatch.run.reading as reading; "
    "nlp.MAX_SENTENCE_CHARS = reading.MAX_SENTENCE_CHARS = 10**9; "
    "reading.MAX_EXTRACTED_CHARS = 10**9; "
)


def folder_with(size: int, directory: Path) -> Path:
    folder = directory / f"articles-{size}"
    shutil.copytree(EXAMPLES, folder)
    text = (LINE * (size // len(LINE) + 1))[:size]
    (folder / "one-line.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def ingest(folder: Path, store: Path, guard_off: bool) -> tuple[float, int, list[str], int]:
    """Wall seconds, peak RSS of the child in MB, its other stderr lines, its exit status."""
    child = CHILD.format(guard=GUARD_OFF if guard_off else "")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", child, "ingest", str(folder), "--db", f"sqlite:///{store}"],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    peak = int(lines.pop().split()[1]) // 1024 if lines and lines[-1].startswith("peak-kb") else 0
    return wall, peak, lines, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150_000, 1_200_000])
    parser.add_argument("--guard-off", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        for size in sorted(options.sizes):
            folder = folder_with(size, directory)
            store = directory / f"store-{size}.db"
            wall, peak, stderr, status = ingest(folder, store, options.guard_off)
            stored = facts = 0
            if store.exists():
                with sqlite3.connect(store) as db:
                    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
                    facts = db.execute("SELECT count(*) FROM facts").fetchone()[0]
            print(
                f"{size:>9,} characters on one line: {wall:5.1f} s, peak {peak:,} MB, "
                f"exit {status}, {stored} of 6 articles stored, {facts} facts"
            )
            for line in stderr[-3:]:
                print(f"    {line[:160]}")


if __name__ == "__main__":
    main()
