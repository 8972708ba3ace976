"""The codes of every refusal, with nothing of Django: the sandbox child (worker.py) names them too,
and its fork server must not load Django (see sandbox.py). Their messages are in errors.py."""

FILE_TYPE = "file_type"
FILE_TOO_LARGE = "file_too_large"
TOO_MANY_FILES = "too_many_files"
CASE_TOO_LARGE = "case_too_large"
IMAGE_TOO_LARGE = "image_too_large"
UNREADABLE = "unreadable"
REQUEST_PIXELS = "request_pixels"
PROCESSING_FAILED = "processing_failed"
NOT_STRIPPED = "not_stripped"
