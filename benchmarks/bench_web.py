"""Latency of the web UI on a large generated card index, under concurrent clients.

Generates a database (default 100,000 persons and 1,000,000 claims, bulk-inserted through
SQLAlchemy core), serves it with uvicorn on 127.0.0.1 in a separate process, and lets
``--clients`` concurrent clients (httpx, asyncio; no pause between requests) fetch the person
card, search and the reader, each for ``--requests`` requests, then prints p50/p95/p99; then
the baseline the same way in the same run: one client and one server worker (no queue).

    .venv/bin/python benchmarks/bench_web.py                  # the full run (~4 minutes)
    .venv/bin/python benchmarks/bench_web.py --persons 5000 --claims 50000
    .venv/bin/python benchmarks/bench_web.py --db /tmp/big.db --reuse   # skip generation
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from sqlalchemy import insert, text
from synthetic_data import ORGANIZATIONS, ROLES
from synthetic_people import Person, PersonGenerator

from kartoteka.names.keys import surname_key
from kartoteka.names.translit import to_latin
from kartoteka.store.session import Store
from kartoteka.store.tables import (
    ClaimRow,
    DocumentRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    ProfileRow,
)

PERSONS_PER_DOCUMENT = 20
DOCUMENTS_PER_BATCH = 250
# Claim types with the share of claims they take, and how a sentence states them.
EVENTS = {
    "arrest": (0.16, "{s} was arrested in {y}."),
    "execution": (0.10, "{s} was shot in {y}."),
    "sentence": (0.06, "{s} was sentenced to ten years in {y}."),
    "release": (0.05, "{s} was released in {y}."),
    "death": (0.04, "{s} died in {y}."),
    "defection": (0.01, "{s} fled abroad in {y}."),
}
TIES = {
    "position": (0.22, "In {y} {s} served as {r} in the {o}."),
    "member_of": (0.08, "{s} belonged to the {o}."),
    "associate_of": (0.14, "{s} worked with {p}."),
    "spouse_of": (0.04, "{s} was married to {p}."),
    "subordinate_of": (0.10, "{s} reported to {p} in {y}."),
}


def latin_name(person: Person) -> str:
    return f"{to_latin(person.given)} {to_latin(person.surname)}"


def cyrillic_name(person: Person) -> str:
    return f"{person.given} {person.surname}"


class Generator:
    """Documents of ~20 people each; every claim is one sentence naming its subject."""

    def __init__(self, persons: int, claims: int, seed: int) -> None:
        self.rng = random.Random(seed)
        people = PersonGenerator(seed=seed)
        self.people = [people.person(i) for i in range(persons)]
        self.latin = [latin_name(p) for p in self.people]
        self.documents = max(1, persons // PERSONS_PER_DOCUMENT)
        self.claims_per_document = max(1, claims // self.documents)
        kinds = {**EVENTS, **TIES}
        self.types = list(kinds)
        self.weights = [kinds[t][0] for t in self.types]
        self.templates = {t: kinds[t][1] for t in self.types}

    def cast(self, doc: int) -> list[int]:
        """The people of a document: its own twenty and a few visitors from elsewhere."""
        own = list(range(doc * PERSONS_PER_DOCUMENT,
                         min(len(self.people), (doc + 1) * PERSONS_PER_DOCUMENT)))
        visitors = [self.rng.randrange(len(self.people)) for _ in range(3)]
        return own + [v for v in visitors if v not in own]

    def document(self, doc: int) -> dict[str, list[dict]]:
        rng = self.rng
        doc_id = f"d{doc:07d}"
        cyrillic = doc % 2 == 0  # half the sources in Russian script, half transliterated
        cast = self.cast(doc)
        rows: dict[str, list[dict]] = {k: [] for k in ("profiles", "mentions", "claims",
                                                      "evidence")}
        profiles: dict[str, str] = {}

        def profile(entity: str, label: str, kind: str, surname: str | None) -> str:
            if entity not in profiles:
                key = f"x{doc}_{entity}"
                profiles[entity] = key
                rows["profiles"].append(dict(
                    key=key, document_id=doc_id, entity_id=entity, kind=kind, label=label,
                    names=[label], members=[], data={}, gender=None, descriptor=None,
                    block_key=surname_key(surname) if surname else None))
            return profiles[entity]

        parts: list[str] = []
        offset = 0

        def mention(entity: str, surface: str, kind: str, at: int, surname: str | None) -> str:
            mid = f"m{doc}_{len(rows['mentions'])}"
            rows["mentions"].append(dict(
                id=mid, document_id=doc_id, profile_key=profile(entity, surface, kind, surname),
                start=at, end=at + len(surface), text=surface, kind=kind, name=surface,
                descriptor=None, gender=None, family=False, attrs={}))
            return mid

        for n in range(self.claims_per_document):
            ctype = rng.choices(self.types, self.weights)[0]
            who = rng.choice(cast)
            person = self.people[who]
            subject = cyrillic_name(person) if cyrillic else self.latin[who]
            year = rng.randint(1925, 1941)
            other = self.people[rng.choice(cast)]
            other_name = cyrillic_name(other) if cyrillic else latin_name(other)
            org = rng.choice(ORGANIZATIONS)
            sentence = self.templates[ctype].format(s=subject, y=year, p=other_name, o=org,
                                                    r=rng.choice(ROLES))
            start = offset
            s_at = start + sentence.index(subject)
            subject_id = mention(f"p{who:07d}", subject, "person", s_at, person.surname)
            object_id = None
            if "{p}" in self.templates[ctype] and other.pid != who:
                object_id = mention(f"p{other.pid:07d}", other_name, "person",
                                    start + sentence.index(other_name), other.surname)
            elif "{o}" in self.templates[ctype]:
                object_id = mention(f"o{ORGANIZATIONS.index(org):04d}", org, "organization",
                                    start + sentence.index(org), None)
            cid = f"c{doc}_{n}"
            rows["claims"].append(dict(
                id=cid, document_id=doc_id, type=ctype, subject_mention=subject_id,
                object_mention=object_id, place_mention=None, informant_mention=None,
                role=None, date=str(year) if "{y}" in self.templates[ctype] else None,
                polarity="affirmed", confidence=round(rng.uniform(0.3, 0.98), 2),
                hearsay=rng.random() < 0.1, status="proposed", attrs={}))
            rows["evidence"].append(dict(claim_id=cid, document_id=doc_id, start=start,
                                         end=start + len(sentence)))
            parts.append(sentence)
            offset += len(sentence)
            separator = "\n\n" if n % 8 == 7 else " "
            parts.append(separator)
            offset += len(separator)
        body = "".join(parts)
        rows["documents"] = [dict(
            id=doc_id, sha256=f"{doc:064d}", title=f"Source {doc}", language="ru" if cyrillic
            else "en", kind="testimony", source_path=None, media_type="text/plain",
            encoding=None, text=body, meta={}, version=1, previous_id=None, superseded=False)]
        return rows


def generate(path: Path, persons: int, claims: int, seed: int) -> None:
    started = time.perf_counter()
    gen = Generator(persons, claims, seed)
    store = Store(path)
    tables = [("documents", DocumentRow), ("profiles", ProfileRow), ("mentions", MentionRow),
              ("claims", ClaimRow), ("evidence", EvidenceRow)]
    counts = dict.fromkeys([t for t, _ in tables], 0)
    with store.engine.begin() as connection:
        connection.execute(text("PRAGMA synchronous=OFF"))
        for first in range(0, gen.documents, DOCUMENTS_PER_BATCH):
            batch: dict[str, list[dict]] = {t: [] for t, _ in tables}
            for doc in range(first, min(gen.documents, first + DOCUMENTS_PER_BATCH)):
                for name, rows in gen.document(doc).items():
                    batch[name].extend(rows)
            for name, table in tables:
                if batch[name]:
                    connection.execute(insert(table), batch[name])
                    counts[name] += len(batch[name])
            print(f"  documents {first + len(batch['documents'])}/{gen.documents}, "
                  f"claims {counts['claims']}", end="\r", file=sys.stderr)
        people = [dict(id=f"p{p.pid:07d}", kind="person", label=gen.latin[p.pid],
                       names=[gen.latin[p.pid], cyrillic_name(p), latin_name(p)],
                       members=[], gender=p.gender, label_locked=False) for p in gen.people]
        orgs = [dict(id=f"o{n:04d}", kind="organization", label=org, names=[org], members=[],
                     gender=None, label_locked=False) for n, org in enumerate(ORGANIZATIONS)]
        connection.execute(insert(EntityRow), people + orgs)
        connection.execute(text("ANALYZE"))
    store.close()
    print(f"\ngenerated {persons} persons, {counts['claims']} claims, {counts['mentions']} "
          f"mentions, {gen.documents} documents in {time.perf_counter() - started:.0f} s "
          f"({path.stat().st_size / 2**20:.0f} MiB)", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: Path, port: int, workers: int) -> subprocess.Popen:
    # The factory is production mode: the workers share one signing key, given here.
    env = {**os.environ, "KARTOTEKA_DB": str(db), "KARTOTEKA_ALLOW_ANONYMOUS": "1",
           "KARTOTEKA_SECRET_KEY": secrets.token_urlsafe(48)}
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "kartoteka.web.app:create_app_from_env",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--no-proxy-headers",
         "--log-level", "warning", "--no-access-log"], env=env)


def wait_until_up(base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/openapi.json", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not start")


def workload(db: Path, kind: str, count: int, seed: int) -> Iterator[str]:
    """URLs a reader would open: random cards, searches in both scripts, passages."""
    rng = random.Random(seed)
    store = Store(db, create=False)
    with store.session() as session:
        persons = session.execute(text("SELECT count(*) FROM entities WHERE kind='person'")
                                  ).scalar_one()
        names = [row[0] for row in session.execute(text(
            "SELECT names FROM entities WHERE kind='person' ORDER BY random() LIMIT :n"),
            {"n": count})]
        spans = session.execute(text(
            "SELECT document_id, start, \"end\" FROM evidence ORDER BY random() LIMIT :n"),
            {"n": count}).all()
    store.close()
    for n in range(count):
        if kind == "card":
            yield f"/persons/p{rng.randrange(persons):07d}"
        elif kind == "search":
            surname = rng.choice(json.loads(names[n % len(names)])).split()[-1]
            yield "/search?q=" + httpx.QueryParams({"q": surname})["q"]
        else:
            doc, start, end = spans[n % len(spans)] if spans else (f"d{0:07d}", 0, 1)
            yield f"/documents/{doc}?highlight={start}-{end}"


async def hammer(base: str, urls: list[str], clients: int) -> tuple[list[float], int]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker() -> None:
            nonlocal errors
            while not queue.empty():
                url = queue.get_nowait()
                started = time.perf_counter()
                reply = await client.get(url)
                latencies.append(time.perf_counter() - started)
                errors += reply.status_code != 200

        await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, errors


async def warm_up(base: str, workers: int) -> None:
    """Wait until every worker has built its name and facet indexes (built at start-up in the
    background; a request that needs one waits for it): until a round of concurrent requests
    all answer quickly."""
    urls = ["/search?q=Ivanov", "/persons", "/persons/p0000001", "/documents/d0000001"]
    async with httpx.AsyncClient(base_url=base, timeout=600) as client:
        while True:
            began = time.perf_counter()
            await asyncio.gather(*(client.get(u) for u in urls * workers * 2))
            if time.perf_counter() - began < 2.0:
                return


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=400, help="per page kind")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--db", type=Path, default=Path("/tmp/kartoteka-bench-web.db"))
    parser.add_argument("--reuse", action="store_true", help="use --db as it is")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="skip the baseline pass (1 client, 1 worker) after the main one")
    args = parser.parse_args()
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        generate(args.db, args.persons, args.claims, args.seed)
    print(f"load average before the run: {Path('/proc/loadavg').read_text().split()[0]}")
    print(f"{'page':8} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'req/s':>7} errors")
    passes = [(args.clients, args.workers)]
    if args.baseline and (args.clients, args.workers) != (1, 1):
        passes.append((1, 1))  # the baseline: one reader, one server worker, no queue
    for clients, workers in passes:
        run_pass(args, clients, workers)


def run_pass(args: argparse.Namespace, clients: int, workers: int) -> None:
    """Serve the database with ``workers`` processes and let ``clients`` fetch each page kind."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = serve(args.db, port, workers)
    try:
        wait_until_up(base)
        started = time.perf_counter()
        asyncio.run(warm_up(base, workers))
        print(f"warm-up {time.perf_counter() - started:.1f} s", file=sys.stderr)
        print(f"  {clients} client(s), {workers} worker(s)"
              f"{' (baseline)' if (clients, workers) == (1, 1) else ''}:", flush=True)
        for kind in ("card", "search", "reader"):
            urls = list(workload(args.db, kind, args.requests, args.seed))
            began = time.perf_counter()
            latencies, errors = asyncio.run(hammer(base, urls, clients))
            took = time.perf_counter() - began
            ms = [x * 1000 for x in latencies]
            print(f"{kind:8} {len(ms):8d} {percentile(ms, 50):8.1f} {percentile(ms, 95):8.1f} "
                  f"{percentile(ms, 99):8.1f} {len(ms) / took:7.1f} {errors}  "
                  f"load {Path('/proc/loadavg').read_text().split()[0]}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)

if __name__ == "__main__":
    main()
