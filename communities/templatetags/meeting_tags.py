"""Meeting dates as people read them: in the community's local time, with WIB/WITA/WIT."""

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from communities import recurrence

register = template.Library()


def occurrence_text_for(start, end, label):
    day = formats.date_format(start, "l, j F Y")
    return f"{day}, {start:%H.%M}–{end:%H.%M} {label}"


@register.simple_tag
def occurrence_text(occurrence, meeting):
    """'Kamis, 10 Desember 2026, 14.00–16.00 WITA' for an Occurrence or a MeetingPage."""
    start = getattr(occurrence, "local_start", None) or occurrence.start.astimezone(meeting.zone)
    end = getattr(occurrence, "local_end", None) or occurrence.end.astimezone(meeting.zone)
    return occurrence_text_for(start, end, meeting.zone_label)


@register.simple_tag
def recurrence_text(meeting):
    """A sentence describing how a meeting repeats."""
    start = meeting.local_start
    weekday = formats.date_format(start, "l")
    interval = meeting.repeat_interval or 1
    if meeting.repeat == recurrence.Frequency.WEEKLY:
        if interval == 1:
            text = _("Every week on %(weekday)s") % {"weekday": weekday}
        else:
            text = _("Every %(n)s weeks on %(weekday)s") % {"n": interval, "weekday": weekday}
    elif meeting.repeat == recurrence.Frequency.MONTHLY_WEEKDAY:
        position = meeting.repeat_position or recurrence.default_position(start.date())
        label = recurrence.Position(position).label
        if interval == 1:
            text = _("Every month on the %(position)s %(weekday)s") % {
                "position": label,
                "weekday": weekday,
            }
        else:
            text = _("Every %(n)s months on the %(position)s %(weekday)s") % {
                "n": interval,
                "position": label,
                "weekday": weekday,
            }
    else:
        if interval == 1:
            text = _("Every month on day %(day)s") % {"day": start.day}
        else:
            text = _("Every %(n)s months on day %(day)s") % {"n": interval, "day": start.day}
    text += f", {start:%H.%M}–{meeting.local_end:%H.%M} {meeting.zone_label}"
    if meeting.repeat_until:
        text += ", " + _("until %(date)s") % {
            "date": formats.date_format(meeting.repeat_until, "j F Y")
        }
    elif meeting.repeat_count:
        text += ", " + _("%(count)s meetings") % {"count": meeting.repeat_count}
    excluded = meeting.excluded_date_list
    if excluded:
        dates = ", ".join(formats.date_format(day, "j F Y") for day in excluded)
        text += "; " + _("no meeting on %(dates)s") % {"dates": dates}
    return text
