"""Events: which reports `EventIndex` groups, why, and what it merges.

Articles are built by hand (`report`), each a few facts and an opening of
our own words; `WEIGHTS` is a fixed decision so that these tests state the
index's mechanics whatever the shipped weights learn, and one test checks
the shipped weights on a plain case."""

from __future__ import annotations

import pytest

from aidwatch.dedup.events import (
    CANDIDATES,
    FEATURES,
    EventIndex,
    Weights,
    family,
    features,
    lead_of,
    reason,
    report_of,
    shipped_weights,
    words,
)
from aidwatch.model import Article, Event, Evidence, Extraction, Fact, Item, Package

HERE = Evidence("", 0, 0)


def weights(intercept: float, threshold: float = 0.5, **coefficients: float) -> Weights:
    """Weights of the named `FEATURES`, the others nought."""
    return Weights(intercept, tuple(coefficients.get(f, 0.0) for f in FEATURES), threshold)


# Joins on a shared lead with shared names, a shared package or dates alike.
WEIGHTS = weights(
    -3.5,
    lead_items=2.0,
    lead_kinds=1.0,
    shared_packages=2.0,
    names_overlap=2.0,
    quantities_disagree=-2.0,
    dates_agree=2.0,
)
LEOPARD = ("DE", "leopard2", "main_battle_tank", "pledged")
ABRAMS = ("US", "abrams", "main_battle_tank", "pledged")
CAESAR = ("FR", "caesar", "howitzer", "delivered")
OBUS = ("PL", "obus", "artillery_ammunition", "pledged")


def report(
    doc, facts=(), opening="", story=None, published=None, packages=(), meetings=(), kind="exact"
):
    # A fact is (donor, item, category, status[, quantity[, date[, where its
    # sentence starts]]]): by default all in the first sentence.
    made = [
        Fact(
            donor,
            Item(item, item, category, item != "obus"),
            status,
            Evidence("", start, start + 1),
            quantity,
            kind,
            day,
        )
        for donor, item, category, status, *rest in facts
        for quantity, day, start in [tuple(rest) + (None, None, 0)[len(rest) :]]
    ]
    extraction = Extraction(
        Article(doc, doc, opening, published=published),
        story or doc,
        made,
        [Package(f"p{n}", d, None, a, c, HERE) for n, (d, a, c) in enumerate(packages)],
        [Event("meeting", m, None, None, None, HERE) for m in meetings],
    )
    return report_of(extraction)


SCHOLZ = "Le chancelier Olaf Scholz a annoncé mercredi à Berlin l'envoi de chars au Bundestag."
BIDEN = "Le président Joe Biden a annoncé depuis la Maison Blanche l'envoi de chars Abrams."


@pytest.mark.parametrize(
    "first, second, same",
    [
        # one shared fact and the same names in the opening: one event
        (report("a", [LEOPARD], SCHOLZ), report("b", [LEOPARD], SCHOLZ), True),
        # two shared facts, other words, the same week: one event
        (
            report("a", [LEOPARD, ABRAMS], published="2023-01-25"),
            report("b", [LEOPARD, ABRAMS], BIDEN, published="2023-01-27"),
            True,
        ),
        # the same, undated: not enough
        (report("a", [LEOPARD, ABRAMS]), report("b", [LEOPARD, ABRAMS], BIDEN), False),
        # the same fact in the background of two others: two events
        (
            report("a", [CAESAR, (*LEOPARD, None, None, 90)], SCHOLZ),
            report("b", [OBUS, (*LEOPARD, None, None, 90)], BIDEN),
            False,
        ),
        # one item, other donors and names: two events
        (report("a", [LEOPARD], SCHOLZ), report("b", [ABRAMS], BIDEN), False),
        # the same facts a month apart: two events
        (
            report("a", [LEOPARD, ABRAMS], published="2023-01-25"),
            report("b", [LEOPARD, ABRAMS], published="2023-02-27"),
            False,
        ),
        # the same story, nothing else shared: one event
        (report("a", [CAESAR]), report("b", [OBUS], story="a"), True),
    ],
)
def test_two_reports_are_one_event_or_two(first, second, same):
    index = EventIndex(weights=WEIGHTS)
    index.add(first)
    assert (index.add(second).event == "a") is same


