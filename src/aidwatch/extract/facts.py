"""Facts: one parsed sentence's items turned into (donor, item, status) facts,
then the article's facts merged into one per triple.

Sentence level: for each item group, the status from its governing words
(status.py), the donors (donors.py), the count written before it
(numbers.py), a cumulative total (« portera le nombre total livré à 20 »)
and the sentence's date. Article level: a generic kind and the one system of
its category that the next sentence names for the same donor and status are
one fact (« quatre autres systèmes de roquettes » ... « connus sous le nom
de HIMARS »); then each (donor, item, status) is kept once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from aidwatch.catalog import Donor, items_by_id
from aidwatch.extract import nlp
from aidwatch.extract.anaphora import trains_crews
from aidwatch.extract.donors import attribute
from aidwatch.extract.items import ItemGroup
from aidwatch.extract.language import tables
from aidwatch.extract.mentions import find_donors
from aidwatch.extract.money import find_quantities
from aidwatch.extract.numbers import Quantity, quantity_before
from aidwatch.extract.status import read_status
from aidwatch.extract.text import Sentence, fold
from aidwatch.model import Evidence, Fact, Item

# Items that are consumed by another (« munitions pour les HIMARS », « obus
# destinés aux Howitzers »): the system they serve is not itself given.
_CONSUMABLES = {
    "artillery_ammunition",
    "rocket_ammunition",
    "small_arms_ammunition",
    "air_defence_missile",
    "spare_parts",
}
# Nobody is trained on these: « une formation, des munitions et des gilets ».
_UNTRAINED = _CONSUMABLES | {"protective_equipment", "medical", "other", "logistics_vehicle"}
_WORDS = tables()
_SERVES = _WORDS.words("serving_prepositions")
_POSSESSIVES = _WORDS.words("possessives")

_PARTICIPLE = r"(?P<part>" + _WORDS.alternation("cumulative_participles") + ")"
_PLEDGED_PARTICIPLES = _WORDS.sequence("pledged_participles")
_COUNT = r"(?P<n>\d{1,3}(?:[\s.\u00a0\u202f]\d{3})+|\d+)"
# « portera le nombre total livré à 20 », « porte à 31 le nombre de chars
# livrés »: the word order is the language's, so the table holds the whole
# phrase, with slots for the participle and the count.
_CUMULATIVE = [
    re.compile(template, re.IGNORECASE)
    for template in _WORDS.templates("cumulative_totals", participle=_PARTICIPLE, count=_COUNT)
]


@dataclass
class Draft:
    """A fact while the article is still being read."""

    fact: Fact
    sentence: int
    paragraph: int
    carried: bool = False  # the donor is the running one, not named in the sentence
    # the sentence says others give (« d'autres pays », « les alliés »): its
    # donor stays unnamed, not the one state the article has give the item
    others: bool = False


def _serves_other_item(root, item_tokens: set[int], categories: dict[int, str]) -> bool:
    """True for « HIMARS » in « munitions pour les HIMARS »."""
    cases = {fold(c.text) for c in root.children if c.dep_ == "case"}
    if not cases & _SERVES:
        return False
    head = root.head
    if head.pos_ in ("VERB", "ADJ") and head.dep_.startswith("acl"):
        head = head.head  # « obus destinés aux Howitzers »
    return (
        head.pos_ in ("NOUN", "PROPN")
        and head.i in item_tokens
        and categories.get(head.i) in _CONSUMABLES
    )


_SERVES_GAP = re.compile(
    r"^\s*(?:"
    + _WORDS.alternation("serving_gap")
    + r")\s+(?:"
    + _WORDS.alternation("serving_gap_articles")
    + ")?$",
    re.IGNORECASE,
)


def _serves_text(text: str, before: ItemGroup, group: ItemGroup) -> bool:
    """The same as `_serves_other_item`, read off the text when the parse is
    wrong: « roquettes pour les lance-roquettes HIMARS »."""
    return before.system.item.category in _CONSUMABLES and bool(
        _SERVES_GAP.match(text[before.end : group.start])
    )


def _possessive_part(root, group: ItemGroup, item_tokens: set[int]) -> bool:
    """« Des Himars supplémentaires et leurs munitions »: the ammunition of the
    system just named, not an item of its own."""
    if group.specific:
        return False
    has_possessive = any(c.dep_ == "det" and fold(c.text) in _POSSESSIVES for c in root.children)
    return has_possessive and root.dep_ == "conj" and root.head.i in item_tokens


_LIST_WORDS = _WORDS.words("list_words")
_PERSONAL = _WORDS.words("personal_pronouns")
_LIST_HEADS = _WORDS.words("list_heads")
_COUNTED_GROUP = re.compile(r"\b(?:" + _WORDS.alternation("counted_groups") + r")\b")
_GROUP_COUNTS = _WORDS.classes("group_counts")


# An aside inside a list: « (en plus de 18 déjà livrés) », « - l'équivalent des HIMARS - »
_ASIDE = re.compile(r"\([^()]{0,120}\)|\s[-–—]\s[^-–—]{0,120}\s[-–—]\s")


def _in_list(
    text: str, before: ItemGroup, group: ItemGroup, between=(), heads: bool = False
) -> bool:
    """True when only list words and counts stand between two items, once
    asides and the items `between` them (members the parse lost too) are
    left out; with `heads`, the kind nouns members are named by too."""
    gap = text[before.end : group.start]
    for other in sorted(between, key=lambda g: -g.start):
        if before.end <= other.start and other.end <= group.start:
            gap = gap[: other.start - before.end] + " " + gap[other.end - before.end :]
    gap = fold(_ASIDE.sub(" ", gap))
    if len(gap) > 60 or re.search(r"[.;:!?()]", gap):
        return False
    words = re.findall(r"[^\W\d_]+", gap)
    allowed = _LIST_WORDS | _LIST_HEADS if heads else _LIST_WORDS
    return all(w in allowed for w in words)


def _roots(doc, group: ItemGroup, span) -> list:
    """Where the item stands in the parse: the head of its first mention
    (« avions » in « avions de combat ..., comme par exemple des F-16 »),
    then of the whole group."""
    out = []
    first = span_at(doc, group.mentions[0].start, group.mentions[0].end)
    for candidate in (first, span):
        if candidate is not None and len(candidate):
            root = head_word(candidate)
            if all(root.i != r.i for r in out):
                out.append(root)
    if out and out[-1].head.i == out[-1].i and out[-1].pos_ in ("PROPN", "NOUN"):
        # The parser cut the name from its noun (« des missiles à grande
        # vitesse portatifs Starstreak » as a sentence root of its own): the
        # nearest noun before it that has a governor stands for it.
        for token in reversed(doc[max(0, out[-1].i - 7) : out[-1].i]):
            if token.pos_ == "NOUN" and token.dep_ in ("obj", "nsubj", "nsubj:pass", "obl:arg"):
                out.append(token)
                break
    return out


def span_at(doc, start: int, end: int):
    """`doc.char_span(start, end, alignment_mode="expand")`: the same groups'
    words are looked for by the rules, the roots and the candidates, and
    `char_span` searches the tokens each time. Their bounds are kept with
    the parse (a Span would tie the parse to itself in a cycle)."""
    bounds = doc.user_data.get("span_bounds")
    if bounds is None:
        bounds = doc.user_data["span_bounds"] = {}
    found = bounds.get((start, end), False)
    if found is False:
        span = doc.char_span(start, end, alignment_mode="expand")
        bounds[start, end] = found = None if span is None else (span.start, span.end)
        return span
    return None if found is None else doc[found[0] : found[1]]


def head_word(span):
    """The span's word attached outside it, a noun rather than the « - » of a
    badly split « sol-air »."""
    # `t.head` makes a new Token at each call: asked once a word.
    start, end = span.start, span.end
    heads = [t for t in span if not start <= (h := t.head.i) < end or h == t.i]
    nouns = [t for t in heads if t.pos_ in ("NOUN", "PROPN")]
    return (nouns or heads or [span.root])[0]


def cumulative_total(text: str) -> tuple[int, str, int] | None:
    """(count, status, offset) for « portera le nombre total livré à 20 »."""
    for pattern in _CUMULATIVE:
        m = pattern.search(text)
        if m:
            participle = fold(m.group("part") or "")
            status = "pledged" if participle.startswith(_PLEDGED_PARTICIPLES) else "delivered"
            return int(re.sub(r"\D", "", m.group("n"))), status, m.start()
    return None


@dataclass
class SentenceContext:
    """What one parsed sentence brings to its facts: its text, parse and
    item groups, the donors the first pass found in it (by token, and by
    list), and what the article carries to it."""

    sentence: Sentence
    doc: object  # spaCy's Doc of the sentence
    groups: list[ItemGroup]
    donor_at: dict[int, Donor]  # token → donor
    donor_lists: dict[int, tuple[Donor, ...]]  # token → the donors of its list
    running: str | None = None  # the article's running donor
    date: str | None = None  # the sentence's first date expression, resolved
    running_date: str | None = None  # the date that came with the running donor
    running_group: tuple[str, ...] = ()  # the last donors named together
    subject_before: str | None = None  # the state the sentence before is about (its main subject)


def sentence_facts(ctx: SentenceContext) -> list[Draft]:
    """Facts of one parsed sentence."""
    sentence, doc, groups = ctx.sentence, ctx.doc, ctx.groups
    donor_at, donor_lists = ctx.donor_at, ctx.donor_lists
    running, date, running_date = ctx.running, ctx.date, ctx.running_date
    spans = {}
    item_tokens: set[int] = set()
    categories: dict[int, str] = {}
    for g in groups:
        span = span_at(doc, g.start, g.end)
        if span is None or len(span) == 0:
            continue
        spans[g] = span
        for t in span:
            item_tokens.add(t.i)
            categories[t.i] = g.system.item.category

    drafts: list[tuple[int, Draft]] = []  # with the item's offset in the sentence
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    previous = None  # (group, reading, attribution) of the item before, for lists
    before: ItemGroup | None = None
    set_aside: set[int] = set()  # groups that are no aid item (a part, an enemy's)
    served: dict[int, str] = {}  # a consumable's group → the category of what it serves
    lost: list[ItemGroup] = []  # groups without a reading since the last one with it
    # members of a list read after the one that gave the list its reading
    forced: dict[int, tuple] = {}
    order = list(spans.items())
    at = 0
    while at < len(order):
        g, span = order[at]
        at += 1
        roots = _roots(doc, g, span)
        root = roots[0]
        if g.start in forced:
            reading, attribution = forced.pop(g.start)
            serves = False
        else:
            previous_group = before
            serves = before is not None and _serves_text(sentence.text, before, g)
            before = g
            reading = None
        if not reading and (
            serves
            or _serves_other_item(root, item_tokens, categories)
            or _possessive_part(root, g, item_tokens)
        ):
            if previous_group is not None:
                # « des munitions pour les HIMARS »: what the item before serves
                served.setdefault(previous_group.start, g.system.item.category)
            set_aside.add(g.start)
            continue
        if reading is None:
            attribution = None
            for candidate in roots:
                reading = read_status(candidate, span)
                if reading is not None:
                    root = candidate
                    break
        if (
            reading is None
            and previous is not None
            and _in_list(sentence.text, previous[0], g, lost, heads=True)
        ):
            # The parser lost a list member (« de blindés, d'artillerie, de
            # munitions mais aussi des avions de combat »): it shares the
            # reading of the item before it.
            _, reading, attribution = previous
        if reading is None:
            lost.append(g)
            continue
        # « des armes légères, des casques et du matériel médical ont été
        # envoyés »: members before it the parse lost share its reading too
        back, nearest = [], g
        for member in reversed(lost):
            if not _in_list(sentence.text, member, nearest):
                break
            back.append(member)
            nearest = member
        lost = []
        if attribution is None:
            attribution = attribute(
                root,
                _with_demonym(doc, g, span, donor_at),
                reading,
                donor_at,
                donor_lists,
                item_tokens,
            )
        for member in back:
            forced[member.start] = (reading, attribution)
            order.insert(at, (member, spans[member]))
        previous = (g, reading, attribution)
        if attribution.basis == "adversary":
            set_aside.add(g.start)
            continue  # Russia's weapons, or what Russia receives: not aid to Ukraine
        if attribution.basis == "subject" and reading.trigger_class == "receive":
            set_aside.add(g.start)
            continue  # « L'Inde a reçu ses Rafale »: a named state receives, not Ukraine
        if reading.status in ("pledged", "delivered") and _given_to_another(
            reading.trigger, donor_at
        ):
            set_aside.add(g.start)
            continue  # « the US offered Slovakia 12 helicopters »: not aid to Ukraine
        if (
            reading.status == "procured"
            and attribution.basis == "subject"
            and _DOMESTIC.search(fold(sentence.text))
        ):
            set_aside.add(g.start)
            continue  # « La Pologne a commandé 250 Abrams pour moderniser sa propre armée »
        if (
            reading.status == "procured"
            and attribution.basis == "recipient"
            and not attribution.donors
        ):
            # « l'Ukraine prévoit d'acheter 1 000 CV90 »: Ukraine buys, nobody gives
            set_aside.add(g.start)
            continue
        if (
            reading.status == "procured"
            and not any(d.kind == "recipient" and not _invaded(doc, i) for i, d in donor_at.items())
            and not (attribution.basis == "subject" and _bought_abroad(reading.trigger, donor_at))
        ):
            # « L'armée allemande va commander de nouveaux Leopard 2 »,
            # « Slovakia signed a deal to buy 14 F-16 jets »: a purchase for
            # Ukraine names Ukraine; without it, a state buys for itself
            set_aside.add(g.start)
            continue
        donors: list[str | None] = list(attribution.donors)
        quantity = item_quantity(sentence.text, g)
        gapped_donor = _gapped_donor(sentence.text, doc, g, donor_at, quantity)
        if gapped_donor:
            donors = [gapped_donor]  # « l'Allemagne livrera 14 Leopard, la France des Caesar »
        fact_date = date
        carried = False
        if (
            not donors
            and reading.status != "requested"
            and running
            and not _agentless_participle(reading.trigger)
            and attribution.basis
            in (
                "none",
                "pronoun",
                "item",
                "recipient",
            )
        ):
            # « Washington a annoncé jeudi ... Elle comprend ... »: the sentence
            # goes on with the last one's donor, and its date.
            donors = [running]
            fact_date = date or running_date
            carried = True
        if (
            attribution.basis == "pronoun"
            and attribution.pronoun in _PERSONAL
            and _subject_of_giving(reading.trigger, attribution.pronoun_of)
            and ctx.subject_before
            and reading.status != "requested"
        ):
            # « La Belgique a rejoint la coalition. Elle ne livrera pas ses F-16 »:
            # a personal pronoun goes on with the state the sentence before is
            # about, whatever giver the article named last
            if ctx.subject_before != running:
                fact_date = date
            donors, carried = [ctx.subject_before], False
        others = False
        if not donors and attribution.basis in ("other", "others"):
            donors = _counted_group(ctx) or (
                _exemplified(doc, donor_at) if attribution.basis == "others" else []
            )
            others = not donors and attribution.basis == "others"
        if not donors and reading.status == "training":
            donors = _training_place(ctx)
        if not donors and reading.trigger_class == "use":
            continue  # « les forces ukrainiennes ont utilisé des Himars »: from whom?
        if not donors:
            # « les alliés livrent de l'artillerie »: a kind given by nobody named
            # is not a trackable commitment; a named system still is.
            if not g.specific and reading.status in ("pledged", "delivered"):
                continue
            donors = [None]
        for donor in donors:
            fact = Fact(
                donor=donor,
                item=_counted_item(g.system.item, quantity),
                status=reading.status,
                evidence=evidence,
                quantity=quantity.value if quantity else None,
                quantity_kind=quantity.kind if quantity else None,
                date=fact_date,
                mention=Evidence(
                    sentence.text[g.start : g.end], sentence.start + g.start, sentence.start + g.end
                ),
            )
            draft = Draft(fact, sentence.index, sentence.paragraph, carried, others and not donor)
            drafts.append((g.start, draft))
    drafts = [(start, _ammunition_of(d, served.get(start))) for start, d in drafts]
    _counts_by_agent(sentence.text, doc, drafts, donor_at)
    _counts_to_pronouns(drafts)
    drafts += _gapped(sentence, doc, drafts, donor_at)
    if trains_crews(nlp.folded(doc)):
        drafts += _trained_on(ctx, spans, drafts, set_aside)
    cumulative = cumulative_total(sentence.text)
    if cumulative:
        count, status, offset = cumulative
        if drafts:
            # The total counts the item named last before it.
            anchor = max(
                (d for d in drafts if d[0] <= offset), key=lambda d: d[0], default=drafts[0]
            )[1]
            total = replace(
                anchor.fact, status=status, quantity=count, quantity_kind="cumulative_total"
            )
            if anchor.fact.status != status and anchor.fact.quantity == count:
                # « au-delà des 12 Caesar déjà livrés, la France en enverra »:
                # the count is the total's, not the new commitment's
                anchor.fact.quantity = anchor.fact.quantity_kind = None
            drafts.append((offset, Draft(total, sentence.index, sentence.paragraph)))
        elif groups:
            # « portera à 31 le nombre total de chars Abrams promis par
            # Washington »: the item is named inside the total only.
            g = min(groups, key=lambda g: abs(g.start - offset))
            sources = _sentence_sources(doc, donor_at, donor_lists) or (
                [running] if running else [None]
            )
            for donor in sources:
                fact = Fact(donor, g.system.item, status, evidence, count, "cumulative_total", date)
                drafts.append((offset, Draft(fact, sentence.index, sentence.paragraph)))
    return [d for _, d in drafts]


# The ammunition of a system of these categories, when the text says only
# « munitions » or « missiles » (« des munitions pour les HIMARS »: rockets).
# Not air defence: the Gepard's are shells, a Patriot's missiles.
_AMMUNITION_FOR = {"mlrs": "gen_mlrs_ammunition"}


# Launchers given by the hundred are shoulder-fired: a multiple rocket
# launcher is given by the unit or the dozen (« un millier de lance-roquettes »
# are anti-tank weapons).
_PORTABLE_WHEN_COUNTED = {"gen_rocket_launcher": ("gen_anti_tank_rocket", 100)}


def _counted_item(item: Item, quantity: Quantity | None) -> Item:
    """The kind a count shows a generic item to be."""
    portable = _PORTABLE_WHEN_COUNTED.get(item.id)
    if portable and quantity and quantity.value and quantity.value >= portable[1]:
        return items_by_id()[portable[0]]
    return item


def _subject_of_giving(trigger, verb: int | None) -> bool:
    """Whether the pronoun that is the subject of `verb` is the giver: the
    subject of the giving verb itself or of the verbs it completes (« elle ne
    veut pas livrer »), not of a clause the giving only qualifies (« Ils
    compléteront les systèmes déjà livrés »: the tanks)."""
    token = trigger
    for _ in range(6):
        if token.i == verb:
            return True
        if token.dep_ not in _COMPLETING or token.head.i == token.i:
            return False
        token = token.head
    return False


_COMPLETING = ("xcomp", "ccomp", "conj")


def _ammunition_of(draft: Draft, served: str | None) -> Draft:
    """A generic consumable takes the kind of ammunition of the system it
    serves: rockets for a rocket launcher."""
    item = draft.fact.item
    kind = _AMMUNITION_FOR.get(served or "")
    if kind is None or item.specific or item.category not in _CONSUMABLES:
        return draft
    return replace(draft, fact=replace(draft.fact, item=items_by_id()[kind]))


def _training_place(ctx: SentenceContext) -> list[str]:
    """« formés en France »: the one state a training sentence names is
    where the crews train, and so the trainer."""
    named = {d.code for d in ctx.donor_at.values() if d.can_give}
    return list(named) if len(named) == 1 else []


def _counted_group(ctx: SentenceContext) -> list[str]:
    """« Les deux pays formeront … » after « l'Allemagne et les Etats-Unis
    livreront »: the donors last named together, when the count fits."""
    counted = _COUNTED_GROUP.search(fold(ctx.sentence.text)) if ctx.running_group else None
    if counted and _GROUP_COUNTS.get(counted["n"]) == str(len(ctx.running_group)):
        return list(ctx.running_group)
    return []


_EXAMPLE_GIVERS = _WORDS.words("example_givers")


def _exemplified(doc, donor_at) -> list[str]:
    """« aux pays partenaires qui souhaitent livrer des Leopard, comme la
    Pologne par exemple »: givers nobody names but for the states given as
    their examples, which give."""
    out: list[str] = []
    for i, donor in sorted(donor_at.items()):
        if i - 1 in donor_at or not donor.can_give:
            continue  # not the first word of its mention
        before = [fold(t.text) for t in doc[max(0, i - 3) : i]]
        if any(w in _EXAMPLE_GIVERS for w in before) and donor.code not in out:
            out.append(donor.code)
    return out


def _trained_on(ctx: SentenceContext, spans, drafts, set_aside: set[int]) -> list:
    """A sentence about training people (« les pilotes seront formés sur le
    F-16 », « la formation sur le Marder durera huit semaines ») trains them
    on each system it names, whatever else it says of it: the parse rarely
    ties « formation » to the system. The trainer is who gives the system in
    this sentence, else the sentence's subject donors, else the one state it
    names (« en Suède »), else the running donor."""
    sentence = ctx.sentence
    made = {(start, d.fact.status) for start, d in drafts}
    sources = None
    out = []
    for g in spans:
        if (
            g.system.item.category in _UNTRAINED
            or g.start in set_aside
            or (g.start, "training") in made
        ):
            continue  # crews train on a system, not on « des munitions »
        donors = list(dict.fromkeys(d.fact.donor for start, d in drafts if start == g.start))
        if not donors:
            if sources is None:
                sources = _sentence_sources(ctx.doc, ctx.donor_at, ctx.donor_lists)
                sources = sources or _training_place(ctx) or _counted_group(ctx)
            donors = sources or [ctx.running]
        carried = donors == [ctx.running] and ctx.running is not None
        for donor in donors:
            fact = Fact(
                donor=donor,
                item=g.system.item,
                status="training",
                evidence=Evidence(sentence.text, sentence.start, sentence.end),
                date=ctx.date,
                mention=Evidence(
                    sentence.text[g.start : g.end], sentence.start + g.start, sentence.start + g.end
                ),
            )
            out.append((g.start, Draft(fact, sentence.index, sentence.paragraph, carried)))
    return out


_GAP_DET = re.compile(r"^\s*(?:" + _WORDS.alternation("gap_determiners") + r")?\s*$")


def _gapped_donor(text: str, doc, group: ItemGroup, donor_at, counted) -> str | None:
    """The donor written right before an item after a comma, its verb left
    out: « ..., la France des Caesar », « ..., et la France 6 Caesar ».
    `counted`: the item's `item_quantity`, which the caller keeps."""
    before = min(group.start, counted.start) if counted else group.start
    for i, donor in donor_at.items():
        token = doc[i]
        end = token.idx + len(token)
        if i + 1 in donor_at or not donor.can_give or end > before:
            continue
        if not _GAP_DET.match(text[end:before]):
            continue
        first = i
        while first - 1 in donor_at:
            first -= 1
        if _GAP_LEAD.search(text[max(0, doc[first].idx - 8) : doc[first].idx]):
            return donor.code
    return None


