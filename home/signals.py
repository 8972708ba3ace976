"""Content changes that make every cached public page, menu and link out of date.

Each bumps the generation number in the shared cache (cms/content_generation.py); every worker sees
the new number on its next request, so nothing has to be deleted key by key, and checks what it
kept against the database's rows (home/site_map.py). The worker that made the change also forgets
everything it kept from the content.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .site_map import bump_generation, forget_kept_content

# Saving a page covers direct saves and wagtail-localize's translation sync (which saves or
# publishes the translated pages); snippets such as the organisation details are translated and
# synced the same way. An intake form's question saved outside a publish (a script) changes the
# cached form page too; named by label, as the public site does not import the case app.
CONTENT_MODELS = ("home.OrganisationDetails", "forms_app.IntakeFormField", Site, Locale, PageViewRestriction)


def content_changed(sender=None, **kwargs):
    forget_kept_content()
    bump_generation()
    # A visitor arriving before the change commits may read the old rows under the new number:
    # bump once more when it has committed (once per transaction, however many rows it saved).
    connection = transaction.get_connection()
    pending = (func for _sids, func, _robust in connection.run_on_commit)
    if connection.in_atomic_block and bump_generation not in pending:
        transaction.on_commit(bump_generation)


def page_changed(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        content_changed()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"public-site-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(page_changed, dispatch_uid=f"public-site-page-{id(signal)}")
        for model in CONTENT_MODELS:
            signal.connect(content_changed, sender=model, dispatch_uid=f"public-site-{model}-{id(signal)}")
    try:
        from wagtail_localize.models import TranslationSource
    except ImportError:  # pragma: no cover - wagtail-localize is installed
        return
    post_save.connect(content_changed, sender=TranslationSource, dispatch_uid="public-site-translation-source")