@pytest.mark.parametrize(
    "first, second, scored",
    [
        # to the day: within `MAX_DAYS` days, or not
        ("2023-01-25", "2023-01-30", True),
        ("2023-01-05", "2023-01-30", False),
        # to the month: the next month may be days later, two months cannot
        ("2023-01", "2023-02", True),
        ("2023-01", "2023-03", False),
        ("2022-12", "2023-01", True),
        ("2023-01-31", "2023-03", False),
        # to the year: only years two apart
        ("2022", "2023-06", True),
        ("2022", "2024-01", False),
        # undated: anything goes
        (None, "2023-01", True),
    ],
)
def test_reports_dated_too_far_apart_are_not_scored(first, second, scored):
    index = EventIndex(weights=WEIGHTS)
    index.add(report("a", [LEOPARD], SCHOLZ, published=first))
    b = report("b", [LEOPARD], SCHOLZ, published=second)
    assert ("a" in {other for other, _ in index.scored(b)}) is scored


TAURUS_REFUSED = ("DE", "taurus", "long_range_strike", "refused")
TAURUS_PLEDGED = ("DE", "taurus", "long_range_strike", "pledged")
STORM_PLEDGED = ("GB", "storm_shadow", "long_range_strike", "pledged")


@pytest.mark.parametrize(
    "first, second, scored",
    [
        # one donor's item refused in one, pledged in the other: two events
        ([TAURUS_REFUSED], [TAURUS_PLEDGED], False),
        ([TAURUS_PLEDGED], [TAURUS_REFUSED], False),
        # a refusal recalled beside the pledge, against the refusal alone
        ([TAURUS_REFUSED], [TAURUS_REFUSED, TAURUS_PLEDGED], True),
        # ... but against the pledge alone it is at odds (the case to watch)
        ([TAURUS_REFUSED, TAURUS_PLEDGED], [TAURUS_PLEDGED], False),
        # both refuse, both pledge, or another donor's item pledged
        ([TAURUS_REFUSED], [TAURUS_REFUSED], True),
        ([TAURUS_PLEDGED], [TAURUS_PLEDGED], True),
        ([TAURUS_REFUSED], [STORM_PLEDGED], True),
        ([TAURUS_REFUSED, STORM_PLEDGED], [STORM_PLEDGED], True),
    ],
)
def test_a_refusal_and_a_pledge_of_one_item_are_not_scored(first, second, scored):
    index = EventIndex(weights=WEIGHTS)
    index.add(report("a", first, SCHOLZ, published="2023-09"))
    b = report("b", second, SCHOLZ, published="2023-09")
    assert ("a" in {other for other, _ in index.scored(b)}) is scored


def test_a_refusal_at_odds_with_a_pledge_is_still_its_story():
    # (a reprint reports what its dispatch did, whatever extraction read)
    index = EventIndex(weights=WEIGHTS)
    first = index.add(report("a", [TAURUS_REFUSED], SCHOLZ, story="s"))
    assert index.add(report("b", [TAURUS_PLEDGED], SCHOLZ, story="s")).event == first.event


@pytest.mark.parametrize(
    "first, second, agree",
    [
        ("2023-01", "2023-01", 1.0),
        ("2023-01-02", "2023-01-28", 0.0),
        ("2023-01-28", "2023-02-02", 1.0),
        ("2023-01", "2023-02", 0.0),
        ("2023", "2023-01", 0.0),
        (None, None, 0.0),
    ],
)
def test_dates_known_alike_are_a_feature(first, second, agree):
    a = report("a", [LEOPARD], published=first)
    b = report("b", [LEOPARD], published=second)
    assert features(a, b)[FEATURES.index("dates_agree")] == agree


def test_a_join_keeps_the_shared_facts_as_its_reason():
    index = EventIndex(weights=WEIGHTS)
    index.add(report("a", [LEOPARD, CAESAR], SCHOLZ))
    joined = index.add(report("b", [LEOPARD, OBUS], SCHOLZ))
    assert (joined.event, joined.partner) == ("a", "a")
    assert joined.reason == "shared facts: DE leopard2 pledged"


