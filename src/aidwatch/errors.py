"""Errors a user can cause. The CLI prints them as one line naming the file."""


class InputError(Exception):
    """A file or record that cannot be read as an article."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class CatalogError(Exception):
    """A package data table with a bad row (a bug in the shipped data)."""
