"""A language's vocabulary for the extraction rules: one table, one loader.

The rules of `extract/` (list gaps, classifier nouns, future markers, ...)
keep their structure in code and take their words from
`language_<lang>.yaml`, by role: `list_words`, `package_words`,
`future_markers`. `SCHEMA` says which keys a table must have and of what
kind; a missing or unknown key, a value of the wrong type or a regex that
does not compile raises `CatalogError` naming the file and the key. Adding a
language is adding a table with the same keys. The older tables
(status_fr.yaml, numbers_fr.yaml, dates_fr.yaml, ...) keep their own loaders.

The rule modules build their patterns once, at import, from `tables()`:
the tables of `BUILDING`, the language whose rules are being imported.
`engines.py` imports the rule modules once per language with it set; every
other time it is French.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType

import yaml

from aidwatch.errors import CatalogError

# Kinds of entry:
#   words       a list of words, looked up as a set
#   sequence    a list of strings whose order matters (tried in turn)
#   forms       a list of regex fragments, joined into an alternation in order
#   categories  word → list of item categories (or null: any category)
#   classes     class → list of words, looked up word → class
#   events      a list of {name, kind, pattern} rows
#   word        one string
#   templates   a list of regexes with slots (« {count} ») the rule fills in;
#               `SLOTS` names each key's slots and a stand-in to check them
SCHEMA: dict[str, str] = {
    # sentences (text.py)
    "abbreviations": "words",
    "list_bullets": "words",
    "related_links": "forms",
    "sentence_openers": "words",
    # periods and sources (pipeline.py, published.py, status.py)
    "period_bounds": "forms",
    "period_bound_fillers": "forms",
    "period_bounds_ahead": "forms",
    "act_bound_fillers": "forms",
    "source_markers": "forms",
    "partner_markers": "forms",
    # sentence gates (pipeline.py)
    "aid_stems": "forms",
    "future_markers": "forms",
    "locative_prepositions": "forms",
    "definite_articles": "forms",
    "package_words": "forms",
    "recipient_names": "forms",
    "meeting_names": "forms",
    "contact_group_names": "forms",
    "list_gap_words": "forms",
    # facts (facts.py)
    "serving_prepositions": "words",
    "serving_gap": "forms",
    "serving_gap_articles": "forms",
    "possessives": "words",
    "list_words": "words",
    "list_heads": "words",
    "counted_groups": "forms",
    "group_counts": "classes",
    "cumulative_participles": "forms",
    "cumulative_totals": "templates",
    "pledged_participles": "sequence",
    "gap_determiners": "forms",
    "gap_conjunctions": "forms",
    "classifier_words": "forms",
    "apposed_counts": "forms",
    "total_markers": "forms",
    "domestic_purchase": "forms",
    # item groups (items.py)
    "naming_words": "forms",
    "list_conjunctions": "forms",
    "shared_head_conjunctions": "words",
    "shared_head_first_conjunctions": "words",
    "remainder_words": "forms",
    "compared_markers": "forms",
    "opposing_prefixes": "forms",
    "relation_words": "forms",
    # anaphora (anaphora.py)
    "anaphora_nouns": "categories",
    "anaphora_pointers": "forms",
    "demonstratives": "forms",
    "approximate_counts": "forms",
    "approximate_of": "forms",
    "anaphora_modifiers": "forms",
    "alike_words": "forms",
    "noun_complement_prepositions": "forms",
    "crew_nouns": "forms",
    "not_training": "forms",
    "singular_articles": "forms",
    "trainee_nouns": "forms",
    "training_denials": "forms",
    "training_on": "forms",
    "training_words": "forms",
    # donors (donors.py)
    "subject_pronouns": "words",
    "first_person": "words",
    "intent_words": "words",
    "authorising_verbs": "words",
    "fitting_verbs": "words",
    "export_words": "words",
    "stance_verbs": "words",
    "wondering_verbs": "words",
    "agreement_nouns": "words",
    "risk_verbs": "words",
    "lifting_verbs": "words",
    "saying_no_verbs": "words",
    "no_words": "words",
    "unnegating_next": "words",
    "against_words": "words",
    "concessive_words": "words",
    "hardware_nouns": "words",
    "judging_verbs": "words",
    "limiting_verbs": "words",
    "after_words": "words",
    "topic_prepositions": "words",
    "topic_nouns": "words",
    "inclusion_verbs": "words",
    "item_pronouns": "forms",
    "more_of_the_same": "forms",
    "partitive_pronouns": "words",
    "definite_item_pronouns": "words",
    "recipient_demonyms": "forms",
    "collective_subjects": "words",
    "giver_collectives": "words",
    "giver_links": "words",
    "own_possessives": "words",
    "mass_counts": "forms",
    "already_words": "words",
    "ongoing_prepositions": "words",
    "light_verbs": "words",
    "until_now": "forms",
    "holding_prepositions": "words",
    "restored_states": "words",
    "upkeep_nouns": "words",
    "restoring_prepositions": "words",
    "institution_subjects": "words",
    "singular_definite_articles": "words",
    "source_determiners": "words",
    "source_prepositions": "words",
    "agent_prepositions": "words",
    "equipping_verbs": "words",
    "loaded_nouns": "words",
    "example_markers": "words",
    "list_introducers": "words",
    "agent_nouns": "words",
    "grouping_nouns": "words",
    "comparative_markers": "forms",
    "contrast_markers": "forms",
    "maker_nouns": "forms",
    "maker_side": "word",
    "verb_clitics": "words",
    # status (status.py)
    "negation_particles": "words",
    "weak_negations": "words",
    "future_auxiliaries": "words",
    "conditional_auxiliaries": "words",
    "future_endings": "sequence",
    "conditional_endings": "sequence",
    "verb_endings": "sequence",
    "infinitive_ending": "word",
    "soon_markers": "forms",
    "cause_markers": "forms",
    "asker_prepositions": "words",
    "purpose_words": "words",
    "complementizers": "words",
    "not_yet_words": "words",
    "not_before": "words",
    "negative_subjects": "words",
    "pass_through_verbs": "words",
    "relating_adjectives": "words",
    "light_verb_objects": "classes",
    "tender_complements": "words",
    "infinitive_endings": "sequence",
    "finite_endings": "sequence",
    "not_trigger_stems": "words",
    "participle_endings": "sequence",
    "adjective_participle_endings": "sequence",
    "going_to_auxiliaries": "words",
    "perfect_auxiliaries": "words",
    "condition_words": "words",
    "condition_marks": "words",
    "part_nouns": "words",
    "out_of_question": "words",
    "destined_verbs": "words",
    "desire_verbs": "words",
    "done_transfer_nouns": "words",
    "particle_requests": "words",
    "request_particles": "words",
    "speech_refusals": "forms",
    "increase_verbs": "words",
    "anonymity_conditions": "forms",
    "wish_lists": "forms",
    "system_missiles": "forms",
    "system_and_missiles": "forms",
    "system_parts": "forms",
    "purchase_frames": "forms",
    "purchase_sellers": "words",
    "progressive_done": "words",
    "kind_anaphors": "forms",
    "kind_gaps": "forms",
    "war_recipient_before": "forms",
    "war_recipient_after": "forms",
    "other_recipient_relations": "words",
    "other_recipient_cases": "words",
    "seller_cases": "words",
    "payer_frames": "forms",
    "personal_pronouns": "words",
    "performed_transfers": "forms",
    "shipment_departures": "forms",
    "sale_words": "forms",
    "holder_links": "words",
    "holder_levels": "word",
    "confirming_verbs": "words",
    "in_service_lemmas": "words",
    "in_service_prefixes": "sequence",
    "recipient_places": "words",
    "in_progress": "sequence",
    "possible_idioms": "forms",
    "wish_verbs": "words",
    "ability_modals": "words",
    "ban_words": "words",
    "law_nouns": "words",
    "alike_prepositions": "words",
    "witnessing_verbs": "words",
    "former_times": "words",
    "await_verbs": "words",
    "answered_request": "forms",
    "request_nouns": "forms",
    "addressed_requests": "forms",
    "first_to": "forms",
    "completion_verbs": "words",
    "happening_verbs": "words",
    "means_prepositions": "words",
    "being_there_verbs": "forms",
    "being_there_adverbs": "forms",
    "being_there_future": "words",
    "in_ukraine": "forms",
    "wanting_forms": "forms",
    "wanted_participles": "forms",
    "ukraine_forms": "forms",
    "example_givers": "words",
    # events (events.py)
    "event_kinds": "events",
    "meeting_words": "forms",
    "meeting_places": "sequence",
    "place_prepositions": "forms",
    "participant_nouns": "forms",
    # packages and totals (packages.py)
    "aggregate_markers": "forms",
    "subset_markers": "forms",
    "total_words": "forms",
    "military_words": "forms",
    "conversion_markers": "forms",
    "new_words": "forms",
    "new_package_nouns": "forms",
    # the date of each fact (fact_dates.py)
    "act_participles": "classes",
    "relative_pronouns": "words",
    "act_participle_adverbs": "words",
    # dating by known commitments (commitments.py)
    "first_words": "words",
    "first_ahead": "forms",
    "value_words": "words",
    "beneficiary_prepositions": "words",
}

# The slots of each `templates` key, with a stand-in of the same groups.
SLOTS: dict[str, dict[str, str]] = {
    "cumulative_totals": {"participle": r"(?P<part>\w+)", "count": r"(?P<n>\d+)"},
}


@dataclass(frozen=True)
class EventKind:
    name: str
    kind: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Language:
    """One language's table, validated. Entries are read by key and kind:
    `words("list_words")`, `alternation("future_markers")`."""

    source: str
    entries: Mapping[str, object]

    def _get(self, key: str, kind: str):
        if SCHEMA.get(key) != kind:
            raise KeyError(f"{key!r} is not a {kind} entry of the language tables")
        return self.entries[key]

    def words(self, key: str) -> frozenset[str]:
        return self._get(key, "words")

    def sequence(self, key: str) -> tuple[str, ...]:
        return self._get(key, "sequence")

    def forms(self, key: str) -> tuple[str, ...]:
        return self._get(key, "forms")

    def alternation(self, key: str) -> str:
        """The key's regex fragments joined by « | », in the table's order."""
        return "|".join(self.forms(key))

    def categories(self, key: str) -> Mapping[str, frozenset[str] | None]:
        return self._get(key, "categories")

    def classes(self, key: str) -> Mapping[str, str]:
        return self._get(key, "classes")

    def events(self, key: str) -> tuple[EventKind, ...]:
        return self._get(key, "events")

    def word(self, key: str) -> str:
        return self._get(key, "word")

    def templates(self, key: str, **slots: str) -> tuple[str, ...]:
        """The key's regexes with their slots filled: `templates(key, count=r"...")`."""
        templates = self._get(key, "templates")
        if set(slots) != set(SLOTS[key]):
            raise KeyError(f"{key!r} takes the slots {sorted(SLOTS[key])}, not {sorted(slots)}")
        out = []
        for template in templates:
            for slot, regex in slots.items():
                template = template.replace("{" + slot + "}", regex)
            out.append(template)
        return tuple(out)


