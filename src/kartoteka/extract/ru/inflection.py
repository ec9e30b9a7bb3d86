"""Russian name forms back to the nominative: surnames by paradigm, given names and patronymics
through pymorphy3.

A surname's case ending depends on its type and on the bearer's sex (Ежов/Ежова/Ежову for a man,
Ежова/Ежовой/Ежову for a woman), so every function takes the case and gender the context gave.
Cases are pymorphy3's: nomn gent datv accs ablt loct.
"""

from __future__ import annotations

from functools import lru_cache

from kartoteka.extract.ru import morph

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
            "Loc": "loct"}

# (nominative ending, gender, oblique endings by case). Data; the longest matching ending wins.
_OV = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}
_OVA = {"gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"}
_SKY = {"gent": "ого", "datv": "ому", "accs": "ого", "ablt": "им", "loct": "ом"}
_SKAYA = {"gent": "ой", "datv": "ой", "accs": "ую", "ablt": "ой", "loct": "ой"}
PARADIGMS: tuple[tuple[str, str, dict[str, str]], ...] = (
    *((end, "m", {c: end + e for c, e in _OV.items()}) for end in ("ов", "ев", "ёв", "ин", "ын")),
    *((end + "а", "f", {c: end + e for c, e in _OVA.items()})
      for end in ("ов", "ев", "ёв", "ин", "ын")),
    *((end + "ий", "m", {c: end + e for c, e in _SKY.items()}) for end in ("ск", "цк")),
    *((end + "ая", "f", {c: end + e for c, e in _SKAYA.items()}) for end in ("ск", "цк")),
    ("ой", "m", {"gent": "ого", "datv": "ому", "accs": "ого", "ablt": "ым", "loct": "ом"}),
    ("ый", "m", {"gent": "ого", "datv": "ому", "accs": "ого", "ablt": "ым", "loct": "ом"}),
    ("ий", "m", {"gent": "ия", "datv": "ию", "accs": "ия", "ablt": "ием", "loct": "ии"}),
    ("ай", "m", {"gent": "ая", "datv": "аю", "accs": "ая", "ablt": "аем", "loct": "ае"}),
    ("ей", "m", {"gent": "ея", "datv": "ею", "accs": "ея", "ablt": "еем", "loct": "ее"}),
    ("а", "m", {"gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"}),
    ("а", "f", {"gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"}),
    ("я", "m", {"gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}),
    ("я", "f", {"gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}),
    ("ь", "m", {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}),
    ("", "m", {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}),
)
# After these letters the 1st declension writes и, not ы ("Ягоды" but "Кулики").
_SOFTENING = "гкхжшчщ"
# Oblique endings that only a declined surname has; other final -и/-е/-у/-ю/-о may be indeclinable.
STRONG_OBLIQUE = ("ову", "еву", "ёву", "ину", "ыну", "ове", "еве", "ёве", "ине", "ыне", "ого",
                  "ому", "ию", "ии", "ею", "аю", "ое")
PATRONYMIC_ENDINGS = {
    "m": {"gent": "а", "datv": "у", "accs": "а", "ablt": "ем", "loct": "е"},
    "f": {"gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"},
}


def _match_case(word: str, letters: str) -> str:
    """Put ``letters`` into the letter case of ``word`` (ЯГОДЫ -> ЯГОДА, Ягоды -> Ягода)."""
    if word.isupper() and len(word) > 1:
        return letters.upper()
    if word[:1].isupper():
        return letters[:1].upper() + letters[1:]
    return letters


def _no_yo(original: str, word: str) -> str:
    return word.replace("ё", "е").replace("Ё", "Е") if "ё" not in original.lower() else word


@lru_cache(maxsize=50_000)
def surname_candidates(word: str, case: str, gender: str | None) -> tuple[str, ...]:
    """Nominatives ``word`` may be the ``case`` form of, most likely first."""
    if case == "nomn":
        return (word,)
    lower = word.lower()
    found: list[tuple[int, str]] = []
    for nom_end, sex, forms in PARADIGMS:
        if gender and sex != gender:
            continue
        ending = forms.get(case)
        if ending is None:
            continue
        endings = [ending]
        if nom_end in ("а", "я") and case == "gent":
            endings.append("и")
        if nom_end == "" and case == "ablt":
            endings.append("ем")
        for end in endings:
            stem_len = len(lower) - len(end)
            if lower.endswith(end) and stem_len >= 2:
                stem = lower[:stem_len]
                if nom_end in ("а",) and end == "ы" and stem[-1] in _SOFTENING:
                    continue
                if nom_end == "" and stem[-1] in "аеёиоуыэюяйь":
                    continue
                found.append((len(end) + len(nom_end), stem + nom_end))
    if not found:
        return (word,)  # "Меерзон" (a woman), "Барченко": these do not decline
    ordered = [w for _, w in sorted(found, key=lambda item: -item[0])]
    known = [w for w in ordered if morph.has_tag(w, "Surn")]
    if lower[-1] in "иеуюо" and not lower.endswith(STRONG_OBLIQUE):
        # "Фраучи", "Ренуччи" do not decline; "Ягоду", "Берии" do: trust only known nominatives
        known = known or [w for w in ordered if any(p.is_known and p.normal_form == w
                                                    for p in morph.parses(w))]
        if not known:
            return (word,)
        ordered = known
    out = list(dict.fromkeys(known + ordered))
    return tuple(_match_case(word, w) for w in out)


@lru_cache(maxsize=50_000)
def given_nominative(word: str, case: str | None, gender: str | None) -> str:
    """A given name in the nominative ("Георгия" -> "Георгий", "Хаи" -> "Хая")."""
    readings = [p for p in morph.parses(word) if "Name" in p.tag]
    if case:
        readings = [p for p in readings if p.tag.case == case]
        if not readings and case != "nomn":  # a name the dictionary lacks ("Менделя")
            return _no_yo(word, surname_candidates(word, case, gender or "m")[0])
    if gender:
        readings = [p for p in readings if p.tag.gender == ("masc" if gender == "m" else "femn")
                    ] or readings
    for p in readings:
        form = p.inflect({"nomn", "sing"})
        if form is not None:
            return _no_yo(word, _match_case(word, form.word))
    return word


@lru_cache(maxsize=50_000)
def patronymic_nominative(word: str, case: str | None, gender: str | None) -> str:
    """"Евгеньевича" -> "Евгеньевич", "Ивановной" -> "Ивановна"."""
    lower = word.lower()
    sex = gender or ("f" if lower.rstrip("аыуеой").endswith(("овн", "евн", "ичн")) else "m")
    if sex == "m":
        for end in ("ем", "а", "у", "е"):
            if lower.endswith("ич" + end):
                return _match_case(word, lower[: -len(end)])
        return word
    for end in ("ой", "ы", "е", "у"):
        if lower.endswith("н" + end):
            return _match_case(word, lower[: -len(end)] + "а")
    return word


def ud_case(feats: dict[str, str]) -> str | None:
    return UD_CASES.get(feats.get("Case", ""))


def ud_gender(feats: dict[str, str]) -> str | None:
    return {"Masc": "m", "Fem": "f"}.get(feats.get("Gender", ""))