def test_a_report_of_two_events_merges_them_into_the_oldest():
    index = EventIndex(weights=weights(-3.0, lead_items=10.0))
    index.add(report("a", [LEOPARD]))
    index.add(report("b", [CAESAR]))
    both = index.add(report("c", [LEOPARD, CAESAR]))
    assert (both.event, both.merged) == ("a", ["b"])
    assert index.find(index.event_of["b"]) == "a"


def test_adding_an_article_again_gives_its_event():
    index = EventIndex(weights=WEIGHTS)
    index.add(report("a", [LEOPARD], SCHOLZ))
    index.add(report("b", [LEOPARD], SCHOLZ))
    assert index.add(report("b", [LEOPARD], SCHOLZ)).event == "a"


def test_the_index_forgets_the_oldest_beyond_its_capacity():
    index = EventIndex(capacity=2, weights=WEIGHTS)
    for doc in "abc":
        index.add(report(doc, [(doc.upper() + "X", "caesar", "howitzer", "delivered")]))
    assert sorted(index.reports) == ["b", "c"]
    assert index.add(report("d", [LEOPARD], SCHOLZ)).event == "d"


@pytest.mark.parametrize(
    "facts, lead_items, lead_kinds",
    [
        # the facts of the first sentence stating facts (offset 0 here)
        (
            [(*LEOPARD, None, None, 0), (*CAESAR, None, None, 80)],
            {"DE leopard2"},
            {"DE main_battle_tank"},
        ),
        # wherever that sentence starts: a text may open on other things
        (
            [(*CAESAR, None, None, 200), (*LEOPARD, None, None, 40)],
            {"DE leopard2"},
            {"DE main_battle_tank"},
        ),
        # all the facts of that sentence
        (
            [(*LEOPARD, None, None, 0), (*ABRAMS, None, None, 0)],
            {"DE leopard2", "US abrams"},
            {"DE main_battle_tank", "US main_battle_tank"},
        ),
        # a fact naming no donor counts, as "?"
        (
            [(None, "gepard", "air_defence_system", "requested")],
            {"? gepard"},
            {"? air_defence_system"},
        ),
        # ... as of the article's donor when its other facts name one only
        (
            [(None, "gepard", "air_defence_system", "delivered"), (*LEOPARD, None, None, 90)],
            {"DE gepard"},
            {"DE air_defence_system"},
        ),
        # ... and as "?" when they name two
        (
            [
                (None, "gepard", "air_defence_system", "delivered"),
                (*LEOPARD, None, None, 90),
                (*ABRAMS, None, None, 90),
            ],
            {"? gepard"},
            {"? air_defence_system"},
        ),
        ([], set(), set()),
    ],
)
def test_the_lead_is_the_first_sentence_that_states_facts(facts, lead_items, lead_kinds):
    made = report("a", facts)
    assert (made.lead_items, made.lead_kinds) == (lead_items, lead_kinds)


@pytest.mark.parametrize(
    "second, items, kinds",
    [
        # one donor, two tanks: the same kind of lead, not the same items
        ([("DE", "leopard1", "main_battle_tank", "delivered")], 0.0, 1.0),
        ([LEOPARD], 1.0, 1.0),
        # a variant of the item (the catalogue's « Leopard 2A6 » of « Leopard 2 »)
        ([("DE", "leopard2a6", "main_battle_tank", "delivered")], 1.0, 1.0),
        # ... or the family it is a variant of
        ([("DE", "leopard", "main_battle_tank", "delivered")], 1.0, 1.0),
        # the variant, another donor
        ([("PL", "leopard2a6", "main_battle_tank", "delivered")], 0.0, 0.0),
        # the Leopard named in the second sentence only: background
        ([CAESAR, (*LEOPARD, None, None, 90)], 0.0, 0.0),
    ],
)
def test_leads_in_common_are_features(second, items, kinds):
    values = features(report("a", [LEOPARD]), report("b", second))
    assert values[FEATURES.index("lead_items")] == items
    assert values[FEATURES.index("lead_kinds")] == kinds


