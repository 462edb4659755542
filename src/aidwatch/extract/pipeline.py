"""Article → Extraction: the whole extraction stage.

First a cheap pass over every sentence with the tables alone (items, donors,
money, dates); only sentences naming an item or an amount are parsed, in one
spaCy batch per article. Then the sentences are read in order, keeping the
article's running donor and its current package, and the article's facts are
merged (facts.py). `extract_article(article)` is the library entry point.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from aidwatch.catalog import Donor
from aidwatch.extract import anaphora, decide, nlp
from aidwatch.extract.candidates import sentence_candidates
from aidwatch.extract.commitments import (
    date_by_commitments,
    date_by_placed_months,
    years_of_month,
)
from aidwatch.extract.dates import DateMention, _norm, _table, find_dates
from aidwatch.extract.donors import RunningDonor, main_subject
from aidwatch.extract.events import sentence_events
from aidwatch.extract.fact_dates import PART_END as _PARTS
from aidwatch.extract.fact_dates import attachments, own_date
from aidwatch.extract.facts import (
    Draft,
    SentenceContext,
    answered_requests,
    merge_facts,
    partner_facts,
    sentence_facts,
)
from aidwatch.extract.items import ItemGroup, group_items, system_missiles
from aidwatch.extract.language import tables
from aidwatch.extract.mentions import (
    Mention,
    find_donors,
    find_systems,
    has_words,
    word_keys,
    words_between,
)
from aidwatch.extract.money import Money, find_money
from aidwatch.extract.packages import read_money, total_scope
from aidwatch.extract.published import (
    FIRST_YEAR,
    date_article,
    is_future_clause,
    is_invasion_day,
    iso_month,
    month_index,
    month_range,
)
from aidwatch.extract.status import may_give_status
from aidwatch.extract.text import Sentence, fold, sentences
from aidwatch.model import Article, Event, Evidence, Extraction, Fact, Package, Total

_WORDS = tables()
_ABOUT_AID = re.compile(r"\b(" + _WORDS.alternation("aid_stems") + ")")
# « la première requête adressée à Israël »: a request made to a named state
_ADDRESSED = re.compile(r"\b(?:" + _WORDS.alternation("addressed_requests") + r")\b")
_AHEAD_BOUND = re.compile(_WORDS.alternation("period_bounds_ahead"))
_FUTURE = re.compile(r"\b(" + _WORDS.alternation("future_markers") + r")\b")
_LOCATIVE = re.compile(
    r"\b("
    + _WORDS.alternation("locative_prepositions")
    + r")\s+("
    + _WORDS.alternation("definite_articles")
    + ")?$"
)
_PACKAGE_WORDS = re.compile(r"\b(" + _WORDS.alternation("package_words") + r")\b")
_ARTICLE_WORDS = 60
_OPENS_WITHIN = 4  # characters before a state that opens its sentence (« La », « L'»)
_UKRAINE = re.compile(r"\b(" + _WORDS.alternation("recipient_names") + ")")
_MEETINGS = re.compile(_WORDS.alternation("meeting_names"))
_CONTACT_GROUP = re.compile(_WORDS.alternation("contact_group_names"))


@dataclass
class SentenceScan:
    """What the cheap pass found in one sentence."""

    sentence: Sentence
    groups: list[ItemGroup]
    donors: list[Mention]
    money: list[Money]
    base: str | None  # the article's date, to resolve this sentence's dates
    _dates: list[DateMention] | None = None

    @cached_property  # asked several times per sentence
    def needs_parse(self) -> bool:
        if len(self.sentence.text) > nlp.MAX_SENTENCE_CHARS:
            return False  # a page on one line, not a sentence: see nlp.py
        # An amount is only parsed when the sentence speaks of aid or names a
        # state: « 2,4 milliards d'euros » of a company's sales never is.
        if _HEADING.match(self.sentence.text):
            return False  # « - Les SCALP toujours livrés - » repeats the text below it
        folded = fold(self.sentence.text)
        return bool(self.groups and may_give_status(folded)) or bool(
            self.money
            and (_PACKAGE_WORDS.search(folded) or any(m.ref.can_give for m in self.donors))
        )

    @property
    def dates(self) -> list[DateMention]:
        """Date expressions, found only for the sentences that need them."""
        if self._dates is None:
            self._dates = _sentence_dates(self.sentence.text, self.base)
        return self._dates


def _sentence_dates(text: str, base: str | None) -> list[DateMention]:
    # A sentence about what is to come still names past dates (« après
    # une réunion en mai, les alliés doivent se réunir le 15 juin »):
    # there, a date without a year is the nearest one, not next year's.
    prefer = "nearest" if _FUTURE.search(fold(text)) else "past"
    return find_dates(text, base=base, prefer=prefer)


def scan(
    article: Article, words: list[tuple[int, int, str]] | None = None, base: str | None = None
) -> list[SentenceScan]:
    """The table-only first pass over an article's sentences (`words`: the
    article's `word_keys`, when already computed; `base`: the day to resolve
    relative dates against, when more precise than the article's month)."""
    out: list[SentenceScan] = []
    recent: list[tuple[int, object]] = []  # (sentence index, system) of named systems
    named_kinds: list[tuple[int, object]] = []  # (sentence index, kind) of kinds named
    kinds: dict[str, tuple[int, object]] = {}  # kind → (sentence index, system) it named
    if words is None:
        words = word_keys(fold(article.text))
    for s in sentences(article.text):
        groups, givers, money = _sentence_tables(
            s.text, words_between(words, s.start, s.end), article.published
        )
        window = [(index, system) for index, system in recent if s.index - index <= 3]
        kinds_before = [k for index, k in named_kinds if s.index - index <= 2]
        if window or groups or kinds_before:
            latest = window[-1][0] if window else None
            groups = anaphora.resolve(
                s.text,
                groups,
                [system for _, system in window],
                [system for index, system in window if index == latest],
                kinds_before,
            )
        groups = [
            g
            for g in _kinds_resolved(s.text, s.index, groups, kinds)
            if not _remainder(s.text, g) and not _compared_with(s.text, g)
        ]
        recent += [
            (s.index, g.system) for g in groups if g.specific and g.mentions[0].form != "anaphor"
        ]
        named_kinds += [(s.index, g.system) for g in groups if not g.specific]
        out.append(
            SentenceScan(
                s,
                groups,
                givers,
                money,
                base or article.published,
            )
        )
    return out


