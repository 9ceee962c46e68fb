"""Demo practice articles (artikel praktik baik) of the demo communities, in Indonesian
with complete English translations, and the Praktik Baik listing page.

Run after communities.demo_content: the articles live under its community pages.
"""

import datetime

from wagtail.rich_text import RichText

from home.demo import ensure_child_page, translate
from home.models import HomePage

from .models import (
    ArticleAuthor,
    CommunityPage,
    PracticeArticleIndexPage,
    PracticeArticlePage,
    SchoolLevel,
    Subject,
    Topic,
)

# Every Indonesian demo string with its English translation: translate() fails loudly
# on a string missing here.
EN = {}


def t(indonesian, english):
    """Record the English of an Indonesian demo string and return the Indonesian."""
    EN[indonesian] = english
    return indonesian


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


INDEX = {
    "title": t("Praktik Baik", "Good practice"),
    "slug": t("praktik-baik", "good-practice"),
    "introduction": t(
        "Artikel praktik baik dari komunitas praktisi: masalah nyata di kelas, aksi nyata "
        "yang dicoba, hasil yang diukur, dan refleksi para guru.",
        "Good-practice articles from communities of practice: a real classroom problem, the "
        "action teachers tried, the result they measured and what they learned.",
    ),
}

ARTICLES = [
    {
        "community": "komunitas-praktisi-guru-smp-harapan",
        "slug": t("asesmen-diagnostik-di-awal-bab", "diagnostic-assessment-at-the-start-of-a-unit"),
        "title": t(
            "Asesmen diagnostik di awal bab: dari 42% menjadi 68% murid mencapai tujuan "
            "pembelajaran",
            "Diagnostic assessment at the start of a unit: from 42% to 68% of pupils reaching "
            "the learning objective",
        ),
        "date": datetime.date(2025, 10, 16),
        "summary": t(
            "Selama satu semester, guru matematika kelas VIII SMP Harapan memulai setiap bab "
            "dengan asesmen diagnostik singkat dan mengelompokkan murid sesuai kesiapannya. "
            "Murid yang mencapai tujuan pembelajaran naik dari 42% menjadi 68%.",
            "For one semester, the grade 8 mathematics teachers at SMP Harapan began every "
            "unit with a short diagnostic assessment and grouped pupils by readiness. The "
            "share of pupils reaching the learning objective rose from 42% to 68%.",
        ),
        "authors": [
            ("Ratna Sari", "teacher", "SMP Harapan"),
            ("Yusuf Maulana", "teacher", "SMP Harapan"),
        ],
        "levels": ["smp"],
        "subjects": ["matematika"],
        "topics": ["asesmen", "pembelajaran-berdiferensiasi"],
        "body": [
            (
                "problem",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Pada ulangan akhir bab Bilangan Pecahan tahun lalu, hanya 42% murid "
                            "kelas VIII mencapai tujuan pembelajaran. Saat kami periksa lembar "
                            "jawabannya, banyak murid ternyata belum menguasai materi kelas VII, "
                            "misalnya menyamakan penyebut.",
                            "In last year's end-of-unit test on fractions, only 42% of grade 8 "
                            "pupils reached the learning objective. When we looked at their "
                            "answer sheets, many pupils had not yet mastered grade 7 material, "
                            "such as finding a common denominator.",
                        ),
                        t(
                            "Kami mengajar semua murid dengan cara yang sama, dari halaman yang "
                            "sama, padahal kesiapan mereka sangat berbeda.",
                            "We taught every pupil the same way, from the same page, although "
                            "their readiness was very different.",
                        ),
                    ),
                },
            ),
            (
                "action",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Di pertemuan komunitas bulan Juli kami menyepakati satu aksi nyata: "
                            "setiap bab dimulai dengan asesmen diagnostik lima soal selama 15 "
                            "menit. Hasilnya kami pakai untuk membagi murid menjadi tiga "
                            "kelompok: belum siap, siap, dan mahir.",
                            "At the community's July meeting we agreed on one concrete action: "
                            "every unit starts with a five-question diagnostic assessment that "
                            "takes 15 minutes. We use the results to divide pupils into three "
                            "groups: not yet ready, ready and advanced.",
                        ),
                        t(
                            "Kelompok belum siap mendapat dua pertemuan penguatan materi "
                            "prasyarat dengan alat peraga, kelompok siap mengikuti alur modul "
                            "ajar, dan kelompok mahir mengerjakan soal pemecahan masalah. Setiap "
                            "dua minggu kami saling mengamati kelas dan membahasnya di ruang guru.",
                            "The not-yet-ready group gets two lessons to strengthen prerequisite "
                            "knowledge with teaching aids, the ready group follows the teaching "
                            "module, and the advanced group works on problem-solving tasks. "
                            "Every two weeks we observe each other's lessons and discuss them "
                            "in the staff room.",
                        ),
                    ),
                    "who": t(
                        "Tiga guru matematika kelas VIII, 64 murid di dua kelas",
                        "Three grade 8 mathematics teachers, 64 pupils in two classes",
                    ),
                    "period": t("Juli–Desember 2025", "July–December 2025"),
                },
            ),
            (
                "measured_result",
                {
                    "indicator": t(
                        "Murid yang mencapai tujuan pembelajaran",
                        "Pupils who reach the learning objective",
                    ),
                    "before": 42,
                    "after": 68,
                    "unit": t("%", "%"),
                    "note": t(
                        "Ulangan akhir bab Bilangan Pecahan, tahun lalu dibandingkan semester "
                        "ini, dengan kisi-kisi soal yang sama.",
                        "End-of-unit test on fractions, last year compared with this semester, "
                        "with the same test blueprint.",
                    ),
                },
            ),
            (
                "reflection",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Asesmen diagnostik tidak harus panjang. Lima soal yang dipilih "
                            "dengan baik sudah cukup untuk mengetahui siapa yang perlu bantuan. "
                            "Yang paling sulit adalah mengelola tiga kelompok sekaligus; "
                            "lembar kerja bertingkat sangat membantu.",
                            "A diagnostic assessment does not have to be long. Five well-chosen "
                            "questions are enough to see who needs help. The hardest part was "
                            "managing three groups at once; tiered worksheets helped a lot.",
                        ),
                    ),
                    "next_step": t(
                        "Semester depan kami mencoba cara yang sama di mata pelajaran IPA "
                        "dan Bahasa Indonesia.",
                        "Next semester we will try the same approach in science and "
                        "Indonesian language.",
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": t(
                        "Dulu saya baru tahu murid tertinggal setelah ulangan. Sekarang saya "
                        "tahu sejak hari pertama bab dimulai.",
                        "I used to find out that pupils were behind only after the test. Now I "
                        "know from the first day of the unit.",
                    ),
                    "attribution": t(
                        "Bu Ratna, guru matematika kelas VIII",
                        "Ms Ratna, grade 8 mathematics teacher",
                    ),
                },
            ),
        ],
    },
    {
        "community": "komunitas-belajar-guru-sd-gugus-3-negara",
        "slug": t(
            "penjumlahan-dengan-benda-konkret-di-kelas-1",
            "addition-with-concrete-objects-in-grade-1",
        ),
        "title": t(
            "Belajar penjumlahan dengan benda konkret di kelas 1",
            "Learning addition with concrete objects in grade 1",
        ),
        "date": datetime.date(2025, 9, 20),
        "summary": t(
            "Lima SD di Gugus 3 Negara mengganti latihan soal di buku dengan kegiatan "
            "menghitung memakai benda di sekitar murid: lidi, batu kali, dan kancing. Setelah "
            "delapan minggu, murid yang dapat menjumlahkan sampai 20 naik dari 35% menjadi 71%.",
            "Five primary schools in Negara Cluster 3 replaced textbook drills with counting "
            "activities using objects pupils know: sticks, river stones and buttons. After "
            "eight weeks, the share of pupils who can add up to 20 rose from 35% to 71%.",
        ),
        "authors": [
            ("I Made Suartana", "teacher", "SD Negeri 1 Negara"),
            ("Ni Luh Putu Ariani", "teacher", "SD Negeri 2 Negara"),
        ],
        "levels": ["sd"],
        "subjects": ["matematika"],
        "topics": ["numerasi"],
        "body": [
            (
                "problem",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Di awal tahun ajaran, banyak murid kelas 1 di gugus kami sudah "
                            "hafal urutan angka, tetapi belum paham arti penjumlahan. Mereka "
                            "menebak jawaban atau menghitung dengan jari lalu kehilangan "
                            "hitungan.",
                            "At the start of the school year, many grade 1 pupils in our cluster "
                            "could recite numbers in order but did not understand what addition "
                            "means. They guessed answers, or counted on their fingers and lost "
                            "count.",
                        ),
                    ),
                },
            ),
            (
                "action",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Kami menyepakati aksi nyata di pertemuan gugus: selama delapan "
                            "minggu, setiap pelajaran penjumlahan dimulai dengan benda konkret. "
                            "Murid membawa lidi dan batu kali dari rumah, lalu mengikat lidi "
                            "dalam ikatan sepuluh untuk belajar nilai tempat.",
                            "At a cluster meeting we agreed on a concrete action: for eight "
                            "weeks, every addition lesson starts with concrete objects. Pupils "
                            "bring sticks and river stones from home, and tie the sticks in "
                            "bundles of ten to learn place value.",
                        ),
                        t(
                            "Baru setelah murid lancar dengan benda, kami beralih ke gambar, "
                            "lalu ke lambang bilangan. Setiap guru mencatat hasil asesmen "
                            "formatif mingguan tanpa nama murid dan membawanya ke pertemuan "
                            "gugus.",
                            "Only when pupils were fluent with objects did we move on to "
                            "pictures, and then to numerals. Each teacher recorded the weekly "
                            "formative assessment results without pupils' names and brought "
                            "them to the cluster meeting.",
                        ),
                    ),
                    "who": t(
                        "Guru kelas 1 dari lima SD, 112 murid",
                        "Grade 1 teachers from five primary schools, 112 pupils",
                    ),
                    "period": t("Juli–September 2025", "July–September 2025"),
                },
            ),
            (
                "measured_result",
                {
                    "indicator": t(
                        "Murid yang dapat menjumlahkan bilangan sampai 20",
                        "Pupils who can add numbers up to 20",
                    ),
                    "before": 35,
                    "after": 71,
                    "unit": "%",
                    "note": t(
                        "Tes lisan sepuluh soal yang sama di awal dan akhir delapan minggu.",
                        "The same ten-question oral test at the start and end of the eight weeks.",
                    ),
                },
            ),
            (
                "reflection",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Benda konkret membuat murid berani mencoba dan menjelaskan cara "
                            "berpikirnya. Membandingkan data antarsekolah juga membantu kami: "
                            "sekolah yang hasilnya paling baik memberi waktu lebih lama di "
                            "tahap benda sebelum beralih ke gambar.",
                            "Concrete objects made pupils willing to try and to explain their "
                            "thinking. Comparing data between schools helped us too: the school "
                            "with the best results spent longer on objects before moving on to "
                            "pictures.",
                        ),
                    ),
                    "next_step": t(
                        "Kami akan memakai cara yang sama untuk pengurangan dan membagikan "
                        "lembar kerjanya kepada gugus lain.",
                        "We will use the same approach for subtraction and share the "
                        "worksheets with other clusters.",
                    ),
                },
            ),
        ],
    },
    {
        "community": "komunitas-guru-bahasa-inggris-jembrana",
        "slug": t("lingkaran-bicara-tiga-menit", "three-minute-speaking-circles"),
        "title": t(
            "Lingkaran bicara tiga menit di kelas besar",
            "Three-minute speaking circles in large classes",
        ),
        "date": datetime.date(2025, 11, 5),
        "summary": t(
            "Di kelas berisi 36 murid, guru bahasa Inggris Jembrana membuka setiap pelajaran "
            "dengan lingkaran bicara tiga menit berpasangan. Dalam enam minggu, murid yang "
            "berani berbicara tanpa membaca teks bertambah dari 9 menjadi 24 orang per kelas.",
            "In classes of 36 pupils, Jembrana English teachers open every lesson with "
            "three-minute speaking circles in pairs. In six weeks, the number of pupils who "
            "dare to speak without reading from a text grew from 9 to 24 per class.",
        ),
        "authors": [
            ("Komang Ayu Lestari", "facilitator", "SMA Negeri 1 Negara"),
            ("Gede Arya Wiguna", "teacher", "SMP Negeri 2 Mendoyo"),
        ],
        "levels": ["smp", "sma"],
        "subjects": ["bahasa-inggris"],
        "topics": ["pembelajaran-berdiferensiasi"],
        "body": [
            (
                "problem",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Murid kami paham tata bahasa, tetapi hanya sedikit yang mau "
                            "berbicara. Di kelas besar, kesempatan setiap murid untuk berbicara "
                            "hanya beberapa detik per pelajaran.",
                            "Our pupils understand the grammar, but few are willing to speak. "
                            "In a large class, each pupil gets only a few seconds of speaking "
                            "time per lesson.",
                        ),
                    ),
                },
            ),
            (
                "action",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Setiap pelajaran dibuka dengan dua lingkaran: murid berdiri "
                            "berhadapan, berbicara tiga menit tentang satu pertanyaan "
                            "sederhana, lalu bergeser satu langkah dan mengulanginya dengan "
                            "pasangan baru.",
                            "Every lesson opens with two circles: pupils stand face to face, "
                            "speak for three minutes about one simple question, then move one "
                            "step along and repeat it with a new partner.",
                        ),
                    ),
                    "who": t(
                        "Empat guru bahasa Inggris SMP dan SMA",
                        "Four junior and senior secondary English teachers",
                    ),
                    "period": t("September–Oktober 2025", "September–October 2025"),
                },
            ),
            (
                "measured_result",
                {
                    "indicator": t(
                        "Murid yang berbicara tanpa membaca teks",
                        "Pupils who speak without reading from a text",
                    ),
                    "before": 9,
                    "after": 24,
                    "unit": t("murid per kelas", "pupils per class"),
                    "note": t(
                        "Rata-rata empat kelas, diamati guru dengan daftar periksa.",
                        "Average of four classes, observed by the teacher with a checklist.",
                    ),
                },
            ),
            (
                "reflection",
                {
                    "heading": "",
                    "text": paragraphs(
                        t(
                            "Murid lebih berani berbicara kepada satu teman daripada di depan "
                            "kelas. Pertanyaan harus dekat dengan kehidupan mereka, misalnya "
                            "tentang makanan kesukaan atau perjalanan ke sekolah.",
                            "Pupils dare to speak to one classmate more than in front of the "
                            "class. The questions must be close to their lives, for example "
                            "about their favourite food or their way to school.",
                        ),
                    ),
                    "next_step": "",
                },
            ),
        ],
    },
]


