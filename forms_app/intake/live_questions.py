"""A live intake form's questions, steps and form classes, read once per live revision in each worker.

Every GET of a form step and every POST read the questions (and, for a translation, the English
source's) from the database, planned the steps and built a form class again: about two fifths of
the form page's time. They change only when a form is published (a new live revision; wagtail-localize's
sync publishes too), so each worker keeps them keyed by the live revision of the page and of its
source. The source's live revision is looked up once per content generation (a publish changes it),
so a re-published English form is seen at once by its translations (their untranslated questions
are held back by comparing the two). When the English form is live the public site already knows
its live revision from the rows it reads once per generation (cms.content_generation.known_live_revision).

Only for serving the live page: a preview or a revision shown in the admin is built from that
revision's own questions, never from here. Saving or deleting a question outside a publish (a
script, a test) empties this worker's memo.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from cms.content_generation import bump_listeners, current_generation, known_live_revision

MEMO_SIZE = 64
_memo = {}
_sources = {}


def _forget_sources():
    _sources.clear()


bump_listeners.append(_forget_sources)


def live_key(page, request=None):
    """The live revisions the page's questions come from: its own, and its source's if it is a translation."""
    source = None
    if page.locale.language_code != settings.LANGUAGE_CODE:
        # Known to the public site when the English form is live (no query), else looked up.
        source = known_live_revision(request, page.translation_key, settings.LANGUAGE_CODE)
    if source is None and page.locale.language_code != settings.LANGUAGE_CODE:
        found = (current_generation(request), page.translation_key)
        if found not in _sources:
            if len(_sources) >= MEMO_SIZE:
                _sources.clear()
            _sources[found] = (
                type(page)
                .objects.filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
                .values_list("pk", "live_revision_id")
                .first()
            )
        source = _sources[found]
    return (page.pk, page.live_revision_id, source)


def remembered(key, build):
    """What ``build()`` made for these live revisions, made once per worker."""
    found = _memo.get(key)
    if found is None:
        if len(_memo) >= MEMO_SIZE:
            _memo.clear()
        found = _memo[key] = build()
    return found


def forget(**kwargs):
    _memo.clear()
    _sources.clear()


def connect():
    from .models import IntakeFormField

    for signal in (post_save, post_delete):
        signal.connect(forget, sender=IntakeFormField, dispatch_uid=f"live-questions-{id(signal)}")
