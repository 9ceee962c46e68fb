"""Demo meetings for the demo communities, in Indonesian with English translations:
a monthly meeting on the second Thursday (WIB) with a holiday left out, past meetings
with what came out of them, an upcoming workshop with limited places, and meetings in
WITA and WIT. Dates are set around the day the demo is first loaded."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from home.demo import ensure_child_page, translate
from home.models import HomePage

from .models import AgendaPage, CommunityPage, MeetingAction, MeetingPage, MeetingReflection

AGENDA_INTRO = (
    "Pertemuan komunitas praktisi yang akan datang di seluruh Indonesia. "
    "Pilih satu dan ikut bergabung."
)
AGENDA_INTRO_EN = (
    "Upcoming meetings of communities of practice across Indonesia. Pick one and join in."
)


def second_thursday(year, month):
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 7)


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def at(day, hour, minute, zone):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def community(slug):
    return CommunityPage.objects.select_related("regency__province").get(
        slug=slug, locale__language_code="id"
    )


HARAPAN = "komunitas-praktisi-guru-smp-harapan"
JEMBRANA = "komunitas-guru-bahasa-inggris-jembrana"
JAYAPURA = "komunitas-belajar-guru-sma-kota-jayapura"

MONTHLY_AGENDA = [
    "Pembukaan dan cek kabar (10 menit)",
    "Refleksi aksi nyata bulan lalu: apa yang berhasil, apa yang belum",
    "Berbagi satu masalah kelas dan mencari solusi bersama",
    "Menyepakati aksi nyata untuk bulan depan",
]
MONTHLY_EN = [
    "Opening and check-in (10 minutes)",
    "Reflection on last month's action: what worked, what did not yet",
    "Sharing one classroom problem and looking for solutions together",
    "Agreeing on an action for next month",
]

PAST_SUMMARY = [
    "Bu Dewi bercerita bahwa sebagian murid kelas 8 belum lancar membaca teks "
    "eksplanasi, sehingga diskusi kelompok didominasi murid yang sama.",
    "Kami sepakat mencoba asesmen diagnostik singkat di awal bab dan membagi kelompok "
    "menurut kesiapan, lalu melaporkan hasilnya pada pertemuan berikutnya.",
]
PAST_SUMMARY_EN = [
    "Dewi told us that some Grade 8 pupils do not yet read explanation texts fluently, "
    "so group discussions are dominated by the same pupils.",
    "We agreed to try a short diagnostic assessment at the start of a chapter and to "
    "group pupils by readiness, then report the results at the next meeting.",
]
EARLIER_SUMMARY = [
    "Kami memetakan masalah yang paling sering muncul di kelas: murid pasif saat "
    "diskusi dan tugas yang terlalu sulit bagi sebagian murid.",
]
EARLIER_SUMMARY_EN = [
    "We mapped the problems that come up most often in class: pupils who stay passive "
    "in discussions and tasks that are too hard for some of them.",
]
REFLECTION = (
    "Tiga guru sudah mencoba kartu keluar (exit ticket) di akhir pelajaran. Murid yang "
    "biasanya diam mulai menulis pertanyaan. Kendalanya waktu: lima menit terakhir sering "
    "terpotong bel."
)
REFLECTION_EN = (
    "Three teachers have tried exit tickets at the end of the lesson. Pupils who are "
    "usually quiet started writing questions. The difficulty is time: the last five "
    "minutes are often cut short by the bell."
)
QUOTE = "Ternyata murid yang diam bukan berarti tidak paham; mereka butuh cara lain untuk bertanya."
QUOTE_EN = "Quiet pupils do not necessarily fail to understand; they need another way to ask."

WORKSHOP_AGENDA = [
    "Contoh asesmen diagnostik kognitif untuk Bahasa Indonesia, Matematika, dan IPA",
    "Praktik menyusun lima soal diagnostik untuk bab berikutnya",
    "Menentukan kelompok belajar dari hasil asesmen",
]
WORKSHOP_AGENDA_EN = [
    "Examples of cognitive diagnostic assessments for Bahasa Indonesia, Mathematics and Science",
    "Practice: writing five diagnostic questions for the next chapter",
    "Forming learning groups from the assessment results",
]

ENGLISH_AGENDA = [
    "Satu guru berbagi kegiatan berbicara yang sudah dicoba di kelas",
    "Mencoba kegiatan itu bersama sebagai murid",
    "Diskusi: bagaimana menyesuaikannya untuk kelas besar",
]
ENGLISH_AGENDA_EN = [
    "One teacher shares a speaking activity tried in class",
    "Trying the activity together as pupils",
    "Discussion: how to adapt it for large classes",
]

JAYAPURA_AGENDA = [
    "Refleksi projek pengamatan mangrove di Teluk Youtefa",
    "Menyusun rubrik untuk laporan murid",
    "Mendokumentasikan praktik baik untuk portal",
]
JAYAPURA_AGENDA_EN = [
    "Reflection on the mangrove observation project in Youtefa Bay",
    "Drafting a rubric for pupils' reports",
    "Documenting good practice for the portal",
]


def ul(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def paragraphs(items):
    return "".join(f"<p>{item}</p>" for item in items)


def ensure_meeting(parent, slug, **fields):
    page, _ = ensure_child_page(parent, MeetingPage, slug, **fields)
    return page


def load(stdout):
    today = timezone.localdate()
    harapan = community(HARAPAN)
    wib = harapan.regency.province.zoneinfo

    # Monthly, second Thursday, 14.00-16.00 WIB, from next month; the third date is skipped
    # (a school holiday).
    first = second_thursday(*_year_month(add_months(today, 1)))
    skipped = second_thursday(*_year_month(add_months(first, 2)))
    monthly = ensure_meeting(
        harapan,
        "pertemuan-bulanan-kamis-minggu-kedua",
        title="Pertemuan bulanan: Kamis minggu kedua",
        start=at(first, 14, 0, wib),
        end=at(first, 16, 0, wib),
        repeat="monthly_weekday",
        repeat_position=2,
        repeat_count=10,
        excluded_dates=skipped.isoformat(),
        mode="face_to_face",
        address="Ruang guru SMP Harapan, Jl. Merdeka No. 10, Bandung",
        activity="share_problem",
        agenda=ul(MONTHLY_AGENDA),
        facilitators="Ratna Sari",
    )
    translate(
        monthly,
        {
            "Pertemuan bulanan: Kamis minggu kedua": "Monthly meeting: second Thursday",
            "pertemuan-bulanan-kamis-minggu-kedua": "monthly-meeting-second-thursday",
            "Ruang guru SMP Harapan, Jl. Merdeka No. 10, Bandung": (
                "SMP Harapan staff room, Jl. Merdeka No. 10, Bandung"
            ),
            **dict(zip(MONTHLY_AGENDA, MONTHLY_EN, strict=True)),
        },
    )

    # Two past meetings: the earlier one agreed an action, the later reflects on it.
    earlier_day = second_thursday(*_year_month(add_months(today, -2)))
    earlier = ensure_meeting(
        harapan,
        "pemetaan-masalah-kelas",
        title="Pemetaan masalah kelas",
        start=at(earlier_day, 14, 0, wib),
        end=at(earlier_day, 16, 0, wib),
        mode="face_to_face",
        address="Ruang guru SMP Harapan",
        activity="share_problem",
        summary=paragraphs(EARLIER_SUMMARY),
        facilitators="Ratna Sari",
        actions=[
            MeetingAction(
                what="Mencoba kartu keluar (exit ticket) di akhir pelajaran",
                who="Dewi Lestari, Yusuf Maulana, Ratna Sari",
                due=earlier_day + datetime.timedelta(days=28),
                measure="Minimal 3 kelas, 4 kali pertemuan; jumlah murid yang bertanya dicatat",
            )
        ],
    )
    translate(
        earlier,
        {
            "Pemetaan masalah kelas": "Mapping classroom problems",
            "pemetaan-masalah-kelas": "mapping-classroom-problems",
            "Ruang guru SMP Harapan": "SMP Harapan staff room",
            **dict(zip(EARLIER_SUMMARY, EARLIER_SUMMARY_EN, strict=True)),
            "Dewi Lestari, Yusuf Maulana, Ratna Sari": "Dewi Lestari, Yusuf Maulana, Ratna Sari",
            "Mencoba kartu keluar (exit ticket) di akhir pelajaran": (
                "Try exit tickets at the end of the lesson"
            ),
            "Minimal 3 kelas, 4 kali pertemuan; jumlah murid yang bertanya dicatat": (
                "At least 3 classes, 4 lessons each; count how many pupils ask questions"
            ),
        },
    )

    past_day = second_thursday(*_year_month(add_months(today, -1)))
    if past_day >= today:
        past_day = earlier_day + datetime.timedelta(days=28)
    past = ensure_meeting(
        harapan,
        "refleksi-kartu-keluar",
        title="Refleksi kartu keluar dan asesmen diagnostik",
        start=at(past_day, 14, 0, wib),
        end=at(past_day, 16, 0, wib),
        mode="face_to_face",
        address="Ruang guru SMP Harapan",
        activity="reflect",
        summary=paragraphs(PAST_SUMMARY),
        facilitators="Dewi Lestari",
        actions=[
            MeetingAction(
                what="Asesmen diagnostik lima soal di awal bab berikutnya",
                who="Semua guru kelas 8",
                due=past_day + datetime.timedelta(days=35),
                measure="Setiap guru punya daftar kelompok menurut kesiapan murid",
            )
        ],
        reflections=[MeetingReflection(earlier_meeting=earlier, text=REFLECTION)],
        documentation=[
            ("paragraph", RichText(f"<p>{PAST_SUMMARY[0]}</p>")),
            ("quote", {"text": QUOTE, "attribution": "Dewi Lestari"}),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Rekaman singkat pertemuan",
                    "transcript": "",
                },
            ),
        ],
    )
    translate(
        past,
        {
            "Refleksi kartu keluar dan asesmen diagnostik": (
                "Reflecting on exit tickets and diagnostic assessment"
            ),
            "refleksi-kartu-keluar": "reflecting-on-exit-tickets",
            "Ruang guru SMP Harapan": "SMP Harapan staff room",
            **dict(zip(PAST_SUMMARY, PAST_SUMMARY_EN, strict=True)),
            "Asesmen diagnostik lima soal di awal bab berikutnya": (
                "A five-question diagnostic assessment at the start of the next chapter"
            ),
            "Semua guru kelas 8": "All Grade 8 teachers",
            "Setiap guru punya daftar kelompok menurut kesiapan murid": (
                "Every teacher has a list of groups by pupils' readiness"
            ),
            REFLECTION: REFLECTION_EN,
            QUOTE: QUOTE_EN,
            "Dewi Lestari": "Dewi Lestari",
            "Rekaman singkat pertemuan": "A short recording of the meeting",
        },
    )

    # An upcoming workshop with limited places, blended.
    workshop_day = today + datetime.timedelta(days=(5 - today.weekday()) % 7 + 14)
    workshop = ensure_meeting(
        harapan,
        "lokakarya-asesmen-diagnostik",
        title="Lokakarya asesmen diagnostik",
        start=at(workshop_day, 8, 30, wib),
        end=at(workshop_day, 11, 30, wib),
        mode="blended",
        address="Laboratorium komputer SMP Harapan",
        online_link="https://meet.google.com/abc-defg-hij",
        activity="share_practice",
        agenda=ul(WORKSHOP_AGENDA),
        facilitators="Ratna Sari, Bambang Supriadi",
        capacity=25,
    )
    translate(
        workshop,
        {
            "Lokakarya asesmen diagnostik": "Diagnostic assessment workshop",
            "lokakarya-asesmen-diagnostik": "diagnostic-assessment-workshop",
            "Laboratorium komputer SMP Harapan": "SMP Harapan computer lab",
            **dict(zip(WORKSHOP_AGENDA, WORKSHOP_AGENDA_EN, strict=True)),
        },
    )

    # Jembrana (WITA): online every Wednesday evening.
    jembrana = community(JEMBRANA)
    wita = jembrana.regency.province.zoneinfo
    wednesday = today + datetime.timedelta(days=(2 - today.weekday()) % 7 or 7)
    weekly = ensure_meeting(
        jembrana,
        "rabu-malam-speaking-club",
        title="Rabu malam: berbagi kegiatan speaking",
        start=at(wednesday, 19, 30, wita),
        end=at(wednesday, 21, 0, wita),
        repeat="weekly",
        repeat_count=12,
        mode="online",
        online_link="https://zoom.us/j/81234567890",
        activity="share_practice",
        agenda=ul(ENGLISH_AGENDA),
        facilitators="Putu Ayu Wulandari",
    )
    translate(
        weekly,
        {
            "Rabu malam: berbagi kegiatan speaking": (
                "Wednesday evening: sharing speaking activities"
            ),
            "rabu-malam-speaking-club": "wednesday-evening-speaking-club",
            **dict(zip(ENGLISH_AGENDA, ENGLISH_AGENDA_EN, strict=True)),
        },
    )

    # Jayapura (WIT): a face-to-face meeting next month.
    jayapura = community(JAYAPURA)
    wit = jayapura.regency.province.zoneinfo
    day = add_months(today, 1) + datetime.timedelta(days=5)
    jayapura_meeting = ensure_meeting(
        jayapura,
        "refleksi-projek-mangrove",
        title="Refleksi projek mangrove",
        start=at(day, 13, 30, wit),
        end=at(day, 15, 30, wit),
        mode="face_to_face",
        address="Laboratorium IPA SMA Negeri 1 Jayapura",
        activity="document",
        agenda=ul(JAYAPURA_AGENDA),
        facilitators="Yohanis Wenda",
        capacity=30,
    )
    translate(
        jayapura_meeting,
        {
            "Refleksi projek mangrove": "Reflection on the mangrove project",
            "refleksi-projek-mangrove": "mangrove-project-reflection",
            "Laboratorium IPA SMA Negeri 1 Jayapura": "Science lab, SMA Negeri 1 Jayapura",
            **dict(zip(JAYAPURA_AGENDA, JAYAPURA_AGENDA_EN, strict=True)),
        },
    )
    home = HomePage.objects.get(locale__language_code="id", depth=2)
    agenda, _ = ensure_child_page(
        home, AgendaPage, "agenda", title="Agenda", introduction=AGENDA_INTRO, show_in_menus=True
    )
    translate(agenda, {"Agenda": "Agenda", "agenda": "agenda", AGENDA_INTRO: AGENDA_INTRO_EN})
    stdout.write("Demo meetings are ready.")


def _year_month(day):
    return day.year, day.month
