"""Bilingual content for generated pages: every builder returns the Indonesian fields and
their English translation, filled from the same choices so both say the same thing."""

import uuid
from dataclasses import dataclass, field

from . import words as w

SMALL_ID = {"dan", "di", "ke", "dari", "untuk", "tentang", "yang", "dengan", "lewat"}
SMALL_EN = {"and", "of", "the", "in", "on", "for", "a", "an", "to", "with", "up"}

TOPIC_NAMES = {
    "merdeka-belajar": ("Merdeka Belajar", "Merdeka Belajar"),
    "pembelajaran-berdiferensiasi": ("Pembelajaran Berdiferensiasi", "Differentiated Learning"),
    "asesmen": ("Asesmen", "Assessment"),
    "literasi": ("Literasi", "Literacy"),
    "numerasi": ("Numerasi", "Numeracy"),
    "p5": ("P5", "P5 Projects"),
    "pembelajaran-sosial-emosional": ("Sosial-Emosional", "Social-Emotional Learning"),
    "disiplin-positif": ("Disiplin Positif", "Positive Discipline"),
    "pendidikan-inklusif": ("Pendidikan Inklusif", "Inclusive Education"),
    "teknologi-pembelajaran": ("Teknologi Pembelajaran", "Learning Technology"),
    "kepemimpinan-sekolah": ("Kepemimpinan Sekolah", "School Leadership"),
    "refleksi": ("Refleksi Praktik", "Reflective Practice"),
}
PAUD_SUBJECT = ("pembelajaran melalui bermain", "learning through play")
# Topics a lesson in a subject is plausibly about (a strategy follows from the topic).
LANGUAGE_TOPICS = ["literasi", "asesmen", "pembelajaran-berdiferensiasi"]
SCIENCE_TOPICS = ["p5", "asesmen", "pembelajaran-berdiferensiasi", "teknologi-pembelajaran"]
SUBJECT_TOPICS = {
    "matematika": ["numerasi", "asesmen", "pembelajaran-berdiferensiasi"],
    "bahasa-indonesia": LANGUAGE_TOPICS,
    "bahasa-inggris": LANGUAGE_TOPICS,
    "bahasa-daerah": LANGUAGE_TOPICS,
    **dict.fromkeys(["ipa", "ipas", "fisika", "kimia", "biologi", "geografi"], SCIENCE_TOPICS),
    None: ["pembelajaran-sosial-emosional", "literasi", "numerasi", "disiplin-positif"],
}
OTHER_TOPICS = ["merdeka-belajar", "asesmen", "pembelajaran-berdiferensiasi", "p5"]


def cap(text):
    return text[:1].upper() + text[1:]


def title_case(text, small):
    return " ".join(
        word if (i and word in small) else cap(word) for i, word in enumerate(text.split(" "))
    )


def fill(pair, slots):
    """Format an (Indonesian, English) template pair; English templates name the town
    without "Kabupaten"."""
    return pair[0].format(**slots), pair[1].format(**{**slots, "town": slots["town_en"]})


