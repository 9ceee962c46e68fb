"""Demo learning resources: a library of 42 resources across levels, phases and subjects,
small real files (PDF and DOCX generated here), a few videos, two collections, and
English translations for some. Safe to run again: nothing is duplicated."""

import datetime
import io
import zipfile

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from communities.models import SchoolLevel, Subject, Topic
from home.demo import ensure_child_page, translate
from home.models import HomePage

from .access import resource_collection
from .models import (
    LearningResourceIndexPage,
    LearningResourcePage,
    ResourceCollection,
    ResourceCollectionItem,
    ResourceDocument,
)

INTRO = (
    "Modul ajar, LKPD, video, dan asesmen yang sudah ditinjau editor dinas pendidikan. "
    "Saring menurut jenis, jenjang, fase, mata pelajaran, topik, bahasa, dan lisensi."
)
EN_INDEX = {
    "Sumber Belajar": "Learning resources",
    "sumber-belajar": "learning-resources",
    INTRO: "Teaching modules, worksheets, videos and assessments reviewed by district "
    "education editors. Filter by type, level, phase, subject, topic, language and licence.",
}

V1 = "https://www.youtube.com/watch?v=5MgBikgcWnY"
V2 = "https://www.youtube.com/watch?v=HAnw168huqA"
V3 = "https://www.youtube.com/watch?v=kJQP7kiw5Fk"

