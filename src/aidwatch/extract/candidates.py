"""Candidates for the learned decisions, and the features they are judged on.

The tables and the parse find what a sentence could assert: its item groups
(catalogue hits) and the donors that could give them (named in the sentence,
named in the two sentences before, or the article's running donor), plus
« no donor ». The rules (status.py, donors.py) still read every group; their
reading becomes a feature, beside what a model can weigh better than a rule
written from a few texts: the words that govern the item, tense, mood,
negation, the cue classes of the language tables, where the donor stands in
the parse and which word introduces it.

Two decisions are made on these features (decide.py): which statuses an
item group has (one yes-or-no per status: none, one, or several), and for
each status which of its donor options give it. Features are plain strings (one-hot) so a linear
model can hold them; they name words and relations, never whole sentences.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from aidwatch.catalog import Donor
from aidwatch.extract.facts import head_word, span_at
from aidwatch.extract.items import ItemGroup
from aidwatch.extract.nlp import text_of
from aidwatch.extract.status import (
    is_negated,
    lemma,
    lexicon,
    read_status,
    verb_tense,
    word_class,
)
from aidwatch.extract.text import Sentence, fold

NO_DONOR = "-"  # the option « no donor named »
_WINDOW = 6  # words either side of the item read as a bag
_CHAIN = 5  # heads above the item read in order


@dataclass
class DonorOption:
    code: str  # NO_DONOR for none
    features: list[str]


@dataclass
class Candidate:
    """One item group of one parsed sentence, with its donor options."""

    sentence: Sentence
    group: ItemGroup
    features: list[str]
    options: list[DonorOption] = field(default_factory=list)
    named: frozenset[str] = frozenset()  # donors the sentence itself names
    read: str | None = None  # the status the rules read off the parse, before choosing donors
    rule_status: str | None = None  # what the rules said
    rule_donors: tuple[str | None, ...] = ()
    date: str | None = None  # the sentence's date
    running_date: str | None = None  # the date that came with a carried donor
    judge: bool = True  # False: the model cannot change the rules' reading; no features


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n <= 3 else "4" if n <= 7 else "8+"


def _chain(root) -> list:
    out = []
    token = root
    # `.head` makes a new Token at each call: asked once a step.
    while len(out) < _CHAIN and (head := token.head).i != token.i:
        token = head
        out.append(token)
    return out


def _cue(token) -> str | None:
    """The lexicon class of a word: a status verb or noun, or a modal."""
    cls = word_class(token)
    if cls:
        return cls
    modal = lexicon().modals.get(lemma(token))
    return "modal_" + modal if modal else None


def sentence_cues(doc) -> list[tuple[int, str, bool]]:
    """(token index, cue class, negated) of the sentence's cue words, found
    once per parse: every item of the sentence reads them."""
    found = doc.user_data.get("cues")
    if found is None:
        cues = _token_cues(doc)
        found = doc.user_data["cues"] = [
            (t.i, cue, is_negated(t)) for t in doc if (cue := cues[t.i]) is not None
        ]
    return found


def _token_cues(doc) -> list[str | None]:
    """`_cue` of each token of the parse, by index, worked out once: the
    sentence's cues and each item's chain of heads read them."""
    found = doc.user_data.get("token_cues")
    if found is None:
        found = doc.user_data["token_cues"] = [_cue(t) for t in doc]
    return found


def sentence_considers(doc) -> bool:
    """Whether the sentence has a word of possibility (« si », « éventuel »)."""
    found = doc.user_data.get("considers")
    if found is None:
        cues = lexicon().consider_cues
        found = doc.user_data["considers"] = any(fold(t.text) in cues for t in doc)
    return found


def item_features(doc, root, group: ItemGroup, rule_status: str | None, reading) -> list[str]:
    """What the sentence says about the item at `root`; `reading`: the
    rules' status reading of it (status.read_status). Kept with the parse:
    a reprint's sentence comes back with its parse (nlp.py), and its items
    with the same features."""
    key = (
        root.i,
        group.system.item.category,
        group.specific,
        group.mentions[0].form,
        rule_status,
        reading.status if reading else None,
        reading.trigger_class if reading else None,
    )
    kept = doc.user_data.get("item_features")
    if kept is None:
        kept = doc.user_data["item_features"] = {}
    found = kept.get(key)
    if found is None:
        # Interned: the same few thousand features come back in every
        # sentence, and the parses kept hold them (about 2 KB a parse, 0.5 once shared).
        found = kept[key] = tuple(
            map(sys.intern, _item_features(doc, root, group, rule_status, reading))
        )
    return list(found)


def _item_features(doc, root, group: ItemGroup, rule_status: str | None, reading) -> list[str]:
    f = [
        "bias",
        "cat=" + group.system.item.category,
        "specific=" + str(group.specific),
        "form=" + group.mentions[0].form,
        "dep=" + root.dep_,
        "rule=" + (rule_status or "none"),
        "read=" + (reading.status if reading else "none"),
        "read_cls=" + (reading.trigger_class if reading else "none"),
    ]
    chain = _chain(root)
    cues = _token_cues(doc)
    verb_seen = False
    for k, token in enumerate(chain):
        lem = lemma(token)
        cue = cues[token.i]
        f.append(f"anc={lem}")
        if k < 2:
            f.append(f"anc{k}={lem}")
        if cue:
            f.append(f"anc_cue={cue}")
            if not verb_seen:
                f.append(f"first_cue={cue}")
        if token.pos_ in ("VERB", "AUX") and not verb_seen:
            verb_seen = True
            tense = verb_tense(token)
            f += [f"verb={lem}", f"tense={tense}", f"verb_cue={cue}|{tense}"]
            if is_negated(token):
                f += ["neg", f"neg_cue={cue}"]
            for c in token.children:
                if c.dep_.startswith("aux"):
                    f.append(f"aux={lemma(c)}")
    if is_negated(root):
        f.append("neg_item")
    for c in root.children:
        if c.dep_ in ("det", "case", "nummod", "amod"):
            f.append(f"{c.dep_}={fold(c.text)}")
    lo, hi = max(0, root.i - _WINDOW), min(len(doc), root.i + _WINDOW + 1)
    for t in doc[lo:hi]:
        if t.is_alpha and t.i != root.i:
            f.append(
                ("wl=" if t.i < root.i else "wr=") + fold(t.text)
            )  # words as written: a lemma costs the lemmatizer
    for i, cue, negated in sentence_cues(doc):
        f.append("cue=" + cue)
        if abs(i - root.i) <= 8:
            f.append("cue_near=" + cue)
            if negated:
                f.append("cue_near_neg=" + cue)
    text = text_of(doc)
    if sentence_considers(doc):
        f.append("consider_cue")
    if "?" in text:
        f.append("question_mark")
    if "«" in text or '"' in text:
        f.append("quote")
    return f


def _path(a, b) -> str:
    """The dependency path from token a up to the lowest common head, then down to b."""
    up_a, x = [], a
    seen = {a.i: 0}
    while len(up_a) < 8 and (head := x.head).i != x.i:
        up_a.append(x.dep_)
        x = head
        seen[x.i] = len(up_a)
    up_b, y = [], b
    while y.i not in seen and len(up_b) < 8 and (head := y.head).i != y.i:
        up_b.append(y.dep_)
        y = head
    if y.i not in seen:
        return "far"
    return "/".join(up_a[: seen[y.i]]) + "^" + "/".join(reversed(up_b))


def named_option(
    doc, root, token, donor: Donor, sentence_donors: int, cue: str | None
) -> list[str]:
    """A donor named in the item's sentence, at `token`."""
    before = [fold(t.text) for t in doc[max(0, token.i - 2) : token.i]]
    prev = before[-1] if before else "^"
    f = [
        "named",
        "kind=" + donor.kind,
        "d_dep=" + token.dep_,
        "d_head=" + lemma(token.head),
        "d_prev=" + prev,
        "d_prev2=" + "_".join(before),
        "d_side=" + ("before" if token.i < root.i else "after"),
        "d_dist=" + _bucket(abs(token.i - root.i) // 3),
        "path=" + _path(token, root),
        "n_named=" + _bucket(sentence_donors),
        f"d_prev_cue={prev}|{cue}",
        f"d_dep_cue={token.dep_}|{cue}",
    ]
    if donor.code in ("UA", "RU"):
        f.append("d_code=" + donor.code)
    return f


def carried_option(kind: str, distance: int, sentence_donors: int, cue: str | None) -> list[str]:
    """A donor from outside the sentence: the running donor, or one named
    `distance` sentences before."""
    return [
        "carried=" + kind,
        f"carried_dist={distance}",
        "n_named=" + _bucket(sentence_donors),
        f"carried_cue={kind}|{cue}",
        f"carried_named={kind}|{_bucket(sentence_donors)}",
    ]


def none_option(sentence_donors: int, carried: bool, cue: str | None) -> list[str]:
    return [
        "none",
        "n_named=" + _bucket(sentence_donors),
        f"none_carried={carried}",
        f"none_cue={cue}",
        f"none_named_cue={_bucket(sentence_donors)}|{cue}",
    ]


def first_cue(doc, root) -> str | None:
    cues = _token_cues(doc)
    for token in _chain(root):
        cue = cues[token.i]
        if cue:
            return cue
    return None


def tokens_of(doc, start: int, end: int):
    span = span_at(doc, start, end)
    return span if span is not None and len(span) else None


def sentence_candidates(
    sentence: Sentence,
    doc,
    groups: list[ItemGroup],
    donor_mentions: list,
    earlier: list[tuple[int, set[str]]],
    carry: str | None,
    rule: dict[int, tuple[str, list[str | None]]],
    lists: dict[int, tuple[Donor, ...]] | None = None,
    judged: frozenset[str] | None = None,
) -> list[Candidate]:
    """The candidates of one parsed sentence.

    `donor_mentions`: the sentence's donor mentions (first pass);
    `earlier`: (distance, donor codes) of the sentences before;
    `carry`: the article's running donor; `rule`: group start → (status,
    donors) as the rules read it; `lists`: token → the donors written in
    one list with it (« le Danemark, les Pays-Bas et l'Allemagne »);
    `judged`: the statuses the model judges (None: all). A group the model
    cannot change (the rules read another status, or read one and set it
    aside) gets no features: reading the parse for them is most of the
    model's cost."""
    named: list[tuple[object, Donor]] = []
    for m in donor_mentions:
        donor: Donor = m.ref
        if not donor.can_give:
            continue
        span = tokens_of(doc, m.start, m.end)
        if span is not None:
            named.append((span.root, donor))
    codes_here = {d.code for _, d in named}
    out = []
    for g in groups:
        span = tokens_of(doc, g.start, g.end)
        if span is None:
            continue
        root = head_word(span)
        rule_status, rule_donors = rule.get(g.start, (None, []))
        reading = read_status(root, span)
        if judged is not None and (
            rule_status not in judged and (rule_status is not None or reading is not None)
        ):
            out.append(
                Candidate(
                    sentence,
                    g,
                    [],
                    [],
                    frozenset(codes_here),
                    reading.status if reading else None,
                    rule_status,
                    tuple(rule_donors),
                    judge=False,
                )
            )
            continue
        cue = first_cue(doc, root)
        features = item_features(doc, root, g, rule_status, reading)
        options: dict[str, DonorOption] = {}
        for token, donor in sorted(named, key=lambda td: abs(td[0].i - root.i)):
            if donor.code in options:
                continue  # the mention nearest the item speaks for its donor
            f = named_option(doc, root, token, donor, len(codes_here), cue)
            if donor.code in rule_donors:
                f.append("rule_donor")
            members = {d.code for d in (lists or {}).get(token.i, ())}
            if len(members) > 1:
                f.append("in_list")
                if members.intersection(rule_donors):
                    f.append("list_with_rule_donor")
            options[donor.code] = DonorOption(donor.code, f)
        for distance, codes in earlier:
            for code in sorted(codes - options.keys()):
                f = carried_option("earlier", distance, len(codes_here), cue)
                if code == carry:
                    f.append("running")
                if code in rule_donors:
                    f.append("rule_donor")
                options[code] = DonorOption(code, f)
        if carry and carry not in options:
            f = carried_option("running", 1, len(codes_here), cue) + ["running"]
            if carry in rule_donors:
                f.append("rule_donor")
            options[carry] = DonorOption(carry, f)
        f = none_option(len(codes_here), bool(carry), cue)
        if None in rule_donors:
            f.append("rule_donor")
        options[NO_DONOR] = DonorOption(NO_DONOR, f)
        out.append(
            Candidate(
                sentence,
                g,
                features,
                list(options.values()),
                frozenset(codes_here),
                reading.status if reading else None,
                rule_status,
                tuple(rule_donors),
            )
        )
    return out
