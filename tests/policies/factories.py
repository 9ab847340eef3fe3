"""Factories for policy lists: a list page, its categories and entries, both languages by default."""

import datetime

import factory

from policies.models import PolicyCategory, PolicyEntry, PolicyIndexPage, PolicyListPage

from ..factories import BilingualPageFactory


class PolicyIndexPageFactory(BilingualPageFactory):
    title_zh_hans = "政策与机会"
    title_en = "Policies and opportunities"
    slug_zh_hans = "zhengce"
    slug_en = "policies"
    show_in_menus = True

    class Meta:
        model = PolicyIndexPage


class PolicyListPageFactory(BilingualPageFactory):
    title_zh_hans = factory.Sequence(lambda n: f"政策清单{n}")
    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"Policy list {n}"), "")
    slug_zh_hans = factory.Sequence(lambda n: f"qingdan-{n}")
    slug_en = factory.Maybe("english", factory.Sequence(lambda n: f"list-{n}"), "")
    intro_zh_hans = "园区的支持政策。"
    intro_en = factory.Maybe("english", "The zone's support policies.", "")

    class Meta:
        model = PolicyListPage


class PolicyCategoryFactory(factory.django.DjangoModelFactory):
    name_zh_hans = factory.Sequence(lambda n: f"类别{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = PolicyCategory


class PolicyEntryFactory(factory.django.DjangoModelFactory):
    """Pass `page`; `english=False` leaves the English title and summary empty."""

    class Params:
        english = True

    title_zh_hans = factory.Sequence(lambda n: f"政策条目{n}")
    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"Policy entry {n}"), "")
    summary_zh_hans = "对新落户企业给予租金补贴。"
    summary_en = factory.Maybe("english", "Rent support for newly arrived companies.", "")
    document_number_zh_hans = factory.Sequence(lambda n: f"济医管发〔2025〕{n}号")
    document_number_en = factory.Maybe("english", factory.Sequence(lambda n: f"JIMC [2025] No. {n}"), "")
    issuing_body_zh_hans = "管理委员会"
    issuing_body_en = factory.Maybe("english", "Administrative Committee", "")
    issue_date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    status = PolicyEntry.Status.IN_FORCE
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = PolicyEntry
