"""Factories for the investment app: officers, the map page with its areas, the library."""

import factory
import wagtail_factories

from investment.models import (
    InvestmentMapPage,
    InvestmentOfficer,
    MapArea,
    Publication,
    PublicationLibraryPage,
)

from ..factories import BilingualPageFactory


class OfficerFactory(factory.django.DjangoModelFactory):
    name_zh_hans = factory.Sequence(lambda n: f"王经理{n}")
    name_en = factory.Sequence(lambda n: f"Wang Manager {n}")
    languages_zh_hans = "中文、英语"
    languages_en = "Chinese, English"
    email = factory.Sequence(lambda n: f"officer{n}@example.org")
    phone = "+86 531 0000 0101"
    wechat_id = factory.Sequence(lambda n: f"jimc_officer{n}")

    class Meta:
        model = InvestmentOfficer
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(officer, create, extracted, **kwargs):
        if create and extracted:
            officer.sectors.set(extracted)
            officer.save()  # a parental many-to-many is written when its owner is saved


class MapPageFactory(BilingualPageFactory):
    title_zh_hans = "招商地图"
    title_en = "Investment map"
    slug_zh_hans = "zhaoshang-ditu"
    slug_en = "investment-map"
    intro_zh_hans = "园区可供投资的地块、楼宇和平台。"
    intro_en = "Land, buildings and platforms open to investors."

    class Meta:
        model = InvestmentMapPage


class MapAreaFactory(factory.django.DjangoModelFactory):
    """Pass `page`; `english=False` leaves the English name empty."""

    class Params:
        english = True

    name_zh_hans = factory.Sequence(lambda n: f"地块{n}")
    name_en = factory.Maybe("english", factory.Sequence(lambda n: f"Parcel {n}"), "")
    permitted_use_zh_hans = "医疗卫生用地"
    permitted_use_en = factory.Maybe("english", "Medical and health use", "")
    kind = MapArea.Kind.PARCEL
    status = MapArea.Status.AVAILABLE
    area_m2 = 12000
    points = "10,10 40,10 40,30 10,30"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = MapArea


class LibraryPageFactory(BilingualPageFactory):
    title_zh_hans = "资料下载"
    title_en = "Publications"
    slug_zh_hans = "ziliao"
    slug_en = "publications"

    class Meta:
        model = PublicationLibraryPage


class PublicationFactory(factory.django.DjangoModelFactory):
    class Params:
        english = True

    title_zh_hans = factory.Sequence(lambda n: f"投资指南{n}")
    title_en = factory.Maybe("english", factory.Sequence(lambda n: f"Investor guide {n}"), "")
    summary_zh_hans = "园区概况、产业方向与支持政策。"
    summary_en = factory.Maybe("english", "The zone, its sectors and its support policies.", "")
    year = 2025
    kind = Publication.Kind.GUIDE
    file_language = Publication.FileLanguage.CHINESE
    document = factory.SubFactory(wagtail_factories.DocumentFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Publication
