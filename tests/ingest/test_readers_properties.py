"""Readers on arbitrary files (Hypothesis): whatever the bytes, reading never
raises, every input gives articles or one-line warnings naming it, and no
text is decoded otherwise than as strict UTF-8 without a warning."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from aidwatch.ingest.readers import Notice, Skipped, decode, read_paths
from aidwatch.model import Article

SUFFIXES = [".txt", "", ".jsonl", ".html", ".md"]

# French words and the bytes that break files: UTF-8 and Windows-1252
# accents, NULs, stray continuation bytes, a BOM, CR and LF.
WORDS = ["Kiev", " reçoit", " des obus", " à l’Ukraine", ".", " date 2022-06 ", "\n", "\r\n"]
PIECES = st.one_of(
    st.sampled_from(WORDS).map(lambda word: word.encode("utf-8")),
    st.sampled_from(WORDS).map(lambda word: word.encode("cp1252")),
    st.sampled_from([b"\x00", b"\x80", b"\xc3", b"\xe9", b"\xef\xbb\xbf", b"{", b'"}', b"<p>"]),
    st.text(max_size=20).map(lambda text: text.encode("utf-8")),
)
CONTENTS = st.one_of(
    st.binary(max_size=300),
    st.lists(PIECES, max_size=30).map(b"".join),
    st.text(max_size=300).map(lambda text: text.encode("utf-8")),
)


@settings(max_examples=300, deadline=None)
@given(content=CONTENTS, suffix=st.sampled_from(SUFFIXES))
def test_any_file_gives_articles_or_one_line_warnings(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(content)
        records = list(read_paths([path]))
    assert records
    for n, record in enumerate(records):
        if isinstance(record, Article):
            assert record.text.strip() and "\r" not in record.text
        else:
            assert isinstance(record, Skipped | Notice)
            assert record.source.startswith(str(path))
            assert record.reason and "\n" not in record.reason
        if isinstance(record, Notice):
            # A notice is about the article right after it.
            assert isinstance(records[n + 1], Article)


@settings(max_examples=500, deadline=None)
@given(raw=CONTENTS)
def test_bytes_are_never_decoded_otherwise_than_utf8_in_silence(raw):
    text, caveat = decode(raw)
    if text is None:
        assert caveat  # not text: the reason to skip it
    elif caveat is None:
        assert text == raw.decode("utf-8-sig")
    else:
        assert "\n" not in caveat
