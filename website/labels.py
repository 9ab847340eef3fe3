"""How the admin names a field's two languages: "摘要 · 中文" / "Summary · English", in the
admin user's own language, instead of django-modeltranslation's "摘要 [zh-hans]".

Kept free of other imports: the settings name `localized_verbose_name`
(MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME), before any app is loaded.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"zh-hans": _("Chinese"), "en": _("English")}


def localized_verbose_name(verbose_name, language):
    return format_lazy("{} · {}", verbose_name, LANGUAGE_NAMES.get(language, language))
