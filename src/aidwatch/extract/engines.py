"""One extraction engine per language: the same rule modules, built from
that language's tables.

The rule modules compile their patterns at import from `tables()` (and
their loaders read `status_<lang>.yaml`, `numbers_<lang>.yaml`, ...), with
the language in `language.BUILDING`. French is the modules as imported.
Another language gets its own instances of the same modules: the first time
an article in it comes, `engine(lang)` sets aside the French modules in
`sys.modules`, imports `pipeline` (and with it every rule module) with
`BUILDING` set to the language, keeps what it built, and puts the French
modules back. Nothing is copied: the code is the same, only the tables
differ, and the English parser is loaded by the English `nlp` module the
first time one of its sentences is flagged.

This is a stopgap until the rule modules take their language as a parameter:
an instance's classes are its own (an English `Draft` is not a French one)
and a lazy import inside a function (`from aidwatch.extract.donors import
...` in facts.py) reaches the French module. What leaves an engine is
`model.py`'s dataclasses, shared by both.
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType

from aidwatch.errors import AidwatchError
from aidwatch.extract import language

LANGUAGES = ("fr", "en")

# Modules every language shares: the package, the tables' loader (it holds
# BUILDING) and this one.
_SHARED = {"aidwatch.extract", "aidwatch.extract.language", "aidwatch.extract.engines"}
_PREFIX = "aidwatch.extract."
_built: dict[str, ModuleType] = {}
_lock = threading.Lock()


def language_of(article_language: str | None) -> str:
    """The engine for an article's language label: English for `en`, French
    for everything else (`fr`, and `und`, undetermined, as before)."""
    return "en" if article_language == "en" else "fr"


def engine(lang: str) -> ModuleType:
    """The `pipeline` module whose rules read `lang`'s tables.

    Raises:
        AidwatchError: no tables for `lang`.
    """
    found = _built.get(lang)
    if found is not None:
        return found
    if lang not in LANGUAGES:
        raise AidwatchError(f"no extraction tables for language {lang!r}")
    with _lock:
        if lang not in _built:
            _built[lang] = _build(lang)
    return _built[lang]


def _build(lang: str) -> ModuleType:
    if lang == "fr":
        return importlib.import_module(_PREFIX + "pipeline")
    importlib.import_module(_PREFIX + "pipeline")  # French first: it is what is set aside
    package = sys.modules["aidwatch.extract"]
    french = {n: m for n, m in sys.modules.items() if n.startswith(_PREFIX) and n not in _SHARED}
    names = {n.removeprefix(_PREFIX) for n in french}
    french_attributes = {name: getattr(package, name, None) for name in names}
    for name in french:
        del sys.modules[name]
    # `from aidwatch.extract import nlp` takes the package's attribute if it
    # is there: it must not be, or English would use the French module.
    for name in names:
        if hasattr(package, name):
            delattr(package, name)
    language.BUILDING = lang
    built: dict[str, ModuleType] = {}
    try:
        pipeline = importlib.import_module(_PREFIX + "pipeline")
        importlib.import_module(_PREFIX + "candidates")
    finally:
        language.BUILDING = "fr"
        built = {n: m for n, m in sys.modules.items() if n.startswith(_PREFIX) and n not in _SHARED}
        for name in built:
            del sys.modules[name]
        sys.modules.update(french)
        for name in set(built) | set(french):
            attr = name.removeprefix(_PREFIX)
            if french_attributes.get(attr) is not None:
                setattr(package, attr, french_attributes[attr])
            elif hasattr(package, attr):
                delattr(package, attr)
    pipeline.__dict__["_ENGINE_MODULES"] = built
    return pipeline


def module(lang: str, name: str) -> ModuleType:
    """`lang`'s instance of the rule module `name` (`facts`, `candidates`, ...)."""
    if lang == "fr":
        return importlib.import_module(_PREFIX + name)
    return engine(lang).__dict__["_ENGINE_MODULES"][_PREFIX + name]
