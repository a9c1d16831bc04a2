"""Every main page and API list at a tenth of national scale, against the issue's bars.

Generates a tenth of national scale with ``panelkeeper demo --scale tenth`` into a
database of its own (PostgreSQL when one answers, see :mod:`benchmarks.scale_site`),
then, for the largest organisation and a typical one (the median size):

- each page and API list, signed in as its officer (the member's pages as a member):
  median and 95th percentile over ``BENCH_REPEATS`` requests (20 unless set), the size
  of the answer, its SQL queries and their time, through Django's test client;
- requests per second under gunicorn with 2 workers of the case list API and the
  member's portal page against the health page, in the same run;
- each daily job over the whole site.

Rows over a bar are marked ``!``; nothing here fails on a timing, it reports.
"""

from __future__ import annotations

import functools
import logging
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.scale_http import CLIENT, PROXIED, ROOT, CpuMeter, gunicorn, throughput, warm_up
from benchmarks.scale_site import scale_site

REPEATS = int(os.environ.get("BENCH_REPEATS", "20"))
HTTP_REQUESTS = int(os.environ.get("BENCH_HTTP_REQUESTS", "1000"))
AT_ONCE = 8
# The bars.
MEDIAN_MS = 100.0
P95_MS = 250.0
MAX_KB = 200.0
SQL_TIMES = 3.0
SQL_FLOOR_MS = 5.0
THROUGHPUT_SHARE = 0.3


@dataclass(frozen=True)
class Row:
    label: str
    median_ms: float
    p95_ms: float
    kb: float
    queries: int
    sql_ms: float

    def over(self) -> list[str]:
        """The bars this row is over, in a few words each."""
        over = []
        if self.median_ms > MEDIAN_MS:
            over.append("median")
        if self.p95_ms > P95_MS:
            over.append("p95")
        if self.kb > MAX_KB:
            over.append("size")
        if self.sql_ms > SQL_FLOOR_MS and self.median_ms > SQL_TIMES * self.sql_ms:
            over.append(f"{self.median_ms / self.sql_ms:.0f}x SQL")
        return over


class Queries:
    """Counts and times every SQL query on the default connection while in use.

    Timed here rather than read from ``CaptureQueriesContext``, whose times are rounded
    to the millisecond: most queries on a small page take less than that."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - began
            self.count += 1


def setup_production_django() -> None:
    """Django as production runs it, not the test environment (whose template rendering
    keeps a copy of every context for the test client); only the password hasher is made
    quick and mail kept in memory, neither of which a page here touches."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def client() -> Any:
    """The test client, coming in as the load balancer would pass a request on."""
    from django.test import Client

    return Client(headers=PROXIED)


def measure(client: Any, label: str, path: str) -> Row:
    """Time ``REPEATS`` GETs of ``path`` after one to warm up; raises unless each is 200."""
    from django.db import connection

    client.get(path)
    times, sql, counts, sizes = [], [], [], []
    for _ in range(REPEATS):
        queries = Queries()
        with connection.execute_wrapper(queries):
            began = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{label}: {path} answered {response.status_code}")
        sql.append(queries.seconds * 1000)
        counts.append(queries.count)
        sizes.append(len(response.content))
    return Row(
        label,
        statistics.median(times),
        statistics.quantiles(times, n=20, method="inclusive")[18],
        max(sizes) / 1024,
        max(counts),
        statistics.median(sql),
    )


@dataclass(frozen=True)
class Organisation:
    described: str
    officer: Any
    member_user: Any
    paths: list[tuple[str, str]]
    portal: str


def _largest_group(org: Any) -> int:
    from django.db.models import Count

    from panelkeeper.members.models import Member

    biggest = (
        Member.objects.filter(group__organisation=org)
        .values("group")
        .annotate(size=Count("pk"))
        .order_by("-size", "group")
        .first()
    )
    assert biggest is not None, org.slug
    return int(biggest["group"])


