"""Turn files and folders into `Article`s: plain text, JSON Lines and HTML.

`read_paths` streams: it yields each article as soon as it is read, and a
`Skipped` record for every input it cannot use (missing, binary, empty, too
large, undecodable, a bad JSON line), so that the caller prints one warning
per problem and goes on with the batch. An article read with a caveat (bytes
that are not UTF-8) comes right after a `Notice` naming its file, also one
warning line: its text is stored, so the analyst must know it was guessed. Readers set `Article.language` but
never drop an article for its language: extraction reads each in its own. Article text is kept as written, apart from newlines
made `\\n`, because evidence offsets point into it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from aidwatch.errors import InputError
from aidwatch.ingest.language import detect
from aidwatch.model import Article

MAX_BYTES = 5 * 1024 * 1024
BINARY_SNIFF_BYTES = 8192

TEXT_SUFFIXES = frozenset({".txt", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

# The scraped dev articles start with " date 2022-06", sometimes followed by
# the article on the same line; only that prefix and the whitespace after it go.
_DATE_PREFIX = re.compile(
    r"\A[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)(?=\s|\Z)\s*", re.IGNORECASE
)
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


@dataclass(frozen=True)
class Skipped:
    """An input that gave no article, and why (short, lowercase)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something to say about the article that comes next (short, lowercase):
    it was read, but not as written (a guessed encoding, for instance)."""

    source: str
    reason: str


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many articles `read_paths` will try to read: one per text or HTML
    file, one per non-blank line of a JSON Lines file (a progress bar's
    total: each ends as an article or a `Skipped`). Walks the folders as
    `read_paths` does, without reading the articles."""
    count = 0
    for path in map(Path, paths):
        files = _files_under(path, set()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as lines:
                        count += sum(1 for line in lines if line.strip())
                except OSError:
                    count += 1  # read_paths says what is wrong with it
            else:
                count += 1
    return count


def _files_under(folder: Path, seen: set[Path]) -> Iterator[Path]:
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _files_under(entry, seen)
        else:
            yield entry


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skipped | Notice]:
    """Articles from files and folders (recursively, by name), and what was skipped."""
    for path in paths:
        yield from _read_path(Path(path), str(path))


def _read_path(path: Path, source: str) -> Iterator[Article | Skipped | Notice]:
    if path.is_dir():
        yield from _read_folder(path, set())
    elif not path.exists():
        yield Skipped(source, "no such file or directory")
    else:
        yield from _read_file(path, source)