def block(block_type, value):
    # Raw StreamField data: stored as it is, without building block objects.
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def html(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def ul(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def by_topic(entries):
    index = {}
    for entry in entries:
        for topic in entry[2]:
            index.setdefault(topic, []).append(entry)
    return index


STRATEGIES_BY_TOPIC = by_topic(w.STRATEGIES)
PROBLEMS_BY_TOPIC = by_topic(w.PROBLEMS)
LEVEL_SLUGS = list(w.LEVELS)
LEVEL_WEIGHTS = [w.LEVELS[slug][3] for slug in LEVEL_SLUGS]


@dataclass
class Profile:
    """What a community is about; its meetings and articles draw on it."""

    level: str
    subjects: list
    topics: list
    town_id: str
    town_en: str
    schools: list
    members: list = field(default_factory=list)  # (name, role, school)


class Writer:
    def __init__(self, rng):
        self.rng = rng

    # --- people and places ----------------------------------------------------------------

    def person(self):
        rng = self.rng
        if rng.random() < 0.08:
            male, female = rng.choice(w.BALINESE)
            return f"{rng.choice((male, female))} {rng.choice(w.GIVEN)}"
        return f"{rng.choice(w.GIVEN)} {rng.choice(w.FAMILY)}"

    def school(self, level, town):
        return self.rng.choice(w.SCHOOLS[level]).format(n=self.rng.randint(1, 12), town=town)

    def profile(self, regency_name):
        rng = self.rng
        town_en = regency_name.removeprefix("Kabupaten ").removeprefix("Kota ")
        town_en = town_en.removeprefix("Administrasi ")
        town_id = regency_name.removeprefix("Kabupaten ")
        level = rng.choices(LEVEL_SLUGS, LEVEL_WEIGHTS)[0]
        pool = w.SUBJECTS_BY_LEVEL[level]
        subjects = rng.sample(pool, min(len(pool), rng.choice((1, 1, 2, 3)))) if pool else []
        topics = rng.sample(list(w.TOPICS), rng.choice((1, 2, 2, 3)))
        schools = sorted({self.school(level, town_en) for _ in range(rng.randint(1, 5))})
        profile = Profile(level, subjects, topics, town_id, town_en, schools)
        roles = ["teacher"] * 5 + ["principal", "supervisor", "facilitator"]
        profile.members = [
            (self.person(), rng.choice(roles), rng.choice(schools))
            for _ in range(rng.randint(3, 9))
        ]
        return profile

    # --- slots ----------------------------------------------------------------------------

    def lesson_slots(self, profile):
        """Slots for something about one lesson: the topic fits the subject."""
        rng = self.rng
        subject = rng.choice(profile.subjects) if profile.subjects else None
        fitting = SUBJECT_TOPICS.get(subject, OTHER_TOPICS)
        shared = [t for t in profile.topics if t in fitting]
        return self.slots(profile, rng.choice(shared or fitting), subject)

    def slots(self, profile, topic=None, subject_slug=None):
        rng = self.rng
        level_id, level_en, grades, _ = w.LEVELS[profile.level]
        topic = topic or rng.choice(profile.topics)
        strategy = rng.choice(STRATEGIES_BY_TOPIC.get(topic) or w.STRATEGIES)
        problem = rng.choice(PROBLEMS_BY_TOPIC.get(topic) or w.PROBLEMS)
        indicator = rng.choice([i for i in w.INDICATORS if i[6] in (None, topic)])
        if subject_slug is None and profile.subjects:
            subject_slug = rng.choice(profile.subjects)
        subject = w.SUBJECTS[subject_slug] if subject_slug else PAUD_SUBJECT
        material = self.material(subject_slug, profile.level)
        grade = rng.choice(material[3] or grades or [0])
        before = rng.randint(indicator[4], (indicator[4] + indicator[5]) // 2)
        after = min(indicator[5], before + rng.randint(5, 30))
        month = rng.choice(w.MONTHS)
        name = rng.choice(profile.members)[0] if profile.members else self.person()
        return {
            "level": level_id,
            "level_en": level_en,
            "level_en_lower": level_en.lower(),
            "town": profile.town_id,
            "town_en": profile.town_en,
            "school": rng.choice(profile.schools),
            "subject": subject[0],
            "subject_en": subject[1],
            "Subject": title_case(subject[0], SMALL_ID),
            "Subject_en": title_case(subject[1], SMALL_EN),
            "Subject_sentence_en": cap(subject[1]),
            "topic_slug": topic,
            "topic": w.TOPICS[topic][0],
            "topic_en": w.TOPICS[topic][1],
            "Topic": TOPIC_NAMES[topic][0],
            "Topic_en": TOPIC_NAMES[topic][1],
            "strategy": strategy[0],
            "strategy_en": strategy[1],
            "Strategy": cap(strategy[0]),
            "Strategy_en": cap(strategy[1]),
            "problem": problem[0],
            "problem_en": problem[1],
            "indicator": indicator[0],
            "indicator_en": indicator[1],
            "Indicator": cap(indicator[0]),
            "Indicator_en": cap(indicator[1]),
            "unit": indicator[2],
            "unit_en": indicator[3],
            "unit_short": "%" if indicator[2] == "%" else "",
            "unit_short_en": "%" if indicator[2] == "%" else "",
            "percent": indicator[2] == "%",
            **_amounts(indicator, before, after),
            "before": before,
            "after": after,
            "material": material[0],
            "material_en": material[1],
            "subject_slug": subject_slug,
            "grade": grade,
            "grade_id": f"kelas {grade}" if grade else "kelompok B",
            "grade_en": f"grade {grade}" if grade else "kindergarten",
            "month": month[0],
            "month_en": month[1],
            "name": name,
            "k": len(profile.schools),
            "n": rng.randint(5, 24),
        }

    def material(self, subject_slug, level):
        options = w.MATERIALS.get(subject_slug or "_paud", w.MATERIALS["_paud"])
        fitting = [m for m in options if m[2] == level]
        return self.rng.choice(fitting or options)

    # --- communities ----------------------------------------------------------------------

    def community(self, profile):
        rng = self.rng
        s = self.slots(profile)
        kinds = {"any", "school"}
        if profile.subjects and profile.level != "sd":
            kinds.add("subject")
        if profile.level == "sd":
            kinds.add("sd")
        if profile.level == "paud":
            kinds.add("paud")
        if "kepemimpinan-sekolah" in profile.topics:
            kinds.add("leaders")
        names = [n for n in w.COMMUNITY_NAMES if n[2] in kinds]
        s["n"] = rng.randint(1, 9)
        title = fill(rng.choice(names), s)
        freq = rng.choice(w.FREQUENCIES)
        day, ordinal = rng.choice(w.DAYS), rng.choice(w.ORDINALS)
        hour = rng.choice((13, 14, 15, 19)) if freq[0] != "setiap minggu" else 19
        times = f", {hour:02d}.00–{hour + 2:02d}.00"
        schedule_slots = {"day": day[0], "day_en": day[1], "ordinal": ordinal[0],
                          "ordinal_en": ordinal[1]}  # fmt: skip
        schedule = (
            freq[2].format(**schedule_slots) + times,
            freq[3].format(**schedule_slots) + times,
        )
        place = rng.choice(w.PLACES)
        s.update(freq=freq[0], freq_en=freq[1])
        type_ = (
            "online"
            if place[2] == "online"
            else ("within_school" if len(profile.schools) == 1 else "between_schools")
        )
        contact = profile.members[0][0]
        domain = fill(rng.choice(w.DOMAINS), s)
        documentation = rng.choice(w.DOCUMENTATION) if rng.random() < 0.6 else None
        fields = {}
        for i, lang in enumerate(("id", "en")):
            fields[lang] = {
                "title": title[i],
                "domain_description": html(domain[i]),
                "meeting_schedule": schedule[i],
                "meeting_place": fill(place, s)[i],
                "documentation": [block("paragraph", html(documentation[i]))]
                if documentation
                else [],
            }
        # Goal, summary and joining text chosen once, then written in both languages.
        for key, bank in (("goal", w.GOALS), ("summary", w.SUMMARIES), ("how_to_join", w.JOIN)):
            pair = fill(rng.choice(bank), s)
            fields["id"][key], fields["en"][key] = pair
        shared = {
            "community_type": type_,
            "meeting_mode": place[2],
            "schools": "\n".join(profile.schools),
            "contact_name": contact,
            "contact_email": _email(contact, rng),
            "contact_whatsapp": f"08{rng.randint(11, 59)} {rng.randint(1000, 9999)} "
            f"{rng.randint(1000, 9999)}",
        }
        norms = rng.sample(w.NORMS, rng.randint(2, 4))
        return fields, shared, norms

    # --- meetings -------------------------------------------------------------------------

    def meeting(self, profile, mode, past):
        rng = self.rng
        s = self.slots(profile)
        activity = rng.choice(list(w.MEETING_TITLES))
        if past and rng.random() < 0.3:
            activity = "reflect"
        title = fill(rng.choice(w.MEETING_TITLES[activity]), s)
        if rng.random() < 0.3 and ":" not in title[0]:
            number = rng.randint(2, 40)
            title = (f"Pertemuan ke-{number}: {title[0]}", f"Meeting {number}: {title[1]}")
        agenda = [
            rng.choice(w.AGENDA_OPENING),
            *(fill(item, s) for item in w.AGENDA_MIDDLE[activity]),
            rng.choice(w.AGENDA_CLOSING),
        ]
        address = ""
        if mode != "online":
            address = f"{s['school']}, {rng.choice(w.STREETS)} No. {rng.randint(1, 120)}, "
            address += profile.town_en
        fields = {
            lang: {
                "title": title[i],
                "agenda": ul(item[i] for item in agenda),
                "summary": "",
                "address": address,
            }
            for i, lang in enumerate(("id", "en"))
        }
        actions = []
        if past and rng.random() < 0.7:
            summary = fill(rng.choice(w.MEETING_SUMMARIES), s)
            fields["id"]["summary"], fields["en"]["summary"] = html(summary[0]), html(summary[1])
            for template in rng.sample(w.ACTIONS, rng.randint(1, 2)):
                what_id, what_en, measure_id, measure_en = template
                who = rng.choice((None, s["name"], profile.members[-1][0]))
                actions.append(
                    {
                        "id": {
                            "what": what_id.format(**s),
                            "measure": measure_id.format(**s),
                            "who": who or "Semua anggota",
                        },
                        "en": {
                            "what": what_en.format(**s),
                            "measure": measure_en.format(**s),
                            "who": who or "All members",
                        },
                    }
                )
        facilitators = ", ".join(sorted({rng.choice(profile.members)[0] for _ in range(2)}))
        return fields, activity, facilitators, actions


def _amounts(indicator, before, after):
    """'dari 42% menjadi 68%', 'dari 5 menjadi 18 murid', and the like in English."""
    unit_id, unit_en = indicator[2], indicator[3]
    if unit_id == "%":
        return {
            "from_to": f"dari {before}% menjadi {after}%",
            "from_to_en": f"from {before}% to {after}%",
            "before_u": f"{before}%",
            "before_u_en": f"{before}%",
            "gain": "10 persen",
            "gain_en": "10 percentage points",
        }
    return {
        "from_to": f"dari {before} menjadi {after} {unit_id}",
        "from_to_en": f"from {before} to {after} {unit_en}",
        "before_u": f"{before} {unit_id}",
        "before_u_en": f"{before} {unit_en}",
        "gain": f"5 {unit_id}",
        "gain_en": f"5 {unit_en}",
    }


def _email(name, rng):
    local = ".".join(name.lower().split()[-2:])
    return f"{local}{rng.randint(1, 99)}@{rng.choice(('gmail.com', 'guru.belajar.id'))}"