@pytest.mark.parametrize(
    "first, second, differ",
    [
        # a howitzer and a tank in the leads: other news, one donor or two
        ([CAESAR], [("FR", "leclerc", "main_battle_tank", "pledged")], 1.0),
        ([CAESAR], [LEOPARD], 1.0),
        # one category, other items or donors: not told apart by this
        ([LEOPARD], [ABRAMS], 0.0),
        # a lead naming no donor meets a donor's of its category
        ([(None, "obus", "artillery_ammunition", "pledged")], [OBUS], 0.0),
        # one category in common among several
        ([CAESAR, LEOPARD], [ABRAMS], 0.0),
        # no lead on one side (no fact): nothing to tell
        ([CAESAR], [], 0.0),
        # the tank named in the second sentence only: background, not the lead
        ([CAESAR], [OBUS, (*LEOPARD, None, None, 90)], 1.0),
    ],
)
def test_leads_of_other_categories_are_a_feature(first, second, differ):
    values = features(report("a", first), report("b", second))
    assert values[FEATURES.index("leads_differ")] == differ


@pytest.mark.parametrize(
    "item, wider",
    [
        ("leopard2a6", ("leopard2a6", "leopard2", "leopard")),
        ("leopard1", ("leopard1", "leopard")),
        ("t72m1", ("t72m1", "t72m", "t72")),
        # a number does not go on with a digit: the Mi-24 is no Mi-2
        ("mi24", ("mi24",)),
        ("himars", ("himars",)),
        # kinds and names the catalogue does not have: themselves
        ("main_battle_tank", ("main_battle_tank",)),
        ("gen_artillery_gun", ("gen_artillery_gun",)),
    ],
)
def test_an_item_is_a_variant_of_its_family(item, wider):
    assert family(item) == wider


@pytest.mark.parametrize(
    "first, second, shared",
    [
        (["Groupe de contact"], ["Groupe de contact"], 1.0),
        # folded: case and accents aside
        (["Groupe de Contact"], ["groupe de contact"], 1.0),
        (["Groupe de contact"], ["Sommet de l'OTAN"], 0.0),
        (["Groupe de contact"], [], 0.0),
        ([], [], 0.0),
    ],
)
def test_a_meeting_both_name_is_a_feature(first, second, shared):
    values = features(
        report("a", [LEOPARD], meetings=first), report("b", [CAESAR], meetings=second)
    )
    assert values[FEATURES.index("shared_meeting")] == shared


def test_a_join_on_a_meeting_says_so():
    a = report("a", [LEOPARD], meetings=["Groupe de contact"])
    b = report("b", [CAESAR], meetings=["Groupe de contact"])
    assert reason(a, b) == "shared facts: groupe de contact"


def test_a_join_on_the_lead_alone_says_so():
    a = report("a", [LEOPARD])
    b = report("b", [("DE", "leopard2a6", "main_battle_tank", "delivered")])
    assert reason(a, b) == "shared lead: DE main_battle_tank"


@pytest.mark.parametrize(
    "amount, key",
    [(700_000_000, "US 700000000 USD"), (2_470_000_000, "US 2500000000 USD")],
)
def test_packages_are_compared_at_two_significant_figures(amount, key):
    assert report("a", packages=[("US", amount, "USD")]).packages == {key}


def test_quantities_that_disagree_are_a_feature():
    a = report("a", [(*LEOPARD, 14)])
    b = report("b", [(*LEOPARD, 18)])
    assert features(a, b)[FEATURES.index("quantities_disagree")] == 1.0


@pytest.mark.parametrize("kind, disagree", [("exact", 1.0), ("at_least", 1.0), ("approx", 0.0)])
def test_an_approximate_quantity_disagrees_with_none(kind, disagree):
    # « une dizaine de chars » in one report, « 60 chars » in the other
    a = report("a", [(*LEOPARD, 10)], kind=kind)
    b = report("b", [(*LEOPARD, 60)])
    assert features(a, b)[FEATURES.index("quantities_disagree")] == disagree


