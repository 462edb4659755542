"""systems.csv: coverage, categories, alias uniqueness and id/name consistency."""

from __future__ import annotations

import re
import unicodedata

import pytest

from aidwatch.catalog import systems


def _fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _alias_key(alias: str) -> str:
    """An alias as the uniqueness check compares it: folded, `=` dropped,
    hyphens and apostrophes as spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[-'’]", " ", _fold(alias.replace("=", ""))).split())


def _compact(text: str) -> str:
    """Folded with every non-alphanumeric removed, as the eval normalises names."""
    return re.sub(r"[^a-z0-9]", "", _fold(text.replace("=", "")))


def _by_id():
    return {s.item.id: s for s in systems()}


def test_at_least_150_specific_rows():
    assert sum(s.item.specific for s in systems()) >= 150


def test_at_least_50_generic_rows():
    assert sum(not s.item.specific for s in systems()) >= 50


# (id, category): named systems of this war, then generic kinds.
CATEGORY_OF = [
    ("himars", "mlrs"),
    ("javelin", "anti_tank_weapon"),
    ("mi17", "helicopter"),
    ("mig29", "fighter_aircraft"),
    ("leopard2a6", "main_battle_tank"),
    ("patriot", "air_defence_system"),
    ("stinger", "manpads"),
    ("mq1c_gray_eagle", "drone"),
    ("storm_shadow_scalp", "long_range_strike"),
    ("atacms", "long_range_strike"),
    ("caesar", "howitzer"),
    ("m777", "howitzer"),
    ("bradley", "infantry_fighting_vehicle"),
    ("f16", "fighter_aircraft"),
    ("harpoon", "anti_ship_missile"),
    ("switchblade", "loitering_munition"),
    ("starlink", "communications"),
    ("m113", "armoured_personnel_carrier"),
    ("nasams", "air_defence_system"),
    ("abrams", "main_battle_tank"),
    ("gen_heavy_tank", "main_battle_tank"),
    ("gen_light_armoured_vehicle", "armoured_vehicle"),
    ("gen_artillery_shell", "artillery_ammunition"),
    ("gen_long_range_weapon", "long_range_strike"),
    ("gen_combat_aircraft", "fighter_aircraft"),
]


@pytest.mark.parametrize(("sid", "category"), CATEGORY_OF)
def test_row_has_its_category(sid, category):
    assert _by_id()[sid].item.category == category


@pytest.mark.parametrize(("sid", "category"), CATEGORY_OF)
def test_gen_prefix_marks_a_generic_kind(sid, category):
    assert _by_id()[sid].item.specific is not sid.startswith("gen_")


# (alias as written in the table, id): the common French kinds an analyst records.
GENERIC_ALIASES = [
    ("char lourd", "gen_heavy_tank"),
    ("blindé léger", "gen_light_armoured_vehicle"),
    ("obus", "gen_artillery_shell"),
    ("obus de 155 mm", "gen_155mm_shell"),
    ("avion de combat", "gen_combat_aircraft"),
    ("défense antiaérienne", "gen_air_defence"),
    ("missile sol-air", "gen_surface_to_air_missile"),
    ("missile de longue portée", "gen_long_range_missile"),
    ("lance-roquette multiple", "gen_mlrs"),
    ("munition rôdeuse", "gen_loitering_munition"),
]


@pytest.mark.parametrize(("alias", "sid"), GENERIC_ALIASES)
def test_generic_alias_belongs_to_its_kind(alias, sid):
    assert alias in _by_id()[sid].aliases


def test_no_alias_belongs_to_two_rows():
    owners: dict[str, set[str]] = {}
    for s in systems():
        for alias in s.aliases:
            owners.setdefault(_alias_key(alias), set()).add(s.item.id)
    shared = {alias: sorted(ids) for alias, ids in owners.items() if len(ids) > 1}
    assert not shared


# Words too vague for an analyst to record as an item.
@pytest.mark.parametrize(
    "word",
    [
        "arme",
        "armes",
        "armement",
        "équipement",
        "matériel",
        "aide",
        "système",
        "missile",
        "véhicule",
    ],
)
def test_vague_word_is_not_an_alias(word):
    assert all(_alias_key(word) not in {_alias_key(a) for a in s.aliases} for s in systems())


def _id_matches_a_name(s) -> bool:
    # The id is derived from what the system is called: its display name or
    # one of its aliases (« pzh2000 » from the alias « PzH 2000 »).
    sid = s.item.id.replace("_", "")
    names = [_compact(n) for n in (s.item.name, *s.aliases)]
    return any(len(n) >= 3 and (n in sid or sid in n) for n in names)


def test_every_specific_id_comes_from_its_name_or_an_alias():
    bad = [
        (s.item.id, s.item.name) for s in systems() if s.item.specific and not _id_matches_a_name(s)
    ]
    assert not bad
