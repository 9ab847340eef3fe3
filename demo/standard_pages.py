"""Demo content for the standard pages under the home page: about, investor guide, contact.

Bodies are lists of (block type, value) in each language, as `website.blocks.BodyBlock` stores them.
"""

# ruff: noqa: E501  (prose: long strings read better unbroken than split mid-sentence)

from .content import table

STANDARD_PAGES = [
    {
        "slug": {"zh": "guanyu", "en": "about"},
        "title": {"zh": "关于医学中心", "en": "About the zone"},
        "intro": {
            "zh": "一座以医疗为核心的新城片区，医、教、研、产、养在这里相互带动。",
            "en": "A new district built around hospitals, where care, teaching, research, industry and elderly care feed each other.",
        },
        "body": {
            "zh": [
                (
                    "paragraph",
                    "<h2>定位</h2><p>济南国际医学科学中心位于济南西部新城，规划建设之初便确立了以医疗为核心的方向："
                    "先有医院和科研平台，再由它们带动企业、人才和配套服务集聚。</p>"
                    "<p>医学中心的主导产业为高端医疗服务、高端医疗器械、新一代生物技术和数字医疗。"
                    "园区内已建成精准医学产业园、省级质子治疗中心，多家国家级和省级医学平台正在建设或申报。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "130+", "unit": "个", "label": "签约落地项目"},
                        {"value": "120", "unit": "亿元", "label": "2023年完成投资"},
                        {"value": "16", "unit": "条", "label": "专项支持政策"},
                    ],
                ),
                (
                    "paragraph",
                    "<h2>管理方式</h2><p>医学中心实行“管委会＋公司”的运营模式：管委会负责规划、政策和公共服务，"
                    "医学发展集团公司负责投资、建设和基金运作，让市场主导、政府支持的分工更加清晰。</p>",
                ),
                ("quote", {"quote": "先把医院办好，产业自然会跟上来。", "attribution": "医学中心管委会"}),
            ],
            "en": [
                (
                    "paragraph",
                    "<h2>What the zone is for</h2><p>Jinan International Medical Center sits in the new western district "
                    "of Jinan, the capital of Shandong province. From the start it was planned around medicine: hospitals "
                    "and research platforms come first, and they draw companies, talent and services after them.</p>"
                    "<p>Its lead industries are high-end medical services, advanced medical devices, next-generation "
                    "biotechnology and digital health. The zone already has a precision-medicine park and the province's "
                    "proton therapy centre, and several national and provincial medical platforms are being built.</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "130+", "unit": "", "label": "projects signed"},
                        {"value": "12", "unit": "billion yuan", "label": "invested in 2023"},
                        {"value": "16", "unit": "", "label": "dedicated support measures"},
                    ],
                ),
                (
                    "paragraph",
                    "<h2>How it is run</h2><p>An administrative committee handles planning, policy and public services; "
                    "a development company owned by the city invests, builds and manages the zone's funds. The split keeps "
                    "the market in the lead, with the government in support.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "Get the hospitals right and industry will follow.",
                        "attribution": "JIMC Administrative Committee",
                    },
                ),
            ],
        },
    },
    {
        "slug": {"zh": "touzi-zhinan", "en": "investor-guide"},
        "title": {"zh": "投资指南", "en": "Investor guide"},
        "intro": {
            "zh": "重点产业、支持政策和落地流程，一页看清。",
            "en": "Lead industries, support policies and how a project lands, on one page.",
        },
        "body": {
            "zh": [
                (
                    "paragraph",
                    "<h2>重点领域</h2><p>医学中心围绕四个主导产业招商，并在《产业链研究与招商实施方案》中细化了"
                    "“五张清单”：招商目录、招商地图、资源清单、产业政策和准入机制。</p>"
                    "<ul><li>高端医疗服务：专科医院、国际医疗、康复与健康管理</li>"
                    "<li>高端医疗器械：影像、放疗、体外诊断和康复设备</li>"
                    "<li>新一代生物技术：基因检测、细胞治疗、生物材料</li>"
                    "<li>数字医疗：医疗数据、人工智能辅助诊断、互联网医院</li></ul>",
                ),
                (
                    "table",
                    table(
                        "支持政策一览（节选）",
                        [
                            ["类别", "主要内容", "适用对象"],
                            ["审批服务", "药械前置创新审批服务站提供注册申报辅导", "医疗器械和药品企业"],
                            ["人才", "人才公寓拎包入住，高层次人才奖励", "落地企业团队"],
                            ["金融", "创投基金和引导基金参与投资，定期组织路演", "成长期企业"],
                            ["场景", "开放应用场景机会清单，支持新产品先行先试", "创新产品企业"],
                        ],
                    ),
                ),
                (
                    "paragraph",
                    "<h2>落地流程</h2><ol><li>对接洽谈：投资促进局指定一名项目负责人</li>"
                    "<li>方案定制：根据项目需求制定专属落地方案</li><li>签约落地：工商注册、许可办理全程代办</li>"
                    "<li>投产运营：企业服务中心持续跟踪服务</li></ol>",
                ),
            ],
            "en": [
                (
                    "paragraph",
                    "<h2>Where we invest</h2><p>The zone courts investment in four lead industries. Its industry-chain "
                    "study sets out five lists for investors: a catalogue of target investments, an investment map, "
                    "a list of available resources, the industry policies that apply, and the rules for entry.</p>"
                    "<ul><li>High-end medical services: specialist hospitals, international care, rehabilitation</li>"
                    "<li>Advanced medical devices: imaging, radiotherapy, in-vitro diagnostics, rehabilitation equipment</li>"
                    "<li>Next-generation biotechnology: genomics, cell therapy, biomaterials</li>"
                    "<li>Digital health: medical data, AI-assisted diagnosis, online hospitals</li></ul>",
                ),
                (
                    "table",
                    table(
                        "Support at a glance (selection)",
                        [
                            ["Area", "What the zone offers", "For"],
                            [
                                "Approvals",
                                "A pre-submission service station coaches firms through registration",
                                "Device and drug makers",
                            ],
                            [
                                "Talent",
                                "Furnished apartments and awards for senior experts",
                                "Teams of companies that settle here",
                            ],
                            [
                                "Finance",
                                "Venture and guidance funds co-invest; regular roadshows",
                                "Growth-stage companies",
                            ],
                            [
                                "Scenarios",
                                "A list of real settings where new products can be tried first",
                                "Innovative product makers",
                            ],
                        ],
                    ),
                ),
                (
                    "paragraph",
                    "<h2>How a project lands</h2><ol><li>First talks: the Investment Promotion Bureau names one contact person</li>"
                    "<li>A plan for your project, drawn up around what it needs</li>"
                    "<li>Signing and set-up: registration and licences handled with you</li>"
                    "<li>Operation: the business service centre stays in touch</li></ol>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "lianxi", "en": "contact"},
        "title": {"zh": "联系我们", "en": "Contact"},
        "intro": {
            "zh": "投资咨询、媒体采访和公众来访，请通过以下方式联系。",
            "en": "For investment enquiries, press requests and visits, here is how to reach us.",
        },
        "body": {
            "zh": [
                (
                    "paragraph",
                    "<h2>投资咨询</h2><p>投资促进局　电话：0531-0000 0001　邮箱：invest@example.org</p>"
                    '<p><a href="/touzi-zixun/">在线提交投资咨询</a>，两个工作日内答复。</p>'
                    "<h2>新闻媒体</h2><p>新闻中心　电话：0531-0000 0002　邮箱：press@example.org</p>"
                    '<h2>读者投稿</h2><p>您与医学中心的故事，欢迎<a href="/gushi-zhengji/">在线投稿</a>。</p>'
                    "<h2>地址</h2><p>山东省济南市槐荫区医学中心大道 1 号（工作日 9:00–17:00）</p>",
                ),
            ],
            "en": [
                (
                    "paragraph",
                    "<h2>Investment enquiries</h2><p>Investment Promotion Bureau. Telephone +86 531 0000 0001, "
                    "email invest@example.org</p>"
                    '<p><a href="/en/investment-inquiry/">Send us an investment inquiry online</a>; we answer within two working days.</p>'
                    "<h2>Press</h2><p>Newsroom. Telephone +86 531 0000 0002, email press@example.org</p>"
                    '<h2>Your story</h2><p>Tell us your story of the medical center: <a href="/en/share-your-story/">send it online</a>.</p>'
                    "<h2>Address</h2><p>1 Medical Center Avenue, Huaiyin District, Jinan, Shandong, China "
                    "(weekdays 9:00–17:00, China Standard Time)</p>",
                ),
            ],
        },
    },
]
