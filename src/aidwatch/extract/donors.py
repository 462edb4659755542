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

import re
from dataclasses import dataclass

from aidwatch.catalog import Donor
from aidwatch.extract import nlp
from aidwatch.extract.language import tables
from aidwatch.extract.status import lemma, lexicon, verb_lemma, word_class
from aidwatch.extract.text import fold

_WORDS = tables()
_PRONOUNS = _WORDS.words("subject_pronouns")
_FIRST_PERSON = _WORDS.words("first_person")
_INCLUDING = _WORDS.words("inclusion_verbs")
# Subjects that stand for givers the text does not name.
_COLLECTIVES = _WORDS.words("collective_subjects")
_GIVER_COLLECTIVES = _WORDS.words("giver_collectives")
_GIVERS_LINKS = _WORDS.words("giver_links")
# « le gouvernement », « le ministère »: one state's institution, the one the
# article is about when no state is named with it
_INSTITUTIONS = _WORDS.words("institution_subjects")
_SINGULAR_DEFINITE = _WORDS.words("singular_definite_articles")
# « his country », « son pays »: the country of whoever says it.
_SPEAKERS_OWN = _WORDS.words("possessives")
# « par la France », « de la part du Canada », « en provenance de Pologne »
_SOURCE_DETERMINERS = _WORDS.words("source_determiners")
_SOURCE_PREPOSITIONS = _WORDS.words("source_prepositions")
# the preposition of a noun's agent: « la livraison par la Pologne »
_AGENT_CASES = _WORDS.words("agent_prepositions")
_GROUPINGS = _WORDS.words("grouping_nouns")
_EXAMPLES = _WORDS.words("example_markers")
_AGENT_NOUNS = _WORDS.words("agent_nouns")
_COMPARED = re.compile(r"\b(?:" + _WORDS.alternation("comparative_markers") + r")\s")
_AUTHORISING = _WORDS.words("authorising_verbs")
_CLITICS = _WORDS.words("verb_clitics")  # « Washington ne leur en livrera pas »
_ADDRESSEE_DEPS = ("obj", "iobj", "obl:arg", "obl", "obl:mod", "nsubj:pass")


@dataclass
class Attribution:
    donors: list[str]
    basis: str  # subject, modifier, agent, addressee, running, pronoun, none, other, others
    pronoun: str | None = None  # the subject pronoun of a « pronoun » basis, folded
    pronoun_of: int | None = None  # and the token of the verb it is the subject of


def _codes(
    tokens, donor_at: dict[int, Donor], lists: dict[int, tuple[Donor, ...]] | None = None
) -> list[str]:
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
    # A Token is made anew at each step over `children`, and its `dep_` looked
    # up: the verb's children and their relations are read once here.
    children = list(verb.children)
    deps = [c.dep_ for c in children]
    found = _subject_among(verb, children, deps)
    if found is not None:
        return found
    # The md parser sometimes hangs the subject on the auxiliary (« Le
    # Danemark, qui ..., a annoncé »).
    for aux, dep in zip(children, deps, strict=True):
        if dep.startswith("aux"):
            below = list(aux.children)
            found = _subject_among(verb, below, [c.dep_ for c in below])
            if found is not None:
                return found
    # « la Suède, qui ne fait pas partie de l'OTAN, a décidé »: the md parser
    # hangs the subject on the relative clause, beside its « qui »
    for clause, dep in zip(children, deps, strict=True):
        if dep != "advcl" or clause.i > verb.i:
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")]
        relative = [c for c in subjects if c.morph.get("PronType") == ["Rel"]]
        if relative:
            before = [c for c in subjects if c.i < relative[0].i and c.pos_ in ("NOUN", "PROPN")]
            if before:
                return before[-1]
    # « ..., a répondu lundi le président américain »: the md parser calls the
    # inverted subject of a reporting incise its object.
    if verb_lemma(verb) in lexicon().reporting and any(
        dep in ("advcl", "ccomp", "parataxis", "xcomp") and c.i < verb.i
        for c, dep in zip(children, deps, strict=True)
    ):
        return next(
            (c for c, dep in zip(children, deps, strict=True) if dep == "obj" and c.i > verb.i),
            None,
        )
    return None


