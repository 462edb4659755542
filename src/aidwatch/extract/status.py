"""Status of an item from the words that govern it in the parse.

The chain of heads above an item (« drones » ← accorder ← exclure) is read
from the inside out. The nearest word of the lexicon (status_fr.yaml) says
what act it is; a giving verb gets its status from tense, mood and negation
(« a livré » delivered, « livrera » pledged, « livrerait » considered, « ne
livrera pas » refused). Outer words can then override: an attitude (« a
exclu de », « appelle à », « envisage de ») or a modal (« pourraient »,
« va », « a commencé à ») governing an infinitive or a noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

from aidwatch.catalog import donors
from aidwatch.extract import nlp
from aidwatch.extract.language import BUILDING, tables
from aidwatch.extract.text import fold

ATTITUDES = ("request", "refuse", "consider")


class Pending(StrEnum):
    """A reading that is not a status yet, while the chain of heads is read:
    what governs the word decides, or the item is left out."""

    OPEN = "open"  # an infinitive (« livrer »): « va », « a exclu de » above decide
    NOMINAL = "nominal"  # a noun of transfer (« la livraison de »): its verb decides
    PRODUCE = "produce"  # production: procured only when paid for, else nothing
    DROP = "drop"  # not given (« ne livrera pas » under a pledge): no fact


_WORDS = tables()
_LANG = BUILDING


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma → class
    nouns: dict[str, str]
    modals: dict[str, str]  # lemma → status it gives an open verb below it
    recent_past: frozenset[str]  # « vient de livrer »
    consider_cues: frozenset[str]
    conditions: re.Pattern  # a promise made conditional
    negations: frozenset[str]
    reporting: frozenset[str]
    not_donor_agents: frozenset[str]


@cache
def lexicon() -> Lexicon:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath(f"status_{_LANG}.yaml").read_text(encoding="utf-8")
    )

    def invert(table: dict[str, list[str]]) -> dict[str, str]:
        return {fold(word): cls for cls, words in table.items() for word in words}

    return Lexicon(
        verbs=invert(raw["verbs"]),
        nouns=invert(raw["nouns"]),
        modals=invert(raw["modals"]),
        recent_past=frozenset(fold(w) for w in raw["recent_past"]),
        consider_cues=frozenset(fold(w) for w in raw["consider_cues"]),
        conditions=re.compile(
            r"\b(?:" + "|".join(re.escape(fold(w)) for w in raw["condition_markers"]) + r")\b"
        ),
        negations=frozenset(fold(w) for w in raw["negations"]),
        reporting=frozenset(fold(w) for w in raw["reporting"]),
        not_donor_agents=frozenset(fold(w) for w in raw["not_donor_agents"]),
    )


_INFINITIVE_ENDINGS = _WORDS.sequence("infinitive_endings")
_NOT_STEMS = _WORDS.words("not_trigger_stems")


@cache
def _trigger_words() -> re.Pattern:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath(f"status_{_LANG}.yaml").read_text(encoding="utf-8")
    )
    lex = lexicon()
    stems = set()
    for verb in lex.verbs:
        stem = next((verb[: -len(e)] for e in _INFINITIVE_ENDINGS if verb.endswith(e)), verb)
        if len(stem) >= 3 and stem not in _NOT_STEMS:  # « pay » would flag every « pays »
            stems.add(stem)
    stems |= {noun for noun in lex.nouns if len(noun) >= 3}
    stems |= {fold(w) for w in raw["irregular_forms"]}
    stems |= {w for w in _DESIRE if len(w) >= 3}
    phrases = [re.escape(fold(p)) for p in raw["state_phrases"]]
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, stems)) + phrases) + ")")


def may_give_status(folded_sentence: str) -> bool:
    """False when no word of the (folded) sentence can be the word that gives
    an item its status: such a sentence is not worth parsing (« les forces
    ukrainiennes ont abattu 38 drones »)."""
    return bool(_trigger_words().search(folded_sentence))


def lemma(token) -> str:
    # Asked half a million times on a few thousand articles, mostly of words
    # asked before: kept with the parse (read only, but for its lemmas).
    return _kept(token, "folded_lemmas", None, _folded_lemma)


def _folded_lemma(token) -> str:
    return fold(nlp.lemma(token))


def _kept(token, name: str, unknown, work):
    """`work(token)`, kept with the token's parse under `name`, a list by
    token (a dict took 1 KB more a parse), `unknown` where not worked out yet."""
    doc = token.doc
    kept = doc.user_data.get(name)
    if kept is None:
        kept = doc.user_data[name] = [unknown] * len(doc)
    found = kept[token.i]
    if found is unknown:
        found = kept[token.i] = work(token)
    return found


def verb_lemma(token) -> str:
    """The lemma, or the lexicon's infinitive when the lemmatizer missed it."""
    # A function of the word, its tag and its lemma, asked for again and
    # again of the same verbs (the trigger, once per item and per rule):
    # remembered, as `nlp.lemma` remembers lemmas.
    own = lemma(token)
    key = (token.orth, token.pos, own)  # ids: see nlp.lemma
    found = _VERB_LEMMAS.get(key)
    if found is None:
        lex = lexicon()
        found = own
        for candidate in _guesses(token) + [own]:
            if candidate in lex.verbs or candidate in lex.modals or candidate in lex.reporting:
                found = candidate
                break
        if len(_VERB_LEMMAS) >= 100_000:
            _VERB_LEMMAS.clear()
        _VERB_LEMMAS[key] = found
    return found


_VERB_LEMMAS: dict[tuple[int, int, str], str] = {}


def _guesses(token) -> list[str]:
    """Lemmas guessed from the word's ending: the md lemmatizer leaves
    « réclame », « forme », « demande » as they are, and calls some
    participles nouns (« pressés »). Tried before the lemmatizer, which is
    slow: a guess that names a word of the lexicon is taken. Callers must
    not change the list (it is remembered per word and tag)."""
    key = (token.orth, token.pos)  # ids: see nlp.lemma
    found = _GUESSES.get(key)
    if found is None:
        if len(_GUESSES) >= 100_000:
            _GUESSES.clear()
        found = _GUESSES[key] = _guessed(token.text, token.pos_)
    return found


_GUESSES: dict[tuple[int, int], list[str]] = {}


def _guessed(text: str, pos: str) -> list[str]:
    word = fold(text)
    out = [word]
    if word.endswith(("s", "x")) and len(word) > 3:
        out.append(word[:-1])
    if pos in ("VERB", "AUX", "NOUN", "ADJ"):
        for ending in _VERB_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                out.append(word[: -len(ending)] + _INFINITIVE)
                break
    return out


_VERB_ENDINGS = _WORDS.sequence("verb_endings")
_INFINITIVE = _WORDS.word("infinitive_ending")


def _lemmas(token) -> list[str]:
    """The lemmatizer's lemma, then the guesses."""
    return [lemma(token)] + _guesses(token)


_PARTICIPLE_ENDINGS = _WORDS.sequence("participle_endings")


_UNKNOWN = object()


def word_class(token) -> str | None:
    """The lexicon class of a token: transfer, pledge, package, ... or None.
    It reads the parse alone: kept with it, as rule after rule asks."""
    return _kept(token, "word_classes", _UNKNOWN, _word_class)


def _word_class(token) -> str | None:
    lex = lexicon()
    # Each `.pos_`, `.text` and `.morph` decodes anew: read once.
    pos = token.pos_
    if pos in ("NOUN", "PROPN"):
        text = token.text
        word = fold(text)
        found = lex.nouns.get(word) or lex.nouns.get(
            word[:-1] if word.endswith(("s", "x")) else word
        )
        if found:
            return found
        found = lex.nouns.get(lemma(token))
        if found:
            return found
        # A verb tagged as a noun: a participle (« pressés »), or a noun with
        # a subject of its own (« La Pologne forme des artilleurs »).
        if text.lower().endswith(_PARTICIPLE_ENDINGS) or any(
            c.dep_ == "nsubj" for c in token.children
        ):
            return next((lex.verbs[c] for c in _guesses(token)[1:] if c in lex.verbs), None)
        return None
    if pos in ("VERB", "AUX", "ADJ"):
        if _says_no(token):
            return "refuse"  # « a dit non à la livraison de chars »
        if _wonders(token):
            return "consider"  # « se demande s'il faut livrer »: weighed, not asked
        found = next((lex.verbs[c] for c in _guesses(token)[1:] if c in lex.verbs), None)
        found = found or lex.verbs.get(lemma(token))
        if found == "request" and not _has_particle(token):
            return None  # « called the transfer a threat »
        return found
    return None


_WONDERING = _WORDS.words("wondering_verbs")


def _wonders(token) -> bool:
    """« se demander », « s'interroger »: a verb of the table with its
    reflexive pronoun weighs what it governs (a plain « demander » asks)."""
    return any(w in _WONDERING for w in _lemmas(token)) and any(
        c.morph.get("Reflex") == ["Yes"] for c in token.children
    )


_SAYING = _WORDS.words("saying_no_verbs")
_NO = _WORDS.words("no_words")


def _says_no(token) -> bool:
    """« a dit non à la livraison », « répond non »: a verb of saying with
    « non » right after it refuses (not « non seulement » on any verb)."""
    return any(w in _SAYING for w in _lemmas(token)) and any(
        fold(c.text) in _NO and c.i == token.i + 1 for c in token.children
    )


