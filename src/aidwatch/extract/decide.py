"""The learned decisions: which candidates are aid facts, with which status
and which donors.

A model is two linear classifiers over the string features of
candidates.py: `status` (none or one of the statuses, per item group) and
`donor` (per donor option of a group that has a status: does this donor give
it?). The file is a NumPy archive of the weights and the feature names, so
it loads without pickle and without scikit-learn; `aidwatch train` writes
one (train/fit.py). The shipped model is `decisions.npz` beside this file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from aidwatch.errors import InputError
from aidwatch.extract.candidates import NO_DONOR, Candidate
from aidwatch.extract.facts import Draft, item_quantity
from aidwatch.model import Evidence, Fact

SHIPPED = "decisions.npz"
FORMAT = 1
KEEP = 0.2
ADD = 0.7
# Training groups of a status before the model may overrule the rules: high
# enough that the shipped model and each cross-validation fold (four fifths of
# the data) judge the same statuses, so the folds measure what ships.
MIN_SUPPORT = 40
# A donor option is taken when the model gives it at least this probability;
# a group with a status and no option above it takes its best option.
DONOR_THRESHOLD = 0.5


@dataclass
class Linear:
    """Independent linear binary classifiers, one a row: the sigmoid of
    X·Wᵀ + b gives each class's probability."""

    classes: list[str]
    index: dict[str, int]
    coef: np.ndarray  # (rows, features)
    intercept: np.ndarray  # (rows,)

    def proba(self, rows: list[list[str]]) -> np.ndarray:
        """(len(rows), len(classes)) probabilities; with one row of weights,
        two columns (no, yes)."""
        out = np.tile(self.intercept, (len(rows), 1)).astype(np.float64)
        for r, features in enumerate(rows):
            cols = [self.index[f] for f in features if f in self.index]
            if cols:
                out[r] += self.coef[:, cols].sum(axis=1)
        p = 1.0 / (1.0 + np.exp(-out))
        return np.concatenate([1.0 - p, p], axis=1) if p.shape[1] == 1 else p


@dataclass
class Model:
    status: Linear
    donor: Linear
    meta: dict

    def save(self, path: Path) -> None:
        arrays = {"meta": np.array(json.dumps({**self.meta, "format": FORMAT}))}
        for name, lin in (("status", self.status), ("donor", self.donor)):
            names = sorted(lin.index, key=lin.index.get)
            arrays[f"{name}_classes"] = np.array(lin.classes)
            arrays[f"{name}_features"] = np.array(names)
            arrays[f"{name}_coef"] = lin.coef.astype(np.float32)
            arrays[f"{name}_intercept"] = lin.intercept.astype(np.float32)
        with open(path, "wb") as out:
            np.savez_compressed(out, **arrays)


