"""The spaCy parser, loaded lazily once: only sentences that name an item or
an amount of money ever reach it, and a batch that has none never loads it.

The French rule lemmatizer costs as much as the parser itself (about 2 ms a
sentence here) while extraction needs the lemma of a few words per item: it
is left out of the pipeline and `lemma` runs it on demand, word by word."""

from __future__ import annotations

from collections import OrderedDict
from functools import cache

import numpy

from aidwatch.extract.text import fold

MODEL = "fr_core_news_md"

# Parses kept for sentences seen again: a feed carries the same wire story in
# many reprints and rewrites, whose sentences are mostly word for word the
# same. A parse depends on the sentence's text alone. About 10 KB a sentence
# once its tensor is dropped, so this holds a few hundred MB at most.
CACHED_SENTENCES = 20_000


@cache
def parser():
    import spacy

    # NER is useless for weapons (« Himars » comes out PER or LOC) and the
    # sentences are split already: both components are left out.
    return spacy.load(MODEL, exclude=["ner", "senter"])


@cache
def _lemmatizer():
    return parser().get_pipe("lemmatizer")


_PARSED: OrderedDict[str, object] = OrderedDict()
_NO_TENSOR = numpy.zeros((0,), dtype="float32")  # what a Doc has before tok2vec


def parse(sentences: list[str]):
    """spaCy Docs for the sentences, in order (lemmas filled in by `lemma`).

    A sentence parsed recently is not parsed again: its Doc is shared, and
    read only (but for the lemmas `lemma` fills in, the same each time)."""
    if not sentences:
        return []
    found = {}
    for text in sentences:
        if text not in found and (doc := _PARSED.get(text)) is not None:
            _PARSED.move_to_end(text)
            found[text] = doc
    missing = list(dict.fromkeys(t for t in sentences if t not in found))
    if missing:
        nlp = parser()
        with nlp.select_pipes(disable=["lemmatizer"]):
            for text, doc in zip(missing, nlp.pipe(missing, batch_size=64), strict=True):
                # The token vectors served the parser; nothing reads them after.
                doc.tensor = _NO_TENSOR
                found[text] = _PARSED[text] = doc
        while len(_PARSED) > CACHED_SENTENCES:
            _PARSED.popitem(last=False)
    return [found[text] for text in sentences]


def folded(doc) -> str:
    """`fold(doc.text)`, computed once per parse (`Doc.text` joins its tokens
    anew at every call)."""
    found = doc.user_data.get("folded")
    if found is None:
        found = doc.user_data["folded"] = fold(doc.text)
    return found


_LEMMAS: dict[tuple[str, str, str], str] = {}


def lemma(token) -> str:
    """The token's lemma, computed the first time it is asked for."""
    if not token.lemma_:
        # The same word with the same tags has the same lemma: remembered.
        key = (token.text, token.pos_, str(token.morph))
        found = _LEMMAS.get(key)
        if found is None:
            found = _LEMMAS[key] = _lemmatizer().rule_lemmatize(token)[0]
            if len(_LEMMAS) > 200_000:
                _LEMMAS.clear()
        token.lemma_ = found
    return token.lemma_
