"""Blocks for the choices of a question: a stable key (synchronised) and a label (translated)."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ChoiceKeyBlock(blocks.CharBlock):
    """The stored value of a choice. wagtail-localize copies it unchanged into every translation,
    so an answer means the same thing whichever language the claimant used."""

    def __init__(self, **kwargs):
        kwargs.setdefault("validators", [RegexValidator(r"^[a-z0-9_]+$", _("Use a-z, 0-9 and _ only."))])
        super().__init__(max_length=64, **kwargs)

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class ChoiceOptionBlock(blocks.StructBlock):
    key = ChoiceKeyBlock(
        label=_("Stored value"),
        help_text=_("Never change this once answers exist: it is what is stored, in every language."),
    )
    label = blocks.CharBlock(label=_("Label shown to the claimant"), max_length=255)

    class Meta:
        icon = "list-ul"
        label = _("Choice")


class ChoiceOptionsBlock(blocks.StreamBlock):
    choice = ChoiceOptionBlock()
