"""Factories for cooperation pages, both languages by default."""

import datetime

import factory

from cooperation.models import (
    CooperationIndexPage,
    CooperationKind,
    CooperationShowcasePage,
    CooperationStatus,
    Country,
    Sector,
)

from ..factories import BilingualPageFactory, body


class CooperationIndexPageFactory(BilingualPageFactory):
    title_zh_hans = "国际合作"
    title_en = "International cooperation"
    slug_zh_hans = "guoji-hezuo"
    slug_en = "international-cooperation"
    show_in_menus = True

    class Meta:
        model = CooperationIndexPage


class CooperationShowcasePageFactory(BilingualPageFactory):
    title_zh_hans = factory.Sequence(lambda n: f"合作项目{n}")
    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"Partner project {n}"), "")
    slug_zh_hans = factory.Sequence(lambda n: f"xiangmu-{n}")
    slug_en = factory.Maybe("english", factory.Sequence(lambda n: f"project-{n}"), "")
    partner_zh_hans = "韩国一家医院"
    partner_en = factory.Maybe("english", "A Korean hospital", "")
    summary_zh_hans = "双方签署合作备忘录。"
    summary_en = factory.Maybe("english", "The two sides signed a memorandum.", "")
    story_zh_hans = factory.LazyFunction(lambda: body("合作的经过。"))
    story_en = factory.Maybe("english", factory.LazyFunction(lambda: body("How it came about.")), None)
    country = Country.KR
    sector = Sector.MEDICAL_SERVICES
    kind = CooperationKind.MOU
    status = CooperationStatus.SIGNED
    signing_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = CooperationShowcasePage
