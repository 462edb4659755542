"""The sentence splitter on text of our own: (text, the sentences it gives)."""

import pytest

from aidwatch.extract.text import sentences

# fmt: off
CASES = [
    # a quotation holds together with the words that attribute it
    ("« Deux suffisent. Il en faut dix », dit-il. Le reste suit.", ["« Deux suffisent. Il en faut dix », dit-il.", "Le reste suit."]),
    # one never closed (« avril« , a typo) holds nothing together
    ("Livraison « fin mars, début avril« , dit-il. Le reste suit.", ["Livraison « fin mars, début avril« , dit-il.", "Le reste suit."]),
    # scraped text glues sentences; an initial or a number is no stop
    ("Le char est arrivé.Le reste suit. Il dit « déjà en Ukraine ».En octobre, rien.", ["Le char est arrivé.", "Le reste suit.", "Il dit « déjà en Ukraine ».", "En octobre, rien."]),
    ("M.Macron a livré 3.615 missiles. Le reste suit.", ["M.Macron a livré 3.615 missiles.", "Le reste suit."]),
    # a link to another article goes; the sentence it runs into stays
    ("Berlin livre.\nLire aussi : Paris envisage de livrer des chars Selon Berlin, tout va bien.", ["Berlin livre.", "Selon Berlin, tout va bien."]),
    ("Berlin livre.\nÀ LIRE AUSSI En Ukraine, sur la ligne de front\nLe texte reprend.", ["Berlin livre.", "Le texte reprend."]),
    ("LIRE AUSSI > Le climat : à quoi servent les COP ?« Il semble que non », dit-il.", ["« Il semble que non », dit-il."]),
    # « lire » elsewhere is a word like another
    ("Il faut lire aussi le rapport. Le reste suit.", ["Il faut lire aussi le rapport.", "Le reste suit."]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected
    # offsets point into the text
    assert all(text[s.start : s.end] == s.text for s in sentences(text))
