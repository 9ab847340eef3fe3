"""The staff roles: one Django group each, created by migration 0002 (docs/permissions.md has the matrix).

Group names stay in English because code and the review tasks find groups by name; the
admin shows each task's name in both languages, and the docs give each role's Chinese name.
"""

from django.utils.translation import gettext_lazy as _

WRITERS = "Writers"
TRANSLATORS = "Translators"
EDITORS = "Editors"
DEPARTMENT_HEADS = "Department heads"
LEADERSHIP = "Leadership"
PRESS_OFFICERS = "Press officers"
SITE_ADMINISTRATORS = "Site administrators"

# (group name, label in the interface language, Chinese name for the docs and the demo)
ROLES = [
    (WRITERS, _("Writers"), "撰稿人"),
    (TRANSLATORS, _("Translators"), "译员"),
    (EDITORS, _("Editors"), "初审编辑"),
    (DEPARTMENT_HEADS, _("Department heads"), "部门负责人"),
    (LEADERSHIP, _("Leadership"), "领导"),
    (PRESS_OFFICERS, _("Press officers"), "新闻官"),
    (SITE_ADMINISTRATORS, _("Site administrators"), "网站管理员"),
]

# The review levels, in order: the group that approves each one.
REVIEW_LEVELS = [EDITORS, DEPARTMENT_HEADS, LEADERSHIP]


def edits_only_english(user):
    """A translator and nothing else: they change the English of pages, never the Chinese."""
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return names == {TRANSLATORS}
