"""Writes the Traditional interface catalogues from the Simplified one: every translation converted
by OpenCC for each standard, with the words whose Traditional usage differs set first
(locale/traditional-corrections.tsv). Hong Kong's is locale/zh_Hant/, Taiwan's
locale/s2twp/zh_Hant/ (read first when TRADITIONAL_CHINESE_STANDARD is s2twp). `make messages`
runs it; the result is committed like the other catalogues."""

import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from website.traditional import STANDARDS, convert_text

DEFAULT_STANDARD = "s2hk"


def catalogue_dir(locale, standard):
    """Where a standard's zh_Hant catalogue lives: the default's beside the others, the other's in
    a locale path of its own (website.settings.base puts it first when it is configured)."""
    return locale if standard == DEFAULT_STANDARD else locale / standard


def corrections(locale, standard):
    """((Simplified, Traditional), …) for `standard`, longest Simplified word first."""
    terms = []
    for line in (locale / "traditional-corrections.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        applies_to, simplified, traditional, *_why = line.split("\t")
        if applies_to not in ("*", *STANDARDS):
            raise CommandError(f"traditional-corrections.tsv: unknown standard {applies_to!r} in {line!r}")
        if applies_to in ("*", standard):
            terms.append((simplified, traditional))
    return tuple(sorted(terms, key=lambda term: -len(term[0])))


class Command(BaseCommand):
    help = "Write the Traditional Chinese catalogues (Hong Kong's, Taiwan's) from the Simplified one."

    def add_arguments(self, parser):
        parser.add_argument("--standard", choices=sorted(STANDARDS), help="only this standard's catalogue")
        parser.add_argument("--locale-dir", type=Path, default=Path(settings.BASE_DIR) / "locale")

    def handle(self, *args, standard, locale_dir, **options):
        try:
            import polib
        except ImportError as error:  # a development tool: requirements-test.txt has polib
            raise CommandError("polib is needed: pip install -r requirements-test.txt") from error
        source = polib.pofile(str(locale_dir / "zh_Hans" / "LC_MESSAGES" / "django.po"))
        for chosen in [standard] if standard else sorted(STANDARDS):
            self.write(polib, source, locale_dir, chosen)

    def write(self, polib, source, locale_dir, standard):
        terms = corrections(locale_dir, standard)
        target = polib.POFile(wrapwidth=source.wrapwidth)
        target.metadata = {**source.metadata, "Language": "zh_Hant"}
        target.header = (
            "The Traditional Chinese interface text, written by `manage.py traditional_catalogue`\n"
            f"from locale/zh_Hans with OpenCC {standard} ({STANDARDS[standard]}). Do not edit: change\n"
            "the Simplified catalogue or locale/traditional-corrections.tsv, then run `make messages`."
        )
        for entry in source:
            if entry.obsolete:
                continue
            converted = polib.POEntry(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgctxt=entry.msgctxt,
                occurrences=entry.occurrences,
                flags=list(entry.flags),
                msgstr=convert_text(entry.msgstr, standard, terms),
                msgstr_plural={
                    index: convert_text(text, standard, terms) for index, text in entry.msgstr_plural.items()
                },
            )
            target.append(converted)
        path = catalogue_dir(locale_dir, standard) / "zh_Hant" / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        target.save(str(path))
        # As compilemessages does, which reaches only the locale paths settings list.
        compiled = path.with_suffix(".mo")
        subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(path)], check=True)
        self.stdout.write(f"Wrote {path} ({len(target)} entries, {standard}).")
