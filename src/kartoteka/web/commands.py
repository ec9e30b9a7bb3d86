"""The web UI's commands: ``kartoteka serve`` and ``kartoteka user ...`` (accounts, tokens).

``kartoteka.cli`` adds them to the ``kartoteka`` group; they live here, beside what they run.
"""

from __future__ import annotations

from pathlib import Path

import click

from kartoteka.cli_options import DB_OPTION
from kartoteka.cli_options import open_store as _open
from kartoteka.errors import KartotekaError


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--anonymous", is_flag=True, help="Let visitors read without logging in.")
@click.option("--secure-cookies", is_flag=True,
              help="Mark cookies Secure and send HSTS (behind HTTPS).")
@click.option("--secret-file", type=click.Path(dir_okay=False, path_type=Path),
              help="A file holding the key that signs session cookies (else "
                   "KARTOTEKA_SECRET_KEY or KARTOTEKA_SECRET_FILE).")
@click.option("--proxy", metavar="ADDRESSES",
              help="The reverse proxy's address(es), comma-separated: only its "
                   "X-Forwarded-For/-Proto are trusted (none are without this).")
@click.option("--base-url", help="Where users reach the site, e.g. https://cards.example.org "
                                 "(OpenRefine's manifest); default http://HOST:PORT.")
@click.option("--production", is_flag=True,
              help="Production mode even on a loopback address (a secret key is required).")
def serve(db: str, host: str, port: int, anonymous: bool, secure_cookies: bool,
          secret_file: Path | None, proxy: str | None, base_url: str | None,
          production: bool) -> None:
    """Start the web UI: review, correct and explore the card index.

    Production mode (a non-loopback --host, --secure-cookies, --proxy or --production) needs
    the signing key from --secret-file or the environment; it is never kept in the database.
    """
    import uvicorn

    from kartoteka.web.app import create_app
    from kartoteka.web.settings import (
        WebSettings,
        is_production,
        read_secret_file,
        secret_from_env,
    )

    _open(db).close()  # a clear error for a missing or foreign database
    try:
        key = read_secret_file(secret_file) if secret_file else secret_from_env()
        app = create_app(WebSettings(
            db=db, allow_anonymous=anonymous, secure_cookies=secure_cookies, secret_key=key,
            production=is_production(host, secure_cookies=secure_cookies, proxy=proxy,
                                     production=production),
            base_url=(base_url or f"http://{host}:{port}").rstrip("/")))
    except KartotekaError as exc:
        raise click.ClickException(str(exc)) from exc
    # uvicorn trusts X-Forwarded-* from 127.0.0.1 by default: only the named proxy may set them.
    uvicorn.run(app, host=host, port=port, proxy_headers=bool(proxy),
                forwarded_allow_ips=proxy or "")


@click.group()
def user() -> None:
    """Local accounts of the web UI (roles: viewer, editor, admin)."""


@user.command(name="add")
@click.argument("name")
@click.option("--role", default="viewer", show_default=True,
              type=click.Choice(["viewer", "editor", "admin"]), help="What the user may do.")
@click.password_option(help="The password (asked for when not given).")
@DB_OPTION
def user_add(name: str, role: str, password: str, db: str) -> None:
    """Add a user NAME with a ROLE (the password is stored as an argon2 hash)."""
    from kartoteka.store.users import create_user

    store = _open(db, create=True)
    try:
        with store.session() as session:
            create_user(session, name, password, role)
    except (KartotekaError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"user {name} added ({role})", err=True)


@user.command(name="passwd")
@click.argument("name")
@click.password_option(help="The new password (asked for when not given).")
@DB_OPTION
def user_passwd(name: str, password: str, db: str) -> None:
    """Set user NAME's password; every session of theirs ends at once."""
    from kartoteka.store.users import set_password

    store = _open(db)
    try:
        with store.session() as session:
            set_password(session, name, password)
    except KartotekaError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"password of {name} changed; their sessions have ended", err=True)


@user.command(name="token")
@click.argument("name")
@click.option("--revoke", is_flag=True, help="Revoke every token of NAME instead.")
@DB_OPTION
def user_token(name: str, revoke: bool, db: str) -> None:
    """Print a new API token for NAME (read-only, for OpenRefine).

    Give OpenRefine the service BASE_URL/reconcile/t/TOKEN, or send the header
    "Authorization: Bearer TOKEN". Only a hash is stored: the token is shown once.
    """
    from kartoteka.store.users import new_token, revoke_tokens

    store = _open(db)
    try:
        with store.session() as session:
            if revoke:
                count = revoke_tokens(session, name)
                click.echo(f"{count} token(s) of {name} revoked", err=True)
                return
            click.echo(new_token(session, name))
    except KartotekaError as exc:
        raise click.ClickException(str(exc)) from exc
