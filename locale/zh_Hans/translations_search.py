"""Chinese wording of the search page's interface strings (search/), applied to django.po
by scripts/translate-catalogue. "News", "Press release", "Feature" and "Year" are in
translations_site.py."""

# ruff: noqa: E501  (a translation reads better on one line than split mid-sentence)

TRANSLATIONS = {
    "Site search": "站内搜索",
    "Page": "页面",
    "Policy list": "政策清单",
    "Cooperation project": "合作项目",
    "Search": "搜索",
    "Search the site": "搜索本站",
    "Search: %(query)s": "搜索：%(query)s",
    "Words to find": "搜索词",
    "Kind": "类型",
    "All kinds": "全部类型",
    "All years": "全部年份",
    "That search is too long. Please use at most %(limit)s characters.": "搜索内容过长，请不要超过 %(limit)s 个字符。",
    (
        "%(counter)s result for “%(query)s”",
        "%(counter)s results for “%(query)s”",
    ): "找到 %(counter)s 条与“%(query)s”相关的结果",
    "Nothing was found for “%(query)s”.": "没有找到与“%(query)s”相关的内容。",
    (
        "There is %(counter)s result in the other language:",
        "There are %(counter)s results in the other language:",
    ): "另一种语言中有 %(counter)s 条结果：",
    "Try fewer words:": "试试少用几个词：",
    "Search all kinds and years": "在全部类型和年份中搜索",
    "Check the spelling, or use a more general word.": "请检查用字，或换一个更常用的词。",
    "Search news, press releases, policies, cooperation projects and pages.": "搜索新闻、新闻发布、政策、合作项目和页面。",
}
