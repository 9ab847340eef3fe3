"""An investor registers for a roadshow in English from a real browser, on a phone-sized
screen, and the page says the place is confirmed; the same page in Chinese has no English."""

import pytest
from django.utils import translation

from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_investor_registers_for_an_event_in_english_on_a_phone(browser, demo_site):
    from django.core import mail

    from events.models import EventPage
    from events.registration import Registration

    event = EventPage.objects.live().filter(registration_open=True, waiting_list=False).first()
    with translation.override("en"):
        english_url = event.get_url()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        reader = Reader(tab, demo_site).open(english_url)
        assert reader.html_lang == "en" and reader.chinese_in_main_content() == []
        tab.get_by_label("Your name").fill("Ada Investor")
        tab.get_by_label("Organisation").fill("Helix Medical GmbH")
        tab.get_by_label("Job title").fill("Director")
        tab.get_by_label("Email").fill("ada@example.com")
        tab.get_by_label("Telephone").fill("+49 30 1234")
        tab.get_by_label("I agree that the zone may use").check()
        tab.wait_for_timeout(3100)  # a person takes longer than the minimum fill time
        tab.get_by_role("button", name="Register").click()
        tab.wait_for_load_state()

        status = tab.locator(".event-registration [role=status]").inner_text()
        assert "your place is confirmed" in status and "ada@example.com" in status
        registration = Registration.objects.get(email="ada@example.com")
        assert registration.event_id == event.pk and registration.language == "en"
        # The confirmation is queued for the worker; in tests tasks run at once.
        assert any(message.to == ["ada@example.com"] for message in mail.outbox)
    finally:
        context.close()
