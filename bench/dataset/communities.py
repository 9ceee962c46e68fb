"""Communities of practice and the regions they sit in: the first step, and the parents
of meetings and practice articles."""

import datetime
import uuid
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from zoneinfo import ZoneInfo

from communities.access import ensure_district_access
from communities.models import (
    CommunityIndexPage,
    CommunityMember,
    CommunityNorm,
    CommunityPage,
    Regency,
    RegionPage,
)

from .tree import Batch, Parent

# Java, where most teachers are, gets more communities than its share of regencies.
PROVINCE_WEIGHTS = {"31": 4, "32": 4, "33": 3, "34": 3, "35": 3, "36": 3, "51": 2}


@dataclass
class Community:
    """A community page (new or existing) that meetings and articles go under."""

    id_parent: Parent
    en_parent: Parent | None
    profile: object
    regency_id: int
    zone: ZoneInfo
    weight: int


@cache
def zone(name):
    return ZoneInfo(name)


def english_picks(rng, count, share):
    """Exactly round(count * share) items, chosen at random, get an English version."""
    return set(rng.sample(range(count), round(count * max(0.0, min(1.0, share)))))


def spread(rng, now, days_back, days_forward=0):
    """A moment between days_back ago and days_forward ahead, 01–09 UTC (office hours
    in Indonesia)."""
    day = now - datetime.timedelta(days=rng.uniform(-days_forward, days_back))
    return day.replace(hour=rng.randint(1, 9), minute=rng.randint(0, 59), microsecond=0)


