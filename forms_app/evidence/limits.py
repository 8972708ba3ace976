"""Upload limits, read from settings at call time so tests and deployments can change them."""

from django.conf import settings

MiB = 1024 * 1024

DEFAULT_MAX_FILES = 10
DEFAULT_MAX_FILE_BYTES = 20 * MiB
DEFAULT_MAX_CASE_BYTES = 50 * MiB
DEFAULT_MAX_IMAGE_PIXELS = 40_000_000

# Room for form fields and multipart headers on top of the files themselves.
REQUEST_OVERHEAD_BYTES = 1 * MiB


def max_files() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_FILES", DEFAULT_MAX_FILES))


def max_file_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def max_case_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_CASE_BYTES", DEFAULT_MAX_CASE_BYTES))


def max_image_pixels() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))


def max_request_bytes() -> int:
    """The largest request body worth reading at all."""
    return max_case_bytes() + REQUEST_OVERHEAD_BYTES


# Processing happens in a sandbox child (sandbox.py); these bound what one request may cost.
DEFAULT_MAX_REQUEST_PIXELS = 150_000_000  # e.g. ten 12-megapixel phone photos, with room
DEFAULT_MAX_PIXELS_PER_BYTE = 1000  # real photos and screenshots stay far below this
DEFAULT_SANDBOX_MEMORY_BYTES = 1536 * MiB
DEFAULT_SANDBOX_CPU_SECONDS = 30
DEFAULT_SANDBOX_TIMEOUT_SECONDS = 45


def max_request_pixels() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_REQUEST_PIXELS", DEFAULT_MAX_REQUEST_PIXELS))


def max_pixels_per_byte() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_PIXELS_PER_BYTE", DEFAULT_MAX_PIXELS_PER_BYTE))


def sandbox_memory_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_SANDBOX_MEMORY_BYTES", DEFAULT_SANDBOX_MEMORY_BYTES))


def sandbox_cpu_seconds() -> int:
    return int(getattr(settings, "EVIDENCE_SANDBOX_CPU_SECONDS", DEFAULT_SANDBOX_CPU_SECONDS))


def sandbox_timeout_seconds() -> float:
    return float(getattr(settings, "EVIDENCE_SANDBOX_TIMEOUT_SECONDS", DEFAULT_SANDBOX_TIMEOUT_SECONDS))
