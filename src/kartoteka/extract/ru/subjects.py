"""Who a Russian claim is about: the trigger's subject or object as its voice requires, and
what a token stands for (a name, a kinship noun, a pronoun, "я").

A kinship noun standing for a named person passes to that person, or becomes a described person
of its own ("жена Карина" is Karin's wife, with a spouse_of claim). With no syntactic subject
the nearest nominative person before the trigger, a list entry's person or the article's person
is the one.
"""

from __future__ import annotations

import re

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.appositions import possessive, read_as_owner, set_off
from kartoteka.extract.ru.context import RuContext, Sentence
from kartoteka.extract.ru.coref import Antecedents
from kartoteka.extract.ru.inflection import ud_gender
from kartoteka.extract.ru.lexicon import KIN_NOUNS, KIN_RELATIONS, KINSHIP, PRONOUNS
from kartoteka.extract.ru.triggers import AGENT, PATIENT
from kartoteka.model import Mention

FIRST_PERSON = {"я", "меня", "мне", "мной", "мною"}
# The possessive pronouns (Русская грамматика 1980, §1286): the owner of the noun they precede.
_POSSESSIVE_LEMMAS = frozenset({"мой", "твой", "наш", "ваш", "свой"})
# "…, в том числе X и Y": the members a group names (see SubjectFinder._included).
_INCLUDING = re.compile(r"\s*,\s*(?:в\s+том\s+числе|включая)\s+", re.I)
# Universal Dependencies' case names as pymorphy writes them (a mention's attrs["case"]).
_UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
            "Loc": "loct"}


