"""Near-duplicate detection: articles reporting one dispatch form one story."""

from aidwatch.dedup.stories import StoryIndex, shingles

__all__ = ["StoryIndex", "shingles"]
