"""Claims from trigger phrases: who it happened to (natasha's syntax), when, and whether the text
denies it ("не был расстрелян").

The person is the trigger's subject or object as the trigger's voice requires; a post or kinship
noun standing for a named person passes to that person ("Нарком Ягода"), or becomes a described
person of its own ("жена Карина" is Karin's wife, with a spouse_of claim). A subjectless clause
of an encyclopedic text ("Расстрелян в 1937 году.") is about the article's person.
"""

from __future__ import annotations

import re

from kartoteka.extract.modality import DROPPING, Modality, gate
from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext, Sentence
from kartoteka.extract.ru.coref import Antecedents
from kartoteka.extract.ru.dates import qualified_edtf
from kartoteka.extract.ru.entries import entry_relations
from kartoteka.extract.ru.inflection import ud_gender
from kartoteka.extract.ru.lexicon import KIN_RELATIONS, KINSHIP, PRONOUNS
from kartoteka.extract.ru.modality import modality_of, other_data_date
from kartoteka.extract.ru.rumours import deny, rumour_before
from kartoteka.extract.ru.triggers import (
    AGENT,
    DEATH_SENTENCE,
    NEGATIONS,
    PATIENT,
    TRIGGERS,
    Trigger,
)
from kartoteka.model import Claim, Mention

INFORMANT = re.compile(
    r"(?:по\s+словам|(?P<hearsay>со\s+слов)|по\s+(?:показаниям|воспоминаниям|свидетельству))\s+"
    r"|(?:как\s+)?(?P<verb>показал[аи]?|рассказал[аи]?|сообщил[аи]?|вспоминал[аи]?|утверждал[аи]?|"
    r"писал[аи]?|заявил[аи]?)(?=[^.]*?,?\s+что\b)", re.I)
PLACED = ("birth", "death", "execution", "arrest", "suicide")
FIRST_PERSON = {"я", "меня", "мне", "мной", "мною"}
SENTENCE_AFTER = re.compile(
    r"\s*(?:к|на(?=\s+\d))\s+(высшей\s+мере\s+(?:наказания|социальной\s+защиты)|вмн|расстрелу|смертной\s+казни|"
    r"\d+[^,.;()]*?)(?=\s+(?:по|за|с\s+поражением|и\s+расстрелян)\b|[,.;()]|$)", re.I)


