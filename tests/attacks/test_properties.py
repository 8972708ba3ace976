"""Property-based: arbitrary Unicode never crashes validation, tokenising or the sanitisers."""

import pytest
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.cases.indexing import query_tokens, tokens
from forms_app.evidence.names import display_name
from forms_app.evidence.text import decode_text
from forms_app.intake.field_types import FIELD_TYPES
from forms_app.models import IntakeFormPage

TEXT = st.text(max_size=300)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@FAST
@given(values=st.lists(TEXT, min_size=1, max_size=3))
def test_every_field_type_with_arbitrary_unicode_is_only_valid_or_invalid(values):
    """Any text in every part of every question of every type: the form says valid or invalid, never raises."""
    page = IntakeFormPage.objects.live().filter(locale__language_code="en").first()
    form_class = page.get_form_class()
    data = MultiValueDict()
    for field in page.get_form_fields():
        assert field.field_type in FIELD_TYPES
        for key in (field.clean_name, f"{field.clean_name}_0", f"{field.clean_name}_1", f"{field.clean_name}_2"):
            data.setlist(key, values)
    form = form_class(data, MultiValueDict(), page=page, user=None)
    assert form.is_valid() in (True, False)


@FAST
@given(text=TEXT)
def test_tokenising_any_text_gives_strings(text):
    """Indexing and search tokens of any Unicode are a list of non-empty strings."""
    for result in (tokens(text), query_tokens(text)):
        assert all(isinstance(token, str) and token for token in result)


@FAST
@given(name=st.text(max_size=400), extension=st.sampled_from(["", "jpg", "pdf"]))
def test_display_names_are_safe_for_any_name(name, extension):
    """Any file name becomes a short display name without path separators or control characters."""
    shown = display_name(name, extension)
    assert isinstance(shown, str)
    assert "/" not in shown and "\\" not in shown
    assert not any(ord(char) < 32 for char in shown)


@FAST
@given(data=st.binary(max_size=2000))
def test_text_decoding_never_raises_on_bytes(data):
    """Any bytes decode to text without markup, or to None (refused), never an exception."""
    result = decode_text(data)
    assert result is None or (isinstance(result, str) and "<script" not in result.lower())
