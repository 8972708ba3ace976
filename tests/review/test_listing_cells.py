"""The queue writes some cells directly instead of through Wagtail's cell templates (a 100-row page
has hundreds of them): the markup must stay what Wagtail's templates write."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.template import Context
from django.utils import timezone
from django.utils.translation import override
from wagtail.admin.ui.tables import DateColumn, StatusFlagColumn

from forms_app.review.listing import PlainDateColumn, PlainStatusFlagColumn


def normalised(html):
    """Whitespace between and inside tags, and a void element's closing slash, do not matter to a
    browser here."""
    html = re.sub(r"\s+", " ", html).replace(" />", ">")
    return re.sub(r"\s*<\s*", "<", re.sub(r"\s*>\s*", ">", html)).strip()


def both(template_column, plain_column, instance):
    context = Context({"row": None, "table": None, "request": None})
    return (
        normalised(template_column.render_cell_html(instance, context)),
        normalised(plain_column.render_cell_html(instance, context)),
    )


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_date_cells_are_written_as_wagtails_template_writes_them(language):
    now = timezone.now()
    with override(language):
        for value in (now - datetime.timedelta(days=3, hours=2), now - datetime.timedelta(minutes=5), None):
            wagtail, ours = both(DateColumn("when"), PlainDateColumn("when"), SimpleNamespace(when=value))
            assert ours == wagtail


@pytest.mark.parametrize("value", [True, False])
@pytest.mark.parametrize("false_label", [None, "No <reply>"])
def test_flag_cells_are_written_as_wagtails_template_writes_them(value, false_label):
    with override("zh-hant"):
        wagtail, ours = both(
            StatusFlagColumn("flag", true_label="Possible", false_label=false_label, classname="narrow"),
            PlainStatusFlagColumn("flag", true_label="Possible", false_label=false_label, classname="narrow"),
            SimpleNamespace(flag=value),
        )
    assert ours == wagtail


def test_date_cells_show_the_reviewers_time_zone_as_wagtails_template_does():
    """Wagtail's admin shows times in the zone of the reviewer's profile (activated per request)."""
    value = timezone.now() - datetime.timedelta(days=2)
    with override("en"), timezone.override("Asia/Shanghai"):
        wagtail, ours = both(DateColumn("when"), PlainDateColumn("when"), SimpleNamespace(when=value))
    assert ours == wagtail
    assert "+08:00" in ours


def test_text_title_and_checkbox_cells_are_written_as_wagtails_templates_write_them():
    from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn

    from forms_app.review.listing import PlainBulkActionsCheckboxColumn, PlainColumn, PlainTitleColumn

    case = SimpleNamespace(pk=42, reference="WC-<B>&C", note="a <b> & 'c'", count=7)
    title = {"get_url": lambda row: "/admin/cases/42/?a=1&b=2", "get_title_id": lambda row: f"case_{row.pk}_title"}
    with override("zh-hans"):
        pairs = [
            both(Column("note", classname="wide <x>"), PlainColumn("note", classname="wide <x>"), case),
            both(Column("count"), PlainColumn("count"), case),
            both(TitleColumn("reference", **title), PlainTitleColumn("reference", **title), case),
            both(
                BulkActionsCheckboxColumn("bulk", obj_type="case"),
                PlainBulkActionsCheckboxColumn("bulk", obj_type="case"),
                case,
            ),
        ]
    for wagtail, ours in pairs:
        assert ours == wagtail