# (slug, title, type, levels, phases, subjects, topics, licence, author, content)
# content: "pdf", "docx", "video:<url>" or "link"
RESOURCES = [
    (
        "modul-ajar-pecahan-senilai-kelas-4-sd",
        "Modul Ajar Pecahan Senilai Kelas 4 SD",
        "teaching_module",
        ["sd"],
        "B",
        ["matematika"],
        ["numerasi"],
        "cc-by-sa",
        "Tim Guru SD Gugus 3 Negara",
        "pdf",
    ),
    (
        "lkpd-ekosistem-mangrove-fase-e",
        "LKPD Ekosistem Mangrove Fase E",
        "worksheet",
        ["sma"],
        "E",
        ["biologi"],
        ["literasi"],
        "cc-by",
        "Ni Luh Putu Ariani",
        "docx",
    ),
    (
        "asesmen-diagnostik-literasi-kelas-1",
        "Asesmen Diagnostik Literasi Kelas 1",
        "assessment",
        ["sd"],
        "A",
        ["bahasa-indonesia"],
        ["asesmen", "literasi"],
        "cc-by",
        "KKG Kelas Awal Jembrana",
        "pdf",
    ),
    (
        "asesmen-diagnostik-numerasi-kelas-1",
        "Asesmen Diagnostik Numerasi Kelas 1",
        "assessment",
        ["sd"],
        "A",
        ["matematika"],
        ["asesmen", "numerasi"],
        "cc-by",
        "KKG Kelas Awal Jembrana",
        "pdf",
    ),
    (
        "asesmen-diagnostik-membaca-kelas-3",
        "Asesmen Diagnostik Membaca Pemahaman Kelas 3",
        "assessment",
        ["sd"],
        "B",
        ["bahasa-indonesia"],
        ["asesmen", "literasi"],
        "cc-by",
        "KKG Gugus 3 Negara",
        "docx",
    ),
    (
        "asesmen-diagnostik-numerasi-kelas-5",
        "Asesmen Diagnostik Numerasi Kelas 5",
        "assessment",
        ["sd"],
        "C",
        ["matematika"],
        ["asesmen", "numerasi"],
        "cc-by-sa",
        "KKG Gugus 3 Negara",
        "pdf",
    ),
    (
        "video-refleksi-pembelajaran-berdiferensiasi",
        "Video Refleksi: Pembelajaran Berdiferensiasi di Kelas 5",
        "video",
        ["sd"],
        "C",
        ["ipas"],
        ["refleksi", "pembelajaran-berdiferensiasi"],
        "cc-by-nc",
        "SD Negeri 2 Negara",
        f"video:{V1}",
    ),
    (
        "video-refleksi-disiplin-positif-smp",
        "Video Refleksi: Menerapkan Disiplin Positif di SMP",
        "video",
        ["smp"],
        "D",
        [],
        ["refleksi", "disiplin-positif"],
        "cc-by-nc",
        "Komunitas Praktisi Guru SMP Harapan",
        f"video:{V2}",
    ),
    (
        "video-refleksi-lesson-study-ipa",
        "Video Refleksi Lesson Study IPA Kelas 8",
        "video",
        ["smp"],
        "D",
        ["ipa"],
        ["refleksi"],
        "cc-by-nc-sa",
        "MGMP IPA Kota Bandung",
        f"video:{V3}",
    ),
    (
        "modul-ajar-teks-prosedur-kelas-7",
        "Modul Ajar Teks Prosedur Kelas 7",
        "teaching_module",
        ["smp"],
        "D",
        ["bahasa-indonesia"],
        ["literasi"],
        "cc-by-sa",
        "MGMP Bahasa Indonesia Kota Bandung",
        "docx",
    ),
    (
        "modul-ajar-sistem-persamaan-linear",
        "Modul Ajar Sistem Persamaan Linear Dua Variabel",
        "teaching_module",
        ["smp"],
        "D",
        ["matematika"],
        ["numerasi"],
        "cc-by",
        "Dewi Lestari",
        "pdf",
    ),
    (
        "lkpd-pengukuran-panjang-kelas-2",
        "LKPD Pengukuran Panjang dengan Satuan Tidak Baku Kelas 2",
        "worksheet",
        ["sd"],
        "A",
        ["matematika"],
        ["numerasi"],
        "cc0",
        "Made Suartini",
        "docx",
    ),
    (
        "lkpd-siklus-air-kelas-5",
        "LKPD Siklus Air Kelas 5",
        "worksheet",
        ["sd"],
        "C",
        ["ipas"],
        ["literasi"],
        "cc-by",
        "Komang Adi Putra",
        "pdf",
    ),
    (
        "lkpd-gaya-dan-gerak-fase-d",
        "LKPD Gaya dan Gerak Fase D",
        "worksheet",
        ["smp"],
        "D",
        ["ipa"],
        [],
        "cc-by-sa",
        "MGMP IPA Kota Bandung",
        "docx",
    ),
    (
        "modul-ajar-bilangan-cacah-sampai-100",
        "Modul Ajar Bilangan Cacah sampai 100 Kelas 1",
        "teaching_module",
        ["sd"],
        "A",
        ["matematika"],
        ["numerasi"],
        "cc-by-sa",
        "KKG Kelas Awal Jembrana",
        "pdf",
    ),
    (
        "modul-ajar-puisi-rakyat-kelas-7",
        "Modul Ajar Puisi Rakyat (Pantun dan Syair) Kelas 7",
        "teaching_module",
        ["smp"],
        "D",
        ["bahasa-indonesia"],
        ["literasi"],
        "cc-by",
        "Ratna Sari",
        "link",
    ),
    (
        "modul-ajar-descriptive-text-kelas-10",
        "Modul Ajar Descriptive Text Kelas 10",
        "teaching_module",
        ["sma"],
        "E",
        ["bahasa-inggris"],
        ["literasi"],
        "cc-by",
        "Komunitas Guru Bahasa Inggris Jembrana",
        "docx",
    ),
    (
        "presentasi-sel-hewan-dan-tumbuhan",
        "Presentasi Sel Hewan dan Sel Tumbuhan",
        "presentation",
        ["sma"],
        "E",
        ["biologi"],
        [],
        "cc-by",
        "Putu Wirawan",
        "pdf",
    ),
    (
        "presentasi-sejarah-kerajaan-hindu-buddha",
        "Presentasi Kerajaan Hindu-Buddha di Nusantara",
        "presentation",
        ["sma"],
        "E",
        ["sejarah"],
        [],
        "cc-by-sa",
        "MGMP Sejarah Jembrana",
        "pdf",
    ),
    (
        "panduan-pembelajaran-berdiferensiasi",
        "Panduan Singkat Pembelajaran Berdiferensiasi untuk Guru SD",
        "guide",
        ["sd"],
        "ABC",
        [],
        ["pembelajaran-berdiferensiasi"],
        "cc-by",
        "Dinas Pendidikan Kabupaten Jembrana",
        "pdf",
    ),
    (
        "panduan-asesmen-formatif",
        "Panduan Asesmen Formatif di Kelas",
        "guide",
        ["sd", "smp"],
        "BCD",
        [],
        ["asesmen"],
        "cc-by",
        "Dinas Pendidikan Kota Bandung",
        "pdf",
    ),
    (
        "panduan-komunitas-belajar-sekolah",
        "Panduan Memulai Komunitas Belajar di Sekolah",
        "guide",
        ["sd", "smp", "sma"],
        "",
        [],
        ["merdeka-belajar", "kepemimpinan-sekolah"],
        "cc-by",
        "Dinas Pendidikan Kabupaten Jembrana",
        "docx",
    ),
    (
        "artikel-literasi-kelas-awal",
        "Artikel: Membangun Kebiasaan Membaca di Kelas Awal",
        "article",
        ["sd"],
        "A",
        ["bahasa-indonesia"],
        ["literasi"],
        "cc-by",
        "Ni Kadek Sri Wahyuni",
        "link",
    ),
    (
        "artikel-pendidikan-inklusif",
        "Artikel: Kelas Inklusif yang Ramah Semua Murid",
        "article",
        ["sd", "slb"],
        "",
        [],
        ["pendidikan-inklusif"],
        "cc-by-nc",
        "Yusuf Maulana",
        "link",
    ),
    (
        "buku-cerita-bergambar-bahasa-bali",
        "Buku Cerita Bergambar: I Cicing Pelih",
        "book",
        ["sd"],
        "A",
        ["bahasa-daerah"],
        ["literasi"],
        "cc-by-sa",
        "Sanggar Sastra Jembrana",
        "pdf",
    ),
    (
        "buku-dongeng-sunda-kelas-3",
        "Buku Dongeng Sunda untuk Kelas 3",
        "book",
        ["sd"],
        "B",
        ["bahasa-daerah"],
        ["literasi"],
        "cc-by-nc",
        "MGMP Bahasa Sunda Kota Bandung",
        "pdf",
    ),
    (
        "modul-ajar-pancasila-gotong-royong",
        "Modul Ajar Gotong Royong di Lingkungan Sekolah Kelas 3",
        "teaching_module",
        ["sd"],
        "B",
        ["pendidikan-pancasila"],
        ["pembelajaran-sosial-emosional"],
        "cc-by",
        "KKG Gugus 3 Negara",
        "docx",
    ),
    (
        "modul-ajar-informatika-berpikir-komputasional",
        "Modul Ajar Berpikir Komputasional Fase D",
        "teaching_module",
        ["smp"],
        "D",
        ["informatika"],
        ["teknologi-pembelajaran"],
        "cc-by-sa",
        "MGMP Informatika Kota Bandung",
        "pdf",
    ),
    (
        "modul-ajar-ekonomi-kebutuhan-manusia",
        "Modul Ajar Kebutuhan Manusia dan Kelangkaan Fase E",
        "teaching_module",
        ["sma"],
        "E",
        ["ekonomi"],
        [],
        "cc-by",
        "Hendra Wijaya",
        "docx",
    ),
    (
        "modul-ajar-geografi-mitigasi-bencana",
        "Modul Ajar Mitigasi Bencana Gempa dan Tsunami Fase F",
        "teaching_module",
        ["sma"],
        "F",
        ["geografi"],
        ["literasi"],
        "cc-by",
        "MGMP Geografi Jembrana",
        "pdf",
    ),
    (
        "lkpd-stoikiometri-fase-f",
        "LKPD Stoikiometri Sederhana Fase F",
        "worksheet",
        ["sma"],
        "F",
        ["kimia"],
        ["numerasi"],
        "cc-by-sa",
        "MGMP Kimia Kota Bandung",
        "docx",
    ),
    (
        "lkpd-hukum-newton-fase-f",
        "LKPD Hukum Newton tentang Gerak Fase F",
        "worksheet",
        ["sma"],
        "F",
        ["fisika"],
        ["numerasi"],
        "cc-by",
        "MGMP Fisika Kota Bandung",
        "pdf",
    ),
    (
        "asesmen-sumatif-ipas-kelas-6",
        "Asesmen Sumatif IPAS Kelas 6: Tata Surya",
        "assessment",
        ["sd"],
        "C",
        ["ipas"],
        ["asesmen"],
        "cc-by",
        "KKG Gugus 3 Negara",
        "docx",
    ),
    (
        "asesmen-formatif-bahasa-inggris-kelas-8",
        "Asesmen Formatif Bahasa Inggris Kelas 8: Recount Text",
        "assessment",
        ["smp"],
        "D",
        ["bahasa-inggris"],
        ["asesmen"],
        "cc-by",
        "Komunitas Guru Bahasa Inggris Jembrana",
        "pdf",
    ),
    (
        "video-pembelajaran-tari-pendet",
        "Video Pembelajaran Tari Pendet untuk Fase C",
        "video",
        ["sd"],
        "C",
        ["seni-budaya"],
        [],
        "all-rights-reserved",
        "Sanggar Seni Jembrana",
        f"video:{V1}",
    ),
    (
        "video-praktik-numerasi-dengan-benda-konkret",
        "Video Praktik Baik: Numerasi dengan Benda Konkret",
        "video",
        ["sd"],
        "A",
        ["matematika"],
        ["numerasi", "refleksi"],
        "cc-by-nc",
        "SD Negeri 1 Negara",
        f"video:{V2}",
    ),
    (
        "modul-ajar-prakarya-kerajinan-bambu",
        "Modul Ajar Kerajinan Bambu Fase D",
        "teaching_module",
        ["smp"],
        "D",
        ["prakarya"],
        [],
        "cc-by-nc-sa",
        "Ketut Sudiarta",
        "pdf",
    ),
    (
        "modul-ajar-sosiologi-keberagaman",
        "Modul Ajar Keberagaman Sosial di Sekitar Kita Fase E",
        "teaching_module",
        ["sma"],
        "E",
        ["sosiologi"],
        ["pembelajaran-sosial-emosional"],
        "cc-by",
        "MGMP Sosiologi Kota Bandung",
        "docx",
    ),
    (
        "modul-ajar-smk-kewirausahaan",
        "Modul Ajar Dasar Kewirausahaan untuk SMK Fase E",
        "teaching_module",
        ["smk"],
        "E",
        ["prakarya"],
        [],
        "cc-by",
        "MGMP Produk Kreatif Jembrana",
        "pdf",
    ),
    (
        "panduan-paud-bermain-bermakna",
        "Panduan Bermain Bermakna di PAUD",
        "guide",
        ["paud"],
        "",
        [],
        ["merdeka-belajar"],
        "cc-by",
        "Himpaudi Jembrana",
        "pdf",
    ),
    (
        "lkpd-pendidikan-agama-kejujuran",
        "LKPD Nilai Kejujuran Kelas 4",
        "worksheet",
        ["sd"],
        "B",
        ["pendidikan-agama"],
        ["pembelajaran-sosial-emosional"],
        "cc0",
        "KKG PAI Jembrana",
        "docx",
    ),
    (
        "modul-ajar-ips-kegiatan-ekonomi",
        "Modul Ajar Kegiatan Ekonomi Masyarakat Pesisir Kelas 8",
        "teaching_module",
        ["smp"],
        "D",
        ["ips"],
        [],
        "cc-by-sa",
        "MGMP IPS Jembrana",
        "link",
    ),
]

