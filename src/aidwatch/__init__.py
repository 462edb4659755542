"""aidwatch: sourced military-aid facts from news articles.

The library is the product; the CLI (`aidwatch.cli`) is a thin layer over it.
"""

__version__ = "0.1.0"
