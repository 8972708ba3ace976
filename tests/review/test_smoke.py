import pytest
from django.urls import reverse

from .builders import make_case_with_evidence


@pytest.mark.django_db
def test_smoke(login, reviewer, case_manager):
    """Smoke."""
    case = make_case_with_evidence("persecution", "zh-hans")
    client = login(case_manager)
    response = client.get(reverse("forms_app_review:index"))
    assert response.status_code == 200, response.content[:3000]
    assert case.reference in response.content.decode()
    response = client.get(reverse("forms_app_review:detail", args=[case.pk]))
    assert response.status_code == 200
    print(response.content.decode()[-6000:])