def _subject_among(verb, children: list, deps: list[str]):
    """The first of these children (the verb's or its auxiliary's) that is
    a subject, a relative pronoun standing for the word it refers to."""
    for child, dep in zip(children, deps, strict=True):
        if dep in ("nsubj", "nsubj:pass", "expl:subj"):
            if child.morph.get("PronType") == ["Rel"] and verb.dep_.startswith("acl"):
                return _Antecedent(verb.head)  # « Kiev qui réclamait » → Kiev
            return child
    return None


class _Antecedent:
    """The word a relative pronoun stands for: its own words only, not the
    relative clause hanging on it (which holds the item)."""

    def __init__(self, token):
        self.token = token
        self.i = token.i
        self.text = token.text
        self.pos_ = token.pos_
        self.lemma_ = token.lemma_

    @property
    def subtree(self):
        return [self.token] + [
            c for c in self.token.children if c.dep_ in ("flat:name", "conj", "amod", "det")
        ]


def _modifier_tokens(item_root, item_span, trigger) -> list:
    """Adjectives and « de X » complements of the item (any of its words) and
    of the nouns above it up to the verb."""
    out = []
    token = item_root
    nouns = list(item_span)
    while (
        (head := token.head).i != token.i
        and token.i != trigger.i
        and token.pos_ not in ("VERB", "AUX")
    ):
        token = head
        if token.pos_ in ("NOUN", "PROPN"):
            nouns.append(token)
    inside = {n.i for n in nouns}
    out += list(item_span)  # « chars américains Abrams »: the donor sits inside the group
    for noun in nouns:
        out += [
            c
            for c in noun.children
            if c.dep_ in ("amod", "nmod", "flat:name", "appos") and c.i not in inside
        ]
    if trigger is not None and trigger.dep_ == "amod":
        # « UK-supplied Storm Shadow missiles »: the giver fused to the participle
        out += [c for c in trigger.children if c.dep_ in ("obl:npmod", "compound")]
    # « chars lourds britanniques et allemands »
    out += [
        c
        for t in list(out)
        for c in t.children
        if c.dep_ == "conj" and c.pos_ in ("ADJ", "NOUN", "PROPN")
    ]
    return out


def source_donors(doc, donor_at: dict[int, Donor], lists) -> list[str]:
    """Donors named as the source: « par la France » after a participle,
    « de la part du Canada », « en provenance de Pologne »."""
    out: list[str] = []
    for i in donor_at:
        if i > 0 and i - 1 in donor_at:
            continue  # not the first word of its mention
        before = [fold(t.text) for t in doc[max(0, i - 6) : i]]
        while before and before[-1] in _SOURCE_DETERMINERS:
            before.pop()
        # « entraînés par des instructeurs de l'OTAN », « par des soldats
        # britanniques »: the people who act for the state
        if before and before[-1] in _AGENT_NOUNS:
            before.pop()
            while before and before[-1] in _SOURCE_DETERMINERS:
                before.pop()
        head = doc[i].head
        if (
            before
            and before[-1] in _AGENT_CASES
            and head.pos_ == "NOUN"
            and head.i != i
            and word_class(head) is None
            and lemma(head) not in _COLLECTIVES
        ):
            # « en cas de remplacement par les Etats-Unis »: the agent of a
            # noun that gives nothing is no source of the item (« from U.S.
            # arsenals » is)
            continue
        if (
            before
            and before[-1] in _AGENT_CASES
            and head.pos_ == "VERB"
            and head.dep_ == "acl"
            and lemma(head.head) in _GROUPINGS
        ):
            # « dans le cadre de la coalition mise sur pied par le Danemark »:
            # who set up the group, not who gives within it
            continue
        if (before and before[-1] in _SOURCE_PREPOSITIONS) or (
            # « par plusieurs pays, dont les Etats-Unis »
            before
            and before[-1] in _EXAMPLES
            and any(fold(t.text) in _SOURCE_PREPOSITIONS for t in doc[max(0, i - 8) : i - 1])
        ):
            out += [c for c in _codes([doc[i]], donor_at, lists) if c not in out]
    return out


