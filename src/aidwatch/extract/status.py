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

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from aidwatch.extract.text import fold

ATTITUDES = ("request", "refuse", "consider")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma → class
    nouns: dict[str, str]
    modals: dict[str, str]  # lemma → status it gives an open verb below it
    consider_cues: frozenset[str]
    negations: frozenset[str]
    reporting: frozenset[str]
    not_donor_agents: frozenset[str]


@cache
def lexicon() -> Lexicon:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath("status_fr.yaml").read_text(encoding="utf-8")
    )

    def invert(table: dict[str, list[str]]) -> dict[str, str]:
        return {fold(word): cls for cls, words in table.items() for word in words}

    return Lexicon(
        verbs=invert(raw["verbs"]),
        nouns=invert(raw["nouns"]),
        modals=invert(raw["modals"]),
        consider_cues=frozenset(fold(w) for w in raw["consider_cues"]),
        negations=frozenset(fold(w) for w in raw["negations"]),
        reporting=frozenset(fold(w) for w in raw["reporting"]),
        not_donor_agents=frozenset(fold(w) for w in raw["not_donor_agents"]),
    )


def lemma(token) -> str:
    return fold(token.lemma_)


def word_class(token) -> str | None:
    """The lexicon class of a token: transfer, pledge, package, ... or None."""
    lex = lexicon()
    if token.pos_ in ("VERB", "AUX"):
        return lex.verbs.get(lemma(token))
    if token.pos_ in ("NOUN", "PROPN"):
        found = lex.nouns.get(lemma(token)) or lex.nouns.get(fold(token.text))
        return found or lex.verbs.get(_participle_infinitive(token.text) or "")
    if token.pos_ == "ADJ":  # participles tagged as adjectives: « les chars livrés »
        return lex.verbs.get(lemma(token)) or lex.verbs.get(_participle_infinitive(token.text) or "")
    return None


