"""The development corpus against Memorial's Moscow list: who is linked, queued or missed.

Used by ``bench_authority.py --dev DB``. DB holds the dev texts ingested (``kartoteka ingest``);
the gold (../shared/corpus/dev/gold-facts.yaml) and the list are read at run time, never copied.

- A gold person *has a record* when a Cyrillic full name of theirs in the gold (given name,
  patronymic, surname) is the name of exactly one record whose year of death agrees with the
  gold's (when the gold dates a death or execution).
- A *trap* is a gold person given a Cyrillic full name but without a record, whose surname
  the list has (a namesake): any link of theirs is wrong.
- A gold person's profiles are those whose mentions cover an occurrence of their variants
  (``../shared/eval/score.py``, the scorer's own matching).

Two orders are run: the list imported after the texts (every profile against the whole list),
and the texts ingested after the list (each document's profiles against the records of their
blocks, as ``relink.authority.link_persons`` does on ingest).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import types
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from kartoteka.names import parse_person_name, surname_key
from kartoteka.resolve.authority import AuthorityRecord, profile_blocks, record_profiles
from kartoteka.resolve.profile import Profile

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "corpus" / "dev" / "gold-facts.yaml"
# main's resolve/authority.py before this work: the baseline, run the same way in the same run
BASELINE_COMMIT = "f3be7cb"
# Latin letters that look like Cyrillic ones, as typed into a Cyrillic record ("Hиколаевич")
LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
Linker = Callable[..., list[Any]]


# The helpers of resolve/authority.py that change with it: loaded from the same commit, or
# the baseline would score with today's evidence.
HELPERS = ("authority_evidence", "authority_model")


def _git_show(repo: Path, commit: str, path: str) -> str | None:
    done = subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{path}"],
                          capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def _load(name: str, source: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclasses look their module up
    exec(compile(source, f"{name}.py", "exec"), module.__dict__)  # noqa: S102
    return module


def baseline_linker(repo: Path, commit: str = BASELINE_COMMIT) -> Linker:
    """``link_authority`` as it was at ``commit`` (with its helper modules as they were then),
    loaded beside today's."""
    source = _git_show(repo, commit, "src/kartoteka/resolve/authority.py")
    if source is None:
        raise SystemExit(f"no resolve/authority.py at {commit}")
    today = {}
    for helper in HELPERS:
        old = _git_show(repo, commit, f"src/kartoteka/resolve/{helper}.py")
        if old is not None:  # imported by the old authority.py under its own name
            real = f"kartoteka.resolve.{helper}"
            today[real] = sys.modules.get(real)
            sys.modules[real] = _load(f"{helper}_baseline", old)
    try:
        return _load("authority_baseline", source).link_authority
    finally:
        for real, module in today.items():
            if module is None:
                sys.modules.pop(real, None)
            else:
                sys.modules[real] = module


def _norm(text: str | None) -> str:
    return (text or "").translate(LOOKALIKES).lower().replace("ё", "е")


def _full_name_key(written: str) -> tuple[str, str, str] | None:
    order = "surname-first" if "," in written else "given-first"
    name = parse_person_name(written.replace(",", " "), order=order)
    if not (name.surname and name.given and name.patronymic):
        return None
    return _norm(name.surname), _norm(name.given), _norm(name.patronymic)


def _death_years(person: dict[str, Any]) -> set[int]:
    years: set[int] = set()
    for event in person.get("events") or []:
        if event.get("type") in ("died", "executed"):
            years.update(int(y) for y in re.findall(r"\b(1[89]\d\d)\b", str(event.get("date"))))
    return years


def records_of_gold(gold: dict[str, Any], records: list[AuthorityRecord]
                    ) -> tuple[dict[str, str], set[str]]:
    """Gold person (canonical name) -> the record id of the list that is theirs; and the gold
    people the gold gives a Cyrillic full name for (whether the list has them can be told)."""
    index: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    by_id = {r.record_id: r for r in records}
    for record in records:
        for reading in record_profiles(record):
            if reading.surname and reading.given and reading.patronymic:
                key = (_norm(reading.surname), _norm(reading.given), _norm(reading.patronymic))
                index[key].add(record.record_id)
    out: dict[str, str] = {}
    judged: set[str] = set()
    for person in gold["persons"]:
        names = [person.get("cyrillic_name") or "", *person.get("variants", [])]
        keys = {k for n in names if re.search("[а-яё]", n, re.I) for k in [_full_name_key(n)] if k}
        if keys:
            judged.add(person["canonical"])
        found = set().union(*(index.get(k, set()) for k in keys)) if keys else set()
        died = _death_years(person)
        if died:
            found = {i for i in found if by_id[i].death_year in died}
        if len(found) == 1:
            out[person["canonical"]] = found.pop()
    return out, judged


def gold_profiles(session: Any, gold: dict[str, Any]) -> dict[str, set[str]]:
    """Gold person -> keys of the profiles whose mentions cover an occurrence of theirs."""
    sys.path.insert(0, str(SHARED / "eval"))
    from score import occurrences, overlaps  # the scorer's own matching

    from kartoteka.store.tables import DocumentRow, MentionRow

    docs = session.execute(select(DocumentRow.id, DocumentRow.source_path, DocumentRow.text)
                           .where(DocumentRow.superseded.is_(False))).all()
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc, start, end, key in session.execute(select(
            MentionRow.document_id, MentionRow.start, MentionRow.end, MentionRow.profile_key)):
        if key:
            mentions[doc].append((start, end, key))
    spans: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for person in gold["persons"]:
        for doc, _path, text in docs:
            for s, e, _ in occurrences(text, person.get("variants") or []):
                spans[(doc, s, e)].add(person["canonical"])
    out: dict[str, set[str]] = defaultdict(set)
    for (doc, s, e), owners in spans.items():
        if len(owners) == 1:  # a surface two gold people share tells nothing
            out[next(iter(owners))].update(
                k for ms, me, k in mentions[doc] if overlaps(s, e, ms, me))
    return out


