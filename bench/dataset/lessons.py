"""Bilingual text about teaching practice: practice articles and learning resources.
Both start from one lesson (a subject, a topic that fits it, a grade) of a community
or a district's editors."""

from . import words as w
from .text import SMALL_EN, SMALL_ID, block, cap, fill, html, title_case

STORY_SUBJECTS = {"bahasa-indonesia", "bahasa-daerah", "bahasa-inggris", None}


def article(writer, profile, image_ids, document_ids):
    """A practice article: (fields per language, shared fields, authors, term slugs)."""
    rng = writer.rng
    s = writer.lesson_slots(profile)
    titles = w.ARTICLE_TITLES if s["percent"] else w.ARTICLE_TITLES[1:]
    title = fill(rng.choice(titles), s)
    summary = fill(rng.choice(w.ARTICLE_SUMMARIES), s)
    problem = fill(rng.choice(w.PROBLEM_TEXTS), s)
    action = fill(rng.choice(w.ACTION_TEXTS), s)
    reflection = rng.choice(w.REFLECTION_TEXTS)
    next_step = rng.choice(w.NEXT_STEPS)
    who_id = f"{rng.randint(2, 6)} guru {s['subject']} {s['school']}"
    who_en = f"{who_id.split()[0]} {s['subject_en']} teachers at {s['school']}"
    semester = rng.choice(((("Juli–Desember", "July–December")), ("Januari–Juni", "January–June")))
    year = rng.choice((2024, 2025, 2026))
    image = rng.choice(image_ids) if image_ids and rng.random() < 0.7 else None
    body_image = rng.choice(image_ids) if image_ids and rng.random() < 0.4 else None
    document = rng.choice(document_ids) if document_ids and rng.random() < 0.3 else None
    quote = rng.choice(w.QUOTES) if rng.random() < 0.5 else None
    alt = rng.choice(w.IMAGE_ALTS)
    fields = {}
    for i, lang in enumerate(("id", "en")):
        body = [
            block("problem", {"heading": "", "text": html(problem[i])}),
            block(
                "action",
                {
                    "heading": "",
                    "text": html(action[i]),
                    "who": (who_id, who_en)[i],
                    "period": f"{semester[i]} {year}",
                },
            ),
            block(
                "measured_result",
                {
                    "indicator": (s["indicator"], s["indicator_en"])[i],
                    "before": s["before"],
                    "after": s["after"],
                    "unit": (s["unit"], s["unit_en"])[i],
                    "note": "",
                },
            ),
        ]
        if body_image:
            body.append(
                block(
                    "image",
                    {
                        "image": body_image,
                        "alt_text": alt[i],
                        "decorative": False,
                        "caption": "",
                    },
                )  # fmt: skip
            )
        if quote:
            body.append(block("quote", {"text": quote[i], "attribution": s["name"]}))
        body.append(
            block(
                "reflection",
                {"heading": "", "text": html(reflection[i]), "next_step": next_step[i]},
            )
        )
        if document:
            body.append(block("document", {"document": document, "title": "", "description": ""}))
        fields[lang] = {
            "title": title[i][:250],
            "summary": summary[i],
            "cover_image_alt": alt[i] if image else "",
            "body": body,
        }
    authors = rng.sample(profile.members, min(len(profile.members), rng.randint(1, 3)))
    shared = {"cover_image_id": image, "photo_consent": bool(image or body_image)}
    terms = {"subjects": [s["subject_slug"]] if s["subject_slug"] else [],
             "topics": [s["topic_slug"]], "levels": [profile.level]}  # fmt: skip
    return fields, shared, authors, terms


def resource(writer, profile, document_ids):
    """A learning resource: (fields per language, shared fields, document ids, term slugs)."""
    rng = writer.rng
    s = writer.lesson_slots(profile)
    types = list(w.RESOURCE_TYPES)
    type_ = rng.choices(types, [w.RESOURCE_TYPES[t][2] for t in types])[0]
    if type_ == "book" and s["subject_slug"] not in STORY_SUBJECTS:
        type_ = "teaching_module"
    prefix, prefix_en, _, content = w.RESOURCE_TYPES[type_]
    level_id, level_en, _, _ = w.LEVELS[profile.level]
    grade = s["grade"]
    where_id = f"Kelas {grade} {level_id}" if grade else level_id
    where_en = f"Grade {grade}" if grade else level_en
    title = (
        f"{prefix} {title_case(s['material'], SMALL_ID)} {where_id}",
        f"{prefix_en}: {title_case(s['material_en'], SMALL_EN)}, {where_en}",
    )
    author = rng.choice((s["name"], f"Tim Guru {s['school']}", f"KKG {s['town']}"))
    in_sentence = prefix if prefix.isupper() else cap(prefix.lower())  # "LKPD" stays
    s.update(Type=in_sentence, type_en_lower=prefix_en.lower(), author=author)
    summary = fill(rng.choice(w.RESOURCE_SUMMARIES), s)
    description = [fill(pair, s) for pair in rng.sample(w.RESOURCE_DESCRIPTIONS, 2)]
    verbs = rng.sample(w.OBJECTIVE_VERBS, rng.randint(1, 3))
    fields = {
        lang: {
            "title": title[i][:250],
            "summary": summary[i],
            "description": html(*(pair[i] for pair in description)),
            "learning_objectives": "\n".join(
                f"Murid dapat {verb[0]} {s['material']}."
                if i == 0
                else f"Students can {verb[1]} {s['material_en']}."
                for verb in verbs
            ),
        }
        for i, lang in enumerate(("id", "en"))
    }
    language = "id"
    if s["subject_slug"] == "bahasa-inggris":
        language = "en"
    elif s["subject_slug"] == "bahasa-daerah":
        language = rng.choice(("jv", "su", "ban"))
    phase = _phase(grade)
    shared = {
        "resource_type": type_,
        "language": language,
        "phases": phase,
        "licence": rng.choices(*zip(*w.LICENCES, strict=True))[0],
        "author": author[:200],
        "source_url": "https://guru.kemdikbud.go.id/",
        "video_url": rng.choice(w.VIDEOS) if content == "video" else "",
        "external_url": "",
    }
    documents = []
    if content == "document" and document_ids:
        documents = rng.sample(document_ids, rng.choice((1, 1, 1, 2)))
    elif content == "link" or not document_ids:
        shared["external_url"] = "https://guru.kemdikbud.go.id/bukti-karya/"
    terms = {"levels": [profile.level], "topics": [s["topic_slug"]],
             "subjects": [s["subject_slug"]] if s["subject_slug"] else []}  # fmt: skip
    return fields, shared, documents, terms


def _phase(grade):
    if not grade:
        return ""
    for letter, top in (("A", 2), ("B", 4), ("C", 6), ("D", 9), ("E", 10), ("F", 12)):
        if grade <= top:
            return letter
    return ""