def organisation(org: Any, members: int, kind: str) -> Organisation:
    """The pages to time for ``org``: its officer, and a member given a sign-in here."""
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case
    from panelkeeper.meetings.models import Meeting
    from panelkeeper.members.models import Member

    slug = org.slug
    officer = User.objects.get(email=f"officer.{slug}@example.org")
    group = _largest_group(org)
    meeting = Meeting.objects.filter(group_id=group).order_by("-pk").first()
    case = Case.objects.filter(organisation=org).order_by("pk").first()
    member = Member.objects.filter(group_id=group).order_by("pk").first()
    assert meeting and case and member, slug
    email = f"bench.member.{slug}@example.org"
    member_user = User.objects.create_user(username=email, email=email)
    member.user = member_user
    member.save(update_fields=["user"])
    surname = member.full_name.split()[-1]
    at = f"/organisations/{slug}"
    paths = [
        ("members", f"{at}/members/"),
        ("cases", f"{at}/cases/"),
        ("case page", f"{at}/cases/{case.pk}/"),
        ("meetings", f"{at}/meetings/"),
        ("attendance (largest group)", f"{at}/meetings/{meeting.pk}/attendance/"),
        ("group attendance (largest)", f"{at}/groups/{group}/attendance/"),
        ("interests register", f"{at}/registers/interests/"),
        ("gifts register", f"{at}/registers/gifts/"),
        ("letters", f"{at}/letters/"),
        ("concerns", f"{at}/concerns/"),
        ("Today", f"{at}/today/"),
        ("search", f"{at}/search/?q={surname}"),
        ("declarations due for review", f"{at}/registers/reviews-due/"),
        ("staff", f"{at}/staff/"),
        ("retention schedule", f"{at}/retention/"),
        ("retention due", f"{at}/retention/due/"),
        ("subject access requests", f"{at}/subject-access/"),
        ("API members", f"/api/v1/members/{slug}/members"),
        ("API cases", f"/api/v1/cases/{slug}"),
        ("API case", f"/api/v1/cases/{slug}/{case.pk}"),
        ("API meetings", f"/api/v1/meetings/{slug}/meetings"),
        ("API group attendance", f"/api/v1/meetings/{slug}/groups/{group}/attendance"),
        ("API interests", f"/api/v1/registers/{slug}/interests"),
        ("API gifts", f"/api/v1/registers/{slug}/gifts"),
        ("API letters", f"/api/v1/letters/{slug}"),
        ("API concerns", f"/api/v1/concerns/{slug}"),
        ("API Today", f"/api/v1/organisations/{slug}/today"),
        ("API search", f"/api/v1/organisations/{slug}/search?q={surname}"),
        ("API retention schedule", f"/api/v1/retention/{slug}/schedule"),
        ("API retention due", f"/api/v1/retention/{slug}/due"),
        ("API subject access", f"/api/v1/subject-access/{slug}/requests"),
    ]
    return Organisation(
        f"{kind}: {org.name} ({slug}, {members:,} members)",
        officer,
        member_user,
        paths,
        portal=f"/my/{member.pk}/home/",
    )


