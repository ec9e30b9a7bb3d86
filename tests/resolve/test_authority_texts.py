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
# The same fields as a Russian text names them.
RUSSIAN = {"medicine": "врач", "engineering": "инженер", "teaching": "учитель",
           "writing": "писатель", "accounting": "бухгалтер", "economics": "экономист",
           "clergy": "священник", "arts": "художник"}
STYLES_RU = (
    "{S} {G} {P} ({b}—{d}) — советский {occ}. Арестован в {d0} году, расстрелян в {d} году.\n",
    "Со мной в камере сидел {G} {P} {S}, {occ} из Москвы, родившийся в {b} году. Позже я узнал, "
    "что его расстреляли в {d} году.\n",
)
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
    r_ru = chosen[0]
    n_ru, (born, shot) = r_ru["name"], _years(r_ru["record"])  # type: ignore[misc]
    (folder / "ru.txt").write_text(
        f"{n_ru.surname} {n_ru.given} {n_ru.patronymic} родился в {born} году. Арестован и "
        f"расстрелян в {shot} году.\n", encoding="utf-8")
    # A bare given name and surname in a memoir, the same man's years and occupation in an
    # encyclopedia's entry ingested after it: the memoir's man is linked too.
    r = chosen[1]
    n = r["name"]
    (folder / "a-memoir-bare.txt").write_text(
        f"My father often spoke of {to_latin(n.given, scheme='popular')} "
        f"{to_latin(n.surname, scheme='popular')}, whom he had known since the war.\n",
        encoding="utf-8")
    # Russian texts in two more styles, and namesakes the list holds twice, in Russian.
    rng_ru = random.Random(seed + 1)
    others = [c for c in candidates if c not in chosen and _field(c["occupation"]) in RUSSIAN]
    russian: dict[str, str | None] = {}
    for i, r in enumerate(rng_ru.sample(others, len(STYLES_RU))):
        n, (born, shot) = r["name"], _years(r["record"])  # type: ignore[misc]
        (folder / f"ru-person-{i}.txt").write_text(STYLES_RU[i].format(
            S=n.surname, G=n.given, P=n.patronymic, b=born, d=shot, d0=shot - 1,
            occ=RUSSIAN[_field(r["occupation"])]), encoding="utf-8")  # type: ignore[index]
        russian[n.surname] = r["id"]
    taken |= {t["name"].surname for t in traps}
    for i, r in enumerate(rng_ru.sample([t for t in twins if t["name"].surname not in taken],
                                        2)):
        n = r["name"]
        (folder / f"ru-trap-{i}.txt").write_text(
            f"Среди взятых той ночью был наш сосед {n.given} {n.surname}. Больше его никто не "
            "видел.\n", encoding="utf-8")
        russian[n.surname] = None
    return {"expect": expect, "russian": (n_ru.surname, r_ru["id"]), "more_russian": russian,
            "bare_first": (to_latin(chosen[1]["name"].surname, scheme="popular"),
                           chosen[1]["id"])}


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
    return {"entities": data["entities"], "db": str(db), **written}


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


def test_authority_texts_russian_styles_link_and_russian_namesakes_never(linked: dict) -> None:  # type: ignore[type-arg]
    found = {s: _links(linked["entities"], s) for s in linked["more_russian"]}
    assert found == {s: {rid} if rid else set() for s, rid in linked["more_russian"].items()}


def test_authority_texts_a_bare_name_ingested_first_is_linked_with_its_entity(
        linked: dict) -> None:  # type: ignore[type-arg]
    """The memoir's bare "Given Surname" (ingested first) and the entry giving his years and
    occupation are one person, and each of its profiles is linked to the record."""
    surname, rid = linked["bare_first"]
    people = [e for e in linked["entities"] if e["kind"] == "person"
              and any(surname in n.replace(",", " ").split() for n in e["names"])]
    assert len(people) == 1
    assert {link["id"] for link in people[0].get("authority") or []} == {rid}
    from kartoteka.store.session import Store
    from kartoteka.store.tables import AuthorityLinkRow, DocumentRow, ProfileRow

    with Store(linked["db"]).session() as session:
        memoir = session.query(AuthorityLinkRow.record_id, AuthorityLinkRow.decision).join(
            ProfileRow, ProfileRow.key == AuthorityLinkRow.profile_key).join(
            DocumentRow, DocumentRow.id == ProfileRow.document_id).filter(
            DocumentRow.source_path.like("%a-memoir-bare.txt")).all()
    assert [tuple(row) for row in memoir] == [(rid, "linked")]
