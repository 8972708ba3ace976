import pytest

from .builders import filed_case


@pytest.fixture
def filed(db):
    return filed_case()