def compared_donors(doc, donor_at: dict[int, Donor], lists) -> list[str]:
    """Donors named after « tout comme », « à l'instar de »: compared with the
    giver, they give as well."""
    folded = nlp.folded(doc)
    out: list[str] = []
    for match in _COMPARED.finditer(folded):
        for t in doc:
            if t.idx < match.end():
                continue
            if t.i in donor_at:
                out += [c for c in _codes([t], donor_at, lists) if c not in out]
                break
            if t.idx > match.end() + 6:  # only a determiner between
                break
    return out


def _adjacent_subject(trigger, donor_at: dict[int, Donor], lists) -> list[str]:
    """« ..., Washington pourrait livrer », « Washington a débloqué »: a donor
    standing right before a verb group above the item when the parser gave
    it another role."""
    doc = trigger.doc
    verb = trigger
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX"):
            first = min(
                [verb] + [c for c in verb.children if c.dep_.startswith("aux")], key=lambda t: t.i
            )
            i = first.i - 1
            while i >= 0 and fold(doc[i].text) in _CLITICS:
                i -= 1
            if i >= 0 and i in donor_at and doc[i].dep_ not in ("nsubj", "nsubj:pass"):
                if _of_givers(doc[i], donor_at):
                    return []  # « les partenaires de l'OTAN ont évoqué »
                return _codes([doc[i]], donor_at, lists)
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return []


def _detached_subject(trigger, donor_at: dict[int, Donor], lists) -> list[str]:
    """« L'Allemagne, créatrice de ces chars, a refusé … »: a subject set
    apart by an apposition, which the parser left as a root of its own
    before the verb's clause."""
    top = trigger
    while top.head.i != top.i:
        top = top.head
    doc = trigger.doc
    for i in nlp.roots(doc):
        if i == top.i or i > trigger.i or i not in donor_at:
            continue
        root = doc[i]
        if root.pos_ == "PROPN" and not any(
            t.pos_ in ("VERB", "AUX") for t in doc[root.i : trigger.i] if t.head.i == root.i
        ):
            return _codes([root], donor_at, lists)
    return []


def _speaker(verb, donor_at: dict[int, Donor], lists, states_only: bool = False) -> list[str]:
    """« “Nous voulons livrer …”, a déclaré le ministre allemand »: the donor
    named by the one who says « nous », in the reporting clause of the quote."""
    top = verb
    while top.head.i != top.i:
        top = top.head
    # the incise hangs on the quote, or the quote on the reporting verb, or
    # the parser left them apart (two roots)
    doc = verb.doc
    roots = [doc[i] for i in nlp.roots(doc) if i != top.i]
    for child in [top, *top.children, *roots]:
        if child.i == verb.i:
            continue
        if child.pos_ in ("VERB", "AUX") and verb_lemma(child) in lexicon().reporting:
            # the inverted subject of the incise is often parsed as its object
            speakers = [_subject(child)] + [
                c for c in child.children if c.dep_ == "obj" and c.i > child.i
            ]
            for speaker in speakers:
                words = [
                    t
                    for t in (speaker.subtree if speaker else ())
                    if not states_only or (t.i in donor_at and donor_at[t.i].kind == "state")
                ]
                codes = _codes(words, donor_at, lists)
                if codes:
                    return codes
    return []


def _giving_verb_below(item_root, reading):
    """Where the search for a subject starts: the trigger, or under an
    attitude the verb that gives, when it has a subject of its own (« on ne
    peut pas exclure que l'Italie fournisse des Aster »: Italy would give)."""
    trigger = reading.trigger
    if reading.trigger_class not in ("refuse", "consider"):
        return trigger
    token = item_root
    while token.head.i != token.i and token.head.i != trigger.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]:
            if trigger in token.ancestors and _subject(token) is not None:
                return token
            break
    return trigger


