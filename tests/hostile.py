"""A folder of hostile files beside good ones, built on the spot (tests and the benchmark).

Every kind of file an attacker or a careless user leaves in a folder: random bytes under every
supported suffix, truncated and self-referencing PDFs, DOCX zip bombs and entity expansions,
one enormous line, NUL bytes, a sparse 2 GiB file, symbolic links into a loop and out to
/etc/passwd, a FIFO, and good texts under names that are not UTF-8 or hold a newline.
``build_hostile`` returns which names must be stored and which must be refused or left out.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".jsonl")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class HostileFolder:
    root: Path
    good: list[Path] = field(default_factory=list)  # must each be stored once
    bad: list[Path] = field(default_factory=list)  # must each be named with a reason
    harmless: list[Path] = field(default_factory=list)  # stored (defused) or named: either


def docx_bytes(document_xml: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX archive around ``document_xml`` (deflated)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_of(text: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
    return docx_bytes(f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode())


def ratio_bomb() -> bytes:
    """A DOCX whose document part is 24 MiB of one repeated byte: compressed ~1,000 times."""
    return docx_bytes(b"<w:document xmlns:w='" + W.encode() + b"'>" + b" " * (24 << 20)
                      + b"</w:document>")


def size_bomb() -> bytes:
    """A DOCX of 300 parts of 1 MiB of zeros each, every part under the ratio check's floor
    but 300 MiB unpacked in all."""
    chunk = b"\0" * ((1 << 20) - 1)
    return docx_bytes(docx_of_xml("A cover page."),
                      extra={f"word/media/pad{i}.bin": chunk for i in range(300)})


def docx_of_xml(text: str) -> bytes:
    return (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>").encode()


def entity_bomb() -> bytes:
    """Billion laughs: entities that expand to 10^9 "lol"s if a parser resolves them."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(levels)}]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           "</w:body></w:document>")
    return docx_bytes(xml.encode())


def external_entity() -> bytes:
    """XXE: an entity naming /etc/passwd, which must never be read into the text."""
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Text &x; here</w:t></w:r></w:p>'
           "</w:body></w:document>")
    return docx_bytes(xml.encode())


def pdf_of(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


LOOPING_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
    b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
    b"trailer << /Size 3 /Root 1 0 R /Prev 116 >>\nstartxref\n116\n%%EOF\n"
)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def build_hostile(root: Path, good_texts: list[str], *, copies: int = 1,
                  seed: int = 7) -> HostileFolder:
    """``good_texts`` as good .txt/.md/.docx/.pdf files, then ``copies`` sets of hostile ones."""
    rng = random.Random(seed)
    folder = HostileFolder(root)
    root.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(good_texts):
        kind = i % 10
        if kind == 8:
            folder.good.append(write(root / "docx" / f"good-{i:04d}.docx", docx_of(text)))
        elif kind == 9 and i % 20 == 9:
            folder.good.append(write(root / "pdf" / f"good-{i:04d}.pdf", pdf_of(text)))
        else:
            suffix = ".md" if kind == 7 else ".txt"
            folder.good.append(write(root / "text" / f"good-{i:04d}{suffix}", text.encode()))
    good_text = good_texts[0]
    for copy in range(copies):
        bad = root / f"hostile-{copy:02d}"
        for suffix in SUFFIXES:
            folder.bad.append(write(bad / f"random{suffix}", rng.randbytes(4096 + copy)))
        pdf = pdf_of(f"{good_text} ({copy})")
        folder.bad.append(write(bad / "truncated.pdf", pdf[: len(pdf) // 2]))
        folder.bad.append(write(bad / "looping.pdf", LOOPING_PDF))
        folder.bad.append(write(bad / "bomb-ratio.docx", ratio_bomb()))
        folder.bad.append(write(bad / "bomb-size.docx", size_bomb()))
        folder.bad.append(write(bad / "laughs.docx", entity_bomb()))
        folder.harmless.append(write(bad / "xxe.docx", external_entity()))
        folder.bad.append(write(bad / "nul.txt", b"Text\0with\0NUL\0bytes\0" * 200))
        folder.bad.append(write(bad / "empty.txt", b""))
        folder.bad.append(write(bad / "binary.md", bytes(range(256)) * 64))
        folder.bad.append(write(bad / "longline.txt", b"a" * (3 << 20)))  # under 20 MiB
        sparse = bad / "sparse.txt"
        with sparse.open("wb") as handle:  # 2 GiB that occupy no disk
            handle.truncate(2 << 30)
        folder.bad.append(sparse)
        (bad / "loop-a.txt").symlink_to("loop-b.txt")
        (bad / "loop-b.txt").symlink_to("loop-a.txt")
        (bad / "self.txt").symlink_to("self.txt")
        (bad / "sub").mkdir()
        (bad / "sub" / "up").symlink_to("..", target_is_directory=True)
        (bad / "passwd.txt").symlink_to("/etc/passwd")
        (bad / "broken.txt").symlink_to("nowhere.txt")
        os.mkfifo(bad / "pipe.txt")
        folder.bad += [bad / name for name in ("loop-a.txt", "loop-b.txt", "self.txt",
                                               "sub/up", "passwd.txt", "broken.txt",
                                               "pipe.txt")]
        # Good content under hostile names, in hostile encodings: stored, each once.
        unique = f"{good_text} (copy {copy})"
        folder.good.append(write(bad / "utf16.txt", unique.encode("utf-16-le")))
        name = os.fsdecode(b"bad-\xff\xfe-name-" + str(copy).encode() + b".txt")
        folder.good.append(write(bad / name, f"{unique} named in bytes".encode()))
        folder.good.append(write(bad / "evil\nkartoteka: stored x.txt",
                                 f"{unique} named with a newline".encode()))
    return folder
