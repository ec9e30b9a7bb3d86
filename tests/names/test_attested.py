import pytest

from kartoteka.names.attested import attested_surname


@pytest.mark.parametrize(("form", "attested"), [
    ("Yezhov", True), ("Ежов", True), ("Molchanov", True), ("Молчанов", True),
    ("Yerev", False), ("Morchanov", False), ("Xqzptlov", False),
])
def test_attested_surname_knows_dictionary_surnames(form: str, attested: bool) -> None:
    assert attested_surname(form) is attested


@pytest.mark.parametrize(("form", "gender"), [
    ("Marfa", "f"), ("Марфа", "f"), ("Fyokla", "f"), ("Agafya", "f"), ("Praskovya", "f"),
    ("Ustin", "m"), ("Устин", "m"), ("Yerofey", "m"),
    ("Moscow", None), ("Kolosova", None), ("Xqzpt", None), ("Ян", None),  # two letters: too few
])
def test_attested_given_name_reads_dictionary_first_names_with_their_gender(
        form: str, gender: str | None) -> None:
    from kartoteka.names.attested import attested_given_name

    assert attested_given_name(form) == gender


def test_attested_given_name_wants_the_names_own_nominative() -> None:
    # "Марфы" is a form of Марфа, not a name written as itself
    from kartoteka.names.attested import attested_given_name

    assert attested_given_name("Марфы") is None
