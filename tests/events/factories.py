"""Events for tests: the index at /huodong/ and /en/events/, and events under it."""

from events.models import EventIndexPage, EventPage
from tests.factories import BilingualPageFactory


class EventIndexPageFactory(BilingualPageFactory):
    title_zh_hans = "活动与路演"
    title_en = "Events and roadshows"
    slug_zh_hans = "huodong"
    slug_en = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(BilingualPageFactory):
    kind = "roadshow"
    organiser_zh_hans = "医学中心投资促进局"
    organiser_en = "Investment Promotion Bureau"
    summary_zh_hans = "面向医疗器械企业的招商推介。"
    summary_en = "An investment roadshow for device makers."
    venue_zh_hans = "上海国际会议中心"
    venue_en = "Shanghai International Convention Center"

    class Meta:
        model = EventPage
