"""Memorial record lists (kartoteka.extract.ru.records): fields, conflicts, the file as a document.

The records here are invented in the lists' two layouts; the hand-checked gold of real records
(tests/data/memorial_gold.yaml) is compared with the real files at run time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from kartoteka.extract import extract
from kartoteka.extract.ru.records import parse_memorial_record
from kartoteka.sources import read_source

GOLD = Path(__file__).resolve().parents[2] / "data" / "memorial_gold.yaml"
SHARED = Path(__file__).resolve().parents[3].parent / "shared"

MOSCOW = {
    "name": "Сидоренко (Сидоренков) Пётр Ильич",
    "record": "род. 1891, Тульская губ., Епифанский уезд, с. Дубки, украинец, член ВКП(б) с 1919, "
              "завод \"Красный пролетарий\": мастер цеха. Адрес: ул. Садовая, д.3, кв. 7. "
              "Рассстрелян 14.10.1937. Место захоронения: Бутово.",
    "page": "9.htm",
}
LISTS = {
    "source_index": 7,
    "text": "Родилась в 1902 г., Омская обл., д. Ключи; русская; б/п;\nучительница.\n"
            "Проживала: Омская обл., д. Ключи.\nАрестована  2 марта 1938 г.\n"
            "Приговорена: тройка при УНКВД по Омской обл. 9 апреля 1938 г., обв.: по ст. 58-10 "
            "УК РСФСР.\nПриговор: ВМН\nРасстреляна 20 апреля 1938 г.\n"
            "Реабилитирована 3 мая 1958 г.",
}


def test_memorial_moscow_record_fields() -> None:
    rec = parse_memorial_record(3, MOSCOW)
    assert rec.record_id == "3" and rec.layout == "moscow"
    assert rec.name is not None and (rec.name.surname, rec.name.given, rec.name.patronymic) == (
        "Сидоренко", "Пётр", "Ильич")
    assert rec.name_variants == ["Сидоренков Пётр Ильич"]
    assert (rec.birth_date, rec.birth_year, rec.nationality, rec.gender) == (
        "1891", 1891, "украинец", "m")
    assert rec.birth_place == "Тульская губ., Епифанский уезд, с. Дубки"
    assert rec.party == "член ВКП(б) с 1919"
    assert (rec.employer, rec.post) == ("завод \"Красный пролетарий\"", "мастер цеха")
    assert rec.address == "ул. Садовая, д.3, кв. 7"
    assert (rec.execution_date, rec.burial_place) == ("1937-10-14", "Бутово")


def test_memorial_lists_record_fields() -> None:
    rec = parse_memorial_record(5, LISTS)
    assert rec.name is None and rec.layout == "lists" and rec.gender == "f"
    assert (rec.birth_date, rec.birth_place, rec.nationality, rec.party) == (
        "1902", "Омская обл., д. Ключи", "русская", "б/п")
    assert rec.post == "учительница"
    assert (rec.arrest_date, rec.sentence_date, rec.execution_date, rec.rehabilitation_date) == (
        "1938-03-02", "1938-04-09", "1938-04-20", "1958-05-03")
    assert rec.sentencing_body == "тройка при УНКВД по Омской обл."
    assert (rec.article, rec.sentence) == ("ст. 58-10 УК РСФСР", "ВМН")


@pytest.mark.parametrize("record", [MOSCOW, LISTS])
def test_memorial_spans_point_at_the_values(record: dict) -> None:
    rec = parse_memorial_record(1, record)
    assert rec.spans
    for field, (start, end) in rec.spans.items():
        value = getattr(rec, field)
        if isinstance(value, str) and not re.fullmatch(r"[\d/X.-]+", value):
            assert value.split()[0] in rec.text[start:end], field


@pytest.mark.parametrize(("heading", "name", "variants"), [
    ("Иванов (Иваненко) Петр Семенович", "Иванов Петр Семенович", ["Иваненко Петр Семенович"]),
    ("Сидоров Петр Иванович (Петрович)", "Сидоров Петр Иванович", ["Сидоров Петр Петрович"]),
    ("Кузнецов Иван Ильич (Шмидт Иоганн, Шмит)", "Кузнецов Иван Ильич", ["Шмидт Иоганн", "Шмит"]),
    ("Орлова (Орлова-Ган, Ган) Анна Марковна", "Орлова Анна Марковна",
     ["Орлова-Ган Анна Марковна", "Ган Анна Марковна"]),
])
def test_memorial_name_variants(heading: str, name: str, variants: list[str]) -> None:
    rec = parse_memorial_record(1, {"name": heading, "record": "род. 1900. Рассстрелян 1.01.1938."})
    assert (rec.name_text, rec.name_variants) == (name, variants)


@pytest.mark.parametrize(("record", "field", "value", "other"), [
    ("род. 3 мая (по другим данным - июня) 1890, в Орле, русский, б/п, сторож.",
     "birth_date", "1890-05-03", "1890-06-03"),
    ("род. 1.02.1895 (по другим данным - 1893), в Орле, русский, б/п, сторож.",
     "birth_date", "1895-02-01", "1893"),
    ("род. 1895, в Орле (по другим данным - в Курске), русский, б/п, сторож.",
     "birth_place", "Орле", "Курске"),
    ("род. 1895, в Орле, русский (по другим данным - поляк), б/п, сторож.",
     "nationality", "русский", "поляк"),
])
def test_memorial_other_data_is_a_conflict_not_an_overwrite(record: str, field: str, value: str,
                                                             other: str) -> None:
    rec = parse_memorial_record(1, {"name": "Орлов Иван Иванович", "record": record})
    assert getattr(rec, field) == value
    assert rec.conflicts == [(field, other)]


def test_memorial_unlabelled_line_with_a_date_is_the_arrest() -> None:
    rec = parse_memorial_record(1, {"text": "Родился в 1900 г.\nколхозник.\n"
                                            "Омским РО НКВД 5 мая 1937 г.\n"
                                            "Приговорен: 9 июня 1937 г."})
    assert (rec.post, rec.arrest_date, rec.arrest_details, rec.sentence_date) == (
        "колхозник", "1937-05-05", "Омским РО НКВД", "1937-06-09")


def test_memorial_narrative_episodes_are_kept_apart() -> None:
    record = ("род. 1890, в Туле, русский, б/п, бухгалтер. Адрес: ул. Мира, д.1. "
              "Арестован 3 марта 1930 г. Приговорен к 3 годам ссылки Коллегией ОГПУ СССР "
              "5 мая 1930 г. Освобожден в 1932 г. Рассстрелян 1.11.1937. "
              "Место захоронения: Бутово.")
    rec = parse_memorial_record(1, {"name": "Петров Иван Иванович", "record": record})
    assert [(e.kind, e.date) for e in rec.episodes] == [
        ("arrest", "1930-03-03"), ("sentence", "1930-05-05"), ("release", "1932")]
    assert (rec.episodes[1].body, rec.episodes[1].sentence) == (
        "Коллегией ОГПУ СССР", "3 годам ссылки")
    assert rec.arrest_date is None and rec.execution_date == "1937-11-01"


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    named = dict(MOSCOW, record=MOSCOW["record"].replace(
        "род. 1891,", "род. 1891 (по другим данным - 1892),"))
    lines = [json.dumps(named, ensure_ascii=False), json.dumps(LISTS, ensure_ascii=False)]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_memorial_file_is_one_document_with_its_text_unchanged(jsonl: Path) -> None:
    ex = extract(read_source(jsonl))
    doc = ex.document
    assert doc.text == jsonl.read_text(encoding="utf-8")
    assert (doc.kind, doc.language, doc.media_type) == (
        "record-list", "ru", "application/x-ndjson")
    for m in ex.mentions:
        assert doc.text[m.start:m.end] == m.text and m.document_id == doc.id


def test_memorial_file_people_and_claims(jsonl: Path) -> None:
    ex = extract(read_source(jsonl))
    text = ex.document.text
    people = [m for m in ex.mentions if m.kind == "person"]
    assert [(m.name, m.descriptor) for m in people] == [
        ("Сидоренко Пётр Ильич", None), (None, "запись 2")]
    assert people[0].attrs["nationality"] == "украинец"
    assert people[0].attrs["burial"] == "Бутово"
    by_type = {}
    for c in ex.claims:
        by_type.setdefault((c.subject, c.type), []).append(c)
    births = by_type[(people[0].id, "birth")]
    assert sorted((c.date, c.attrs.get("conflict", False)) for c in births) == [
        ("1891", False), ("1892", True)]
    position = by_type[(people[0].id, "position")][0]
    assert position.role == "мастер цеха"
    assert ex.mention(position.object).text == "завод \\\"Красный пролетарий\\\""
    member = by_type[(people[0].id, "member_of")][0]
    assert (ex.mention(member.object).attrs["org_id"], member.date) == (
        "communist_party", "1919/..")
    execution = by_type[(people[1].id, "execution")][0]
    evidence = execution.evidence[0]
    assert execution.date == "1938-04-20" and "Расстреляна" in text[evidence.start:evidence.end]
    sentence = by_type[(people[1].id, "sentence")][0]
    assert sentence.role == "ВМН" and sentence.attrs["article"] == "ст. 58-10 УК РСФСР"
    assert ex.mention(sentence.object).attrs.get("org_id") == "troika"


def _norm(value: object) -> object:
    if isinstance(value, list | tuple):
        return sorted(_norm(v) for v in value)  # type: ignore[type-var]
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip().rstrip(".").strip().casefold()


DATE_FIELDS = ("birth_date", "arrest_date", "sentence_date", "execution_date",
               "rehabilitation_date", "release_date")
ALWAYS = ("gender", "name_variants", "birth_place", "nationality", "education", "party",
          "address", "sentencing_body", "article", "sentence", "burial_place", "conflicts",
          *DATE_FIELDS)
WHEN_GIVEN = ("charge", "arrest_details", "rehabilitation_body")


def _gold_pairs() -> list[tuple[str, dict, object]]:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    out = []
    for layout, folder in (("moscow", "memorial-moscow"), ("sample", "memorial-sample")):
        lines = (SHARED / "corpus" / folder / "records.jsonl").read_text(
            encoding="utf-8").splitlines()
        for entry in gold[layout]:
            rec = parse_memorial_record(entry["line"], json.loads(lines[entry["line"] - 1]))
            out.append((layout, entry, rec))
    return out


def test_memorial_gold_has_a_hundred_records_across_both_files() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert len(gold["moscow"]) >= 60 and len(gold["sample"]) >= 40


def test_memorial_gold_every_field() -> None:
    dated = exact = 0
    wrong: list[str] = []
    for layout, entry, rec in _gold_pairs():
        fields = list(ALWAYS) + [f for f in WHEN_GIVEN if f in entry]
        fields += ["name", "post", "employer", "other_posts"] if layout == "moscow" else [
            f for f in ("post", "employer", "occupation") if f in entry]
        for field in fields:
            if f"{field}~" in entry:
                continue
            want = entry.get(field, [] if field in ("name_variants", "other_posts",
                                                    "conflicts") else None)
            got = rec.name_text if field == "name" else getattr(rec, field)
            if field == "conflicts":
                got = [list(c) for c in got]
            same = _norm(want) == _norm(got)
            if field in DATE_FIELDS and want is not None:
                dated += 1
                exact += same
            elif not same:
                wrong.append(f"{layout}:{entry['line']}:{field}: {got!r} (gold {want!r})")
        for key in [k for k in entry if k.endswith("~")]:
            if entry[key].casefold() not in (getattr(rec, key[:-1]) or "").casefold():
                wrong.append(f"{layout}:{entry['line']}:{key}")
        if "episodes" in entry:
            if [(e["kind"], e["date"]) for e in entry["episodes"]] != [
                    (e.kind, e.date) for e in rec.episodes]:
                wrong.append(f"{layout}:{entry['line']}:episodes")
    assert dated > 150 and exact / dated >= 0.99, f"dates exact {exact}/{dated}"
    assert not wrong, "\n".join(wrong)


def test_memorial_gold_conflicts_kept() -> None:
    with_conflicts = [(entry, rec) for _, entry, rec in _gold_pairs() if entry.get("conflicts")]
    assert len(with_conflicts) >= 5
    for entry, rec in with_conflicts:
        assert _norm([list(c) for c in rec.conflicts]) == _norm(entry["conflicts"])