def _whether(clause, head) -> bool:
    """« se demande s'il doit livrer »: the question one wonders about is
    weighed, though its verb is finite."""
    return (
        clause.dep_ == "ccomp"
        and clause.head.i == head.i
        and _wonders(head)
        and any(c.dep_ == "mark" and fold(c.text) in _IF_MARKS for c in clause.children)
    )


def _has_particle(token) -> bool:
    """« calls for », « called on »: the particle a verb of `particle_requests`
    needs right after it; other verbs need none."""
    if lemma(token) not in _PARTICLE_REQUESTS and verb_lemma(token) not in _PARTICLE_REQUESTS:
        return True
    after = token.doc[token.i + 1 : token.i + 3]
    return any(fold(t.text) in _REQUEST_PARTICLES for t in after)


# « plus » and « jamais » negate only with « ne »: « livrer plus de chars » is more.
_NEEDS_NE = _WORDS.words("weak_negations")
_NE = _WORDS.words("negation_particles")


def is_negated(token) -> bool:
    neg = lexicon().negations
    # « ne ... pas » may hang on the auxiliary (« n'a pas livré ») or on another
    # adverb (« n'a pas encore reçu »).
    near = [c for c in token.children if c.dep_.startswith(("advmod", "aux"))]
    doc = token.doc
    said_no = _says_no(token)
    words = [
        fold(t.text)
        for c in near
        for t in c.subtree
        if t.dep_.startswith("advmod")
        # « a non seulement livré »: no negation; « a dit non »: the refusal itself
        and not (t.i + 1 < len(doc) and fold(doc[t.i + 1].text) in _UNNEGATING)
        and not (said_no and t.i == token.i + 1)
    ]
    has_ne = any(w in _NE for w in words)
    if any(w in neg and (w not in _NEEDS_NE or has_ne) for w in words):
        return True
    if has_ne and any(
        # « ne livrera en aucun cas », « à aucun moment », « sous aucun prétexte »
        c.dep_.startswith("obl")
        and any(d.dep_ == "det" and fold(d.text) in neg for d in c.children)
        for c in token.children
    ):
        return True
    # « rien ne s'oppose », « plus rien ne semble s'opposer », « rien n'a été
    # décidé »: a subject that negates, with its « ne » on the verb or the verb
    # it completes
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None and token.dep_ == "xcomp":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and fold(subject.text) in _NEGATIVE_SUBJECTS:
        return True
    # « aucun char » negates the act on it
    return False


_NEGATIVE_SUBJECTS = _WORDS.words("negative_subjects")
_UNNEGATING = _WORDS.words("unnegating_next")


_FUTURE_AUX = _WORDS.words("future_auxiliaries")
_COND_AUX = _WORDS.words("conditional_auxiliaries")
_FUTURE_ENDINGS = _WORDS.sequence("future_endings")
_COND_ENDINGS = _WORDS.sequence("conditional_endings")


_SOON = re.compile(r"\b(" + _WORDS.alternation("soon_markers") + ")")
_FROM = _WORDS.words("asker_prepositions")
# the cause marker, then an article and an adjective (« en raison d'une grave », « due to a »)
_CAUSE = re.compile(r"\b(?:" + _WORDS.alternation("cause_markers") + r")\s*(?:\w+\W*){0,2}$")
_HEARSAY = re.compile(r"\b(" + _WORDS.alternation("source_markers") + r")\b")
_GOING_TO = _WORDS.words("going_to_auxiliaries")
_PERFECT_AUX = _WORDS.words("perfect_auxiliaries")
_ADJECTIVE_PARTICIPLE = _WORDS.sequence("adjective_participle_endings")


def _hearsay(token) -> bool:
    """The conditional of reported news (« selon des médias, dix F-16 seraient
    opérationnels »): it says what a source says, not what might be."""
    return bool(_HEARSAY.search(nlp.folded(token.doc)))


def verb_tense(token) -> str:
    """`past`, `present`, `future`, `conditional`, `infinitive` or `participle`.

    The md morphologizer tags « livreront » as present, so future and
    conditional are read off the ending as well."""
    raw = token.text  # each `.text` and `.morph` decodes anew: read once
    morph = token.morph
    text = fold(raw)
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    aux_texts = {fold(a.text) for a in auxes}
    aux_lemmas = {lemma(a) for a in auxes}
    verb_form = morph.get("VerbForm")
    if aux_lemmas & _GOING_TO:
        return "future"
    if verb_form == ["Part"] or (token.pos_ == "ADJ" and text.endswith(_ADJECTIVE_PARTICIPLE)):
        if aux_texts & _FUTURE_AUX:
            return "future"
        if aux_texts & _COND_AUX:
            # « selon le Pentagone, ils auraient été livrés »: reported, not hypothetical
            return "past" if _hearsay(token) else "conditional"
        if auxes:
            return "past"
        return "participle"
    if verb_form == ["Inf"] and not raw.lower().endswith(_FINITE_ENDINGS):
        if aux_lemmas & _PERFECT_AUX:
            return "past"  # « avoir reçu »
        return "infinitive"
    if morph.get("Mood") == ["Cnd"] or text.endswith(_COND_ENDINGS):
        return "present" if _hearsay(token) else "conditional"
    tense = morph.get("Tense")
    if tense == ["Fut"] or (len(text) > 5 and text.endswith(_FUTURE_ENDINGS)):
        return "future"
    if tense == ["Imp"] or (tense == ["Past"] and not _present_alike(token, text)):
        return "past"
    return "present"


# « transfère » is no infinitive, whatever the morphologizer says
_FINITE_ENDINGS = _WORDS.sequence("finite_endings")


def _present_alike(token, text: str) -> bool:
    """« l'Allemagne fournit »: a verb in -ir's third person singular reads
    the same in the present and the passé simple, which news prose hardly
    uses; the morphologizer often takes it for the past."""
    stem = lemma(token)
    return stem.endswith("ir") and text == stem[:-2] + "it"


_TENSE_STATUS = {
    "past": "delivered",
    "participle": "delivered",
    "present": "pledged",
    "future": "pledged",
    "conditional": "considered",
    "infinitive": Pending.OPEN,  # decided by what governs it
}


@dataclass
class StatusReading:
    status: str
    trigger: object  # the spaCy token that decided it
    trigger_class: str


def _aux_modal(token) -> str | None:
    """Modal auxiliaries hung below the verb (« peut être livré »)."""
    for child in token.children:
        if child.dep_.startswith("aux"):
            got = lexicon().modals.get(lemma(child))
            if got:
                return got
    return None


_IF = _WORDS.words("condition_words")
_IF_MARKS = _WORDS.words("condition_marks")  # « s'il » as well


def _has_condition(token) -> bool:
    """« ils seront envoyés ... si l'expérience s'avère positive »."""
    for child in token.children:
        if child.dep_ in ("advcl", "mark") and (
            fold(child.text) in _IF
            or any(fold(g.text) in _IF_MARKS and g.dep_ == "mark" for g in child.children)
        ):
            return True
    return False


_LIGHT_OBJECTS = _WORDS.classes("light_verb_objects")
_LIFTING = _WORDS.words("lifting_verbs")
_TENDERS = _WORDS.words("tender_complements")


def _object_class(token) -> str | None:
    """A light verb takes its meaning from its object: « a donné son feu vert
    à la livraison », « a donné son accord »."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    for child in token.children:
        # « a signé un contrat ... pour produire des LMM », « nous avons besoin
        # de dizaines de Caesar »
        if child.dep_ == "obj" and lemma(child) in _LIGHT_OBJECTS:
            cls = _LIGHT_OBJECTS[lemma(child)]
            if cls == "request" and any(lemma(g) in _TENDERS for g in child.children):
                return "procure"  # « a lancé un appel d'offres »: put out to industry
            if cls == "refuse" and any(w in _LIFTING for w in _lemmas(token)):
                return None  # « a levé son veto à la livraison »: the refusal ends
            if cls in ("transfer", "request") and verb_lemma(token) in lexicon().verbs:
                # « a annoncé un nouveau don », « a rejeté l'appel de Kiev »:
                # the verb says what is done
                continue
            return cls
    return None


_PART_NOUNS = _WORDS.words("part_nouns")


def _part_of_package(token) -> str | None:
    """« feront partie d'un nouveau programme d'aide », « figure dans le paquet »."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    nouns = lexicon().nouns
    for child in token.children:
        if child.dep_ == "nsubj" and nouns.get(lemma(child)) == "package":
            return "package"  # « La liste mentionne huit Bradley », « l'aide prévoit »
        if child.dep_ not in ("obj", "obl", "obl:arg", "obl:mod"):
            continue
        heads = [child]
        if lemma(child) in _PART_NOUNS:
            heads += [g for g in child.children if g.dep_ == "nmod"]
        if any(nouns.get(lemma(h)) == "package" for h in heads):
            return "package"
    return None


_PURPOSE = _WORDS.words("purpose_words")
_QUE = _WORDS.words("complementizers")


def _is_purpose_clause(token) -> bool:
    """« de façon (à ce) que les forces ukrainiennes reçoivent », « pour que »:
    a goal, not an act."""
    doc = token.doc
    start = token.left_edge.i
    # The clause's « que », inside it or just before its first word.
    for i in range(min(token.i, start + 6) - 1, max(-1, start - 3), -1):
        if fold(doc[i].text) in _QUE:
            # the goal word is in the same phrase as « que », not across a
            # comma or a verb (« pour les utiliser, qu'ils fourniraient »)
            for t in reversed(doc[max(0, i - 4) : i]):
                if t.is_punct or t.pos_ in ("VERB", "AUX"):
                    return False
                if fold(t.text) in _PURPOSE:
                    return True
            return False
    return False


