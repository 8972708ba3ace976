"""Cases filed through the real intake form (tests.builders), with a receipt code we know."""

from forms_app.cases.receipts import format_receipt_code, new_receipt_code, receipt_code_hash
from tests.builders import make_case
from tests.intake.builders import human_check


def filed_case(case_type="persecution", language="zh-hans", files=(), **answers):
    """(case, receipt code): the code is new and its keyed hash stored, as filing does."""
    case = make_case(case_type, language, files=files, **answers)
    code = new_receipt_code()
    case.receipt_code_hash = receipt_code_hash(code)
    case.save(update_fields=["receipt_code_hash"])
    return case, code


def enter(client, code, language="zh-hans"):
    """Post the code to My case as a claimant would (grouped like the receipt shows it), with the
    form's token and the proof-of-work its widget solves."""
    return client.post(f"/{language}/cases/my-case/", {"code": format_receipt_code(code), **human_check()})
