"""Small helpers shared by tests: finding pages by type and language, parsing HTML."""

from bs4 import BeautifulSoup
from wagtail.models import Locale


def page_in(model, language_code, **filters):
    locale = Locale.objects.get(language_code=language_code)
    return model.objects.live().filter(locale=locale, **filters).first()


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def visible_text(document):
    for hidden in document(["script", "style"]):
        hidden.decompose()
    return " ".join(document.get_text(" ").split())
