"""The data tables extraction matches against, loaded once from package data.

`systems.csv`: weapon systems and generic equipment kinds, one row each:
    id, name, category, specific, aliases
`aliases` is `|`-separated. Matching ignores case, accents, hyphens versus
spaces, apostrophes and a plural s/x on words of three letters or more, so an
alias is written once (« char lourd » also finds « Chars-lourds »). An alias
starting with `=` is a proper noun that is also a common word (« =Mistral »,
« =Bradley »): it matches only capitalised or in capitals.

`donors.csv`: states and bodies, one row each:
    code, name_fr, name_en, kind, currency, names, demonyms, metonyms
`kind` is `state`, `body` (EU, NATO), `recipient` (Ukraine) or `adversary`
(Russia and its suppliers): only states and bodies can be donors, but the
others must be recognised so that « Kiev a reçu » is not read as a donor.
`names` and `metonyms` match capitalised (they are proper nouns: « Paris »,
« la Maison Blanche »); `demonyms` match in any case (« britanniques »,
« les Américains »).

`officials.csv`: people who speak for a state or body, one row a term:
    code, name, aliases, role, start, end   (start/end YYYY-MM, end empty if in office)
« Olaf Scholz a annoncé » is Germany speaking. Names and aliases match
capitalised, like the donors' names.

Tables are validated at load: a bad row raises `CatalogError` naming it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aidwatch.errors import CatalogError
from aidwatch.model import CATEGORIES, Item

DONOR_KINDS = ("state", "body", "recipient", "adversary")


@dataclass(frozen=True)
class System:
    item: Item
    aliases: tuple[str, ...]  # as written in the table, `=` marking case-sensitive ones


@dataclass(frozen=True)
class Donor:
    code: str
    name_fr: str
    name_en: str
    kind: str
    currency: str | None
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]

    @property
    def can_give(self) -> bool:
        return self.kind in ("state", "body")


def _rows(filename: str) -> list[tuple[int, dict[str, str]]]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    # Line numbers are 1-based and count the header, as an editor shows them.
    return [(n, row) for n, row in enumerate(reader, start=2)]


def _keyed_rows(filename: str, key: str):
    """(where, key value, cleaned row) for each row, the key present and unique."""
    seen: set[str] = set()
    for line, row in _rows(filename):
        where = f"{filename} line {line}"
        value = (row.get(key) or "").strip()
        if not value or value in seen:
            raise CatalogError(f"{where}: missing or duplicate {key} {value!r}")
        seen.add(value)
        yield where, value, {k: (v or "").strip() for k, v in row.items()}


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


@cache
def systems() -> tuple[System, ...]:
    """Every row of systems.csv, validated."""
    out = []
    for where, sid, row in _keyed_rows("systems.csv", "id"):
        category = row.get("category", "")
        if category not in CATEGORIES:
            raise CatalogError(f"{where}: unknown category {category!r}")
        specific = row.get("specific", "").lower()
        if specific not in ("true", "false"):
            raise CatalogError(f"{where}: specific must be true or false, not {specific!r}")
        aliases = _split(row.get("aliases"))
        if not aliases:
            raise CatalogError(f"{where}: no aliases")
        name = row.get("name") or sid
        out.append(System(Item(sid, name, category, specific == "true"), aliases))
    return tuple(out)


@cache
def items_by_id() -> dict[str, Item]:
    return {s.item.id: s.item for s in systems()}


@cache
def _items_by_key() -> dict[str, Item]:
    """Each item under its normalised id, name and aliases (« Leopard 2A6 »,
    « leopard2a6 »), the first row winning when two share a key."""
    from aidwatch.textnorm import normalise_name

    keyed: dict[str, Item] = {}
    for system in systems():
        for key in (system.item.id, system.item.name, *system.aliases):
            keyed.setdefault(normalise_name(key.lstrip("=")), system.item)
    return keyed


def item_named(words: str) -> Item | None:
    """The catalogue item a person means by `words`: its id, its name or one
    of its aliases, in any case and with or without accents, spaces and
    hyphens (« himars », « HIMARS », « Leopard 2 »); None if none."""
    from aidwatch.textnorm import normalise_name

    return _items_by_key().get(normalise_name(words)) if words.strip() else None


@cache
def donors() -> tuple[Donor, ...]:
    """Every row of donors.csv, validated."""
    out = []
    for where, code, row in _keyed_rows("donors.csv", "code"):
        kind = row.get("kind", "")
        if kind not in DONOR_KINDS:
            raise CatalogError(f"{where}: unknown kind {kind!r}")
        out.append(
            Donor(
                code=code,
                name_fr=row.get("name_fr", ""),
                name_en=row.get("name_en", ""),
                kind=kind,
                currency=row.get("currency") or None,
                names=_split(row.get("names")),
                demonyms=_split(row.get("demonyms")),
                metonyms=_split(row.get("metonyms")),
            )
        )
    return tuple(out)


@cache
def donors_by_code() -> dict[str, Donor]:
    return {d.code: d for d in donors()}


@dataclass(frozen=True)
class Official:
    code: str
    name: str
    aliases: tuple[str, ...]
    role: str
    start: str | None  # YYYY-MM
    end: str | None

    def in_office(self, when: str | None) -> bool:
        if not when:
            return True
        month = when[:7]
        return (self.start is None or self.start <= month) and (
            self.end is None or month <= self.end
        )


@cache
def officials() -> tuple[Official, ...]:
    """Every row of officials.csv, validated."""
    known = donors_by_code()
    out = []
    for line, row in _rows("officials.csv"):
        where = f"officials.csv line {line}"
        code = (row.get("code") or "").strip()
        if code not in known:
            raise CatalogError(f"{where}: unknown code {code!r}")
        name = (row.get("name") or "").strip()
        if not name:
            raise CatalogError(f"{where}: no name")
        dates = [(row.get(k) or "").strip() or None for k in ("start", "end")]
        for value in dates:
            if value is not None and not (
                len(value) == 7 and value[4] == "-" and value.replace("-", "").isdigit()
            ):
                raise CatalogError(f"{where}: bad month {value!r}")
        aliases = tuple(dict.fromkeys((name, *_split(row.get("aliases")))))
        out.append(
            Official(code, name, aliases, (row.get("role") or "").strip(), dates[0], dates[1])
        )
    return tuple(out)
