"""The spaCy parser, loaded lazily once: only sentences that name an item or
an amount of money ever reach it, and a batch that has none never loads it.

The French rule lemmatizer costs as much as the parser itself (about 2 ms a
sentence here) while extraction needs the lemma of a few words per item: it
is left out of the pipeline and `lemma` runs it on demand, word by word."""

from __future__ import annotations

from functools import cache

MODEL = "fr_core_news_md"


@cache
def parser():
    import spacy

    # NER is useless for weapons (« Himars » comes out PER or LOC) and the
    # sentences are split already: both components are left out.
    return spacy.load(MODEL, exclude=["ner", "senter"])


@cache
def _lemmatizer():
    return parser().get_pipe("lemmatizer")


def parse(sentences: list[str]):
    """spaCy Docs for the sentences, in order (lemmas filled in by `lemma`)."""
    if not sentences:
        return []
    nlp = parser()
    with nlp.select_pipes(disable=["lemmatizer"]):
        return list(nlp.pipe(sentences, batch_size=64))


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
