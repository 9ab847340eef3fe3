# ruff: noqa: E501  (demo prose: one sentence per line reads better than wrapped strings)
"""Demo content for reader participation: the privacy notice, the investment inquiry form,
comments switched on for two articles, with comments approved and awaiting moderation, and a
story campaign with one approved story and one (with a photo) awaiting moderation.
Loaded by demo/loader.py; idempotent like the rest of the demo."""

from django.core.files.base import ContentFile

from home.models import StandardPage
from news.models import NewsArticlePage
from participation.models import Comment, InquiryFormField, InquiryPage, StorySubmission, StorySubmissionPage

from . import images
from .values import stream

PRIVACY = {
    "slug": {"zh": "yinsi-shengming", "en": "privacy-notice"},
    "title": {"zh": "个人信息保护声明", "en": "Privacy notice"},
    "intro": {
        "zh": "我们如何收集、使用和保护您通过本网站提交的个人信息。",
        "en": "How we collect, use and protect the personal information you send us through this website.",
    },
    "body": {
        "zh": [
            ("heading", "我们收集哪些信息"),
            (
                "paragraph",
                "<p>您通过投资咨询表、评论或投稿主动提交的姓名、单位、国家或地区、联系方式和留言内容。我们不通过本网站收集敏感个人信息。</p>",
            ),
            ("heading", "用途与保存期限"),
            (
                "paragraph",
                "<p>仅用于答复您的咨询、审核和发布评论。咨询记录保存三年，未通过审核的评论保存六个月，期满删除。</p>",
            ),
            ("heading", "您的权利"),
            (
                "paragraph",
                "<p>根据《中华人民共和国个人信息保护法》，您可以查阅、更正、删除您的个人信息或撤回同意，请联系招商服务中心。</p>",
            ),
        ],
        "en": [
            ("heading", "What we collect"),
            (
                "paragraph",
                "<p>The name, organisation, country or region, contact details and message you send us through the inquiry form, a comment or a story. We collect no sensitive personal information through this website.</p>",
            ),
            ("heading", "Why, and for how long"),
            (
                "paragraph",
                "<p>Only to answer your inquiry and to moderate and publish comments. Inquiries are kept for three years and rejected comments for six months, then deleted.</p>",
            ),
            ("heading", "Your rights"),
            (
                "paragraph",
                "<p>Under China's Personal Information Protection Law you may see, correct or delete your personal information, or withdraw your consent: write to the Investment Service Centre.</p>",
            ),
        ],
    },
}

INQUIRY = {
    "slug": {"zh": "touzi-zixun", "en": "investment-inquiry"},
    "title": {"zh": "投资咨询", "en": "Investment inquiry"},
    "intro": {
        "zh": "<p>有意在医学中心投资或合作？请留下您的问题，招商服务中心将在两个工作日内用您选择的语言答复。</p>",
        "en": "<p>Thinking of investing or partnering in the zone? Send us your question and the Investment Service Centre will answer within two working days, in the language you choose.</p>",
    },
    "thank_you_text": {
        "zh": "<p>谢谢！我们已收到您的咨询，将在两个工作日内答复。</p>",
        "en": "<p>Thank you. We have received your inquiry and will answer within two working days.</p>",
    },
    "subject": {"zh": "网站投资咨询", "en": "Investment inquiry from the website"},
    "to_address": "investment@example.org",
}

# (clean name, field type, required, zh label, en label, zh help, en help, zh choices, en choices)
FIELDS = [
    ("name", "singleline", True, "姓名", "Name", "", "", "", ""),
    (
        "organisation",
        "singleline",
        True,
        "单位",
        "Organisation",
        "公司、医院或机构名称",
        "Company, hospital or institution",
        "",
        "",
    ),
    ("country", "singleline", True, "国家或地区", "Country or region", "", "", "", ""),
    (
        "sector",
        "sector",
        False,
        "关注领域",
        "Sector of interest",
        "取自园区的政策和场景清单",
        "From the zone's policy and scenario lists",
        "",
        "",
    ),
    ("email", "email", True, "电子邮箱", "Email", "", "", "", ""),
    ("phone", "singleline", False, "电话", "Telephone", "含国家或地区代码", "With the country code", "", ""),
    ("message", "multiline", True, "咨询内容", "Your question", "", "", "", ""),
    (
        "preferred_language",
        "radio",
        True,
        "希望使用的答复语言",
        "Preferred language for our answer",
        "",
        "",
        "中文\n英文",
        "Chinese\nEnglish",
    ),
]

COMMENTS = [
    # (article slug, name, text, language, status)
    (
        "zhizi-zhongxin-shouli-huanzhe",
        "王先生",
        "家里老人在这里做了质子治疗，医护人员非常耐心，感谢！",
        "zh-hans",
        Comment.Status.APPROVED,
    ),
    (
        "zhizi-zhongxin-shouli-huanzhe",
        "",
        "Good to see the centre open to international patients.",
        "en",
        Comment.Status.APPROVED,
    ),
    ("zhizi-zhongxin-shouli-huanzhe", "李女士", "请问外地患者如何预约？", "zh-hans", Comment.Status.PENDING),
]


