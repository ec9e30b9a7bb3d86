"""Birth and death from a lifespan bracket after a name:
"Mikhail Frinovsky (Russian: …; 7 February 1898 – 4 February 1940) was …"."""

from __future__ import annotations

from kartoteka.extract.en.context import DocContext
from kartoteka.extract.en.dates import lifespan_dates
from kartoteka.model import Claim, Span

MAX_GAP = 3  # tokens between the name and "(" ("Matvei Berman (Russian: …) (April 10, …")
MAX_INSIDE = 80  # tokens


def _in_brackets(ctx: DocContext, m: object) -> bool:
    first, _ = ctx.token_range[m.id]  # type: ignore[attr-defined]
    sent = ctx.doc[first].sent
    depth = sum(1 if t.text == "(" else -1 if t.text == ")" else 0
                for t in ctx.doc[sent.start:first])
    return depth > 0


def lifespan_claims(ctx: DocContext) -> list[Claim]:
    doc, text = ctx.doc, ctx.document.text
    out: list[Claim] = []
    for m in ctx.mentions:
        if m.kind != "person" or not m.name or _in_brackets(ctx, m):
            continue  # a name inside brackets is an alias: the bracket after it is not its own
        _, k = ctx.token_range[m.id]
        budget = MAX_GAP
        while k < len(doc) and budget >= 0:
            other = ctx.at_token.get(k)
            if other is not None and other is not m and other.kind == "person":
                break  # "X married Y (born 1894)": the bracket is Y's
            if doc[k].text != "(":
                k += 1
                budget -= 1
                continue
            close = next((j for j in range(k + 1, min(len(doc), k + MAX_INSIDE))
                          if doc[j].text == ")"), None)
            if close is None:
                break
            start, end = doc[k].idx + 1, doc[close].idx
            birth, death = lifespan_dates(text[start:end])
            evidence = [Span(start, end)]
            for type_, value in (("birth", birth), ("death", death)):
                if value is not None:
                    out.append(Claim(type=type_, subject=m.id, evidence=evidence,
                                     document_id=ctx.document.id, date=value, confidence=0.9,
                                     attrs={"from": "lifespan", "trigger_at": start}))
            if birth or death:
                break
            k, budget = close + 1, 1
    return out
