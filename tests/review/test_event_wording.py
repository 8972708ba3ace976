"""One wording per case event: the case page's timeline and Reports > Site history say the same."""

import re
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from forms_app.cases import activity, erasure
from forms_app.cases.models import CaseEventKind, ConsentUse
from forms_app.models import CaseEvent
from forms_app.review import audit, operations
from tests.builders import make_case_with_evidence
from tests.helpers import soup, visible_text

ROOT = Path(__file__).resolve().parents[2]


def act_on(case, manager, reviewer):
    """One of every timeline event, by the case manager."""
    operations.change_status(case, "in_review", manager, reason="Looks complete.")
    operations.assign(case, reviewer, manager)
    operations.add_note(case, "Call back on Monday.", manager)
    operations.set_tags(case, ["strong"], manager)
    operations.set_score(case, 4, manager)
    evidence = case.evidence.first()
    operations.record_evidence_download(case, evidence, 1, "working", manager)
    operations.delete_evidence(case, case.evidence.last(), case.evidence.count(), manager)
    # "My case": a question and its answer, evidence sent later, consent and contact changes,
    # a legal hold with a withdrawal request under it, and a receipt-code check.
    question = activity.ask(case, {"en": "Do you have the police summons?"}, manager)
    with transaction.atomic():
        activity.claimant_sent(case, question=question, text="Yes, attached.")
        activity.claimant_sent(case, text="One more screenshot.")
    activity.set_consent(case, ConsentUse.STATISTICS, False)
    activity.set_contact(case, {**activity.contact_of(case).values, "safe": ["signal"]})
    activity.place_hold(case, "Counsel needs it.", manager)
    erasure.withdraw(case)
    activity.lift_hold(case, "Settled.", manager)
    activity.record_receipt_check(case, manager, matched=False)


def log_messages(case):
    entries = ModelLogEntry.objects.filter(object_id=str(case.pk)).order_by("pk")
    return {entry.action: log_registry.get_formatter(entry).format_message(entry) for entry in entries}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_each_timeline_event_reads_as_its_audit_log_entry(case_manager, reviewer, language):
    """For every kind of event, the timeline's line is the Site history's message, in every language."""
    case = make_case_with_evidence()
    act_on(case, case_manager, reviewer)
    events = list(CaseEvent.objects.filter(case=case).select_related("assignee"))
    # Every kind but "withdrawn", whose erasure leaves no timeline behind (tests/mycase covers it),
    # and "retention_erased", an erasure too (tests/cases/test_retention.py covers its wording).
    erasures = {CaseEventKind.WITHDRAWN, CaseEventKind.RETENTION_ERASED}
    assert {event.kind for event in events} == set(audit.EVENT_ACTIONS) - erasures
    with translation.override(language):
        logged = log_messages(case)
        for event in events:
            assert audit.event_message(event) == logged[audit.EVENT_ACTIONS[event.kind]]
        if language != "en":
            assert logged[audit.STATUS] != "Status changed from New to In review"


@pytest.mark.django_db
def test_the_case_page_and_site_history_show_the_same_lines(client, case_manager, reviewer):
    """The words on the case page's timeline appear, the same, in Reports > Site history."""
    case = make_case_with_evidence()
    act_on(case, case_manager, reviewer)
    profile = UserProfile.get_for_user(case_manager)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(case_manager)
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))
    lines = [line.get_text(strip=True) for line in page.select(".case-timeline .case-event")]
    assert len(lines) == 16
    history = visible_text(soup(client.get(reverse("wagtailadmin_reports:site_history"))))
    for line in lines:
        assert re.search(r"[\u4e00-\u9fff]", line), line
        assert line in history


def msgids(po_file):
    """Every msgid of a .po file, continuation lines joined."""
    ids, current = [], None
    for line in po_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current = [line[len("msgid ") :].strip('"')]
            ids.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line.strip('"'))
        else:
            current = None
    return ["".join(parts) for parts in ids]


def test_no_message_carries_markup():
    """Translators see words only: no msgid in the interface catalog holds an HTML tag."""
    catalog = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with_markup = [text for text in msgids(catalog) if re.search(r"<[a-zA-Z/]", text)]
    assert with_markup == []
