"""The ``kartoteka`` command. Each command parses its arguments and calls a stage function."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tqdm import tqdm

from kartoteka.cli_options import DB_OPTION
from kartoteka.cli_options import open_store as _open
from kartoteka.curate.commands import COMMANDS as CURATION_COMMANDS
from kartoteka.errors import KartotekaError
from kartoteka.web.commands import serve, user


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kartoteka")
def main() -> None:
    """kartoteka: an evidence-linked card index of people, events and fates from testimony."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only failures and summary.")
@click.option("--retry-failed", is_flag=True,
              help="Read again files whose same bytes failed before (skipped otherwise).")
@click.option("--workers", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Extraction processes (one writer stores); each holds its own models.")
@click.option("--batch", type=click.IntRange(1, 1000), default=1, show_default=True,
              help="Files stored with one cross-document step (faster; links may differ).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", help="spark: "
              "extraction as a Spark job (.[spark]; SPARK_MASTER or local[--workers]).")
@click.option("--link-at-end", is_flag=True,
              help="Store every file first, then link all profiles across documents once (as "
              "`kartoteka resolve`): for a large folder. Interrupted: run it again.")
def ingest(paths: tuple[Path, ...], db: str, quiet: bool, retry_failed: bool, workers: int,
           batch: int, engine: str, link_at_end: bool) -> None:
    """Read, extract, resolve and store files and folders (recursively).

    Each file is linked to the stored people as it goes in; with --link-at-end the files are
    stored first and every profile is linked once at the end (the same step as `kartoteka
    resolve`), which is far faster for thousands of files; until that step has run, the new
    files' people are on no card.

    A file that cannot be read is reported with its reason and recorded; the others go in. A
    file whose bytes failed before is not parsed again unless --retry-failed. Files a folder
    holds that are not read (hidden, README, other types, special files, links out of the
    folder or into a loop) are listed as skipped. Exit status: 0 when every file went in (or
    was already there), 1 when some failed, 3 when the run itself failed (a full disk, a
    crash), 2 for a usage error.
    """
    from kartoteka.pipeline import iter_source_files
    from kartoteka.sources import display_path
    from kartoteka.workers import ingest_with as run_ingest

    store = _open(db, create=True)
    counts = {"stored": 0, "unchanged": 0, "failed": 0, "skipped": 0}

    def on_skip(path: Path, reason: str) -> None:
        counts["skipped"] += 1
        click.echo(f"kartoteka: skipped: {display_path(path)}: {reason}", err=True)

    try:
        files = list(iter_source_files(paths, on_skip))
        with tqdm(total=len(files), unit="file", disable=quiet or None, file=sys.stderr,
                  desc="ingest") as bar, tqdm(total=0, unit="page", disable=quiet or None,
                                              file=sys.stderr, desc="ocr", leave=False) as pages:
            def on_page(done: int, total: int) -> None:  # a scan's pages, as OCR reads them
                if done == 1:
                    pages.reset(total=total)
                pages.update(done - pages.n)

            def on_file(result) -> None:  # noqa: ANN001
                counts[result.status] += 1
                shown = display_path(result.path)
                if result.status == "failed":  # a reason quoting the file stays one line too
                    tqdm.write(f"kartoteka: failed: {shown}: "
                               f"{display_path(result.reason or '')}", file=sys.stderr)
                for warning in result.warnings:
                    tqdm.write(f"kartoteka: warning: {shown}: {display_path(warning)}",
                               file=sys.stderr)
                bar.update(1)

            run_ingest(store, files, on_file=on_file, on_page=on_page, retry_failed=retry_failed,
                       workers=workers, batch=batch, engine=engine, defer_linking=link_at_end)
        if link_at_end:  # also after a run that stored nothing: an interrupted one's last step
            from kartoteka.pipeline import link_everything

            click.echo("linking every profile across documents…", err=True)
            with store.session(write=True) as session:
                touched, _authority = link_everything(session)
            click.echo(f"{len(touched)} entities linked", err=True)
    except Exception as exc:  # noqa: BLE001 - the run failed: a clear line and exit 3
        _run_failed("ingest", exc, counts)
    click.echo(f"stored {counts['stored']}, already present {counts['unchanged']}, "
               f"failed {counts['failed']} (of {len(files)} files); "
               f"{counts['skipped']} left out of the folders", err=True)
    store.close()
    sys.exit(1 if counts["failed"] else 0)


def _run_failed(command: str, exc: Exception, counts: dict[str, int]) -> None:
    """Report a run that could not go on (exit 3), without a traceback: what is stored stays."""
    from kartoteka.pipeline import is_disk_full

    if is_disk_full(exc):
        what = f"the disk is full or failing ({getattr(exc, 'orig', exc)})"
    else:
        what = f"{type(exc).__name__}: {exc}"
    click.echo(f"kartoteka: {command} stopped: {what}. Files stored before it are kept "
               f"(stored {counts.get('stored', 0)}); run it again to continue.", err=True)
    sys.exit(3)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "tei", "csv", "gexf", "graphml", "jsonld", "turtle"]),
              help="Export format.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file (a folder or .zip for csv); standard output when omitted.")
