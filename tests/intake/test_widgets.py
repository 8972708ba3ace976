"""The Python-written choice widgets (forms_app/intake/widgets.py) write exactly what Django's
widget templates write, hostile labels and values included."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from forms_app.intake import widgets

HOSTILE = "<script>alert(\"x\")</script> & 'quote'"
CHOICES = [
    ("a", "甲 Option"),
    ("b&c", HOSTILE),
    (3, "三"),
    ("", "—"),
    ("safe", mark_safe("<b>bold</b>")),
    ("Group 组", [("g1", "in a group"), ("g2", HOSTILE)]),
]
ATTRS = [
    None,
    {"id": "id_q"},
    {"id": 'id_"q"', "class": "x y", "required": True, "disabled": False, "aria-describedby": "id_q_helptext"},
]
PAIRS = [
    (widgets.RadioSelect, forms.RadioSelect),
    (widgets.CheckboxSelectMultiple, forms.CheckboxSelectMultiple),
    (widgets.Select, forms.Select),
]


@pytest.mark.parametrize(("ours", "djangos"), PAIRS)
@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", [None, "a", ["b&c", "g2"], 3, "not a choice", HOSTILE])
def test_the_plain_widgets_write_what_djangos_templates_write(ours, djangos, attrs, value):
    if djangos is forms.CheckboxSelectMultiple and not isinstance(value, list | type(None)):
        value = [value]
    mine = ours(choices=CHOICES).render("question", value, attrs=attrs)
    theirs = djangos(choices=CHOICES).render("question", value, attrs=attrs)
    assert str(mine) == str(theirs)
    assert "<script>" not in mine


def test_the_plain_widgets_are_the_ones_claimants_get():
    from forms_app.intake.field_types import Checkboxes, Choice, Radio

    class Question:
        clean_name, label, help_text, required = "q", "Q", "", True

        def choices_as_pairs(self):
            return CHOICES[:3]

    for kind, widget in (
        (Choice, widgets.Select),
        (Radio, widgets.RadioSelect),
        (Checkboxes, widgets.CheckboxSelectMultiple),
    ):
        assert type(kind().form_field(Question(), {}).widget) is widget
