"""Meetings, practice articles and learning resources."""

import datetime
import uuid

from django.utils import timezone

from communities.models import (
    ArticleAuthor,
    MeetingAction,
    MeetingPage,
    PracticeArticlePage,
    Regency,
)
from resources.models import LearningResourceIndexPage, LearningResourcePage, ResourceDocument

from . import lessons
from .communities import english_picks, spread
from .tree import Batch, Parent


class ContentSteps:
    """Generator steps for what communities and editors publish (mixed into Generator)."""

    # --- meetings -------------------------------------------------------------------------

    def make_meetings(self, count):
        rng = self.rng
        batch = Batch(MeetingPage)
        id_count = en_count = 0
        for community, with_english in self.pick_parents(count):
            local = timezone.localtime(self.now, community.zone)
            day = local.date() + datetime.timedelta(days=rng.randint(-540, 150))
            start = datetime.datetime.combine(
                day,
                datetime.time(rng.choice((8, 9, 13, 14, 15, 19)), rng.choice((0, 0, 30))),
                tzinfo=community.zone,
            )
            end = start + datetime.timedelta(minutes=rng.choice((90, 120, 120, 180)))
            mode = rng.choice(("face_to_face", "face_to_face", "online", "blended"))
            fields, activity, facilitators, actions = self.writer.meeting(
                community.profile, mode, past=end < self.now
            )
            shared = {
                "start": start,
                "end": end,
                "mode": mode,
                "activity": activity,
                "facilitators": facilitators[:300],
                "capacity": rng.choice((None, None, 20, 25, 30, 40, 60)),
                "online_link": _online_link(rng) if mode != "face_to_face" else "",
                "regency_id": community.regency_id,
            }
            chance = rng.random()
            if chance < 0.005:  # open-ended: shows in the agenda for the next 400 days
                shared.update(repeat="monthly_weekday")
            elif chance < 0.08:
                shared.update(
                    repeat=rng.choice(("weekly", "monthly_weekday", "monthly_day")),
                    repeat_count=rng.randint(3, 8),
                )
            key = uuid.uuid4()
            published = self.published(start - datetime.timedelta(days=rng.randint(7, 30)))
            versions = [(community.id_parent, "id")]
            if with_english:
                versions.append((community.en_parent, "en"))
            for parent, lang in versions:
                text = fields[lang]
                page = self.make(
                    MeetingPage, parent, text["title"], key, published,
                    {**{k: v for k, v in text.items() if k != "title"}, **shared},
                )  # fmt: skip
                page.__dict__["zone"] = community.zone  # no query for the province
                page.series_end = page._compute_series_end()
                batch.add(page, parent)
                for order, action in enumerate(actions):
                    batch.child(
                        page,
                        MeetingAction(
                            **action[lang],
                            due=(end + datetime.timedelta(days=28)).date(),
                            sort_order=order,
                            locale_id=parent.locale_id,
                            translation_key=uuid.uuid5(key, f"action-{order}"),
                        ),
                    )
            id_count += 1
            en_count += with_english
            batch = self.flush(batch)
        self.flush(batch, force=True)
        self.counts["meetings"] = (id_count, en_count)
        return id_count, en_count

    # --- practice articles ----------------------------------------------------------------

    def make_articles(self, count):
        rng = self.rng
        batch = Batch(PracticeArticlePage)
        id_count = en_count = 0
        for community, with_english in self.pick_parents(count):
            fields, shared, authors, terms = lessons.article(
                self.writer, community.profile, self.image_ids, self.document_ids
            )
            published = spread(rng, self.now, 900)
            key = uuid.uuid4()
            versions = [(community.id_parent, "id", published)]
            if with_english:
                later = self.published(published + datetime.timedelta(days=rng.randint(1, 20)))
                versions.append((community.en_parent, "en", later))
            for parent, lang, when in versions:
                text = fields[lang]
                page = self.make(
                    PracticeArticlePage, parent, text["title"], key, when,
                    {**{k: v for k, v in text.items() if k != "title"}, **shared,
                     "date": published.date()},
                )  # fmt: skip
                batch.add(page, parent)
                for order, (name, role, school) in enumerate(authors):
                    batch.child(
                        page, ArticleAuthor(name=name, role=role, school=school, sort_order=order)
                    )
                for field_name, slugs in terms.items():
                    batch.link(page, field_name, self.term_ids(field_name, slugs))
            id_count += 1
            en_count += with_english
            batch = self.flush(batch)
        self.flush(batch, force=True)
        self.counts["articles"] = (id_count, en_count)
        return id_count, en_count

    # --- learning resources ---------------------------------------------------------------

    def make_resources(self, count):
        rng = self.rng
        library_id, library_en = self.indexes[LearningResourceIndexPage]
        parent_id, parent_en = Parent.load(library_id), Parent.load(library_en)
        first = (
            LearningResourcePage.objects.filter(
                external_id__startswith="gen-", locale__language_code="id"
            ).count()
            + 1
        )
        regency_names = list(Regency.objects.values_list("name", flat=True))
        english = english_picks(rng, count, self.options.english_share)
        batch = Batch(LearningResourcePage)
        id_count = en_count = 0
        profile = None
        for number in range(count):
            if number % 20 == 0:  # a district's editors upload resources in runs
                profile = self.writer.profile(rng.choice(regency_names))
            fields, shared, documents, terms = lessons.resource(
                self.writer, profile, self.document_ids
            )
            published = spread(rng, self.now, 700)
            key = uuid.uuid4()
            shared.update(
                external_id=f"gen-{first + number:07d}",
                last_reviewed=(published - datetime.timedelta(days=rng.randint(0, 30))).date(),
            )
            versions = [(parent_id, "id", published)]
            if number in english:
                later = self.published(published + datetime.timedelta(days=rng.randint(1, 20)))
                versions.append((parent_en, "en", later))
            for parent, lang, when in versions:
                text = fields[lang]
                page = self.make(
                    LearningResourcePage, parent, text["title"], key, when,
                    {**{k: v for k, v in text.items() if k != "title"}, **shared},
                )  # fmt: skip
                if page.external_url.endswith("/"):  # the same link in both languages
                    shared["external_url"] = page.external_url = page.external_url + page.slug
                batch.add(page, parent)
                for order, document_id in enumerate(documents):
                    batch.child(page, ResourceDocument(document_id=document_id, sort_order=order))
                for field_name, slugs in terms.items():
                    batch.link(page, field_name, self.term_ids(field_name, slugs))
            id_count += 1
            en_count += number in english
            batch = self.flush(batch)
        self.flush(batch, force=True)
        self.counts["resources"] = (id_count, en_count)
        return id_count, en_count


def _online_link(rng):
    if rng.random() < 0.5:
        letters = "abcdefghijkmnopqrstuvwxyz"
        parts = ["".join(rng.choice(letters) for _ in range(n)) for n in (3, 4, 3)]
        return "https://meet.google.com/" + "-".join(parts)
    return f"https://us06web.zoom.us/j/{rng.randint(8_000_000_000, 8_999_999_999)}"