def load(path: str | Path) -> Model:
    """A model file written by `aidwatch train`; a bad one is an InputError."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("format") != FORMAT:
                raise InputError(str(path), f"model format {meta.get('format')}, expected {FORMAT}")
            parts = {}
            for name in ("status", "donor"):
                features = [str(f) for f in z[f"{name}_features"]]
                parts[name] = Linear(
                    [str(c) for c in z[f"{name}_classes"]],
                    {f: i for i, f in enumerate(features)},
                    z[f"{name}_coef"].astype(np.float64),
                    z[f"{name}_intercept"].astype(np.float64),
                )
    except OSError as e:
        raise InputError(str(path), (e.strerror or str(e)).lower()) from None
    except (ValueError, KeyError, EOFError) as e:
        first = str(e).split(".")[0]
        raise InputError(str(path), f"not an aidwatch model ({first})") from None
    return Model(parts["status"], parts["donor"], meta)


@cache
def shipped() -> Model | None:
    """The model shipped in the package, or None when there is none."""
    found = resources.files(__package__).joinpath(SHIPPED)
    if not found.is_file():
        return None
    with resources.as_file(found) as path:
        return load(path)


def donor_features(option_features: list[str], status: str) -> list[str]:
    """A donor option's features, and each crossed with the group's status:
    the donor of a request is its addressee, of a pledge its subject."""
    return option_features + [f"{status}|{f}" for f in option_features] + ["st=" + status]


def decide(model: Model, candidates: list[Candidate]) -> list[tuple[Candidate, str, list[str]]]:
    """(candidate, status, donor codes) for each status the model gives a
    candidate (an item can be pledged and trained on in one sentence).

    The rules' reading stands unless the model finds it unlikely (`KEEP`),
    and a status the rules did not read needs the model's confidence
    (`ADD`). The model judges only the statuses it has seen often enough in
    training (`MIN_SUPPORT`): for the others, the rules decide. It adds no
    fact to a group the rules read and then set aside on purpose (an enemy's
    weapons, a state buying for itself)."""
    judged_ones = [c for c in candidates if c.judge]
    probs = iter(model.status.proba([c.features for c in judged_ones]) if judged_ones else [])
    judged = judged_statuses(model)
    out = []
    for c in candidates:
        if not c.judge:
            if c.rule_status is not None:
                out.append((c, c.rule_status, _rule_donors(c)))
            continue
        for status, q in zip(model.status.classes, next(probs), strict=True):
            ruled = status == c.rule_status
            if ruled:
                take = q >= KEEP or status not in judged
            else:
                take = status in judged and q >= ADD and c.rule_status is None and not c.read
            if not take or not c.options:
                continue
            out.append((c, status, _rule_donors(c) if ruled else _donors(model, c, status)))
    return out


def judged_statuses(model: Model) -> frozenset[str]:
    """The statuses the model saw often enough in training to judge."""
    support = model.meta.get("support", {})
    return frozenset(s for s in model.status.classes if support.get(s, 0) >= MIN_SUPPORT)


def _rule_donors(c: Candidate) -> list[str]:
    return [NO_DONOR if d is None else d for d in c.rule_donors]


def _donors(model: Model, c: Candidate, status: str) -> list[str]:
    rows = [donor_features(o.features, status) for o in c.options]
    yes = model.donor.proba(rows)[:, 1]
    chosen = [o.code for o, y in zip(c.options, yes, strict=True) if y >= DONOR_THRESHOLD]
    if not chosen:
        chosen = [c.options[int(yes.argmax())].code]
    if len(chosen) > 1 and NO_DONOR in chosen:
        chosen.remove(NO_DONOR)
    return chosen


def drafts(
    decisions: list[tuple[Candidate, str, list[str]]], rule_drafts: list[Draft] = ()
) -> list[Draft]:
    """The facts of the decisions, as drafts for the article's merge. Where
    the rules read the same fact, their draft is taken: it holds what they
    read of each donor's count (« 19 F-16, les Pays-Bas 24 »)."""
    ruled = {
        (d.fact.mention.start, d.fact.donor, d.fact.status): d
        for d in rule_drafts
        if d.fact.mention is not None and d.fact.quantity_kind != "cumulative_total"
    }
    out = []
    for c, status, codes in decisions:
        s, g = c.sentence, c.group
        for code in codes:
            donor = None if code == NO_DONOR else code
            same = ruled.get((s.start + g.start, donor, status))
            if same is not None:
                out.append(replace(same))
                continue
            carried = donor is not None and donor not in c.named
            # Counted only here, for a fact the rules did not read: most
            # candidates never need it.
            q = item_quantity(s.text, g)
            fact = Fact(
                donor=donor,
                item=g.system.item,
                status=status,
                evidence=Evidence(s.text, s.start, s.end),
                quantity=q.value if q else None,
                quantity_kind=q.kind if q else None,
                date=c.date or (c.running_date if carried else None),
                mention=Evidence(s.text[g.start : g.end], s.start + g.start, s.start + g.end),
            )
            out.append(Draft(fact, s.index, s.paragraph, carried))
    return out


def with_cumulative(decided: list[Draft], rule_drafts: list[Draft]) -> list[Draft]:
    """Cumulative totals the rules read (« porte à 31 le nombre de chars
    livrés ») join the decided facts of the same donor and item."""
    out = list(decided)
    keys = {(d.fact.donor, d.fact.item.id) for d in decided}
    for d in rule_drafts:
        if d.fact.quantity_kind == "cumulative_total" and (d.fact.donor, d.fact.item.id) in keys:
            out.append(replace(d))
    return out


def with_unjudged(
    decided: list[Draft],
    rule_drafts: list[Draft],
    judged: frozenset[str],
    candidates: list[Candidate] = (),
) -> list[Draft]:
    """The rules' facts the model was not asked about: of the statuses it
    does not judge, and those no candidate carried (a group holds one rule
    reading, and « formera des pilotes sur le F-16 qu'il livre » is two
    facts)."""
    shown = {
        (c.sentence.start + c.group.start, c.rule_status)
        for c in candidates
        if c.rule_status in judged
    }
    out = list(decided)
    keys = {
        (d.fact.mention.start if d.fact.mention else None, d.fact.donor, d.fact.status)
        for d in decided
    }
    for d in rule_drafts:
        start = d.fact.mention.start if d.fact.mention else None
        key = (start, d.fact.donor, d.fact.status)
        if (
            (d.fact.status not in judged or (start, d.fact.status) not in shown)
            and d.fact.quantity_kind != "cumulative_total"
            and key not in keys
        ):
            out.append(replace(d))
            keys.add(key)
    return out
