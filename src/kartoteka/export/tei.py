"""TEI P5: the card index as a standOff (persons, organisations, places, relations) plus texts.

The layout (docs/formats.md has the full mapping):

- ``teiHeader``: the documents as ``bibl`` in ``sourceDesc``; a ``calendar xml:id="edtf"``
  that every ``@datingMethod`` points to; a taxonomy of the claim qualifiers (negated,
  hearsay, review status) that ``@ana`` points to.
- ``standOff``: ``listPerson`` (``person``/``personGrp`` with ``persName`` variants,
  ``state`` for posts, ``birth``/``death``/``event`` for events and fates), ``listOrg``,
  ``listPlace``, ``listRelation``.
- one ``text`` a document that carries its text: mentions as ``persName``/``orgName``/
  ``placeName``/``rs`` with ``@ref``, evidence as ``seg`` that the claims' ``@source`` point
  to, reported passages as ``said direct="false" who="#informant"``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from kartoteka.export.base import MUTUAL_RELATIONS, ExportView, name_language
from kartoteka.export.tei_header import EDTF_CALENDAR_ID, QUALIFIERS, build_header, date_attributes
from kartoteka.export.tei_text import TEI_NS, XML_ID, XML_NS, Markup, TextLayout, sub, tei
from kartoteka.vocabulary import load_vocabulary

FATE_AS_DEATH = load_vocabulary().group("death")
NAME_ELEMENT = {"person": "persName", "organization": "orgName", "place": "placeName"}
_NCNAME_BAD = re.compile(r"[^\w.\-]")
_XML_LANG = f"{{{XML_NS}}}lang"


class XmlIds:
    """Hands out unique, valid xml:id values, keeping the export's own ids where it can."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, wanted: str) -> str:
        base = _NCNAME_BAD.sub("_", wanted) or "id"
        if not (base[0].isalpha() or base[0] == "_"):
            base = f"x{base}"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