# The language of the rule modules being imported (see engines.py).
BUILDING = "fr"


def tables(lang: str | None = None) -> Language:
    """The shipped table of `lang` (language_<lang>.yaml), loaded once; by
    default the language of the rules being built."""
    return _shipped(lang or BUILDING)


@cache
def _shipped(lang: str) -> Language:
    name = f"language_{lang}.yaml"
    return load(resources.files(__package__).joinpath(name), name)


def load(source: Path | Traversable, name: str | None = None) -> Language:
    """Read and validate a language table from a file or package resource.

    Raises:
        CatalogError: the file is not YAML, or a key is missing, unknown, of
            the wrong type, or holds a regex that does not compile.
    """
    name = name or str(source)
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise CatalogError(f"{name}: cannot be read: {err}") from err
    if not isinstance(raw, dict):
        raise CatalogError(f"{name}: not a mapping of keys to words")
    missing = [k for k in SCHEMA if k not in raw]
    if missing:
        raise CatalogError(f"{name}: missing key {missing[0]!r}")
    unknown = [k for k in raw if k not in SCHEMA]
    if unknown:
        raise CatalogError(f"{name}: unknown key {unknown[0]!r}")
    entries = {}
    for key, kind in SCHEMA.items():
        try:
            if kind == "templates":
                entries[key] = _templates(raw[key], SLOTS[key])
            else:
                entries[key] = _READERS[kind](raw[key])
        except _Bad as err:
            raise CatalogError(f"{name}: key {key!r}: {err}") from None
    return Language(name, MappingProxyType(entries))


