"""The questions as a claimant saw them, stored once per form revision and language.

Every case used to carry its own copy of its form's wording inside its sealed answers (7 kB of its
8 kB). The wording is the published form, not a secret, so it is kept in clear, once, keyed by the
SHA-256 of its canonical JSON; a case stores that key inside its sealed answers (so a database
writer cannot point a case at other wording unnoticed) and in ``Case.wording`` (for joins).
"""

import hashlib
import json

from django.db import models, transaction
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _


def canonical(questions):
    return json.dumps(questions, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def wording_key(questions):
    return hashlib.sha256(canonical(questions).encode()).hexdigest()


class WordingMismatch(Exception):
    """A case's wording row does not hash to the key sealed in its answers."""


class FormWording(models.Model):
    key = models.CharField(max_length=64, primary_key=True, editable=False)
    questions = models.JSONField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Wording rows never change (the key is their hash), so a process may keep them.
    _cache = {}

    class Meta:
        verbose_name = _("form wording")
        verbose_name_plural = _("form wordings")

    def __str__(self):
        return self.key[:12]

    # Keys this process has seen committed: a form's wording is stored by its first case and then
    # only referenced, so later cases skip the lookup. Rows are never deleted (cases protect them).
    _committed = set()

    @classmethod
    def store(cls, questions):
        """The key of ``questions``, stored if new."""
        key = wording_key(questions)
        if key not in cls._committed:
            cls.objects.get_or_create(key=key, defaults={"questions": json.loads(canonical(questions))})
            # Remembered only once committed: a rolled-back first case leaves no row behind.
            transaction.on_commit(lambda: cls._committed.add(key))
        return key

    @classmethod
    def is_stored(cls, key):
        """Whether this process has seen the wording under ``key`` committed (so it need not be
        stored again, and filing needs no transaction for it)."""
        return key in cls._committed

    @classmethod
    def questions_for(cls, key):
        """The questions stored under ``key``, checked against it; WordingMismatch if they differ."""
        questions = cls._cache.get(key)
        if questions is None:
            row = cls.objects.filter(key=key).values_list("questions", flat=True).first()
            if row is None or wording_key(row) != key:
                raise WordingMismatch(key)
            questions = cls._cache[key] = row
        return questions


@receiver(post_migrate, dispatch_uid="form-wording-forget-committed")
def forget_committed_wording(**kwargs):
    """A flushed or re-created database (tests, a restore) no longer holds the rows seen before."""
    FormWording._committed.clear()