CAMPAIGN = {
    "slug": {"zh": "gushi-zhengji", "en": "share-your-story"},
    "title": {"zh": "讲述您的医学中心故事", "en": "Share your story"},
    "campaign_title": {"zh": "我与医学中心的十年", "en": "Ten years of the medical center, in your words"},
    "intro": {
        "zh": "<p>您在医学中心就医、工作或创业的经历，都是园区故事的一部分。欢迎写下来，附一张照片更好。审核通过后，我们会在本页刊登。</p>",
        "en": "<p>Whether you were treated, work or started a company here, your experience is part of the zone's story. Write it down for us, with a photo if you have one. Once a moderator approves it, it appears on this page.</p>",
    },
    "thank_you_text": {
        "zh": "<p>谢谢您的故事！审核通过后，它将出现在本页。如需核实，我们会与您联系。</p>",
        "en": "<p>Thank you for your story. It will appear on this page once a moderator has approved it; we will contact you if we need to check anything.</p>",
    },
}

STORIES = [
    # (title, story, name, email, language, status, with a photo)
    (
        "凌晨两点的急诊",
        "孩子半夜高烧，我们抱着他赶到急诊。护士一边登记一边安慰我们，医生二十分钟就看完了。\n那一夜我记住了这里的灯光。",
        "赵女士",
        "zhao@example.com",
        "zh-hans",
        StorySubmission.Status.APPROVED,
        False,
    ),
    (
        "From Hamburg to Jinan",
        "We opened our lab here in 2023. The permit took six weeks, not six months.\nThe photo is our first team lunch.",
        "Jonas Weber",
        "jonas@example.com",
        "en",
        StorySubmission.Status.PENDING,
        True,
    ),
]


def both(column, pair):
    return {f"{column}_zh_hans": pair["zh"], f"{column}_en": pair["en"]}


def load(loader, home):

    privacy = loader.save_page(
        home,
        StandardPage,
        PRIVACY["slug"],
        both("title", PRIVACY["title"])
        | both("intro", PRIVACY["intro"])
        | both("body", {lang: stream(blocks) for lang, blocks in PRIVACY["body"].items()}),
    )
    fields = [
        InquiryFormField(
            clean_name=name,
            field_type=kind,
            required=required,
            label_zh_hans=zh,
            label_en=en,
            help_text_zh_hans=zh_help,
            help_text_en=en_help,
            choices_zh_hans=zh_choices,
            choices_en=en_choices,
            label=zh,
        )
        for name, kind, required, zh, en, zh_help, en_help, zh_choices, en_choices in FIELDS
    ]
    loader.save_page(
        home,
        InquiryPage,
        INQUIRY["slug"],
        both("title", INQUIRY["title"])
        | both("intro", INQUIRY["intro"])
        | both("thank_you_text", INQUIRY["thank_you_text"])
        | both("subject", INQUIRY["subject"])
        | {"to_address": INQUIRY["to_address"], "privacy_page_id": privacy.pk, "show_in_menus": False},
        {"form_fields": fields},
    )
    load_comments(loader)
    load_campaign(loader, home, privacy)


def load_campaign(loader, home, privacy):
    """The story campaign (linked from the contact page) and its two stories."""

    page = loader.save_page(
        home,
        StorySubmissionPage,
        CAMPAIGN["slug"],
        both("title", CAMPAIGN["title"])
        | both("campaign_title", CAMPAIGN["campaign_title"])
        | both("intro", CAMPAIGN["intro"])
        | both("thank_you_text", CAMPAIGN["thank_you_text"])
        | {"privacy_page_id": privacy.pk, "show_in_menus": False},
    )
    for title, text, name, email, language, status, with_photo in STORIES:
        story = loader.save_model(
            "story",
            StorySubmission,
            {"page": page, "title": title},
            {"story": text, "name": name, "email": email, "language": language, "status": status},
            title,
        )
        if with_photo and not story.photo:
            # Drawn once, into the private storage, like a reader's upload after its checks.
            picture = images.render("helix", ("#0b3d5c", "#1c8c8c", "#e6fffa"), seed=7, size=(800, 600))
            story.photo.save("demo-story.jpg", ContentFile(picture))


def load_comments(loader):
    """Comments on for the commented article and the newest English one."""
    slugs = {slug for slug, *_ in COMMENTS}
    articles = list(NewsArticlePage.objects.filter(slug_zh_hans__in=slugs))
    newest = (
        NewsArticlePage.objects.live()
        .filter(has_english=True)
        .exclude(slug_zh_hans__in=slugs)
        .order_by("-date")
        .first()
    )
    articles += [newest] if newest else []
    for article in articles:
        if not article.comments_enabled:
            article.comments_enabled = True
            article.save_revision().publish()
            loader.log("page", "updated", f"{article.url_path} (comments on)")
    by_slug = {a.slug_zh_hans: a for a in articles}
    for slug, name, text, language, status in COMMENTS:
        article = by_slug[slug]
        loader.save_model(
            "comment",
            Comment,
            {"article": article, "text": text},
            {"name": name, "language": language, "status": status},
            text[:30],
        )
