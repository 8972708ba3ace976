"""Local development: debug on, console e-mail, generated keys in a git-ignored file."""

from .base import *  # noqa: F403
from .base import LOGGING, VAR_DIR
from .devkeys import load_or_create
from .environment import derived_secret, env_bool, env_str

DEBUG = True
# Off by default so a newcomer can open the admin at once; set STAFF_2FA_REQUIRED=true to try it.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", False)

_dev_keys = load_or_create(VAR_DIR / "dev-keys.json")
SECRET_KEY = env_str("SECRET_KEY", _dev_keys["SECRET_KEY"])
ALTCHA_HMAC_SECRET = derived_secret(SECRET_KEY, "altcha-challenges")
CASE_MASTER_KEYS = [k for k in env_str("CASE_MASTER_KEYS", _dev_keys["CASE_MASTER_KEYS"]).split(",") if k]
CASE_HASH_KEY = env_str("CASE_HASH_KEY", _dev_keys["CASE_HASH_KEY"])

MAILERS = {"default": {"BACKEND": env_str("MAILER_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
# While no rule exists in Settings › Case notifications, new cases are announced to this address
# (printed on the console with the rest of the e-mail).
CASE_NOTIFICATION_EMAIL = env_str("CASE_NOTIFICATION_EMAIL", "staff@localhost")
# Tasks run in-process for manage.py commands; `make run` (scripts/run_dev.py) switches to the
# database queue and starts a worker beside the server.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Plain lines in a terminal; LOG_FORMAT=json to see what production writes.
LOGGING["handlers"]["console"]["formatter"] = env_str("LOG_FORMAT", "text")
