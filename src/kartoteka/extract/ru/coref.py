"""Whom "он", "его", "её" stand for outside an encyclopedia article.

An article is about its person, and its pronouns are his. A memoir, a letter or a record of
questioning names many people, and "Его тоже арестовали" is about the one the sentences before
it were about, not the first person the text named:

    Дядя Коля, брат бабушки, пытался хлопотать. Его тоже арестовали …   -> Коля
    Наш сосед Павел Орлов уцелел. Он не был арестован ни разу.          -> Павел Орлов

The antecedent is the nearest subject of a compatible gender, walking back from the pronoun
through its own sentence and a few sentences of its paragraph. A subject that is itself a
pronoun passes the question on. A noun for a person ("отец", "сосед") stands for the named
person the text set it beside ("Мой отец, Сомов Пётр Ильич, …"); a noun the text never tied to
a name blocks the walk: the pronoun is that unnamed person's, and no named person's.
"""

from __future__ import annotations

import re

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.inflection import ud_gender
from kartoteka.model import Mention

WINDOW = 4  # sentences before the pronoun's own that may hold its antecedent
THIRD_PERSON = {"он": "m", "она": "f", "его": "m", "её": "f", "ее": "f", "ему": "m", "ей": "f",
                "им": "m", "ней": "f", "нее": "f", "неё": "f", "него": "m", "нему": "m",
                "ним": "m", "нём": "m", "нем": "m"}
BLOCKED = "blocked"


class Antecedents:
    """Pronoun resolution for one document (see the module docstring)."""

    def __init__(self, ctx: RuContext) -> None:
        self.ctx = ctx
        self._named_by_noun = self._appositions()

    def _appositions(self) -> dict[int, Mention]:
        """Person nouns set beside a name ("Мой отец, Сомов Пётр Ильич"): token -> person; and
        by lemma, so a later "отец" finds him too."""
        ctx = self.ctx
        by_token: dict[int, Mention] = {}
        for t in ctx.tokens:
            if t.pos != "NOUN" or t.feats.get("Animacy") != "Anim" or t.index in ctx.person_at:
                continue
            for c in ctx.children(t.index):
                if ctx.tokens[c].rel in ("appos", "flat:name", "flat") and c in ctx.person_at:
                    by_token[t.index] = ctx.person_at[c]
                    break
            else:
                if t.rel == "appos" and t.head in ctx.person_at:
                    by_token[t.index] = ctx.person_at[t.head]  # "Сомов, мой отец, …"
        return by_token

    def _noun_person(self, token: int) -> Mention | None:
        if token in self._named_by_noun:
            return self._named_by_noun[token]
        lemma = morph.lemma(self.ctx.tokens[token].text)
        earlier = [(i, m) for i, m in self._named_by_noun.items()
                   if i < token and morph.lemma(self.ctx.tokens[i].text) == lemma]
        return earlier[-1][1] if earlier else None

    def _subject(self, first: int, last: int, gender: str,
                 pronoun: int | None = None) -> Mention | str | None:
        """What the subjects among tokens ``first``..``last`` say of the pronoun: a person, a
        block, or None (nothing here: look further back)."""
        ctx = self.ctx
        verb = ctx.tokens[pronoun].head if pronoun is not None else None
        for i in range(last, first - 1, -1):
            t = ctx.tokens[i]
            if not t.rel.startswith("nsubj") or (verb is not None and t.head == verb):
                continue  # "Сомов арестовал его": the object is never the verb's own subject
            word = t.text.lower()
            if word in THIRD_PERSON:
                if THIRD_PERSON[word] == gender:
                    return None  # the same pronoun's chain: look further back
                continue
            person = ctx.person_at.get(i)
            if person is None:
                person = next((ctx.person_at[c] for c in ctx.children(i)
                               if ctx.tokens[c].rel in ("appos", "flat:name", "flat")
                               and c in ctx.person_at), None)
            if person is None and t.pos == "NOUN" and t.feats.get("Animacy") == "Anim":
                person = self._noun_person(i)
                if person is None and t.feats.get("Number") != "Plur" and (
                        ud_gender(t.feats) in (None, gender)):
                    return BLOCKED  # "Сосед работал на заводе. Его арестовали."
            if person is not None and person.gender in (None, gender):
                return person
        return None

    def resolve(self, token: int) -> Mention | None:
        """The person pronoun ``token`` stands for; None when the text does not say."""
        ctx = self.ctx
        gender = THIRD_PERSON.get(ctx.tokens[token].text.lower())
        if gender is None:
            return None
        sent = ctx.sentence_of(token)
        found = self._subject(sent.first, token - 1, gender, token)
        n = sent.index
        while found is None and n > 0 and sent.index - n < WINDOW:
            before = ctx.sentences[n - 1]
            if re.search(r"\n[ \t]*\n", ctx.text[before.end:ctx.sentences[n].start]):
                break  # a new paragraph
            n -= 1
            found = self._subject(before.first, before.last, gender)
        if found == BLOCKED:
            return None
        if isinstance(found, Mention):
            return found
        topic = ctx.topic
        return topic if topic is not None and topic.gender in (None, gender) else None