_AGREEMENTS = _WORDS.words("agreement_nouns")


def _agreed_goal(verb) -> bool:
    """A giving that is the goal of an agreement made (« a conclu un accord
    avec la Grèce pour qu'Athènes envoie des blindés », « l'accord pour que
    la Pologne livre »): what the parties agreed on, a pledge. Not a goal
    of anything else (« pour que l'armée reçoive des obus », a wish)."""
    head = verb.head
    if head.i == verb.i or is_negated(head):
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        return lemma(head) in _AGREEMENTS
    return any(c.dep_ in ("obj", "nsubj:pass") and lemma(c) in _AGREEMENTS for c in head.children)


def _chain(item_token) -> list:
    """The words that govern the item, nearest first. When the item is the
    subject, its verb's infinitive or participle complement comes first:
    « des chars pourraient suivre », « 18 HIMARS puissent être achetés »."""
    chain = []
    token = item_token
    first_verb = True
    while token.head.i != token.i and len(chain) < 12:
        head = token.head
        if first_verb and head.pos_ in ("VERB", "AUX"):
            first_verb = False
            # The parser often hangs an object on the governing verb instead
            # of its infinitive (« a commencé à remettre ... puis des
            # lance-roquettes »): a verb that says nothing itself passes the
            # item to its infinitive or participle complement.
            if token.dep_ in ("nsubj", "nsubj:pass") or word_class(head) is None:
                chain += [
                    c
                    for c in head.children
                    if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")
                ]
        token = _relating_head(token) or head
        chain.append(token)
    if token.head.i == token.i and token.pos_ not in ("VERB", "AUX") and not _has_verb_role(token):
        # The md parser sometimes leaves a sentence in pieces (« Les 40
        # véhicules ... » as one root, « ont été livrés » as another): the
        # item's piece belongs to the nearest verb root.
        doc = token.doc
        roots = [
            t for t in (doc[i] for i in nlp.roots(doc) if i != token.i) if t.pos_ in ("VERB", "AUX")
        ]
        if roots:
            nearest = min(roots, key=lambda t: abs(t.i - item_token.i))
            chain.append(nearest)
    return chain


_RELATING = _WORDS.words("relating_adjectives")


def _relating_head(token):
    """« des contrats relatifs à un certain nombre de blindés »: the noun an
    adjective of relation (`relating_adjectives`) right before the token's
    preposition qualifies, when the parser hung the token elsewhere."""
    case = next((c for c in token.children if c.dep_ == "case" and c.i < token.i), None)
    if case is None or case.i == 0:
        return None
    before = token.doc[case.i - 1]
    if (
        before.pos_ == "ADJ"
        and fold(before.text) in _RELATING
        and before.head.pos_ == "NOUN"
        and before.head.i != token.head.i
        and before.head.i not in {t.i for t in token.subtree}
    ):
        return before.head
    return None


def _aside_before(item_token, verb) -> bool:
    """« que l'Italie fournisse, pour continuer à utiliser le même bouclier,
    des missiles Aster »: the parser hangs the object after an aside on the
    aside's verb. True when `verb` lies in an adverbial clause set off by a
    comma right before the item's words: the verb says nothing of the item."""
    doc = item_token.doc
    noun, set_off = item_token, False
    for _ in range(4):  # the item's own words, or a noun it hangs on (« des missiles NASAMS »)
        first = min(t.i for t in noun.subtree)
        if first > verb.i and doc[first - 1].text == ",":
            set_off = True
            break
        if noun.head.i == noun.i or noun.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head
    if not set_off:
        return False
    clause = verb
    for _ in range(4):
        if clause.dep_ == "advcl":
            return clause.head.i < clause.i and clause.head.pos_ in ("VERB", "AUX")
        if clause.dep_ not in ("xcomp", "obj", "ccomp") or clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


def _has_verb_role(token) -> bool:
    return any(c.dep_ in ("nsubj", "cop", "aux:tense") for c in token.children)


_STATUS_OF = {
    "pledge": "pledged",
    "request": "requested",
    "refuse": "refused",
    "consider": "considered",
    "procure": "procured",
    "training": "training",
}
_NOT_YET = _WORDS.words("not_yet_words")
_CONFIRMING = _WORDS.words("confirming_verbs")
# Verbs that carry no meaning of their own between an item and what governs it.
_PASS_THROUGH = _WORDS.words("pass_through_verbs")
# « calling for London to increase the number of tanks »: asking for more of
# an item, or giving more of it, is asking for it or giving it.
_MORE = _WORDS.words("increase_verbs")


def _not_yet(token) -> bool:
    """« n'ont toujours pas été livrés », « n'a pas encore reçu »: pending, not refused."""
    near = [c for c in token.children if c.dep_.startswith(("advmod", "aux"))]
    words = {fold(t.text) for c in near for t in c.subtree}
    if words & _NOT_YET:
        return True
    # « n'arriveront pas avant plusieurs mois »: not before a time, so later
    return any(
        fold(c.text) in _NOT_BEFORE
        for o in token.children
        if o.dep_.startswith("obl")
        for c in o.children
        if c.dep_ == "case"
    )


_NOT_BEFORE = _WORDS.words("not_before")


_IN_SERVICE = _WORDS.words("in_service_lemmas")
_IN_SERVICE_PREFIXES = _WORDS.sequence("in_service_prefixes")
_RECIPIENT_PLACES = _WORDS.words("recipient_places")


def _state_class(token, item_token) -> str | None:
    """« sont en service », « sont désormais en Ukraine »: a state that means delivered."""
    if not any(c.dep_ == "cop" for c in token.children):
        return None
    if lemma(token) in _IN_SERVICE or fold(token.text).startswith(_IN_SERVICE_PREFIXES):
        return "in_service"  # « sont en service », « est désormais opérationnel »
    if token.pos_ == "PROPN" and fold(token.text) in _RECIPIENT_PLACES:
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if any(item_token.i in {t.i for t in c.subtree} for c in subjects):
            return "in_service"  # « les 31 chars Abrams sont désormais en Ukraine »
    return None


def _copula_status(token) -> str:
    cop = next((c for c in token.children if c.dep_ == "cop"), None)
    if cop is None:
        return "delivered"
    return {"future": "pledged", "conditional": "considered"}.get(verb_tense(cop), "delivered")


# « il n'est pas question de livrer »
_OUT_OF_QUESTION = _WORDS.words("out_of_question")
# « le Lynx est appelé à succéder »: destined, not asked
_DESTINED = _WORDS.words("destined_verbs")
# « Kyiv wants the tanks »: the direct object of a verb of wanting is asked for.
_DESIRE = _WORDS.words("desire_verbs")
# « the UK's donation of Storm Shadow missiles »: a transfer made.
_DONE_NOUNS = _WORDS.words("done_transfer_nouns")


def _done_noun(token) -> bool:
    """« donation », « shipment »: a noun that tells of a transfer made."""
    return lemma(token) in _DONE_NOUNS or fold(token.text).rstrip("s") in _DONE_NOUNS


# « calls for tanks »: a verb that asks only with its particle after it.
_PARTICLE_REQUESTS = _WORDS.words("particle_requests")
_REQUEST_PARTICLES = _WORDS.words("request_particles")
# « declined to comment »: a refusal to speak.
_WISH_LIST = re.compile(r"\b(?:" + _WORDS.alternation("wish_lists") + r")\b")
_ANONYMITY = re.compile(r"\b(?:" + _WORDS.alternation("anonymity_conditions") + ")")
_SPEECH_REFUSAL = re.compile(r"\b(?:" + _WORDS.alternation("speech_refusals") + ")")


def _on_wish_list(token, item_token) -> bool:
    """« HIMARS sit high on Ukrainian wish lists »: the item, subject of the
    verb, is placed on a list of wants."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not any(item_token.i in {t.i for t in c.subtree} for c in subjects):
        return False
    return any(
        c.dep_ not in ("nsubj", "punct")
        and _WISH_LIST.search(fold(" ".join(t.text for t in c.subtree)))
        for c in token.children
    )


def _wanted(token, item_token) -> bool:
    """Whether `token` is a verb of wanting with the item as its direct
    object, or in a list that is (« wants the ammunition, and the tanks »)."""
    if lemma(token) not in _DESIRE or token.pos_ not in ("VERB", "AUX"):
        return False
    x = item_token
    while x.head.i != x.i and x.head.i != token.i and x.dep_ in ("conj", "appos", "compound"):
        x = x.head
    return x.head.i == token.i and x.dep_ == "obj"


_FITTED = _WORDS.words("fitting_verbs")
_RECIPIENT_DEMONYMS = re.compile(r"\b(?:" + _WORDS.alternation("recipient_demonyms") + r")\b")


def _describes_fittings(token) -> bool:
    """« Il est équipé d'un canon de 105 mm », « le char, doté d'une
    mitrailleuse »: what a system is fitted with, not a transfer; unless
    what is fitted out is Ukraine's (« l'armée ukrainienne sera dotée de »)."""
    if lemma(token) not in _FITTED or token.morph.get("VerbForm") != ["Part"]:
        return False
    if any(c.dep_ == "aux:tense" for c in token.children):
        return False  # « la Pologne a équipé l'armée ukrainienne »
    if token.dep_ == "acl":
        holder = token.head
    elif token.dep_ == "advcl":  # « Équipé d'un radar, le système peut »
        holder = next(
            (c for c in token.head.children if c.dep_.startswith(("nsubj", "expl:subj"))), None
        )
        if holder is None:
            return False
    else:
        holder = next((c for c in token.children if c.dep_ == "nsubj:pass"), None)
        if holder is None:
            return False
    return not _names_recipient(holder)


def _introduced_by(token, words: frozenset[str]) -> bool:
    """Whether the preposition or conjunction that introduces `token` (its
    case, mark or prep child: « en service », « contre la fourniture »,
    « après avoir envoyé ») is one of `words` (folded)."""
    return any(c.dep_ in ("case", "mark", "prep") and fold(c.text) in words for c in token.children)


_HOLDING = _WORDS.words("holding_prepositions")
_RESTORED = _WORDS.words("restored_states")
_UPKEEP = _WORDS.words("upkeep_nouns")
_RESTORING = _WORDS.words("restoring_prepositions")


def _in_service_elsewhere(token) -> bool:
    """« en service avec le Royaume-Uni », « en service dans 12 pays »: in
    the service of an army that is not Ukraine's, which says nothing of aid."""
    return any(
        c.dep_.startswith(("obl", "nmod"))
        and _introduced_by(c, _HOLDING)
        and not _names_recipient(c)
        for c in token.children
    )


