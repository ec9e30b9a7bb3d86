"""Other names of one person, as the extraction marked them on the mentions.

The extractors read the layout around names ("X (born Y; Russian: Z)", ", born Sergei
Kostrikov,", "under the nom de guerre Grishin") and mark each such mention with the mention
whose person it names again (``attrs["text_alias_of"]``, see ``kartoteka.extract.aliases``);
their own readings (``alias_of``, ``foreign_form_of``) come first. Resolution reads these
marks, not the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from kartoteka.model import Mention

SUBJECT = ""  # the target of an alias of the person the text is about


def marked_aliases(persons: Sequence[Mention]) -> dict[str, str]:
    """Mention id -> id of the mention whose person it names again (``SUBJECT`` for the person
    the text is about), what the extractor marked itself over what the layout gave."""
    aliases = {m.id: str(m.attrs["text_alias_of"]) for m in persons
               if "text_alias_of" in m.attrs}
    for m in persons:
        marked = m.attrs.get("alias_of") or m.attrs.get("foreign_form_of")
        if marked:
            aliases[m.id] = str(marked)
    return aliases
