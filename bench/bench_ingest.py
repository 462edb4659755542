"""End-to-end ingest speed, de-duplication cost and peak memory on a generated feed.

    python bench/bench_ingest.py [--articles 100000] [--dask local] [--db URL] [--seed 1]

A JSON Lines feed of `--articles` articles is written, one line at a time
(never all in memory), to a temporary file, then `aidwatch.store.ingest`
stores it end to end (reading, language, exact-text check, aid gate, story
index, extraction, writes) into `--db` (default: a new SQLite file in a
temporary directory), extraction here or on a Dask cluster (`--dask local`:
one worker process per core). The feed, drawn from the texts of
bench/corpus/articles and eval/heldout/articles with a fixed seed:

* ~20 % on-topic: each built from 6 to 9 of the 30 aid articles (those the
  gold files give facts for), a run of one or two consecutive sentences from
  each, one paragraph per source. Every sentence is changed a little but for
  real: its numbers (years kept) are drawn again, an adverb (« notamment »,
  « également », …) goes between two plain lower-case words at one gap
  in two, which breaks most 5-word shingles, and a connective
  (« Par ailleurs, », « Selon nos informations, », …) may open it. Two of
  these articles share at most a few sentences, differently altered, so
  most are their own story: neither an exact nor a near duplicate;
* ~20 % near-duplicates: a variant (`aidwatch.dedup.variants`: new lead,
  trimmed, changed quotes, reprint, rewrite) of one of the last 1,000
  on-topic articles of the feed; each must join that article's story;
* the rest off-topic, from the 16 other articles the aid gate rejects: three
  in four are 8 to 14 of their sentences, each from a different article and
  its words shuffled two by two (as in bench_dedup.py), one in four a real
  one with a paragraph dropped, its numbers drawn again and a shuffled
  sentence added, so that its text is new; one the gate still lets through
  is drawn again (up to five times).

Printed: the feed's make-up, ingest articles/s (wall, whole run), the
`Summary` counts, the peak resident memory of this process
(`ru_maxrss`, at the end of the ingest) and of its waited-for children (Dask
workers), the peak of the sum over this process and all its children
(RSS sampled every half second with psutil, PSS every five seconds), the database size, the CPU time of this process and of its children (the
workers: wall time on a shared machine says as much about the machine as
about the code); then, in separate passes over the same data,
reading alone (JSON, language detection), reading with the exact-text hash
and the aid gate, and `StoryIndex.add` over the texts of the on-topic
articles stored, in their order: the de-duplication cost per article; and
`EventIndex.add` over the same articles (their facts read back): the cost
of event grouping per article. No
asserts: the targets are 300 articles/s on 2 cores, 1 ms of de-duplication
per article, and less than 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

from sqlalchemy import create_engine, select

from aidwatch.dedup import EventIndex, StoryIndex, report_of
from aidwatch.dedup.variants import KINDS, other_news, paragraphs, scrambled, sentences, variant
from aidwatch.extract import is_about_aid
from aidwatch.ingest.readers import read_paths
from aidwatch.model import Article
from aidwatch.run import OnDask, ingest, text_hash
from aidwatch.store.events import stored_extractions
from aidwatch.store.schema import articles

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "bench" / "corpus" / "articles", ROOT / "eval" / "heldout" / "articles")
GOLDS = (ROOT / "bench" / "corpus" / "gold.jsonl", ROOT / "eval" / "heldout" / "gold.jsonl")

CONNECTIVES = (
    "Par ailleurs, ",
    "En outre, ",
    "De son côté, ",
    "Dans le même temps, ",
    "Selon nos informations, ",
    "Pour rappel, ",
    "Toujours est-il que ",
    "À noter que ",
)
ADVERBS = ("notamment", "également", "ainsi", "d'ailleurs", "aussi", "encore", "bien", "déjà")
_NUMBER = re.compile(r"\d+")
_PLAIN = re.compile(r"[a-zàâçéèêëîïôûùüÿœ']{3,}[,;]?")
RECENT = 1_000  # on-topic articles a near-duplicate may be made from


def _sources() -> tuple[dict[str, str], dict[str, str]]:
    """The aid articles (with gold facts) and, of the others, those the aid
    gate rejects (19 of the 35 pass it: war reports, a festival, …), by id."""
    aid_ids = set()
    for gold in GOLDS:
        for line in gold.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["facts"]:
                aid_ids.add(record["doc"])
    aid, other = {}, {}
    for record in read_paths(FOLDERS):
        if isinstance(record, Article):
            if Path(record.id).name in aid_ids:
                aid[record.id] = record.text
            elif not is_about_aid(record.text):
                other[record.id] = record.text
    return aid, other


def _renumbered(text: str, rng: random.Random) -> str:
    """Numbers drawn again, with as many digits; years left alone."""

    def draw(match: re.Match) -> str:
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return digits
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 2
        return str(rng.randint(low, 10 ** len(digits) - 1))

    return _NUMBER.sub(draw, text)


def _altered(sentence: str, rng: random.Random) -> str:
    """Renumbered, an adverb slipped between two plain lower-case words now
    and then (never inside a name or a quantity), maybe a connective first."""
    words = _renumbered(sentence, rng).split()
    out = words[:1]
    for before, after in zip(words, words[1:], strict=False):
        if _PLAIN.fullmatch(before) and _PLAIN.fullmatch(after) and rng.random() < 0.5:
            out.append(rng.choice(ADVERBS))
        out.append(after)
    sentence = " ".join(out)
    if rng.random() < 0.5 and sentence[:1].isupper() and not sentence.startswith("«"):
        sentence = rng.choice(CONNECTIVES) + sentence[0].lower() + sentence[1:]
    return sentence


def _runs(text: str) -> list[list[str]]:
    """Each paragraph's sentences, headings and list items left out."""
    return [
        s
        for p in paragraphs(text)
        if (s := [x for x in sentences(p) if len(x.split()) >= 6 and not x.startswith("-")])
    ]


