"""`manage.py load_demo`: the demo site's content, loaded once and safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from demo import workflow as workflow_demo
from demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME, DemoLoader
from website.addresses import absolute

KINDS = (
    ("page", "pages"),
    ("image", "images"),
    ("person", "people"),
    ("keyword", "keywords"),
    ("settings", "site settings"),
    ("user", "users"),
)


class Command(BaseCommand):
    help = "Load the bilingual demo content (pages, images, people, keywords, settings, an admin account)."

    def handle(self, *args, **options):
        quiet = options["verbosity"] == 0
        out = (lambda message: None) if quiet else self.stdout.write
        # Chinese is the source language: Wagtail's own fields (title, slug) resolve to it.
        with translation.override("zh-hans"), transaction.atomic():
            loader = DemoLoader(out)
            loader.run()

        counts = loader.counts
        if not any(n for (_kind, action), n in counts.items() if action != "unchanged"):
            out("Demo content is already loaded; nothing changed.")
        summary = "; ".join(
            f"{label}: {counts[(kind, 'created')]} created, {counts[(kind, 'updated')]} updated, "
            f"{counts[(kind, 'unchanged')]} unchanged"
            for kind, label in KINDS
        )
        out(self.style.SUCCESS(f"Done: {summary}."))
        out(
            f"\n  Site (Chinese):  {absolute('/')}\n"
            f"  Site (English):  {absolute('/en/')}\n"
            f"  Admin:           {absolute('/admin/')}\n"
            f"  Demo account:    {ADMIN_USERNAME} / {ADMIN_PASSWORD} (superuser; the password is set only "
            "when the account is created)\n"
        )
        out("  One account per role (password set only when created; docs/permissions.md has the rights):")
        for username, group, password in workflow_demo.ACCOUNTS:
            out(f"    {username:10} / {password:22} {group}")