def _names_recipient(token) -> bool:
    """Whether the words of `token`'s subtree name Ukraine (« l'armée
    ukrainienne », « Kiev »)."""
    words = fold(" ".join(t.text for t in token.subtree))
    return bool(_RECIPIENT_DEMONYMS.search(words) or set(words.split()) & _RECIPIENT_PLACES)


def _listed_after(item_token, token) -> bool:
    """Whether the item reaches `token` through a list (an apposition or a
    conjunct) rather than as its own complement."""
    x = item_token
    while x.head.i != x.i and x.i != token.i:
        if x.dep_ in ("appos", "conj") and x.head.i != token.i:
            return True
        x = x.head
    return False


_EXPORTS = _WORDS.words("export_words")


def _asks_leave_to_export(token, item_token) -> bool:
    """Whether the request at `token` reaches the item through an export
    (« la demande d'exportation d'obus », « lui demande de l'autoriser à
    réexporter les munitions »): leave to export asked of the state that
    licenses it, not aid asked for."""
    x = item_token
    for _ in range(8):
        if x.head.i == x.i or x.head.i == token.i:
            break
        x = x.head
        if lemma(x) in _EXPORTS:
            return True
    return False


def _refuses_request(request):
    """The verb refusing the request noun at `request` (« a rejeté la
    demande »), if one governs it as its object, not negated."""
    head = request.head
    if (
        request.pos_ == "NOUN"
        and request.dep_ in ("obj", "nsubj:pass")
        and head.pos_ in ("VERB", "AUX")
        and word_class(head) == "refuse"
        and not is_negated(head)
    ):
        return head
    return None


_STANCES = _WORDS.words("stance_verbs")
_AGAINST = _WORDS.words("against_words")


def _stands_against(token, below) -> bool:
    """Whether `token` is a verb of taking a stand whose complement `below`
    is introduced by « contre » (« s'est prononcé contre la fourniture de
    Taurus »): a refusal of what `below` names."""
    return lemma(token) in _STANCES and below.head.i == token.i and _introduced_by(below, _AGAINST)


_CONCESSIVE = _WORDS.words("concessive_words")
_JUDGING = _WORDS.words("judging_verbs")
_RISKING = _WORDS.words("risk_verbs")
_AFTER = _WORDS.words("after_words")
_TOPIC = _WORDS.words("topic_prepositions")
_TOPIC_NOUNS = _WORDS.words("topic_nouns")
_LIMITING = _WORDS.words("limiting_verbs")


def _conceded(token) -> bool:
    """Whether the noun `token` is introduced by « malgré » (« malgré les
    promesses d'envoi de chars »): a concession, background to the news."""
    return token.pos_ == "NOUN" and _introduced_by(token, _CONCESSIVE)


def _passive_act(modal, below) -> bool:
    """Whether `below` is the modal's passive infinitive of giving or
    pledging (« pourrait être annoncé », « doit être livré »)."""
    return (
        below.dep_ == "xcomp"
        and below.head.i == modal.i
        and word_class(below) in ("pledge", "transfer")
        and any(g.dep_ == "aux:pass" for g in below.children)
    )


def _pledges_funds(token) -> bool:
    """Whether the verb of pledging `token` pledges money (« a débloqué un
    financement », « a débloqué 100 millions d'euros »): an object that is a
    noun of buying or of aid, or that is counted."""
    return any(
        c.dep_ == "obj"
        and (word_class(c) in ("procure", "package") or any(t.like_num for t in c.subtree))
        for c in token.children
    )


def _pluperfect(token) -> bool:
    """« avaient acquis », « had bought »: a perfect auxiliary in the past,
    what was done before the news, background to it."""
    return token.pos_ == "VERB" and any(
        c.dep_.startswith("aux")
        and lemma(c) in _PERFECT_AUX
        and set(c.morph.get("Tense")) & {"Imp", "Past"}
        for c in token.children
    )


def _used_by_recipient(token) -> bool:
    """Whether the subject or agent of a verb of use is Ukraine (« l'armée
    ukrainienne dispose de », « tirés par l'Ukraine », « Kiev, qui les
    utilise »), and not its adversary with it (« utilisées par l'Ukraine
    comme par la Russie »: both sides of the war, no aid)."""
    users = []
    for child in token.children:
        if child.dep_ in ("nsubj", "obl:agent"):
            if child.morph.get("PronType") == ["Rel"] and token.dep_.startswith("acl"):
                child = token.head  # « les autorités de Kiev qui l'utilisent »
            users.append(child)
    return any(_names_recipient(user) for user in users) and not any(
        _names_adversary(user) for user in users
    )


@cache
def _donor_words(kind: str, demonyms: bool = False) -> frozenset[str]:
    """The folded names and metonyms (and, with `demonyms`, demonyms) of
    the gazetteer's donors of `kind` (donors.csv: « state », « adversary »)."""
    return frozenset(
        fold(word)
        for d in donors()
        if d.kind == kind
        for word in (*d.names, *(d.demonyms if demonyms else ()), *d.metonyms)
    )


def _names_adversary(user) -> bool:
    """Whether a user, or one joined to it (« l'Ukraine et la Russie »,
    « par l'Ukraine comme par la Russie »; not « tirés par l'Ukraine sur la
    Russie »), is an adversary state (donors.csv: « la Russie », « Moscou »)."""
    joined = [user] + [
        c
        for c in user.children
        if c.dep_ == "conj" or (c.dep_ == "nmod" and _introduced_by(c, _ALIKE_USERS))
    ]
    return any(fold(t.text) in _donor_words("adversary", demonyms=True) for t in joined)


def _restored(verb) -> bool:
    """« remis en service », « remis en état »: a giving verb whose
    complement says the thing is put back to use."""
    return any(
        c.dep_.startswith("obl") and fold(c.text) in _RESTORED and _introduced_by(c, _RESTORING)
        for c in verb.children
    )


def _first_reading(token, item_token) -> tuple[str | None, str | None]:
    """(status, class) for the nearest lexicon word, before outer words act."""
    status, cls = _nearest_reading(token, item_token)
    if cls == "receive" and word_class(token) == "use":
        cls = "use"  # Ukraine receives, whoever the words before the verb name
    return status, cls


