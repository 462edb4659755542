"""Gold and prediction files, checked before scoring.

`load_records(path, gold)` reads a JSON Lines file of the eval format
(examples/dev/README.md) and checks each record for the fields scoring
reads, so a wrong file is one line naming it (`RecordsError`), not a
traceback from deep in the scoring.
"""

from __future__ import annotations

import json
from pathlib import Path

from aidwatch.errors import AidwatchError


class RecordsError(AidwatchError):
    """A gold or predictions file that cannot be scored; the message names it."""


def load_records(path: Path, gold: bool) -> list[dict]:
    """The records of a gold (`gold`) or predictions file, each checked."""
    records = []
    try:
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise RecordsError(f"{path}:{n}: not valid JSON ({e.msg})") from None
                problem = record_problem(record, gold)
                if problem:
                    raise RecordsError(f"{path}:{n}: {problem}")
                records.append(record)
    except OSError as e:
        raise RecordsError(f"{path}: {e.strerror.lower() if e.strerror else e}") from None
    except UnicodeDecodeError:
        raise RecordsError(f"{path}: not UTF-8 text") from None
    return records


def record_problem(record, gold: bool) -> str | None:
    """What makes `record` unfit for scoring as a gold (`gold`) or predicted
    record, or None when it is fit."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("doc"), str):
        return "no `doc` name"
    facts = record.get("facts", None if gold else [])
    if not isinstance(facts, list) or not all(isinstance(f, dict) for f in facts):
        return "no `facts` list"
    for f in facts:
        if "status" not in f or "item" not in f:
            return "a fact without `item` or `status`"
        if not gold and not isinstance(f["item"], dict):
            return "a predicted fact whose `item` is not an object (is this a gold file?)"
        if gold and not isinstance(f["item"], str):
            return "a gold fact whose `item` is not a name (is this a predictions file?)"
    return None
