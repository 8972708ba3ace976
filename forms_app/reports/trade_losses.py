"""Losses computed from investors' trade schedules, for the statistics page.

Reads only plain rows written at filing (TradePosition: realised loss, quantity still held and its
cost, per case, security and currency) and the reference prices case managers set: nothing is
decrypted. The method is stated on the page (forms_app.review.counsel_settings.REFERENCE_METHOD).
"""

from collections import defaultdict
from decimal import Decimal

from ..cases.models import ReferencePrice, TradePosition
from ..intake.trade_schedule import Position, loss_of


def reference_prices():
    """{case type: {(security, currency): price}}."""
    prices = defaultdict(dict)
    for price in ReferencePrice.objects.all():
        prices[price.case_type][(price.instrument, price.currency)] = price.price
    return prices


def schedule_losses(cases):
    """[{"currency", "total", "cases"}] summed over ``cases`` (one query for the positions), each
    case's loss first in, first out against its case type's reference prices; unpriced holdings
    left out (see ``loss_of``)."""
    prices = reference_prices()
    by_case = defaultdict(list)
    rows = TradePosition.objects.filter(case__in=cases.order_by().values("pk")).values_list(
        "case_id", "case__case_type", "instrument", "currency", "realised_loss", "held_quantity", "held_cost"
    )
    types = {}
    for case_id, case_type, instrument, currency, realised, quantity, cost in rows:
        types[case_id] = case_type
        by_case[case_id].append(Position(instrument, currency, realised, quantity, cost))
    totals, counts = defaultdict(Decimal), defaultdict(int)
    for case_id, positions in by_case.items():
        for currency, loss in loss_of(positions, prices.get(types[case_id], {})).items():
            totals[currency] += loss
            counts[currency] += 1 if loss > 0 else 0
    return [
        {"currency": currency, "total": totals[currency], "cases": counts[currency]} for currency in sorted(totals)
    ]
