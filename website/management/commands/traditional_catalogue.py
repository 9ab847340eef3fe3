"""Writes locale/zh_Hant/ from the Simplified catalogue: every translation converted by OpenCC
(Hong Kong usage unless --standard says otherwise), with the words where Traditional usage differs
set first. `make messages` runs it; the result is committed like the other catalogues."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from website.traditional import STANDARDS, convert_text

# Interface words whose Traditional usage is another word, not another script (applied before OpenCC).
USAGE = {
    "s2hk": (("信息", "資訊"), ("链接", "連結"), ("登录", "登入")),
    "s2twp": (("链接", "連結"), ("登录", "登入")),  # s2twp already has 資訊, 軟體, 網路…
}


class Command(BaseCommand):
    help = "Write the Traditional Chinese catalogue (locale/zh_Hant) from the Simplified one."

    def add_arguments(self, parser):
        parser.add_argument("--standard", choices=sorted(STANDARDS), default="s2hk")

    def handle(self, *args, standard, **options):
        try:
            import polib
        except ImportError as error:  # a development tool: requirements-test.txt has polib
            raise CommandError("polib is needed: pip install -r requirements-test.txt") from error
        locale = Path(settings.LOCALE_PATHS[0])
        source = polib.pofile(str(locale / "zh_Hans" / "LC_MESSAGES" / "django.po"))
        terms = tuple(sorted(USAGE[standard], key=lambda term: -len(term[0])))
        target = polib.POFile(wrapwidth=source.wrapwidth)
        target.metadata = {**source.metadata, "Language": "zh_Hant"}
        target.header = (
            "The Traditional Chinese interface text, written by `manage.py traditional_catalogue`\n"
            f"from locale/zh_Hans with OpenCC {standard}. Do not edit: change the Simplified\n"
            "catalogue or the command's USAGE table, then run `make messages`."
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
        path = locale / "zh_Hant" / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        target.save(str(path))
        call_command("compilemessages", locale=["zh_Hant"], ignore_patterns=[".venv/*"], verbosity=0)
        self.stdout.write(f"Wrote {path} ({len(target)} entries, {standard}).")