def test_the_shipped_weights_join_two_write_ups_of_one_decision():
    weights = shipped_weights()
    a = report("a", [LEOPARD, ABRAMS, CAESAR], SCHOLZ)
    b = report("b", [LEOPARD, ABRAMS, CAESAR], SCHOLZ)
    assert weights.probability(features(a, b)) >= weights.threshold
    other = report("c", [OBUS], BIDEN)
    assert weights.probability(features(a, other)) < weights.threshold
    assert reason(a, b).startswith("shared facts: ")


def test_extract_gives_the_write_ups_of_one_decision_one_event():
    from pathlib import Path

    from aidwatch.run import extract_paths

    examples = Path(__file__).resolve().parents[2] / "examples" / "events"
    results, _ = extract_paths([examples])
    event = {r.article.id: r.to_dict()["event"] for r in results}
    story = {r.article.id: r.story for r in results}
    leopard = ("berlin.txt", "bundestag.txt", "scholz.txt", "scholz-reprint.txt")
    assert {event[doc] for doc in leopard} == {"berlin.txt"}
    assert len({story[doc] for doc in leopard}) == 3
    assert event["caesar.txt"] == "caesar.txt"


@pytest.mark.parametrize(
    "first, second, same",
    [
        # plural and singular, capitals and accents: one word
        ("livraisons", "Livraison", True),
        ("blindés", "BLINDES", True),
        # a short name in capitals counts, the same letters in lower case do not
        ("AMX", "AMX", True),
        # numbers but years
        ("18 en 2023", "18", True),
        ("livraison", "livrer", False),
    ],
)
def test_words_compared_are_cut_and_folded(first, second, same):
    assert (words(first) == words(second)) is same
    assert words(first)


@pytest.mark.parametrize(
    "text", ["", "en 2023", "il a dit oui", "de la et le", "amx", "7", "mais dans pour"]
)
def test_years_short_words_and_stop_words_are_not_compared(text):
    assert words(text) == set()


@pytest.mark.parametrize("name", ["Gepard", "Patriot"])
def test_a_rare_shared_word_weighs_more_than_a_common_one(name):
    # Six earlier reports name the Leopard: two openings of our own that
    # share only it are less alike than two that share a name no other has.
    text = FEATURES.index("text_similarity")

    def similarity(shared):
        index = EventIndex(weights=WEIGHTS)
        for n in range(6):
            index.add(report(f"x{n}", [CAESAR], f"Leopard promis, numéro {n + 10}."))
        first = report("a", [CAESAR], f"{shared} livrés samedi matin.")
        second = report("b", [CAESAR], f"{shared} arrivés lundi soir.")
        index.add(first)
        return dict(index.scored(second))["a"][text], features(first, second)[text]

    rare, rare_flat = similarity(name)
    common, common_flat = similarity("Leopard")
    assert rare_flat == common_flat > 0
    assert rare > common


@pytest.mark.parametrize("name", ["Gepard", "Patriot"])
def test_the_rarest_shared_word_is_a_feature(name):
    # Six earlier reports name the Leopard: a name no other report has,
    # shared, makes `rarest_word` greater than the Leopard shared.
    rarest = FEATURES.index("rarest_word")

    def value(shared):
        index = EventIndex(weights=WEIGHTS)
        for n in range(6):
            index.add(report(f"x{n}", [CAESAR], f"Leopard promis, numéro {n + 10}."))
        index.add(report("a", [CAESAR], f"{shared} livrés samedi matin."))
        return dict(index.scored(report("b", [CAESAR], f"{shared} arrivés lundi soir.")))["a"][
            rarest
        ]

    assert value(name) > value("Leopard") > 0


# Words no event report compares (under 4 letters, not in capitals): the
# length of the lead and no more.
FILLER = " ab" * 160


