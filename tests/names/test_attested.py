import pytest

from kartoteka.names.attested import attested_surname


@pytest.mark.parametrize(("form", "attested"), [
    ("Yezhov", True), ("Ежов", True), ("Molchanov", True), ("Молчанов", True),
    ("Yerev", False), ("Morchanov", False), ("Xqzptlov", False),
])
def test_attested_surname_knows_dictionary_surnames(form: str, attested: bool) -> None:
    assert attested_surname(form) is attested
