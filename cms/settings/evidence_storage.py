"""Where evidence files live: a private local folder, or an S3-compatible bucket (django-storages).

Files are sealed (encrypted with the case's key) before they reach either. In a bucket, objects
are written with no ACL, so they are exactly as private as the bucket (which must block public
access), and the site never hands out their URLs: evidence is streamed to permitted staff by a
permission-checked view.
"""

from django.core.exceptions import ImproperlyConfigured


def evidence_storage(kind, private_root, getenv):
    """The STORAGES["evidence"] entry for EVIDENCE_STORAGE=`kind` ("local" or "s3"); `getenv(name)`
    reads one environment variable (None when unset)."""
    if kind == "local":
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(private_root), "base_url": None},
        }
    if kind != "s3":
        raise ImproperlyConfigured("EVIDENCE_STORAGE must be 'local' or 's3'.")
    bucket = getenv("EVIDENCE_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured("EVIDENCE_STORAGE=s3 needs EVIDENCE_S3_BUCKET.")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "location": getenv("EVIDENCE_S3_PREFIX") or "evidence",
            "endpoint_url": getenv("EVIDENCE_S3_ENDPOINT_URL") or None,
            "region_name": getenv("EVIDENCE_S3_REGION") or None,
            # Unset = boto3's own search (instance role, ~/.aws, AWS_* variables).
            "access_key": getenv("EVIDENCE_S3_ACCESS_KEY_ID") or None,
            "secret_key": getenv("EVIDENCE_S3_SECRET_ACCESS_KEY") or None,
            # "path" for MinIO, Garage or moto on a bare host name; unset = boto3's choice (AWS).
            "addressing_style": getenv("EVIDENCE_S3_ADDRESSING_STYLE") or None,
            "default_acl": None,
            "file_overwrite": False,
            # Never used (no URL is ever given out), but if one were, it would expire.
            "querystring_auth": True,
            "querystring_expire": 60,
        },
    }