@click.option("--include-rejected", is_flag=True, help="Keep claims a reviewer rejected.")
def export(db: str, fmt: str, output: Path | None, include_rejected: bool) -> None:
    """Export the card index (json is kartoteka-export/1)."""
    from kartoteka.export.json import export_store

    store = _open(db)
    with store.session() as session:
        data = export_store(session, include_rejected=include_rejected)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if output is None:
            click.echo(text)
        else:
            output.write_text(text + "\n", encoding="utf-8")
        return
    from kartoteka.export.base import write_export

    if output is None and fmt == "csv":
        raise click.UsageError("--format csv needs -o FOLDER or -o FILE.zip")
    write_export(data, fmt, output)


@main.command()
@DB_OPTION
@click.option("--all", "show_all", is_flag=True,
              help="Also list people the sources only describe (\"his wife\").")
def persons(db: str, show_all: bool) -> None:
    """One row a person: preferred name, other forms, fates with dates."""
    from kartoteka.store.queries import person_rows

    store = _open(db)
    with store.session() as session:
        rows = [r for r in person_rows(session) if show_all or r.named]
    click.echo(f"{'person':32}  {'other name forms':40}  fates")
    click.echo(f"{'-' * 32}  {'-' * 40}  {'-' * 30}")
    for row in rows:
        fates = "; ".join(
            ("NOT " if pol == "negated" else "") + kind + (f" {date}" if date else "")
            for kind, date, pol in row.fates)
        forms = ", ".join(row.names)
        click.echo(f"{row.label[:32]:32}  {forms[:40]:40}  {fates}")
    click.echo(f"{len(rows)} persons", err=True)


@main.command()
@click.argument("name")
@DB_OPTION
def person(name: str, db: str) -> None:
    """The card of the person best matching NAME (any script, any spelling)."""
    from kartoteka.export.card_text import card_text
    from kartoteka.store.cards import build_card
    from kartoteka.store.search import find_entities

    store = _open(db)
    with store.session() as session:
        found = find_entities(session, name)
        if not found:
            raise click.ClickException(f"no person matches {name!r}")
        card = build_card(session, found[0][0].id)
        assert card is not None
        click.echo(card_text(card))
        if len(found) > 1:
            others = ", ".join(f"{e.label} [{e.id}]" for e, _ in found[1:6])
            click.echo(f"\nother matches: {others}")


@main.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@DB_OPTION
@click.option("--format", "fmt", default="json", show_default=True, type=click.Choice(["json"]),
              help="Format of FILE (a kartoteka-export/1 written with its texts).")
def import_(file: Path, db: str, fmt: str) -> None:
    """Read an export back into a new, empty database (ids and decisions kept)."""
    from kartoteka.store.importer import import_export

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"{file}: not readable JSON: {exc}") from exc
    store = _open(db, create=True)
    try:
        with store.session(write=True) as session:
            counts = import_export(session, data)
    except KartotekaError as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()) + " imported", err=True)


@main.command()
@DB_OPTION
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb",
              show_default=True, help="The linkage engine: Splink on DuckDB, or on Spark (pip "
              "install 'kartoteka[spark]'; KARTOTEKA_SPARK_MASTER and the other KARTOTEKA_SPARK_* "
              "variables set the cluster).")