def test_the_lead_is_the_title_and_first_lines():
    made = report("a", [CAESAR], "Gepard livrés samedi." + FILLER + " Patriot arrivés.")
    assert words("Gepard livrés samedi") <= lead_of(made)
    assert lead_of(made).isdisjoint(words("Patriot arrivés"))
    assert words("Patriot arrivés") <= set(made.words)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Gepard livrés samedi matin.", "Gepard livrés samedi matin.", 1.0),
        # two of the four words of each lead
        ("Gepard livrés samedi matin.", "Gepard livrés lundi soir.", 0.5),
        # over the fewer: the shorter lead's three words all in the longer
        ("Gepard livrés samedi.", "Gepard livrés samedi, annonce Berlin.", 1.0),
        # the words shared further down are not the leads'
        ("Patriot arrivés." + FILLER + " Gepard livrés samedi.", "Gepard livrés samedi.", 0.0),
        ("", "Gepard livrés samedi.", 0.0),
    ],
)
def test_the_leads_words_in_common_are_a_feature(first, second, expected):
    value = features(report("a", [CAESAR], first), report("b", [CAESAR], second))
    assert value[FEATURES.index("lead_words")] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("first", "second", "expected", "flat"),
    [
        # the newer's words no other report has: all three, two shared
        ("Gepard livrés samedi.", "Gepard livrés lundi.", 2 / 3, 2 / 3),
        # « Leopard » is in six more reports: of « livrés » and « lundi », one
        ("Leopard livrés samedi.", "Leopard livrés lundi.", 1 / 2, 2 / 3),
        # « promis » too: only « lundi » is rare, and not shared
        ("Leopard promis samedi.", "Leopard promis lundi.", 0.0, 2 / 3),
        ("Gepard livrés samedi.", "Patriot arrivés lundi.", 0.0, 0.0),
    ],
)
def test_the_share_of_the_newer_rare_words_is_a_feature(first, second, expected, flat):
    # Six earlier reports name the Leopard and say it promised; with no
    # index (`features`), every word of the newer is one no other report has.
    rare = FEATURES.index("rare_words")
    index = EventIndex(weights=WEIGHTS)
    for n in range(6):
        index.add(report(f"x{n}", [OBUS], f"Leopard promis, numéro {n + 10}."))
    index.add(report("a", [CAESAR], first))
    newer = report("b", [CAESAR], second)
    assert dict(index.scored(newer))["a"][rare] == pytest.approx(expected)
    assert features(newer, report("a", [CAESAR], first))[rare] == pytest.approx(flat)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Olaf Scholz était à Berlin.", "Olaf Scholz était à Berlin.", 1.0),
        ("Olaf Scholz était à Berlin.", "Joe Biden était à Varsovie.", 0.0),
        # two of three names each: 2 / 3
        ("Olaf Scholz était à Berlin.", "Olaf Scholz était à Varsovie.", 2 / 3),
        # over both openings' names, not the fewer (which gave 1): a short
        # opening's two names found in one naming four are half its names
        ("Olaf Scholz.", "Olaf Scholz était à Varsovie avec Andrzej.", 2 / 8**0.5),
    ],
)
def test_shared_names_are_a_cosine_of_both_openings_names(first, second, expected):
    names = FEATURES.index("names_overlap")
    value = features(report("a", [CAESAR], first), report("b", [CAESAR], second))[names]
    assert value == pytest.approx(expected)


@pytest.mark.parametrize("name", ["Pistorius", "Lecornu"])
def test_a_rare_shared_name_weighs_more_than_a_common_one(name):
    # Six earlier reports name Berlin: two openings of our own that share
    # only it are less alike by their names than two that share a name no
    # other report has (all alike unweighted).
    names = FEATURES.index("names_overlap")

    def value(shared):
        index = EventIndex(weights=WEIGHTS)
        for n in range(6):
            index.add(report(f"x{n}", [CAESAR], f"Réunion à Berlin, numéro {n + 10}."))
        first = report("a", [CAESAR], f"Selon {shared}, Varsovie attend.")
        second = report("b", [CAESAR], f"Selon {shared}, Madrid attend.")
        index.add(first)
        return dict(index.scored(second))["a"][names], features(first, second)[names]

    rare, rare_flat = value(name)
    common, common_flat = value("Berlin")
    assert rare_flat == common_flat > 0
    assert rare > common