def on_topic(pool: dict[str, list[list[str]]], rng: random.Random) -> str:
    """One or two consecutive sentences from each of 6 to 9 aid articles, altered."""
    paras = []
    for doc in rng.sample(sorted(pool), rng.randint(6, 9)):
        para = rng.choice(pool[doc])
        start = rng.randrange(len(para))
        picked = para[start : start + rng.randint(1, 2)]
        paras.append(" ".join(_altered(s, rng) for s in picked))
    return "\n\n".join(paras) + "\n"


def real_off_topic(texts: list[str], pool: dict[str, list[str]], rng: random.Random) -> str:
    """A real war or off-topic article, a paragraph dropped, renumbered, a
    scrambled sentence added."""
    paras = paragraphs(rng.choice(texts))
    if len(paras) > 2:
        del paras[rng.randrange(1, len(paras))]
    extra = scrambled(rng.choice(pool[rng.choice(sorted(pool))]), rng)
    return "\n\n".join([*(_renumbered(p, rng) for p in paras), extra]) + "\n"


def write_feed(path: Path, n: int, seed: int) -> dict[str, int]:
    """Writes the feed to `path`, one line per article; returns its make-up."""
    aid, other = _sources()
    aid_pool = {doc: runs for doc, text in aid.items() if (runs := _runs(text))}
    other_pool = {
        doc: [s for run in runs for s in run if len(s.split()) >= 8]
        for doc, text in other.items()
        if (runs := _runs(text))
    }
    other_pool = {doc: ss for doc, ss in other_pool.items() if ss}
    other_texts = [other[doc] for doc in sorted(other)]
    rng = random.Random(seed)
    kinds = list(KINDS)
    recent: deque[str] = deque(maxlen=RECENT)
    counts = dict.fromkeys(("on-topic", "near-duplicate", "shuffled", "real off-topic"), 0)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            r = rng.random()
            if r < 0.2 or (r < 0.4 and not recent):
                text = on_topic(aid_pool, rng)
                recent.append(text)
                kind = "on-topic"
            elif r < 0.4:
                text = variant(rng.choice(kinds), rng.choice(recent), f"{seed}/{i}")
                kind = "near-duplicate"
            elif r < 0.85:
                text = other_news(other_pool, rng)
                kind = "shuffled"
            else:
                text = real_off_topic(other_texts, other_pool, rng)
                kind = "real off-topic"
            if kind in ("shuffled", "real off-topic"):
                for _ in range(5):  # a mix of sentences may pass the gate: drawn again
                    if not is_about_aid(text):
                        break
                    text = other_news(other_pool, rng)
            counts[kind] += 1
            out.write(json.dumps({"id": f"gen-{i}", "text": text}, ensure_ascii=False) + "\n")
    return counts


