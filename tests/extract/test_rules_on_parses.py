"""The status and donor rules on parses written by hand (words, heads,
dependency labels, parts of speech, morphology, lemmas), as spaCy's own
tests build their Docs: a rule is checked apart from the parser, so a
parser change and a rule bug can be told apart."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from aidwatch.catalog import donors_by_code
from aidwatch.extract.donors import attribute
from aidwatch.extract.status import read_status

VOCAB = spacy.blank("fr").vocab

# One word a line: (text, head index, dependency, part of speech, morphology, lemma)
PARSES = {
    "L'Allemagne livrera des chars": [
        ("L'", 1, "det", "DET", "", "le"),
        ("Allemagne", 2, "nsubj", "PROPN", "", "Allemagne"),
        ("livrera", 2, "ROOT", "VERB", "Mood=Ind|Tense=Fut|VerbForm=Fin", "livrer"),
        ("des", 4, "det", "DET", "", "un"),
        ("chars", 2, "obj", "NOUN", "Number=Plur", "char"),
    ],
    "La France a livré des canons": [
        ("La", 1, "det", "DET", "", "le"),
        ("France", 3, "nsubj", "PROPN", "", "France"),
        ("a", 3, "aux:tense", "AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin", "avoir"),
        ("livré", 3, "ROOT", "VERB", "Tense=Past|VerbForm=Part", "livrer"),
        ("des", 5, "det", "DET", "", "un"),
        ("canons", 3, "obj", "NOUN", "Number=Plur", "canon"),
    ],
    "Berlin ne livrera pas de chars": [
        ("Berlin", 2, "nsubj", "PROPN", "", "Berlin"),
        ("ne", 2, "advmod", "ADV", "Polarity=Neg", "ne"),
        ("livrera", 2, "ROOT", "VERB", "Mood=Ind|Tense=Fut|VerbForm=Fin", "livrer"),
        ("pas", 2, "advmod", "ADV", "Polarity=Neg", "pas"),
        ("de", 5, "det", "DET", "", "de"),
        ("chars", 2, "obj", "NOUN", "Number=Plur", "char"),
    ],
    "Paris envisage de livrer des chars": [
        ("Paris", 1, "nsubj", "PROPN", "", "Paris"),
        ("envisage", 1, "ROOT", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin", "envisager"),
        ("de", 3, "mark", "ADP", "", "de"),
        ("livrer", 1, "xcomp", "VERB", "VerbForm=Inf", "livrer"),
        ("des", 5, "det", "DET", "", "un"),
        ("chars", 3, "obj", "NOUN", "Number=Plur", "char"),
    ],
    "Londres a exclu de livrer des chars": [
        ("Londres", 2, "nsubj", "PROPN", "", "Londres"),
        ("a", 2, "aux:tense", "AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin", "avoir"),
        ("exclu", 2, "ROOT", "VERB", "Tense=Past|VerbForm=Part", "exclure"),
        ("de", 4, "mark", "ADP", "", "de"),
        ("livrer", 2, "xcomp", "VERB", "VerbForm=Inf", "livrer"),
        ("des", 6, "det", "DET", "", "un"),
        ("chars", 4, "obj", "NOUN", "Number=Plur", "char"),
    ],
    "Kiev demande aux Etats-Unis des chars": [
        ("Kiev", 1, "nsubj", "PROPN", "", "Kiev"),
        ("demande", 1, "ROOT", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin", "demander"),
        ("aux", 3, "case", "ADP", "", "à le"),
        ("Etats-Unis", 1, "obl:arg", "PROPN", "", "Etats-Unis"),
        ("des", 5, "det", "DET", "", "un"),
        ("chars", 1, "obj", "NOUN", "Number=Plur", "char"),
    ],
    # the parser hangs the goal on the item: « freiner » is what the systems are for
    "Les soldats utilisent des systèmes pour freiner les Russes": [
        ("Les", 1, "det", "DET", "", "le"),
        ("soldats", 2, "nsubj", "NOUN", "Number=Plur", "soldat"),
        ("utilisent", 2, "ROOT", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin", "utiliser"),
        ("des", 4, "det", "DET", "", "un"),
        ("systèmes", 2, "obj", "NOUN", "Number=Plur", "système"),
        ("pour", 6, "mark", "ADP", "", "pour"),
        ("freiner", 4, "acl", "VERB", "VerbForm=Inf", "freiner"),
        ("les", 8, "det", "DET", "", "le"),
        ("Russes", 6, "obj", "NOUN", "Number=Plur", "russe"),
    ],
    # the parser hangs « à une série » on the verb, not on « relatifs »: the
    # contracts the adjective of relation qualifies are what the item is under
    "Oslo travaille sur des contrats relatifs à une série de blindés": [
        ("Oslo", 1, "nsubj", "PROPN", "", "Oslo"),
        ("travaille", 1, "ROOT", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin", "travailler"),
        ("sur", 4, "case", "ADP", "", "sur"),
        ("des", 4, "det", "DET", "", "un"),
        ("contrats", 1, "obl:arg", "NOUN", "Number=Plur", "contrat"),
        ("relatifs", 4, "amod", "ADJ", "Number=Plur", "relatif"),
        ("à", 8, "case", "ADP", "", "à"),
        ("une", 8, "det", "DET", "", "un"),
        ("série", 1, "obl:mod", "NOUN", "Number=Sing", "série"),
        ("de", 10, "case", "ADP", "", "de"),
        ("blindés", 8, "nmod", "NOUN", "Number=Plur", "blindé"),
    ],
}

# (sentence, the item's word, the donors' words and codes, expected status, donors, basis)
CASES = [
    ("L'Allemagne livrera des chars", 4, {1: "DE"}, "pledged", ["DE"], "subject"),
    ("La France a livré des canons", 5, {1: "FR"}, "delivered", ["FR"], "subject"),
    ("Berlin ne livrera pas de chars", 5, {0: "DE"}, "refused", ["DE"], "subject"),
    ("Paris envisage de livrer des chars", 5, {0: "FR"}, "considered", ["FR"], "subject"),
    ("Londres a exclu de livrer des chars", 6, {0: "GB"}, "refused", ["GB"], "subject"),
    (
        "Kiev demande aux Etats-Unis des chars",
        5,
        {0: "UA", 3: "US"},
        "requested",
        ["US"],
        "addressee",
    ),
    (
        "Oslo travaille sur des contrats relatifs à une série de blindés",
        10,
        {0: "NO"},
        "procured",
        ["NO"],
        "subject",
    ),
]


def _doc(sentence: str) -> Doc:
    words, heads, deps, pos, morphs, lemmas = zip(*PARSES[sentence], strict=True)
    return Doc(
        VOCAB,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
        morphs=list(morphs),
        lemmas=list(lemmas),
    )


@pytest.mark.parametrize(("sentence", "item", "donors", "status", "codes", "basis"), CASES)
def test_status_and_donor_read_off_a_parse(sentence, item, donors, status, codes, basis):
    doc = _doc(sentence)
    reading = read_status(doc[item], doc[item : item + 1])
    assert reading is not None and reading.status == status
    donor_at = {i: donors_by_code()[code] for i, code in donors.items()}
    attribution = attribute(doc[item], doc[item : item + 1], reading, donor_at)
    assert (attribution.donors, attribution.basis) == (codes, basis)


def test_a_goal_hung_on_the_item_gives_it_no_status():
    doc = _doc("Les soldats utilisent des systèmes pour freiner les Russes")
    assert read_status(doc[4], doc[4:5]) is None
