"""Staff groups of least privilege: Communications, Reviewers, Case managers.

Permissions are fetched or created here rather than left to post_migrate, because on a fresh
database post_migrate runs only after every migration. Names match what Django would create.
"""

from django.db import migrations

COMMUNICATIONS = "Communications"
REVIEWERS = "Reviewers"
CASE_MANAGERS = "Case managers"

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

# What Wagtail's own "Editors" group may do with images, documents and translations.
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "delete_image", "Can delete image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "change_document", "Can change document"),
    ("wagtaildocs", "document", "delete_document", "Can delete document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]
COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
# Editors may add and edit pages; communications staff also publish what they write.
PAGE_PERMISSIONS = [
    ("add_page", "Can add page"),
    ("change_page", "Can change page"),
    ("publish_page", "Can publish page"),
]

CASE_VIEW = ("forms_app", "case", "view_case", "Can view case")
CASE_CHANGE = ("forms_app", "case", "change_case", "Can change case")
CASE_DELETE = ("forms_app", "case", "delete_case", "Can delete case")
CASE_DOWNLOAD = ("forms_app", "case", "download_evidence", "Can download evidence files")
CASE_ASSIGN = ("forms_app", "case", "assign_case", "Can assign cases to reviewers")
CASE_EXPORT = ("forms_app", "case", "export_case", "Can export cases")

REVIEWER_PERMISSIONS = [ADMIN_ACCESS, CASE_VIEW, CASE_CHANGE, CASE_DOWNLOAD]
CASE_MANAGER_PERMISSIONS = REVIEWER_PERMISSIONS + [CASE_ASSIGN, CASE_EXPORT, CASE_DELETE]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    communications, _created = Group.objects.get_or_create(name=COMMUNICATIONS)
    communications.permissions.add(
        permission(apps, *ADMIN_ACCESS), *(permission(apps, *spec) for spec in MEDIA_PERMISSIONS)
    )
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    if root_page is not None:
        for codename, name in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=communications,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename, name),
            )
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for codename in COLLECTION_PERMISSIONS:
            spec = next(spec for spec in MEDIA_PERMISSIONS if spec[2] == codename)
            GroupCollectionPermission.objects.get_or_create(
                group=communications, collection=root_collection, permission=permission(apps, *spec)
            )

    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*(permission(apps, *spec) for spec in REVIEWER_PERMISSIONS))

    case_managers, _created = Group.objects.get_or_create(name=CASE_MANAGERS)
    case_managers.permissions.add(*(permission(apps, *spec) for spec in CASE_MANAGER_PERMISSIONS))


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name__in=[COMMUNICATIONS, REVIEWERS, CASE_MANAGERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0004_review_queue"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
