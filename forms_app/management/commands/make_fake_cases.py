"""`manage.py make_fake_cases N`: realistic encrypted cases for trying the queue at scale (see
forms_app.demo.fake_cases; development and benchmarks only)."""

from forms_app.demo.fake_cases import Command

__all__ = ["Command"]