def _read_folder(folder: Path, seen: set[Path]) -> Iterator[Article | Skipped | Notice]:
    # A symlink back up the tree would otherwise recurse forever.
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield Skipped(str(folder), _os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _read_folder(entry, seen)
        else:
            yield from _read_file(entry, str(entry))


def _read_file(path: Path, source: str) -> Iterator[Article | Skipped | Notice]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        reader = _read_jsonl
    elif suffix in HTML_SUFFIXES:
        reader = _read_html
    elif suffix in TEXT_SUFFIXES:
        reader = _read_text
    else:
        yield Skipped(source, f"unsupported file type '{suffix}'")
        return
    try:
        if not path.is_file():
            raise InputError(source, "not a regular file")
        size = path.stat().st_size
        # A JSON Lines file is a batch: the 5 MB limit applies to each of its
        # records, not to the file, so a week of articles in one export reads.
        if size > MAX_BYTES and reader is not _read_jsonl:
            raise InputError(source, "larger than 5 MB")
        if size == 0:
            raise InputError(source, "empty")
        yield from reader(path, source)
    except InputError as error:
        yield Skipped(error.source, error.problem)
    except OSError as error:
        yield Skipped(source, _os_reason(error))


def _absolute(path: Path) -> str:
    """The file's absolute path, as an article's source is stored: a path as
    typed (`../aidwatch/examples/...`) means nothing read from elsewhere.
    Normalised (`..` resolved) but symlinks kept: the name the user knows."""
    return os.path.abspath(path)


def _read_text(path: Path, source: str) -> Iterator[Article | Notice]:
    raw = path.read_bytes()
    _reject_binary(raw[:BINARY_SNIFF_BYTES], source)
    text, caveat = decode(raw)
    if text is None:
        raise InputError(source, caveat)
    text = _normalise_newlines(text)
    published = None
    prefix = _DATE_PREFIX.match(text)
    # A malformed date ("2022-13") stays in the text: better kept than guessed.
    if prefix and _iso_date(prefix.group(1)):
        published = prefix.group(1)
        text = text[prefix.end() :]
    if not text.strip():
        raise InputError(source, "empty")
    if caveat:
        yield Notice(source, caveat)
    yield Article(
        id=path.name, source=_absolute(path), text=text, language=detect(text), published=published
    )


def _read_jsonl(path: Path, source: str) -> Iterator[Article | Skipped]:
    with path.open("rb") as lines:
        _reject_binary(lines.read(BINARY_SNIFF_BYTES), source)
        lines.seek(0)
        any_record = False
        absolute = _absolute(path)  # once a file, not once a line
        for lineno, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            any_record = True
            where = f"{source}:{lineno}"
            if len(raw) > MAX_BYTES:
                yield Skipped(where, "record larger than 5 MB")
                continue
            try:
                yield _jsonl_article(raw, where, first=lineno == 1, stored=f"{absolute}:{lineno}")
            except InputError as error:
                yield Skipped(error.source, error.problem)
    if not any_record:
        raise InputError(source, "empty")


def _jsonl_article(raw: bytes, where: str, first: bool, stored: str) -> Article:
    """The article of one JSON Lines record; `where` names it in warnings (the
    path as given), `stored` in the store when it has no URL (absolute)."""
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        raise InputError(where, "not UTF-8 text") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise InputError(where, "not valid JSON") from None
    if not isinstance(record, dict):
        raise InputError(where, "not a JSON object")

    doc_id = record.get("id")
    # bool is an int to Python, never a meaningful id.
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or doc_id == "":
        raise InputError(where, "missing id")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(where, "missing text")
    if not text.strip():
        raise InputError(where, "empty")
    published = record.get("date")
    if published is not None and not (isinstance(published, str) and _iso_date(published)):
        raise InputError(where, f"bad date '{published}'")

    text = _normalise_newlines(text)
    return Article(
        id=str(doc_id),
        source=_optional_str(record.get("url")) or stored,
        text=text,
        title=_optional_str(record.get("title")),
        language=detect(text),
        published=published,
    )


def _read_html(path: Path, source: str) -> Iterator[Article]:
    # Imported here: trafilatura is slow to import and only HTML needs it.
    import trafilatura

    raw = path.read_bytes()
    _reject_binary(raw[:BINARY_SNIFF_BYTES], source)
    if not raw.strip():
        raise InputError(source, "empty")
    # Bytes, not our decoding: trafilatura honours the page's declared charset.
    text = trafilatura.extract(
        raw, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise InputError(source, "no article text found in HTML")
    metadata = trafilatura.extract_metadata(raw)
    published = metadata.date[:10] if metadata.date else None
    text = _normalise_newlines(text)
    yield Article(
        id=path.name,
        source=_absolute(path),
        text=text,
        title=metadata.title or None,
        language=detect(text),
        published=published if published and _iso_date(published) else None,
    )


# A UTF-8 sequence of two to four bytes: text with many of them is UTF-8,
# whatever stray bytes it also holds.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# What UTF-8 read as Windows-1252 looks like: « Ã© » for « é », « â€™ » for « ’ ».
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152-\u2122]|â€|Â[\u00a0-\u00bf]")


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """The text of a file's bytes and what to warn about, or (None, reason)
    when they are not text.

    UTF-8 is read strictly. Bytes that are not UTF-8 are never decoded in
    silence (a whole file decoded as Windows-1252 because of one stray byte
    turned every « é » of its UTF-8 into « Ã© »):
    - UTF-8 with a few stray bytes (a bad copy-paste, a truncated character):
      read as UTF-8, each stray byte made U+FFFD, with a warning;
    - no UTF-8 at all (an old Windows export): read as Windows-1252, with a
      warning, since every accented letter is then one byte of it;
    - UTF-8 that was decoded wrongly once already (« soviÃ©tiques »): repaired
      when the whole text reads back as UTF-8, else kept as written, both
      with a warning; a text mixing right and wrong accents cannot be
      repaired without guessing word by word."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _not_utf8(raw, error.start)
    if not _MOJIBAKE.search(text):
        return text, None
    example = _MOJIBAKE.search(text).group()
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text, f"looks decoded twice ('{example}'), kept as written"
    return repaired, f"UTF-8 decoded twice ('{example}'), repaired"


def _not_utf8(raw: bytes, first: int) -> tuple[str | None, str]:
    # NUL bytes mean it is not text at all (UTF-16, a binary format).
    if b"\x00" in raw:
        return None, "not UTF-8 text"
    sequences = len(_UTF8_SEQUENCE.findall(raw))
    text = raw.decode("utf-8-sig", errors="replace")
    # Each run of bad bytes is one U+FFFD (Python's "replace" decoding).
    stray = text.count("\ufffd") - raw.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if sequences >= stray:
        return text, (
            f"not valid UTF-8: {stray} bad byte sequence{'s' * (stray > 1)} "
            f"(the first at byte {first}) read as U+FFFD"
        )
    try:
        return raw.decode("cp1252"), "not UTF-8: read as Windows-1252"
    except UnicodeDecodeError:
        return None, "not UTF-8 text"


def _reject_binary(head: bytes, source: str) -> None:
    if b"\x00" in head:
        raise InputError(source, "binary file")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _iso_date(value: str) -> bool:
    """True for a real `YYYY-MM` or `YYYY-MM-DD` date."""
    match = _ISO_DATE.fullmatch(value)
    if not match:
        return False
    year, month, day = match.groups()
    try:
        date(int(year), int(month), int(day or 1))
    except ValueError:
        return False
    return True


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