def attribute(
    item_root,
    item_span,
    reading,
    donor_at: dict[int, Donor],
    lists: dict[int, tuple[Donor, ...]] | None = None,
    item_tokens: set[int] | None = None,
) -> Attribution:
    """Donors for the item at `item_root`, given its status reading;
    `item_tokens`: the words of every item of the sentence."""
    doc = item_root.doc
    in_item = set(range(item_span.start, item_span.end))
    item_donors = [
        donor_at[t.i]
        for t in _modifier_tokens(item_root, item_span, reading.trigger)
        if t.i in donor_at
    ]
    if any(d.kind == "adversary" for d in item_donors):
        return Attribution([], "adversary")  # « des missiles russes Kalibr »
    if reading.status == "requested":
        request = reading.trigger
        subject = _subject(request)
        skip = in_item | ({t.i for t in subject.subtree} if subject is not None else set())
        # « dans l'espoir d'obtenir des F-16 américains »: a demonym on an
        # item says where it comes from, not whom the request is made to.
        # « Nato fighter jets », « F-16s, which the UK does not possess »: nor
        # does a name fused to it, or a relative clause about it.
        items = item_tokens or set()
        skip |= {
            d.i
            for t in request.subtree
            if t.head.i in items and t.dep_ in ("amod", "compound", "acl:relcl")
            for d in (t.subtree if t.dep_ == "acl:relcl" else (t,))
        }
        codes = _codes([t for t in request.subtree if t.i not in skip], donor_at, lists)
        return Attribution(codes, "addressee" if codes else "none")

    # 0. the agent of a noun of giving: « son feu vert à la livraison par
    # Varsovie de chars Leopard » is Varsovie's, whoever gives the green light
    trigger = reading.trigger
    if trigger is not None and trigger.pos_ == "NOUN":
        agents = [
            t
            for c in trigger.children
            if c.dep_ in ("nmod", "obl:agent") and c.i not in in_item
            if any(fold(k.text) in _AGENT_CASES for k in c.children if k.dep_ == "case")
            for t in c.subtree
            if t.dep_ != "acl:relcl" and t.head.dep_ != "acl:relcl"
        ]
        codes = _codes(agents, donor_at, lists)
        if codes:
            return Attribution(codes, "agent")

    # 1. subjects, from the trigger upwards
    subject_basis = "none"
    pronoun = None
    verb = _giving_verb_below(item_root, reading)
    steps = 0
    while verb is not None and steps < 16:
        steps += 1
        subject = _subject(verb)
        if verb_lemma(verb) in _INCLUDING and (subject is None or subject.i == verb.i):
            # « la coalition de nations voulant livrer des Leopard comprend le
            # Danemark », its subject lost to the participle: its members give
            members = [t for c in verb.children if c.dep_ == "obj" for t in c.subtree]
            if not any(t.i == item_root.i for t in members):
                codes = _codes(members, donor_at, lists)
                if codes:
                    return Attribution(codes, "subject")
        if subject is not None and subject.i != verb.i:
            subtree = list(subject.subtree)
            mentions = _mentions_in(subtree, donor_at)
            if any(m.kind == "adversary" for m in mentions) and not any(
                m.can_give for m in mentions
            ):
                return Attribution([], "adversary")  # « la Russie a reçu des drones iraniens »
            if any(t.i == item_root.i for t in subtree):
                subject_basis = "item"  # passive or « des chars pourraient suivre »
                if verb_lemma(verb) in _INCLUDING:
                    # « la coalition des pays prêts à livrer des Leopard comprend
                    # le Danemark et l'Espagne »: its members give
                    members = [t for c in verb.children if c.dep_ == "obj" for t in c.subtree]
                    codes = _codes(members, donor_at, lists)
                    if codes:
                        return Attribution(codes, "subject")
            elif fold(subject.text) in _PRONOUNS or subject.pos_ == "PRON":
                subject_basis = "pronoun"  # « elle transférerait »: look further up
                pronoun = pronoun or subject
                if fold(subject.text) in _FIRST_PERSON:
                    codes = _speaker(verb, donor_at, lists)
                    if codes:
                        return Attribution(codes, "subject")
            else:
                collective = lemma(getattr(subject, "token", subject)) in _GIVER_COLLECTIVES
                # « d'autres membres de l'OTAN », « les pays européens », « les
                # réunions des partenaires de l'OTAN »: states of a body, not the body
                subtree = [
                    t
                    for t in subtree
                    if not (
                        t.i in donor_at
                        and donor_at[t.i].kind == "body"
                        and (collective or _of_givers(t, donor_at))
                    )
                ]
                codes = _codes(subtree, donor_at, lists)
                if codes:
                    if reading.status in ("pledged", "delivered", "considered", "refused"):
                        compared = compared_donors(doc, donor_at, lists)
                        codes += [c for c in compared if c not in codes]
                    return Attribution(codes, "subject")
                if any(m.kind == "recipient" for m in mentions) and (
                    lemma(getattr(subject, "token", subject)) not in _GIVER_COLLECTIVES
                ):
                    if any(
                        donor_at[t.i].kind == "recipient" and _givers_of(t)
                        for t in subtree
                        if t.i in donor_at
                    ):
                        # « les uns après les autres ... et les soutiens de
                        # Kiev ont accepté », the givers lost in the parse
                        subject_basis = "others"
                        break
                    subject_basis = "recipient"
                    break
                if any(
                    c.dep_ in ("nmod:poss", "det:poss") and fold(c.text) in _SPEAKERS_OWN
                    for c in getattr(subject, "children", ())
                ):
                    subject_basis = "pronoun"  # « his country plans to deliver »: the speaker's
                elif lemma(getattr(subject, "token", subject)) in _INSTITUTIONS and any(
                    fold(c.text) in _SINGULAR_DEFINITE
                    for c in getattr(subject, "children", ())
                    if c.dep_ == "det"
                ):
                    # « le gouvernement a décidé »: the government the article
                    # is about, as a pronoun would be
                    subject_basis = "pronoun"
                elif (
                    lemma(getattr(subject, "token", subject)) in _COLLECTIVES
                    or subject.pos_ == "PROPN"
                ) and verb_lemma(verb) not in lexicon().reporting:
                    named = _named_after_copula(verb, donor_at, lists)
                    if named:
                        return Attribution(named, "subject")
                    # « les alliés », « M. Stoltenberg »: nobody we can name;
                    # « d'autres pays », « les alliés »: states that give
                    giver = lemma(getattr(subject, "token", subject)) in _GIVER_COLLECTIVES
                    subject_basis = "others" if giver else "other"
                    break
                # « le responsable a déclaré que la tranche comprendra »: who
                # reports it, unnamed, says nothing of who gives
                # « dont la dernière [tranche] comprenait », « la livraison a
                # commencé »: the giver is further up.
        if verb.head.i == verb.i:
            if (
                subject_basis == "none"
                and verb.pos_ == "NOUN"
                and verb.i != item_root.i
                and lemma(verb) in _GIVER_COLLECTIVES
            ):
                # « D'autres pays, dont l'Allemagne, sont sur le point
                # d'envoyer … », parsed with the givers as the root: states
                # nobody names but for their examples
                subject_basis = "others"
            break
        if lemma(verb.head) in _AUTHORISING:
            # « Berlin a autorisé Varsovie à livrer des Leopard »: the state
            # allowed to give gives, not the one allowing
            allowed = [
                t
                for c in verb.head.children
                if c.dep_ in ("obj", "iobj") and c.i != verb.i
                for t in c.subtree
                if t.i not in in_item
            ]
            codes = _codes(allowed, donor_at, lists)
            if codes:
                return Attribution(codes, "subject")
        verb = verb.head

    # 2. modifiers of the item, and sources anywhere in the sentence
    codes = [d.code for d in item_donors if d.can_give]
    codes = list(dict.fromkeys(codes))
    codes += [c for c in source_donors(doc, donor_at, lists) if c not in codes]
    if codes:
        return Attribution(codes, "modifier")
    if subject_basis in ("none", "item", "pronoun"):
        codes = _adjacent_subject(reading.trigger, donor_at, lists) or _detached_subject(
            reading.trigger, donor_at, lists
        )
        if codes:
            return Attribution(codes, "subject")
        # « “Deux autres suivront”, a précisé le général allemand »: whose
        # spokesman announces it gives it; not a body's (« précise M.
        # Stoltenberg » speaks of what the allies decide)
        codes = _speaker(reading.trigger, donor_at, lists, states_only=True)
        if codes:
            return Attribution(codes, "speaker")
    if subject_basis == "pronoun" and pronoun is not None:
        codes = _earlier_subject(pronoun, donor_at, lists)
        if codes:
            return Attribution(codes, "subject")
    if subject_basis == "pronoun" and pronoun is not None:
        return Attribution([], subject_basis, fold(pronoun.text), pronoun.head.i)
    return Attribution([], subject_basis)