def _nearest_reading(token, item_token) -> tuple[str | None, str | None]:
    if _on_wish_list(token, item_token):
        return "requested", "request"  # not the « list » of a package
    cls = (
        _object_class(token)
        or word_class(token)
        or _part_of_package(token)
        or _state_class(token, item_token)
    )
    if cls == "package" and any(c.dep_ == "nummod" for c in token.children):
        cls = None  # « 15,000 armoured rounds », « 300 lots »: counted things, not a package
    negated = is_negated(token)
    if cls is None and lemma(token) in _OUT_OF_QUESTION and negated:
        return "refused", "refuse"  # « il n'est pas question de livrer »
    if cls == "pledge" and _holds_parts(token):
        return Pending.DROP, cls  # « un type d'arme contenant des sous-munitions »
    if cls == "procure" and _pluperfect(token):
        return Pending.DROP, cls  # « les Pays-Bas avaient acquis ces lance-roquettes »
    if cls == "refuse" and (verb_lemma(token) in _BANS or lemma(token) in _BANS):
        # « les bombes à sous-munitions ont été interdites », « une loi
        # interdit leur exportation »: banning a weapon is no refusal to give
        # it; only banning its transfer is (« a interdit la livraison de »)
        return None, None
    held = cls == "use"
    if held:
        # Ukraine using or holding a system has received it; anyone else
        # using one says nothing of aid.
        cls = "receive" if _used_by_recipient(token) and not negated else None
    if cls is None and _wanted(token, item_token):
        return (Pending.DROP if negated else "requested"), "request"
    if cls is None:
        return None, None
    if cls == "in_service":
        if _in_service_elsewhere(token):
            return None, None
        return _copula_status(token), cls
    if cls == "transfer" and _restored(token):
        return None, None  # « remis en service », « remis en état »: put back to use
    if cls == "transfer" and _describes_fittings(token):
        if _listed_after(item_token, token):
            # « quatre IRIS-T équipés de 300 missiles, 120 Stinger, 25 Marder »:
            # the parser hangs the list on the fitting; it belongs above
            return None, None
        return Pending.DROP, cls
    if cls in ("transfer", "receive", "arrive"):
        if token.pos_ in ("NOUN", "PROPN") and not _verb_taken_for_noun(token):
            for child in token.children:
                if (
                    child.dep_ in ("amod", "acl")
                    and child.pos_ == "VERB"
                    and any(w in _RISKING for w in _lemmas(child))
                ):
                    # « l'envoi de Taurus menace de provoquer une escalade »,
                    # the verb hung on its subject: a danger, no act
                    return Pending.DROP, cls
                # « la livraison de chars Leopard 2 réclamée par Kiev »
                if child.dep_ == "acl" and word_class(child) in ATTITUDES:
                    return _STATUS_OF[word_class(child)], word_class(child)
            if any(
                c.dep_ == "amod" and fold(c.text) in lexicon().consider_cues for c in token.children
            ):
                return "considered", cls  # « l'envoi possible d'avions F-16 »
            return Pending.NOMINAL, cls
        if _is_purpose_clause(token):
            if _agreed_goal(token):
                return "pledged", cls  # « un accord avec la Grèce pour qu'Athènes envoie »
            return Pending.DROP, cls
        if _FORMERLY & {fold(t.text) for t in (*token.children, token.head)}:
            # « l'Allemagne a autrefois déployé des Marder »: history (the
            # parser may take the adverb for the verb and hang the verb on it)
            return Pending.DROP, cls
        if negated and _not_yet(token):
            return Pending.DROP, cls
        tense = verb_tense(token)
        status = _TENSE_STATUS[tense]
        if tense == "infinitive" and not negated and _ranked_first(token):
            return "delivered", cls
        if tense == "present" and (
            held
            or _ALREADY & {fold(c.text) for c in token.children}
            or _ONGOING
            & {fold(g.text) for c in token.children for g in c.children if g.dep_ == "case"}
            or token.morph.get("Aspect") == ["Prog"]
            or _is_heading(token.doc)
        ):
            # « dispose de », « envoient déjà leurs missiles », « is donating »: being done,
            # as a headline's present tells what was done (« La Norvège
            # envoie des obus »); in the text « la Pologne fournit des obus »
            # announces it.
            status = "delivered"
        status = _aux_modal(token) or status
        if negated:
            return "refused", cls
        if _has_condition(token) and status in ("pledged", "delivered"):
            return "considered", cls
        return status, cls
    if cls == "package":
        if token.dep_ == "obj" and _lists_a_delivery(token.head):
            return (
                "delivered",
                "transfer",
            )  # « other donations include humanitarian aid, including »
        if _aid_stepped_up(token):
            return "delivered", "transfer"
        return "pledged", cls
    if cls == "produce":
        return Pending.PRODUCE, cls
    if (
        cls == "request"
        and verb_lemma(token) in _DESTINED
        and any(c.dep_ == "aux:pass" for c in token.children)
    ):
        return None, None  # « le Lynx est appelé à succéder »: destined, not asked
    if (
        cls == "request"
        and verb_lemma(token) in _DESTINED
        and token.morph.get("VerbForm") == ["Part"]
        and not any(c.dep_.startswith("aux") for c in token.children)
    ):
        return None, None  # « plus communément appelé Flakpanzer Gepard »: named, not asked
    if cls == "request" and verb_lemma(token) in _DESTINED and _names_thing(token, item_token):
        return None, None  # « ils l'ont appelé le fusil sur roues »: named, not asked
    if cls == "pledge" and _lists_a_delivery(token):
        return "delivered", "transfer"
    if cls == "pledge" and _lists_an_order(token):
        return "procured", "procure"  # « la commande de la Pologne comprenait 200 chars »
    if cls == "request" and token.pos_ == "NOUN" and _asked_by_state(token):
        return None, None  # « a reçu de l'Allemagne deux requêtes »: leave asked, not aid
    if cls == "request" and token.pos_ == "NOUN" and _given_as_cause(token):
        return None, None  # « en raison d'une pénurie d'obus »: explains, asks nothing
    status = _STATUS_OF[cls]
    if negated:
        status = {"refused": "considered", "considered": "refused"}.get(status, Pending.DROP)
    return status, cls


def _asked_by_state(noun) -> bool:
    """Whether a noun of request is made by a state, not Ukraine (« la
    demande de Berlin », « a reçu de l'Allemagne deux requêtes »): a giver
    asking another for leave, no aid Ukraine asks for."""
    askers = [c for c in noun.children if c.dep_ == "nmod"]
    if noun.head.i != noun.i and lexicon().verbs.get(verb_lemma(noun.head)) == "receive":
        askers += [c for c in noun.head.children if c.i != noun.i]
    return any(
        fold(a.text) in _donor_words("state")
        # « de l'Allemagne », its « de » at times taken for a partitive article
        and any(fold(c.text) in _FROM for c in a.children if c.dep_ in ("case", "det"))
        for a in askers
    )


def _given_as_cause(noun) -> bool:
    """Whether a noun of need is given as the cause of what the sentence
    tells (« tirent peu en raison d'une pénurie d'obus »)."""
    before = fold(noun.doc[max(0, noun.i - 5) : noun.i].text)
    return bool(_CAUSE.search(before))


_INCLUDING = _WORDS.words("inclusion_verbs")
_HARDWARE = _WORDS.words("hardware_nouns")


def _holds_parts(token) -> bool:
    """Whether the verb of inclusion `token` says what a piece of hardware
    contains (« un type d'arme contenant des sous-munitions », « le missile,
    qui comporte deux charges »): its parts, not a package's items."""
    if verb_lemma(token) not in _INCLUDING:
        return False
    holder = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if token.dep_ in ("acl", "acl:relcl") and (
        holder is None or holder.morph.get("PronType") == ["Rel"]
    ):
        holder = token.head
    return holder is not None and holder.pos_ == "NOUN" and lemma(holder) in _HARDWARE


def _aid_stepped_up(token) -> bool:
    """« Lithuania steps up its support with supplies: drones, generators »,
    « la Pologne renforce son aide avec des obus »: aid that a verb of no
    class of its own takes as its object, in the present with nothing said to
    come, is being given, as « la Pologne fournit des obus » is (« the package
    includes », « fait partie du paquet » stay pledges)."""
    if token.pos_ == "VERB":
        verb = token
        if not any(
            c.dep_ == "obj" and lexicon().nouns.get(lemma(c)) == "package" for c in token.children
        ):
            return False
    elif token.dep_ == "obj" and token.head.pos_ == "VERB":
        verb = token.head
    else:
        return False
    return (
        word_class(verb) is None
        and verb_lemma(verb) not in _PASS_THROUGH
        and verb_tense(verb) == "present"
        and not is_negated(verb)
        and not _SOON.search(nlp.folded(token.doc))
    )


def _law_bans(verb) -> bool:
    """Whether `verb` is a ban whose subject is a law and whose clause names
    no recipient (« une loi américaine interdit l'exportation des
    sous-munitions »): the law of the land, no refusal to give."""
    return (
        verb_lemma(verb) in _BANS
        and any(c.dep_ == "nsubj" and lemma(c) in _LAWS for c in verb.children)
        and not _names_recipient(verb)
    )


def _names_thing(verb, item_token) -> bool:
    """Whether the item is the name a verb of naming gives another object
    of its own (« l'appeler le fusil sur roues », « appellent ce blindé le
    char léger »): two bare objects, the thing and its name."""
    return (
        item_token.head.i == verb.i
        and item_token.dep_ in ("obj", "xcomp")
        and any(c.dep_ == "obj" and c.i != item_token.i for c in verb.children)
    )


def _lists_a_delivery(token) -> bool:
    """« La livraison comprenait des obus », « the donation includes
    Javelins »: what a delivery made holds is delivered, not pledged (« le
    paquet comprend », « la livraison comprendra » are pledges)."""
    if verb_lemma(token) not in _INCLUDING or verb_tense(token) not in ("present", "past"):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and word_class(subject) == "transfer"


def _lists_an_order(token) -> bool:
    """« La commande de la Pologne comprenait 200 chars », « the contract
    includes 48 howitzers »: what an order holds is bought, not given."""
    if verb_lemma(token) not in _INCLUDING:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and word_class(subject) == "procure"


_IN_PROGRESS = _WORDS.sequence("in_progress")
_POSSIBLE_IDIOMS = re.compile(r"\b(?:" + _WORDS.alternation("possible_idioms") + r")\b")
_FIRST_PERSON = _WORDS.words("first_person")
_WISHES = _WORDS.words("wish_verbs")  # « Kiev aimerait obtenir »: a request
_ABLE = _WORDS.words("ability_modals")
_BANS = _WORDS.words("ban_words")
_LAWS = _WORDS.words("law_nouns")
_ALIKE_USERS = _WORDS.words("alike_prepositions")
_ALREADY = _WORDS.words("already_words")
_FORMERLY = _WORDS.words("former_times")
# Verbs that carry a noun of attitude (« avoir l'intention de »)
_LIGHT = _WORDS.words("light_verbs")
# « l'Allemagne fournit depuis l'été des Gepard »: done for some time already
_ONGOING = _WORDS.words("ongoing_prepositions")
_AWAITED = _WORDS.words("await_verbs")  # « Kiev attend l'arrivée »: not arrived


def _verb_taken_for_noun(token) -> bool:
    """« La Tchéquie livre des chars »: a headline's verb the parser reads as
    a noun (« livre »), which the subject it governs gives away."""
    return token.head.i == token.i and any(c.dep_ == "nsubj" for c in token.children)


