"""The Russian pipeline: natasha's parse plus the rules of this package.

Order matters: dates and Soviet bodies first, then people (brought back to the nominative),
places, the document's own person (an article's title), an interrogation's questioned person,
and last the claims of trigger phrases, life spans and infobox lines.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from kartoteka.extract import aliases as layout
from kartoteka.extract import narrator as signed
from kartoteka.extract.ru import morph
from kartoteka.extract.ru.appositions import possessed_kin_ties
from kartoteka.extract.ru.claims import ClaimFinder
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.dates import find_dates
from kartoteka.extract.ru.entries import add_entries
from kartoteka.extract.ru.event_dates import date_retold_events
from kartoteka.extract.ru.interrogation import find_interrogation
from kartoteka.extract.ru.lifespans import (
    birth_year_claims,
    infobox_claims,
    lifespan_claims,
    year_range_claims,
)
from kartoteka.extract.ru.models import natasha_models
from kartoteka.extract.ru.orgs import find_organizations
from kartoteka.extract.ru.persons import PersonFinder
from kartoteka.extract.ru.roll_roles import roll_roles
from kartoteka.extract.ru.tenures import bracket_tenures, nominal_tenures, succession_claims
from kartoteka.extract.ru.words import family_name
from kartoteka.model import Claim, Document, Extraction, Mention
from kartoteka.names.gender import gender_from_parts, patronymic_gender

# "Тухачевский, Михаил Николаевич": an encyclopedia article's title line names its person.
TITLE = re.compile(r"\A\s*(?P<surname>[А-ЯЁ][а-яё-]+),\s+(?P<given>[А-ЯЁ][а-яё-]+)"
                   r"(?:\s+(?P<patronymic>[А-ЯЁ][а-яё-]+))?[ \t]*$", re.M)


# "(лит. Jeronimas Uborevičius;", "(груз. ლავრენტი ბერია;": the name in the person's own
# language, after the Russian one (labels: the abbreviations of Russian encyclopedias).
FOREIGN_FORM = re.compile(
    r"\((?:[^()]{0,80}?;\s*)?(?:лит|латыш|латв|польск|пол|нем|англ|эст|укр|груз|арм|азерб|фин|"
    r"венг|евр|идиш|иврит|белор|бел|тат|каз|узб|кирг|тадж|молд|рум|чеш|фр|франц|итал|исп|швед)\.?"
    r"\s+(?P<name>[^\W\d_][^\W\d_’'-]*(?:[ -][^\W\d_][^\W\d_’'-]*){1,3})")
INITIALS_SURNAME = re.compile(r"(?<![\w.])([а-яё])\.\s?([а-яё])\.\s?([а-яё]{3,})(?!\w)", re.I)
FAMILY_WORDS = ("семья", "семьи", "семье", "семью", "семьей", "семьёй", "семей", "семьях")


def _name_like(name: str) -> bool:
    """Every word of a foreign form begins with a capital, or is of a script whose capitals
    names do not use (Georgian); never a Russian word."""
    return all(not unicodedata.name(w[0], "").startswith(("LATIN SMALL", "CYRILLIC", "GREEK SMALL"))
               or w[0].isupper() and not re.match("[А-ЯЁ]", w) for w in re.split(r"[ -]", name))


def _join_adjacent(ctx: RuContext, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """natasha's spans that touch, with a space between them, are one name it split
    ("Сомов" + "Пётр Ильич"): two people are never named side by side without a comma."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and out[-1][1] == a and ctx.tokens[a].sentence == ctx.tokens[a - 1].sentence and (
                ctx.text[ctx.tokens[a - 1].end:ctx.tokens[a].start] == " "):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _said_once(ctx: RuContext) -> list[Claim]:
    """The claims, less those a pronoun's mention repeats of the name it stands for: "Я, X,
    родился в 1900 году" says X's birth once, though "я" and X are both its subject."""
    refers = {m.id: m.attrs["refers_to"] for m in ctx.mentions if m.attrs.get("refers_to")}
    said = {(c.type, c.subject, c.date, tuple(c.evidence)) for c in ctx.claims}
    return [c for c in ctx.claims if c.subject not in refers or (
        c.type, refers[c.subject], c.date, tuple(c.evidence)) not in said]


def _surname_before_patronymic(ctx: RuContext, first: int) -> bool:
    """A capitalised word that no dictionary reads as anything but a surname, right before a
    given name and a patronymic: the record order "Фамилия Имя Отчество"."""
    before, after = ctx.tokens[first - 1].text, ctx.tokens[first + 1:first + 2]
    if not after or not before[:1].isupper() or not morph.has_tag(after[0].text, "Patr"):
        return False
    found = morph.parses(before)
    return not any(p.is_known for p in found) or all("Surn" in p.tag for p in found if p.is_known)


