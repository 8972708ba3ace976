"""Who the client is, for throttles only: its address as our proxy reports it, grouped so that one
subscriber counts once. Both the intake's rate limits (forms_app.intake.abuse) and the staff
sign-in throttles (staff_auth.client) count by this, and both only ever hash it: no address is
stored anywhere.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's address as the proxy reports it (settings.CLIENT_IP_HEADER, e.g.
    HTTP_X_REAL_IP), else REMOTE_ADDR."""
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        # X-Forwarded-For lists every hop; the last one was added by our own proxy.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_group(address):
    """The address an IPv4 client uses, or the /64 block of an IPv6 one (IPv4-mapped as IPv4):
    rotating addresses inside the block one subscriber usually holds does not make a new client."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def client_group_of(request):
    """client_group of client_address: what a client is counted as."""
    return client_group(client_address(request))
