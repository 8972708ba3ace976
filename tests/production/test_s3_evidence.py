"""Evidence in an S3-compatible bucket (EVIDENCE_STORAGE=s3), against moto's real S3 server."""

import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.settings.evidence_storage import evidence_storage
from forms_app.cases import evidence_store
from forms_app.models import Case, IntakeFormPage
from tests.builders import staff
from tests.intake.builders import complete_answers, jpeg_bytes, png_bytes

CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}


# Filing uses the demo site's forms.
pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def bucket(settings, s3_server):
    """A fresh bucket on the S3 server, configured as the evidence storage from EVIDENCE_S3_* values."""
    name = "evidence-" + uuid.uuid4().hex[:12]
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **CREDENTIALS)
    client.create_bucket(Bucket=name)
    variables = {
        "EVIDENCE_S3_BUCKET": name,
        "EVIDENCE_S3_ENDPOINT_URL": s3_server,
        "EVIDENCE_S3_REGION": "us-east-1",
        "EVIDENCE_S3_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "EVIDENCE_S3_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        "EVIDENCE_S3_ADDRESSING_STYLE": "path",
    }
    settings.STORAGES = {**settings.STORAGES, "evidence": evidence_storage("s3", None, variables.get)}
    return client, name


def objects(client, name):
    keys = [item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])]
    return {key: client.get_object(Bucket=name, Key=key)["Body"].read() for key in keys}


def file_case(client):
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="en")
    photo, notice = jpeg_bytes(colour=(10, 200, 90)), png_bytes(colour=(250, 250, 10))
    files = [
        SimpleUploadedFile("photo.jpg", photo, content_type="image/jpeg"),
        SimpleUploadedFile("notice.png", notice, content_type="image/png"),
    ]
    response = client.post(page.url, complete_answers(page, files=files))
    assert response.status_code == 302
    return Case.objects.get(), [photo, notice]


@pytest.mark.django_db
def test_evidence_round_trips_through_the_bucket_as_ciphertext(client, bucket):
    """A case filed with S3 storage puts each evidence file in the bucket, under the configured
    prefix, sealed: neither uploaded file's bytes nor its file name appear in any object, no object
    is readable by anyone but the owner, and every file opens again with the case's key."""
    s3, name = bucket
    case, uploaded = file_case(client)
    stored = objects(s3, name)
    assert len(stored) == 4  # working copy and (consented) original of each file
    assert all(key.startswith("evidence/") for key in stored)
    for body in stored.values():
        for plaintext in uploaded:
            assert plaintext[:64] not in body
        assert b"photo.jpg" not in body
        assert not body.startswith((b"\xff\xd8\xff", b"\x89PNG"))
    for key in stored:
        grants = s3.get_object_acl(Bucket=name, Key=key)["Grants"]
        assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers/AuthenticatedUsers

    for evidence in case.evidence.all():
        working = case.open(evidence.purpose("working"), evidence_store.read_sealed(evidence.working_file))
        original = case.open(evidence.purpose("original"), evidence_store.read_sealed(evidence.original_file))
        assert original in uploaded
        assert working.startswith((b"\xff\xd8\xff", b"\x89PNG"))
        assert evidence.display_name in ("photo.jpg", "notice.png")


@pytest.mark.django_db
def test_deleting_a_case_deletes_its_objects(client, bucket, django_capture_on_commit_callbacks):
    """A case manager deleting a case through the admin removes every object of its evidence from
    the bucket (after the deletion commits)."""
    s3, name = bucket
    case, _uploaded = file_case(client)
    assert len(objects(s3, name)) == 4
    client.force_login(staff("manager", "Case managers"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("forms_app_review:delete", args=[case.pk]))
    assert response.status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()
    assert objects(s3, name) == {}


@pytest.mark.django_db
def test_readyz_checks_the_bucket(client, bucket, settings):
    """/readyz answers 200 while the bucket answers, and 503 (saying nothing more) when it is gone."""
    s3, name = bucket
    assert client.get("/readyz").status_code == 200
    s3.delete_bucket(Bucket=name)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"unavailable"