def _is_heading(doc) -> bool:
    """A line without the full stop of a sentence: a headline."""
    text = nlp.text_of(doc).rstrip()
    return bool(text) and text[-1] not in '.!?»"”…:;)'


_UNTIL_NOW = re.compile(r"^\W*(?:" + _WORDS.alternation("until_now") + r")\b")


def _given_up(token) -> bool:
    """A refusal in the imperfect that held until now (« refusait jusqu'à
    présent »): the article tells of its end, and a superseded state is not
    recorded."""
    if token is None or token.morph.get("Tense") != ["Imp"]:
        return False
    text = nlp.text_of(token.doc)
    after = fold(text[token.idx + len(token.text) : token.idx + len(token.text) + 30])
    return bool(_UNTIL_NOW.match(after))


def _perfect(token) -> bool:
    """A compound past (« a pu », « avait pu »), not the imperfect « pouvait »."""
    return verb_tense(token) == "past" and any(
        lemma(c) in _PERFECT_AUX for c in token.children if c.dep_.startswith("aux")
    )


_INTENT = _WORDS.words("intent_words")


def _speaker_intends(token) -> bool:
    """« nous voulons livrer », « nous avons l'intention de livrer »: the
    speaker's own intention, which a government's spokesman states as a
    commitment (« la Pologne veut livrer » stays considered)."""
    if verb_lemma(token) not in _INTENT and lemma(token) not in _INTENT:
        return False
    holders = [token, token.head] if token.pos_ == "NOUN" else [token]
    return any(
        c.dep_ == "nsubj" and fold(c.text) in _FIRST_PERSON for h in holders for c in h.children
    )


_FIRST_TO = re.compile(r"\b(?:" + _WORDS.alternation("first_to") + r")\s*$")
_COMPLETING = _WORDS.words("completion_verbs")
_HAPPENING = _WORDS.words("happening_verbs")
_MEANS = _WORDS.words("means_prepositions")
_WITNESSING = _WORDS.words("witnessing_verbs")


def _ranked_first(token) -> bool:
    """« le premier pays de l'OTAN à livrer »: an infinitive a rank governs."""
    folded = nlp.folded(token.doc)
    if not _FIRST_TO.search(folded[max(0, token.idx - 80) : token.idx]):
        return False
    # « ferait du Royaume-Uni le premier pays à fournir »: a rank to come
    for above in token.ancestors:
        verbs = [above] + [c for c in above.children if c.dep_ == "cop"]
        if any(
            v.pos_ in ("VERB", "AUX") and verb_tense(v) in ("future", "conditional") for v in verbs
        ):
            return False
    return True


def read_status(item_token, span=None) -> StatusReading | None:
    """The status of the item at `item_token` (whose words are `span`), or
    None when nothing in its chain of heads says it is given, asked for,
    refused, and so on. A reading depends on the parse alone, and is asked
    for several times (the rules and the learned decisions' features both
    ask; a reprint's sentence comes back with its parse, nlp.py): the
    readings are kept with the parse, as (status, trigger's index, class).
    (Not as readings: a reading holds a token, the token its Doc, and a Doc
    in a cycle outlives the parse cache until the garbage collector runs:
    90 MB more per worker on a long ingest.)"""
    doc = item_token.doc
    memo = doc.user_data.get("status")
    if memo is None:
        memo = doc.user_data["status"] = {}
    key = (item_token.i, span.start, span.end) if span is not None else (item_token.i,)
    kept = memo.get(key, _UNREAD)
    if kept is None:
        return None
    if kept is not _UNREAD:
        status, trigger, trigger_class = kept
        return StatusReading(status, doc[trigger], trigger_class)
    reading = _read_status(item_token, span)
    if reading is None:
        memo[key] = None
    elif reading.trigger.doc is doc:
        memo[key] = (reading.status, reading.trigger.i, reading.trigger_class)
    return reading


_UNREAD = object()


_OWN = _WORDS.words("own_possessives")


def _read_status(item_token, span) -> StatusReading | None:
    reading = _read_parse(item_token, span)
    if (
        reading is not None
        and reading.status == "requested"
        and any(c.dep_.startswith("det") and fold(c.text) in _OWN for c in item_token.children)
    ):
        return None  # « nos F-16, nous en avons encore besoin »: the speaker's own, not asked for
    if (
        reading is not None
        and reading.status == "refused"
        and _SPEECH_REFUSAL.search(nlp.folded(item_token.doc))
    ):
        # « declined to elaborate on the training on the HIMARS »; what the
        # item's own participle says still holds (« a refusé de donner le
        # nombre de missiles fournis »)
        return _holder_reading(item_token, span)
    if (
        reading is not None
        and reading.status == "pledged"
        and lexicon().conditions.search(_ANONYMITY.sub(" ", nlp.folded(item_token.doc)))
    ):
        return StatusReading("considered", reading.trigger, reading.trigger_class)
    return reading


_HOLDER_LINKS = _WORDS.words("holder_links")
_HOLDER_LEVELS = int(_WORDS.word("holder_levels"))


_HELD_THERE = re.compile(
    r"^(?:\s+[\w'’-]+){0,3}?\s+(?P<verb>"
    + _WORDS.alternation("being_there_verbs")
    + r")\s+(?:(?:"
    + _WORDS.alternation("being_there_adverbs")
    + r")\s+)?(?:"
    + _WORDS.alternation("in_ukraine")
    + r")\b"
)
_FUTURE_THERE = _WORDS.words("being_there_future")


def _happens(verb, noun) -> bool:
    """A noun of transfer that happens (« la livraison des T-72 intervient
    après d'autres envois ») or is the means of what is done (« la Norvège
    renforce sa défense avec la livraison de missiles »), in the past or the
    present: the transfer was made."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb_tense(verb) in ("past", "present")
        and (
            verb_lemma(verb) in _HAPPENING
            or any(fold(c.text) in _MEANS for c in noun.children if c.dep_ == "case")
            # « des livraisons de blindés ont été constatées »: seen, so made
            or (
                verb_lemma(verb) in _WITNESSING
                and noun.head.i == verb.i
                and noun.dep_ in ("obj", "nsubj:pass")
            )
        )
    )


def _held_there(item_token, span) -> StatusReading | None:
    """« Deux de ces systèmes allemands sont déjà en Ukraine »: an item said
    to be in Ukraine was delivered; one that will be there is promised."""
    last = span[-1] if span is not None else item_token
    # The parse's text as given: `Doc.text` joins the tokens anew at each call.
    text = nlp.text_of(item_token.doc)
    after = fold(text[last.idx + len(last.text) : last.idx + len(last.text) + 80])
    m = _HELD_THERE.match(after)
    if not m:
        return None
    status = "pledged" if m.group("verb") in _FUTURE_THERE else "delivered"
    return StatusReading(status, item_token, "arrive")


def _read_parse(item_token, span) -> StatusReading | None:
    carrier = _carrier(item_token)
    if carrier is not None:
        # what arms a given item is given with it, whatever « équipés » says
        return _read_parse(carrier, None)
    reading = _read_chain(item_token)
    if reading is not None and not (
        # « forces have used UK-supplied missiles, the minister confirmed »:
        # the participle on the item says more than the verb reporting it,
        # or than the verb of using it
        (
            reading.status == "pledged"
            and verb_lemma(reading.trigger) in lexicon().reporting
            or reading.trigger_class == "use"
        )
        and _amod_participle(item_token, span) is not None
    ):
        return reading
    return (
        _holder_reading(item_token, span)
        or reading
        or _held_there(item_token, span)
        or _example_reading(item_token, span)
        or _named_as_need(item_token)
    )


def _named_as_need(item_token) -> StatusReading | None:
    """« ses priorités sont la défense aérienne et les obus », « la priorité
    de Kiev reste les obus »: the item (or the list it heads) is what a noun
    of asking (« besoin », « priorité ») is, through a copula or a verb of
    being (`pass_through_verbs`): asked for."""
    token = item_token
    for _ in range(4):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    holders = [token]
    if token.dep_ == "obj" and any(w in _PASS_THROUGH for w in _lemmas(token.head)):
        holders.append(token.head)  # « la priorité reste les obus »
    elif not any(c.dep_ == "cop" for c in token.children):
        return None
    for holder in holders:
        for child in holder.children:
            if (
                child.dep_ == "nsubj"
                and child.pos_ == "NOUN"
                and lexicon().nouns.get(lemma(child)) == "request"
                and not is_negated(holder)
            ):
                return StatusReading("requested", child, "request")
    return None


_LIST_INTRODUCERS = _WORDS.words("list_introducers")


def _example_reading(item_token, span) -> StatusReading | None:
    """« Kiev a formulé des demandes précises de matériel que ses soldats
    savent utiliser, notamment des systèmes antiaériens et des armes
    antichar »: an item given as an example is read from the noun it
    exemplifies, which the parser often loses (hanging the list on the verb
    of the relative clause between them)."""
    first = item_token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # « et des armes antichar »: listed with the first example
    doc = item_token.doc
    i = (span.start if span is not None and first is item_token else first.i) - 1
    while i >= 0 and doc[i].pos_ in ("DET", "ADP", "ADJ", "NUM"):
        i -= 1
    if i < 0 or fold(doc[i].text) not in _LIST_INTRODUCERS:
        return None
    depth = 0  # « 4 000 missiles (dont le coût ...) en Ukraine, dont les NLAW »: asides skipped
    for noun in reversed(doc[max(0, i - 30) : i]):
        depth += (noun.text == ")") - (noun.text == "(")
        if depth or noun.pos_ != "NOUN":
            continue
        if word_class(noun) or _object_class(noun):
            return _read_chain(item_token, noun)
        if noun.dep_ in ("obj", "nsubj:pass") and noun.head.pos_ == "VERB":
            # « a expédié 4 000 missiles antichars en Ukraine, dont les NLAW »:
            # the examples of what the verb gives
            return _read_chain(item_token, noun)
    return None


_EQUIPPING = _WORDS.words("equipping_verbs")
_LOADED = _WORDS.words("loaded_nouns")


def _carrier(item_token):
    """The noun whose ammunition the item is: « des avions armés de missiles
    Mica ». Not what a system is fitted with (« équipé d'un canon de 105
    mm »: `_describes_fittings`), which is part of it."""
    token = item_token
    for _ in range(2):  # « armés de missiles air-air Mica »: the name under its kind
        head = token.head
        if (
            head.pos_ in ("VERB", "ADJ")
            and head.dep_ in ("acl", "amod")
            and lemma(head) in _EQUIPPING
            and head.head.pos_ in ("NOUN", "PROPN")
            and (lemma(token) in _LOADED or lemma(item_token) in _LOADED)
        ):
            return head.head
        if head.i == token.i or head.pos_ not in ("NOUN", "PROPN"):
            return None
        token = head
    return None


def _acts_on_another(verb, holder) -> bool:
    """Whether a verb describing `holder` has an object of its own, which
    says what the item does (« des systèmes pour freiner la progression des
    troupes »), not what is done with it; a relative pronoun object stands
    for the item (« que la France fournit »)."""
    return verb.dep_ == "acl" and any(
        c.dep_ == "obj" and c.i != holder.i and c.morph.get("PronType") != ["Rel"]
        for c in verb.children
    )


def _holder_reading(item_token, span) -> StatusReading | None:
    """« Les chars Abrams promis par Washington », « les missiles SCALP, que
    la France fournit », « le second système SAMP/T, fourni par la France »:
    a participle or relative clause describing the item, or the noun it names."""
    holders = list(span) if span is not None else [item_token]
    noun = item_token
    # « the systems already gifted, including HIMARS and Harpoon missiles »:
    # the nouns the item is listed or named under
    for _ in range(_HOLDER_LEVELS):
        if noun.dep_ not in _HOLDER_LINKS or noun.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head
        holders.append(noun)
    if item_token.dep_ == "nsubj" and item_token.head.pos_ == "AUX":
        # « rocket launchers are among the weapons that Ukraine received »
        holders += [c for c in item_token.head.children if c.dep_ == "obl" and c.pos_ == "NOUN"]
    for holder in holders:
        for child in holder.children:
            if _acts_on_another(child, holder):
                continue  # « des armes antichar pour freiner la progression des troupes »
            if (
                child.dep_ in ("acl", "acl:relcl") and child.pos_ in ("VERB", "ADJ", "AUX")
            ) or _is_amod_participle(child):
                status, cls = _first_reading(child, item_token)
                if status and not isinstance(status, Pending):
                    return StatusReading(status, child, cls)
    # « aux missiles NLAW livrés par le Royaume-Uni », the participle hung on
    # the verb by the parser: a past participle right after the item is its own
    end = span.end if span is not None else item_token.i + 1
    doc = item_token.doc
    if (
        end < len(doc)
        and doc[end].pos_ == "VERB"
        and _is_past_participle_form(doc[end])
        and doc[end].head.i not in {h.i for h in holders}
    ):
        status, cls = _first_reading(doc[end], item_token)
        if status in ("delivered", "pledged") and cls == "transfer":
            return StatusReading(status, doc[end], cls)
    return None


def _is_past_participle_form(token) -> bool:
    """« livrés », « fournis »: a past participle, whatever the parser hangs it on."""
    return token.morph.get("VerbForm") == ["Part"] and "Past" in token.morph.get("Tense")


def _is_amod_participle(token) -> bool:
    """« UK-supplied Storm Shadow missiles », « the promised tanks »: a
    participle modifying the item's noun."""
    return token.dep_ == "amod" and token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Part"]


