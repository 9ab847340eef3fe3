"""Demo news articles dated 2026 (the shape is described in articles/__init__.py)."""

# ruff: noqa: E501  (prose: long strings read better unbroken than split mid-sentence)

ARTICLES = [
    {
        "slug": {"zh": "2026-touzi-zhinan", "en": "investor-guide-2026"},
        "kind": "press_release",
        "date": (2026, 1, 15, 10, 0),
        "image": "new-district",
        "bylines": [("周静怡", "editor")],
        "keywords": ["investment-promotion", "policy", "industrial-park"],
        "zh": {
            "title": "医学中心发布2026年版投资指南",
            "subtitle": "整合五张清单、场景机会和16条政策",
            "summary": "2026年版投资指南把产业链五张清单、应用场景机会和16条支持政策汇编成册，方便投资者一站查阅。",
            "body": [
                (
                    "paragraph",
                    "<p>新版投资指南首次把招商目录、招商地图、资源清单、产业政策和准入机制五张清单，"
                    "与应用场景机会清单和16条支持政策放在一起，投资者可以在一本册子里找到所需信息。</p>"
                    "<p>指南提供中文和英文两个版本。</p>",
                ),
            ],
        },
        "en": {
            "title": "The 2026 investor guide is out",
            "subtitle": "Five lists, scenario opportunities and sixteen measures in one place",
            "summary": "The 2026 investor guide brings together the five investment lists, the application-scenario "
            "opportunities and the sixteen support measures, so investors can find everything in one document.",
            "body": [
                (
                    "paragraph",
                    "<p>For the first time the five lists from the industry-chain study sit beside the scenario opportunities "
                    "and the sixteen support measures in a single guide.</p><p>It is published in Chinese and English.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "tupian-yixue-zhongxin-yinian", "en": "a-year-in-pictures"},
        "kind": "feature",
        "date": (2026, 2, 10, 12, 0),
        "image": "new-district",
        "bylines": [("赵明轩", "photographer"), ("周静怡", "editor")],
        "keywords": ["industrial-park", "medical-services", "proton-therapy"],
        "zh": {
            "title": "图片故事：医学中心的一年",
            "subtitle": "从工地到诊室",
            "summary": "塔吊、实验室、诊室和新落成的楼宇：摄影记者用一组图片记录医学中心过去一年的变化。",
            "body": [
                (
                    "paragraph",
                    "<p>过去一年，我们的摄影记者多次走进医学中心的工地、实验室和医院。以下是其中几个瞬间。</p>",
                ),
                ("gallery", ["site-crane", "proton-gantry", "genome-helix", "hospital-dawn", "device-cross"]),
                ("paragraph", "<p>新的一年，更多项目将从图纸变成现实。</p>"),
            ],
        },
        "en": {
            "title": "The medical zone's year in pictures",
            "subtitle": "From building sites to consulting rooms",
            "summary": "Cranes, laboratories, consulting rooms and new buildings: our photographer's record of a year of "
            "change in the medical zone.",
            "body": [
                (
                    "paragraph",
                    "<p>Over the past year our photographer kept going back to the zone's building sites, laboratories "
                    "and hospitals. Here are a few of the moments.</p>",
                ),
                ("gallery", ["site-crane", "proton-gantry", "genome-helix", "hospital-dawn", "device-cross"]),
                ("paragraph", "<p>In the year ahead, more projects will move from drawings to reality.</p>"),
            ],
        },
    },
]
