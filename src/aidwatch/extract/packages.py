"""Packages and totals: sums of money a sentence attributes to aid.

A package is one donor's announced tranche (« une nouvelle rallonge de 325
millions de dollars », « la dernière [tranche] en date, de 700 millions,
annoncée le 1er juin »): an amount in a sentence about a package noun, with a
donor found the way item donors are (subject, « l'aide américaine », the
running donor). A total is an aggregate (« plus de 150 milliards de dollars
d'aide depuis le début de l'invasion », « dont 65 milliards »): an aggregate
cue, or nobody named. A credit line or a budget with neither is left alone.
An amount without a currency takes the donor's (« 700 millions » about the
United States is USD) or the one stated earlier in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aidwatch.catalog import Donor, donors_by_code
from aidwatch.extract import nlp
from aidwatch.extract.language import tables
from aidwatch.extract.money import Money
from aidwatch.extract.status import lemma, lexicon, word_class
from aidwatch.extract.text import fold

_WORDS = tables()
_AGGREGATE = re.compile(r"\b(" + _WORDS.alternation("aggregate_markers") + ")", re.IGNORECASE)
_SUBSET = re.compile(r"\b(?:" + _WORDS.alternation("subset_markers") + r")\s*$", re.IGNORECASE)
# Within the sentence: a period only inside an abbreviation (« total U.S. assistance »).
_TOTAL_BEFORE = re.compile(
    r"\b(" + _WORDS.alternation("total_words") + r")\b(?:[^.]|\.(?=\S|\s+(?-i:[a-z])))*$",
    re.IGNORECASE,
)
_VALUE_WORDS = _WORDS.words("value_words")
_RECIPIENT = re.compile(r"\b(?:" + _WORDS.alternation("recipient_names") + r")\b", re.IGNORECASE)
_FOR = _WORDS.words("beneficiary_prepositions")
_MILITARY = re.compile(r"\b(?:" + _WORDS.alternation("military_words") + ")", re.IGNORECASE)


@dataclass
class MoneyReading:
    money: Money
    kind: str  # "package" or "total"
    donor: str | None
    currency: str | None
    subset: bool  # « dont 65 milliards »: part of the total before it


def _package_noun_near(root) -> bool:
    """A package noun above or beside the amount (« une rallonge de 325
    millions »), or a pledging verb taking it as object (« Londres a promis
    200 millions de livres », « 85 milliards ont été alloués »)."""
    nouns = lexicon().nouns
    token = root
    for _ in range(6):
        if nouns.get(lemma(token)) == "package":
            return True
        if token.dep_ in ("obj", "nsubj:pass") and word_class(token.head) in ("pledge", "transfer"):
            return True  # « a promis 200 millions », « 85 milliards ont été alloués »
        if (
            token.dep_ == "nsubj"
            and token.head.morph.get("Tense") == ["Past"]
            and word_class(token.head) == "pledge"
            and not any(c.dep_ == "obj" for c in token.head.children)
        ):
            return True  # « with a further €8 billion pledged through 2029 »
        if fold(token.text) in _VALUE_WORDS and (
            word_class(token.head) in ("pledge", "transfer")
            # « to purchase 3,000 drones for Ukraine, worth EUR 2 million »,
            # not a state's purchase for its own army
            or (word_class(token.head) == "procure" and _RECIPIENT.search(nlp.text_of(token.doc)))
        ):
            return True  # « will transfer drones worth 5 million euros »
        if any(
            nouns.get(lemma(c)) == "package"
            for c in token.children
            if c.dep_ in ("nmod", "obj", "nsubj", "appos")
        ):
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


_CONVERSION = re.compile(r"^\s*[(,]\s*(?:" + _WORDS.alternation("conversion_markers") + r")?\s*$")
_NEW_PACKAGE = re.compile(
    r"\b(?:"
    + _WORDS.alternation("new_words")
    + r")\s+(?:"
    + _WORDS.alternation("new_package_nouns")
    + ")",
    re.IGNORECASE,
)


def _asked_or_doubted(root) -> bool:
    """The amount hangs on a request, a refusal or a discussion."""
    token = root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and word_class(token) in ("request", "refuse", "consider"):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _donor_for(root, donor_at: dict[int, Donor]) -> list[str]:
    """Subject donors of the verbs above the amount, or donor adjectives of
    the nouns on the way (« l'aide américaine de 300 millions »)."""
    token = root
    for _ in range(10):
        for child in token.children:
            if child.dep_ == "amod" and child.i in donor_at and donor_at[child.i].can_give:
                return [donor_at[child.i].code]
            if child.dep_ in ("nsubj", "nsubj:pass", "obl:agent"):
                codes = [
                    donor_at[t.i].code
                    for t in child.subtree
                    if t.i in donor_at and donor_at[t.i].can_give
                ]
                if codes:
                    return list(dict.fromkeys(codes))
        if token.head.i == token.i:
            break
        token = token.head
    return []


def _aggregated(text: str, amounts: list[Money]) -> set[int]:
    """Indexes of the amounts an aggregate cue belongs to: each cue to the
    nearest amount, so « une aide de 400 millions, portant à 40 milliards le
    total depuis le début de l'invasion » makes only the second a total."""
    out: set[int] = set()
    for i, money in enumerate(amounts):
        if _SUBSET.search(text[: money.start]) or _TOTAL_BEFORE.search(
            text[max(0, money.start - 60) : money.start]
        ):
            out.add(i)
    for cue in _AGGREGATE.finditer(text):
        if _NEW_PACKAGE.search(text[max(0, cue.start() - 80) : cue.start()]):
            continue  # « un nouveau paquet de 400 millions, le plus important depuis le début »
        nearest = min(
            range(len(amounts)),
            key=lambda i: min(abs(cue.start() - amounts[i].end), abs(amounts[i].start - cue.end())),
            default=None,
        )
        if nearest is not None:
            out.add(nearest)
            if nearest and _CONVERSION.search(
                text[amounts[nearest - 1].end : amounts[nearest].start]
            ):
                out.add(nearest - 1)  # « 500 millions d'euros (550 millions de dollars) au total »
    return out


def _for_another_state(doc, money: Money, donor_at: dict[int, Donor]) -> bool:
    """The clause after the amount names, after « for » or « to », a state
    other than the recipient before it names the recipient: « $26 billion for
    Israel », « a $23-billion deal to sell F-16 warplanes to Turkey »."""
    previous = ""
    for token in doc:
        if token.idx < money.end:
            continue
        if token.text in (",", ";", ".") or token.idx > money.end + 80:
            return False
        donor = donor_at.get(token.i)
        if donor is not None:
            return donor.kind == "state" and previous in _FOR
        if token.pos_ != "DET":
            previous = fold(token.text)
    return False


@cache
def _states_by_currency() -> dict[str, str]:
    """Currency → the one state that uses it; not the euro (twenty states),
    nor the dollar, in which French articles convert everyone's aid."""
    users: dict[str, set[str]] = {}
    for d in donors_by_code().values():
        if d.kind == "state" and d.currency:
            users.setdefault(d.currency, set()).add(d.code)
    return {c: next(iter(codes)) for c, codes in users.items() if len(codes) == 1 and c != "USD"}


def _state_of(currency: str | None) -> str | None:
    return _states_by_currency().get(currency) if currency else None


def read_money(
    text: str, doc, amounts: list[Money], donor_at: dict[int, Donor], running: str | None
) -> list[MoneyReading]:
    out: list[MoneyReading] = []
    stated_currency = None
    aggregated = _aggregated(text, amounts)
    for i, money in enumerate(amounts):
        currency = money.currency or stated_currency
        if money.currency:
            stated_currency = money.currency
        if i and _CONVERSION.search(text[amounts[i - 1].end : money.start]):
            continue  # « 7,1 milliards de couronnes (environ 630 millions d'euros) »
        span = doc.char_span(money.start, money.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if _for_another_state(doc, money, donor_at):
            continue  # « $26 billion for Israel »
        if _asked_or_doubted(root):
            continue  # « a demandé au Congrès une rallonge de 60 milliards »: not granted
        subset = bool(_SUBSET.search(text[: money.start]))
        donors = _donor_for(root, donor_at)
        about_aid = _package_noun_near(root)
        if i in aggregated:
            out.append(
                MoneyReading(
                    money, "total", donors[0] if len(donors) == 1 else None, currency, subset
                )
            )
            continue
        if not about_aid:
            continue
        donor = donors[0] if len(donors) == 1 else (running if not donors else None)
        if donor is None and not donors:
            # « un nouveau paquet de 800 millions de dollars, qui porte le total
            # de l'aide américaine à 41 milliards »: the one giver the sentence
            # names; else « 85 milliards de couronnes norvégiennes »: the one
            # state that pays in that currency
            named = {d.code for d in donor_at.values() if d.can_give}
            donor = next(iter(named)) if len(named) == 1 else _state_of(currency)
        if donor is None:
            continue
        if currency is None:
            row = donors_by_code().get(donor)
            currency = row.currency if row else None
        out.append(MoneyReading(money, "package", donor, currency, subset))
    return out


def total_scope(text: str, reading: MoneyReading) -> str:
    """A short description of what a total covers."""
    words = [
        "military aid"
        if _MILITARY.search(text[reading.money.end : reading.money.end + 60])
        else "aid"
    ]
    if reading.donor:
        words.insert(0, reading.donor)
    match = _AGGREGATE.search(text)
    if match:
        words.append(fold(match.group(0)))
    return " ".join(words)