def _amod_participle(item_token, span):
    holders = list(span) if span is not None else [item_token]
    if item_token.head.pos_ == "NOUN":
        holders.append(item_token.head)
    for holder in holders:
        for child in holder.children:
            if (_is_amod_participle(child) or _is_past_participle_clause(child)) and word_class(
                child
            ) is not None:
                return child
    return None


def _is_past_participle_clause(token) -> bool:
    """« missiles provided secretly by the United States », « les missiles
    fournis par Londres »: a past participle after the noun."""
    return token.dep_ == "acl" and _is_past_participle_form(token)


def _arrival(status, trigger_class: str) -> bool:
    """A noun of arrival still waiting for its verb."""
    return status == Pending.NOMINAL and trigger_class == "arrive"


def _read_chain(item_token, holder=None) -> StatusReading | None:
    """The status the words governing the item give it (`holder`: a noun the
    item is listed under, read first, then the words governing it)."""
    lex = lexicon()
    status: str | None = None
    trigger = None
    trigger_class = ""
    # Modals and attitudes reach the trigger only through infinitives and
    # nouns, not across a finite verb or from a subject position.
    open_path = True
    previous = item_token
    intended = False  # « nous voulons livrer »: see _speaker_intends
    for token in _chain(item_token) if holder is None else [holder, *_chain(holder)]:
        if _conceded(token):
            return None  # « malgré les promesses d'envoi de chars »: background
        if status is None:
            previous = token
            status, cls = _first_reading(token, item_token)
            if (
                cls == "transfer"
                and token.pos_ == "VERB"
                and status in (Pending.OPEN, "delivered", "pledged")
                and not is_negated(token)
                and _introduced_by(token, _AFTER)
            ):
                # « après avoir envoyé des munitions en Ukraine »: done before
                return StatusReading("delivered", token, cls)
            if status is not None:
                trigger, trigger_class = token, cls
            elif token.pos_ == "NOUN" and lemma(token) in _UPKEEP:
                return None  # « un contrat pour l'entretien des obusiers »: kept up, not given
            elif (
                token.pos_ == "VERB"
                and verb_lemma(token) not in _PASS_THROUGH | _MORE | lex.modals.keys()
                and not (lemma(token) in _FITTED and _listed_after(item_token, token))
                and not (token.dep_ in ("acl", "acl:relcl") and _listed_after(item_token, token))
                and not _aside_before(item_token, token)
            ):
                # The nearest verb says what is done with the item, and it is
                # not giving: « des brouilleurs pour contrer les drones ».
                return None
            if status == Pending.DROP:
                return None
            continue
        # An outer word governing what we already read. A modal acts on the
        # giving verb or a light verb under it (« permettra de prendre des
        # décisions pour livrer »), not on a reporting verb (« je peux
        # confirmer que nous envoyons »).
        below = previous
        if previous.dep_ == "conj" and previous.pos_ in ("VERB", "AUX"):
            break  # « a refusé de livrer des Taurus mais va envoyer des Patriot »
        if (
            previous.dep_ in ("nsubj", "nsubj:pass", "acl:relcl")
            or (
                previous.pos_ in ("VERB", "AUX")
                and previous.morph.get("VerbForm") == ["Fin"]
                and previous.i != trigger.i
                and not _whether(previous, token)
            )
            or (previous.i == trigger.i and trigger.dep_ == "acl:relcl")
        ):
            # a relative clause is a statement about its noun, not governed
            # by the verb above: « le Marder, dont l'Allemagne a fourni ... »
            open_path = False
        previous = token
        cls = _object_class(token) or word_class(token) or _part_of_package(token)
        negated = is_negated(token) or (
            # « n'ont toujours pas l'intention de fournir »: the light verb's negation
            cls in ATTITUDES
            and token.pos_ == "NOUN"
            and token.dep_ == "obj"
            and verb_lemma(token.head) in _LIGHT
            and is_negated(token.head)
        )
        if cls is None and lemma(token) in _OUT_OF_QUESTION and negated:
            cls, negated = "refuse", False  # « il n'est pas question de livrer »
        if cls is None and _stands_against(token, below):
            cls = "refuse"  # « s'est prononcé contre la fourniture de Taurus »
        elif (
            cls is None
            and negated
            and verb_lemma(token) in _STANCES
            and _not_yet(token)
            and _introduced_by(below, _TOPIC)
        ):
            # « ne s'est pas encore prononcé sur l'envoi de Taurus »: no stand
            # taken yet, the giving still weighed
            cls, negated = "consider", False
        if cls == "refuse" and _law_bans(token):
            return None  # « une loi interdit l'exportation des sous-munitions »
        open_inner = status in (Pending.OPEN, Pending.NOMINAL)
        verb = verb_lemma(token)
        if cls in ATTITUDES and status == Pending.PRODUCE:
            # « leur intention de produire en commun des CV90 »: production
            # weighed is no aid weighed, whoever announces it
            status = Pending.DROP
        elif cls == "request" and token.pos_ == "NOUN" and _asked_by_state(token):
            # « la demande de Berlin »: leave asked by a giver, no aid asked
            # for; what is done with it may still refuse it (« Berne a rejeté
            # la demande de Berlin »), not receiving it (« a reçu de
            # l'Allemagne deux requêtes »)
            if lexicon().verbs.get(verb_lemma(token.head)) == "receive":
                status = Pending.DROP
                break
            continue
        elif cls == "request" and _asks_leave_to_export(token, item_token):
            # « a demandé à Berne de lever le veto à la réexportation de
            # munitions »: leave to export, asked of who licenses it; a
            # refusal of that request (« a rejeté la demande de Berlin de
            # l'autoriser à réexporter ») refuses the export
            refusal = _refuses_request(token)
            if refusal is not None:
                status, trigger, trigger_class = "refused", refusal, "refuse"
            else:
                status = Pending.DROP
            break
        elif (
            cls in ATTITUDES
            and (open_path or open_inner)
            and not (cls == "consider" and status == "requested")
        ):
            # « a évoqué un besoin de 300 chars » stays a request
            base = {"request": "requested", "refuse": "refused", "consider": "considered"}[cls]
            if negated:
                base = {"refused": "considered", "considered": "refused"}.get(base, Pending.DROP)
            if status != "training" or base != "requested":
                status, trigger, trigger_class = base, token, cls
                intended = base == "considered" and not negated and _speaker_intends(token)
        elif _arrival(status, trigger_class) and token.pos_ in ("VERB", "AUX"):
            if verb in _AWAITED or verb_tense(token) in ("future", "conditional"):
                status = "pledged"  # « Kiev attend l'arrivée des F-16 »: not yet
            elif cls in ATTITUDES:
                status = _STATUS_OF[cls]
        elif status == Pending.NOMINAL and verb in _JUDGING and below.dep_ in ("obj", "dobj"):
            return None  # « a qualifié les livraisons d'armes d'irresponsables »
        elif (
            status == Pending.NOMINAL
            and verb in _RISKING
            and trigger.dep_ == "nsubj"
            and trigger.head.i == token.i
        ):
            return None  # « les livraisons de Taurus menacent d'entraîner Berlin »: a danger
        elif (
            status == Pending.NOMINAL
            and token.pos_ == "NOUN"
            and cls is None
            and below.head.i == token.i
            and _introduced_by(below, _TOPIC)
        ):
            return None  # « le groupe de contact sur les livraisons d'armes »: a topic
        elif (
            status == Pending.NOMINAL
            and token.pos_ == "NOUN"
            and lemma(token) in _TOPIC_NOUNS
            and below.head.i == token.i
        ):
            return None  # « dans le contexte de la fourniture de missiles »: a topic
        elif (
            status == Pending.NOMINAL
            and token.pos_ in ("VERB", "AUX")
            and any(word in _LIMITING for word in _lemmas(token))
            and not negated
            and verb_tense(token) in ("present", "past", "participle")
        ):
            # « l'aide se limite à la fourniture de chars soviétiques »: given
            status, trigger, trigger_class = "delivered", token, "transfer"
        elif (
            status in (Pending.NOMINAL, "pledged")
            and trigger.dep_ == "nsubj"
            and trigger.head.i == token.i
            and token.pos_ in ("VERB", "AUX")
            and lex.modals.get(verb) in ("considered", "pledged")
            and _passive_act(token, below)
        ):
            # « l'envoi d'armes à sous-munitions pourrait être annoncé »: the
            # noun is the subject of the modal's passive infinitive
            status = "refused" if negated else lex.modals[verb]
            trigger, trigger_class = token, "transfer"
        elif (
            status == Pending.NOMINAL
            and verb in _CONFIRMING
            and token.pos_ in ("VERB", "AUX")
            and not negated
            and verb_tense(token) in ("past", "present")
            and not _SOON.search(nlp.folded(token.doc))
        ):
            # « confirmed the delivery of Storm Shadow missiles »
            status, trigger, trigger_class = "delivered", token, "transfer"
        elif cls == "pledge" and open_inner:
            status = "pledged"
            denier = token
            if (
                not negated
                and token.pos_ == "NOUN"
                and token.dep_ in ("nsubj", "nsubj:pass")
                and is_negated(token.head)
            ):
                # « la décision de livrer des Taurus n'est pas encore prise »:
                # the decision the verb denies is negated
                negated, denier = True, token.head
            if negated:
                # « have not yet agreed to provide tanks »: still weighed
                status = "considered" if _not_yet(denier) else Pending.DROP
        elif status == Pending.PRODUCE and (
            cls in ("procure", "package") or (cls == "pledge" and _pledges_funds(token))
        ):
            # « un financement pour produire 18 obusiers », « a débloqué 100
            # millions d'euros pour produire des obus »; not « prévoit de
            # produire 15 000 obus par an »: production planned is not paid for
            status = "procured"
        elif (
            status == Pending.NOMINAL
            and verb in _COMPLETING
            and token.pos_ in ("VERB", "AUX")
            and verb_tense(token) == "past"
        ):
            status = "delivered"  # « a finalisé la remise de ses chars »
            trigger, trigger_class = token, "transfer"
        elif status == Pending.NOMINAL and not negated and _happens(token, below):
            status = "delivered"
            trigger, trigger_class = token, "transfer"
        elif (
            status == Pending.NOMINAL
            and token.pos_ in ("VERB", "AUX")
            and lex.modals.get(verb) == "delivered"
            and not negated
            and verb_tense(token) in ("past", "present")
        ):
            # « had continued shipments of munitions », « began deliveries of »
            status, trigger, trigger_class = "delivered", token, "transfer"
        elif (
            status == Pending.NOMINAL
            and cls in ("transfer", "receive")
            and token.pos_ in ("VERB", "AUX")
        ):
            # « Kiev a reçu une livraison de drones »
            tense = verb_tense(token)
            status = "refused" if negated else _TENSE_STATUS[tense]
            if not negated and tense in ("present", "past") and _done_noun(trigger):
                status = "delivered"  # « the donation of these systems gives Ukraine »: made
            trigger, trigger_class = token, cls
        elif (
            verb in lex.recent_past
            and token.pos_ in ("VERB", "AUX")
            and open_path
            and status == Pending.OPEN  # not « vient d'annoncer l'envoi »: a pledge
            and verb_tense(token) in ("present", "past")
            # « vient de son côté d'envoyer »: the parser may hang the
            # infinitive on the aside, so its « de » is looked for on it too
            and any(
                c.dep_ == "mark" and fold(c.text) in ("de", "d'")
                for c in (*below.children, *trigger.children)
            )
        ):
            status = "refused" if negated else "delivered"  # « la Pologne vient d'envoyer »
        elif (
            verb in lex.modals
            and token.pos_ in ("VERB", "AUX")
            and open_path
            and trigger.morph.get("VerbForm") != ["Fin"]  # a finite clause has its own mood
            and status in (Pending.OPEN, "pledged", "delivered")
            and (
                below.i == trigger.i
                or word_class(below)
                or verb_lemma(below) in _PASS_THROUGH
                # « pourrait se joindre aux alliés pour fournir »: the modal
                # reaches the giving through the infinitive between them
                or (status == Pending.OPEN and below.morph.get("VerbForm") == ["Inf"])
            )
        ):
            # Modals govern infinitives (« pourraient suivre »), never a noun
            # subject: « l'envoi ... doit faire l'objet de discussions ».
            status = "refused" if negated else lex.modals[verb]
            if status == "delivered":
                # « continuera à livrer »: more to come is a pledge; « prévoit
                # de commencer à livrer »: what governs the infinitive decides
                status = {
                    "future": "pledged",
                    "conditional": "considered",
                    "infinitive": Pending.OPEN,
                }.get(verb_tense(token), status)
            if status == "considered" and verb in _ABLE and _perfect(token) and not negated:
                status = "delivered"  # « la Norvège a pu livrer des missiles »: it did
            intended = status == "considered" and not negated and _speaker_intends(token)
            if status == "considered" and trigger_class == "receive" and verb in _WISHES:
                status, trigger, trigger_class = "requested", token, "request"
        elif (
            status == "refused"
            and negated
            and verb in lex.modals
            and token.pos_ in ("VERB", "AUX")
            and below.i == trigger.i
            and trigger_class == "refuse"
        ):
            status = "considered"  # « on ne peut pas exclure que l'Italie fournisse »
        elif (
            status == "considered"
            and verb_tense(trigger) == "conditional"
            and verb_lemma(trigger) not in lex.modals
            and verb in lex.reporting
            and verb_tense(token) == "past"
        ):
            status = "pledged"  # future in the past: « a annoncé qu'il livrerait »
        elif status == Pending.OPEN and cls in ("transfer", "package"):
            status = "pledged"
        elif status == Pending.OPEN and negated and token.pos_ in ("VERB", "AUX"):
            status = "refused"
    if status in (None, Pending.DROP, Pending.PRODUCE):
        return None
    if status == "refused" and _given_up(trigger):
        return None  # « qui refusait jusqu'à présent de fournir »: a refusal since dropped
    if status == "considered" and intended:
        status = "pledged"
    if status == Pending.OPEN:
        status = "pledged"
    if _arrival(status, trigger_class):
        # « Kiev a annoncé l'arrivée de canons Caesar »: arrived, so delivered
        status = "delivered"
    if status == Pending.NOMINAL:
        sentence_words = set(
            re.split(r"\W+", _POSSIBLE_IDIOMS.sub(" ", nlp.folded(item_token.doc)))
        )
        if any(words in nlp.folded(item_token.doc) for words in _IN_PROGRESS):
            status = "delivered"  # « le transfert des F-16 était en cours »
        elif sentence_words & lex.consider_cues:
            status = "considered"
        elif (
            trigger is not None
            and _done_noun(trigger)
            and not _SOON.search(nlp.folded(item_token.doc))
        ):
            status = "delivered"  # « the UK's donation of Storm Shadow missiles »
        else:
            status = "pledged"
    return StatusReading(status, trigger, trigger_class)