_GAP_CONJUNCTIONS = _WORDS.forms("gap_conjunctions")
_GAP_LEAD = re.compile(
    r"(?:,|;|"
    + "|".join(r"\b" + w for w in _GAP_CONJUNCTIONS)
    + r")\s*(?:"
    + _WORDS.alternation("definite_articles")
    + ")?$"
)


_AGENT = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, _WORDS.words("agent_prepositions")))
    + r")\s+(?:"
    + _WORDS.alternation("definite_articles")
    + r")?\s*$",
    re.IGNORECASE,
)


def _counts_by_agent(text: str, doc, drafts, donor_at) -> None:
    """« 7 exemplaires ont été donnés par l'Allemagne, 5 autres par les
    Pays-Bas »: one item counted again before each agent; each donor's fact
    takes the count said before its own « par »."""
    by_item: dict[tuple, list] = {}
    for start, d in drafts:
        if d.fact.donor is not None and d.fact.quantity is not None:
            by_item.setdefault((start, d.fact.status), []).append(d)
    for same in by_item.values():
        if len({d.fact.donor for d in same}) < 2:
            continue
        agents = {}  # donor → offset of its mention, after « par »
        for i, donor in sorted(donor_at.items()):
            idx = doc[i].idx
            if donor.code not in agents and _AGENT.search(text[max(0, idx - 12) : idx]):
                agents[donor.code] = idx
        if any(d.fact.donor not in agents for d in same):
            continue
        counts, previous = {}, 0
        for code, idx in sorted(agents.items(), key=lambda a: a[1]):
            found = find_quantities(text[previous:idx])
            if len(found) != 1:
                break
            counts[code] = found[0]
            previous = idx
        else:
            if len({q.value for q in counts.values()}) == len(counts):
                for d in same:
                    q = counts[d.fact.donor]
                    d.fact.quantity, d.fact.quantity_kind = q.value, q.kind


