"""Provinces and regencies/cities with their official Kemendagri codes.

Loaded from fixtures/wilayah/ (ODbL) by a data migration; not edited by hand.
"""

from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", "WIB"
    WITA = "Asia/Makassar", "WITA"
    WIT = "Asia/Jayapura", "WIT"


class Province(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TimeZone.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name

    @property
    def zoneinfo(self):
        return ZoneInfo(self.time_zone)

    @property
    def time_zone_label(self):
        """WIB, WITA or WIT."""
        return TimeZone(self.time_zone).label


class Regency(models.Model):
    """A kabupaten (regency) or kota (city): the unit a district education office serves."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")

    code = models.CharField(_("code"), max_length=5, unique=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="regencies"
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["province__name", "name"]
        verbose_name = _("regency or city")
        verbose_name_plural = _("regencies and cities")

    def __str__(self):
        return f"{self.name}, {self.province.name}"
