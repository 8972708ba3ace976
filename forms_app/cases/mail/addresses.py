"""Claimant addresses: mainland-China providers, and addresses the provider reported undeliverable
(kept only as keyed hashes)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..crypto import keyed_hash
from ..models import UndeliverableAddress

CHINA_MAIL_WARNING = _(
    "This address is at an e-mail provider operated in mainland China. The authorities there can "
    "read such e-mail. We suggest an address at another provider, or no e-mail at all. If you still "
    "want e-mail at this address, tick the box below."
)
CHINA_MAIL_UNDERSTOOD = _("I understand the risk and still want e-mail at this address")
UNDERSTOOD_FIELD = "china_mail_understood"


def domain_of(address):
    return (address or "").rpartition("@")[2].strip().rstrip(".").lower()


def at_china_provider(address):
    """True for an address at (a subdomain of) a provider in settings.CHINA_MAIL_DOMAINS."""
    domain = domain_of(address)
    return bool(domain) and any(
        domain == known or domain.endswith("." + known) for known in settings.CHINA_MAIL_DOMAINS
    )


def needs_china_warning(address, safe_channels):
    """The claimant asked for e-mail at a mainland-China provider: warn before they opt in."""
    return "email" in (safe_channels or []) and at_china_provider(address)


def address_hash(address):
    return keyed_hash("mail-address", (address or "").strip().lower())


def is_undeliverable(address):
    return bool(address) and UndeliverableAddress.objects.filter(address_hash=address_hash(address)).exists()


def mark_undeliverable(address, reason):
    UndeliverableAddress.objects.update_or_create(address_hash=address_hash(address), defaults={"reason": reason})