def _gapped(
    sentence: Sentence, doc, drafts: list[tuple[int, Draft]], donor_at
) -> list[tuple[int, Draft]]:
    """« Le Danemark s'est engagé à céder 19 F-16, les Pays-Bas 24, la
    Norvège six »: the verb and the item are left out after the first donor;
    each further donor with its count is the same fact."""
    counted = [d for d in drafts if d[1].fact.quantity is not None and d[1].fact.donor]
    if len({d[1].fact.item.id for d in counted}) != 1:
        return []
    offset, first = counted[-1]
    text = sentence.text
    out = []
    seen = {d[1].fact.donor for d in drafts}
    for i, donor in sorted(donor_at.items()):
        token = doc[i]
        if token.idx <= offset or donor.code in seen or not donor.can_give or (i - 1 in donor_at):
            continue
        end = token.idx + len(token)
        while i + 1 in donor_at:  # the mention's last word
            i += 1
            end = doc[i].idx + len(doc[i])
        if not _GAP_LEAD.search(text[max(0, token.idx - 8) : token.idx]):
            continue
        count = next(iter(find_quantities(text[end : end + 25])), None)
        if count is None or count.start > 1:
            continue
        after = text[end + count.end : end + count.end + 3]
        if (
            after.strip()
            and after.strip()[0] not in ",;."
            and not after.strip().startswith(_GAP_CONJUNCTIONS)
        ):
            continue  # « la Norvège six chars »: a count of something else, not an ellipsis
        seen.add(donor.code)
        fact = replace(first.fact, donor=donor.code, quantity=count.value, quantity_kind=count.kind)
        out.append((token.idx, Draft(fact, sentence.index, sentence.paragraph)))
    return out


