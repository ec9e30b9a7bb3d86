"""A throwaway PostgreSQL 15 server for the tests: ``start DIR`` prints its URL, ``stop DIR``.

Debian's binaries (``/usr/lib/postgresql/15/bin``) in a temporary data directory on a free
loopback port. initdb refuses to run as root, so as root the server runs as the ``postgres``
(or ``nobody``) account, which owns the data directory. fsync is off: the data is thrown away.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(os.environ.get("KARTOTEKA_PG_BIN", "/usr/lib/postgresql/15/bin"))


class ServerError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _runner() -> list[str]:
    """The prefix that runs a command as a non-root user when we are root."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise ServerError("running as root and neither a 'postgres' nor a 'nobody' account exists")


def _chown(path: Path) -> None:
    if os.geteuid() != 0:
        return
    user = _runner()[2]
    entry = pwd.getpwnam(user)
    for root, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            os.chown(os.path.join(root, name), entry.pw_uid, entry.pw_gid)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def start(directory: Path) -> str:
    """Start a server with its data under ``directory``; returns the superuser URL."""
    if not (BIN / "initdb").exists():
        raise ServerError(f"{BIN}/initdb not found (apt-get install postgresql)")
    directory.mkdir(parents=True, exist_ok=True)
    # The parent of a mktemp directory is /tmp; the server user must be able to enter it.
    os.chmod(directory, 0o755)
    data, run = directory / "data", directory / "run"
    run.mkdir(exist_ok=True)
    _chown(directory)
    prefix = _runner()
    subprocess.run([*prefix, str(BIN / "initdb"), "-D", str(data), "-U", "kartoteka",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True, text=True)
    port = _free_port()
    options = (f"-h 127.0.0.1 -p {port} -k {run} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c shared_buffers=32MB -c max_connections=60")
    proc = subprocess.run([*prefix, str(BIN / "pg_ctl"), "-D", str(data), "-l",
                           str(directory / "server.log"), "-o", options, "-w", "-t", "60",
                           "start"], capture_output=True, text=True)
    if proc.returncode != 0:
        log = directory / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise ServerError(f"pg_ctl start failed: {proc.stderr.strip()} {tail}")
    (directory / "url").write_text(f"postgresql+psycopg://kartoteka@127.0.0.1:{port}/postgres")
    return (directory / "url").read_text()


def stop(directory: Path) -> None:
    data = directory / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run([*_runner(), str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, text=True)
        for _ in range(50):  # pg_ctl -w returns when the pid file is gone; be patient anyway
            if not (data / "postmaster.pid").exists():
                break
            time.sleep(0.1)
    shutil.rmtree(directory, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in {"start", "stop"}:
        print("usage: pg_server.py start|stop DIR", file=sys.stderr)
        return 2
    directory = Path(argv[2])
    try:
        if argv[1] == "start":
            print(start(directory))
        else:
            stop(directory)
    except (ServerError, subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"pg_server.py: {exc} {detail}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
