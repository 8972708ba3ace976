"""What counsel set and read beside the cases: limitation rules per case type (the queue's
limitation clock), reference prices per case type and security (losses from trade schedules), and
each case's positions left by its trade schedule, as plain numbers for the statistics.

The limitation date a rule gives is a triage aid for ordering the queue, not legal advice.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case, CaseType

# Securities of a trade schedule; the keys are stored in answers: never change one.
INSTRUMENTS = [
    ("hk_0700", _("Tencent shares (0700.HK)")),
    ("tcehy_adr", _("Tencent ADRs (TCEHY)")),
]


class CountedFrom(models.TextChoices):
    START = "start", _("The start of the incident")
    END = "end", _("The end of the incident")


def add_years(day, years):
    """The same calendar day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class LimitationRule(models.Model):
    """How long after an incident counsel would need to act, for one case type (edited by case managers)."""

    case_type = models.CharField(_("case type"), max_length=32, choices=CaseType.choices, unique=True)
    years = models.PositiveSmallIntegerField(
        _("period in years"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    counted_from = models.CharField(
        _("counted from"), max_length=8, choices=CountedFrom.choices, default=CountedFrom.START
    )
    note = models.TextField(
        _("note for reviewers"),
        blank=True,
        help_text=_("Where the period comes from, e.g. the statute counsel named."),
    )

    class Meta:
        verbose_name = _("limitation rule")
        verbose_name_plural = _("limitation rules")
        ordering = ["case_type"]

    def __str__(self):
        return str(CaseType(self.case_type).label) if self.case_type in CaseType.values else self.case_type

    def date_for(self, incidents):
        """The earliest date by which counsel would need to act for [(start, end or None)]; an
        incident still going on has no end, so a rule counted from the end gives it no date yet."""
        dates = []
        for start, end in incidents:
            base = start if self.counted_from == CountedFrom.START else end
            if base is not None:
                dates.append(add_years(base, self.years))
        return min(dates, default=None)


class ReferencePrice(models.Model):
    """The price against which shares still held at the end of the class period are valued."""

    case_type = models.CharField(_("case type"), max_length=32, choices=CaseType.choices, default=CaseType.INVESTOR)
    instrument = models.CharField(_("security"), max_length=16, choices=INSTRUMENTS)
    currency = models.CharField(_("currency"), max_length=8, help_text=_("e.g. HKD for 0700.HK, USD for TCEHY."))
    price = models.DecimalField(_("price"), max_digits=14, decimal_places=4, validators=[MinValueValidator(0)])
    note = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("e.g. the average closing price over the 90 days after.")
    )

    class Meta:
        verbose_name = _("reference price")
        verbose_name_plural = _("reference prices")
        ordering = ["case_type", "instrument", "currency"]
        constraints = [
            models.UniqueConstraint(fields=["case_type", "instrument", "currency"], name="reference_price_unique")
        ]

    def __str__(self):
        return f"{self.get_instrument_display()}: {self.price} {self.currency}"


class TradePosition(models.Model):
    """What one case's trade schedule leaves in one security and currency (first in, first out),
    kept as plain numbers only when the claimant agreed to be counted in statistics."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="trade_positions")
    instrument = models.CharField(_("security"), max_length=16, choices=INSTRUMENTS)
    currency = models.CharField(_("currency"), max_length=8)
    realised_loss = models.DecimalField(_("realised loss"), max_digits=20, decimal_places=6)
    held_quantity = models.DecimalField(_("quantity still held"), max_digits=20, decimal_places=6)
    held_cost = models.DecimalField(_("cost of what is still held"), max_digits=20, decimal_places=6)

    class Meta:
        verbose_name = _("trade position")
        verbose_name_plural = _("trade positions")

    def __str__(self):
        return f"{self.case_id} {self.instrument} {self.currency}"