def _mb(kilobytes: int) -> float:
    return kilobytes / 1024  # ru_maxrss is in KiB on Linux


def _cpu() -> tuple[float, float]:
    """CPU seconds (user and system) of this process, and of its children
    that have ended and been waited for (a local cluster's workers, once
    it has stopped)."""
    me, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _db_size(url: str) -> str:
    if not url.startswith("sqlite:///"):
        return "n/a (not SQLite)"
    file = Path(url.removeprefix("sqlite:///"))
    size = sum(p.stat().st_size for p in file.parent.glob(file.name + "*") if p.is_file())
    return f"{size / 2**20:.1f} MB"


def read_pass(feed: Path) -> tuple[int, float, float, float]:
    """Reading alone, then the exact-text hash and the gate, each timed."""
    clock = time.perf_counter
    n, reading, hashing, gate = 0, 0.0, 0.0, 0.0
    stream = read_paths([feed])
    while True:
        start = clock()
        article = next(stream, None)
        reading += clock() - start
        if article is None:
            break
        if not isinstance(article, Article):
            continue
        n += 1
        start = clock()
        text_hash(article.text)
        hashing += clock() - start
        start = clock()
        is_about_aid(article.text)
        gate += clock() - start
    return n, reading, hashing, gate


def dedup_pass(url: str) -> tuple[int, float, int]:
    """`StoryIndex.add` over the stored on-topic texts, in their order:
    count, seconds, how many joined an earlier article's story."""
    engine = create_engine(url)
    index, seconds, joined, n = StoryIndex(), 0.0, 0, 0
    clock = time.perf_counter
    try:
        with engine.connect() as connection:
            rows = connection.execution_options(stream_results=True, yield_per=1000).execute(
                select(articles.c.id, articles.c.text)
                .where(articles.c.relevant)
                .order_by(articles.c.id)
            )
            for article_id, text in rows:
                key = str(article_id)
                start = clock()
                story = index.add(key, text)
                seconds += clock() - start
                n += 1
                joined += story != key
    finally:
        engine.dispose()
    return n, seconds, joined


def events_pass(url: str) -> tuple[int, float, int]:
    """`EventIndex.add` over the stored on-topic articles (their facts,
    packages, meetings and openings read back), in their order: count,
    seconds, how many joined an earlier article's event."""
    engine = create_engine(url)
    index, seconds, joined, n = EventIndex(), 0.0, 0, 0
    clock = time.perf_counter
    try:
        with engine.connect() as connection:
            for row, extraction in stored_extractions(connection):
                start = clock()
                event = index.add(report_of(extraction)).event
                seconds += clock() - start
                n += 1
                joined += event != str(row.id)
    finally:
        engine.dispose()
    return n, seconds, joined


