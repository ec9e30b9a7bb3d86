"""The curators' commands: ``review``, ``edits``, ``merge``, ``split``, ``undo``, ``claim``.

``kartoteka.cli`` adds them to the ``kartoteka`` group; they live here, beside the actions they
run (``curate.actions``), and write through a writer's session like the web UI's curation.
"""

from __future__ import annotations

import os

import click

from kartoteka.cli_options import DB_OPTION, open_store


def _feature(name: str, value: object) -> str:
    """A comparison as level and weight in bits (surname=exact +9.3), anything else as is."""
    if isinstance(value, dict) and "level" in value:
        return f"{name}={value['level']} {float(value.get('weight') or 0.0):+.1f}"
    return f"{name}={value}"


@click.command()
@DB_OPTION
@click.option("--limit", default=50, show_default=True, help="How many items to list.")
def review(db: str, limit: int) -> None:
    """The review queue: uncertain merges and authority links, with the features behind them."""
    from kartoteka.store.review import review_queue

    store = open_store(db)
    with store.session() as session:
        items = review_queue(session, limit=limit)
    if not items:
        click.echo("nothing to review")
    for item in items:
        click.echo(f"[{item.kind}] {item.probability:.2f}  {item.left}  ⇄  {item.right}")
        if item.features:
            shown = [_feature(k, v) for k, v in item.features.items()
                     if not (isinstance(v, dict) and v.get("level") == "null")]
            click.echo("      " + ", ".join(shown))


@click.command()
@DB_OPTION
def edits(db: str) -> None:
    """Every human decision, oldest first (the audit trail)."""
    from kartoteka.curate.edits import active_edits, all_edits

    store = open_store(db)
    with store.session() as session:
        in_force = {e.id for e in active_edits(session)}
        for e in all_edits(session):
            state = "in force" if e.id in in_force else ("undo" if e.action == "undo"
                                                         else "reverted")
            click.echo(f"{e.id:5} {e.at:%Y-%m-%d %H:%M} {e.user:12} {e.action:15} "
                       f"{e.target}  ({state})")


def _curate(db: str, action, *args, **kwargs) -> None:  # noqa: ANN001
    from kartoteka.curate.actions import CurationError

    store = open_store(db)
    try:
        with store.session(write=True) as session:
            edit = action(session, *args, **kwargs)
            click.echo(f"edit {edit.id}: {edit.action} {edit.target}")
    except CurationError as exc:
        raise click.ClickException(str(exc)) from exc


USER_OPTION = click.option("--user", default=lambda: os.environ.get("USER", "cli"),
                           show_default="$USER", help="Who makes the decision.")


@click.command()
@click.argument("keep")
@click.argument("other")
@DB_OPTION
@USER_OPTION
def merge(keep: str, other: str, db: str, user: str) -> None:
    """Entities KEEP and OTHER are one person (kept through every re-run)."""
    from kartoteka.curate.actions import merge_entities

    _curate(db, merge_entities, keep, other, user=user)


@click.command()
@click.argument("entity")
@click.argument("profiles", nargs=-1, required=True)
@DB_OPTION
@USER_OPTION
def split(entity: str, profiles: tuple[str, ...], db: str, user: str) -> None:
    """PROFILES of ENTITY are someone else (kept apart through every re-run)."""
    from kartoteka.curate.actions import split_entity

    _curate(db, split_entity, entity, list(profiles), user=user)


@click.command()
@click.argument("edit_id", type=int)
@DB_OPTION
@USER_OPTION
def undo(edit_id: int, db: str, user: str) -> None:
    """Revert edit EDIT_ID (itself recorded as an edit)."""
    from kartoteka.curate.actions import undo as undo_edit

    _curate(db, undo_edit, edit_id, user=user)


@click.command()
@click.argument("claim_id")
@click.argument("status", type=click.Choice(["accepted", "rejected", "proposed"]))
@DB_OPTION
@USER_OPTION
def claim(claim_id: str, status: str, db: str, user: str) -> None:
    """Accept or reject claim CLAIM_ID."""
    from kartoteka.curate.actions import set_claim_status

    _curate(db, set_claim_status, claim_id, status, user=user)


COMMANDS = (review, edits, merge, split, undo, claim)
