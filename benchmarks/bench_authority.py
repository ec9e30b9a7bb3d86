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
With ``--schemes N``: N people of the list given as a text gives them at best (full name and
both years) under every romanisation scheme, two namesakes beside each, linked by the baseline
and by this tree.
Usage: python benchmarks/bench_authority.py [--n 10000] [--seed 11] [--dev DB] [--schemes N]
       [--baseline COMMIT]
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
# The schemes of the full-name check (--schemes): every one to_latin writes.
SCHEME_CHECK = ("popular", "bgn", "alalc", "iso9", "scholarly", "german", "french")


def load_list() -> list[AuthorityRecord]:
    from kartoteka.relink.authority import read_authority_file

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


def _full_name(record: AuthorityRecord) -> tuple[str, str, str] | None:
    name = parse_person_name(record.name.split("(")[0], order="surname-first")
    if name.surname and name.given and name.patronymic:
        return name.surname, name.given, name.patronymic
    return None


def scheme_profiles(records: list[AuthorityRecord], n: int, seed: int
                    ) -> tuple[list[Profile], dict[str, str | None]]:
    """``n`` people of the list written as an English text gives them at best: full name
    (given name, patronymic, surname) and both years, under every scheme of ``SCHEME_CHECK``;
    beside each, two namesakes (traps): another patronymic, or the same names born six years
    apart and dead in another year."""
    rng = random.Random(seed)
    people = [r for r in records if _full_name(r) and r.birth_year and r.death_year]
    profiles: list[Profile] = []
    truth: dict[str, str | None] = {}
    patronymics = sorted({name[2] for r in people if (name := _full_name(r))})
    for record in rng.sample(people, n):
        surname, given, patronymic = _full_name(record)  # type: ignore[misc]
        other = rng.choice([p for p in patronymics if p[:2] != patronymic[:2]])
        forms = [(patronymic, record.birth_year, record.death_year, record.record_id),
                 (other, record.birth_year, record.death_year, None),
                 (patronymic, (record.birth_year or 0) - 6, (record.death_year or 0) + 2, None)]
        for scheme in SCHEME_CHECK:
            for i, (patr, born, died, rid) in enumerate(forms):
                g, pt, sn = (_write(x, scheme) or "" for x in (given, patr, surname))
                key = f"{scheme}:{record.record_id}:{i}"
                label = f"{g} {pt} {sn}"
                profiles.append(Profile(key=key, document_id=f"bench-{scheme}", kind="person",
                                        label=label, names=[label], surname=sn, given=g,
                                        patronymic=pt, birth_year=born, death_year=died))
                truth[key] = rid
    return profiles, truth


def report_schemes(records: list[AuthorityRecord], n: int, seed: int, baseline: str) -> None:
    from authority_dev import baseline_linker

    from kartoteka.resolve.authority import link_authority

    profiles, truth = scheme_profiles(records, n, seed)
    print(f"full name and both years, {n} people of the list under each scheme, two namesake "
          "traps beside each")
    repo = Path(__file__).resolve().parents[1]
    for name, linker in ((f"baseline {baseline}", baseline_linker(repo, baseline)),
                         ("this tree", link_authority)):
        print(f"-- {name}")
        matches = linker(profiles, records)
        _scheme_lines(profiles, truth, {(m.profile_key, m.record_id) for m in matches
                                        if m.decision == "linked"})


def _scheme_lines(profiles: list[Profile], truth: dict[str, str | None],
                  linked: set[tuple[str, str]]) -> None:
    for scheme in SCHEME_CHECK:
        keys = [k for k in truth if k.startswith(f"{scheme}:")]
        people = [k for k in keys if truth[k]]
        right = [k for k in people if (k, truth[k]) in linked]
        traps = [k for k in keys if not truth[k] and any(p == k for p, _ in linked)]
        wrong = [k for k in people if any(p == k and r != truth[k] for p, r in linked)]
        missed = [profiles_label for k in people if k not in right
                  for profiles_label in [next(p.label for p in profiles if p.key == k)]]
        print(f"  {scheme:10} linked {len(right)}/{len(people)}, traps linked {len(traps)}/"
              f"{len(keys) - len(people)}, wrong record {len(wrong)}"
              + (f"; missed: {', '.join(missed[:4])}" if missed else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of persons")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dev", metavar="DB", help="a database holding the dev texts")
    parser.add_argument("--schemes", type=int, metavar="N",
                        help="check N people of the list, full name and years, per scheme")
    parser.add_argument("--baseline", default=None, metavar="COMMIT",
                        help="the commit whose linker runs beside this tree's (--dev, --schemes)")
    args = parser.parse_args()
    if not (LIST / "records.jsonl").is_file():
        sys.exit(f"{LIST} is missing")
    from authority_dev import BASELINE_COMMIT

    baseline = args.baseline or BASELINE_COMMIT
    if args.schemes:
        report_schemes(load_list(), args.schemes, args.seed, baseline)
        return
    if args.dev:
        from authority_dev import importable, report_dev

        if not importable():
            sys.exit("the dev gold (../shared/corpus/dev) or PyYAML is missing")
        report_dev(args.dev, load_list(), Path(__file__).resolve().parents[1], baseline)
        return
    with mp.get_context("spawn").Pool(1) as pool:
        report(pool.apply(run, (args.n, args.seed)))


if __name__ == "__main__":
    main()
