"""Who gives: donor attribution through sentence structure.

In order of authority:
1. the subject of the verbs above the item, with everything coordinated or
   attached to it (« La Slovaquie et la Pologne ont commencé à livrer »,
   « D'autres pays, dont la Belgique, menés par les Pays-Bas ... »);
2. when the subject is the item itself or the recipient (« l'Ukraine a
   reçu »), adjectives and complements of the item and of the nouns above it
   (« chars britanniques et allemands », « l'aide américaine »), plus agents
   of aid participles anywhere in the sentence (« une opération coordonnée
   par les Etats-Unis, l'Allemagne et les Pays-Bas »);
3. for a request, whoever it is addressed to (« presse Berlin de livrer »);
   « les Occidentaux » name no donor;
4. otherwise, when the clause has no subject of its own or only a pronoun,
   the article's running donor (kept by `RunningDonor`).
Recipients and adversaries are recognised but never donors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aidwatch.catalog import Donor
from aidwatch.extract.status import lemma, lexicon
from aidwatch.extract.text import fold

_PRONOUNS = {"il", "ils", "elle", "elles", "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "lui", "on"}
# Subjects that stand for givers the text does not name.
_COLLECTIVES = {
    "allie", "occidental", "occidentaux", "partenaire", "pays", "europeen", "membre", "soutien",
    "gouvernement", "etat", "capitale", "donateur", "bailleur", "responsable", "ministre", "president",
    "dirigeant", "chef", "porte-parole", "general", "secretaire", "premier", "nation",
}
_ADDRESSEE_DEPS = ("obj", "iobj", "obl:arg", "obl", "obl:mod", "nsubj:pass")


@dataclass
class Attribution:
    donors: list[str]
    basis: str  # subject, modifier, agent, addressee, running, pronoun, none, other


def _codes(tokens, donor_at: dict[int, Donor], lists: dict[int, tuple[Donor, ...]] | None = None) -> list[str]:
    """Donor codes of these tokens; with `lists`, each with the donors written
    in a list with it (« par les Etats-Unis, l'Allemagne et les Pays-Bas »),
    which the parser often breaks apart."""
    out: list[str] = []
    for tok in tokens:
        donors = (lists or {}).get(tok.i) or ((donor_at[tok.i],) if tok.i in donor_at else ())
        for donor in donors:
            if donor.can_give and donor.code not in out:
                out.append(donor.code)
    return out


def _mentions_in(tokens, donor_at: dict[int, Donor]) -> list[Donor]:
    return [donor_at[t.i] for t in tokens if t.i in donor_at]


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            if child.morph.get("PronType") == ["Rel"] and verb.dep_.startswith("acl"):
                return verb.head  # « Kiev qui réclamait » → Kiev
            return child
    return None


def _modifier_tokens(item_root, trigger) -> list:
    """Adjectives and « de X » complements of the item and of the nouns above it."""
    out = []
    token = item_root
    chain = [item_root]
    while token.head.i != token.i and token.i != trigger.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            chain.append(token)
    for noun in chain:
        for child in noun.children:
            if child.dep_ in ("amod", "nmod", "flat:name", "appos") and child.i not in {n.i for n in chain}:
                out.append(child)
                out += [c for c in child.children if c.dep_ == "conj"]
    return out


def attribute(
    item_root, item_span, reading, donor_at: dict[int, Donor], lists: dict[int, tuple[Donor, ...]] | None = None
) -> Attribution:
    """Donors for the item at `item_root`, given its status reading."""
    lex = lexicon()
    doc = item_root.doc
    if reading.status == "requested":
        request = reading.trigger
        addressees = [c for c in request.children if c.dep_ in _ADDRESSEE_DEPS and c.i not in range(item_span.start, item_span.end)]
        codes = _codes([t for a in addressees for t in a.subtree if t.i not in range(item_span.start, item_span.end)], donor_at)
        return Attribution(codes, "addressee" if codes else "none")

    # 1. subjects, from the trigger upwards
    subject_basis = "none"
    verb = reading.trigger
    steps = 0
    while verb is not None and steps < 8:
        steps += 1
        subject = _subject(verb)
        if subject is not None and subject.i != verb.i:
            subtree = list(subject.subtree)
            if any(t.i == item_root.i for t in subtree):
                subject_basis = "item"  # passive or « des chars pourraient suivre »
            elif fold(subject.text) in _PRONOUNS or subject.pos_ == "PRON":
                subject_basis = "pronoun"
                break
            else:
                codes = _codes(subtree, donor_at, lists)
                if codes:
                    return Attribution(codes, "subject")
                mentions = _mentions_in(subtree, donor_at)
                if any(m.kind == "recipient" for m in mentions):
                    subject_basis = "recipient"
                    break
                if fold(subject.lemma_) in _COLLECTIVES or subject.pos_ == "PROPN":
                    subject_basis = "other"  # « les alliés », « M. Stoltenberg »: nobody we can name
                    break
                # « dont la dernière [tranche] comprenait », « la livraison a
                # commencé »: the giver is further up.
        if verb.head.i == verb.i:
            break
        verb = verb.head

    # 2. modifiers of the item, and aid agents anywhere in the sentence
    codes = _codes(_modifier_tokens(item_root, reading.trigger), donor_at)
    for tok in doc:
        if tok.dep_ == "obl:agent" and lemma(tok.head) not in lex.not_donor_agents:
            agents = [tok] + [t for t in tok.subtree if t.dep_ in ("conj", "flat:name")]
            codes += [c for c in _codes(agents, donor_at, lists) if c not in codes]
    if codes:
        return Attribution(codes, "modifier")
    return Attribution([], subject_basis)


@dataclass
class RunningDonor:
    """The donor an article is talking about, carried to the next sentence.

    Only a single donor carries: after « La Slovaquie et la Pologne ont
    livré », a sentence without a donor has none. It is set by the donors of
    a sentence's facts and packages, or by the one donor a sentence about aid
    names; a sentence without either leaves it as it was for one sentence."""

    current: str | None = None
    age: int = 0
    history: list[str | None] = field(default_factory=list)

    def carry(self) -> str | None:
        return self.current if self.age <= 1 else None

    def update(self, donors: set[str] | None, mentioned: set[str], about_aid: bool) -> None:
        if donors is not None:
            self.current = next(iter(donors)) if len(donors) == 1 else None
            self.age = 0
        elif about_aid and len(mentioned) == 1:
            self.current = next(iter(mentioned))
            self.age = 0
        elif about_aid and len(mentioned) > 1:
            self.current = None
        else:
            self.age += 1