# The table lookups of sentences seen recently (items, givers, money), by
# text and article date (which picks a country's official): a feed's
# reprints and rewrites bring back most of their sentences word for word, as
# for the parses kept in nlp.py (40 % of the sentences of a 6,000-article
# feed's on-topic articles). Each entry holds the hash of the sentence's
# words as cut out of its article, which the lookups read: a sentence cut
# differently from the same text is looked up afresh. Half as many as the
# parses: about 1.5 KB each, and most reprints come back soon.
_TABLES: OrderedDict[tuple[str, str | None], tuple[int, tuple, tuple, tuple]] = OrderedDict()
_TABLES_KEPT = max(1, nlp.CACHED_SENTENCES // 2)


def _sentence_tables(
    text: str, words: list[tuple[int, int, str]], published: str | None
) -> tuple[list[ItemGroup], list[Mention], list[Money]]:
    """The sentence's item groups (before anaphora), givers and amounts."""
    key = (text, published)
    words_hash = hash(tuple(words))
    found = _TABLES.get(key)
    if found is not None and found[0] == words_hash:
        _TABLES.move_to_end(key)
    else:
        groups = system_missiles(text, group_items(text, find_systems(text, words)))
        givers = _givers(text, find_donors(text, words, published))
        found = _TABLES[key] = (words_hash, tuple(groups), tuple(givers), tuple(find_money(text)))
        if len(_TABLES) > _TABLES_KEPT:
            _TABLES.popitem(last=False)
    # Copies: a scan's lists are its own.
    return list(found[1]), list(found[2]), list(found[3])


# An elided word (« l' ») has no word boundary after it.
_LIST_GAP = re.compile(
    r"^(?:\s|,|"
    + "|".join(
        r"\b" + w + ("" if w.endswith("'") else r"\b") for w in _WORDS.forms("list_gap_words")
    )
    + ")*$"
)


_SOURCE = re.compile(r"\b(?:" + _WORDS.alternation("source_markers") + r")\b[^,;:]*$")
_CONTRAST = re.compile(r"\b(?:" + _WORDS.alternation("contrast_markers") + r")\b[^,;:]*$")
# « le fabricant turc », « German company »: a company's or a newspaper's
# nationality, not a giver; the noun stands before the demonym or after it.
_MAKER_BEFORE = _WORDS.word("maker_side") == "before"
_MAKER = (
    re.compile(r"\b(?:" + _WORDS.alternation("maker_nouns") + r")\s+$")
    if _MAKER_BEFORE
    else re.compile(r"^[\s-]+(?:" + _WORDS.alternation("maker_nouns") + r")\b")
)
_HEADING = re.compile(r"^\s*[-–—]\s.*\s[-–—]\s*$")
# A date after these words bounds a period (« depuis février 2022 », « d'ici
# 2028 ») rather than dating the act.
_BOUND = re.compile(
    r"\b("
    + _WORDS.alternation("period_bounds")
    + r")\s*(?:"
    + _WORDS.alternation("act_bound_fillers")
    + ")?$"
)


_KIND_DETERMINER = re.compile(r"\b(?:" + _WORDS.alternation("kind_anaphors") + r")\s+$", re.I)
# « Gepard anti-aircraft tanks »: a kind named right after a system (`kind_gaps`)
_KIND_GAP = re.compile(r"(?:" + _WORDS.alternation("kind_gaps") + ")", re.I)


# « along with other arms and ammunition », « et d'autres équipements »: the
# rest of a list, left unnamed, is no item of its own.
_REMAINDER = re.compile(
    r"\b(?:"
    + _WORDS.alternation("remainder_words")
    + r")\s+(?:[\w-]+\s+(?:"
    + _WORDS.alternation("list_conjunctions")
    + r")\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


# « des Leclerc, comparables aux Leopard »: the item compared with is not given.
_COMPARED_WITH = re.compile(
    r"\b(?:" + _WORDS.alternation("compared_markers") + r")\s*(?:(?:le|la|les|l'|the|a|an)\s*)?$"
)


def _compared_with(text: str, group: ItemGroup) -> bool:
    return _COMPARED_WITH.search(fold(text[max(0, group.start - 40) : group.start])) is not None


def _remainder(text: str, group: ItemGroup) -> bool:
    return (
        not group.specific
        and _REMAINDER.search(text, max(0, group.start - 40), group.start) is not None
    )


def _kinds_resolved(
    text: str, index: int, groups: list[ItemGroup], kinds: dict[str, tuple[int, object]]
) -> list[ItemGroup]:
    """« Germany sends Gepard anti-aircraft tanks. ... Kyiv wants the tanks »:
    a kind pointed at (`kind_anaphors`) stands for the system it was last
    named after in the three sentences before; `kinds` learns this
    sentence's pairs."""
    out = []
    for g in groups:
        named = kinds.get(g.system.item.id)
        if (
            not g.specific
            and named is not None
            and index - named[0] <= 3
            and _KIND_DETERMINER.search(text, max(0, g.start - 12), g.start)
        ):
            system = named[1]
            g = ItemGroup(g.start, g.end, system, (Mention(g.start, g.end, system, "anaphor"),))  # type: ignore[arg-type]
        out.append(g)
    merged: list[ItemGroup] = []
    for b in out:
        a = merged[-1] if merged else None
        if (
            a is not None
            and a.specific
            and not b.specific
            and _KIND_GAP.fullmatch(text, a.end, b.start)
        ):
            # the kind describes the system: one item
            kinds[b.system.item.id] = (index, a.system)
            merged[-1] = ItemGroup(a.start, b.end, a.system, (*a.mentions, *b.mentions))
            continue
        merged.append(b)
    return merged


def _fact_date(text: str, dates: list[DateMention], base: str | None = None) -> str | None:
    """The date of the sentence's act: its first date that may date an act
    (`_usable`)."""
    for d, usable in zip(dates, _usable(text, dates, base), strict=True):
        if usable:
            return d.iso
    return None


def _usable(text: str, dates: list[DateMention], base: str | None = None) -> list[bool]:
    """Whether each date may date an act the sentence reports: one that is
    not a bound, nor after the article's month (`base`): an article reports
    acts done, and a date still to come (« prévoit de livrer fin mars » in
    January) is that of the delivery it plans, not of the pledge it reports;
    nor a date in a clause in the future tense (« quatre de plus suivront en
    2024 »), nor the day the war began (« depuis l'invasion, le 24 février
    2022 »)."""
    folded = fold(text) if dates else ""
    out = []
    for d in dates:
        out.append(
            bool(d.iso)
            and not _BOUND.search(folded[max(0, d.start - 25) : d.start])
            # « deux autres suivront en 2024 »: a time to come
            and not is_future_clause(folded, d.start)
            and not is_invasion_day(d, folded)
            and not (
                base and len(base) >= 7 and d.iso[: min(7, len(d.iso))] > base[: min(7, len(d.iso))]
            )
        )
    return out


# Quotation marks: straight ones open and close alike.
_OPENING, _CLOSING = "«“", "»”"
_ATTRIBUTION = re.compile(r"\s*,")


def _quote_balance(text: str) -> int:
    """How many quotations the sentence leaves open (> 0) or closes (< 0);
    a straight mark counts as opening on the first sentence, closing after."""
    return sum(text.count(c) for c in _OPENING) - sum(text.count(c) for c in _CLOSING)


def _quotations(scans: list[SentenceScan]) -> dict[int, tuple[SentenceScan, int]]:
    """Sentence index → (the sentence closing its quotation, where the words
    after the closing mark begin), for the sentences of a quotation of
    several sentences whose words of attribution come after it (« "Nous
    livrons ... Je pense qu'il faut continuer", a déclaré le président le 22
    avril »): what its sentences say was said when the attribution says."""
    out: dict[int, tuple[SentenceScan, int]] = {}
    inside: list[SentenceScan] = []
    for sc in scans:
        text = sc.sentence.text
        straight = text.count('"')
        if not inside:
            if _quote_balance(text) > 0 or (straight % 2 == 1 and text.lstrip()[:1] == '"'):
                inside = [sc]
            continue
        same = sc.sentence.paragraph == inside[0].sentence.paragraph and len(inside) < 5
        closing = _quote_balance(text) < 0 or straight % 2 == 1
        if not same:
            inside = []
            continue
        if not closing:
            inside.append(sc)
            continue
        # The words after the closing mark: « », a déclaré X le 22 avril ».
        end = max(text.rfind(c) for c in (*_CLOSING, '"')) + 1
        if _ATTRIBUTION.match(text, end):
            for q in (*inside, sc):
                out[q.sentence.index] = (sc, end)
        inside = []
    return out


def _quotation_date(closing: tuple[SentenceScan, int] | None) -> str | None:
    """The date the attribution after a quotation gives (see `_quotations`)."""
    if closing is None:
        return None
    sc, end = closing
    tail = sc.sentence.text[end:]
    return _fact_date(tail, _sentence_dates(tail, sc.base), sc.base)


def _own_dates(s: Sentence, sc: SentenceScan, new: list[Draft], date: str | None) -> None:
    """Each fact that took the sentence's date takes its own (fact_dates.py):
    « reçu ce 27 mars les chars promis en janvier » dates the promise by
    January and the delivery by March."""
    if date is None or len(new) == 0:
        return
    dates = sc.dates
    usable = _usable(s.text, dates, sc.base)
    items = {(g.start, g.end) for g in sc.groups}
    items |= {
        (d.fact.mention.start - s.start, d.fact.mention.end - s.start)
        for d in new
        if d.fact.mention is not None
    }
    attached = attachments(fold(s.text), dates, sorted(items))
    if not attached and not _PARTS.search(s.text):
        return  # every fact keeps the first date
    for d in new:
        f = d.fact
        if f.date != date or f.mention is None:
            continue
        mention = (f.mention.start - s.start, f.mention.end - s.start)
        own = own_date(s.text, dates, usable, attached, mention, f.status)
        f.date = own.iso if own is not None else None


def _givers(text: str, mentions: list[Mention]) -> list[Mention]:
    """The donor mentions that can name a giver: not a maker's or a
    newspaper's nationality (« la société allemande Rheinmetall »)."""
    if not mentions:
        return mentions
    folded = fold(text)
    if _MAKER_BEFORE:
        return [m for m in mentions if not _MAKER.search(folded[max(0, m.start - 30) : m.start])]
    return [m for m in mentions if not _MAKER.match(folded[m.end : m.end + 40])]


def _donor_tokens(
    doc, mentions: list[Mention]
) -> tuple[dict[int, Donor], dict[int, tuple[Donor, ...]]]:
    """Token → donor, and token → the donors written in one list with it."""
    at: dict[int, Donor] = {}
    lists: dict[int, tuple[Donor, ...]] = {}
    runs: list[list[Mention]] = []
    # Folding keeps offsets (text.py), so the folded sentence can be sliced.
    folded = nlp.folded(doc)
    # « Selon plusieurs médias américains, ... »: a source, not a donor.
    mentions = [m for m in mentions if not _SOURCE.search(folded[max(0, m.start - 40) : m.start])]
    # « Contrairement à la France, l'Allemagne ... »: no giver, nor in a list.
    mentions = [m for m in mentions if not _CONTRAST.search(folded[max(0, m.start - 30) : m.start])]
    for m in mentions:
        if runs and _LIST_GAP.match(folded[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        members = tuple(m.ref for m in run)  # type: ignore[misc]
        for m in run:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    at[t.i] = m.ref  # type: ignore[assignment]
                    lists[t.i] = members
    return at, lists


_DEPARTED = re.compile(_WORDS.alternation("shipment_departures"))
_DEPARTED_REACH = 5  # sentences back to the promise a shipment carries out


def _departed(drafts: list[Draft], s: Sentence, sc: SentenceScan) -> list[Draft]:
    """« Londres va livrer des armes antichars … Une première cargaison est
    partie lundi »: a shipment said to be on its way or arrived, naming no
    item, delivers what the last sentence with pledges promised, by its
    givers (`shipment_departures`)."""
    pledged = [
        d
        for d in drafts
        if d.fact.status == "pledged"
        and d.fact.donor
        and 0 < s.index - d.sentence <= _DEPARTED_REACH
    ]
    if not pledged:
        return []
    last = max(d.sentence for d in pledged)
    evidence = Evidence(s.text, s.start, s.end)
    return [
        Draft(
            replace(
                d.fact,
                status="delivered",
                evidence=evidence,
                quantity=None,
                quantity_kind=None,
                date=None,
                package=None,
                mention=None,
            ),
            s.index,
            s.paragraph,
        )
        for d in pledged
        if d.sentence == last
    ]


_PERFORMED = re.compile(_WORDS.alternation("performed_transfers"))
_PERFORMER_REACH = 30  # characters after « par » for the performer's name


def _performer(folded: str, scan_: SentenceScan) -> str | None:
    """The one state by which a sentence (`folded`: its text folded)
    opening on the transfers told before (« Ces livraisons seront assurées
    par la Norvège ») says they are carried out (`performed_transfers`)."""
    m = _PERFORMED.match(folded)
    if m is None or any(g.start < m.end() for g in scan_.groups):
        return None  # « Ces livraisons de chars … »: the sentence names its own items
    codes = {
        d.ref.code  # type: ignore[attr-defined]
        for d in scan_.donors
        if d.ref.can_give and 0 <= d.start - m.end() <= _PERFORMER_REACH  # type: ignore[attr-defined]
    }
    return next(iter(codes)) if len(codes) == 1 else None


def _named_donors(scan_: SentenceScan) -> set[str]:
    """Donors a sentence names other than as a place (« prépositionnés en Allemagne »)."""
    text = scan_.sentence.text
    return {
        m.ref.code  # type: ignore[attr-defined]
        for m in scan_.donors
        if m.ref.can_give and not _LOCATIVE.search(text[max(0, m.start - 12) : m.start])  # type: ignore[attr-defined]
    }


def extract_article(
    article: Article, story: str | None = None, parse_all: bool = False, decider=None
) -> Extraction:
    """Every aid fact, package, event and total the article asserts.

    `parse_all` parses every sentence, as a pipeline without the first pass
    would; it gives the same result more slowly and exists for the benchmark.
    `decider`: see `extract_articles`."""
    return next(extract_articles([article], parse_all=parse_all, stories=[story], decider=decider))


def extract_articles(
    articles: Iterable[Article],
    batch_size: int = 32,
    parse_all: bool = False,
    stories: Iterable[str | None] | None = None,
    gated: bool = False,
    decider=None,
) -> Iterator[Extraction]:
    """`extract_article` over a stream, parsing the flagged sentences of
    `batch_size` articles in one spaCy call (a call has a fixed cost that a
    few sentences do not repay). Memory holds one batch. `gated`: the
    articles passed `is_about_aid` already (ingest triages them first).

    `decider` turns a sentence's candidates and the rules' drafts into its
    facts: by default the shipped model's decisions (decide.py), the rules'
    own drafts when no model is shipped; `RULES` keeps the rules' drafts."""
    if decider is None:
        decider = default_decider()
    story_of = iter(stories) if stories is not None else itertools.repeat(None)
    stream = iter(articles)
    while batch := list(itertools.islice(stream, batch_size)):
        # Parsing every sentence means extracting from every article too.
        prepared = [_prepare(a, gated or parse_all) for a in batch]
        texts = [
            s.sentence.text for _, scans in prepared for s in scans if parse_all or s.needs_parse
        ]
        docs = iter(nlp.parse(texts))
        for article, scans in prepared:
            wanted = [next(docs) if (parse_all or s.needs_parse) else None for s in scans]
            parsed = iter([d for d, s in zip(wanted, scans, strict=True) if s.needs_parse])
            story = next(story_of, None)
            extraction = _assemble(article, scans, parsed, story, decider)
            redated, anchor = _dated_by_commitments(extraction)
            if redated is not None:
                # Read again against the month (or the commitment's day when
                # the text names its weekday), for the facts' relative dates.
                article, scans = _prepare(redated, gated=True, anchor=anchor)
                texts = [s.sentence.text for s in scans if parse_all or s.needs_parse]
                again = iter(nlp.parse(texts))
                wanted = [next(again) if (parse_all or s.needs_parse) else None for s in scans]
                parsed = iter([d for d, s in zip(wanted, scans, strict=True) if s.needs_parse])
                # A decider that records what it is shown (train/fit.py's
                # Recorder) is not shown the article twice.
                again_decider = getattr(decider, "again", decider)
                extraction = _assemble(article, scans, parsed, story, again_decider)
            yield extraction


def _dated_by_commitments(extraction: Extraction) -> tuple[Article | None, str | None]:
    """The article with the month of the known commitment its facts report
    (commitments.py), when it has no month of its own; else None. Second:
    the commitment's day when the text names it by its weekday (« a annoncé
    jeudi »), against which the other weekdays of the text resolve (« samedi »
    is the Saturday before, maybe in the month before); the article keeps
    the month only."""
    article = extraction.article
    if not extraction.facts or (article.published and len(article.published) >= 7):
        return None, None
    if article.published and not article.published_inferred:
        return None, None  # a stated year: left as the source gave it
    year = article.published if article.published_inferred else None
    lang = "en" if article.language == "en" else "fr"  # engines.language_of
    found = date_by_commitments(article.text, extraction.facts, lang, year, extraction.packages)
    if found is None:
        # A day without its year in the year after a month a commitment
        # placed (« en février » beside Leopard 1A5 promised in February 2023).
        found = date_by_placed_months(article.text, extraction.facts)
        if found is not None and year and not found.date.startswith(year):
            found = None
    if found is None:
        return None, None
    named = _norm(article.text[found.start : found.end]).replace(",", " ").split()
    weekdays = _table(lang).weekdays
    anchor = found.commitment.day.isoformat() if any(w in weekdays for w in named) else None
    return replace(
        article,
        published=found.date,
        published_inferred=True,
        published_basis="event",
        published_evidence=Evidence(article.text[found.start : found.end], found.start, found.end),
    ), anchor


def RULES(candidates: list, rule_drafts: list[Draft]) -> list[Draft]:  # noqa: N802
    """The decider that keeps what the rules read."""
    return rule_drafts


class Learned:
    """The decider of a trained model (decide.py)."""

    def __init__(self, model: decide.Model):
        self.model = model
        self.judged = decide.judged_statuses(model)

    def __call__(self, candidates: list, rule_drafts: list[Draft]) -> list[Draft]:
        decided = decide.drafts(decide.decide(self.model, candidates), rule_drafts)
        decided = decide.with_unjudged(decided, rule_drafts, self.judged, candidates)
        return decide.with_cumulative(decided, rule_drafts)


def default_decider():
    model = decide.shipped()
    return Learned(model) if model is not None else RULES


@functools.cache
def decider_for(model: str | None):
    """The decider a user names: None for the shipped model, `rules` for the
    rules alone, else the path of a model file from `aidwatch train` (read
    once per process; a bad file is an InputError)."""
    if model is None:
        return default_decider()
    if model == "rules":
        return RULES
    return Learned(decide.load(model))


def is_about_aid(text: str, words: list[tuple[int, int, str]] | None = None) -> bool:
    """The article-level gate: an item and a word that can give it a status,
    an aid amount with a donor, or a contact-group meeting. Sport, economy and
    most war reports stop here, at the cost of one lookup over the text."""
    folded = fold(text)
    if not _UKRAINE.search(folded) and (
        len(words) >= _ARTICLE_WORDS
        if words is not None
        else has_words(folded, _ARTICLE_WORDS)  # most off-topic news: its words are not needed
    ):
        # An article about aid to Ukraine names Ukraine (a sentence quoted
        # alone may not): the Airbus deliveries or a festival's budget stop here.
        return False
    words = words if words is not None else word_keys(folded)
    if find_systems(text, words) and may_give_status(folded):
        return True
    if _MEETINGS.search(folded):
        return True
    return bool(find_money(text) and any(m.ref.can_give for m in find_donors(text, words)))


def _prepare(
    article: Article, gated: bool = False, anchor: str | None = None
) -> tuple[Article, list[SentenceScan]]:
    """The article (its date inferred if need be) and its sentences' scans;
    no scans when it fails the gate (`gated`: not asked again)."""
    words = word_keys(fold(article.text))
    if not gated and not is_about_aid(article.text, words):
        return article, []
    if article.published is None:
        dating = date_article(article.text)
        if dating:
            article = replace(
                article,
                published=dating.date,
                published_inferred=True,
                published_basis=dating.basis,
                published_evidence=Evidence(
                    article.text[dating.start : dating.end], dating.start, dating.end
                ),
            )
    return article, scan(article, words, anchor)


def _assemble(
    article: Article, scans: list[SentenceScan], parsed: Iterator, story: str | None, decider
) -> Extraction:
    running = RunningDonor()
    earlier: list[tuple[int, set[str]]] = []  # (sentence index, donors it names)
    drafts: list[Draft] = []
    packages: list[Package] = []
    package_at: dict[str, tuple[int, int]] = {}  # package id → (paragraph, sentence)
    totals: list[Total] = []
    events: list[Event] = []
    contact_group_seen = False
    quoted = _quotations(scans)
    any_named = False
    addressee: str | None = None  # the state the sentence before said a request was made to
    subject_before: str | None = None  # the main subject of the last parsed sentence
    previous = -1  # and that sentence's place
    for k, sc in enumerate(scans):
        s = sc.sentence
        folded = fold(s.text)
        asked, addressee = addressee, None
        contact_group_seen = contact_group_seen or bool(_CONTACT_GROUP.search(folded))
        for event in sentence_events(s, sc, contact_group_seen):
            if all(
                (e.name, e.date, e.place) != (event.name, event.date, event.place) for e in events
            ):
                events.append(event)
        named_here = _named_donors(sc)
        addressed = _ADDRESSED.search(folded)
        if addressed:
            # the state right after « adressée à » (which reads as a place)
            addressee = next(
                (
                    m.ref.code  # type: ignore[attr-defined]
                    for m in sc.donors
                    if m.ref.can_give and 0 <= m.start - addressed.end() <= 6  # type: ignore[attr-defined]
                ),
                None,
            )
        any_named_before, any_named = any_named, any_named or bool(named_here)
        before = [(s.index - i, codes) for i, codes in earlier if s.index - i <= 2]
        earlier = [*earlier[-1:], (s.index, named_here)]
        departed = _DEPARTED.search(folded)
        if departed and not any(g.start < departed.end() for g in sc.groups):
            drafts += _departed(drafts, s, sc)
        performer = _performer(folded, sc)
        if performer:
            # « … autoriser la livraison de 400 lance-roquettes. Ces livraisons
            # seront effectuées par les Pays-Bas »: the one who carries out
            # the transfers the sentence before told gives them
            drafts = [
                replace(d, fact=replace(d.fact, donor=performer), carried=False)
                if d.sentence == s.index - 1 and d.fact.status in ("pledged", "delivered")
                else d
                for d in drafts
            ]
        if not sc.needs_parse:
            running.named(named_here, about_aid=bool(_ABOUT_AID.search(folded)), date=None)
            # unparsed, the state it is about is the one it opens with
            opening = {m.ref.code for m in sc.donors if m.ref.can_give and m.start <= _OPENS_WITHIN}  # type: ignore[attr-defined]
            subject_before, previous = (next(iter(opening)) if len(opening) == 1 else None), k
            continue
        date = _fact_date(s.text, sc.dates, sc.base) or _quotation_date(quoted.get(s.index))
        doc = next(parsed)
        donor_at, donor_lists = _donor_tokens(doc, sc.donors)
        carry = running.carry()
        if carry is None and not any_named_before and not named_here:
            # A lead that names no giver before any was named (a title, an
            # excerpt's first sentence: « le programme d'aide comprend des
            # munitions » and then « … des États-Unis ») is about the one
            # giver the next sentence names.
            ahead = _named_donors(scans[k + 1]) if k + 1 < len(scans) else set()
            if len(ahead) == 1:
                carry = next(iter(ahead))
        evidence = Evidence(s.text, s.start, s.end)
        sentence_donors: set[str] = set()
        for reading in read_money(s.text, doc, sc.money, donor_at, carry):
            if reading.kind == "total":
                totals.append(
                    Total(
                        total_scope(s.text, reading),
                        reading.money.amount,
                        reading.currency,
                        reading.money.kind,
                        evidence,
                    )
                )
                continue
            if any(
                p.donor == reading.donor and abs(p.amount - reading.money.amount) < 1
                for p in packages
            ):
                continue
            package = Package(
                f"p{len(packages) + 1}",
                reading.donor,
                date,
                reading.money.amount,
                reading.currency,
                evidence,
            )
            packages.append(package)
            package_at[package.id] = (s.paragraph, s.index)
            sentence_donors.add(reading.donor)
        ctx = SentenceContext(
            s,
            doc,
            sc.groups,
            donor_at,
            donor_lists,
            carry,
            date,
            running.date if carry else None,
            running.carry_group(),
            subject_before if previous == k - 1 else None,
        )
        subject_before, previous = main_subject(doc, donor_at, donor_lists), k
        ruled = sentence_facts(ctx)
        new = (
            ruled
            if decider is RULES
            else decider(
                _candidates(ctx, sc, before, ruled, getattr(decider, "judged", None)), ruled
            )
        )
        if asked is not None and not named_here - {asked}:
            # « La première requête adressée à Israël concernait … L'Ukraine
            # avait ensuite réclamé des drones »: asked of the same state
            new = [
                replace(d, fact=replace(d.fact, donor=asked))
                if d.fact.status == "requested" and d.fact.donor is None
                else d
                for d in new
            ]
        new += partner_facts(s, new, sc.donors)
        new += answered_requests(s, new)
        _own_dates(s, sc, new, date)
        _join_packages(new, packages, package_at, s)
        drafts += new
        # The running donor follows the rules' reading, so that a model's
        # features are the same whether it is trained or used.
        if ruled or sentence_donors:
            dates = [d.fact.date for d in ruled if d.fact.date] + [date]
            running.gave({d.fact.donor for d in ruled if d.fact.donor} | sentence_donors, dates[0])
        else:
            running.named(named_here, about_aid=bool(_ABOUT_AID.search(folded)), date=date)
    # The facts a sentence told undated, as the news of the day (before a
    # merge gives them a later sentence's date: see date_facts).
    news = {_told(d.fact) for d in drafts if d.fact.date is None} if article.published else set()
    facts = date_facts(article, merge_facts(drafts), news)
    return Extraction(
        article=article,
        story=story or article.id,
        facts=facts,
        packages=packages,
        events=events,
        totals=totals,
    )


_PURCHASE = re.compile(_WORDS.alternation("purchase_frames"), re.I)
_SELLERS = _WORDS.words("purchase_sellers")
# « it has already pledged tanks »: a pledge said as such stays one
_PLEDGED = re.compile(r"\b(?:" + "|".join(_WORDS.sequence("pledged_participles")) + r")\b", re.I)


def bought_for_ukraine(text: str, facts: list[Fact]) -> list[Fact]:
    """« The Netherlands will buy US weapons for Ukraine »: the buyers named
    before such a purchase in its sentence procure what the article says they
    pledge (`purchase_frames`; the seller, `purchase_sellers`, buys nothing)."""
    buyers: set[str] = set()
    for m in _PURCHASE.finditer(text):
        begin = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        buyers |= {d.ref.code for d in find_donors(text[begin : m.start()])}  # type: ignore[attr-defined]
    buyers -= _SELLERS
    for f in facts:
        if f.donor in buyers and f.status == "pledged" and not _PLEDGED.search(f.evidence.text):
            f.status = "procured"
    return facts


# « financée par le gouvernement allemand », « aux frais de Berlin »: who pays
# (folded), the payer named right after; and the words of a sale it pays for.
_PAID_BY = re.compile(r"\b(?:" + _WORDS.alternation("payer_frames") + r")\s+")
_SALE = re.compile(r"\b(?:" + _WORDS.alternation("sale_words") + r")\b")
_PAYER_REACH = 60  # characters after the frame for the payer's name
_SALE_REACH = 400  # characters back from the payer to the sale it pays for


def paid_by_another(text: str, facts: list[Fact]) -> list[Fact]:
    """« Washington a autorisé la vente de trois HIMARS à l'Ukraine. Le coût de
    la vente, financé par l'Allemagne … »: a state paying for a sale to
    Ukraine procures what is sold (the annotation's procured), and the seller
    gives nothing. The payer's sentence names the sale; the sold items are
    the facts of a sentence naming a sale, that sentence or one shortly
    before it."""
    folded = fold(text)
    for m in _PAID_BY.finditer(folded):
        start = max(folded.rfind(". ", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
        if not _SALE.search(folded, start, m.start()):
            continue
        after = text[m.end() : m.end() + _PAYER_REACH].split(".")[0].split("\n")[0]
        payers = [d.ref for d in find_donors(after) if d.ref.can_give]  # type: ignore[attr-defined]
        if not payers:
            continue
        for f in facts:
            if (
                f.status in ("pledged", "delivered", "procured")
                and f.evidence.start <= m.start()
                and m.start() - f.evidence.end < _SALE_REACH
                and _SALE.search(fold(f.evidence.text))
            ):
                f.donor, f.status = payers[0].code, "procured"
    return facts


def _before_the_news(text: str) -> bool:
    """Whether a sentence that dates nothing tells of an act begun before
    the news, over a period it bounds (« formés à partir de la mi-mai »,
    « livrés depuis mars »). (Not the pluperfect: French news write the day
    before's act in it, « avaient annoncé » lundi, as often as an older one.)"""
    folded = fold(text)
    for d in find_dates(text):
        bound = _BOUND.search(folded[max(0, d.start - 25) : d.start])
        # « livrés d'ici la fin de l'année », « livreront dès mars », « une
        # annonce qui pourrait intervenir dès jeudi »: to come.
        if (
            bound
            and not _AHEAD_BOUND.fullmatch(bound.group(1))
            and not is_future_clause(folded, d.start)
            and not _FUTURE.search(folded[max(0, d.start - 40) : d.start])
        ):
            return True
    return False


def _attached_dates(article: Article, facts: list[Fact]) -> None:
    """A fact without a date whose item the sentence dates for its act
    (« les chars promis en janvier » for the promise a delivery's sentence
    names, fact_dates.py) takes that date."""
    undated = [f for f in facts if f.date is None and f.mention is not None]
    if not undated:
        return
    by_text: dict[str, list[Fact]] = {}
    for f in facts:
        if f.mention is not None:
            by_text.setdefault(f.evidence.text, []).append(f)
    read: dict[str, tuple] = {}  # a sentence's dates, what they qualify, which may date
    for f in undated:
        text, start = f.evidence.text, f.evidence.start
        if text not in read:
            dates = _sentence_dates(text, article.published)
            items = sorted(
                {(o.mention.start - start, o.mention.end - start) for o in by_text[text]}  # type: ignore[union-attr]
            )
            attached = attachments(fold(text), dates, items) if dates else {}
            read[text] = (
                dates,
                attached,
                _usable(text, dates, article.published) if attached else [],
            )
        dates, attached, usable = read[text]
        mention = (f.mention.start - start, f.mention.end - start)  # type: ignore[union-attr]
        for i, a in attached.items():
            if usable[i] and a.status == f.status and a.start < mention[1] and mention[0] < a.end:
                f.date = dates[i].iso
                break


def _months_without_year(article: Article, facts: list[Fact]) -> None:
    """In an undated article, the year of a month a sentence names without
    it, for the facts the month dates (fact_dates.own_date), marked inferred:
    that of the known commitment of that month one of those facts reports
    (« ont annoncé en février qu'ils fourniraient des Leopard 1A5 »:
    commitments.years_of_month), or else the one year the text's bounds
    (officials in office, events looked back on: published.month_range)
    leave it (« en septembre » with the minister Christine Lambrecht, in
    office until January 2023, is September 2022: `_only_year`), the bounds
    narrowed to the twelve months after each month a commitment placed."""
    undated = [f for f in facts if f.date is None and f.mention is not None]
    if not undated:
        return
    by_text: dict[str, list[Fact]] = {}
    for f in undated:
        by_text.setdefault(f.evidence.text, []).append(f)
    table = _table("en" if article.language == "en" else "fr")
    last = {w for w, rel in (*table.before.items(), *table.after.items()) if rel == "last"}
    pending: list[tuple[DateMention, list[Fact]]] = []
    for text, group in by_text.items():
        dates = _sentence_dates(text, None)
        if not any(d.month and d.year is None for d in dates):
            continue
        folded = fold(text)
        usable = [
            not _BOUND.search(folded[max(0, d.start - 25) : d.start])
            and not is_future_clause(folded, d.start)
            for d in dates
        ]
        start = group[0].evidence.start
        spans = [(f.mention.start - start, f.mention.end - start) for f in group]  # type: ignore[union-attr]
        attached = attachments(folded, dates, sorted(set(spans)))
        dated: dict[DateMention, list[Fact]] = {}
        for f, span in zip(group, spans, strict=True):
            own = own_date(text, dates, usable, attached, span, f.status)
            if own is not None and own.month and own.year is None:
                dated.setdefault(own, []).append(f)
        pending += dated.items()
    if not pending:
        return
    bounds = month_range(article.text)
    # First the months a known commitment places (« en février » beside
    # Leopard 1 promised by Denmark: February 2023).
    placed: list[tuple[int, bool]] = []
    rest = []
    for m, told in pending:
        # An act the article reports is before its latest month.
        years = {y for y in years_of_month(told, m.month) if f"{y:04d}-{m.month:02d}" <= bounds[1]}
        moved = bool(last & set(_norm(m.text).split()))
        if len(years) == 1:
            year = years.pop()
            placed.append((year * 12 + m.month - 1, moved))
            _date_told(told, year, m)
        else:
            rest.append((m, told, moved))
    # A month named without its year is of the twelve months before the
    # article (« en février » a year and more back is « en février 2023 »):
    # the article is in the year after each month placed, which may leave
    # one year to the others (« à la mi-mars » beside « en janvier dernier »).
    lo, hi = bounds
    for when, moved in placed:
        # « janvier dernier » is strictly past: the article from February on.
        first = when + 1 if moved else when
        final = first + 11
        if month_index(lo) <= final and month_index(hi) >= first:
            lo = max(lo, iso_month(first))
            hi = min(hi, iso_month(final))
    for m, told, moved in rest:
        year = _only_year(m.month, moved, lo, hi)
        if year is not None:
            _date_told(told, year, m)


def _date_told(told: list[Fact], year: int, m: DateMention) -> None:
    when = f"{year:04d}-{m.month:02d}" + (f"-{m.day:02d}" if m.day else "")
    for f in told:
        f.date, f.date_inferred = when, True


def _only_year(month: int, last: bool, lo: str, hi: str) -> int | None:
    """The year of `month` (1-12) named without it as a time past (strictly
    past when `last`: « janvier dernier ») in an article of some month
    `lo`..`hi` (YYYY-MM): the one year that, for every such month of the
    article, is the latest of that month (the war's years only, from 2022);
    None when two remain."""
    first, final = month_index(lo), month_index(hi)
    found = set()
    for at in range(first, final + 1):
        back = (at % 12 - (month - 1)) % 12
        when = at - (back or 12 if last else back)
        if when >= FIRST_YEAR * 12:
            found.add(when // 12)
        if len(found) > 1:
            return None
    return found.pop() if found else None


def _told(fact: Fact) -> tuple:
    """Where and how a fact is told: what a merge keeps of its first draft."""
    mention = fact.mention.start if fact.mention is not None else -1
    return (fact.evidence.start, mention, fact.donor, fact.status)


def date_facts(article: Article, facts: list[Fact], news: set[tuple] = frozenset()) -> list[Fact]:
    """Marks the dates that rest on an inferred publication date, and dates
    by the article's month the facts their sentence does not date; facts
    bought for Ukraine are procured (`bought_for_ukraine`). A fact first
    told undated, as the news of the day (`news`: their `_told`), that
    a later sentence dates in an earlier month recalls an earlier act
    (« Scholz avait promis ces systèmes en juin »): the news stands."""
    facts = bought_for_ukraine(article.text, facts)
    facts = paid_by_another(article.text, facts)
    _attached_dates(article, facts)
    if article.published is None:
        _months_without_year(article, facts)
    if news and article.published:
        month = article.published[:7]
        for f in facts:
            if (
                f.date is not None
                and f.date[:7] < month[: len(f.date[:7])]
                and _told(f) in news
                and not _before_the_news(f.evidence.text)
            ):
                f.date = None
    if article.published_inferred:
        # A date the sentence gives with its year stands on its own; any
        # other was resolved against the inferred publication date. Read
        # once a sentence: its facts share it.
        stated: dict[str, set[str]] = {}
        for f in facts:
            if f.date is not None:
                text = f.evidence.text
                if text not in stated:
                    stated[text] = {d.iso for d in find_dates(text) if d.kind == "explicit"}
                f.date_inferred = f.date not in stated[text]
    if article.published:
        # A fact its sentence does not date is the news of the day: an
        # analyst dates it by the article's month, and marks it as such;
        # not one over a period begun before.
        for f in facts:
            if f.date is None and not _before_the_news(f.evidence.text):
                f.date, f.date_inferred = article.published[:7], True
    return facts


def _candidates(ctx: SentenceContext, sc: SentenceScan, before, ruled: list[Draft], judged=None):
    """The sentence's candidates, each with the rules' reading of its group
    and its date."""
    s = ctx.sentence
    # Donors in the rules' order (a set's order changes from one process to
    # the next, and with it the order facts are stored in).
    rule: dict[int, tuple[str, list]] = {}
    for d in ruled:
        if d.fact.mention is not None:
            _, donors = rule.setdefault(d.fact.mention.start - s.start, (d.fact.status, []))
            if d.fact.donor not in donors:
                donors.append(d.fact.donor)
    out = sentence_candidates(
        s, ctx.doc, ctx.groups, sc.donors, before, ctx.running, rule, ctx.donor_lists, judged
    )
    for c in out:
        c.date = ctx.date
        c.running_date = ctx.running_date
    return out


def _join_packages(
    new: list[Draft], packages: list[Package], package_at: dict, s: Sentence
) -> None:
    """A pledge belongs to its donor's package announced in the same sentence
    or earlier in the same paragraph (the items enumerated with it)."""
    for d in new:
        if d.fact.status != "pledged" or d.fact.quantity_kind == "cumulative_total":
            continue
        for p in reversed(packages):
            paragraph, _ = package_at[p.id]
            if p.donor == d.fact.donor and paragraph == s.paragraph:
                d.fact.package = p.id
                d.fact.date = p.date or d.fact.date
                break
