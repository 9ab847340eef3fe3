#!/usr/bin/env python
"""A stock Wagtail blog post rendered uncached: the yardstick of issue 18's "fast misses" (an
article in about a third of its time), measured on the same machine as the site, in the same run.

The project beside this script is what `wagtail start mysite` writes (its settings, production
with DEBUG off, `base.html`, the home and search apps; the development settings, Dockerfile and
welcome page left out) plus the blog app of Wagtail's tutorial "Your first Wagtail site"
(https://docs.wagtail.org/en/stable/getting_started/tutorial.html) as its last step leaves it:
posts with a date, an intro, a rich-text body, a gallery, authors and tags, an index and a tag
index. Only `mysite/settings/local.py`, the deployment's own file, is ours; the rest differs
from what Wagtail and its tutorial print only where `make lint` asked (ruff's formatting, import
order, `noqa` marks and Meta before methods; djhtml's indentation).

The script builds it in a temporary directory (SQLite database, media, static files), publishes
a blog index, a tag index and one post like the demo's newest article (two short paragraphs, a
gallery of three pictures made with Pillow, an author, two tags), renders the post three times
(renditions made, templates compiled), then times renders through Django's whole middleware
stack with the test Client, as `manage.py render_benchmark` times the site's. It runs in its own
process because the project has its own settings and database; run it with the site's Python:

    .venv/bin/python demo/stock_wagtail/reference.py [--renders N] [--html FILE]
        prints one JSON object: the post's URL, title, status, medians of wall and CPU time
    .venv/bin/python demo/stock_wagtail/reference.py --serve
        prints a JSON line when ready, then for each line read on stdin renders twice and
        prints the second render's times, so render_benchmark can interleave it with the
        site's pages
"""

import argparse
import contextlib
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent
TITLE = "A year in pictures"
# The demo's newest article is a photo story: a paragraph of 140 characters, a gallery, one of 68.
BODY = (
    "<p>Over the past year our photographer kept going back to the building sites, laboratories "
    "and the new hospital wards. Here are a few of those moments.</p>"
    "<p>In the year ahead, more of these projects will move from drawings to reality.</p>"
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=60, help="timed renders (default 60)")
    parser.add_argument("--html", type=Path, help="write the last response's HTML here")
    parser.add_argument("--serve", action="store_true", help="render once per line on stdin")
    args = parser.parse_args()

    protocol = sys.stdout
    data_dir = Path(tempfile.mkdtemp(prefix="stock-wagtail-"))
    try:
        # Whatever Django or Wagtail print while building stays off the JSON on stdout.
        with contextlib.redirect_stdout(sys.stderr):
            client, url = build(data_dir)
            response = None
            for _ in range(3):  # renditions made, templates compiled, caches filled
                response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"the stock blog post {url} answered {response.status_code}")
        if args.serve:
            say(protocol, {"url": url, "title": TITLE, "status": response.status_code})
            for _line in sys.stdin:
                # After waiting for the line, the first render runs on cold caches and takes up
                # to twice as long; the one timed follows a render, as the site's are timed.
                client.get(url)
                wall, cpu, response = timed(client, url)
                say(protocol, {"wall_ms": wall, "cpu_ms": cpu, "status": response.status_code})
            return
        times = [timed(client, url) for _ in range(args.renders)]
        response = times[-1][2] if times else response
        if args.html:
            args.html.write_bytes(response.content)
        walls = sorted(wall for wall, _cpu, _response in times)
        say(
            protocol,
            {
                "url": url,
                "title": TITLE,
                "status": response.status_code,
                "bytes": len(response.content),
                "renders": len(times),
                "wall_p50_ms": statistics.median(walls) if walls else None,
                "wall_p25_ms": walls[len(walls) // 4] if walls else None,
                "cpu_p50_ms": statistics.median(cpu for _wall, cpu, _response in times) if times else None,
                "load_average": os.getloadavg(),
            },
        )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def say(stream, message):
    stream.write(json.dumps(message) + "\n")
    stream.flush()


def timed(client, url):
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall * 1000, cpu * 1000, response


def build(data_dir):
    """The project's database, media and static files in data_dir, and the blog's pages;
    returns a test Client and the post's URL."""
    sys.path.insert(0, str(PROJECT))
    os.environ["STOCK_WAGTAIL_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "mysite.settings.production"
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    # The tables straight from the models, as Django's test runner makes them with migrations
    # off: the same tables as applying the migrations (in the repo, for `manage.py migrate`),
    # which take 9 s on SQLite against under a second. Then the rows Wagtail's migrations add.
    unmigrated = {app.label: None for app in apps.get_app_configs()}
    with override_settings(MIGRATION_MODULES=unmigrated):
        call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    # Only the project's own static files: the pages link to no others, and Wagtail's admin
    # would take longer to collect than the whole build.
    with override_settings(STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"]):
        call_command("collectstatic", interactive=False, verbosity=0)
    post = publish_blog(initial_pages())
    return Client(), post.url


def initial_pages():
    """What wagtailcore's and the home app's migrations create: a locale, the root collection,
    the root page, the home page and the default site. Returns the home page."""
    from wagtail.models import Collection, Locale, Page, Site

    from home.models import HomePage

    Locale.objects.create(language_code="en")
    Collection.add_root(name="Root")
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(
        instance=HomePage(title="Home", slug="home", body="<p>Welcome to our new site!</p>")
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


def publish_blog(home):
    """The tutorial's pages, published as an editor would: the blog, the tag index its posts'
    tags link to, an author and one post with a gallery of three pictures."""
    from blog.models import Author, BlogIndexPage, BlogPage, BlogPageGalleryImage, BlogTagIndexPage

    blog = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog", intro="<p>Our news.</p>"))
    blog.save_revision().publish()
    home.add_child(instance=BlogTagIndexPage(title="Tags", slug="tags")).save_revision().publish()
    author = Author.objects.create(name="Sun Yalin", author_image=picture("Sun Yalin", (400, 600)))
    post = BlogPage(
        title=TITLE,
        slug="a-year-in-pictures",
        date=date(2026, 12, 1),
        intro="Building sites, laboratories and hospital wards through the seasons.",
        body=BODY,
    )
    post.authors = [author]
    post.tags.add("photography", "construction")
    post.gallery_images = [
        BlogPageGalleryImage(image=picture(f"Picture {n}", (1600, 1067)), caption=f"Picture {n}")
        for n in range(1, 4)
    ]
    blog.add_child(instance=post)
    post.save_revision().publish()
    return BlogPage.objects.get(pk=post.pk)


def picture(title, size):
    """A JPEG made with Pillow, stored as a Wagtail image."""
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PillowImage.linear_gradient("L").resize(size).convert("RGB").save(buffer, "JPEG")
    slug = title.lower().replace(" ", "-")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.jpg"))


if __name__ == "__main__":
    main()