class TeiBuilder:
    """Builds the parts of one TEI document. Every xml:id is handed out up front, so texts
    and standOff can point at each other; ``texts()`` runs before ``stand_off()`` because it
    records which ``seg`` each claim's @source points to."""

    def __init__(self, view: ExportView) -> None:
        self.view = view
        self.ids = XmlIds()
        self.category = {key: self.ids.claim(key) for key in QUALIFIERS}
        self.ids.claim(EDTF_CALENDAR_ID)
        self.entity_ref = {e["id"]: "#" + self.ids.claim(e["id"]) for e in view.entities}
        self.text_id = {d["id"]: self.ids.claim(d["id"]) for d in view.documents}
        self.bibl_id = {d["id"]: self.ids.claim(f"bibl-{d['id']}") for d in view.documents}
        self.claim_id = {c["id"]: self.ids.claim(c["id"]) for c in view.claims}
        self.sources: dict[str, list[str]] = {c["id"]: [] for c in view.claims}

    # --- texts ------------------------------------------------------------------------------

    def texts(self) -> list[etree._Element]:
        out = []
        for document in self.view.documents:
            if document.get("text") is None:
                continue
            layout = TextLayout(document["text"])
            self._mark_mentions(layout, document["id"])
            self._mark_reported_speech(layout, document["id"])
            self._mark_evidence(layout, document["id"])
            text = etree.Element(tei("text"), {
                XML_ID: self.text_id[document["id"]],
                "decls": "#" + self.bibl_id[document["id"]],
            })
            if document.get("language"):
                text.set(_XML_LANG, document["language"])
            body = etree.SubElement(text, tei("body"))
            layout.render(body)
            if not len(body):
                etree.SubElement(body, tei("p"))
            for paragraph in body:
                paragraph.tail = "\n"
            out.append(text)
        return out

    def _mark_mentions(self, layout: TextLayout, document_id: str) -> None:
        mentions = self.view.mentions_by_document.get(document_id, [])
        # Longer mentions first, so a name inside a description nests instead of blocking it.
        for mention in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
            entity = self.view.entity_by_id.get(mention.get("entity") or "")
            if entity is None:
                continue
            tag, attrib = self._mention_element(entity, mention["text"])
            layout.add_whole(Markup(mention["start"], mention["end"], tag, attrib, rank=2))

    def _mention_element(self, entity: dict[str, Any], text: str) -> tuple[str, dict[str, str]]:
        ref = self.entity_ref[entity["id"]]
        kind = entity["kind"]
        if kind == "person" and not _is_name(text, self.view.names(entity)):
            return "rs", {"ref": ref, "type": "person"}  # "his wife": a description
        if kind in NAME_ELEMENT:
            return NAME_ELEMENT[kind], {"ref": ref}
        return "rs", {"ref": ref, "type": kind}

    def _mark_reported_speech(self, layout: TextLayout, document_id: str) -> None:
        seen: set[tuple[int, int, str | None]] = set()
        for claim in self.view.claims:
            informant = claim.get("attributed_to")
            if not (claim.get("hearsay") or informant):
                continue
            for span in claim["evidence"]:
                key = (span["start"], span["end"], informant)
                if span["document"] != document_id or key in seen:
                    continue
                seen.add(key)
                attrib = {"direct": "false"}
                if informant in self.entity_ref:
                    attrib["who"] = self.entity_ref[informant]
                self._add_linked(layout, span["start"], span["end"], "said", attrib, rank=0,
                                 id_base=f"said-{document_id}-{span['start']}")

    def _mark_evidence(self, layout: TextLayout, document_id: str) -> None:
        claims_of_span: dict[tuple[int, int], list[str]] = {}
        for claim in self.view.claims:
            for span in claim["evidence"]:
                if span["document"] == document_id:
                    claims_of_span.setdefault((span["start"], span["end"]), []).append(claim["id"])
        for (start, end), claim_ids in claims_of_span.items():
            corresp = " ".join("#" + self.claim_id[c] for c in dict.fromkeys(claim_ids))
            first = self._add_linked(layout, start, end, "seg",
                                     {"type": "evidence", "corresp": corresp}, rank=1,
                                     id_base=f"ev-{document_id}-{start}-{end}")
            for claim_id in claim_ids:
                if first:
                    self.sources[claim_id].append("#" + first)

    def _add_linked(self, layout: TextLayout, start: int, end: int, tag: str,
                    attrib: dict[str, str], *, rank: int, id_base: str) -> str | None:
        """Mark a passage, its fragments chained by @next/@prev; the first fragment's id."""
        fragments = layout.add_fragmented(
            start, end, lambda s, e: Markup(s, e, tag, dict(attrib), rank=rank))
        ids = [self.ids.claim(id_base) for _ in fragments]
        for index, fragment in enumerate(fragments):
            fragment.attrib[XML_ID] = ids[index]
            if index:
                fragment.attrib["prev"] = "#" + ids[index - 1]
            if index + 1 < len(fragments):
                fragment.attrib["next"] = "#" + ids[index + 1]
        return ids[0] if ids else None

    # --- header -----------------------------------------------------------------------------

    def header(self) -> etree._Element:
        return build_header(self.view.documents, self.category, self.bibl_id)

    # --- standOff ---------------------------------------------------------------------------

    def stand_off(self) -> etree._Element | None:
        stand_off = etree.Element(tei("standOff"))
        people = list(self.view.entities_of_kind("person", "group"))
        if people:
            list_person = etree.SubElement(stand_off, tei("listPerson"))
            for entity in people:
                list_person.append(self._person(entity))
        for kind, list_tag, item_tag in (("organization", "listOrg", "org"),
                                         ("place", "listPlace", "place")):
            entities = list(self.view.entities_of_kind(kind))
            if entities:
                listing = etree.SubElement(stand_off, tei(list_tag))
                for entity in entities:
                    listing.append(self._named_record(entity, item_tag))
        relations = self._relations()
        if relations:
            etree.SubElement(stand_off, tei("listRelation")).extend(relations)
        return stand_off if len(stand_off) else None

    def _named_record(self, entity: dict[str, Any], tag: str) -> etree._Element:
        """The record of an entity: its name forms, the events it is the subject of, and its
        authority ids (in the order org and place content models require)."""
        record = etree.Element(tei(tag), {XML_ID: self.entity_ref[entity["id"]][1:]})
        name_tag = NAME_ELEMENT.get(entity["kind"], "persName")
        for index, name in enumerate(self.view.names(entity)):
            sub(record, name_tag, type="preferred" if index == 0 else "variant",
                 text=name, **{_XML_LANG: name_language(name)})
        person_like = tag in ("person", "personGrp")
        for claim in self.view.claims_by_subject.get(entity["id"], []):
            if not self._listed_as_relation(claim):
                record.append(self._event(claim, person_like=person_like))
        for link in entity.get("authority") or []:
            sub(record, "idno", type=str(link["source"]), text=str(link["id"]))
        return record

    def _person(self, entity: dict[str, Any]) -> etree._Element:
        tag = "person" if entity["kind"] == "person" else "personGrp"
        record = self._named_record(entity, tag)
        gender = entity.get("gender")
        if tag == "person" and gender in ("m", "f"):
            record.set("sex", gender.upper())
        return record

    def _listed_as_relation(self, claim: dict[str, Any]) -> bool:
        """A relation between two known entities goes in listRelation; any other claim (an
        event, a post, a relation whose object is unknown) in its subject's record."""
        return (self.view.is_relation(claim["type"]) and claim["type"] != "position"
                and claim["subject"] in self.entity_ref
                and claim.get("object") in self.entity_ref)

    def _claim_attributes(self, claim: dict[str, Any]) -> dict[str, str]:
        attrs = {XML_ID: self.claim_id[claim["id"]], **date_attributes(claim.get("date"))}
        sources = self.sources[claim["id"]] or [
            "#" + self.bibl_id[s["document"]] for s in claim["evidence"]
            if s["document"] in self.bibl_id]
        if sources:
            attrs["source"] = " ".join(dict.fromkeys(sources))
        confidence = claim.get("confidence")
        if isinstance(confidence, int | float) and 0 <= confidence <= 1:
            attrs["cert"] = f"{confidence:.2f}"
        qualifiers = []
        if claim.get("polarity") == "negated":
            qualifiers.append("negated")
        if claim.get("hearsay") or claim.get("attributed_to"):
            qualifiers.append("hearsay")
        if claim.get("status") in ("proposed", "accepted"):
            qualifiers.append(claim["status"])
        if qualifiers:
            attrs["ana"] = " ".join("#" + self.category[q] for q in qualifiers)
        return attrs

    def _event(self, claim: dict[str, Any], *, person_like: bool) -> etree._Element:
        """For a person or group: a post as ``state``, a birth or an affirmed death as such.
        Anything else, and anything about an organisation or place, as ``event``."""
        kind, affirmed = claim["type"], claim.get("polarity") != "negated"
        attrs = self._claim_attributes(claim)
        label = self.view.type_label(kind)
        if person_like and kind in FATE_AS_DEATH | {"birth"} and affirmed:
            element = etree.Element(tei("birth" if kind == "birth" else "death"), attrs)
            if kind != "birth":
                element.set("type", kind)
            element.text = label
            for entity_id in (claim.get("object"), claim.get("place")):
                self._name_ref(element, entity_id, before=", ")
            self._informant_note(element, claim)
            return element
        tag = "state" if person_like and kind == "position" else "event"
        element = etree.Element(tei(tag), {**attrs, "type": kind})
        if tag == "event" and claim.get("place") in self.entity_ref:
            element.set("where", self.entity_ref[claim["place"]])
        sub(element, "label", text=label)
        refs = [e for e in (claim.get("object"), claim.get("place")) if e in self.entity_ref]
        if claim.get("role") or refs:
            desc = sub(element, "desc")
            if claim.get("role"):
                sub(desc, "roleName", text=claim["role"])
            for entity_id in refs:
                self._name_ref(desc, entity_id, before=" " if len(desc) else "")
        self._informant_note(element, claim)
        return element

    def _relations(self) -> list[etree._Element]:
        out = []
        for claim in self.view.claims:
            if not self._listed_as_relation(claim):
                continue
            kind, subject, target = claim["type"], claim["subject"], claim["object"]
            relation = etree.Element(tei("relation"), {**self._claim_attributes(claim),
                                                       "name": kind})
            pair = (self.entity_ref[subject], self.entity_ref[target])
            if kind in MUTUAL_RELATIONS:
                relation.set("mutual", " ".join(pair))
            else:
                relation.set("active", pair[0])
                relation.set("passive", pair[1])
            if claim.get("role") or claim.get("attributed_to") in self.entity_ref:
                desc = sub(relation, "desc", text=claim.get("role") or None)
                self._informant_phrase(desc, claim)
            out.append(relation)
        for group in self.view.entities_of_kind("group"):
            members = [self.entity_ref[m] for m in group.get("members") or []
                       if m in self.entity_ref]
            if members:
                out.append(etree.Element(tei("relation"), {
                    "name": "member_of", "type": "group-membership",
                    "active": " ".join(members), "passive": self.entity_ref[group["id"]]}))
        return out

    def _name_ref(self, parent: etree._Element, entity_id: str | None, *, before: str) -> None:
        entity = self.view.entity_by_id.get(entity_id or "")
        if entity is None:
            return
        kind = entity["kind"]
        attrib = {"ref": self.entity_ref[entity["id"]]}
        if kind not in NAME_ELEMENT:
            attrib["type"] = kind
        _append_tail(parent, before)
        sub(parent, NAME_ELEMENT.get(kind, "rs"), text=entity["label"], **attrib)

    def _informant_note(self, parent: etree._Element, claim: dict[str, Any]) -> None:
        if claim.get("attributed_to") in self.entity_ref:
            self._informant_phrase(sub(parent, "note", type="informant"), claim)

    def _informant_phrase(self, parent: etree._Element, claim: dict[str, Any]) -> None:
        if claim.get("attributed_to") in self.entity_ref:
            _append_tail(parent, " told by " if len(parent) or parent.text else "told by ")
            self._name_ref(parent, claim["attributed_to"], before="")


def _is_name(text: str, names: list[str]) -> bool:
    """A mention that reads as a name (every word capitalised, or a known form), not a phrase."""
    folded = text.casefold().strip()
    if any(folded == n.casefold() for n in names):
        return True
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    return bool(words) and all(w[0].isupper() or not w[0].isalpha() for w in words)


def _append_tail(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def to_tei(data: dict[str, Any]) -> bytes:
    """The export as one TEI P5 document (UTF-8 bytes), valid against tei_all."""
    builder = TeiBuilder(ExportView(data))
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS}, attrib={_XML_LANG: "en"})
    root.append(builder.header())
    texts = builder.texts()  # first: the claims' @source point into them
    stand_off = builder.stand_off()
    if stand_off is not None:
        root.append(stand_off)
    etree.indent(root, space="  ")
    if not texts and stand_off is None:
        empty = etree.SubElement(root, tei("text"))
        etree.SubElement(etree.SubElement(empty, tei("body")), tei("p"))
    for text in texts:
        text.tail = "\n"
        root.append(text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

