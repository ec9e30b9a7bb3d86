"""Linking 10,000 synthetic persons against Memorial's Moscow list (11,788 records).

A quarter of the persons are people of the list, written as other documents would write them
(another script or transliteration, a patronymic dropped, initials, a bare surname, years
missing or off by one, l/r noise); a tenth are namesakes (a surname of the list with another
given name, patronymic and birth year); the rest are synthetic people not in the list. Prints
the time and peak memory of ``link_authority`` (in a fresh process) and the precision and recall
of its links. Needs ../shared/corpus/memorial-moscow; the records are parsed with
``kartoteka.extract.ru.records``.

With ``--dev DB`` (the development corpus ingested into DB, e.g. by ``kartoteka ingest``) it
reports instead, for the gold people who have a record in the list, how many are linked, queued
or missed, and how many namesake traps are linked, beside main's linker run the same way
(``authority_dev.py``).
Usage: python benchmarks/bench_authority.py [--n 10000] [--seed 11] [--dev DB]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import PersonGenerator, render_profile  # noqa: E402

from kartoteka.names import parse_person_name, to_latin  # noqa: E402
from kartoteka.resolve.authority import AuthorityRecord  # noqa: E402
from kartoteka.resolve.profile import Profile  # noqa: E402

LIST = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "memorial-moscow"
SOURCE = "memorial-moscow"
SCHEMES = ("cyrillic", "cyrillic", "bgn", "bgn", "alalc", "german", "french")


def load_list() -> list[AuthorityRecord]:
    from kartoteka.relink import read_authority_file

    return list(read_authority_file(LIST / "records.jsonl", SOURCE, "memorial"))


def _write(text: str | None, scheme: str) -> str | None:
    if not text or scheme == "cyrillic":
        return text
    return to_latin(text, scheme=scheme)


def _year(value: int | None, rng: random.Random) -> int | None:
    if value is None or rng.random() < 0.5:
        return None
    return value + (rng.choice((-1, 1)) if rng.random() < 0.1 else 0)


def from_list(record: AuthorityRecord, key: str, rng: random.Random) -> Profile:
    """How another document might name a person of the list."""
    name = parse_person_name(record.name.split("(")[0], order="surname-first")
    scheme = rng.choice(SCHEMES)
    surname = _write(name.surname, scheme) or ""
    if scheme != "cyrillic" and rng.random() < 0.03:
        surname = surname.replace("l", "r", 1)
    given, patronymic = _write(name.given, scheme), _write(name.patronymic, scheme)
    initials: tuple[str, ...] = ()
    form = rng.random()
    if form < 0.10:
        given = patronymic = None
    elif form < 0.25 and given:
        initials = (given[0],) + ((patronymic[0],) if patronymic else ())
        given = patronymic = None
    elif form < 0.65:
        patronymic = None
    label = " ".join(p for p in (given, patronymic, surname) if p)
    return Profile(
        key=key, document_id="bench", kind="person", label=label, names=[label],
        surname=surname, given=given, patronymic=patronymic, initials=initials,
        gender=record.extra.get("gender") if rng.random() < 0.5 else None,
        birth_year=_year(record.birth_year, rng), death_year=_year(record.death_year, rng),
    )


def namesake(record: AuthorityRecord, key: str, rng: random.Random,
             gen: PersonGenerator) -> Profile:
    """Someone else with a surname of the list."""
    other = gen.person(0)
    name = parse_person_name(record.name.split("(")[0], order="surname-first")
    scheme = rng.choice(SCHEMES)
    given = _write(other.given if other.given != name.given else "Арнольд", scheme)
    surname = _write(name.surname, scheme) or ""
    return Profile(key=key, document_id="bench", kind="person", label=f"{given} {surname}",
                   names=[f"{given} {surname}"], surname=surname, given=given,
                   birth_year=other.birth_year if rng.random() < 0.5 else None)


def build_profiles(
    records: list[AuthorityRecord], n: int, seed: int
) -> tuple[list[Profile], dict[str, str | None]]:
    rng = random.Random(seed)
    gen = PersonGenerator(seed)
    profiles: list[Profile] = []
    truth: dict[str, str | None] = {}
    for i in range(n):
        key = f"q{i:06d}"
        roll = rng.random()
        record = rng.choice(records)
        if roll < 0.25:
            profiles.append(from_list(record, key, rng))
            truth[key] = record.record_id
        elif roll < 0.35:
            profiles.append(namesake(record, key, rng, gen))
            truth[key] = None
        else:
            profiles.append(render_profile(gen.person(i), key, rng))
            truth[key] = None
    return profiles, truth


def run(n: int, seed: int) -> dict[str, Any]:
    from kartoteka.resolve.authority import link_authority

    records = load_list()
    profiles, truth = build_profiles(records, n, seed)
    rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    matches = link_authority(profiles, records)
    seconds = time.perf_counter() - start
    forms = {p.key: ("bare surname" if not (p.given or p.initials) else
                     "initials" if not p.given else
                     "with patronymic" if p.patronymic else "given + surname")
             for p in profiles}
    return {
        "seconds": seconds, "rss_data": rss_data,
        "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "matches": [(m.profile_key, m.record_id, m.decision) for m in matches],
        "truth": truth, "forms": forms, "n_records": len(records),
    }


def report(result: dict[str, Any]) -> None:
    truth, forms = result["truth"], result["forms"]
    links = [(p, r) for p, r, d in result["matches"] if d == "linked"]
    reviews = [(p, r) for p, r, d in result["matches"] if d == "review"]
    correct = sum(truth[p] == r for p, r in links)
    in_list = [p for p, r in truth.items() if r is not None]
    reviewed_right = {p for p, r in reviews if truth[p] == r}
    print(f"{len(truth)} persons ({len(in_list)} in the list) against "
          f"{result['n_records']} records: {result['seconds']:.1f} s, peak RSS "
          f"{result['rss_peak']:.0f} MB (list and persons alone {result['rss_data']:.0f} MB)")
    precision = correct / len(links) if links else 1.0
    print(f"links {len(links)}: precision {precision:.3f}, recall {correct / len(in_list):.3f}; "
          f"review {len(reviews)} (right record among them for {len(reviewed_right)}); "
          f"recall of links + review "
          f"{(correct + len(reviewed_right - {p for p, _ in links})) / len(in_list):.3f}")
    wrong = Counter("namesake/not in list" if truth[p] is None else "other record of the list"
                    for p, r in links if truth[p] != r)
    print(f"wrong links: {dict(wrong) or 0}")
    linked_right = {p for p, r in links if truth[p] == r}
    by_form = Counter(forms[p] for p in in_list)
    hits = Counter(forms[p] for p in linked_right)
    print("recall by how the person is named: " + ", ".join(
        f"{form} {hits[form] / count:.2f} (n={count})" for form, count in sorted(by_form.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of persons")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dev", metavar="DB", help="a database holding the dev texts")
    args = parser.parse_args()
    if not (LIST / "records.jsonl").is_file():
        sys.exit(f"{LIST} is missing")
    if args.dev:
        from authority_dev import importable, report_dev

        if not importable():
            sys.exit("the dev gold (../shared/corpus/dev) or PyYAML is missing")
        report_dev(args.dev, load_list(), Path(__file__).resolve().parents[1])
        return
    with mp.get_context("spawn").Pool(1) as pool:
        report(pool.apply(run, (args.n, args.seed)))


if __name__ == "__main__":
    main()
