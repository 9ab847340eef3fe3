"""A foreign investor sends the investment inquiry in English from a real browser."""

import pytest

from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_investor_sends_the_inquiry_form_in_english(tab, demo_site):
    from wagtail.contrib.forms.models import FormSubmission

    reader = Reader(tab, demo_site).open("/en/investment-inquiry/")
    assert reader.heading == "Investment inquiry" and reader.html_lang == "en"
    assert reader.chinese_in_main_content() == []
    tab.get_by_label("Name (required)", exact=True).fill("Ada Investor")
    tab.get_by_label("Organisation").fill("Helix Medical GmbH")
    tab.get_by_label("Country or region").fill("Germany")
    tab.get_by_label("Sector of interest").select_option(index=1)
    tab.get_by_label("Email").fill("ada@example.com")
    tab.get_by_label("Your question").fill("Which rent support applies to a device maker?")
    tab.get_by_label("English", exact=True).check()
    tab.get_by_label("I agree that the zone may use").check()
    tab.wait_for_timeout(3100)  # a person takes longer than the minimum fill time
    tab.get_by_role("button", name="Send inquiry").click()
    tab.wait_for_load_state()

    assert "Thank you. We have received your inquiry" in tab.locator("main").inner_text()
    submission = FormSubmission.objects.get()
    assert submission.get_data()["organisation"] == "Helix Medical GmbH"
    assert submission.get_data()["preferred_language"] == "English"
