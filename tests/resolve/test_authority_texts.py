"""Made-up short texts about people of Memorial's Moscow list, in the styles an encyclopedia, a
memoir and a trial report use, and about namesakes the list holds twice: ingested with the real
pipeline, the list imported after them. The people are picked from the list at run time (never
written into the repository); the sentences are ours. Slow: spaCy, natasha and the whole list."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.cli import main
from kartoteka.extract.ru.records import parse_memorial_record
from kartoteka.names import parse_person_name, surname_key, to_latin
from kartoteka.names.keys import given_key
from kartoteka.resolve.authority_occupations import occupation_fields

pytestmark = pytest.mark.slow

# A field of work (authority_occupations) as an English text names it.
ENGLISH = {"medicine": "doctor", "engineering": "engineer", "teaching": "teacher",
           "writing": "writer", "accounting": "accountant", "economics": "economist",
           "clergy": "priest", "arts": "artist"}
STYLES = (
    "{G} {P} {S} ({b}–{d}) was a Soviet {occ}. He was arrested in the Great Purge and shot "
    "in {d}.\n",
    "In the cell I met {G} {S}, {a_occ} from Moscow, who had been arrested a week before me. "
    "Much later I learnt that {S} was shot in {d}.\n",
    "The Military Collegium sentenced the {occ} {G} {P} {S}, born in {b}, to death, and he "
    "was shot in {d}.\n",
)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def read_list(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """Each record with its line number (the record's id), name parts and fields of work."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        raw = json.loads(line)
        name = parse_person_name(raw["name"].split("(")[0], order="surname-first")
        if not (name.surname and name.given and name.patronymic):
            continue
        occupation = parse_memorial_record(number, raw).occupation or ""
        out.append({"id": str(number), "name": name, "record": raw.get("record", ""),
                    "occupation": occupation})
    return out


def _key(name) -> str:  # type: ignore[no-untyped-def]
    return f"{surname_key(name.surname)} {given_key(name.given)}"


def _years(record: str) -> tuple[int, int] | None:
    import re

    born = re.search(r"род\. (1[89]\d\d)", record)
    shot = re.search(r"Рас+трел\w* \d\d\.\d\d\.(19\d\d)", record)
    return (int(born.group(1)), int(shot.group(1))) if born and shot else None


def _field(occupation: str) -> str | None:
    fields = [f for f in occupation_fields(occupation) if f in ENGLISH]
    return sorted(fields)[0] if len(fields) == 1 else None


def write_texts(path: Path, folder: Path, *, people: int = 6, namesakes: int = 3, seed: int = 12
                ) -> dict[str, object]:
    """The made-up texts, written into ``folder``; what each should link to."""
    records = read_list(path)
    counts = Counter(_key(r["name"]) for r in records)
    rng = random.Random(seed)
    candidates = [r for r in records if counts[_key(r["name"])] == 1 and _years(r["record"])
              and _field(r["occupation"]) and r["name"].patronymic.endswith("ич")]
    chosen = rng.sample(candidates, people)
    taken = {r["name"].surname for r in chosen}
    twins = [r for r in records if counts[_key(r["name"])] == 2
             and r["name"].patronymic.endswith("ич") and r["name"].surname not in taken]
    traps = rng.sample(twins, namesakes)
    expect: dict[str, str | None] = {}
    for i, r in enumerate(chosen):
        n, (born, shot) = r["name"], _years(r["record"])  # type: ignore[misc]
        g, p, s = (to_latin(x, scheme="popular") for x in (n.given, n.patronymic, n.surname))
        occ = ENGLISH[_field(r["occupation"])]  # type: ignore[index]
        a_occ = f"an {occ}" if occ[0] in "aeiou" else f"a {occ}"
        text = STYLES[i % len(STYLES)].format(G=g, P=p, S=s, b=born, d=shot, occ=occ,
                                              a_occ=a_occ)
        (folder / f"person-{i}.txt").write_text(text, encoding="utf-8")
        expect[s] = r["id"]
    for i, r in enumerate(traps):
        n = r["name"]
        g, s = (to_latin(x, scheme="popular") for x in (n.given, n.surname))
        (folder / f"trap-{i}.txt").write_text(
            f"Among those taken that night was {g} {s}, a neighbour of ours. Nobody saw {s} "
            "again.\n", encoding="utf-8")
        expect[s] = None
    # A Russian text: surname, given name and patronymic, and a year.
    r = chosen[0]
    n, (born, shot) = r["name"], _years(r["record"])  # type: ignore[misc]
    (folder / "ru.txt").write_text(
        f"{n.surname} {n.given} {n.patronymic} родился в {born} году. Арестован и расстрелян в "
        f"{shot} году.\n", encoding="utf-8")
    return {"expect": expect, "russian": (n.surname, r["id"])}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    shared = Path(__file__).resolve().parents[3] / "shared"
    path = shared / "corpus" / "memorial-moscow" / "records.jsonl"
    if not path.is_file():
        pytest.skip("../shared is not beside the repository")
    folder = tmp_path_factory.mktemp("texts")
    written = write_texts(path, folder)
    db = tmp_path_factory.mktemp("db") / "k.db"
    run("ingest", str(folder), "--db", str(db), "-q")
    run("authority", "import", str(path), "--source", "memorial-moscow", "--format",
        "memorial", "--db", str(db))
    data = json.loads(run("export", "--db", str(db)))
    return {"entities": data["entities"], **written}


def _links(entities: list[dict], surname: str) -> set[str]:  # type: ignore[type-arg]
    """The records linked to the people whose names have the word ``surname``."""
    return {link["id"] for e in entities if e["kind"] == "person"
            and any(surname in name.replace(",", " ").split() for name in e["names"])
            for link in e.get("authority") or []}


def test_authority_texts_people_of_the_list_link_in_every_style(linked: dict) -> None:  # type: ignore[type-arg]
    people = {s: rid for s, rid in linked["expect"].items() if rid}
    found = {s: _links(linked["entities"], s) for s in people}
    assert found == {s: {rid} for s, rid in people.items()}


def test_authority_texts_a_namesake_the_list_holds_twice_never_links(linked: dict) -> None:  # type: ignore[type-arg]
    for surname in (s for s, rid in linked["expect"].items() if rid is None):
        assert not _links(linked["entities"], surname)


def test_authority_texts_a_russian_full_name_and_year_link(linked: dict) -> None:  # type: ignore[type-arg]
    surname, rid = linked["russian"]
    assert rid in _links(linked["entities"], surname)
