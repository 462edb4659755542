"""Near-duplicate detection: articles reporting one dispatch form one story,
and the stories and write-ups of one announcement or meeting one event."""

from aidwatch.dedup.events import EventIndex, report_of
from aidwatch.dedup.stories import StoryIndex, shingles

__all__ = ["EventIndex", "StoryIndex", "report_of", "shingles"]