def main_subject(doc, donor_at: dict[int, Donor], lists) -> str | None:
    """The one state that is the subject of a sentence's main verb (« la
    Belgique a rejoint la coalition »), which a personal pronoun opening the
    next sentence goes on with."""
    subjects = [
        doc[i]
        for i in donor_at
        if doc[i].dep_ in ("nsubj", "nsubj:pass")
        and doc[i].head.dep_ == "ROOT"
        and donor_at[i].can_give
    ]
    codes = _codes(subjects, donor_at, lists)
    return codes[0] if len(codes) == 1 else None


def _earlier_subject(pronoun, donor_at: dict[int, Donor], lists) -> list[str]:
    """« Il a dit que la Norvège avait accepté de livrer des obus, mais
    qu'elle restait fermée sur la question des chars »: a third-person
    pronoun subject stands for the one state that is the subject of a verb
    before it in the same sentence."""
    if fold(pronoun.text) in _FIRST_PERSON:
        return []
    doc = pronoun.doc
    subjects = [
        doc[i]
        for i in donor_at
        if i < pronoun.i and doc[i].dep_ in ("nsubj", "nsubj:pass") and donor_at[i].can_give
    ]
    codes = _codes(subjects, donor_at, lists)
    return codes if len(codes) == 1 else []


def _givers_of(token) -> bool:
    """Whether the words right before `token` are unnamed givers of it
    (« les soutiens de Kiev », « les alliés de l'Ukraine »), whatever the
    parse hangs the name on."""
    doc, i = token.doc, token.i - 1
    while i > 0 and fold(doc[i].text) in _GIVERS_LINKS:
        i -= 1
    return i < token.i - 1 and lemma(doc[i]) in _GIVER_COLLECTIVES


