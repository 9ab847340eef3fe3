"""`manage.py archive_benchmark`: import a made-up archive of N articles (mixed formats and
encodings) into the current database and print the time taken and the memory used
(`make import-bench`, docs/performance.md). Run it on a throwaway database."""

import csv
import io
import random
import resource
import tempfile
import time
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.importer import Options, run_import, section_for
from archive.sources import open_archive

PHRASES = [
    "园区新开工项目十五个，完成投资一百二十亿元",
    "质子治疗中心每天可以完成九十至一百例患者的治疗",
    "精准医学产业园已引进二十余家高新技术企业",
    "园区累计签约落地项目一百三十余个",
    "十六条支持政策清单落地出台",
    "首批五大领域三十二条应用场景机会清单发布",
    "来自韩国、以色列和瑞士的合作项目在此扎根",
    "总规模十亿元的引导基金正在加速推进",
]
ENCODINGS = ["utf-8", "utf-8", "gb18030", "utf-16", "big5"]


def paragraphs(rng, count):
    return [
        "，".join(rng.choice(PHRASES) for _ in range(rng.randint(2, 4))) + f"（第{rng.randint(1, 999)}号）。"
        for _ in range(count)
    ]


def page_html(number, rng, charset):
    body = "".join(f"<p>{text}</p>" for text in paragraphs(rng, rng.randint(4, 10)))
    return (
        f'<html><head><meta charset="{charset}"><title>园区新闻第{number}号_旧网站</title>'
        f'<link rel="canonical" href="http://old.example.cn/news/show.php?id={number}"></head><body>'
        f'<div class="nav"><a href="/">首页</a></div><div class="article"><h1>园区新闻第{number}号</h1>'
        f"<p>来源：园区报 记者 王明 2019-05-{1 + number % 28:02d} 10:00</p>{body}</div>"
        '<div class="related"><h3>相关推荐</h3><ul>'
        f'<li><a href="/news/show.php?id={number - 1}">园区新闻第{number - 1}号</a></li></ul></div>'
        '<div id="comments">暂无评论</div></body></html>'
    )


def make_archive(path, count, seed=16):
    """A ZIP with `count` articles: saved pages in four encodings, text files, a CSV manifest."""
    rng = random.Random(seed)
    manifest = io.StringIO()
    writer = csv.writer(manifest)
    writer.writerow(["old_url", "title", "date", "body_text", "reporter", "keywords"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(1, count + 1):
            kind = number % 10
            if kind < 7:
                charset = ENCODINGS[number % len(ENCODINGS)]
                text = page_html(number, rng, charset)
                if charset == "big5":
                    from opencc import OpenCC

                    text = OpenCC("s2tw").convert(text)
                archive.writestr(f"news/{number}.html", text.encode(charset))
            elif kind < 9:
                lines = [
                    f"园区动态第{number}号",
                    "",
                    f"2020-03-{1 + number % 28:02d} 09:00",
                    "关键词:招商、精准医学",
                    "",
                ]
                archive.writestr(
                    f"text/{number}.txt", "\n".join(lines + paragraphs(rng, 6)).encode("gb18030")
                )
            else:
                writer.writerow(
                    [f"http://old.example.cn/a.asp?id={number}", f"清单文章第{number}号", "2021-07-01 08:00",
                     "\n".join(paragraphs(rng, 5)), "赵丽", "政策;基金"]
                )  # fmt: skip
        archive.writestr("manifest.csv", manifest.getvalue().encode("utf-8"))


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1024 / 1024


class Command(BaseCommand):
    help = "Time an import of a made-up archive (a throwaway database, please)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--section", help="the news index to import into (id or slug)")

    def handle(self, *args, **options):
        section = section_for(options["section"])
        if section is None:
            raise CommandError("No news index to import into: run `manage.py load_demo` or pass --section.")
        count = options["articles"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.zip"
            started = time.perf_counter()
            make_archive(path, count)
            size, took = path.stat().st_size / 1024 / 1024, time.perf_counter() - started
            self.stdout.write(f"made {count} articles ({size:.1f} MB ZIP) in {took:.1f} s")
            samples = []

            def on_progress(processed, total):
                if processed and processed % 1000 == 0 and (not samples or samples[-1][0] != processed):
                    samples.append((processed, time.perf_counter() - started, rss_mb()))
                    self.stdout.write(
                        f"  {processed:>6} articles  {samples[-1][1]:7.1f} s  RSS {samples[-1][2]:6.0f} MB"
                    )

            archive = open_archive(path)
            started = time.perf_counter()
            counts = run_import(archive, Options(section=section), on_progress=on_progress)
            elapsed = time.perf_counter() - started
            archive.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"outcomes: {counts}")
        self.stdout.write(
            f"{count} articles in {elapsed:.0f} s ({count / elapsed:.1f} a second); peak RSS {peak:.0f} MB"
        )
