"""Practice-cycle blocks: the measured-result chart, its validation, and the shared
document and video blocks inside a practice article body."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document

from communities.blocks import MeasuredResultBlock, PracticeStreamBlock

pytestmark = pytest.mark.django_db


def bar_widths(html):
    return {
        name: float(width)
        for name, width in re.findall(r'data-bar="(\w+)"[^>]*width="([\d.]+)"', html)
    }


def render_result(**data):
    block = MeasuredResultBlock()
    value = block.clean(block.to_python(data))
    with translation.override("en"):
        return block.render(value)


def test_measured_result_draws_bars_proportional_to_the_values():
    html = render_result(
        indicator="Pupils who reach the learning objective", before=42, after=68, unit="%"
    )

    assert bar_widths(html) == {"before": pytest.approx(61.8, abs=0.1), "after": 100.0}
    assert "<svg" in html and 'aria-hidden="true"' in html
    # The numbers are in the text too, for screen readers and without CSS.
    assert "<dt>Before</dt><dd>42%</dd>" in html
    assert "<dt>After</dt><dd>68%</dd>" in html
    assert "Pupils who reach the learning objective" in html


def test_measured_result_that_went_down_and_other_units():
    html = render_result(indicator="Pupils absent per week", before=12, after=3, unit="pupils")

    assert bar_widths(html) == {"before": 100.0, "after": 25.0}
    assert "<dd>12 pupils</dd>" in html and "<dd>3 pupils</dd>" in html


def test_measured_result_of_zero_draws_empty_bars_without_dividing_by_zero():
    html = render_result(indicator="Complaints", before=0, after=0)

    assert bar_widths(html) == {"before": 0.0, "after": 0.0}


def test_decimal_values_are_written_in_the_readers_language():
    block = MeasuredResultBlock()
    value = block.clean(block.to_python({"indicator": "Nilai", "before": 6.5, "after": 7.25}))
    with translation.override("id"):
        html = block.render(value)

    assert "<dd>6,5</dd>" in html and "<dd>7,25</dd>" in html
    assert 'width="89.7"' in html  # SVG numbers are never localised


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"indicator": "x", "before": -1, "after": 5}, {"before"}),
        ({"indicator": "x", "before": 5, "after": -0.5}, {"after"}),
        ({"indicator": "x", "before": "banyak", "after": 5}, {"before"}),
        ({"indicator": "x", "before": "", "after": ""}, {"before", "after"}),
        ({"indicator": "x", "before": 40, "after": 120, "unit": "%"}, {"after"}),
        ({"indicator": "", "before": -3, "after": 5}, {"indicator", "before"}),
    ],
)
def test_measured_result_validation_gives_a_message_per_field(data, errors):
    block = MeasuredResultBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(data))

    assert set(error.value.block_errors) == errors
    for field_errors in error.value.block_errors.values():
        assert ValidationError(field_errors).messages[0]


def test_negative_value_message_is_clear():
    block = MeasuredResultBlock()
    with translation.override("en"), pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"indicator": "x", "before": -1, "after": 5}))

    assert ValidationError(error.value.block_errors["before"]).messages == [
        "Isi dengan angka nol atau lebih."
    ]


def test_practice_stream_renders_every_practice_block_and_keeps_the_shared_ones():
    document = Document(title="Instrumen asesmen diagnostik")
    document.file.save("instrumen.docx", ContentFile(b"x" * 3072))
    document.save()
    stream = PracticeStreamBlock()
    value = stream.to_python(
        [
            {"type": "problem", "value": {"text": "<p>Murid belum paham pecahan.</p>"}},
            {
                "type": "action",
                "value": {"text": "<p>Asesmen diagnostik.</p>", "who": "Tiga guru"},
            },
            {
                "type": "measured_result",
                "value": {"indicator": "Tuntas", "before": 42, "after": 68, "unit": "%"},
            },
            {"type": "reflection", "value": {"text": "<p>Mulai dari murid.</p>"}},
            {"type": "document", "value": {"document": document.pk}},
            {
                "type": "video",
                "value": {
                    "url": "https://youtu.be/dQw4w9WgXcQ",
                    "title": "Refleksi",
                    "transcript": "Transkrip refleksi.",
                },
            },
        ]
    )

    with translation.override("en"):
        html = stream.render(value)

    assert "The problem we faced" in html and "Murid belum paham pecahan." in html
    assert "The action we took" in html and "Tiga guru" in html
    assert 'data-bar="after"' in html
    assert "What we learned" in html and "Mulai dari murid." in html
    # Document: type, size and download link.
    assert "DOCX · 3.0\xa0KB" in html and f'href="{document.url}" download' in html
    # Video: a click-to-load preview, no iframe, transcript.
    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
    assert "Transkrip refleksi." in html