# « ..., en collaboration avec nos alliés américains »: words up to the partner.
_PARTNER = re.compile(r"\b(?:" + _WORDS.alternation("partner_markers") + r")\b[^,;:.]{0,40}$")


def partner_facts(sentence: Sentence, drafts: list[Draft], mentions=None) -> list[Draft]:
    """The sentence's facts again for a state it names as the donors'
    partner (« envoyés en Ukraine en collaboration avec nos alliés
    américains »). `mentions`: the sentence's donor mentions, if found."""
    if not drafts:
        return []
    if mentions is None:
        mentions = find_donors(sentence.text)
    folded = fold(sentence.text)
    partners = [
        m.ref.code
        for m in mentions
        if m.ref.can_give and _PARTNER.search(folded[max(0, m.start - 60) : m.start])
    ]
    out: list[Draft] = []
    for code in dict.fromkeys(partners):
        for d in drafts:
            if d.fact.donor not in (None, code) and all(
                (o.fact.donor, o.fact.item.id, o.fact.status)
                != (code, d.fact.item.id, d.fact.status)
                for o in drafts + out
            ):
                out.append(Draft(replace(d.fact, donor=code), d.sentence, d.paragraph))
    return out


_ANSWERED = re.compile(r"\b(?:" + _WORDS.alternation("answered_request") + r")\b")
_REFUSED_REQUEST = re.compile(r"\b(?:" + _WORDS.alternation("request_nouns") + r")\b")


