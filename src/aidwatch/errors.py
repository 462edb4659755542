"""Errors a user can cause. The CLI prints them as one line naming the file.

Every such error derives from `AidwatchError`, which the CLI catches in one
place (cli.py) and prints as `aidwatch: error: MESSAGE`; anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


class AidwatchError(Exception):
    """An error the user can cause and fix; its message is one line."""


class InputError(AidwatchError):
    """A file or record that cannot be read as an article."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class OutputError(AidwatchError):
    """A file that cannot be written."""

    def __init__(self, path: str | Path, error: OSError):
        super().__init__(f"{path}: cannot write ({(error.strerror or str(error)).lower()})")
        # The reader left (`aidwatch export | head`): not an error to report.
        self.broken_pipe = isinstance(error, BrokenPipeError)


class CatalogError(AidwatchError):
    """A package data table with a bad row (the message names the row)."""
