"""Drafts from the claimant's side: the one in their session, its answers, its files, its code.

What is sealed how is in forms_app.cases.drafts (keys) and forms_app.cases.models.Draft (rows).
The session holds, per form (translation key), the draft's token and its key sealed with a key
derived from CASE_HASH_KEY; it never holds an answer.
"""

import base64
import dataclasses
import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import QueryDict

from ..cases import crypto, evidence_store
from ..cases import drafts as draft_keys
from ..cases.models import Draft, DraftEvidence
from ..evidence import ProcessedEvidence

SESSION_KEY = "forms_app.drafts"
BYTES_FIELDS = ("original", "working")


@dataclass
class KeptFile:
    """A file already attached to a draft, as the claimant and the form's checks see it."""

    pk: int
    field_name: str
    display_name: str
    size: int
    metadata_removed: bool


@dataclass
class OpenDraft:
    draft: Draft
    key: bytes
    state: dict

    @property
    def step(self):
        return int(self.state.get("step") or 1)

    @step.setter
    def step(self, value):
        self.state["step"] = value

    @property
    def data(self) -> dict:
        return self.state.setdefault("data", {})

    def as_querydict(self):
        data = QueryDict(mutable=True)
        for name, values in self.data.items():
            data.setlist(name, values)
        return data

    def save(self):
        self.draft.write_state(self.key, self.state)
        self.draft.save()


def _entries(request):
    return dict(request.session.get(SESSION_KEY) or {})


def _remember(request, form_key, draft, key):
    entries = _entries(request)
    sealed = draft_keys.seal_for_session(key, draft.token)
    entries[str(form_key)] = {"token": str(draft.token), "key": base64.b64encode(sealed).decode()}
    request.session[SESSION_KEY] = entries


def forget(request, form_key):
    entries = _entries(request)
    if entries.pop(str(form_key), None) is not None:
        request.session[SESSION_KEY] = entries


def current_draft(request, form_key):
    """The claimant's open draft of this form, or None (an expired one is erased on the way)."""
    entry = _entries(request).get(str(form_key))
    if not entry:
        return None
    draft = Draft.objects.filter(token=entry["token"]).first()
    if draft is None or draft.expired:
        if draft is not None:
            Draft.objects.filter(pk=draft.pk).erase()
        forget(request, form_key)
        return None
    try:
        key = draft_keys.open_from_session(base64.b64decode(entry["key"]), draft.token)
        state = draft.read_state(key)
    except (crypto.DecryptionError, ValueError):
        forget(request, form_key)
        return None
    return OpenDraft(draft=draft, key=key, state=state)


def start_draft(request, form_key):
    draft = Draft(form_translation_key=form_key)
    opened = OpenDraft(draft=draft, key=draft_keys.new_draft_key(), state={"step": 1, "data": {}})
    opened.save()
    _remember(request, form_key, draft, opened.key)
    return opened


def give_code(opened):
    """A new draft code for this draft (any earlier code stops working); shown once, never stored."""
    for _attempt in range(5):
        code = draft_keys.new_draft_code()
        opened.draft.code_hash = draft_keys.draft_code_hash(code)
        opened.draft.code_sealed_key = draft_keys.seal_for_code(opened.key, code, opened.draft.token)
        try:
            with transaction.atomic():
                opened.save()
        except IntegrityError:
            continue
        return code
    raise IntegrityError("Could not allocate a unique draft code.")


def resume_with_code(request, code):
    """Open the draft this code belongs to in this session; returns the Draft, or None."""
    draft = Draft.objects.live().filter(code_hash=draft_keys.draft_code_hash(code)).first()
    if draft is None:
        return None
    try:
        key = draft_keys.open_with_code(draft.code_sealed_key, code, draft.token)
    except crypto.DecryptionError:
        return None
    _remember(request, draft.form_translation_key, draft, key)
    return draft


def erase(request, opened):
    Draft.objects.filter(pk=opened.draft.pk).erase()
    forget(request, opened.draft.form_translation_key)


# --- Files ------------------------------------------------------------------------------------
def keep_files(opened, field_name, items):
    """Seal each processed upload with the draft key: working copy and original in the evidence
    storage, the rest (name, type, hashes) in the row. Written files are removed again on failure."""
    written = []
    try:
        for item in items:
            row = DraftEvidence(
                draft=opened.draft,
                field_name=field_name,
                working_file=evidence_store.new_name(),
                original_file=evidence_store.new_name(),
            )
            for part in BYTES_FIELDS:
                name = getattr(row, f"{part}_file")
                sealed = opened.draft.seal(opened.key, row.purpose(part), getattr(item, part))
                written.append(evidence_store.save_sealed(name, sealed))
            details = {k: v for k, v in dataclasses.asdict(item).items() if k not in BYTES_FIELDS}
            row.sealed_details = opened.draft.seal(opened.key, row.purpose("details"), json.dumps(details).encode())
            row.save()
    except Exception:
        evidence_store.delete_files(written)
        raise


def _details(opened, row):
    return json.loads(opened.draft.open(opened.key, row.purpose("details"), row.sealed_details))


def kept_files(opened, field_name=None):
    """[KeptFile] of the draft (of one question if ``field_name``), in upload order."""
    if opened is None or opened.draft.pk is None:
        return []
    rows = opened.draft.evidence.all()
    if field_name is not None:
        rows = rows.filter(field_name=field_name)
    kept = []
    for row in rows:
        details = _details(opened, row)
        kept.append(
            KeptFile(
                pk=row.pk,
                field_name=row.field_name,
                display_name=details["display_name"],
                size=details["size"],
                metadata_removed=details["metadata_removed"],
            )
        )
    return kept


def kept_evidence(opened, field_name):
    """The draft's files of one question as ProcessedEvidence (contents opened), for filing."""
    items = []
    for row in opened.draft.evidence.filter(field_name=field_name):
        contents = {
            part: opened.draft.open(
                opened.key, row.purpose(part), evidence_store.read_sealed(getattr(row, f"{part}_file"))
            )
            for part in BYTES_FIELDS
        }
        items.append(ProcessedEvidence(**_details(opened, row), **contents))
    return items


def remove_file(opened, pk):
    row = opened.draft.evidence.filter(pk=pk).first()
    if row is not None:
        names = [row.working_file, row.original_file]
        row.delete()
        evidence_store.delete_files(names)
