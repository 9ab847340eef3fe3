import pytest

from cooperation.models import CooperationKind as K
from cooperation.models import CooperationStatus as St
from cooperation.models import Country as C
from cooperation.models import Sector as Se

from .factories import CooperationIndexPageFactory, CooperationShowcasePageFactory

# key: (country, sector, status, english)
SHOWCASES = {
    "kr1": (C.KR, Se.MEDICAL_SERVICES, St.OPERATING, True),
    "kr2": (C.KR, Se.HEALTH_WELLNESS, St.SIGNED, True),
    "kr3": (C.KR, Se.MEDICAL_SERVICES, St.SIGNED, True),
    "il1": (C.IL, Se.MEDICAL_DEVICES, St.OPERATING, True),
    "ch1": (C.CH, Se.HEALTH_WELLNESS, St.UNDER_CONSTRUCTION, True),
    "jp1": (C.JP, Se.MEDICAL_SERVICES, St.NEGOTIATING, False),
}


@pytest.fixture
def cooperation_index(home):
    return CooperationIndexPageFactory(parent=home)


@pytest.fixture
def showcases(cooperation_index):
    return {
        key: CooperationShowcasePageFactory(
            parent=cooperation_index,
            country=country,
            sector=sector,
            status=status,
            english=english,
            kind=K.LANDED_PROJECT,
            slug_zh_hans=f"zh-{key}",
            slug_en=f"en-{key}" if english else "",
        )
        for key, (country, sector, status, english) in SHOWCASES.items()
    }
