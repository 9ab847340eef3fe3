"""Chinese wording of the editorial workflow's interface strings (roles, review, English status),
applied to django.po by scripts/translate-catalogue.
"""

TRANSLATIONS = {
    # roles and review
    "Editorial workflow": "编辑审核流程",
    "Writers": "撰稿人",
    "Translators": "译员",
    "Editors": "初审编辑",
    "Department heads": "部门负责人",
    "Leadership": "领导",
    "Press officers": "新闻官",
    "Site administrators": "网站管理员",
    "Group approval with English check": "群组审批（检查英文）",
    "Group approvals with English check": "群组审批（检查英文）",
    "Members of the chosen groups can approve, except that pages the site settings require in English "
    "cannot be approved until their English is complete": (
        "所选群组的成员可以审批；站点设置要求英文的页面，须英文完整后方可审批"
    ),
    # the bilingual gate
    "complete English required before final approval": "终审前须英文完整的页面",
    "The final review refuses to approve pages of these kinds while any of their English is missing.": (
        "这些类型的页面只要仍缺英文内容，终审即不予通过。"
    ),
    "Press releases": "新闻稿",
    "All news articles": "全部新闻文章",
    "Policy lists": "政策清单",
    "Standard pages": "普通页面",
    "Cooperation showcases": "合作项目展示",
    "“%(title)s” cannot be given final approval yet: the site settings require %(gated)s to be complete in "
    "English before publication. Still missing in English: %(fields)s.": (
        "“%(title)s”暂不能通过终审：站点设置要求%(gated)s在发布前英文完整。仍缺英文的字段：%(fields)s。"
    ),
    "%(items)s and %(last)s": "%(items)s和%(last)s",
    ", ": "、",
    "The final review will not approve %(gated)s until the English is complete.": (
        "英文完整之前，终审不会通过%(gated)s。"
    ),
    # English status
    "Complete": "完整",
    "Partial": "部分",
    "Missing": "缺失",
    "English: %(status)s": "英文：%(status)s",
    "Missing in English:": "缺英文的字段：",
    "Missing in English": "缺英文的字段",
    # the report and the dashboard
    "Pages lacking English": "缺英文的页面",
    "Section": "栏目",
    "All sections": "全部栏目",
    "Type": "类型",
    "Title": "标题",
    "Title (Chinese)": "标题（中文）",
    "ID": "编号",
    "English": "英文",
    "Partial or missing": "部分或缺失",
    ("%(counter)s page still lacks English", "%(counter)s pages still lack English"): (
        "还有 %(counter)s 个页面缺英文"
    ),
    "%(missing)s missing, %(partial)s partial": "%(missing)s 个缺失，%(partial)s 个部分",
    "See the list": "查看清单",
}
