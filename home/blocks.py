"""StreamField blocks that communications staff arrange on the public pages."""

from django.conf import settings
from django.utils.formats import number_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CaseTypeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Short explanation"))
    page = blocks.PageChooserBlock(required=False, label=_("Form or page it links to"))
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
    page = blocks.PageChooserBlock(label=_("Page the button opens"))

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
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"
        label = _("Link")


class FooterLinksBlock(blocks.StreamBlock):
    link = FooterLinkBlock()