def _set_terms(page, data):
    for field, model in (("levels", SchoolLevel), ("subjects", Subject), ("topics", Topic)):
        getattr(page, field).set(
            model.objects.filter(locale__language_code="id", slug__in=data[field])
        )


def _body(data):
    body = []
    for block_type, value in data["body"]:
        value = dict(value)
        if "text" in value and block_type != "quote":
            value["text"] = RichText(value["text"])
        body.append((block_type, value))
    return body


def load(stdout):
    home = HomePage.objects.get(locale__language_code="id", depth=2)
    index, _ = ensure_child_page(
        home,
        PracticeArticleIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        introduction=INDEX["introduction"],
        show_in_menus=True,
    )
    translate(index, EN)

    for data in ARTICLES:
        community = CommunityPage.objects.get(locale__language_code="id", slug=data["community"])
        existing = PracticeArticlePage.objects.child_of(community).filter(slug=data["slug"]).first()
        if existing is None:
            page = PracticeArticlePage(
                slug=data["slug"],
                title=data["title"],
                date=data["date"],
                summary=data["summary"],
                body=_body(data),
                authors=[
                    ArticleAuthor(name=name, role=role, school=school)
                    for name, role, school in data["authors"]
                ],
            )
            _set_terms(page, data)
            community.add_child(instance=page)
            page.save_revision().publish()
            stdout.write(f"Created practice article: {page.title}")
        else:
            page = existing
        translate(page, EN)