def answered_requests(sentence: Sentence, drafts: list[Draft]) -> list[Draft]:
    """« En réponse à des demandes ukrainiennes, Londres étudie la
    possibilité de donner des missiles »: what a donor weighs in answer to
    Ukraine is an open request as well, and so is what it refuses in answer
    to one (« Rome refuse de répondre aux demandes de Kiev »). A request answered by a pledge or a
    delivery (« livrés à la demande de Kiev ») is recorded as that answer."""
    if not drafts:
        return []
    folded = fold(sentence.text)
    answered = _ANSWERED.search(folded)
    # « refuse de répondre aux demandes de Kiev »: what is refused was asked
    refusing = _REFUSED_REQUEST.search(folded)
    if not answered and not refusing:
        return []
    out: list[Draft] = []
    for d in drafts:
        status = "considered" if answered else "refused"
        if d.fact.status == status and all(
            (o.fact.donor, o.fact.item.id, o.fact.status)
            != (d.fact.donor, d.fact.item.id, "requested")
            for o in drafts + out
        ):
            asked = replace(d.fact, status="requested", quantity=None, quantity_kind=None)
            out.append(Draft(asked, d.sentence, d.paragraph))
    return out


def _sentence_sources(doc, donor_at, donor_lists) -> list[str]:
    from aidwatch.extract.donors import source_donors

    return source_donors(doc, donor_at, donor_lists)


def _with_demonym(doc, group: ItemGroup, span, donor_at):
    """The item's span, stretched over a demonym written right after it
    (« des Leopard 2 canadiens », « MARS II allemands »), which the parser
    does not always hang on the item."""
    end = span.end
    while (
        end < len(doc)
        and end in donor_at
        and doc[end].idx - doc[end - 1].idx - len(doc[end - 1]) <= 1
    ):
        end += 1
    return doc[span.start : end] if end != span.end else span


# Words between a count and the item it counts: « six canons Caesar », « 30
# avions F-16 », « deux systèmes NASAMS », « 5 000 terminaux Starlink ».
_CLASSIFIERS = re.compile(
    r"^\s*[»”\"]?\s*(?:(?:" + _WORDS.alternation("classifier_words") + r")\s+)*$", re.IGNORECASE
)
_APPOSED = re.compile(
    r"^\s*(?:(?:"
    + _WORDS.alternation("classifier_words")
    + r")\s+)*(?:"
    + _WORDS.alternation("apposed_counts")
    + r")$",
    re.IGNORECASE,
)
_ONE = re.compile(r"\b(?:" + _WORDS.alternation("singular_articles") + r")\b", re.IGNORECASE)
_TOTAL = re.compile(r"\b(" + _WORDS.alternation("total_markers") + r")\b", re.IGNORECASE)
# A state buying for itself, not for Ukraine.
_DOMESTIC = re.compile(_WORDS.alternation("domestic_purchase"))


_WAR_BEFORE = re.compile(r"(?:" + _WORDS.alternation("war_recipient_before") + ")", re.I)
_WAR_AFTER = re.compile(r"(?:" + _WORDS.alternation("war_recipient_after") + ")", re.I)


def _invaded(doc, i: int) -> bool:
    """« in response to Russia's invasion of Ukraine »: the recipient's name
    at token `i` names the invaded country, not whom a purchase is for."""
    text, idx = nlp.text_of(doc), doc[i].idx
    end = idx + len(doc[i].text)
    return bool(_WAR_BEFORE.search(text[max(0, idx - 40) : idx]) or _WAR_AFTER.match(text, end))


_SELLER_CASES = _WORDS.words("seller_cases")


def _bought_abroad(trigger, donor_at) -> bool:
    """« L'Allemagne a racheté des Gepard au Qatar »: a state buying from
    another state (`seller_cases`) pays for systems a third country sells,
    as states do for Ukraine; a state's own purchases are from its makers."""
    if trigger is None or trigger.pos_ not in ("VERB", "AUX"):
        return False
    for child in trigger.children:
        if not child.dep_.startswith(("obl", "iobj", "advmod")):
            continue
        # « auprès de la Corée »: the parser may make « auprès » the head
        own_case = {fold(child.text)} & _SELLER_CASES
        for seller in [child, *(c for c in child.children if c.dep_ == "obl:arg")]:
            cases = own_case | {fold(c.text) for c in seller.children if c.dep_ == "case"}
            donor = donor_at.get(seller.i)
            if donor is not None and donor.kind == "state" and cases & _SELLER_CASES:
                return True
    return False


