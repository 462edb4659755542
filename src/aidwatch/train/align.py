"""Gold facts → labels for the candidates of the same article.

A candidate (an item group in a sentence) is labelled with the status of the
gold facts whose item it names and whose evidence overlaps its sentence;
with « none » when no gold fact of the article names its item. A group whose
item a gold fact names elsewhere in the article is left out of training: a
fact is recorded once per article with one evidence, so another sentence
naming the same item may or may not assert it, and the annotation does not
say which.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidwatch.evaluate.scoring import item_matches
from aidwatch.extract.candidates import NO_DONOR, Candidate
from aidwatch.extract.decide import donor_features
from aidwatch.model import STATUSES


@dataclass
class Samples:
    status_x: list[list[str]]
    status_y: list[list[str]]  # the statuses the gold gives the group, often none
    donor_x: list[list[str]]
    donor_y: list[int]


def _spans(text: str, evidence: str) -> list[tuple[int, int]]:
    out, start = [], text.find(evidence)
    while start >= 0 and evidence:
        out.append((start, start + len(evidence)))
        start = text.find(evidence, start + 1)
    return out


def _as_pred(c: Candidate) -> dict:
    item = c.group.system.item
    return {"item": {"id": item.id, "name": item.name, "category": item.category}}


def label(text: str, gold: dict, candidates: list[Candidate], into: Samples) -> None:
    """Add the article's labelled samples to `into`."""
    facts = [(f, _spans(text, f.get("evidence") or "")) for f in gold.get("facts", [])]
    for c in candidates:
        pred = _as_pred(c)
        s = c.sentence
        naming = [(f, spans) for f, spans in facts if item_matches(f, pred)]
        here = [f for f, spans in naming if any(a < s.end and b > s.start for a, b in spans)]
        if not here:
            if naming:
                continue  # asserted elsewhere in the article: unknown here
            if not c.group.specific and any(
                f.get("category") == pred["item"]["category"] for f, _ in facts
            ):
                continue  # a kind standing for a system the gold names: not « none »
            into.status_x.append(c.features)
            into.status_y.append([])
            continue
        statuses = sorted({f["status"] for f in here}, key=STATUSES.index)
        into.status_x.append(c.features)
        into.status_y.append(statuses)
        for status in statuses:
            givers = {f.get("donor") or NO_DONOR for f in here if f["status"] == status}
            for o in c.options:
                into.donor_x.append(donor_features(o.features, status))
                into.donor_y.append(int(o.code in givers))
