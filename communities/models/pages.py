"""The Komunitas section: index → region (one per regency) → community.

Regions sit in the tree so that Wagtail's tree-based permissions and workflows
follow districts: a district's editors and review workflow are attached to its
region page, a community's maintainers to its community page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock


class MeetingMode(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class CommunityType(models.TextChoices):
    WITHIN_SCHOOL = "within_school", _("Within one school")
    BETWEEN_SCHOOLS = "between_schools", _("Between schools")
    ONLINE = "online", _("Online")


class MemberRole(models.TextChoices):
    TEACHER = "teacher", _("Teacher (guru)")
    PRINCIPAL = "principal", _("Principal (kepala sekolah)")
    SUPERVISOR = "supervisor", _("Supervisor (pengawas)")
    FACILITATOR = "facilitator", _("Facilitator (fasilitator)")


class CommunityIndexPage(Page):
    """Komunitas: find communities of practice near you, by region, level,
    subject, type of community and how they meet."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["communities.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("community index")

    def get_context(self, request, *args, **kwargs):
        from communities.listing import community_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(community_listing(request, self))
        return context


class RegionPage(Page):
    """A regency or city (kabupaten/kota) and the communities of practice in it.
    Its district editors review what those communities publish."""

    regency = models.ForeignKey(
        "communities.Regency",
        verbose_name=_("regency or city"),
        on_delete=models.PROTECT,
        related_name="region_pages",
    )
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("regency"), FieldPanel("introduction")]

    parent_page_types = ["communities.CommunityIndexPage"]
    subpage_types = ["communities.CommunityPage"]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def clean(self):
        super().clean()
        if not self.regency_id:
            return
        duplicate = (
            RegionPage.objects.filter(regency_id=self.regency_id, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if duplicate:
            raise ValidationError({"regency": _("This regency already has a region page.")})

    def get_context(self, request, *args, **kwargs):
        from communities import reference
        from communities.terms import prefetch_terms

        context = super().get_context(request, *args, **kwargs)
        if self.regency_id:  # the province line and the time-zone label
            self.regency = reference.regency(request, self.regency_id)
        communities = list(CommunityPage.objects.child_of(self).live().public().order_by("title"))
        for community in communities:
            if community.regency_id:
                community.regency = reference.regency(request, community.regency_id)
        context["communities"] = prefetch_terms(communities, ("levels", "subjects"))
        return context


class CommunityPage(Page):
    """A community of practice: what it cares about (domain), how its members
    work together (community) and what they have built (practice)."""

    # Domain
    goal = models.CharField(
        _("shared goal"),
        max_length=250,
        help_text=_("The concern members share, e.g. 'mewujudkan merdeka belajar'."),
    )
    summary = models.TextField(_("summary"), max_length=500, help_text=_("Shown in listings."))
    domain_description = RichTextField(
        _("about our domain"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    levels = ParentalManyToManyField(
        "communities.SchoolLevel", verbose_name=_("school levels"), blank=True
    )
    subjects = ParentalManyToManyField(
        "communities.Subject", verbose_name=_("subjects"), blank=True
    )
    topics = ParentalManyToManyField("communities.Topic", verbose_name=_("topics"), blank=True)

    # Community
    community_type = models.CharField(
        _("type of community"), max_length=20, choices=CommunityType.choices
    )
    meeting_mode = models.CharField(_("how we meet"), max_length=20, choices=MeetingMode.choices)
    meeting_schedule = models.CharField(
        _("when we meet"),
        max_length=200,
        help_text=_("E.g. 'Sebulan sekali, Kamis minggu kedua, 14.00–16.00'."),
    )
    meeting_place = models.CharField(_("where we meet"), max_length=250, blank=True)
    schools = models.TextField(_("schools"), blank=True, help_text=_("One school per line."))
    how_to_join = models.TextField(_("how to join"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_whatsapp = models.CharField(
        _("contact WhatsApp"), max_length=20, blank=True, help_text=_("E.g. 0812 3456 7890")
    )

    # Practice: photos, videos and documents the community keeps.
    documentation = StreamField(BaseStreamBlock(), verbose_name=_("documentation"), blank=True)

    # Denormalised from the parent region page so listings filter without joins on the tree.
    regency = models.ForeignKey(
        "communities.Regency",
        verbose_name=_("regency or city"),
        on_delete=models.PROTECT,
        related_name="communities",
        null=True,
        editable=False,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("goal"),
                FieldPanel("summary"),
                FieldPanel("domain_description"),
                FieldPanel("levels", widget=CheckboxSelectMultiple),
                FieldPanel("subjects", widget=CheckboxSelectMultiple),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
            ],
            heading=_("Domain"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("community_type"),
                FieldPanel("meeting_mode"),
                FieldPanel("meeting_schedule"),
                FieldPanel("meeting_place"),
                FieldPanel("schools"),
                FieldPanel("how_to_join"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_whatsapp"),
            ],
            heading=_("Community"),
        ),
        InlinePanel("norms", heading=_("Norms we agreed"), label=_("Norm")),
        InlinePanel("members", heading=_("Members"), label=_("Member")),
        FieldPanel("documentation", heading=_("Practice")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("goal"),
        index.SearchField("summary"),
        index.SearchField("domain_description"),
        index.SearchField("schools"),
        index.FilterField("community_type"),
        index.FilterField("meeting_mode"),
        index.FilterField("regency_id"),
    ]

    parent_page_types = ["communities.RegionPage"]
    subpage_types = ["communities.PracticeArticlePage", "communities.MeetingPage"]

    # Names, schools and contacts are the same in every language; taxonomy terms are
    # shown by slug in the reader's language (see communities/templatetags).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("goal"),
        TranslatableField("summary"),
        TranslatableField("domain_description"),
        TranslatableField("meeting_schedule"),
        TranslatableField("meeting_place"),
        TranslatableField("how_to_join"),
        TranslatableField("documentation"),
        TranslatableField("norms"),
        SynchronizedField("community_type"),
        SynchronizedField("meeting_mode"),
        SynchronizedField("schools"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_whatsapp"),
        SynchronizedField("members"),
        # Categories are shared, not translated: the English page follows the Indonesian one.
        SynchronizedField("levels"),
        SynchronizedField("subjects"),
        SynchronizedField("topics"),
    ]

    class Meta:
        verbose_name = _("community of practice")
        verbose_name_plural = _("communities of practice")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None and hasattr(parent.specific, "regency_id"):
            self.regency_id = parent.specific.regency_id
        return super().save(*args, **kwargs)

    @property
    def school_list(self):
        return [line.strip() for line in self.schools.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from communities import reference
        from communities.article_listing import community_articles_context
        from communities.meetings_listing import child_ids, community_meetings_context

        context = super().get_context(request, *args, **kwargs)
        if self.regency_id:  # the region line and the time-zone label
            self.regency = reference.regency(request, self.regency_id)
        ids = child_ids(self)  # its meetings and articles
        context.update(community_meetings_context(self, request=request, ids=ids))
        # The articles' terms query also reads this page's levels, subjects and topics.
        context.update(community_articles_context(self, limit=3, request=request, ids=ids))
        members = list(self.members.all())
        context["members_by_role"] = [
            (label, [m for m in members if m.role == role])
            for role, label in MemberRole.choices
            if any(m.role == role for m in members)
        ]
        return context


class CommunityNorm(TranslatableMixin, Orderable):
    page = ParentalKey(CommunityPage, on_delete=models.CASCADE, related_name="norms")
    text = models.CharField(_("norm"), max_length=250)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.text


class CommunityMember(Orderable):
    page = ParentalKey(CommunityPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    school = models.CharField(_("school"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("school")]

    def __str__(self):
        return self.name
