"""Stories: reprints and rewrites of one dispatch are grouped, other stories
on the same topic stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidwatch.dedup import StoryIndex
from aidwatch.dedup.minhash import SCHEME, SEED, signature
from aidwatch.dedup.stories import Bands, shingles
from aidwatch.ingest.readers import read_paths
from aidwatch.model import Article

DEV = Path(__file__).resolve().parents[2] / "examples" / "dev" / "articles"

DISPATCH = (
    "Les Etats-Unis ont annoncé mardi une nouvelle tranche d'aide militaire de 400 millions de dollars "
    "pour l'Ukraine, comprenant des munitions pour les lance-roquettes HIMARS, des obus de 155 mm et "
    "des véhicules blindés Bradley, a indiqué le Pentagone dans un communiqué. Cette aide, la "
    "quarantième depuis le début de l'invasion russe, doit permettre aux forces ukrainiennes de tenir "
    "le front pendant l'hiver, selon un haut responsable américain qui s'exprimait sous couvert "
    "d'anonymat. Le secrétaire à la Défense a réaffirmé le soutien de Washington à Kiev."
)
OTHER_STORY = (
    "L'Allemagne a livré à l'Ukraine un troisième système de défense antiaérienne IRIS-T, a annoncé "
    "jeudi le ministère allemand de la Défense, qui promet d'en envoyer d'autres d'ici la fin de "
    "l'année. Berlin est devenu le deuxième soutien militaire de Kiev derrière Washington, avec des "
    "livraisons de chars Leopard, d'obusiers PzH 2000 et de systèmes Patriot depuis le début de la guerre."
)


@pytest.mark.parametrize(
    "variant",
    [
        DISPATCH,  # the same text again
        "WASHINGTON (AFP) - " + DISPATCH,  # a new dateline
        "Nouveau soutien américain à Kiev. "
        + DISPATCH.rsplit(".", 2)[0]
        + ".",  # a new lead, last sentence cut
        DISPATCH.replace(
            "a indiqué le Pentagone dans un communiqué", "selon le Pentagone"
        ),  # reworded attribution
    ],
)
def test_reprints_and_light_rewrites_join_the_first_story(variant):
    index = StoryIndex()
    assert index.add("first", DISPATCH) == "first"
    assert index.add("second", variant) == "first"


def test_another_story_on_the_same_topic_stays_apart():
    index = StoryIndex()
    index.add("first", DISPATCH)
    assert index.add("second", OTHER_STORY) == "second"


def test_short_texts_are_grouped_only_when_identical():
    index = StoryIndex()
    assert index.add("a", "Kiev a reçu des chars.") == "a"
    assert index.add("b", "Kiev a reçu des chars !") == "a"  # same words
    assert index.add("c", "Kiev a reçu des obus.") == "c"


def test_adding_an_article_twice_gives_its_story():
    index = StoryIndex()
    index.add("first", DISPATCH)
    assert index.add("first", OTHER_STORY) == "first"


def test_dev_set_stories():
    index = StoryIndex()
    stories = {
        a.id[:3]: index.add(a.id, a.text) for a in read_paths([DEV]) if isinstance(a, Article)
    }
    assert stories["001"] == stories["000"]
    assert len({stories[k] for k in ("000", "002", "003", "004")}) == 4


THIRD_STORY = (
    "La Norvège va financer l'achat de munitions d'artillerie pour l'armée ukrainienne dans le cadre "
    "d'un fonds commun géré par le Royaume-Uni, a annoncé vendredi le gouvernement norvégien, qui "
    "porte ainsi sa contribution à plusieurs centaines de millions de couronnes pour cette année, "
    "selon un communiqué publié à Oslo après une réunion des ministres de la Défense nordiques."
)


@pytest.mark.parametrize("merge", [1, 2, 1024])  # band keys merged into the arrays, or waiting
def test_the_index_forgets_its_oldest_articles_beyond_its_capacity(monkeypatch, merge):
    monkeypatch.setattr(Bands, "MERGE", merge)
    index = StoryIndex(capacity=2)
    for article_id, text in (("a", DISPATCH), ("b", OTHER_STORY), ("c", THIRD_STORY)):
        assert index.add(article_id, text) == article_id
    assert sorted(index.story_of) == sorted(index.signatures) == ["b", "c"]
    assert index.add("c-reprint", "OSLO (AFP) - " + THIRD_STORY) == "c"
    # « a » is out of every band, and its exact text with it.
    assert index.add("a-reprint", DISPATCH) == "a-reprint"
    assert list(index.story_of) == ["c-reprint", "a-reprint"] and len(index.exact) == 2


def test_an_exact_reprint_adds_nothing_to_remember():
    index = StoryIndex(capacity=2)
    index.add("a", DISPATCH)
    for n in range(5):
        assert index.add(f"reprint-{n}", DISPATCH.upper()) == "a"
    assert list(index.story_of) == ["a"]


@pytest.mark.parametrize("merge", [1, 3, 1024])
def test_bands_find_what_datasketch_finds(monkeypatch, merge):
    """The same candidates as datasketch's MinHashLSH with the same bands,
    whether the keys wait or were merged, and after removals."""
    from datasketch import LeanMinHash, MinHashLSH

    monkeypatch.setattr(Bands, "MERGE", merge)
    texts = [a.text for a in read_paths([DEV]) if isinstance(a, Article)]
    texts += [DISPATCH, "WASHINGTON (AFP) - " + DISPATCH, OTHER_STORY, THIRD_STORY]
    signatures = [signature(shingles(text)) for text in texts]
    theirs_of = [LeanMinHash(seed=SEED, hashvalues=s.hashvalues, scheme=SCHEME) for s in signatures]
    ours, theirs = Bands(), MinHashLSH(threshold=0.1, num_perm=128)
    for key, (mine, their) in enumerate(zip(signatures, theirs_of, strict=True)):
        ours.insert(key, mine)
        theirs.insert(key, their)
    for key in (0, 5):
        ours.remove(key)
        theirs.remove(key)
    ours.insert("late", signatures[5])
    theirs.insert("late", theirs_of[5])
    for mine, their in zip(signatures, theirs_of, strict=True):
        assert sorted(map(str, ours.query(mine))) == sorted(map(str, theirs.query(their)))
