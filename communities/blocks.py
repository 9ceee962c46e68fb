"""Blocks for the practice cycle of a community: the problem we faced, the action
we took, the result we measured and what we learned.

They extend the shared library (home.blocks.BaseStreamBlock), so a practice
article can also hold headings, images, quotes, documents and videos.
"""

from django.forms.utils import ErrorList
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from home.blocks import BaseStreamBlock

PRACTICE_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class ProblemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=200, help_text=_("E.g. 'What we faced'.")
    )
    text = blocks.RichTextBlock(label=_("The problem"), features=PRACTICE_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/practice_problem_block.html"
        label = _("Problem")
        description = _("The problem in class that the community faced")


class ActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("What we did"), features=PRACTICE_FEATURES)
    who = blocks.CharBlock(
        label=_("Who took part"),
        required=False,
        max_length=250,
        help_text=_("E.g. 'Three grade 8 mathematics teachers'."),
    )
    period = blocks.CharBlock(
        label=_("When"), required=False, max_length=120, help_text=_("E.g. 'July–September 2025'.")
    )

    class Meta:
        icon = "tick-inverse"
        template = "blocks/practice_action_block.html"
        label = _("Action taken")
        description = _("The concrete action (aksi nyata) the community took")


class MeasuredResultBlock(blocks.StructBlock):
    indicator = blocks.CharBlock(
        label=_("Indicator"),
        max_length=250,
        help_text=_("What was measured, e.g. 'pupils who reach the learning objective'."),
    )
    before = blocks.FloatBlock(label=_("Before"))
    after = blocks.FloatBlock(label=_("After"))
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=30, help_text=_("E.g. '%', 'pupils', 'points'.")
    )
    note = blocks.TextBlock(
        label=_("How it was measured"),
        required=False,
        help_text=_("E.g. 'end-of-unit test, 64 pupils in two classes'."),
    )

    def clean(self, value):
        try:
            cleaned, errors = super().clean(value), {}
        except StructBlockValidationError as error:
            # Keep the other fields' messages and still check the numbers that parsed.
            cleaned, errors = value, dict(error.block_errors)
        percentage = (cleaned.get("unit") or "").strip() == "%"
        for name in ("before", "after"):
            if name in errors:
                continue
            try:
                number = float(cleaned.get(name))
            except (TypeError, ValueError):
                errors[name] = ErrorList([_("Enter a number.")])
                continue
            if number < 0:
                errors[name] = ErrorList([_("Enter a number that is zero or more.")])
            elif percentage and number > 100:
                errors[name] = ErrorList([_("A percentage cannot be more than 100.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["chart"] = result_chart(value.get("before"), value.get("after"))
        return context

    class Meta:
        icon = "pick"
        template = "blocks/practice_result_block.html"
        label = _("Measured result")
        description = _("An indicator before and after the action, shown as a small bar chart")


def format_number(number):
    """A number as the reader writes it: 42, 6,5 in Indonesian, 6.5 in English."""
    number = float(number)
    return number_format(int(number) if number.is_integer() else round(number, 2))


def result_chart(before, after):
    """Bar lengths (0–100, proportional to the larger value) and the change."""
    before = before or 0
    after = after or 0
    largest = max(before, after)

    def length(number):
        return round(number * 100 / largest, 1) if largest else 0

    return {
        "before": length(before),
        "after": length(after),
        "before_text": format_number(before),
        "after_text": format_number(after),
        "change": after - before,
        "increased": after > before,
    }


class ReflectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("What we learned"), features=PRACTICE_FEATURES)
    next_step = blocks.TextBlock(
        label=_("Next step"), required=False, help_text=_("What the community will try next.")
    )

    class Meta:
        icon = "comment"
        template = "blocks/practice_reflection_block.html"
        label = _("Reflection")
        description = _("What the community learned and what it will try next")


class PracticeStreamBlock(BaseStreamBlock):
    """The body of a practice article: the shared blocks plus the practice cycle."""

    problem = ProblemBlock()
    action = ActionBlock()
    measured_result = MeasuredResultBlock()
    reflection = ReflectionBlock()
