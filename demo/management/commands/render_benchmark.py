"""Benchmark: how long a page the page cache misses takes to render, in-process.

The newest article, home and the news index in Simplified Chinese, English and the Traditional
edition, each requested through Django's whole middleware stack with the page cache off and the
shared fragments on (as production renders a miss), interleaved, many times. Prints the median
wall time and CPU time of the process for each, the machine's load and a calibration loop, so
runs on a loaded machine can be compared. Not a test; docs/performance.md records its numbers.
"""

import os
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation

from news.models import NewsArticlePage, NewsIndexPage

# Django's budgets and the issue's: an article, home and an index rendered afresh.
TARGET_MS = {"article": 8, "home": 10, "news index": 10}
EDITIONS = (("Simplified", "zh-hans", ""), ("English", "en", ""), ("Traditional", "zh-hans", "/zh-hant"))


def calibration_ms():
    """A pure-Python loop of 3 million additions: about 180 ms on this machine when quiet."""
    started = time.perf_counter()
    total = 0
    for n in range(3_000_000):
        total += n
    return (time.perf_counter() - started) * 1000


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--renders", type=int, default=60, help="renders of each page (default 60)")
        parser.add_argument("--host", default="127.0.0.1", help="the Host header (one of ALLOWED_HOSTS)")

    def handle(self, *args, renders, host, **options):
        urls = self.urls()
        fragments = settings.FRAGMENT_CACHE_SECONDS or 600
        client = Client(HTTP_HOST=host)
        with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=fragments):
            for url in urls.values():  # renditions made, templates compiled, fragments kept
                for _ in range(3):
                    response = client.get(url)
                    if response.status_code != 200:
                        raise SystemExit(f"{url} answered {response.status_code}")
            times = {name: [] for name in urls}
            for _ in range(renders):
                for name, url in urls.items():
                    wall, cpu = time.perf_counter(), time.process_time()
                    client.get(url)
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                    times[name].append((wall * 1000, cpu * 1000))
        self.report(urls, times, renders)

    def urls(self):
        article = NewsArticlePage.objects.live().filter(has_english=True).order_by("-date", "-pk").first()
        index = article.get_parent().specific if article else NewsIndexPage.objects.live().first()
        urls = {}
        for edition, language, prefix in EDITIONS:
            with translation.override(language):
                for kind, page in (("article", article), ("home", None), ("news index", index)):
                    if kind == "home":
                        path = "/en/" if language == "en" else "/"
                    elif page is None:
                        continue
                    else:
                        path = type(page).objects.get(pk=page.pk).get_url()
                    urls[f"{kind} ({edition})"] = prefix + path
        return urls

    def report(self, urls, times, renders):
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        self.stdout.write(
            f"{renders} renders each, interleaved; load average {load}; {os.cpu_count()} CPUs; "
            f"calibration (3 million additions) {calibration_ms():.0f} ms"
        )
        self.stdout.write("| page | URL | wall p50 ms | wall p25 ms | CPU p50 ms | target |")
        self.stdout.write("| --- | --- | ---: | ---: | ---: | --- |")
        for name, url in urls.items():
            walls = sorted(wall for wall, _cpu in times[name])
            cpus = [cpu for _wall, cpu in times[name]]
            target = TARGET_MS[name.split(" (")[0]]
            median = statistics.median(walls)
            verdict = "met" if median <= target else "missed"
            self.stdout.write(
                f"| {name} | `{url}` | {median:.1f} | {walls[len(walls) // 4]:.1f} | "
                f"{statistics.median(cpus):.1f} | ≤ {target} ms: {verdict} |"
            )