class SubjectFinder:
    """The people tokens of one document name or stand for."""

    def __init__(self, ctx: RuContext) -> None:
        self.ctx = ctx
        self._antecedents = Antecedents(ctx)

    def subjects(self, head: int, argument: str, sent: Sentence) -> list[Mention]:
        ctx = self.ctx
        tok = ctx.tokens[head]
        passive = tok.feats.get("Voice") == "Pass" or tok.feats.get("VerbForm") == "Part" or bool(
            re.search(r"(?:н|на|но|ны|нн\w+)$", tok.text.lower()) and argument == PATIENT
            and tok.pos != "VERB")
        rels = ("nsubj", "nsubj:pass") if argument == AGENT or passive else ("obj",)
        # an inanimate subject is a misparse ("Биография родился") or not a person at all; an
        # accusative the parser calls an active verb's subject is its object ("Глафиру Щукину
        # расстреляли": the parser's relation against its own case, and subjects are nominative)
        heads = [c for c in ctx.children(head) if (ctx.tokens[c].rel in rels or (
                    rels == ("obj",) and ctx.tokens[c].rel == "nsubj"
                    and ctx.tokens[c].feats.get("Case") == "Acc"))
                 and (ctx.tokens[c].feats.get("Animacy") != "Inan"  # the tagger's "их" is
                      or ctx.tokens[c].text.lower() in _GROUP_WORDS)  # inanimate: no matter
                 and (ctx.tokens[c].pos in ("NOUN", "PROPN", "PRON") or c in ctx.person_at
                      or _BOTH.fullmatch(ctx.tokens[c].text.lower()) is not None
                      or _INCLUDING.match(ctx.text, ctx.tokens[c].end) is not None)]
        if not heads:  # "Обоих, говорят, расстреляли": the parser hangs "обоих" as a numeral
            heads = [c for c in ctx.children(head) if ctx.tokens[c].rel in ("nummod", "det")
                     and _BOTH.fullmatch(ctx.tokens[c].text.lower()) is not None]
        # "а её мужа расстреляли": его, её, их before a noun are possessive (Русская грамматика
        # 1980, §1286), not a second object the parser hung on the verb
        heads = [c for c in heads if not possessive(ctx, c)]
        # "Арестовавший Орлова следователь Сомов был расстрелян": the parser may take the
        # capitalised active participle for the subject; its dependents are its objects, the
        # agent's victims, never the passive's patient (Русская грамматика 1980, §1580)
        heads = [c for c in heads if not morph.has_tag(ctx.tokens[c].text, "PRTF", "actv")]
        # "Петрова расстреляли, Орлова — сослали": an object after a comma, before a verb
        # coordinated with this one, is that verb's (the parser hangs it on the first)
        heads = [c for c in heads if not any(c < w for w in self._own_objects_after(head, c))]
        if not heads and tok.rel in ("acl", "amod", "acl:relcl") and tok.head not in (
                None, head) and (tok.head in ctx.person_at
                                 or ctx.tokens[tok.head].feats.get("Animacy") != "Inan"):
            heads = [tok.head]  # not "г. Приговорена", two sentences the parser glued
        if not heads and tok.rel == "conj" and tok.head is not None:
            parent = ctx.tokens[tok.head]
            if parent.pos in ("VERB", "ADJ", "AUX") or parent.feats.get("VerbForm") == "Part":
                # coordinated verbs share their subject, and active verbs their object too
                # ("Петрова арестовали и расстреляли", "объявили врагом народа и расстреляли")
                shared = rels if "obj" in rels and parent.feats.get("Voice") != "Pass" and \
                    parent.feats.get("VerbForm") != "Part" else ("nsubj", "nsubj:pass")
                shared_heads = [c for c in ctx.children(tok.head) if ctx.tokens[c].rel in shared
                                and ctx.tokens[c].feats.get("Animacy") != "Inan"]
                own = [c for c in shared_heads if head in self._own_objects_after(tok.head, c)]
                heads = own or [c for c in shared_heads
                                if not self._own_objects_after(tok.head, c)]
        people: list[Mention] = []
        for h in heads:
            people += self.persons_for(h)
        if not heads and tok.rel in ("xcomp", "advcl") and tok.head is not None:
            people += [m for c in ctx.children(tok.head) if ctx.tokens[c].rel.startswith("nsubj")
                       for m in self.persons_for(c)]
        # the tagger's plural of a singular short participle ("Приговорен ВКТ") is overruled
        plural = tok.feats.get("Number") == "Plur" and (not passive or tok.text[-1] in "ыиЫИ")
        # a court the parser took for the subject names nobody: a list entry is still its own
        if not people and not plural and (not heads or ctx.entry_at(tok.start) is not None):
            people = self._fallback(head, sent, passive or argument == AGENT)
        elif not people and not heads and plural and not passive and argument == PATIENT:
            # an indefinite-personal clause the parser could not read ("Кобелева раскулачили и
            # выслали": an unknown verb taken for a noun): the object is the accusative before
            people = self._nearest_object(head, sent)
        entry = ctx.entry_at(tok.start)
        if entry is not None:
            # a list's entry speaks of its own person: nobody from another line is a subject
            people = [m if entry[0].start <= m.start < entry[0].end else entry[1]
                      for m in people]
        # a verb agrees with its subject: "ОГПУ арестовало Петрова" says nothing of his gender
        gender = ud_gender(tok.feats) if tok.pos in ("VERB", "AUX", "ADJ") and (
            argument == AGENT or passive) else None
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
        elif taken_up := self._included_before(token):
            found += taken_up  # "…, в том числе Орлова и Сомова. Всех их расстреляли."
        elif tok.text.lower() in PRONOUNS and (topic := self._pronoun(token)) and (
                topic.gender in (None, PRONOUNS[tok.text.lower()])):
            found.append(topic)
        elif tok.text.lower() in FIRST_PERSON and ctx.speaker_at(tok.start):
            found.append(self._first_person(token))
        elif listed := self._trial_list(token):
            found += listed  # "Судили A, B и C. Все обвиняемые были расстреляны."
        elif included := self._included(token):
            found += included  # "Многих, в том числе Орлова и Сомова, расстреляли"
        else:
            for c in ctx.children(token):
                if ctx.tokens[c].rel in ("appos", "flat:name", "flat") and c in ctx.person_at:
                    found.append(ctx.person_at[c])
                    break
            else:
                named = self._apposed_name(token, agree=True)
                if named is not None and tok.feats.get("Animacy") != "Inan":
                    found.append(named)  # "Соседку нашу, Анну Орлову, арестовали"
        for c in self._name_children(token):
            if ctx.tokens[c].rel == "conj":
                found += self.persons_for(c)
        return found

    def _name_children(self, token: int) -> list[int]:
        """The dependents of ``token`` and of the other words of its name: the parser hangs a
        conjunct on the name's last word as often as on its head ("Петра Орлова и Ивана
        Лагина": "Ивана" under "Орлова", an apposition of "Петра")."""
        ctx = self.ctx
        own = ctx.person_at.get(token)
        words = [token] + ([i for i in ctx.children(token) if ctx.person_at.get(i) is own]
                           if own is not None else [])
        return [c for w in words for c in ctx.children(w) if c not in words]

    def _included_before(self, token: int) -> list[Mention]:
        """"Судили многих, в том числе A, B и C. Всех их расстреляли": a plural pronoun or
        "все" opening the next sentence takes up the group of the sentence before, and so the
        members it named after "в том числе"/"включая" (as English "including", see
        ``_included``). Not past a person named before it in its own sentence."""
        ctx = self.ctx
        tok = ctx.tokens[token]
        if tok.text.lower() not in _GROUP_WORDS:
            return []
        here = tok.sentence
        if here == 0 or any(i in ctx.person_at for i in range(ctx.sentences[here].first, token)):
            return []
        prev = ctx.sentences[here - 1]
        found: list[Mention] = []
        for i in range(prev.first, prev.last + 1):
            if _INCLUDING.match(ctx.text, ctx.tokens[i].end):
                found = self._included(i) or found
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
            # "Мой дядя, инженер Семён Гуревич, был расстрелян": the uncle himself
            relative = self._apposed_name(token, agree=False)
            if relative is not None:
                return relative
        if relative is None:
            return None
        named = self._named_after_owner(token, relative)
        if named is not None:
            return named  # "Жена Орлова, Анна Орлова, …": the wife is Anna, Orlov her spouse
        if relative.attrs.get("case") in (None, "nomn") and "given" in relative.attrs.get(
                "parts", {}) and tok.feats.get("Case") in (None, "Nom"):
            return relative  # "жена Евгения Ежова": the wife is the woman named, not her spouse
        case = _UD_CASE.get(tok.feats.get("Case", ""))
        kin_gender = KIN_NOUNS.get(morph.lemma(tok.text))
        possessed = self._possessed(token)  # a man's accusative is his genitive's form
        same_case = relative.attrs.get("case") == case or (
            possessed and case == "accs" and relative.attrs.get("case") == "gent")
        if case not in (None, "gent") and same_case and "given" in \
                relative.attrs.get("parts", {}) and relative.start > tok.end and \
                kin_gender == relative.gender and not (
                    case == "accs" and kin_gender != "f" and not possessed):
            # "расстреляли его жену Анну Петрову": in the noun's case, an apposition; a man's
            # name in the accusative reads as a genitive too ("арестовали брата Ивана Петрова"),
            # unless a possessive has named the owner already ("её мужа Ивана Сорина")
            return relative
        if set_off(ctx.text, tok.end, relative):
            return relative  # "моего отца, Ивана Петровича Сомова, арестовали": the father
        lemma = morph.lemma(tok.text)
        gender = KIN_NOUNS.get(lemma)
        end = max(relative.end, tok.end)
        kin = ctx.add_mention(tok.start, tok.end, "person",
                              descriptor=re.sub(r"\s+", " ", ctx.text[tok.start:end]).lower(),
                              gender=gender, attrs={"kin": lemma, "of": relative.id})
        relation = KIN_RELATIONS.get(lemma, "relative_of")
        sent = ctx.sentence_of(token)
        ctx.add_claim(relation, kin, (sent.start, sent.end), object=relative.id,
                      confidence=0.8, attrs={"kin": lemma})
        return kin

    def _possessed(self, token: int) -> bool:
        """The noun has a possessive before it (его, её, их, мой, наш, свой …)."""
        before = self.ctx.tokens[token - 1] if token > 0 else None
        return before is not None and (before.text.lower() in ("его", "её", "ее", "их") or
                                       morph.lemma(before.text) in _POSSESSIVE_LEMMAS)

    def _apposed_name(self, token: int, *, agree: bool) -> Mention | None:
        """A name set off by commas after a noun of a person, with a possessive and role nouns
        allowed between ("Соседку нашу, Анну Орлову, …", "дядя, инженер Семён Гуревич, …"): a
        loose apposition names the noun's person (Русская грамматика 1980, §1987, обособленное
        приложение). With ``agree`` the name must stand in the noun's case, as an apposition
        does; a genitive owner ("соседку Анны Орловой") has no comma before it anyway."""
        ctx = self.ctx
        j = token + 1
        while j < len(ctx.tokens) and ctx.tokens[j].pos == "DET" and j - token <= 2:
            j += 1  # "соседку нашу", "дядю моего"
        if j >= len(ctx.tokens) or ctx.tokens[j].text != ",":
            return None
        j += 1
        for _ in range(3):  # role nouns before the name: "инженер", "старый большевик"
            if j >= len(ctx.tokens) or j in ctx.person_at or ctx.tokens[j].pos not in (
                    "NOUN", "ADJ") or not ctx.tokens[j].text[:1].islower():
                break
            j += 1
        named = ctx.person_at.get(j)
        if named is None or re.match(r"\s*(?:[,.;)—–-]|$)", ctx.text[named.end:]) is None:
            return None
        if agree and ctx.tokens[token].feats.get("Case") and named.attrs.get("case") and \
                _UD_CASE.get(ctx.tokens[token].feats["Case"]) != named.attrs["case"]:
            return None
        return named

    def _named_after_owner(self, token: int, owner: Mention) -> Mention | None:
        """"Жена Орлова, Анна Орлова, была арестована", "Сын Сомова, Павел Сомов, …": a name
        set off by commas right after the kinship noun's owner is an apposition to the noun
        (обособленное приложение), the relative named; it is tied to the owner and stands
        for the noun, no described person beside it. Its gender must be the noun's."""
        ctx = self.ctx
        kin = ctx.tokens[token]
        after = re.match(r"\s*,\s*", ctx.text[owner.end:])
        if after is None or owner.start < kin.end:
            return None
        at = owner.end + after.end()
        named = next((m for m in ctx.mentions if m.kind == "person" and m.start == at), None)
        lemma = morph.lemma(kin.text)
        gender = KIN_NOUNS.get(lemma)
        if named is None or named is owner or not named.name or not set_off(
                ctx.text, owner.end, named) or (gender and named.gender not in (None, gender)):
            return None
        read_as_owner(owner)
        sent = ctx.sentence_of(token)
        ctx.add_claim(KIN_RELATIONS.get(lemma, "relative_of"), named, (sent.start, sent.end),
                      object=owner.id, confidence=0.8, attrs={"kin": lemma})
        return named

    def _own_objects_after(self, verb: int, obj: int) -> list[int]:
        """The verbs coordinated with ``verb`` that ``obj`` (hung on ``verb``) belongs to: it
        stands after a comma that follows ``verb``, before such a verb (Russian puts the object
        first in the second clause: "Петрова расстреляли, Орлова — сослали")."""
        ctx = self.ctx
        if obj < verb or not any(ctx.tokens[k].text == "," for k in range(verb + 1, obj)):
            return []
        return [c for c in ctx.children(verb) if ctx.tokens[c].rel == "conj" and c > obj
                and ctx.tokens[c].pos == "VERB"]

    def _included(self, token: int) -> list[Mention]:
        """The people a group names after "в том числе" or "включая" ("Многих, в том числе
        Ивана Орлова и Павла Сомова, расстреляли"): members of the group, who share its fate
        (Русская грамматика 1980, §1986, присоединительные конструкции)."""
        ctx = self.ctx
        m = _INCLUDING.match(ctx.text, ctx.tokens[token].end)
        if m is None:
            return []
        out: list[Mention] = []
        at = m.end()
        for j in range(token + 1, min(len(ctx.tokens), token + 30)):
            named = ctx.person_at.get(j)
            if named is None or named.start < at or named in out:
                continue
            if not re.fullmatch(r"\s*(?:,|и)?\s*", ctx.text[at:named.start]):
                break
            out.append(named)
            at = named.end
        return out

    def _trial_list(self, token: int) -> list[Mention]:
        """"обвиняемые", "подсудимые", "оба" as a fate's argument: the people of the latest
        list (two or more coordinated names) in this or the two sentences before, told as
        tried, charged or arrested ("оба": exactly two). Never anyone outside the list."""
        ctx = self.ctx
        word = ctx.tokens[token].text.lower()
        both = _BOTH.fullmatch(word) is not None
        if not both and _DEFENDANTS.fullmatch(word) is None:
            return []
        here = ctx.tokens[token].sentence
        for index in range(here, max(-1, here - 3), -1):
            sent = ctx.sentences[index]
            stop = min(sent.last + 1, token)
            told = _TRIAL_TOLD.search(ctx.text, sent.start, ctx.tokens[stop - 1].end)
            for i in range(stop - 1, sent.first - 1, -1):
                if i not in ctx.person_at or ctx.tokens[i].rel == "conj" or not any(
                        ctx.tokens[c].rel == "conj" and c in ctx.person_at
                        for c in ctx.children(i)):
                    continue
                group = list({m.id: m for m in self.persons_for(i)}.values())
                if (both and len(group) == 2) or (not both and told and len(group) >= 2):
                    return group
                return []
        return []

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

    def _nearest_object(self, head: int, sent: Sentence) -> list[Mention]:
        """The nearest person before the trigger, if an accusative (or a man's accusative,
        a genitive form): a nominative there is a subject, not the object."""
        for i in range(head - 1, sent.first - 1, -1):
            m = self.ctx.person_at.get(i)
            if m is not None and not m.attrs.get("pronoun"):
                return [m] if m.attrs.get("case") in ("accs", "gent") else []
        return []

    def pronoun(self, token: int) -> Mention | None:
        return self._pronoun(token)

    def _pronoun(self, token: int) -> Mention | None:
        """Whom a pronoun stands for: the list entry's person; an article's person; else the
        person the sentences before it are about (kartoteka.extract.ru.coref)."""
        entry = self.ctx.entry_at(self.ctx.tokens[token].start)
        if entry is not None:
            return entry[1]
        if self.ctx.article:
            return self.ctx.topic
        return self._antecedents.resolve(token)


# "оба" in every case and gender (Русская грамматика 1980, §1323), and the substantivised
# participles naming the accused party of a trial ("обвиняемый", "подсудимый"; Ozhegov)
# the words that take up a whole group: "они", "их", "все", "всех" (Русская грамматика 1980,
# §1330, местоимения обобщения)
_GROUP_WORDS = frozenset({"они", "их", "все", "всех"})
_BOTH = re.compile(r"об[ае]|обо(?:их|им|ими)|обе(?:их|им|ими)")
_DEFENDANTS = re.compile(r"(?:обвиняем|подсудим)(?:ые|ых|ым|ыми)")
# verbs and nouns that make the people named defendants: tried, charged, sentenced, arrested
_TRIAL_TOLD = re.compile(r"\b(?:суди|осужд|осуди|обвин|приговор|арестова|процесс|суд[аеу]?\b)",
                         re.I)