def _participle_infinitive(text: str) -> str | None:
    """« pressés » → « presser »: the md tagger sometimes calls a participle a noun."""
    word = fold(text)
    for ending in ("ees", "es", "ee", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 3 and text[-len(ending)].lower() == "é":
            return word[: -len(ending)] + "er"
    return None


# « plus » and « jamais » negate only with « ne »: « livrer plus de chars » is more.
_NEEDS_NE = {"plus", "jamais", "guere"}


def is_negated(token) -> bool:
    neg = lexicon().negations
    words = [fold(c.text) for c in token.children if c.dep_.startswith("advmod")]
    for child in token.children:
        # « ne ... pas » may hang on the auxiliary: « n'a pas livré »
        if child.dep_.startswith("aux"):
            words += [fold(g.text) for g in child.children if g.dep_.startswith("advmod")]
    has_ne = any(w in ("ne", "n'") for w in words)
    if any(w in neg and (w not in _NEEDS_NE or has_ne) for w in words):
        return True
    # « aucun char » negates the act on it
    return False


_FUTURE_AUX = {"sera", "seront", "serons", "serez", "aura", "auront", "serai"}
_COND_AUX = {"serait", "seraient", "aurait", "auraient", "serais"}
_FUTURE_ENDINGS = ("ra", "ront", "rai", "rons", "rez")
_COND_ENDINGS = ("rait", "raient", "rais", "rions", "riez")


def verb_tense(token) -> str:
    """`past`, `present`, `future`, `conditional`, `infinitive` or `participle`.

    The md morphologizer tags « livreront » as present, so future and
    conditional are read off the ending as well."""
    text = fold(token.text)
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    aux_texts = {fold(a.text) for a in auxes}
    aux_lemmas = {lemma(a) for a in auxes}
    verb_form = token.morph.get("VerbForm")
    if "aller" in aux_lemmas:
        return "future"
    if verb_form == ["Part"] or (token.pos_ == "ADJ" and text.endswith(("e", "es", "s", "is", "it"))):
        if aux_texts & _FUTURE_AUX:
            return "future"
        if aux_texts & _COND_AUX:
            return "conditional"
        if auxes:
            return "past"
        return "participle"
    if verb_form == ["Inf"]:
        if "avoir" in aux_lemmas or "etre" in aux_lemmas:
            return "past"  # « avoir reçu »
        return "infinitive"
    if token.morph.get("Mood") == ["Cnd"] or text.endswith(_COND_ENDINGS):
        return "conditional"
    if token.morph.get("Tense") == ["Fut"] or (len(text) > 5 and text.endswith(_FUTURE_ENDINGS)):
        return "future"
    if token.morph.get("Tense") in (["Past"], ["Imp"]):
        return "past"
    return "present"


_TENSE_STATUS = {
    "past": "delivered",
    "participle": "delivered",
    "present": "pledged",
    "future": "pledged",
    "conditional": "considered",
    "infinitive": "_open",  # decided by what governs it
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


def _has_condition(token) -> bool:
    """« ils seront envoyés ... si l'expérience s'avère positive »."""
    for child in token.children:
        if child.dep_ in ("advcl", "mark") and (
            fold(child.text) == "si" or any(fold(g.text) in ("si", "s'") and g.dep_ == "mark" for g in child.children)
        ):
            return True
    return False


def _part_of_package(token) -> str | None:
    """« feront partie d'un nouveau programme d'aide », « figure dans le paquet »."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    nouns = lexicon().nouns
    for child in token.children:
        if child.dep_ not in ("obj", "obl", "obl:arg", "obl:mod"):
            continue
        heads = [child]
        if lemma(child) == "partie":
            heads += [g for g in child.children if g.dep_ == "nmod"]
        if any(nouns.get(lemma(h)) == "package" for h in heads):
            return "package"
    return None


_PURPOSE = {"afin", "pour", "facon", "sorte", "maniere"}


def _is_purpose_clause(token) -> bool:
    """« de façon à ce que les forces ukrainiennes reçoivent », « pour que »:
    a goal, not an act."""
    for child in token.children:
        if child.dep_ == "mark" and fold(child.text) in ("que", "qu'"):
            words = {fold(t.text) for t in child.children} | {fold(t.text) for t in token.children if t.i < child.i}
            if words & _PURPOSE:
                return True
    head = token.head
    if token.dep_ in ("acl:relcl", "ccomp", "advcl") and fold(head.text) in ("ce",):
        return any(fold(t.text) in _PURPOSE for t in head.subtree if t.i < head.i)
    return False


def _chain(item_token) -> list:
    """The words that govern the item, nearest first. When the item is the
    subject, its verb's infinitive or participle complement comes first:
    « des chars pourraient suivre », « 18 HIMARS puissent être achetés »."""
    chain = []
    token = item_token
    while token.head.i != token.i and len(chain) < 12:
        if token.dep_ in ("nsubj", "nsubj:pass") and not chain:
            chain += [c for c in token.head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX", "ADJ")]
        token = token.head
        chain.append(token)
    return chain


def read_status(item_token) -> StatusReading | None:
    """The status of the item at `item_token`, or None when nothing in its
    chain of heads says it is given, asked for, refused, and so on."""
    lex = lexicon()
    status: str | None = None
    trigger = None
    trigger_class = ""
    # Modals and attitudes reach the trigger only through infinitives and
    # nouns, not across a finite verb or from a subject position.
    open_path = True
    previous = item_token
    for token in _chain(item_token):
        cls = word_class(token) or _part_of_package(token)
        negated = is_negated(token)
        if status is None:
            previous = token
            if cls is None:
                continue
            trigger, trigger_class = token, cls
            if cls in ("transfer", "receive", "arrive"):
                if token.pos_ in ("NOUN", "PROPN"):
                    status = "_nominal"
                else:
                    if _is_purpose_clause(token):
                        return None
                    status = _TENSE_STATUS[verb_tense(token)]
                    modal = _aux_modal(token)
                    if modal:
                        status = modal
                    if negated:
                        status = "refused"
                    elif _has_condition(token) and status in ("pledged", "delivered"):
                        status = "considered"
            elif cls == "package":
                status = "pledged"
            else:
                status = {"pledge": "pledged", "request": "requested", "refuse": "refused",
                          "consider": "considered", "procure": "procured",
                          "training": "training"}[cls]
                if negated:
                    status = {"refused": "considered", "considered": "refused"}.get(status, "_drop")
            continue
        # An outer word governing what we already read.
        if previous.dep_ in ("nsubj", "nsubj:pass") or (
            previous.pos_ in ("VERB", "AUX") and previous.morph.get("VerbForm") == ["Fin"] and previous.i != trigger.i
        ):
            open_path = False
        previous = token
        open_inner = status in ("_open", "_nominal")
        if cls in ATTITUDES and (open_path or open_inner or status in ("pledged", "considered")):
            base = {"request": "requested", "refuse": "refused", "consider": "considered"}[cls]
            if negated:
                base = {"refused": "considered", "considered": "refused"}.get(base, "_drop")
            if status != "training" or base != "requested":
                status, trigger, trigger_class = base, token, cls
        elif cls == "pledge" and open_inner:
            status = "_drop" if negated else "pledged"
        elif (
            lemma(token) in lex.modals
            and token.pos_ in ("VERB", "AUX")
            and open_path
            and status in ("_open", "pledged", "delivered")
        ):
            # Modals govern infinitives (« pourraient suivre »), never a noun
            # subject: « l'envoi ... doit faire l'objet de discussions ».
            status = "refused" if negated else lex.modals[lemma(token)]
        elif (
            status == "considered"
            and verb_tense(trigger) == "conditional"
            and lemma(trigger) not in lex.modals
            and lemma(token) in lex.reporting
            and verb_tense(token) == "past"
        ):
            status = "pledged"  # future in the past: « a annoncé qu'il livrerait »
        elif status == "_open" and cls in ("transfer", "package"):
            status = "pledged"
        elif status == "_open" and negated and token.pos_ in ("VERB", "AUX"):
            status = "refused"
    if status is None or status == "_drop":
        return None
    if status == "_open":
        status = "pledged"
    if status == "_nominal":
        sentence_words = {fold(t.lemma_) for t in item_token.doc} | {fold(t.text) for t in item_token.doc}
        status = "considered" if sentence_words & lex.consider_cues else "pledged"
    return StatusReading(status, trigger, trigger_class)
