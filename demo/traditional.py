"""The demo's Traditional Chinese glossary: terms whose Traditional usage is another word."""

from website.models import GlossaryTerm

# (Simplified term, Traditional form, standard or "" for every standard, note)
TERMS = [
    ("个人信息", "個人資料", "", "香港、台湾法律用语：个人资料"),
]


def load(loader):
    for simplified, traditional, standard, note in TERMS:
        term, created = GlossaryTerm.objects.get_or_create(
            simplified=simplified, standard=standard, defaults={"traditional": traditional, "note": note}
        )
        if not created and (term.traditional, term.note) != (traditional, note):
            term.traditional, term.note = traditional, note
            term.save()
