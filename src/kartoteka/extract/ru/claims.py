"""Claims from trigger phrases: who it happened to (natasha's syntax), when, and whether the text
denies it ("не был расстрелян").

The person is the trigger's subject or object as the trigger's voice requires
(``kartoteka.extract.ru.subjects``); a post noun standing for a named person passes to that
person ("Нарком Ягода"). A subjectless clause of an encyclopedic text ("Расстрелян в 1937
году.") is about the article's person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kartoteka.extract.modality import DROPPING, Modality, gate, hedge
from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext, Sentence
from kartoteka.extract.ru.dates import inside_brackets, qualified_edtf
from kartoteka.extract.ru.entries import entry_relations
from kartoteka.extract.ru.gapping import gapped_remnant
from kartoteka.extract.ru.lexicon import KIN_RELATIONS, NARRATOR_HEDGE
from kartoteka.extract.ru.modality import modality_of, other_data_date
from kartoteka.extract.ru.nominal import nominal_modality, nominal_subjects
from kartoteka.extract.ru.persons import Tok
from kartoteka.extract.ru.rumours import deny, rumour_before
from kartoteka.extract.ru.subjects import SubjectFinder
from kartoteka.extract.ru.triggers import (
    DEATH_SENTENCE,
    NEGATIONS,
    NOMINAL,
    POST_HEADS,
    TRIGGERS,
    Trigger,
)
from kartoteka.model import Claim, Mention

INFORMANT = re.compile(
    r"(?:по\s+словам|(?P<hearsay>со\s+слов)|по\s+(?:показаниям|воспоминаниям|свидетельству))\s+"
    r"|(?:как\s+)?(?P<verb>показал[аи]?|рассказал[аи]?|сообщил[аи]?|вспоминал[аи]?|утверждал[аи]?|"
    r"писал[аи]?|заявил[аи]?)(?=[^.]*?,?\s+что\b)", re.I)
PLACED = ("birth", "death", "execution", "arrest", "suicide", "expulsion")  # "сослан в Нарым"
SENTENCE_AFTER = re.compile(
    r"(?:\s*(?:к|на(?=\s+\d))|(?<=приговор)\s*:)\s+(высшей\s+мере\s+(?:наказания|социальной\s+защиты)|"
    r"вмн(?:\s*[-–—]\s*расстрел)?|расстрелу|смертной\s+казни|"
    r"\d+[^,.;()]*?)(?=\s+(?:по|за|с\s+поражением|и\s+расстрелян)\b|[,.;()]|$)", re.I)


class ClaimFinder:
    def __init__(self, ctx: RuContext) -> None:
        self.ctx = ctx
        self._triggers: list[tuple[int, int, str, Trigger]] = []
        self._informant: tuple[Mention, bool] | None = None
        self._made: list[tuple[Claim, int, float]] = []  # this sentence's claims, trigger end
        self.who = SubjectFinder(ctx)

    def run(self) -> None:
        entry_relations(self.ctx, KIN_RELATIONS)
        sentences = self.ctx.sentences
        for n, sent in enumerate(sentences):
            if self._in_question(sent):
                continue
            matches = self._matches(sent)
            self._informant = self._informant_of(sent) if matches else None
            self._made = []
            for start, end, type_, trig in matches:
                self._claim(sent, start, end, type_, trig)
            if self._made:
                following = sentences[n + 1] if n + 1 < len(sentences) else None
                deny(self.ctx.text, (sent.start, sent.end),
                     (following.start, following.end) if following else None, self._made)

    def _in_question(self, sent: Sentence) -> bool:
        line_start = self.ctx.text.rfind("\n", 0, sent.start) + 1
        return bool(re.match(r"\s*вопрос\s*:", self.ctx.text[line_start:sent.end], re.I))

    def _matches(self, sent: Sentence) -> list[tuple[int, int, str, Trigger]]:
        text = self.ctx.text[sent.start:sent.end].lower()
        found = []
        for type_, triggers in TRIGGERS.items():
            for trig in triggers:
                for m in re.finditer(rf"(?<![\w-])(?:{trig.pattern})(?![\w-])", text):
                    found.append((sent.start + m.start(), sent.start + m.end(), type_, trig))
        chosen: list[tuple[int, int, str, Trigger]] = []
        for cand in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if all(cand[1] <= c[0] or c[1] <= cand[0] for c in chosen):
                chosen.append(cand)
        self._triggers = sorted(chosen)
        return self._triggers

    # -- one trigger --------------------------------------------------------------------------

    def _claim(self, sent: Sentence, start: int, end: int, type_: str, trig: Trigger) -> None:
        ctx = self.ctx
        head = ctx.token_index(start)
        if head is None:
            return
        negated = self._negated(head)
        rumour = rumour_before(ctx.text, sent.start, start, end, sent.end)
        modality = modality_of(ctx.text, (sent.start, sent.end), (start, end), negated=negated,
                               rumour=rumour is not None,
                               # the verb's own form: "забили насмерть" ends in "ть" too
                               infinitive=ctx.text[start:end].split()[0].lower().endswith("ть"))
        if trig.argument == NOMINAL:  # "избежал ареста", "угроза ареста", "к расстрелу"
            modality = nominal_modality(ctx.text, sent.start, start, end, sent.end) or modality
        if modality in DROPPING:  # "мог быть арестован", "собирались расстрелять", questions
            return
        subjects = (nominal_subjects(self.who, head) if trig.argument == NOMINAL
                    else self.who.subjects(head, trig.argument, sent))
        if trig.argument != NOMINAL and _substantivised(ctx.tokens[head]):
            # "Расстрелянные были похоронены …", "Арестованный Лагин показал, что в 1937 …":
            # a full participle heading a noun phrase is a noun (the executed, the prisoner),
            # a status whose event the clause neither tells nor dates; the nearest name or the
            # clause's date would be another's
            return
        if not subjects:
            return
        date = self._date(sent, start, end)
        role, obj = trig.role, None
        if trig.takes_role:
            role, obj = self._role(head, end, type_, after=trig.needs_post, subjects=subjects)
            if trig.needs_post and not (role and any(  # "народным комиссаром": its noun
                    morph.lemma(w) in POST_HEADS for w in role.split()[:2])):
                return  # "стал врагом народа", "стал одним из …": no post
        if trig.leads:  # the body right after the verb ("возглавил НКВД", "во главе НКВД")
            obj = next((m for m in ctx.mentions if m.kind == "organization" and m.start >= end
                        and not ctx.text[end:m.start].strip()),
                       None)
            if obj is None:
                return  # "возглавил колонну": no body
            role = "руководитель"
        if type_ == "trial":
            obj = self._org_after(head, sent)
        place = self._place_after(head, sent) if type_ in PLACED else None
        attrs: dict[str, object] = {"trigger": ctx.text[start:end]}
        informant, hearsay = self._informant or (None, False)
        if date is not None and date.old_style_possible:
            attrs["old_style_possible"] = True
        confidence = trig.confidence
        edtf = qualified_edtf(ctx.text, date) if date else None
        if rumour:  # "говорили, будто его расстреляли": told, not known
            attrs["rumour"] = rumour
        made: list[Claim | None] = []
        for subject in subjects:
            made.append(ctx.add_claim(
                type_, subject, (sent.start, sent.end), date=edtf,
                polarity="negated" if negated else "affirmed", confidence=confidence, role=role,
                place=place.id if place else None, object=obj.id if obj else None,
                attrs=dict(attrs), attributed_to=informant.id
                if informant and informant.id != subject.id else None, hearsay=hearsay))
            if type_ == "trial":
                after = SENTENCE_AFTER.match(ctx.text, end, sent.end) or SENTENCE_AFTER.search(
                    ctx.text, end, min(sent.end, end + 80))
                if after:
                    made.append(ctx.add_claim(
                        "sentence", subject, (sent.start, sent.end),
                        date=edtf,
                        polarity="negated" if negated else "affirmed", confidence=confidence,
                        role=sentence_role(after.group(1)), object=obj.id if obj else None,
                        attrs=dict(attrs)))
        kept = [gate(c, modality) for c in made if c is not None]
        if modality is Modality.ASSERTED and NARRATOR_HEDGE.search(ctx.text, sent.start, sent.end):
            kept = [hedge(c) if c else None for c in kept]  # "вероятно", as "probably" is
        other = other_data_date(ctx, date, sent.end) if date is not None else None
        by_id = {m.id: m for m in subjects}
        for claim in list(kept) if other else []:  # "(по другим данным — в 1938 г.)"
            if claim is not None and claim.type == type_:
                second = ctx.add_claim(type_, by_id[claim.subject], (sent.start, sent.end),
                                       date=other, polarity=claim.polarity, role=claim.role,
                                       confidence=confidence, attrs={**attrs, "other_data": True})
                kept.append(gate(second, Modality.REPORTED) if second else None)
        self._made += [(c, end, trig.confidence) for c in kept if c is not None]
        self._gapped(sent, end, [c for c in kept if c is not None and c.type == type_],
                     subjects, modality)

    def _gapped(self, sent: Sentence, end: int, kept: list[Claim], subjects: list[Mention],
                modality: Modality) -> None:
        """"Петрова арестовали в 1937 году, а Орлова — в 1938-м": the remnant's own claim."""
        stop = sent.end
        nxt = self.ctx.sentences[sent.index + 1] if sent.index + 1 < len(self.ctx.sentences) \
            else None
        if nxt is not None and self.ctx.text[sent.start:sent.end].rstrip().endswith(";"):
            stop = nxt.end  # "…в 1937 году; мать — в 1938-м": the segmenter cut at the semicolon
        found = gapped_remnant(self.ctx, end, stop) if kept else None
        if found is None or kept[0].polarity == "negated":
            return  # "не арестовали в 1937 году, а Орлова — в 1938-м" contrasts: not read
        person, date, at = found
        edtf = qualified_edtf(self.ctx.text, date)
        first = kept[0]
        if first.date == edtf:  # the remnant's date is not the first clause's
            earlier = [d for d in self.ctx.dates if sent.start <= d.start and d.end <= at]
            for claim in kept:
                claim.date = qualified_edtf(self.ctx.text, earlier[-1]) if earlier else None
        starts = {m.id: m.start for m in self.ctx.mentions}
        retold = [old for old in self.ctx.claims if (old.type, old.evidence) == (
            first.type, first.evidence) and at < starts.get(old.subject, -1) < person.end]
        for old in retold:
            old.date = edtf  # the parser made the remnant a conjunct or apposition of the first
        if retold or person in subjects:
            return
        claim = self.ctx.add_claim(first.type, person, (sent.start, stop), date=edtf,
                                   polarity=first.polarity, role=first.role,
                                   confidence=first.confidence,
                                   attrs={**first.attrs, "gapped": True})
        if claim is not None:
            self._made.append((claim, end, first.confidence))

    def _informant_of(self, sent: Sentence) -> tuple[Mention, bool] | None:
        """"По словам Фриновского, …", "со слов жены", "как показал Буланов, …": who says it."""
        ctx = self.ctx
        text = ctx.text[sent.start:sent.end]
        m = INFORMANT.search(text)
        if not m:
            return None
        after = sent.start + m.end()
        if m.group("verb"):  # the speaker is the speech verb's subject, before or after it
            verb = ctx.token_index(sent.start + m.start("verb"))
            for c in ctx.children(verb) if verb is not None else []:
                if ctx.tokens[c].rel.startswith("nsubj") and c in ctx.person_at:
                    return ctx.person_at[c], False
            return None
        for i in ctx.tokens_in(after, sent.end)[:4]:
            if i in ctx.person_at:
                return ctx.person_at[i], m.group("hearsay") is not None
        return None

    def _negated(self, head: int) -> bool:
        ctx = self.ctx
        around = [head] + [c for c in ctx.children(head) if ctx.tokens[c].rel.startswith("aux")]
        for i in around:
            if i - 1 >= 0 and ctx.tokens[i - 1].text.lower() in NEGATIONS:
                return True
        return any(ctx.tokens[c].text.lower() in NEGATIONS for c in ctx.children(head))

    def _date(self, sent: Sentence, start: int, end: int):  # type: ignore[no-untyped-def]
        """The date of the trigger's clause: the first after it (before the next trigger),
        else the last before it (after the previous trigger)."""
        ctx, s_dot = self.ctx, self.ctx.text[end - 1] == "."
        triggers = [(a, b) for a, b, _, _ in self._triggers]
        nxt = min([a for a, _ in triggers if a >= end] or [sent.end])
        prev = max([b for _, b in triggers if b <= start] or [sent.start])
        for d in ctx.dates:  # a date inside the phrase ("Приговорен ВКТ 20 мая 1937 г. … к
            # ВМН"), or right after an abbreviation where the tagger ended the sentence at its
            # dot ("Реаб. 12.04.1958"), is the event's own
            if start <= d.start and d.end <= end or end <= d.start and re.fullmatch(
                    r"[\s:,]*", ctx.text[end:d.start]) and (d.end <= sent.end or s_dot):
                return d
        dates = [d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end]
        after = [d for d in dates if end <= d.start < nxt]
        if after:
            return after[0]
        before = [d for d in dates if prev <= d.start and d.end <= start
                  and not inside_brackets(ctx.text, d.start, start)]
        if prev > sent.start and before:
            # "Арестована 2 ноября 1937 г., осуждена на 8 лет": the first date after the
            # previous trigger is that trigger's own
            before = before[1:]
        return before[-1] if before else None

    def _role(self, head: int, end: int, type_: str, *, after: bool = False,
              subjects: Sequence[Mention] = ()) -> tuple[str | None, Mention | None]:
        """The post in the instrumental (or "на должность …") the verb at ``head`` governs;
        with ``after``, only one standing after the verb ("стал начальником …") or fronted to
        open the sentence ("Начальником управления он стал в 1937 году")."""
        ctx = self.ctx
        if type_ == "sentence":
            m = SENTENCE_AFTER.match(ctx.text, end - 2 if ctx.text[end - 2:end].strip() == "к"
                                     else end)
            role = sentence_role(m.group(1)) if m else None
            return role, None
        for c in ctx.children(head):
            t = ctx.tokens[c]
            if after and c < head and not self._fronted(c):
                continue
            if t.feats.get("Case") == "Ins" and t.pos in ("NOUN", "PROPN"):
                a, b = ctx.subtree(c)
                # "Заместителем наркома Лагин был назначен", "Наркомом Петра Сомова
                # назначили": the parser may hang the verb's own subject on a fronted post;
                # who holds the post is no part of it ("помощником Ежова" keeps its Ежов)
                b = next((ctx.tokens[i].start for i in ctx.tokens_in(a, b) if i > c
                          and _same_person(ctx.person_at.get(i), subjects)), b)
                return _nominative_role(ctx.text[a:b]), self._org_in(a, b)
            if morph.lemma(t.text) in ("должность", "пост"):
                for g in ctx.children(c):
                    if ctx.tokens[g].feats.get("Case") == "Gen":
                        a, b = ctx.subtree(g)
                        return _nominative_role(ctx.text[a:b]), self._org_in(a, b)
        return None, None

    def _fronted(self, c: int) -> bool:
        """A bare instrumental that opens its sentence, the rheme moved first ("Наркомом его
        назначили в 1936 году"; Русская грамматика, 1980, §§ 2134–2139, word order): after "стал"
        the post, not an adverbial of manner ("таким образом", "вместе с братом")."""
        ctx = self.ctx
        first = ctx.tokens_in(*ctx.subtree(c))[0]
        return first == ctx.sentence_of(c).first and not any(
            ctx.tokens[g].rel == "case" for g in ctx.children(c))

    def _org_in(self, a: int, b: int) -> Mention | None:
        for i in self.ctx.tokens_in(a, b):
            if i in self.ctx.org_at:
                return self.ctx.org_at[i]
        return None

    def _place_after(self, head: int, sent: Sentence) -> Mention | None:
        """"Родился в деревне Антандрия": a place named in the trigger's own phrase."""
        for i in range(head + 1, min(sent.last, head + 6) + 1):
            if i in self.ctx.place_at:
                return self.ctx.place_at[i]
            if self.ctx.tokens[i].text in ",;." or i in self.ctx.person_at:
                break
        return None

    def _org_after(self, head: int, sent: Sentence) -> Mention | None:
        for i in range(head + 1, min(sent.last, head + 8) + 1):
            if i in self.ctx.org_at:
                return self.ctx.org_at[i]
            if self.ctx.tokens[i].text in ",;.":
                break
        return None


