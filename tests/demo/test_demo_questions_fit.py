"""The seeded questions fit the question model's limits, so editors can publish the forms unchanged."""

import pytest

from forms_app.models import IntakeFormField


@pytest.mark.django_db
def test_every_seeded_question_passes_model_validation():
    """Labels and help texts in every language fit their columns (the seeder does not validate, the admin does)."""
    too_long = []
    for field in IntakeFormField.objects.all():
        for name in ("label", "help_text"):
            limit = IntakeFormField._meta.get_field(name).max_length
            if limit and len(getattr(field, name)) > limit:
                too_long.append((field.clean_name, field.locale_id, name))
    assert too_long == []
