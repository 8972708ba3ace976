"""StreamField blocks that communications staff arrange on the public pages."""

import contextlib
import copy
from contextvars import ContextVar

from django.conf import settings
from django.utils.formats import number_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# {page id: page or None} read for a whole page body at once (pages_chosen_in); unset otherwise.
_chosen_pages = ContextVar("chosen_pages", default=None)


class PageChooserBlock(blocks.PageChooserBlock):
    """Wagtail's page chooser, which takes its pages from the ones read for the whole body when
    there are (pages_chosen_in): Wagtail reads them one query per kind of block that holds one."""

    def bulk_to_python(self, values):
        chosen = _chosen_pages.get()
        if chosen is None or not all(value is None or value in chosen for value in values):
            return super().bulk_to_python(values)
        # A copy per use, as Wagtail's own gives a page chosen twice; None for a page since deleted.
        return [None if chosen.get(value) is None else copy.copy(chosen[value]) for value in values]


def _chosen_ids(block, raw):
    """The page ids that PageChooserBlocks hold in ``raw``, the stored value of ``block``."""
    if isinstance(block, PageChooserBlock):
        return [raw] if isinstance(raw, int) else []
    if isinstance(block, blocks.StreamBlock):
        return [
            found
            for item in raw or []
            if item.get("type") in block.child_blocks
            for found in _chosen_ids(block.child_blocks[item["type"]], item.get("value"))
        ]
    if isinstance(block, blocks.ListBlock):
        # Stored as {"type": "item", "value": ...} since Wagtail 2.16, as bare values before.
        items = [item.get("value") if isinstance(item, dict) and "type" in item else item for item in raw or []]
        return [found for item in items for found in _chosen_ids(block.child_block, item)]
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return [found for name, child in block.child_blocks.items() for found in _chosen_ids(child, raw.get(name))]
    return []


@contextlib.contextmanager
def pages_chosen_in(stream_block, raw_items):
    """While rendering ``raw_items`` (stored blocks of ``stream_block``), their chosen pages come
    from one query."""
    from wagtail.models import Page

    ids = set(_chosen_ids(stream_block, raw_items))
    chosen = (dict.fromkeys(ids) | Page.objects.in_bulk(ids)) if ids else {}
    token = _chosen_pages.set(chosen)
    try:
        yield
    finally:
        _chosen_pages.reset(token)


class CaseTypeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Short explanation"))
    page = PageChooserBlock(required=False, label=_("Form or page it links to"))
    link_label = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "form"
        label = _("Case type")


class CaseTypesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    case_types = blocks.ListBlock(CaseTypeBlock(), label=_("Case types"))

    class Meta:
        icon = "list-ul"
        label = _("Case types")
        template = "blocks/case_types.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(label=_("Button text"))
    page = PageChooserBlock(label=_("Page the button opens"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/question_answer.html"


class NoticeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Notice")
        template = "blocks/notice.html"


def count_text(number, fewer_than):
    if fewer_than:
        return gettext("fewer than %(count)s") % {"count": number}
    return gettext("about %(count)s") % {"count": number_format(number, decimal_pos=0, force_grouping=True)}


class CaseCounterBlock(blocks.StructBlock):
    """ "Cases received so far", per case type, rounded, from ``settings.PUBLIC_CASE_COUNTS``: a
    dotted path to a callable returning ``{"total": (n, fewer_than), "by_type": [(key, label, n,
    fewer_than)]}`` (forms_app.reports.counter.public_counts; the public site never imports the
    case app). A page showing it is kept in the page cache no longer than the numbers are."""

    heading = blocks.CharBlock(required=False, label=_("Heading"), help_text=_("Default: Cases received so far"))
    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    by_type = blocks.BooleanBlock(required=False, default=True, label=_("Show the number per case type"))

    class Meta:
        icon = "order"
        label = _("Case counter")
        template = "blocks/case_counter.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        if request is not None:
            request.public_page_cache_seconds = settings.PUBLIC_COUNTER_SECONDS
        counts = import_string(settings.PUBLIC_CASE_COUNTS)() if settings.PUBLIC_CASE_COUNTS else None
        if counts:
            context["total"] = count_text(*counts["total"])
            context["types"] = [(label, count_text(number, fewer)) for _key, label, number, fewer in counts["by_type"]]
        return context


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class BodyBlock(blocks.StreamBlock):
    """The blocks every content page offers."""

    heading = blocks.CharBlock(
        form_classname="title", icon="title", label=_("Heading"), template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    notice = NoticeBlock()
    question_answer = QuestionAnswerBlock()
    call_to_action = CallToActionBlock()
    case_counter = CaseCounterBlock()


class HomeBodyBlock(BodyBlock):
    """The home page also offers the case-type overview."""

    case_types = CaseTypesBlock()


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"))
    page = blocks.PageChooserBlock(label=_("Page"))  # footer links are drawn from the site map

    class Meta:
        icon = "link"
        label = _("Link")


class FooterLinksBlock(blocks.StreamBlock):
    link = FooterLinkBlock()