def _pss(pid: int) -> int:
    """Proportional set size, in bytes: resident memory with the pages it
    shares with other processes (libraries, mostly) divided between them,
    so that a sum over processes counts each page once; 0 where Linux does
    not tell."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class TreeMemory:
    """The largest sums of resident memory (RSS; and PSS, shared pages
    counted once) over this process and its children (the Dask workers),
    sampled: RSS every `every` seconds, PSS every `pss_every`.

    PSS is read less often because the kernel walks a process's page tables
    to give it: about 30 ms for a Dask worker here, which every half second
    over five processes took 3 to 4 % of a two-core machine from the ingest
    being measured (and holds each process's memory map lock meanwhile)."""

    def __init__(self, every: float = 0.5, pss_every: float = 5.0):
        import psutil  # installed with distributed

        self.peak = self.peak_pss = 0
        self._me = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._sample, args=(every, max(1, round(pss_every / every))), daemon=True
        )
        self._thread.start()

    def _sample(self, every: float, pss_rounds: int) -> None:
        import psutil

        rounds = 0
        while not self._stop.wait(every):
            rounds += 1
            with_pss = rounds % pss_rounds == 0
            total = pss = 0
            for process in [self._me, *self._me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:  # ended between the listing and the reading
                    continue
                if with_pss:
                    pss += _pss(process.pid)
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, pss)

    def stop(self) -> tuple[int, int]:
        self._stop.set()
        self._thread.join()
        return self.peak, self.peak_pss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--dask", metavar="ADDRESS", help="'local' or tcp://HOST:PORT")
    parser.add_argument("--db", metavar="URL", help="default: SQLite in a temporary directory")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--model", help="a model file, or 'rules' (default: the shipped model), as --model"
    )
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    try:
        feed = tmp / "feed.jsonl"
        url = args.db or f"sqlite:///{tmp / 'bench.db'}"
        start = time.perf_counter()
        made = write_feed(feed, args.articles, args.seed)
        built = time.perf_counter() - start
        print(
            f"feed: {args.articles} articles, "
            + ", ".join(f"{k} {v}" for k, v in made.items())
            + f"; {feed.stat().st_size / 2**20:.1f} MB of JSON Lines, written in {built:.1f} s"
        )

        executor = OnDask(args.dask) if args.dask else None
        mode = f"Dask {args.dask}" if args.dask else "in-process"
        tree = TreeMemory()
        cpu_before = _cpu()
        start = time.perf_counter()
        summary = ingest([feed], url, executor=executor, model=args.model)
        seconds = time.perf_counter() - start
        driver_cpu, children_cpu = (b - a for a, b in zip(cpu_before, _cpu(), strict=True))
        peak_tree, peak_pss = (peak / 2**20 for peak in tree.stop())
        peak_self = _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        peak_children = _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(
            f"ingest ({mode}, {os.cpu_count()} cores): {summary.read} articles in {seconds:.1f} s, "
            f"{summary.read / seconds:.1f} articles/s (target: ≥ 300)"
        )
        print(
            f"summary: read {summary.read}, new {summary.new}, off-topic {summary.off_topic}, "
            f"reprints {summary.reprints}, joined an event {summary.joined}, duplicates {summary.duplicates}, "
            f"facts {summary.facts}, warnings {summary.warnings}"
        )
        print(
            f"peak memory (ru_maxrss): this process {peak_self:.0f} MB, largest waited-for "
            f"child {peak_children:.0f} MB; all processes together {peak_tree:.0f} MB RSS, "
            f"{peak_pss:.0f} MB PSS (target: < 2 GB); database {_db_size(url)}"
        )

        # CPU time says what the code costs whatever else the machine runs:
        # wall time on two cores shared with other work does not.
        cpu = driver_cpu + children_cpu
        print(
            f"CPU: this process {driver_cpu:.1f} s, its children (Dask workers) "
            f"{children_cpu:.1f} s; {cpu / summary.read * 1000:.2f} ms per article, "
            f"{2 * summary.read / cpu:.1f} articles/s if it kept both cores busy"
        )

        n, reading, hashing, gate = read_pass(feed)
        print(
            f"reading alone (JSON, language): {reading:.1f} s, {reading / n * 1000:.3f} ms/article; "
            f"text hash {hashing / n * 1000:.3f} ms/article; "
            f"aid gate {gate / n * 1000:.3f} ms/article "
            f"({(reading + hashing + gate) / seconds:.0%} of the ingest's wall time)"
        )
        on, dedup, joined = dedup_pass(url)
        if on:
            print(
                f"dedup (StoryIndex.add over the {on} on-topic texts stored): {dedup:.1f} s, "
                f"{dedup / on * 1000:.3f} ms per on-topic article, "
                f"{dedup / summary.read * 1000:.3f} ms per article read (target: ≤ 1 ms); "
                f"{joined} joined an earlier story ({made['near-duplicate']} near-duplicates "
                f"generated), {dedup / seconds:.0%} of the ingest's wall time"
            )
        on, grouping, joined = events_pass(url)
        if on:
            print(
                f"events (EventIndex.add over the {on} on-topic articles stored): "
                f"{grouping:.1f} s, {grouping / on * 1000:.3f} ms per on-topic article, "
                f"{grouping / summary.read * 1000:.3f} ms per article read; {joined} joined "
                f"an earlier article's event, {grouping / seconds:.0%} of the ingest's wall time"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