def _defines(ctx: RuContext, person: Mention | None) -> bool:
    """"Иван Петрович Сомов (1890—1937) — советский …": an article's opening definition."""
    if person is None or not ctx.sentences or person.start >= ctx.sentences[0].end + 200:
        return False
    at = person.end + len(ctx.text[person.end:person.end + 10]) - len(
        ctx.text[person.end:person.end + 10].lstrip())
    if ctx.text[at:at + 1] in "([":  # a lead's bracket may be long and nested: skip it whole
        depth = 0
        for i in range(at, min(len(ctx.text), at + 3000)):
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ctx.text[i], 0)
            if depth == 0:
                at = i + 1
                break
        else:
            return False
    return bool(re.match(r"\s*[—–-]\s", ctx.text[at:at + 4]))


class Pipeline:
    """Russian extraction. natasha's models load on first use, once per process."""

    lang = "ru"

    def extract(self, document: Document) -> Extraction:
        models = natasha_models()
        ctx = RuContext(document, models.parse_lines(document.text))
        ctx.dates = find_dates(document.text)
        self._known_bodies(ctx)
        self._people(ctx)
        self._other_organizations(ctx, models)
        self._places(ctx, models)
        if find_interrogation(ctx) is None and (narrator := signed.narrator_opening(
                document.text, [m for m in ctx.mentions if m.kind == "person" and m.name])):
            ctx.speaker_of.append((max(0, narrator.start - 4), len(document.text), narrator))
        finder = ClaimFinder(ctx)
        finder.run()
        possessed_kin_ties(ctx, finder.who.pronoun)  # "Его отец, Пётр Смирнов, …"
        succession_claims(ctx, finder.who.persons_for)
        nominal_tenures(ctx)
        bracket_tenures(ctx)
        roll_roles(ctx)
        lifespan_claims(ctx)
        birth_year_claims(ctx)
        year_range_claims(ctx)
        infobox_claims(ctx)
        date_retold_events(ctx.claims, ctx.mentions, document.text)
        return layout.mark_aliases_and_kin(Extraction(document=document, mentions=ctx.mentions,
                                                      claims=_said_once(ctx)))

    def _known_bodies(self, ctx: RuContext) -> None:
        for match in find_organizations(ctx.text):
            ctx.add_mention(match.start, match.end, "organization", name=match.org.label,
                            attrs={"org_id": match.org_id})

    def _other_organizations(self, ctx: RuContext, models: Any) -> None:
        for kind, start, stop, span in ctx.spans:
            if kind == "ORG" and not any(start < m.end and m.start < stop for m in ctx.mentions):
                span.normalize(models.morph_vocab)
                ctx.add_mention(start, stop, "organization", name=span.normal or span.text)

    def _people(self, ctx: RuContext) -> None:
        title = self._title(ctx)
        heads = add_entries(ctx)
        in_heads = {i for person in heads for i in person.tokens}
        ranges = []
        for kind, start, stop, _span in ctx.spans:
            if kind != "PER":
                continue
            # a list's heads are read already; natasha's span keeps only what lies outside them
            idx = [i for i in ctx.tokens_in(start, stop) if i not in in_heads]
            if idx and idx[-1] - idx[0] + 1 != len(idx):
                idx = idx[:next(n for n in range(1, len(idx)) if idx[n] != idx[n - 1] + 1)]
            if idx:
                first = idx[0]
                before = ctx.tokens[first - 1] if first else None
                if before is not None and before.sentence == ctx.tokens[first].sentence and (
                        before.text.isalpha() and len(before.text) > 2
                        and morph.has_tag(ctx.tokens[first].text, "Name")
                        and first - 1 not in ctx.org_at) and (
                        before.text.isupper() or _surname_before_patronymic(ctx, first)):
                    # "ЕЖОВ Николай Иванович": a list's surname in capitals; "Грымович
                    # Андрей Максимович": a surname natasha left out before name and patronymic
                    first -= 1
                ranges.append((first, idx[-1] + 1))
        ranges = _join_adjacent(ctx, ranges)
        ranges += self._missed_names(ctx, ranges + [(min(p.tokens), max(p.tokens) + 1)
                                                    for p in heads if p.tokens])
        for person in PersonFinder(ctx.text, ctx.tokens).find(ranges, fixed=heads):
            if any(person.start < m.end and m.start < person.end and m.kind == "organization"
                   for m in ctx.mentions) or (title and person.start < title.end):
                continue
            family = self._family(ctx, person.tokens[0]) and "given" not in person.parts
            plural = None
            if len(person.tokens) == 1 and set(person.parts) <= {"surname", "given"}:
                plural = family_name(ctx.tokens[person.tokens[0]].text, family=family,
                                     known=[m.name or "" for m in ctx.mentions
                                            if m.kind == "person"])
            if plural or family:
                # "в семье Фраучи", "Сомовы были большой семьёй": the family, a group of the
                # people of that name
                ctx.add_mention(person.start, person.end, "group", name=plural or person.name,
                                family=True, attrs={"parts": person.parts})
                continue
            ctx.add_mention(person.start, person.end, "person", name=person.name,
                            gender=person.gender,  # type: ignore[arg-type]
                            attrs={"parts": person.parts, "case": person.case})
        for m in INITIALS_SURNAME.finditer(ctx.text):
            surname = m.group(3)
            if any(m.start() < p.end and p.start < m.end() for p in ctx.mentions) or not (
                    morph.has_tag(surname, "Surn")):
                continue
            # "в. м. примаков" in a lower-cased header: initials and a dictionary surname
            name = f"{m.group(1).upper()}. {m.group(2).upper()}. {surname.capitalize()}"
            ctx.add_mention(m.start(), m.end(), "person", name=name, gender=None,
                            attrs={"parts": {"surname": surname.capitalize()}})
        for m in FOREIGN_FORM.finditer(ctx.text):
            if not _name_like(m.group("name")):
                continue
            before = [p for p in ctx.mentions if p.kind == "person" and p.end <= m.start()
                      and not ctx.text[p.end:m.start()].strip()]
            ctx.add_mention(m.start("name"), m.end("name"), "person", name=m.group("name"),
                            gender=before[-1].gender if before else None,
                            attrs={"foreign_form_of": before[-1].id} if before else {})
        # a list is about each of its people, none of them the document's own
        ctx.topic = title or (None if ctx.document.kind == "record-list"
                              else self._first_person(ctx))
        # a lead may repeat the heading's name in full before defining it
        lead = [m for m in ctx.mentions if m.kind == "person" and ctx.topic is not None
                and m.name and m.start < ctx.topic.end + 300
                and m.name.split()[-1] == (ctx.topic.name or "").split()[-1]]
        ctx.article = title is not None or any(_defines(ctx, m) for m in [ctx.topic, *lead])

    def _missed_names(self, ctx: RuContext, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"Иероним Петрович Уборевич" that natasha's NER let pass: a given name and a
        patronymic side by side (a surname after or before them) name a person."""
        covered = {i for a, b in ranges for i in range(a, b)}
        out: list[tuple[int, int]] = []
        toks = ctx.tokens
        for t in toks:
            if t.index in covered or not t.text[:1].isupper() or not patronymic_gender(t.text):
                continue
            given = t.index - 1
            if given < 0 or given in covered or not toks[given].text[:1].isupper() or not (
                    morph.has_tag(toks[given].text, "Name")):
                continue
            start, end = given, t.index + 1
            nxt = t.index + 1
            if nxt < len(toks) and toks[nxt].text[:1].isupper() and toks[nxt].text.isalpha() and (
                    toks[nxt].sentence == t.sentence and nxt not in covered):
                end = nxt + 1
            elif given - 1 >= 0 and toks[given - 1].text[:1].isupper() and (
                    toks[given - 1].text.isalpha() and given - 1 not in covered):
                start = given - 1
            out.append((start, end))
            covered.update(range(start, end))
        return out

    def _family(self, ctx: RuContext, token: int) -> bool:
        before = token - 1
        return before >= 0 and ctx.tokens[before].sentence == ctx.tokens[token].sentence and (
            ctx.tokens[before].text.lower() in FAMILY_WORDS)

    def _title(self, ctx: RuContext) -> Mention | None:
        m = TITLE.match(ctx.text)
        if not m:
            return None
        parts = [m.group("given"), m.group("patronymic"), m.group("surname")]
        gender = gender_from_parts(m.group("surname"), m.group("given"), m.group("patronymic"))
        return ctx.add_mention(m.start("surname"), m.end(), "person",
                               name=" ".join(p for p in parts if p), gender=gender,  # type: ignore[arg-type]
                               attrs={"title": True})

    def _first_person(self, ctx: RuContext) -> Mention | None:
        """The person an article is about: named in its first sentences with a surname."""
        for sent in ctx.sentences[:3]:
            for i in range(sent.first, sent.last + 1):
                m = ctx.person_at.get(i)
                if m and m.name and len(m.name.split()) >= 2:
                    return m
        return None

    def _places(self, ctx: RuContext, models: Any) -> None:
        for kind, start, stop, span in ctx.spans:
            if kind == "LOC" and not any(start < m.end and m.start < stop for m in ctx.mentions):
                span.normalize(models.morph_vocab)
                ctx.add_mention(start, stop, "place", name=span.normal or span.text)


__all__ = ["Pipeline"]