def chosen_organisations() -> list[Organisation]:
    """The largest generated organisation and the one of median size."""
    from django.db.models import Count

    from panelkeeper.demo.management.commands.demo import SCALE_PREFIX
    from panelkeeper.organisations.models import Organisation as Org

    sizes = list(
        Org.objects.filter(slug__startswith=f"{SCALE_PREFIX}-")
        .annotate(size=Count("groups__members"))
        .order_by("-size", "slug")
    )
    largest, typical = sizes[0], sizes[len(sizes) // 2]
    return [
        organisation(largest, getattr(largest, "size"), "Largest"),  # noqa: B009 (annotated)
        organisation(typical, getattr(typical, "size"), "Typical"),  # noqa: B009
    ]


def print_table(rows: list[Row]) -> None:
    print(f"  {'':<28} {'median':>8} {'p95':>8} {'size':>9} {'queries':>7} {'SQL':>8}")
    for row in rows:
        over = row.over()
        print(
            f"{'!' if over else ' '} {row.label:<28} {row.median_ms:6.1f}ms {row.p95_ms:6.1f}ms "
            f"{row.kb:7.1f}KB {row.queries:7d} {row.sql_ms:6.1f}ms"
            + (f"  over: {', '.join(over)}" if over else "")
        )


def time_it(say: str, work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    took = time.perf_counter() - began
    print(f"  {say:<36} {took:8.1f} s", flush=True)
    return took


def _manage(*args: str) -> str:
    """``manage.py`` with ``args`` in a process of its own, with DEBUG on: the demo loads
    only then (its guard against reaching production), while the pages are timed with
    it off. Its standard error, where the generator reports."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
    return done.stderr


def generate() -> None:
    """Migrate, then ``demo --scale tenth``, printing the generator's own report."""
    print("Building the site:", flush=True)
    time_it("migrate", lambda: _manage("migrate", "--verbosity", "0"))
    report: list[str] = []
    time_it(
        "demo --scale tenth (whole command)",
        lambda: report.append(_manage("demo", "--scale", "tenth")),
    )
    for line in report[0].splitlines():
        if line.startswith("Generated") or line.startswith("  "):
            print(f"    {line.strip()}")


def analyze() -> None:
    """Vacuum and gather the planner's statistics, as autovacuum would soon after a bulk
    load: without statistics PostgreSQL plans for nearly empty tables, and without a
    vacuum's visibility map an index-only scan still reads every row it finds."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE main")


def pages(chosen: list[Organisation]) -> None:
    for org in chosen:
        print(f"\n{org.described}; {REPEATS} requests each:", flush=True)
        officer = client()
        officer.force_login(org.officer)
        member = client()
        member.force_login(org.member_user)
        rows = [measure(officer, label, path) for label, path in org.paths]
        rows.append(measure(member, "member's home", org.portal))
        rows.append(measure(member, "API member's records", "/api/v1/my"))
        print_table(rows)


def session_cookie(user: Any) -> str:
    from django.conf import settings

    signed_in = client()
    signed_in.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={signed_in.cookies[settings.SESSION_COOKIE_NAME].value}"


def http(site_environment: dict[str, str], org: Organisation) -> None:
    slug_path = next(path for label, path in org.paths if label == "API cases")
    officer, member = session_cookie(org.officer), session_cookie(org.member_user)
    print(
        f"\nThroughput under gunicorn, 2 workers, {HTTP_REQUESTS:,} requests {AT_ONCE} at a time "
        f"({org.described}), sent by {CLIENT.format(at_once=AT_ONCE)}; with the CPU time "
        "each request took of the web workers, the database and the client:",
        flush=True,
    )
    with gunicorn(site_environment) as server:
        figures = [
            ("health page", "/health/", ""),
            ("case list API", slug_path, officer),
            ("member's home", org.portal, member),
        ]
        health = 0.0
        meter = CpuMeter(server)
        for label, path, cookie in figures:
            warmed = warm_up(server.port, path, cookie=cookie, at_once=AT_ONCE)
            meter.start()
            rate = throughput(
                server.port, path, cookie=cookie, requests=HTTP_REQUESTS, at_once=AT_ONCE
            )
            used = meter.per_request(HTTP_REQUESTS + warmed)
            health = health or rate
            share = rate / health
            flag = "!" if share < THROUGHPUT_SHARE else " "
            print(
                f"{flag} {label:<28} {rate:8.1f} requests/s  {share:4.2f}x health  ({used})",
                flush=True,
            )


def daily_jobs() -> None:
    from django.utils import timezone

    from panelkeeper.core.daily import JOBS, trigger

    # The audit job logs a line for each organisation's chain: too many to read here.
    logging.getLogger("panelkeeper").setLevel(logging.WARNING)
    today = timezone.localdate()
    trigger(today)
    print("\nDaily jobs over the whole site:", flush=True)
    for name, job in JOBS.items():
        time_it(name, functools.partial(job.call, today.isoformat()))


def main() -> None:
    with scale_site() as site:
        print(f"Database: {site.described}", flush=True)
        print(f"Settings: {site.settings}", flush=True)
        generate()
        setup_production_django()
        time_it("vacuum and analyze (as autovacuum would)", analyze)
        chosen = chosen_organisations()
        pages(chosen)
        http(site.environment, chosen[0])
        daily_jobs()


if __name__ == "__main__":
    main()