class _Bad(Exception):
    """A value that does not fit its kind (reported with the key)."""


def _strings(value) -> list[str]:
    if not isinstance(value, list) or not value:
        raise _Bad("expected a non-empty list of strings")
    for item in value:
        if not isinstance(item, str) or not item:
            raise _Bad(f"expected a non-empty string, got {item!r}")
    if len(set(value)) != len(value):
        twice = next(v for v in value if value.count(v) > 1)
        raise _Bad(f"{twice!r} is listed twice")
    return value


def _compiled(regex: str) -> re.Pattern:
    try:
        return re.compile(regex)
    except re.error as err:
        raise _Bad(f"bad regex {regex!r}: {err}") from None


def _forms(value) -> tuple[str, ...]:
    forms = _strings(value)
    for form in forms:
        _compiled(form)
    _compiled("|".join(forms))
    return tuple(forms)


def _categories(value) -> Mapping[str, frozenset[str] | None]:
    if not isinstance(value, dict) or not value:
        raise _Bad("expected a mapping of words to lists of categories")
    out: dict[str, frozenset[str] | None] = {}
    for word, categories in value.items():
        if not isinstance(word, str):
            raise _Bad(f"expected a word, got {word!r}")
        out[word] = None if categories is None else frozenset(_strings(categories))
    return MappingProxyType(out)


