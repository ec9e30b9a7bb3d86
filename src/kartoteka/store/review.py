"""The review queue: what the pipeline was unsure of, with the features that scored it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kartoteka.store.tables import AuthorityLinkRow, AuthorityRecordRow, LinkRow, ProfileRow


@dataclass
class ReviewItem:
    kind: str  # "merge" | "authority"
    left: str  # profile key: label
    right: str
    probability: float
    keys: tuple[str, str, str] = ("", "", "")  # (profile a, profile b | source, record id)
    features: dict[str, Any] = field(default_factory=dict)


def review_queue(session: Session, *, limit: int = 50) -> list[ReviewItem]:
    labels = dict(session.execute(select(ProfileRow.key, ProfileRow.label)).all())
    items: list[ReviewItem] = []
    for link in session.scalars(select(LinkRow).where(LinkRow.decision == "review")
                                .order_by(LinkRow.probability.desc()).limit(limit)):
        items.append(ReviewItem("merge", f"{labels.get(link.a, link.a)} [{link.a}]",
                                f"{labels.get(link.b, link.b)} [{link.b}]", link.probability,
                                (link.a, link.b, ""), link.features))
    rows = session.execute(
        select(AuthorityLinkRow, AuthorityRecordRow.name)
        .join(AuthorityRecordRow, (AuthorityRecordRow.source == AuthorityLinkRow.source)
              & (AuthorityRecordRow.record_id == AuthorityLinkRow.record_id), isouter=True)
        .where(AuthorityLinkRow.decision == "review")
        .order_by(AuthorityLinkRow.probability.desc()).limit(limit))
    for link, name in rows:
        items.append(ReviewItem(
            "authority", f"{labels.get(link.profile_key, link.profile_key)} "
            f"[{link.profile_key}]", f"{link.source}:{link.record_id} {name or ''}".strip(),
            link.probability, (link.profile_key, link.source, link.record_id), link.features))
    items.sort(key=lambda i: -i.probability)
    return items[:limit]
