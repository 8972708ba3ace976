"""Build the demo site once; running it again creates only what is missing.

Existing pages are never overwritten: once seeded, the content belongs to the editors. The English
pages come from site_content.py and questions.py; localize.py translates them from the demo catalogs.
"""

from django.utils.html import escape
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import AnnouncementIndexPage, AnnouncementPage, HomePage, OrganisationDetails, StandardPage

from . import site_content as content
from .localize import translate_with_localize

CHINESE_LANGUAGES = ["zh-hans", "zh-hant"]


def paragraphs_html(texts):
    """English paragraphs as the HTML of a rich text field."""
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def paragraph(text: str):
    return RichText(paragraphs_html([text]))


def body_blocks(blocks):
    """site_content.py's ("kind", value) pairs as StreamField data, in English."""
    stream = []
    for kind, value in blocks:
        if kind == "heading":
            stream.append(("heading", value))
        elif kind == "paragraph":
            stream.append(("paragraph", paragraph(value)))
        elif kind == "notice":
            stream.append(("notice", {"heading": value["heading"], "text": paragraph(value["text"])}))
        elif kind == "question_answer":
            stream.append(("question_answer", {"question": value["question"], "answer": paragraph(value["answer"])}))
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return stream


def ensure_locales():
    for code in ["en", *CHINESE_LANGUAGES]:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code="en")


def publish_new_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def english_child(parent, slug, model):
    return model.objects.child_of(parent).filter(slug=slug).first()


def ensure_home(english):
    """The English home page, made the site's root (replacing Wagtail's "Welcome" page)."""
    home = HomePage.objects.filter(locale=english).first()
    site = Site.objects.filter(is_default_site=True).first()
    if home is None:
        root = Page.get_first_root_node()
        home = publish_new_child(
            root,
            HomePage(
                title=content.HOME["title"],
                slug="home-page",
                hero_heading=content.HOME["hero_heading"],
                hero_text=content.HOME["hero_text"],
                locale=english,
            ),
        )
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if not isinstance(welcome.specific, HomePage) and not welcome.get_children().exists():
            welcome.delete()
    return home


def ensure_standard_page(home, data, show_in_menus=True):
    page = english_child(home, data["slug"], StandardPage)
    if page is None:
        page = publish_new_child(
            home,
            StandardPage(
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                body=body_blocks(data["body"]),
                show_in_menus=show_in_menus,
            ),
        )
    return page


def ensure_announcements(home):
    data = content.ANNOUNCEMENT_INDEX
    index = english_child(home, data["slug"], AnnouncementIndexPage)
    if index is None:
        index = publish_new_child(
            home,
            AnnouncementIndexPage(title=data["title"], slug=data["slug"], intro=data["intro"], show_in_menus=True),
        )
    items = []
    for item in content.ANNOUNCEMENTS:
        page = english_child(index, item["slug"], AnnouncementPage)
        if page is None:
            page = publish_new_child(
                index,
                AnnouncementPage(
                    title=item["title"],
                    slug=item["slug"],
                    date=item["date"],
                    summary=item["summary"],
                    body=body_blocks(item["body"]),
                ),
            )
        items.append(page)
    return index, items


def home_body(form_pages):
    """Case types linking to the intake forms, a safety notice and a call to action."""
    data = content.HOME
    cards = [
        {
            "heading": card["heading"],
            "text": card["text"],
            "page": form_pages.get(card["key"]),
            "link_label": card["link_label"],
        }
        for card in data["case_types"]
    ]
    first_form = next(iter(form_pages.values()), None)
    body = [
        (
            "case_types",
            {"heading": data["case_types_heading"], "intro": data["case_types_intro"], "case_types": cards},
        ),
        ("case_counter", {"heading": data["counter"]["heading"], "intro": data["counter"]["intro"], "by_type": True}),
        (
            "notice",
            {
                "heading": data["safety"]["heading"],
                "text": RichText(paragraphs_html(data["safety"]["text"])),
            },
        ),
    ]
    if first_form is not None:
        cta = data["cta"]
        body.append(
            (
                "call_to_action",
                {
                    "heading": cta["heading"],
                    "text": cta["text"],
                    "button_label": cta["button_label"],
                    "page": first_form,
                },
            )
        )
    return body


def ensure_organisation(english, footer_pages):
    details = OrganisationDetails.objects.filter(locale=english).first()
    if details is None:
        data = content.ORGANISATION
        details = OrganisationDetails.objects.create(
            locale=english,
            name=data["name"],
            tagline=data["tagline"],
            contact_email=data["contact_email"],
            security_contact=data["security_contact"],
            footer_text=paragraphs_html(data["footer_text"]),
            footer_links=[("link", {"label": page.title, "page": page}) for page in footer_pages],
        )
    return details


def translate_missing(instance):
    """Translate into each Chinese locale that has no translation yet."""
    missing = [
        locale
        for locale in Locale.objects.filter(language_code__in=CHINESE_LANGUAGES)
        if not type(instance).objects.filter(translation_key=instance.translation_key, locale=locale).exists()
    ]
    if missing:
        translate_with_localize(instance, missing)


def seed_site(stdout=None):
    """Not one transaction on purpose: wagtail-localize publishes each translation when its own
    transaction commits, and a publish deferred to the end would save parent pages with stale
    tree data (their child count from before the children were translated).

    Wagtail's reference index (the admin's "usage" of a page) is brought up to date once per seeded
    object at the end rather than after each of the thousand saves seeding makes (every form field,
    revision and translated copy), which is where most of the seeding time went."""
    english = ensure_locales()
    home = ensure_home(english)
    with disable_reference_index_auto_update():
        sources = seed_and_translate(home, english)
    for source in sources:
        for instance in type(source).objects.filter(translation_key=source.translation_key):
            ReferenceIndex.create_or_update_for_object(instance)
    if stdout is not None:
        stdout.write("Demo content is in place in English, Simplified and Traditional Chinese.")


def seed_and_translate(home, english):
    """The English pages and organisation details (created when missing), each translated into
    the Chinese locales it is missing in. Returns the English objects."""
    from .seed import seed_forms

    about = ensure_standard_page(home, content.ABOUT)
    faq = ensure_standard_page(home, content.FAQ)
    privacy = ensure_standard_page(home, content.PRIVACY, show_in_menus=False)
    index, announcements = ensure_announcements(home)
    form_pages = seed_forms(home)
    if not home.body:
        home.body = home_body(form_pages)
        home.save_revision().publish()
    details = ensure_organisation(english, [about, faq, privacy])

    # Parents before children: a translated page needs its translated parent.
    sources = [home, about, faq, privacy, index, *announcements, *form_pages.values(), details]
    for instance in sources:
        translate_missing(instance)
    return sources