def _of_givers(token, donor_at: dict[int, Donor]) -> bool:
    """Whether the body named at `token` is only where unnamed givers
    belong (« les partenaires de l'OTAN », « les membres de l'UE »)."""
    if donor_at[token.i].kind != "body":
        return False
    head = token.head
    while head.i in donor_at and donor_at[head.i] is donor_at[token.i] and head.head.i != head.i:
        head = head.head
    return lemma(head) in _GIVER_COLLECTIVES


def _named_after_copula(verb, donor_at: dict[int, Donor], lists) -> list[str]:
    """« Other countries pledging to transfer F-16s are Denmark, Norway and
    the Netherlands »: the collective giver is named after the copula its
    clause is the subject of."""
    copula = verb.head
    if verb.dep_ not in ("csubj", "acl") or copula.pos_ != "AUX" or copula.i == verb.i:
        return []
    named = [t for c in copula.children if c.dep_ in ("obj", "attr") for t in c.subtree]
    return _codes(named, donor_at, lists)


@dataclass
class RunningDonor:
    """The donor an article is talking about, carried to the next sentence.

    Only a single donor carries: after « La Slovaquie et la Pologne ont
    livré », a sentence without a donor has none. It is set by the donors of
    a sentence's facts and packages, or by the one donor a sentence about aid
    names; it lasts through two sentences without either (the third
    ends it), as an aside of a sentence or two does not change the subject."""

    current: str | None = None
    date: str | None = None  # the date of the sentence that set it
    age: int = 0
    # the last several donors named together, for « les deux pays » later
    group: tuple[str, ...] = ()
    group_age: int = 0

    def carry(self) -> str | None:
        return self.current if self.age <= 2 else None

    def carry_group(self) -> tuple[str, ...]:
        return self.group if self.group_age <= 3 else ()

    def _grouped(self, donors: set[str]) -> None:
        self.group_age += 1
        if len(donors) > 1:
            self.group, self.group_age = tuple(sorted(donors)), 0

    def gave(self, donors: set[str], date: str | None) -> None:
        """The sentence's facts or packages were given by `donors`: one of
        them carries on, several end the running donor."""
        self.current = next(iter(donors)) if len(donors) == 1 else None
        self.date = date
        self.age = 0
        self._grouped(donors)

    def named(self, mentioned: set[str], about_aid: bool, date: str | None) -> None:
        """A sentence without facts that names `mentioned`: a sentence about
        aid naming one state makes it the running donor, naming several ends
        it; any other sentence ages it."""
        self._grouped(mentioned if about_aid else set())
        if about_aid and len(mentioned) == 1:
            self.current = next(iter(mentioned))
            self.date = date
            self.age = 0
        elif about_aid and len(mentioned) > 1:
            self.current = None
        else:
            self.age += 1