def _classes(value) -> Mapping[str, str]:
    if not isinstance(value, dict) or not value:
        raise _Bad("expected a mapping of classes to lists of words")
    out: dict[str, str] = {}
    for cls, words in value.items():
        for word in _strings(words):
            if word in out:
                raise _Bad(f"{word!r} is in two classes")
            out[word] = str(cls)
    return MappingProxyType(out)


def _events(value) -> tuple[EventKind, ...]:
    if not isinstance(value, list) or not value:
        raise _Bad("expected a list of {name, kind, pattern} rows")
    out = []
    for n, row in enumerate(value, start=1):
        if not isinstance(row, dict) or set(row) != {"name", "kind", "pattern"}:
            raise _Bad(f"row {n}: expected exactly name, kind and pattern")
        if not all(isinstance(v, str) and v for v in row.values()):
            raise _Bad(f"row {n}: expected strings")
        out.append(EventKind(row["name"], row["kind"], _compiled(row["pattern"])))
    return tuple(out)


def _templates(value, slots: dict[str, str]) -> tuple[str, ...]:
    templates = _strings(value)
    for template in templates:
        filled = template
        for slot, stand_in in slots.items():
            if "{" + slot + "}" not in template:
                raise _Bad(f"{template!r} has no slot {{{slot}}}")
            filled = filled.replace("{" + slot + "}", stand_in)
        _compiled(filled)
    return tuple(templates)


def _word(value) -> str:
    if not isinstance(value, str) or not value:
        raise _Bad("expected one non-empty string")
    return value


_READERS = {
    "words": lambda value: frozenset(_strings(value)),
    "sequence": lambda value: tuple(_strings(value)),
    "forms": _forms,
    "categories": _categories,
    "classes": _classes,
    "events": _events,
    "word": _word,
}