def test_candidates_sharing_as_many_keys_are_the_latest():
    # More earlier reports than are scored, each sharing one fact with the
    # new one: the latest are scored, whatever order the index met the keys in.
    index = EventIndex(weights=WEIGHTS)
    earlier = [f"x{n:02}" for n in range(CANDIDATES + 10)]
    for doc in earlier:
        index.add(report(doc, [CAESAR]))
    scored = [other for other, _ in index.scored(report("b", [CAESAR]))]
    assert sorted(scored) == earlier[-CANDIDATES:]


def test_forgotten_reports_leave_no_word_counts():
    index = EventIndex(capacity=1, weights=WEIGHTS)
    index.add(report("a", [LEOPARD], SCHOLZ))
    index.add(report("b", [CAESAR], "Rien de commun ici, vraiment."))
    assert set(index._counts) == set(index.reports["b"].words)


def test_text_alone_can_join_reports_without_a_shared_fact():
    # weights that read only the openings' words
    by_words = weights(-4.0, text_similarity=10.0)
    index = EventIndex(weights=by_words)
    for n in range(5):
        index.add(report(f"x{n}", [CAESAR], f"Autre chose encore, numéro {n + 10}."))
    index.add(report("a", [LEOPARD], SCHOLZ))
    joined = index.add(report("b", [ABRAMS], SCHOLZ))
    assert (joined.event, joined.reason) == ("a", "shared names and wording")
    assert index.add(report("c", [ABRAMS], BIDEN)).event == "c"


@pytest.mark.parametrize(
    "weighed, bound",
    [
        # the intercept, plus the positive coefficients of the features not
        # worked out first; the threshold as a logit
        # (the proper names and meetings are worked out first: set operations)
        (weights(-3.5, 0.5, lead_items=2.0, names_overlap=2.0, text_similarity=1.0), -2.5),
        (weights(-3.5, 0.5, shared_meeting=2.0, text_similarity=1.0), -2.5),
        (weights(-3.5, 0.5, quantities_disagree=-2.0, rarest_word=1.5), -2.0),
        (weights(-1.0, 0.5, lead_kinds=5.0, dates_agree=1.0), -1.0),
    ],
)
def test_the_bound_counts_the_costly_features_at_their_most(weighed, bound):
    slack, cheap, floor = weighed._bound
    assert slack == pytest.approx(bound)
    assert floor == pytest.approx(0.0)


@pytest.mark.parametrize(
    "weighed",
    [
        WEIGHTS,
        weights(-4.0, text_similarity=10.0),
        weights(-4.5, 0.6, lead_kinds=3.0, dates_agree=2.0, names_overlap=2.0, rarest_word=1.0),
        weights(-1.5, 0.9, lead_items=1.0, text_similarity=3.0, quantities_disagree=-3.0),
    ],
)
def test_skipping_hopeless_candidates_joins_as_scoring_them_all(weighed):
    # The events `add` gives, candidates skipped by `Weights._bound`, are
    # those of the best match among all the scored pairs.
    made = [
        report("a", [LEOPARD], SCHOLZ, published="2023-01"),
        report("b", [LEOPARD, ABRAMS], BIDEN, published="2023-01"),
        report("c", [CAESAR], "Les canons Caesar sont arrivés au front lundi."),
        report("d", [(*LEOPARD, 14)], SCHOLZ),
        report("e", [OBUS, CAESAR], "Des obus et des canons Caesar promis mardi."),
        report("f", [(*LEOPARD, 18), ABRAMS], BIDEN, published="2023-02"),
        report("g", [CAESAR], "Les canons Caesar sont arrivés au front lundi."),
    ]
    index, every = EventIndex(weights=weighed), EventIndex(capacity=100)
    for made_report in made:
        matches = [
            (weighed.probability(values), other)
            for other, values in every.scored(made_report)
            if weighed.probability(values) >= weighed.threshold
        ]
        best = max(matches, default=None)
        every.restore(made_report, made_report.article)
        partner = index.add(made_report).partner
        assert partner == (best[1] if best else None)