# Universal Dependencies relations of a noun phrase's head: a participle there is a noun.
NOUN_RELS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl"})


def _substantivised(tok: Tok) -> bool:
    """A full (attributive) participle used as a noun ("Расстрелянные", "Арестованный
    показал"; Русская грамматика 1980, § 1187, субстантивация): pymorphy's full participle
    in a noun's relation, not a short one ("арестован") that is a predicate."""
    parses = morph.parses(tok.text.lower())
    return tok.rel in NOUN_RELS and bool(parses) and parses[0].tag.POS == "PRTF"


def _same_person(mention: Mention | None, subjects: Sequence[Mention]) -> bool:
    """``mention`` is one of ``subjects`` or bears one's surname (the subject resolved to an
    earlier, fuller mention of the same person; a bare surname may be parsed as a given name)."""
    if mention is None:
        return False
    words = {mention.name, (mention.attrs.get("parts") or {}).get("surname")} - {None}
    return any(s.id == mention.id or (s.attrs.get("parts") or {}).get("surname") in words
               for s in subjects)


def sentence_role(text: str) -> str:
    """A sentence as a claim's role: its first clause, a death sentence as "ВМН", "к 10 годам
    ИТЛ" as "10 лет ИТЛ"."""
    first = re.split(r"[.;]\s|,\s*(?:замен|определени|освобожд)", text, maxsplit=1)[0]
    low = first.lower()
    if any(w in low for w in ("высшей мере", "вмн", "расстрел", "смертной казни")):
        return DEATH_SENTENCE
    first = re.sub(r"^\s*(?:к|на)\s+", "", re.sub(r"\s+", " ", first))
    return re.sub(r"(\d+)\s+годам\b", r"\1 лет", first).strip(" .,")


def _nominative_role(text: str) -> str:
    return morph.nominative_phrase(re.sub(r"\s+", " ", text).strip(" ,."))