class CommunitySteps:
    """Generator steps for regions and communities (mixed into Generator)."""

    def make_communities(self, count):
        rng = self.rng
        index_id, index_en = self.indexes[CommunityIndexPage]
        regencies = list(Regency.objects.select_related("province").order_by("code"))
        weights = [PROVINCE_WEIGHTS.get(r.province.code, 1) for r in regencies]
        chosen = rng.choices(regencies, weights, k=count)
        regions = self.ensure_regions(index_id, index_en, {r.pk: r for r in chosen})
        english = english_picks(rng, count, self.options.english_share)
        batch = Batch(CommunityPage)
        id_count = en_count = 0
        for number, regency in enumerate(chosen):
            region_id, region_en = regions[regency.pk]
            profile = self.writer.profile(regency.name)
            fields, shared, norms = self.writer.community(profile)
            terms = {"levels": [profile.level], "subjects": profile.subjects,
                     "topics": profile.topics}  # fmt: skip
            key = uuid.uuid4()
            published = spread(rng, self.now, 1100, 0)
            versions = [(region_id, fields["id"], published, "id")]
            if number in english:
                versions.append(
                    (region_en, fields["en"], published + datetime.timedelta(days=3), "en")
                )
            parents = {}
            for parent, text, when, lang in versions:
                page = self.make(
                    CommunityPage,
                    parent,
                    text["title"],
                    key,
                    self.published(when),
                    {**{k: v for k, v in text.items() if k != "title"}, **shared,
                     "regency_id": regency.pk},
                )  # fmt: skip
                batch.add(page, parent)
                for order, norm in enumerate(norms):
                    batch.child(
                        page,
                        CommunityNorm(
                            text=norm[0 if lang == "id" else 1],
                            sort_order=order,
                            locale_id=parent.locale_id,
                            translation_key=uuid.uuid5(key, f"norm-{order}"),
                        ),
                    )
                for order, (name, role, school) in enumerate(profile.members):
                    batch.child(
                        page, CommunityMember(name=name, role=role, school=school, sort_order=order)
                    )
                for field_name, slugs in terms.items():
                    batch.link(page, field_name, self.term_ids(field_name, slugs))
                parents[lang] = Parent(page)
            id_count += 1
            en_count += "en" in parents
            self.communities.append(
                Community(
                    parents["id"],
                    parents.get("en"),
                    profile,
                    regency.pk,
                    zone(regency.province.time_zone),
                    rng.randint(1, 6),
                )
            )
            batch = self.flush(batch)
        self.flush(batch, force=True)
        self.counts["communities"] = (id_count, en_count)
        return id_count, en_count

    def term_ids(self, field_name, slugs):
        known = self.terms[field_name]
        return sorted({known[slug] for slug in slugs if slug in known})

    def ensure_regions(self, index_id, index_en, regencies):
        """{regency pk: (Indonesian region Parent, English region Parent)}, creating the
        region pages that are missing in either language."""
        existing_id = {
            page.regency_id: page for page in RegionPage.objects.child_of(index_id).order_by()
        }
        existing_en = {
            page.translation_key: page for page in RegionPage.objects.child_of(index_en).order_by()
        }
        index_id_parent, index_en_parent = Parent.load(index_id), Parent.load(index_en)
        batch = Batch(RegionPage)
        created, result = [], {}
        for regency in regencies.values():
            page_id = existing_id.get(regency.pk)
            key = page_id.translation_key if page_id else uuid.uuid4()
            page_en = existing_en.get(key)
            published = self.published(spread(self.rng, self.now, 1200))
            if page_id is None:
                page_id = self.make(
                    RegionPage, index_id_parent, regency.name, key, published,
                    {"regency_id": regency.pk},
                )  # fmt: skip
                batch.add(page_id, index_id_parent)
                created.append(page_id)
            if page_en is None:
                page_en = self.make(
                    RegionPage, index_en_parent, regency.name, key, published,
                    {"regency_id": regency.pk},
                )  # fmt: skip
                batch.add(page_en, index_en_parent)
            result[regency.pk] = (page_id, page_en)
        if len(batch):
            batch.write()
        new = {page.pk for page, _ in batch.pages}
        # Existing regions may already have communities: load their children's slugs.
        result = {
            pk: tuple(Parent(page) if page.pk in new else Parent.load(page) for page in pair)
            for pk, pair in result.items()
        }
        self.log(f"  {len(created)} new region pages, {len(result)} regions used")
        self.new_regions = created
        return result

    def district_access(self):
        """Each new region's editors group and review workflow, as the save signal makes
        them (a few hundred regions at most, so one by one)."""
        for page in self.new_regions:
            ensure_district_access(page)

    def existing_communities(self):
        """Communities already in the database, when this run creates none: meetings and
        articles go under them (with a made-up profile for their text)."""
        index_id, index_en = self.indexes[CommunityIndexPage]
        pages = list(
            CommunityPage.objects.descendant_of(index_id)
            .select_related("regency__province")
            .order_by("path")
        )
        english = {
            page.translation_key: page
            for page in CommunityPage.objects.filter(locale=self.locale_en).order_by()
        }
        communities = []
        for page in pages:
            regency = page.regency
            # Content for it is written as if from its regency (any town if it has none).
            name = regency.name if regency else "Kota Bandung"
            en_page = english.get(page.translation_key)
            communities.append(
                Community(
                    Parent.load(page),
                    Parent.load(en_page) if en_page else None,
                    self.writer.profile(name),
                    page.regency_id,
                    zone(regency.province.time_zone if regency else "Asia/Jakarta"),
                    self.rng.randint(1, 6),
                )
            )
        self.log(f"  {len(communities)} existing communities will get the new content")
        return communities

    def pick_parents(self, count):
        """(community, with English) for each new item: English items go under
        communities that have an English version."""
        rng = self.rng
        english = english_picks(rng, count, self.options.english_share)
        bilingual = [c for c in self.communities if c.en_parent is not None]
        # Cumulative weights once: choices() would add them up again on every call.
        all_weights = list(accumulate(c.weight for c in self.communities))
        en_weights = list(accumulate(c.weight for c in bilingual))
        for number in range(count):
            if number in english and bilingual:
                yield rng.choices(bilingual, cum_weights=en_weights)[0], True
            else:
                yield rng.choices(self.communities, cum_weights=all_weights)[0], False
