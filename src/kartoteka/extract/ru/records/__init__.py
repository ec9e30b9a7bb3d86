"""Memorial's record lists: JSON lines of victims' records, parsed into fields and claims.

The lists are extraction, not reading: ``sources/jsonl.py`` reads the file as one record-list
document, and ``kartoteka.extract.extract`` hands such a document here (chosen by its kind and
media type) instead of to the NLP pipeline. The package lives under ``extract/ru/`` because
every rule in it is a rule of Russian: the labels ("род.", "Арестован", "Расстрелян"), the
declension of bodies and posts and the Russian date forms come from ``extract/ru``'s lexicon and
morphology; a list in another language would get its own package under its language.

- ``parse.py``: one record's text into fields with their spans (``parse_memorial_record``,
  also used by the authority import);
- ``fields.py``, ``events.py``, ``record.py``, ``data.py``: its machinery, the record and the
  word lists;
- ``claims.py``: a whole list into mentions and claims (``memorial_extraction``).
"""

from __future__ import annotations

from kartoteka.extract.ru.records.claims import memorial_extraction
from kartoteka.extract.ru.records.parse import MemorialRecord, parse_memorial_record

extract = memorial_extraction  # the entry point ``kartoteka.extract.STRUCTURED`` names

__all__ = ["MemorialRecord", "extract", "memorial_extraction", "parse_memorial_record"]
