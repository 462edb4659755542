"""Annotated articles written here, our own sentences annotated as the eval
README says, for training tests: `write_annotated(tmp_path)` lays them out
as a folder of articles and a gold file."""

from __future__ import annotations

import json

# Our own sentences, annotated as the eval README says.
ARTICLES = {
    "a1": "L'Allemagne va livrer 14 chars Leopard 2 à l'Ukraine, a annoncé mercredi le chancelier.",
    "a2": "La France a livré six canons Caesar à l'Ukraine le mois dernier.",
    "a3": "Kiev demande aux Etats-Unis des missiles ATACMS pour frapper plus loin.",
    "a4": "Le Royaume-Uni a exclu d'envoyer des avions Typhoon à l'Ukraine.",
    "a5": "La Pologne va livrer des chars T-72 à l'Ukraine, a déclaré son ministre.",
    "a6": "Les Pays-Bas ont livré des obusiers PzH 2000 à l'Ukraine en juillet.",
    "a7": "Le match de football a été reporté à cause de la pluie à Lyon.",
}


def _fact(donor, item, accept, category, status, evidence):
    return {
        "donor": donor,
        "item": item,
        "specific": True,
        "accept": accept,
        "category": category,
        "status": status,
        "quantity": None,
        "quantity_kind": None,
        "date": None,
        "package": None,
        "evidence": evidence,
    }


GOLD = {
    "a1": [
        _fact(
            "DE",
            "Leopard 2",
            ["leopard2"],
            "main_battle_tank",
            "pledged",
            "va livrer 14 chars Leopard 2",
        )
    ],
    "a2": [_fact("FR", "Caesar", ["caesar"], "howitzer", "delivered", "a livré six canons Caesar")],
    "a3": [
        _fact(
            "US",
            "ATACMS",
            ["atacms"],
            "long_range_strike",
            "requested",
            "demande aux Etats-Unis des missiles ATACMS",
        )
    ],
    "a4": [
        _fact(
            "GB",
            "Typhoon",
            ["typhoon"],
            "fighter_aircraft",
            "refused",
            "a exclu d'envoyer des avions Typhoon",
        )
    ],
    "a5": [_fact("PL", "T-72", ["t72"], "main_battle_tank", "pledged", "va livrer des chars T-72")],
    "a6": [
        _fact(
            "NL",
            "PzH 2000",
            ["pzh2000"],
            "howitzer",
            "delivered",
            "ont livré des obusiers PzH 2000",
        )
    ],
    "a7": [],
}


def write_annotated(tmp_path, gold=GOLD):
    folder = tmp_path / "articles"
    folder.mkdir()
    for doc, text in ARTICLES.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
    lines = [
        json.dumps({"doc": f"{doc}.txt", "story": doc, "facts": facts})
        for doc, facts in gold.items()
    ]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold_path, folder
