"""Variants of a wire story, as outlets make them: test and benchmark tooling.

An outlet that runs an agency dispatch rarely prints it as sent. It puts its
own lead on top, cuts paragraphs to fit, rewords or drops a quotation,
changes the dateline and its house typography. Each function here makes one
kind of such change to a source text, driven by a seeded `random.Random`
so that a variant is the same from run to run:

    new_lead        a new first paragraph (a generic sentence and one taken
                    from further down), in place of the first one or on top
    trimmed         20-40 % of the paragraphs dropped, the order kept
    changed_quotes  quotations cut, shortened or reworded, attribution verbs
                    switched (« a déclaré » ↔ « a affirmé », …)
    reprint         a new dateline (« PARIS (AFP) - ») and other typography:
                    ' or ’, « » or "", non-breaking spaces, 300.000 or 300 000
    rewrite         two or three of the above

`variant(kind, text, seed)` makes one by name. The story index must group
every variant with its source; the tests and `bench/bench_dedup.py` use
these to build labelled near-duplicates from texts the index was not tuned on.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZÀ-ÖØ-Þ])")
_QUOTE = re.compile(r"«\s*([^»]+?)\s*»|\"([^\"\n]+)\"|“([^”]+)”")
_DATELINE = re.compile(r"\A[A-ZÀ-Þ][^\n()]{0,40}(?:\([^\n()]{1,30}\)\s*)*[-–—]\s+")

GENERIC_LEADS = (
    "C'est une annonce très attendue.",
    "Le dossier était suivi de près depuis plusieurs semaines.",
    "L'information a été confirmée dans la journée par plusieurs sources concordantes.",
    "Nouveau rebondissement dans un dossier qui mobilise les chancelleries.",
    "La nouvelle est tombée en fin de matinée.",
    "Il faudra encore attendre pour en connaître tous les détails.",
)
DATELINES = (
    "PARIS (AFP) - ",
    "KIEV (AFP) - ",
    "WASHINGTON (AFP) – ",
    "BRUXELLES (AFP) - ",
    "BERLIN (Reuters) - ",
    "LONDRES (AP) – ",
    "(AFP) - ",
)
# Attribution verbs an editor swaps freely, both ways.
_ATTRIBUTION_PAIRS = (
    ("a déclaré", "a affirmé"),
    ("a indiqué", "a précisé"),
    ("a souligné", "a insisté"),
    ("a annoncé", "a fait savoir"),
    ("a estimé", "a jugé"),
    ("a ajouté", "a poursuivi"),
    ("selon", "d'après"),
)
_ATTRIBUTIONS = {a: b for a, b in _ATTRIBUTION_PAIRS} | {b: a for a, b in _ATTRIBUTION_PAIRS}
_ATTRIBUTION = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _ATTRIBUTIONS), key=len, reverse=True)) + r")\b"
)
# Words a paraphrase of a quotation replaces.
_SYNONYMS = {
    "nous": "on",
    "très": "vraiment",
    "besoin": "nécessité",
    "important": "essentiel",
    "grand": "considérable",
    "rapidement": "vite",
    "pays": "nation",
    "aujourd'hui": "désormais",
    "toujours": "encore",
    "armes": "équipements",
    "soutien": "appui",
    "plus": "davantage",
    "doit": "devra",
}


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (blocks between blank lines), stripped."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    """A rough sentence split: enough to move or drop whole sentences."""
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _join(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


def _lead_index(paras: list[str]) -> int:
    """The first paragraph of the body: a title above it is short and has
    no full stop."""
    return next(
        (i for i, p in enumerate(paras) if len(p.split()) > 15 or p.rstrip().endswith(".")), 0
    )


def new_lead(text: str, rng: random.Random) -> str:
    """A new first paragraph: a generic sentence and a sentence from further
    down; it replaces the first paragraph or goes on top of it."""
    paras = paragraphs(text)
    first = _lead_index(paras)
    body = [
        s
        for p in paras[first + 1 :]
        for s in sentences(p)
        if len(s.split()) >= 6 and s.rstrip()[-1] in '.!?»"' and not s.startswith("-")
    ]
    lead = rng.choice(GENERIC_LEADS)
    if body:
        lead += " " + rng.choice(body)
    if len(paras) - first > 2 and rng.random() < 0.5:
        paras[first] = lead
    else:
        paras.insert(first, lead)
    return _join(paras)


def trimmed(text: str, rng: random.Random) -> str:
    """20 to 40 % of the paragraphs dropped (at least one when there are
    three or more), the others in their order."""
    paras = paragraphs(text)
    drop = round(len(paras) * rng.uniform(0.2, 0.4))
    if len(paras) >= 3:
        drop = max(drop, 1)
    drop = min(drop, len(paras) - 1)
    gone = set(rng.sample(range(len(paras)), drop))
    return _join([p for i, p in enumerate(paras) if i not in gone])


def _reword(quote: str, rng: random.Random) -> str:
    words = quote.split()
    out = []
    for word in words:
        core = word.rstrip(",;:.!?")
        tail = word[len(core) :]
        if core.lower() in _SYNONYMS:
            out.append(_SYNONYMS[core.lower()] + tail)
        elif len(core) > 3 and rng.random() < 0.15:
            continue  # a word the paraphrase does without
        else:
            out.append(word)
    if len(out) > 6 and rng.random() < 0.5:  # the two halves the other way round
        half = len(out) // 2
        out = out[half:] + out[:half]
    return " ".join(out)


def changed_quotes(text: str, rng: random.Random) -> str:
    """Each sentence with a quotation (four words or more) has it cut (the
    whole sentence goes), shortened or reworded, or left as it is; most
    attribution verbs are switched."""
    paras = []
    for para in paragraphs(text):
        kept = []
        for sentence in sentences(para):
            if not any(len(_inner(m).split()) >= 4 for m in _QUOTE.finditer(sentence)):
                kept.append(sentence)  # no quotation, or only a word or two quoted
                continue
            action = rng.choice(("cut", "shorten", "reword", "keep"))
            if action == "cut":
                continue
            if action == "shorten":
                sentence = _QUOTE.sub(_shorten, sentence)
            elif action == "reword":
                sentence = _QUOTE.sub(lambda m: _requote(m, _reword(_inner(m), rng)), sentence)
            kept.append(sentence)
        if kept:
            paras.append(" ".join(kept))
    out = _join(paras)
    return _ATTRIBUTION.sub(
        lambda m: _ATTRIBUTIONS[m.group(1)] if rng.random() < 0.7 else m.group(1), out
    )


def _inner(match: re.Match) -> str:
    return next(g for g in match.groups() if g is not None)


def _requote(match: re.Match, inner: str) -> str:
    return match.group(0).replace(_inner(match), inner)


def _shorten(match: re.Match) -> str:
    words = _inner(match).split()
    if len(words) < 6:
        return match.group(0)
    return _requote(match, " ".join(words[: len(words) // 2]) + " (...)")


def reprint(text: str, rng: random.Random) -> str:
    """The same words under a new dateline and another house style."""
    paras = paragraphs(text)
    lead = _lead_index(paras)
    paras[lead] = rng.choice(DATELINES) + _DATELINE.sub("", paras[lead], count=1)
    out = _join(paras)
    if rng.random() < 0.5:  # guillemets ↔ English quotes
        out = re.sub(r"«\s*([^»]+?)\s*»", r'"\1"', out)
    else:
        out = re.sub(r"\"([^\"\n]+)\"", "«\u00a0\\1\u00a0»", out)
    out = out.replace("'", "’") if rng.random() < 0.5 else out.replace("’", "'")
    space = rng.choice((" ", "\u00a0", "\u202f"))
    out = re.sub(r"[ \u00a0\u202f]([;:!?%])", space + r"\1", out)
    if rng.random() < 0.5:  # 300.000 ↔ 300 000
        out = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "\u00a0", out)
    else:
        out = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", ".", out)
    return out


def rewrite(text: str, rng: random.Random) -> str:
    """Two or three of the other changes, in the order an editor makes them."""
    chosen = set(rng.sample(range(len(_EDITS)), rng.choice((2, 3))))
    for i, edit in enumerate(_EDITS):
        if i in chosen:
            text = edit(text, rng)
    return text


_EDITS: tuple[Callable[[str, random.Random], str], ...] = (
    trimmed,
    changed_quotes,
    new_lead,
    reprint,
)

KINDS: dict[str, Callable[[str, random.Random], str]] = {
    "new_lead": new_lead,
    "trimmed": trimmed,
    "changed_quotes": changed_quotes,
    "reprint": reprint,
    "rewrite": rewrite,
}


def variant(kind: str, text: str, seed: int | str) -> str:
    """The `kind` variant of `text` (a key of `KINDS`) made with `seed`."""
    return KINDS[kind](text, random.Random(seed))


def scrambled(sentence: str, rng: random.Random) -> str:
    """The sentence's words in pairs, the pairs shuffled: the vocabulary and
    the common phrases stay, the 5-word shingles mostly go."""
    words = sentence.split()
    pairs = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
    rng.shuffle(pairs)
    return " ".join(pairs)


def other_news(pool: dict[str, list[str]], rng: random.Random) -> str:
    """An off-topic-like text that duplicates nothing: sentences from 8 to 14
    different sources of `pool` (name → sentences), scrambled, in short paragraphs."""
    docs = rng.sample(sorted(pool), min(len(pool), rng.randint(8, 14)))
    picked = [scrambled(rng.choice(pool[doc]), rng) for doc in docs]
    paras, i = [], 0
    while i < len(picked):
        n = rng.randint(1, 3)
        paras.append(" ".join(picked[i : i + n]))
        i += n
    return "\n\n".join(paras) + "\n"