def resolve(db: str, engine: str) -> None:
    """Re-link every profile across documents, with every human decision as a constraint.

    The person model is re-learnt from the merges reviewers accepted and rejected, and stored:
    ingest links new documents with it. With authority lists stored, the profiles are linked
    to them again too, by a model re-learnt from the links reviewers accepted and rejected."""
    from kartoteka.pipeline import link_everything
    from kartoteka.store.authority import stored_model
    from kartoteka.store.linkage_model import stored_model as stored_person_model

    store = _open(db)
    with store.session(write=True) as session:
        touched, authority = link_everything(session, backend=engine)
        person = stored_person_model(session)
        model = None
        if authority is not None:  # relinked with what reviewers' decisions taught
            linked, review = authority
            model = stored_model(session)
    click.echo(f"{len(touched)} entities resolved", err=True)
    if person is not None:
        learnt = " and ".join(person.model.get("learnt") or []) or "nothing yet"
        click.echo(f"person model recomputed on {person.profiles} profiles "
                   f"({'u and EM trained on them' if person.model.get('trained') else 'the prior'}"
                   f") from {person.model.get('accepted', 0)} accepted and "
                   f"{person.model.get('rejected', 0)} rejected merges (learnt: {learnt}); "
                   f"link threshold {person.link_threshold:.4f}; stored for ingest", err=True)
    if model is not None:
        learnt = " and ".join(model["learnt"]) or "nothing yet (prior in use)"
        click.echo(f"authority model recomputed from {model['accepted']} accepted and "
                   f"{model['rejected']} rejected links (learnt: {learnt}); {linked} persons "
                   f"linked, {review} links waiting for review", err=True)


@main.command()
@DB_OPTION
def check(db: str) -> None:
    """Check the database's integrity (read only): every mention and evidence span inside its
    text, no orphan rows, the edit log consistent. Exit status 1 when a problem is found."""
    from kartoteka.store.check import check_store

    store = _open(db)
    with store.session() as session:
        problems = check_store(session)
    for problem in problems:
        click.echo(f"kartoteka: check failed: {problem}", err=True)
    click.echo(f"{len(problems)} problem(s) found" if problems else "database is consistent",
               err=True)
    store.close()
    sys.exit(1 if problems else 0)


@main.group()
def authority() -> None:
    """Authority lists (Memorial's lists, CSV) and links of persons to their records."""


@authority.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", required=True, help="A short name for the list, e.g. memorial-moscow.")
@click.option("--format", "fmt", required=True, type=click.Choice(["memorial", "csv"]),
              help="memorial: JSON lines as Memorial's lists (id = line number); "
                   "csv: columns id, name[, birth_year, death_year, …].")
@DB_OPTION
def authority_import(file: Path, source: str, fmt: str, db: str) -> None:
    """Import an authority list and link the stored persons to it."""
    from kartoteka.relink.authority import import_records, link_persons, read_authority_file

    store = _open(db, create=True)
    try:
        with store.session(write=True) as session:
            records = tqdm(read_authority_file(file, source, fmt), unit="record",
                           desc="import", file=sys.stderr, disable=None)
            count = import_records(session, records)
            linked, review = link_persons(session, source=source)
    except KartotekaError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} records imported from {file}; {linked} persons linked, "
               f"{review} links waiting for review (kartoteka review)", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="The whole vocabulary as JSON.")
def vocabulary(as_json: bool) -> None:
    """The claim types kartoteka knows (events and relations)."""
    from kartoteka.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    if as_json:
        click.echo(json.dumps(vocab.to_dict(), ensure_ascii=False, indent=1))
        return
    for t in vocab.claim_types.values():
        click.echo(f"{t.id:16} {t.kind:8} {t.en} / {t.ru}: {t.description}")


# The web UI's commands live beside it (kartoteka.web.commands).
main.add_command(serve)
for _command in CURATION_COMMANDS:
    main.add_command(_command)
main.add_command(user)


if __name__ == "__main__":  # pragma: no cover
    main()
