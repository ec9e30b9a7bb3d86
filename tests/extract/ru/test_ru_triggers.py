"""The Russian trigger table (kartoteka.extract.ru.triggers) against the claim vocabulary."""

from __future__ import annotations

import re

import pytest

from kartoteka.extract.ru.triggers import AGENT, NOMINAL, PATIENT, TRIGGERS
from kartoteka.vocabulary import load_vocabulary


def test_ru_triggers_keys_are_claim_types() -> None:
    vocabulary = load_vocabulary()
    assert set(TRIGGERS) <= set(vocabulary.claim_types)


@pytest.mark.parametrize("type_id", sorted(TRIGGERS))
def test_ru_triggers_patterns_compile_and_name_an_argument(type_id: str) -> None:
    for trigger in TRIGGERS[type_id]:
        re.compile(trigger.pattern)
        assert trigger.argument in (AGENT, PATIENT, NOMINAL)
        assert 0 < trigger.confidence <= 1


@pytest.mark.parametrize(("phrase", "type_id"), [
    ("был расстрелян", "execution"), ("расстреляна", "execution"),
    ("приговорен к ВМН", "sentence"), ("приговорена к высшей мере наказания", "sentence"),
    ("арестован", "arrest"), ("арестована", "arrest"), ("осужден тройкой", "trial"),
    ("бежал за границу", "defection"), ("перешел границу", "defection"),
    ("стал невозвращенцем", "defection"), ("назначен наркомом", "appointment"),
    ("снят с должности", "dismissal"), ("освобожден", "release"),
    ("реабилитирован", "rehabilitation"), ("покончил с собой", "suicide"),
    ("застрелился", "suicide"), ("умер", "death"), ("скончалась", "death"),
    ("родился", "birth"), ("пытался покончить с собой", "suicide_attempt"),
])
def test_ru_triggers_each_phrase_has_its_type(phrase: str, type_id: str) -> None:
    text = phrase.lower()
    hits = [t for t, triggers in TRIGGERS.items() for trig in triggers
            if re.search(rf"(?<![\w-])(?:{trig.pattern})(?![\w-])", text)]
    assert type_id in hits


def test_ru_triggers_dismissal_is_not_a_release() -> None:
    text = "освобожден от должности"
    release = [trig for trig in TRIGGERS["release"]
               if re.search(rf"(?<![\w-])(?:{trig.pattern})(?![\w-])", text)]
    assert release == []
