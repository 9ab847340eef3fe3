"""Demo news articles dated 2023 (the shape is described in articles/__init__.py)."""

# ruff: noqa: E501  (prose: long strings read better unbroken than split mid-sentence)

ARTICLES = [
    {
        "slug": {"zh": "zhizi-zhongxin-shouli-huanzhe", "en": "proton-therapy-centre-treats-first-patient"},
        "kind": "news",
        "date": (2023, 11, 8, 9, 30),
        "image": "proton-gantry",
        "bylines": [("陈思远", "reporter"), ("刘晓雯", "correspondent"), ("赵明轩", "photographer")],
        "keywords": ["proton-therapy", "medical-services"],
        "source": {
            "publication": {"zh": "泉城健康报", "en": "Spring City Health Daily"},
            "issue": {"zh": "2023年11月8日 第3版", "en": "8 November 2023, page 3"},
        },
        "related": ["zhonglizi-bingfang-kaigong", "2023-niandu-huigu"],
        "zh": {
            "title": "山东省质子中心收治首位患者，质子治疗进入临床阶段",
            "subtitle": "满负荷运行后每天可治疗90至100人次",
            "summary": "11月7日，医学中心内的山东省质子中心为第一位患者实施质子治疗，标志着这一大型放疗设施从调试转入临床。"
            "中心满负荷运行后每天可治疗90至100人次，预计每年治疗患者超过一千例。",
            "body": [
                (
                    "paragraph",
                    "<p>11月7日上午，山东省质子中心的治疗室里，第一位患者完成了质子治疗。经过长时间的设备安装、"
                    "调试和临床验证，这套大型放疗系统正式投入临床使用。</p>"
                    "<p>与常规放疗相比，质子射线在到达肿瘤后才集中释放能量，对周围正常组织的影响更小，"
                    "尤其适合儿童肿瘤以及靠近重要器官的肿瘤。过去，不少患者需要出国或跨省才能接受这种治疗。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "90–100", "unit": "人次", "label": "满负荷时每日治疗量"},
                        {"value": "1000+", "unit": "例", "label": "预计年治疗患者"},
                        {"value": "11月7日", "unit": "", "label": "首例患者接受治疗"},
                    ],
                ),
                (
                    "quote",
                    {
                        "quote": "患者在家门口就能用上国际先进的放疗技术，这是我们建设质子中心的初衷。",
                        "attribution": "质子中心医疗团队负责人",
                    },
                ),
                (
                    "paragraph",
                    "<p>质子中心二期将建设重离子治疗项目，其病房区已经开工。两期建成后，医学中心将形成质子、"
                    "重离子和常规放疗互为补充的肿瘤放疗体系。</p>",
                ),
                ("image", {"image": "site-crane", "caption": "质子中心二期重离子项目病房区施工现场"}),
            ],
        },
        "en": {
            "title": "Shandong's proton therapy centre treats its first patient",
            "subtitle": "At full capacity it will treat 90 to 100 patients a day",
            "summary": "The proton therapy centre in the medical zone treated its first patient on 7 November, moving from "
            "commissioning into clinical use. Running at full capacity it can treat 90 to 100 patients a day, "
            "and more than a thousand patients a year are expected.",
            "body": [
                (
                    "paragraph",
                    "<p>On the morning of 7 November the first patient was treated at the Shandong proton therapy centre. "
                    "After months of installation, calibration and clinical checks, the system is now in routine use.</p>"
                    "<p>Protons release most of their energy where they stop, inside the tumour, so less healthy tissue is "
                    "exposed than with conventional radiotherapy. That matters most for children and for tumours close to "
                    "vital organs. Until now, many patients in the province had to travel abroad or to another province for it.</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "90–100", "unit": "a day", "label": "patients at full capacity"},
                        {"value": "1,000+", "unit": "a year", "label": "patients expected"},
                        {"value": "7 Nov", "unit": "2023", "label": "first patient treated"},
                    ],
                ),
                (
                    "quote",
                    {
                        "quote": "Patients can now get world-class radiotherapy close to home. That is why this "
                        "centre was built.",
                        "attribution": "Head of the centre's clinical team",
                    },
                ),
                (
                    "paragraph",
                    "<p>A second phase will add heavy-ion therapy, and work on its ward has begun. Together the two phases "
                    "will give the zone protons, heavy ions and conventional radiotherapy under one roof.</p>",
                ),
                (
                    "image",
                    {"image": "site-crane", "caption": "Building the ward of the heavy-ion second phase"},
                ),
            ],
        },
    },
    {
        "slug": {"zh": "xin-yiyuan-shiyunxing", "en": ""},
        "kind": "news",
        "date": (2023, 12, 30, 18, 0),
        "image": "hospital-dawn",
        "bylines": [("陈思远", "reporter")],
        "keywords": ["medical-services"],
        "zh": {
            "title": "医学中心新建综合医院开始试运行",
            "subtitle": "正式运营后将带动五千余人就业",
            "summary": "12月30日，医学中心内一家新建综合医院开始试运行。医院正式开业后预计提供五千多个就业岗位，"
            "园区为其筹建过程提供了全程代办服务。",
            "body": [
                (
                    "paragraph",
                    "<p>12月30日，医学中心内新建的一家综合医院开门试运行，首批门诊科室开始接诊。</p>"
                    "<p>在医院筹建过程中，园区工作人员牵头召开了9次协调会，梳理出38项需要代办的事项，逐项落实。"
                    "医院还获批设立了院士工作站。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "5000+", "unit": "人", "label": "正式运营后带动就业"},
                        {"value": "38", "unit": "项", "label": "园区代办事项"},
                    ],
                ),
                ("paragraph", "<p>试运行期间，医院将逐步开放住院部和更多专科门诊。</p>"),
            ],
        },
        "en": None,
    },
]