def stored_profiles(session: Any) -> tuple[list[Profile], dict[str, str | None],
                                           dict[str, list[Profile]]]:
    """The linkable profiles, their blocks and their entities' other profiles (as relink
    passes them)."""
    from kartoteka.store.authority import entity_profiles, linkable_profiles

    rows = linkable_profiles(session)
    siblings = {key: [Profile.from_dict(m.data) for m in members]
                for key, members in entity_profiles(session, rows).items() if members}
    return ([Profile.from_dict(r.data) for r in rows], {r.key: r.block_key for r in rows},
            siblings)


def _record_block(record: AuthorityRecord) -> str | None:
    surname = parse_person_name(record.name).surname  # as relink.authority.import_records files it
    return surname_key(surname) if surname else None


def run_order(linker: Linker, profiles: list[Profile], blocks_of: dict[str, str | None],
              records: list[AuthorityRecord], *, ingest: bool, new: bool,
              siblings: dict[str, list[Profile]] | None = None) -> list[Any]:
    """All profiles against the list (imported after), or each document's against the
    records of its blocks (ingested after), as today's relink does (``new``) or main's did."""
    extra: dict[str, Any] = {"entity_profiles": siblings} if new and siblings else {}
    if not ingest:
        return linker(profiles, records, **extra)
    by_block: dict[str | None, list[AuthorityRecord]] = defaultdict(list)
    for record in records:
        by_block[_record_block(record)].append(record)
    by_doc: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        by_doc[p.document_id].append(p)
    out: list[Any] = []
    for doc in sorted(by_doc):
        batch = by_doc[doc]
        blocks = {blocks_of[p.key] for p in batch}
        if new:
            blocks |= {k for p in batch for k in profile_blocks(p)}
        subset = [r for b in blocks if b for r in by_block.get(b, [])]
        if subset:
            kwargs = {"list_sizes": {records[0].source: len(records)}} if new else {}
            out.extend(linker(batch, subset, **kwargs, **extra))
    return out


def score(matches: list[Any], truth: dict[str, str], people: dict[str, set[str]],
          traps: set[str], profiles: dict[str, Profile]) -> dict[str, Any]:
    decided: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for m in matches:
        decided[m.profile_key].append((m.record_id, m.decision))
    status: dict[str, str] = {}
    wrong: list[str] = []
    for person, record in sorted(truth.items()):
        keys = people.get(person, set())
        got = [d for k in keys for d in decided.get(k, [])]
        named = any(profiles[k].given or profiles[k].initials for k in keys if k in profiles)
        status[person] = ("linked" if (record, "linked") in got else
                          "queued" if (record, "review") in got else
                          "missed" if named else "bare surname only" if keys else "no profile")
        wrong += [f"{person}->{r}" for r, d in got if d == "linked" and r != record]
    trapped = sorted(t for t in traps if any(
        d == "linked" for k in people.get(t, ()) for _, d in decided.get(k, [])))
    return {"status": status, "wrong": wrong, "traps_linked": trapped}


def report_dev(db: str, records: list[AuthorityRecord], repo: Path,
               baseline: str = BASELINE_COMMIT) -> None:
    from kartoteka.resolve.authority import link_authority
    from kartoteka.store.session import Store

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    truth, judged = records_of_gold(gold, records)
    with Store(db).session() as session:
        profiles, blocks_of, siblings = stored_profiles(session)
        people = gold_profiles(session, gold)
    by_key = {p.key: p for p in profiles}
    list_keys = {_record_block(r) for r in records}
    traps = {person for person, keys in people.items()
             if person in judged and person not in truth and any(
        by_key[k].surname and surname_key(by_key[k].surname) in list_keys
        for k in keys if k in by_key)}
    named = sorted(p for p in truth if any(
        by_key[k].given or by_key[k].initials for k in people.get(p, ()) if k in by_key))
    print(f"dev corpus: {len(truth)} gold people have a record in the list, {len(named)} of them "
          f"named by more than a surname somewhere; {len(traps)} namesake traps")
    linkers = {f"baseline {baseline}": (baseline_linker(repo, baseline), False),
               "this tree": (link_authority, True)}
    for order, ingest in (("list imported after the texts", False),
                          ("texts ingested after the list", True)):
        print(f"-- {order}")
        for name, (linker, new) in linkers.items():
            matches = run_order(linker, profiles, blocks_of, records, ingest=ingest, new=new,
                                siblings=siblings)
            result = score(matches, truth, people, traps, by_key)
            decisions = Counter(m.decision for m in matches)
            counts = Counter(result["status"][p] for p in named)
            print(f"  {name:16} linked {counts['linked']}/{len(named)} (recall "
                  f"{counts['linked'] / max(len(named), 1):.2f}), queued {counts['queued']}, "
                  f"missed {counts['missed']}; traps linked {len(result['traps_linked'])}"
                  f" {result['traps_linked'] or ''}; wrong record {len(result['wrong'])}"
                  f" {result['wrong'] or ''}")
            print(f"    all profiles: {decisions['linked']} links, {decisions['review']} for "
                  "review; " + ", ".join(f"{p}: {result['status'][p]}" for p in named))


def importable() -> bool:
    return importlib.util.find_spec("yaml") is not None and GOLD.is_file()