_OTHER_RECIPIENT_RELATIONS = _WORDS.words("other_recipient_relations")
_OTHER_RECIPIENT_CASES = _WORDS.words("other_recipient_cases")


def _given_to_another(trigger, donor_at) -> bool:
    """Whether the verb of giving names as its recipient (its indirect object,
    or « to » a state) a state, not Ukraine (`other_recipient_relations`,
    `other_recipient_cases`)."""
    if trigger is None or not hasattr(trigger, "children"):
        return False
    for child in trigger.children:
        if child.dep_ in _OTHER_RECIPIENT_RELATIONS or (
            child.dep_ == "obl"
            and any(c.dep_ == "case" and c.lower_ in _OTHER_RECIPIENT_CASES for c in child.children)
        ):
            donor = donor_at.get(child.i)
            if donor is not None and donor.kind in ("state", "body"):
                return True
    return False


_PARTITIVE = _WORDS.words("partitive_pronouns")
_DEFINITE = _WORDS.words("definite_item_pronouns")


def _counts_to_pronouns(drafts: list[tuple[int, Draft]]) -> None:
    """« a acheté six chars et les livrera »: a definite pronoun takes the
    whole of what it points back to, so its fact takes the count the same
    item has before it in the sentence. Not « en », a part of it (« en
    livrera deux »), which counts after its verb."""
    for start, d in drafts:
        mention = d.fact.mention
        if d.fact.quantity is not None or mention is None:
            continue
        if fold(mention.text) not in _DEFINITE:
            continue
        before = [
            e
            for s, e in drafts
            if s < start and e.fact.item.id == d.fact.item.id and e.fact.quantity_kind == "exact"
        ]
        if len({e.fact.quantity for e in before}) == 1:
            d.fact.quantity, d.fact.quantity_kind = before[0].fact.quantity, "exact"


def _count_after_verb(text: str, end: int):
    """The count within three words after a partitive pronoun's verb group."""
    after = text[end : end + 40]
    for q in find_quantities(after):
        if len(after[: q.start].split()) <= 3:
            return Quantity(q.value, q.kind, q.start + end, q.end + end)
        break
    return None


def item_quantity(text: str, group: ItemGroup):
    """The count of an item: written right before it, or before the
    classifier noun that introduces it. « Au total, 49 canons » is a
    cumulative total; « en » counts after its verb (« en a envoyé 3 »)."""
    return _quantity_at(text, group.start, group.end)


# The count reads only the text and the item's place in it: each item is
# counted by the rules, the gap reading and the model's features (three
# times), and a reprint's sentence comes back with the same items.
@functools.lru_cache(maxsize=8192)
def _quantity_at(text: str, start: int, end: int):
    if fold(text[start:end]) in _PARTITIVE:
        return _count_after_verb(text, end)
    if _more_of_the_same(text, start, end):
        # « Huit autres suivront »: the count is the anaphor's own
        q = next(iter(find_quantities(text[start:end])), None)
        return q and Quantity(q.value, q.kind, q.start + start, q.end + start)
    found = quantity_before(text, start)
    if found is None:
        window_start = max(0, start - 60)
        for q in reversed(find_quantities(text[window_start:start])):
            gap = text[window_start + q.end : start]
            if _CLASSIFIERS.match(gap) or _APPOSED.match(gap):
                # « trois unités d'une arme similaire, le M270 »: apposed
                found = Quantity(q.value, q.kind, q.start + window_start, q.end + window_start)
            break
        else:
            # « un système de missiles Patriot », « une seule batterie »: one
            one = None
            for one in _ONE.finditer(text, window_start, start):  # noqa: B007
                pass
            if one is not None and _CLASSIFIERS.match(text[one.end() : start]):
                found = Quantity(1, "exact", one.start(), one.end())
    if found and _TOTAL.search(text[: found.start]):
        return Quantity(found.value, "cumulative_total", found.start, found.end)
    return found


_MORE = re.compile(r"(?:" + _WORDS.alternation("more_of_the_same") + r")\b")