LANGUAGES = {
    "buku-cerita-bergambar-bahasa-bali": "ban",
    "buku-dongeng-sunda-kelas-3": "su",
    "modul-ajar-descriptive-text-kelas-10": "en",
    "asesmen-formatif-bahasa-inggris-kelas-8": "en",
}

OBJECTIVES = {
    "modul-ajar-pecahan-senilai-kelas-4-sd": [
        "Murid dapat menunjukkan pecahan senilai dengan benda konkret.",
        "Murid dapat membandingkan dua pecahan dengan penyebut berbeda.",
    ],
    "lkpd-ekosistem-mangrove-fase-e": [
        "Murid dapat mengidentifikasi komponen biotik dan abiotik ekosistem mangrove.",
        "Murid dapat menyusun jaring-jaring makanan di hutan mangrove.",
    ],
}

# English for every demo resource: every demo page exists in both languages.
ENGLISH = {
    "modul-ajar-pecahan-senilai-kelas-4-sd": (
        "Teaching Module: Equivalent Fractions, Grade 4",
        "teaching-module-equivalent-fractions-grade-4",
    ),
    "lkpd-ekosistem-mangrove-fase-e": (
        "Student Worksheet: Mangrove Ecosystems, Phase E",
        "worksheet-mangrove-ecosystems-phase-e",
    ),
    "asesmen-diagnostik-literasi-kelas-1": (
        "Diagnostic Literacy Assessment, Grade 1",
        "diagnostic-literacy-assessment-grade-1",
    ),
    "asesmen-diagnostik-numerasi-kelas-1": (
        "Diagnostic Numeracy Assessment, Grade 1",
        "diagnostic-numeracy-assessment-grade-1",
    ),
    "video-refleksi-pembelajaran-berdiferensiasi": (
        "Reflection Video: Differentiated Learning in Grade 5",
        "reflection-video-differentiated-learning-grade-5",
    ),
    "video-refleksi-disiplin-positif-smp": (
        "Reflection Video: Positive Discipline in Junior Secondary",
        "reflection-video-positive-discipline",
    ),
    "modul-ajar-descriptive-text-kelas-10": (
        "Teaching Module: Descriptive Text, Grade 10",
        "teaching-module-descriptive-text-grade-10",
    ),
    "panduan-pembelajaran-berdiferensiasi": (
        "A Short Guide to Differentiated Learning for Primary Teachers",
        "guide-differentiated-learning-primary",
    ),
    "asesmen-diagnostik-membaca-kelas-3": (
        "Diagnostic Reading Comprehension Assessment, Grade 3",
        "diagnostic-reading-comprehension-assessment-grade-3",
    ),
    "asesmen-diagnostik-numerasi-kelas-5": (
        "Diagnostic Numeracy Assessment, Grade 5",
        "diagnostic-numeracy-assessment-grade-5",
    ),
    "video-refleksi-lesson-study-ipa": (
        "Reflection Video: Science Lesson Study, Grade 8",
        "reflection-video-science-lesson-study-grade-8",
    ),
    "modul-ajar-teks-prosedur-kelas-7": (
        "Teaching Module: Procedure Texts, Grade 7",
        "teaching-module-procedure-texts-grade-7",
    ),
    "modul-ajar-sistem-persamaan-linear": (
        "Teaching Module: Systems of Linear Equations in Two Variables",
        "teaching-module-systems-of-linear-equations-in-two-variables",
    ),
    "lkpd-pengukuran-panjang-kelas-2": (
        "Student Worksheet: Measuring Length with Non-standard Units, Grade 2",
        "student-worksheet-measuring-length-with-non-standard-units-grade-2",
    ),
    "lkpd-siklus-air-kelas-5": (
        "Student Worksheet: The Water Cycle, Grade 5",
        "student-worksheet-the-water-cycle-grade-5",
    ),
    "lkpd-gaya-dan-gerak-fase-d": (
        "Student Worksheet: Forces and Motion, Phase D",
        "student-worksheet-forces-and-motion-phase-d",
    ),
    "modul-ajar-bilangan-cacah-sampai-100": (
        "Teaching Module: Whole Numbers up to 100, Grade 1",
        "teaching-module-whole-numbers-up-to-100-grade-1",
    ),
    "modul-ajar-puisi-rakyat-kelas-7": (
        "Teaching Module: Folk Poetry (Pantun and Syair), Grade 7",
        "teaching-module-folk-poetry-pantun-and-syair-grade-7",
    ),
    "presentasi-sel-hewan-dan-tumbuhan": (
        "Presentation: Animal and Plant Cells",
        "presentation-animal-and-plant-cells",
    ),
    "presentasi-sejarah-kerajaan-hindu-buddha": (
        "Presentation: Hindu-Buddhist Kingdoms of the Archipelago",
        "presentation-hindu-buddhist-kingdoms-of-the-archipelago",
    ),
    "panduan-asesmen-formatif": (
        "A Guide to Formative Assessment in Class",
        "a-guide-to-formative-assessment-in-class",
    ),
    "panduan-komunitas-belajar-sekolah": (
        "A Guide to Starting a Learning Community at School",
        "a-guide-to-starting-a-learning-community-at-school",
    ),
    "artikel-literasi-kelas-awal": (
        "Article: Building a Reading Habit in the Early Grades",
        "article-building-a-reading-habit-in-the-early-grades",
    ),
    "artikel-pendidikan-inklusif": (
        "Article: An Inclusive Class that Welcomes Every Pupil",
        "article-an-inclusive-class-that-welcomes-every-pupil",
    ),
    "buku-cerita-bergambar-bahasa-bali": (
        "Picture Book: I Cicing Pelih (in Balinese)",
        "picture-book-i-cicing-pelih-in-balinese",
    ),
    "buku-dongeng-sunda-kelas-3": (
        "Sundanese Folk Tales for Grade 3",
        "sundanese-folk-tales-for-grade-3",
    ),
    "modul-ajar-pancasila-gotong-royong": (
        "Teaching Module: Working Together at School, Grade 3",
        "teaching-module-working-together-at-school-grade-3",
    ),
    "modul-ajar-informatika-berpikir-komputasional": (
        "Teaching Module: Computational Thinking, Phase D",
        "teaching-module-computational-thinking-phase-d",
    ),
    "modul-ajar-ekonomi-kebutuhan-manusia": (
        "Teaching Module: Human Needs and Scarcity, Phase E",
        "teaching-module-human-needs-and-scarcity-phase-e",
    ),
    "modul-ajar-geografi-mitigasi-bencana": (
        "Teaching Module: Earthquake and Tsunami Preparedness, Phase F",
        "teaching-module-earthquake-and-tsunami-preparedness-phase-f",
    ),
    "lkpd-stoikiometri-fase-f": (
        "Student Worksheet: Simple Stoichiometry, Phase F",
        "student-worksheet-simple-stoichiometry-phase-f",
    ),
    "lkpd-hukum-newton-fase-f": (
        "Student Worksheet: Newton's Laws of Motion, Phase F",
        "student-worksheet-newtons-laws-of-motion-phase-f",
    ),
    "asesmen-sumatif-ipas-kelas-6": (
        "Summative Science Assessment, Grade 6: The Solar System",
        "summative-science-assessment-grade-6-the-solar-system",
    ),
    "asesmen-formatif-bahasa-inggris-kelas-8": (
        "Formative English Assessment, Grade 8: Recount Texts",
        "formative-english-assessment-grade-8-recount-texts",
    ),
    "video-pembelajaran-tari-pendet": (
        "Learning Video: The Pendet Dance, Phase C",
        "learning-video-the-pendet-dance-phase-c",
    ),
    "video-praktik-numerasi-dengan-benda-konkret": (
        "Good-practice Video: Numeracy with Concrete Objects",
        "good-practice-video-numeracy-with-concrete-objects",
    ),
    "modul-ajar-prakarya-kerajinan-bambu": (
        "Teaching Module: Bamboo Crafts, Phase D",
        "teaching-module-bamboo-crafts-phase-d",
    ),
    "modul-ajar-sosiologi-keberagaman": (
        "Teaching Module: Social Diversity Around Us, Phase E",
        "teaching-module-social-diversity-around-us-phase-e",
    ),
    "modul-ajar-smk-kewirausahaan": (
        "Teaching Module: Basic Entrepreneurship for Vocational Schools",
        "teaching-module-basic-entrepreneurship-for-vocational-schools",
    ),
    "panduan-paud-bermain-bermakna": (
        "A Guide to Meaningful Play in Early Childhood Education",
        "a-guide-to-meaningful-play-in-early-childhood-education",
    ),
    "lkpd-pendidikan-agama-kejujuran": (
        "Student Worksheet: The Value of Honesty, Grade 4",
        "student-worksheet-the-value-of-honesty-grade-4",
    ),
    "modul-ajar-ips-kegiatan-ekonomi": (
        "Teaching Module: Economic Life in Coastal Communities, Grade 8",
        "teaching-module-economic-life-in-coastal-communities-grade-8",
    ),
}
EN_SUMMARY = "A resource reviewed by district editors, ready to use in class: {title}."
EN_OBJECTIVES = {
    "Murid dapat menunjukkan pecahan senilai dengan benda konkret.": "Students can show equivalent fractions with concrete objects.",
    "Murid dapat membandingkan dua pecahan dengan penyebut berbeda.": "Students can compare two fractions with different denominators.",
    "Murid dapat mengidentifikasi komponen biotik dan abiotik ekosistem mangrove.": "Students can identify the living and non-living parts of a mangrove ecosystem.",
    "Murid dapat menyusun jaring-jaring makanan di hutan mangrove.": "Students can build a food web for a mangrove forest.",
}

