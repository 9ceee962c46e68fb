import pytest

from communities.models import Province, Regency, SchoolLevel, Subject

pytestmark = pytest.mark.django_db


def test_all_provinces_and_regencies_are_loaded_with_official_codes():
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514
    jembrana = Regency.objects.get(code="51.01")
    assert jembrana.name == "Kabupaten Jembrana"
    assert jembrana.province.code == "51" and jembrana.province.name == "Bali"
    assert Province.objects.get(code="31").name == "DKI Jakarta"


@pytest.mark.parametrize(
    ("code", "label", "zone"),
    [
        ("32", "WIB", "Asia/Jakarta"),  # Jawa Barat
        ("51", "WITA", "Asia/Makassar"),  # Bali
        ("73", "WITA", "Asia/Makassar"),  # Sulawesi Selatan
        ("91", "WIT", "Asia/Jayapura"),  # Papua
        ("81", "WIT", "Asia/Jayapura"),  # Maluku
    ],
)
def test_provinces_know_their_time_zone(code, label, zone):
    province = Province.objects.get(code=code)
    assert province.time_zone_label == label
    assert str(province.zoneinfo) == zone


def test_taxonomy_is_seeded_in_both_languages_with_shared_slugs():
    levels = {lvl.slug for lvl in SchoolLevel.objects.filter(locale__language_code="id")}
    assert levels == {"paud", "sd", "smp", "sma", "smk", "slb"}
    math_id = Subject.objects.get(slug="matematika", locale__language_code="id")
    math_en = Subject.objects.get(slug="matematika", locale__language_code="en")
    assert (math_id.name, math_en.name) == ("Matematika", "Mathematics")
    assert math_id.translation_key == math_en.translation_key