def _more_of_the_same(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is « Huit autres » of « Huit autres
    suivront »: a count of more of an item named before."""
    m = _MORE.match(fold(text), start)
    return m is not None and m.end() == end


def _key(fact: Fact) -> tuple:
    item = fact.item.id if fact.item.specific else "kind:" + fact.item.category
    return (fact.donor, item, fact.status)


def _absorb(into: Fact, other: Fact) -> None:
    if into.quantity is None and other.quantity is not None:
        into.quantity, into.quantity_kind = other.quantity, other.quantity_kind
    elif other.quantity_kind == "cumulative_total" and into.quantity_kind != "cumulative_total":
        into.quantity, into.quantity_kind = other.quantity, other.quantity_kind
    if into.package is None and other.package is not None:
        into.package = other.package
        into.date = other.date or into.date
    if into.date is None:
        into.date = other.date


def _agentless_participle(trigger) -> bool:
    """« It complements the systems already gifted, including HIMARS »: a
    participle describing a noun, its giver unsaid, gives whoever gave them,
    not the state the article goes on about."""
    return (
        trigger is not None
        and trigger.dep_ in ("acl", "amod")
        and trigger.pos_ == "VERB"
        # a past participle (English « gifted » may be tagged a past tense)
        and "Past" in trigger.morph.get("Tense")
        and not any(c.dep_.startswith("nsubj") for c in trigger.children)
    )


def _named_after(system: Draft, kind: Draft) -> bool:
    """Whether the system is named after the kind, in its sentence."""
    return (
        system.sentence == kind.sentence
        and system.fact.mention is not None
        and kind.fact.mention is not None
        and kind.fact.mention.start < system.fact.mention.start
    )


def _counted_apart(system: Draft, kind: Draft) -> bool:
    """« 18 Caesar guns, fuel and about fifteen towed guns »: a kind counted
    after the system in its sentence, with a count of its own, is another
    item (« plus de 90 chars, 37 chars T-72 »: a total before its part is not)."""
    counts = (system.fact.quantity, kind.fact.quantity)
    return (
        system.sentence == kind.sentence
        and None not in counts
        and counts[0] != counts[1]
        and system.fact.mention is not None
        and kind.fact.mention is not None
        and kind.fact.mention.start > system.fact.mention.end
    )


def merge_facts(drafts: list[Draft]) -> list[Fact]:
    """One fact per (donor, item, status); kinds folded into the one system
    of their category that a neighbouring sentence names."""
    drafts = list(drafts)
    for g in [d for d in drafts if not d.fact.item.specific]:
        near = {
            d.fact.item.id: d
            for d in drafts
            if d.fact.item.specific
            and d.fact.item.category == g.fact.item.category
            and d.fact.donor == g.fact.donor
            and d.fact.status == g.fact.status
            and abs(d.sentence - g.sentence) <= 1
            and not _counted_apart(d, g)
        }
        if len(near) == 1:
            target = next(iter(near.values()))
            if target.fact.quantity is None and g.fact.quantity is not None:
                target.fact.quantity, target.fact.quantity_kind = (
                    g.fact.quantity,
                    g.fact.quantity_kind,
                )
            _absorb(target.fact, g.fact)
            drafts.remove(g)
    merged: dict[tuple, Fact] = {}
    others: set[tuple] = set()
    for d in _promised_or_asked_too(
        _families_as_members(_paired_with_holders(_carried_to_holders(_kinds_as_systems(drafts))))
    ):
        key = _key(d.fact)
        if d.others:
            others.add(key)
        if key in merged:
            into = merged[key]
            if (
                into.quantity_kind == d.fact.quantity_kind == "exact"
                and d.fact.mention is not None
                and _more_of_the_same(
                    d.fact.evidence.text,
                    d.fact.mention.start - d.fact.evidence.start,
                    d.fact.mention.end - d.fact.evidence.start,
                )
            ):
                # « Quatre chars seront expédiés. Huit autres suivront »: 12
                into.quantity += d.fact.quantity
            _absorb(into, d.fact)
        else:
            merged[key] = d.fact
    return _settle_unnamed_donors(list(merged.values()), others)


# « les derniers chars T-72 promis à l'Ukraine »: a participle of promising
# right after the item (folded text, a word or two between at most).
_PROMISED_AFTER = re.compile(
    r"^[\s,]*(?:[\w'’-]+\s+){0,2}?(?:"
    + "|".join(re.escape(p) for p in _PLEDGED_PARTICIPLES)
    + r")\w*\b"
)


# « ses blindés Marder, que Kiev aimerait obtenir », « des Caesar tant
# réclamés par les Ukrainiens »: a clause right after the item saying
# Ukraine wants it (folded text).
_WANTED_AFTER = re.compile(
    r"^[\s,]*(?:(?:que|qu')\s*(?:[\w'’-]+\s+){1,3}?(?:"
    + _WORDS.alternation("wanting_forms")
    + r")|(?:tant\s+|tres\s+)?(?:"
    + _WORDS.alternation("wanted_participles")
    + r")\s+par\s+(?:"
    + _WORDS.alternation("ukraine_forms")
    + r"))\b"
)


def _promised_or_asked_too(drafts: list[Draft]) -> list[Draft]:
    """« La Tchéquie a remis les derniers chars T-72 promis à l'Ukraine »:
    the item delivered was promised, and the promise is a fact too, which the
    reading of the sentence (one status for the mention) cannot give."""
    out = list(drafts)
    have = {_key(d.fact) for d in drafts}
    for d in drafts:
        f = d.fact
        if f.status == "pledged" or f.mention is None or f.donor is None:
            continue  # (a promise has nothing to add; a request is asked of someone)
        after = fold(f.evidence.text[f.mention.end - f.evidence.start :][:80])
        if _PROMISED_AFTER.match(after):
            # when it was promised the sentence does not say (« promis en
            # janvier » is not the delivery's date)
            promise = replace(f, status="pledged", date=None)
            if _key(promise) not in have:
                have.add(_key(promise))
                out.append(replace(d, fact=promise))
        if f.status != "requested" and _WANTED_AFTER.match(after):
            # asked of nobody named: Ukraine wants it, whoever gives it
            asked = replace(
                f, status="requested", donor=None, quantity=None, quantity_kind=None, date=None
            )
            if _key(asked) not in have:
                have.add(_key(asked))
                out.append(replace(d, fact=asked))
    return out


def member_of(member: str, family: str) -> bool:
    """Whether a system's name is a model of a family's (« Leopard 2A6 » of
    « Leopard 2 » and « Leopard », « M109A3 » of « M109 »; not « Mi-24 » of
    « Mi-2 »)."""
    m, f = member.lower(), family.lower()
    if len(m) <= len(f) or not m.startswith(f):
        return False
    nxt = m[len(f)]
    return nxt in " -" or (f[-1].isdigit() and nxt.isalpha())


def _families_as_members(drafts: list[Draft]) -> list[Draft]:
    """« des chars Leopard » and « 14 Leopard 2 » given by one state under one
    status in an article are one fact, about the model the article names:
    the family name is the same commitment said loosely. Where the article
    names models that are not one line (Leopard 1 and Leopard 2), the family
    name cannot be told apart and stays."""
    models: dict[tuple, dict[str, Item]] = {}
    for d in drafts:
        f = d.fact
        if f.item.specific:
            models.setdefault((f.donor, f.status), {})[f.item.id] = f.item
    out = []
    for d in drafts:
        f = d.fact
        if f.item.specific:
            named = [
                i
                for i in models.get((f.donor, f.status), {}).values()
                if member_of(i.name, f.item.name)
            ]
            # one line of models: each the family of the next
            named.sort(key=lambda i: len(i.name))
            line = all(member_of(b.name, a.name) for a, b in zip(named, named[1:], strict=False))
            if named and line:
                d = replace(d, fact=replace(f, item=named[-1]))
        out.append(d)
    return out


def _holders(drafts: list[Draft], outside: int | None = None) -> dict[str, set[str]]:
    """Item id → the states the article names giving, promising, weighing
    or refusing that system (not carried there from another sentence), in
    its sentences other than `outside`."""
    holders: dict[str, set[str]] = {}
    for d in drafts:
        f = d.fact
        if (
            not d.carried
            and d.sentence != outside
            and f.donor is not None
            and f.item.specific
            and f.status in _HOLDERS
        ):
            holders.setdefault(f.item.id, set()).add(f.donor)
    return holders


def _carried_to_holders(drafts: list[Draft]) -> list[Draft]:
    """A running donor carried to a sentence about a system that another
    state alone gives in the article is that state's: « La Pologne livre des
    MiG-29. L'Allemagne a donné son accord. L'Ukraine a reçu 10 avions »."""
    holders = _holders(drafts)
    out = []
    for d in drafts:
        held = holders.get(d.fact.item.id, set())
        if d.carried and len(held) == 1 and d.fact.donor not in held:
            d = replace(d, fact=replace(d.fact, donor=next(iter(held))), carried=False)
        out.append(d)
    return out


def _paired_with_holders(drafts: list[Draft]) -> list[Draft]:
    """« Les deux pays formeront les Ukrainiens aux Bradley et aux Marder »
    after the United States gave the Bradley and Germany the Marder: each
    state with its own system, when a sentence gives every system to every
    state and the rest of the article has each system given by one of
    them alone."""
    groups: dict[tuple[int, str], list[Draft]] = {}
    for d in drafts:
        f = d.fact
        if f.donor is not None and f.item.specific:
            groups.setdefault((d.sentence, f.status), []).append(d)
    drop: set[int] = set()
    for (sentence, _), members in groups.items():
        donors = {d.fact.donor for d in members}
        items = {d.fact.item.id for d in members}
        if len(donors) < 2 or len(items) < 2 or len(members) != len(donors) * len(items):
            continue
        holders = {
            i: held & donors for i, held in _holders(drafts, outside=sentence).items() if i in items
        }
        if any(len(holders.get(i, ())) != 1 for i in items):
            continue
        own = {i: next(iter(h)) for i, h in holders.items()}
        if len(set(own.values())) != len(items):
            continue  # one state holds two of them: no pairing to read
        drop |= {id(d) for d in members if own[d.fact.item.id] != d.fact.donor}
    return [d for d in drafts if id(d) not in drop]


# The categories of systems a kind of a category may stand for: « des
# véhicules blindés » in an article about the Bradley.
_STANDS_FOR = {
    "armoured_vehicle": (
        "armoured_vehicle",
        "infantry_fighting_vehicle",
        "armoured_personnel_carrier",
        "main_battle_tank",
    ),
}
# Of those, the categories a kind stands for only when it comes before the
# system in its sentence (« leur blindé équivalent, le Challenger 2 »): an
# article about tanks may count other armoured vehicles elsewhere, or listed
# after them (« 14 chars Challenger 2 et des centaines de véhicules blindés »).
_STANDS_FOR_HERE = {
    "armoured_vehicle": ("main_battle_tank",),
}
# Kinds whose word spans more than their category, and the categories they
# stand for when the system is named after them in their sentence:
# « l'artillerie à longue portée, des lance-roquettes M270 » (« artillerie »
# covers rocket artillery; « obusiers » does not).
_SPANS_HERE = {
    "gen_artillery": ("mlrs",),
}


def _kinds_as_systems(drafts: list[Draft]) -> list[Draft]:
    """A kind in an article that names a system of that category stands for
    it (« les obusiers blindés » in an article about the PzH 2000): the one
    system of the category the article names, or, when it names several, the
    one nearest the kind (its sentence, else the nearest sentence naming one
    alone). A kind that cannot be told apart from several is left out, as an
    analyst records a kind only where the text names no system."""
    systems: dict[str, list[Draft]] = {}
    for d in drafts:
        if d.fact.item.specific:
            systems.setdefault(d.fact.item.category, []).append(d)
    out = []
    for d in drafts:
        named = None
        if not d.fact.item.specific:
            here = _STANDS_FOR_HERE.get(d.fact.item.category, ())
            spans = _SPANS_HERE.get(d.fact.item.id, ())
            named = [
                n
                for c in (*_STANDS_FOR.get(d.fact.item.category, (d.fact.item.category,)), *spans)
                for n in systems.get(c, ())
                if (c not in here and c not in spans) or _named_after(n, d)
            ]
            if any(_counted_apart(n, d) for n in named):
                named = None  # another item of the category, not one of its systems
        if named and d.fact.status == "requested":
            # « les blindés figurent en tête de sa liste de souhaits »: what
            # Ukraine asks for is asked as a kind, whatever others give
            named = [n for n in named if n.fact.status == "requested"]
        if named:
            nearest = min(abs(n.sentence - d.sentence) for n in named)
            items = {
                n.fact.item.id: n.fact.item
                for n in named
                if abs(n.sentence - d.sentence) == nearest
            }
            if len(items) > 1:
                if d.fact.quantity is not None and nearest == 0:
                    # « 4 000 missiles antichars, dont des NLAW et des Javelin »:
                    # a counted kind its sentence gives examples of is a total
                    # an analyst records beside them
                    out.append(d)
                continue
            d = replace(d, fact=replace(d.fact, item=next(iter(items.values()))))
        out.append(d)
    return out


_HOLDERS = ("refused", "considered", "pledged", "delivered", "procured")


def _models_of_one(named: Fact, unnamed: Fact) -> bool:
    """Whether two facts of one status name one system, the family and a model
    of it (« Leopard 1 » and « Leopard 1 A5 »)."""
    a, b = named.item, unnamed.item
    return (
        named.status == unnamed.status
        and a.specific
        and b.specific
        and (member_of(a.name, b.name) or member_of(b.name, a.name))
    )


def _settle_unnamed_donors(facts: list[Fact], others: set[tuple] = frozenset()) -> list[Fact]:
    """Article-level donors for facts whose sentence names none.

    - « Les premiers F-16 sont arrivés » then « fournis par le Danemark et
      les Pays-Bas »: the donor-less fact is the same as the named ones, and
      is dropped.
    - Not requests: « Kiev réclame ces missiles » is addressed to nobody
      named, even where one state refuses or gives that system.
    - « des soldats ukrainiens sont formés sur le Gepard » where one state
      gives the Gepard: that state trains them.
    - « le premier lot d'AMX-10 RC est arrivé » in an article where only
      France gives the AMX-10 RC: France delivered it. Whatever the status,
      a named system's one holder in the article is its donor.
    - Not facts of `others` (their keys): « d'autres pays se sont engagés à
      envoyer des MiG-29 » after « la Pologne livre des MiG-29 » is a pledge
      by states the text does not name."""
    named: dict[tuple, set[str]] = {}
    for f in facts:
        if f.donor is not None:
            item = _key(f)[1]
            named.setdefault((item, f.status), set()).add(f.donor)
            if f.status in _HOLDERS:
                named.setdefault((item, "_holder"), set()).add(f.donor)
    out = []
    for f in facts:
        if f.donor is None and _key(f) not in others:
            item = _key(f)[1]
            if (item, f.status) in named and f.status != "requested":
                # the same fact: the count it may hold (« L'Ukraine va recevoir
                # 100 chars ») is the named donors' when they have none
                for other in facts:
                    if other.donor is not None and _key(other) == (other.donor, item, f.status):
                        _absorb(other, f)
                continue
            if f.status != "requested":
                # « L'Ukraine va recevoir 100 chars Leopard 1 A5 » then « la
                # livraison des Leopard 1, Berlin, Copenhague et La Haye »: the
                # model and its family, the count of the named states'
                for other in facts:
                    if other.donor is not None and _models_of_one(other, f):
                        _absorb(other, f)
            holders = named.get((item, "_holder"), set())
            if f.item.specific and len(holders) == 1 and f.status != "requested":
                f.donor = next(iter(holders))
                if (item, f.status) in named:
                    continue
        out.append(f)
    return out
