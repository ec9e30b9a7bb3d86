"""Write the binary examples (examples/*.pdf, examples/*.docx) from texts held here.

    .venv/bin/python scripts/make_examples.py [--out examples]

The texts are the team's own (invented testimonies around historical facts). The output is
byte-for-byte reproducible: fixed dates in the PDF and fixed timestamps in the DOCX archive.
The PDF uses DejaVu Sans when the system has it (Debian: fonts-dejavu-core), so that dashes and
accented letters print; without it, a core font and ASCII stand-ins for those characters.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
DEJAVU_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
ASCII_STAND_INS = str.maketrans({"–": "-", "—": "-", "’": "'", "“": '"', "”": '"', "ü": "u"})

PDF_NAME = "en-statement-sokolova.pdf"
PDF_TITLE = "Statement of Vera N. Sokolova, 14 June 1956"
PDF_PARAGRAPHS = (
    "Statement of Vera Nikolaevna Sokolova, widow of a staff officer of the Far Eastern Army, "
    "recorded at the Khabarovsk regional prosecutor's office on 14 June 1956",
    "My husband, Major Andrei Ivanovich Sokolov, served on the staff of the Special Red Banner "
    "Far Eastern Army in Khabarovsk from 1935. The army was commanded by Marshal Vasily "
    "Blyukher (1 December 1889 – 9 November 1938). My husband admired him, and a portrait of the "
    "Marshal hung in our room until the summer of 1938.",
    "In the early summer of 1938 Lev Mekhlis and the deputy people's commissar Frinovsky arrived "
    "from Moscow. Arrests on the staff began within days. My husband was not arrested at that "
    "time: he was sent to a regiment near Lake Khasan and was in the fighting there in August "
    "1938. He was taken from our flat on 2 October 1938, three weeks before the Marshal himself "
    "was arrested on 22 October 1938.",
    "In 1955 I met a man who had shared a cell with my husband in the winter of 1938. He told me "
    "that Andrei was questioned night after night by investigators who wanted him to sign "
    "statements against Blucher, and that he refused. The foreign radio we listened to during "
    "the war called the Marshal Blücher; in the papers of 1938 he was not named at all.",
    "On 14 January 1940 I was told at the reception office that my husband had been sentenced "
    "to ten years without the right of correspondence. The certificate I received this year gives "
    "the date of his death as 27 February 1939 and names no place.",
    "I ask that my husband's case be reviewed and his good name restored.",
)

DOCX_NAME = "ru-vospominaniya-lapina.docx"
DOCX_TITLE = "Воспоминания о семье Лапиных"
DOCX_AUTHOR = "Н. Г. Лапина"
DOCX_PARAGRAPHS = (
    "Воспоминания о семье Лапиных",
    "Мой отец, Лапин Григорий Маркович, служил в экономическом отделе ГУГБ НКВД с 1932 года. "
    "При Ягоде он получил орден, при Ежове — арест.",
    "Осенью 1937 года отец почти перестал ночевать дома: говорил, что в отделе идут бесконечные "
    "совещания. 11 декабря 1937 года он ушёл на службу и не вернулся. Через два дня к нам пришли "
    "с обыском и забрали его книги и письма.",
    "Мама много недель ходила на Кузнецкий мост, в приёмную НКВД. Там ей сказали, что отец "
    "осуждён «на десять лет без права переписки». Только в 1989 году мы узнали, что его "
    "расстреляли 20 февраля 1938 года.",
    "Лапины по отцовской линии были большой семьёй, и почти всех их коснулась та осень. Дядя "
    "Миша, младший брат отца, тоже работал в органах, но его тогда не арестовали: в 1938 году его "
    "перевели в Норильлаг. Он рассказывал мне, что после снятия Н. И. Ежова многих следователей "
    "самих судили, а в лагере говорили, будто Ежова расстреляли ещё в 1939 году. Это оказалось "
    "неправдой: Ежов был расстрелян 4 февраля 1940 года.",
    "Ниже — то, что мне удалось узнать о судьбах нашей семьи.",
)
DOCX_TABLE = (
    ("Имя", "Годы жизни", "Судьба"),
    ("Лапин Григорий Маркович", "1898–1938", "арестован 11.12.1937, расстрелян 20.02.1938"),
    ("Лапина (урожд. Гольдберг) Эсфирь Львовна", "1902–1979", "ссылка в Казахстан, 1938–1946"),
    ("Лапин Михаил Маркович", "1905–1971", "не арестовывался; служил в Норильлаге"),
    ("Лапина Нина Григорьевна", "род. 1928", "автор этих воспоминаний"),
)


def make_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(PDF_TITLE)
    pdf.set_author("kartoteka examples")
    font = next((candidate for candidate in DEJAVU_CANDIDATES if candidate.exists()), None)
    if font is not None:
        pdf.add_font("DejaVu", fname=str(font))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for index, paragraph in enumerate(PDF_PARAGRAPHS):
        text = paragraph if font is not None else paragraph.translate(ASCII_STAND_INS)
        pdf.multi_cell(0, 6, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4 if index else 6)
    pdf.output(str(path))


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = DOCX_TITLE
    document.core_properties.author = DOCX_AUTHOR
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.last_modified_by = DOCX_AUTHOR
    heading, *paragraphs = DOCX_PARAGRAPHS
    document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=len(DOCX_TABLE[0]))
    for row in DOCX_TABLE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_with_fixed_timestamps(buffer.getvalue()))


def _with_fixed_timestamps(archive: bytes) -> bytes:
    """The same zip with every member dated 1980-01-01, so that a re-run gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=EXAMPLES)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    make_pdf(args.out / PDF_NAME)
    make_docx(args.out / DOCX_NAME)
    print(f"wrote {args.out / PDF_NAME} and {args.out / DOCX_NAME}")


if __name__ == "__main__":
    main()