class ClaimFinder:
    def __init__(self, ctx: RuContext) -> None:
        self.ctx = ctx
        self._triggers: list[tuple[int, int, str, Trigger]] = []
        self._informant: tuple[Mention, bool] | None = None
        self._made: list[tuple[Claim, int, float]] = []  # this sentence's claims, trigger end
        self._antecedents = Antecedents(ctx)

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
                               infinitive=ctx.text[start:end].lower().endswith("ть"))
        if modality in DROPPING:  # "мог быть арестован", "собирались расстрелять", questions
            return
        subjects = self._subjects(head, trig.argument, sent)
        if not subjects:
            return
        date = self._date(sent, start, end)
        role, obj = trig.role, None
        if trig.takes_role:
            role, obj = self._role(head, end, type_)
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
        other = other_data_date(ctx, date, sent.end) if date is not None else None
        by_id = {m.id: m for m in subjects}
        for claim in list(kept) if other else []:  # "(по другим данным — в 1938 г.)"
            if claim is not None and claim.type == type_:
                second = ctx.add_claim(type_, by_id[claim.subject], (sent.start, sent.end),
                                       date=other, polarity=claim.polarity, role=claim.role,
                                       confidence=confidence, attrs={**attrs, "other_data": True})
                kept.append(gate(second, Modality.REPORTED) if second else None)
        self._made += [(c, end, trig.confidence) for c in kept if c is not None]

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

    def _subjects(self, head: int, argument: str, sent: Sentence) -> list[Mention]:
        ctx = self.ctx
        tok = ctx.tokens[head]
        passive = tok.feats.get("Voice") == "Pass" or tok.feats.get("VerbForm") == "Part" or bool(
            re.search(r"(?:н|на|но|ны|нн\w+)$", tok.text.lower()) and argument == PATIENT
            and tok.pos != "VERB")
        rels = ("nsubj", "nsubj:pass") if argument == AGENT or passive else ("obj",)
        # an inanimate subject is a misparse ("Биография родился") or not a person at all
        heads = [c for c in ctx.children(head) if ctx.tokens[c].rel in rels
                 and ctx.tokens[c].feats.get("Animacy") != "Inan"
                 and (ctx.tokens[c].pos in ("NOUN", "PROPN", "PRON") or c in ctx.person_at)]
        if not heads and tok.rel in ("acl", "amod", "acl:relcl") and tok.head not in (
                None, head) and (tok.head in ctx.person_at
                                 or ctx.tokens[tok.head].feats.get("Animacy") != "Inan"):
            heads = [tok.head]  # not "г. Приговорена", two sentences the parser glued
        if not heads and tok.rel == "conj" and tok.head is not None:
            parent = ctx.tokens[tok.head]
            if parent.pos in ("VERB", "ADJ", "AUX") or parent.feats.get("VerbForm") == "Part":
                heads = [c for c in ctx.children(tok.head)
                         if ctx.tokens[c].rel in ("nsubj", "nsubj:pass")]
        people: list[Mention] = []
        for h in heads:
            people += self.persons_for(h)
        if not heads and tok.rel in ("xcomp", "advcl") and tok.head is not None:
            people += [m for c in ctx.children(tok.head) if ctx.tokens[c].rel.startswith("nsubj")
                       for m in self.persons_for(c)]
        plural = tok.feats.get("Number") == "Plur"
        if not heads and not people and not plural:
            people = self._fallback(head, sent, passive or argument == AGENT)
        entry = ctx.entry_at(tok.start)
        if entry is not None:
            # a list's entry speaks of its own person: nobody from another line is a subject
            people = [m if entry[0].start <= m.start < entry[0].end else entry[1]
                      for m in people]
        gender = ud_gender(tok.feats) if tok.pos in ("VERB", "AUX", "ADJ") else None
        out = [m for m in people if not (gender and m.gender and m.gender != gender
                                         and tok.feats.get("Number") != "Plur")]
        return list({m.id: m for m in out}.values())

    def persons_for(self, token: int) -> list[Mention]:
        """The people token ``token`` names or stands for (a name, kin noun, pronoun, "я")."""
        ctx = self.ctx
        tok = ctx.tokens[token]
        found: list[Mention] = []
        if token in ctx.person_at:
            found.append(ctx.person_at[token])
        elif morph.lemma(tok.text) in KINSHIP:
            kin = self._kin(token)
            if kin:
                found.append(kin)
        elif tok.text.lower() in PRONOUNS and (topic := self._pronoun(token)) and (
                topic.gender in (None, PRONOUNS[tok.text.lower()])):
            found.append(topic)
        elif tok.text.lower() in FIRST_PERSON and ctx.speaker_at(tok.start):
            found.append(self._first_person(token))
        else:
            for c in ctx.children(token):
                if ctx.tokens[c].rel in ("appos", "flat:name", "flat") and c in ctx.person_at:
                    found.append(ctx.person_at[c])
                    break
        for c in ctx.children(token):
            if ctx.tokens[c].rel == "conj":
                found += self.persons_for(c)
        return found

    def _first_person(self, token: int) -> Mention:
        """"я" in an interrogated person's answer: a mention of that person."""
        ctx = self.ctx
        tok = ctx.tokens[token]
        speaker = ctx.speaker_at(tok.start)
        assert speaker is not None
        return ctx.add_mention(tok.start, tok.end, "person", name=speaker.name,
                               gender=speaker.gender, attrs={"pronoun": True,
                                                             "refers_to": speaker.id})

    def _kin(self, token: int) -> Mention | None:
        """"жена Карина": a described person, related to the named one."""
        ctx = self.ctx
        tok = ctx.tokens[token]
        relative = None
        for c in ctx.children(token):
            if c in ctx.person_at and ctx.tokens[c].rel in ("nmod", "appos", "flat:name"):
                relative = ctx.person_at[c]
                break
        if relative is None and token + 1 in ctx.person_at:
            relative = ctx.person_at[token + 1]
        if relative is None:
            return None
        if relative.attrs.get("case") in (None, "nomn") and "given" in relative.attrs.get(
                "parts", {}) and tok.feats.get("Case") in (None, "Nom"):
            return relative  # "жена Евгения Ежова": the wife is the woman named, not her spouse
        lemma = morph.lemma(tok.text)
        gender = {"жена": "f", "сестра": "f", "дочь": "f", "мать": "f", "вдова": "f",
                  "супруга": "f"}.get(lemma, "m" if lemma in KIN_RELATIONS else None)
        end = max(relative.end, tok.end)
        kin = ctx.add_mention(tok.start, tok.end, "person",
                              descriptor=re.sub(r"\s+", " ", ctx.text[tok.start:end]).lower(),
                              gender=gender, attrs={"kin": lemma, "of": relative.id})
        relation = KIN_RELATIONS.get(lemma, "relative_of")
        sent = ctx.sentence_of(token)
        ctx.add_claim(relation, kin, (sent.start, sent.end), object=relative.id,
                      confidence=0.8, attrs={"kin": lemma})
        return kin

    def _fallback(self, head: int, sent: Sentence, nominative: bool) -> list[Mention]:
        """No syntactic subject: the nearest nominative person before the trigger in its
        sentence ("ИВАНОВ Петр, 1890 г.р., арестован …"), else the document's person."""
        ctx = self.ctx
        entry = ctx.entry_at(ctx.tokens[head].start)
        if entry is not None:
            return [entry[1]]  # "Арестован 13 мая 1937 г." in a list: the entry's person
        for i in range(head - 1, sent.first - 1, -1):
            m = ctx.person_at.get(i)
            if m is None or (m.attrs.get("pronoun") and m.attrs.get("refers_to")):
                continue
            case = m.attrs.get("case")
            if not nominative or case in (None, "nomn"):
                return [m]
        if ctx.topic is not None:
            return [ctx.topic]
        return []

    def _pronoun(self, token: int) -> Mention | None:
        """Whom a pronoun stands for: the list entry's person; an article's person; else the
        person the sentences before it are about (kartoteka.extract.ru.coref)."""
        entry = self.ctx.entry_at(self.ctx.tokens[token].start)
        if entry is not None:
            return entry[1]
        if self.ctx.article:
            return self.ctx.topic
        return self._antecedents.resolve(token)

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
        ctx = self.ctx
        triggers = [(a, b) for a, b, _, _ in self._triggers]
        nxt = min([a for a, _ in triggers if a >= end] or [sent.end])
        prev = max([b for _, b in triggers if b <= start] or [sent.start])
        dates = [d for d in ctx.dates if sent.start <= d.start and d.end <= sent.end]
        after = [d for d in dates if end <= d.start < nxt]
        if after:
            return after[0]
        before = [d for d in dates if prev <= d.start and d.end <= start
                  and not _inside_brackets(ctx.text, d.start, start)]
        if prev > sent.start and before:
            # "Арестована 2 ноября 1937 г., осуждена на 8 лет": the first date after the
            # previous trigger is that trigger's own
            before = before[1:]
        return before[-1] if before else None

    def _role(self, head: int, end: int, type_: str) -> tuple[str | None, Mention | None]:
        ctx = self.ctx
        if type_ == "sentence":
            m = SENTENCE_AFTER.match(ctx.text, end - 2 if ctx.text[end - 2:end].strip() == "к"
                                     else end)
            role = sentence_role(m.group(1)) if m else None
            return role, None
        for c in ctx.children(head):
            t = ctx.tokens[c]
            if t.feats.get("Case") == "Ins" and t.pos in ("NOUN", "PROPN"):
                a, b = ctx.subtree(c)
                return _nominative_role(ctx.text[a:b]), self._org_in(a, b)
            if morph.lemma(t.text) in ("должность", "пост"):
                for g in ctx.children(c):
                    if ctx.tokens[g].feats.get("Case") == "Gen":
                        a, b = ctx.subtree(g)
                        return _nominative_role(ctx.text[a:b]), self._org_in(a, b)
        return None, None

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


def _inside_brackets(text: str, a: int, b: int) -> bool:
    """True when position ``a`` sits inside brackets that close before ``b``."""
    depth = 0
    for ch in text[a:b]:
        if ch == ")":
            if depth == 0:
                return True
            depth -= 1
        elif ch == "(":
            depth += 1
    return False


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