COLLECTIONS = [
    (
        "Paket asesmen diagnostik SD",
        "Asesmen diagnostik literasi dan numerasi untuk awal tahun ajaran di SD, dari kelas 1 sampai kelas 5.",
        "Primary diagnostic assessment pack",
        "Diagnostic literacy and numeracy assessments for the start of the school year, grades 1 to 5.",
        [
            "asesmen-diagnostik-literasi-kelas-1",
            "asesmen-diagnostik-numerasi-kelas-1",
            "asesmen-diagnostik-membaca-kelas-3",
            "asesmen-diagnostik-numerasi-kelas-5",
        ],
    ),
    (
        "Video praktik baik refleksi",
        "Rekaman guru yang merefleksikan praktik mengajarnya bersama komunitas belajar.",
        "Good-practice reflection videos",
        "Recordings of teachers reflecting on their teaching with their learning community.",
        [
            "video-refleksi-pembelajaran-berdiferensiasi",
            "video-refleksi-disiplin-positif-smp",
            "video-refleksi-lesson-study-ipa",
            "video-praktik-numerasi-dengan-benda-konkret",
        ],
    ),
]


def minimal_pdf(title):
    """A one-page PDF with the title, written by hand (valid xref offsets)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 50 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def minimal_docx(title):
    """A one-paragraph DOCX (Office Open XML) built with zipfile."""
    from xml.sax.saxutils import escape

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{escape(title)}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def ensure_document(title, kind, collection):
    model = get_document_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    document = model(title=title, collection=collection)
    content = minimal_pdf(title) if kind == "pdf" else minimal_docx(title)
    document.file.save(f"{title[:60]}.{kind}", ContentFile(content), save=False)
    document.save()
    return document


def _terms(model, slugs):
    return list(model.objects.filter(slug__in=slugs, locale__language_code="id"))


def load(stdout):
    home = HomePage.objects.get(locale__language_code="id", depth=2)
    library, _ = ensure_child_page(
        home, LearningResourceIndexPage, "sumber-belajar", title="Sumber Belajar",
        introduction=INTRO, show_in_menus=True,
    )  # fmt: skip
    translate(library, EN_INDEX)
    collection = resource_collection()
    pages = {}
    for number, row in enumerate(RESOURCES):
        slug, title, kind, levels, phases, subjects, topics, licence, author, content = row
        page = LearningResourcePage.objects.child_of(library).filter(slug=slug).first()
        if page is None:
            summary = f"{title}: siap dipakai di kelas, sudah ditinjau editor dinas."
            page = LearningResourcePage(
                slug=slug,
                title=title,
                summary=summary,
                resource_type=kind,
                phases=phases,
                licence=licence,
                author=author,
                language=LANGUAGES.get(slug, "id"),
                learning_objectives="\n".join(OBJECTIVES.get(slug, [])),
                last_reviewed=datetime.date(2026, 11, 1) - datetime.timedelta(days=number * 3),
                external_id=f"demo-{number + 1:03d}",
            )
            if content.startswith("video:"):
                page.video_url = content.removeprefix("video:")
            elif content == "link":
                page.external_url = f"https://guru.kemdikbud.go.id/bukti-karya/{slug}"
            page.levels = _terms(SchoolLevel, levels)
            page.subjects = _terms(Subject, subjects)
            page.topics = _terms(Topic, topics)
            if content in ("pdf", "docx"):
                page.documents = [
                    ResourceDocument(document=ensure_document(title, content, collection))
                ]
            library.add_child(instance=page)
            page.save_revision().publish()
            stdout.write(f"Created resource: {title}")
        pages[slug] = page
        if slug in ENGLISH:
            english_title, english_slug = ENGLISH[slug]
            strings = {
                title: english_title,
                slug: english_slug,
                page.summary: EN_SUMMARY.format(title=english_title),
            }
            objectives = OBJECTIVES.get(slug, [])
            if objectives:  # one segment, lines joined with <br/>
                strings["<br/>".join(objectives)] = "<br/>".join(
                    EN_OBJECTIVES[line] for line in objectives
                )
            translate(page, strings)

    english = Locale.objects.get(language_code="en")
    for title, intro, title_en, intro_en, slugs in COLLECTIONS:
        item_set = ResourceCollection.objects.filter(
            title=title, locale=Locale.get_default()
        ).first()
        if item_set is None:
            item_set = ResourceCollection.objects.create(
                title=title, introduction=intro, featured=True, locale=Locale.get_default()
            )
            for order, slug in enumerate(slugs):
                ResourceCollectionItem.objects.create(
                    collection=item_set, resource=pages[slug], sort_order=order
                )
            stdout.write(f"Created resource collection: {title}")
        translate(item_set, {title: title_en, intro: intro_en}, english)
