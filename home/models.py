from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import BodyBlock, FooterLinksBlock, HomeBodyBlock


def validate_email_or_https_url(value):
    """A security contact is an e-mail address or an https:// URL (RFC 9116 "Contact")."""
    if value.startswith("https://"):
        URLValidator(schemes=["https"])(value)
    else:
        EmailValidator(message=_("Enter an e-mail address or an address starting with https://."))(value)


class HomePage(Page):
    """The campaign's landing page: a hero, the four case types, a call to action, and the
    latest announcements (picked automatically from this language's announcements)."""

    template = "pages/home_page.html"

    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]
    subpage_types = ["home.StandardPage", "home.AnnouncementIndexPage", "forms_app.IntakeFormPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def latest_announcements(self, count=3):
        """This language's newest public announcements, in one query (Wagtail's `.public()` would
        first load every view restriction, and `locale=self.locale` the locale)."""
        restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        return (
            AnnouncementPage.objects.live()
            .filter(locale_id=self.locale_id)
            .exclude(Exists(restricted))
            .order_by("-date", "-pk")[:count]
        )


class StandardPage(Page):
    """A content page: about us, FAQ, privacy notice, legal information."""

    template = "pages/standard_page.html"

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class AnnouncementIndexPage(Page):
    """The list of dated news items; its children are announcements."""

    template = "pages/announcement_index_page.html"

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.AnnouncementPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("announcement index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["announcements"] = AnnouncementPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        return context


class AnnouncementPage(Page):
    """One dated news item about the campaign."""

    template = "pages/announcement_page.html"

    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["home.AnnouncementIndexPage"]
    subpage_types = []

    # The date is the same in every language: copied from the source page on every sync and not
    # offered to translators to override (wagtail-localize merges this with its defaults).
    override_translatable_fields = [SynchronizedField("date", overridable=False)]

    class Meta:
        verbose_name = _("announcement")


class OrganisationDetails(TranslatableMixin, models.Model):
    """The organisation's name, contact and footer, one per language (translated with
    wagtail-localize like a page). The site shows the version in the visitor's language."""

    name = models.CharField(_("organisation name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    security_contact = models.CharField(
        _("security contact"),
        max_length=300,
        blank=True,
        help_text=_(
            "E-mail address or https:// address where people report security problems; published in "
            "/.well-known/security.txt. Empty = the contact e-mail."
        ),
        validators=[validate_email_or_https_url],
    )
    footer_text = RichTextField(_("footer text"), features=["bold", "italic", "link"], blank=True)
    footer_links = StreamField(FooterLinksBlock(), blank=True, verbose_name=_("footer links"))

    panels = [
        FieldPanel("name"),
        FieldPanel("tagline"),
        FieldPanel("contact_email"),
        FieldPanel("security_contact"),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
    ]

    # The same security contact in every language (wagtail-localize copies it, never translates it).
    override_translatable_fields = [SynchronizedField("security_contact")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale):
        """The details in this language, else in the default language, else None."""
        return cls.objects.filter(locale=locale).first() or cls.objects.order_by("pk").first()
