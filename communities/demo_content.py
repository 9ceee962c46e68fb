"""Demo communities across three time zones, in Indonesian with English translations."""

from wagtail.rich_text import RichText

from home.demo import ensure_child_page, translate
from home.models import HomePage

from .models import (
    CommunityIndexPage,
    CommunityMember,
    CommunityNorm,
    CommunityPage,
    Regency,
    RegionPage,
    SchoolLevel,
    Subject,
    Topic,
)

INDEX_INTRO = "Temukan komunitas praktisi di dekat Anda: saring menurut daerah, jenjang, mata pelajaran, dan cara bertemu."

COMMUNITIES = [
    {
        "regency": "32.73",
        "slug": "komunitas-praktisi-guru-smp-harapan",
        "title": "Komunitas Praktisi Guru SMP Harapan",
        "goal": "Mewujudkan merdeka belajar di setiap kelas SMP Harapan",
        "summary": "Guru-guru SMP Harapan bertemu sebulan sekali di sekolah untuk membahas satu masalah nyata di kelas dan menyepakati satu aksi nyata.",
        "domain": "Kami ingin setiap murid belajar sesuai kesiapannya. Tahun ini kami fokus pada asesmen diagnostik di awal bab dan pembelajaran berdiferensiasi.",
        "type": "within_school",
        "mode": "face_to_face",
        "schedule": "Sebulan sekali, Kamis minggu kedua, 14.00–16.00",
        "place": "Ruang guru SMP Harapan",
        "schools": "SMP Harapan",
        "join": "Terbuka untuk semua guru SMP Harapan. Datang saja ke pertemuan bulanan atau hubungi Bu Ratna.",
        "contact": ("Ratna Sari", "ratna.sari@smpharapan.sch.id", "0812 2233 4455"),
        "levels": ["smp"],
        "subjects": ["bahasa-indonesia", "matematika", "ipa"],
        "topics": ["merdeka-belajar", "pembelajaran-berdiferensiasi", "refleksi"],
        "norms": [
            "Saling menghargai pendapat setiap anggota.",
            "Berbagi praktik, termasuk yang belum berhasil.",
            "Hadir tepat waktu pada pertemuan bulanan.",
            "Setiap pertemuan ditutup dengan satu aksi nyata yang terukur.",
        ],
        "members": [
            ("Ratna Sari", "teacher", "SMP Harapan"),
            ("Dewi Lestari", "teacher", "SMP Harapan"),
            ("Yusuf Maulana", "teacher", "SMP Harapan"),
            ("Hendra Wijaya", "principal", "SMP Harapan"),
            ("Bambang Supriadi", "supervisor", "Dinas Pendidikan Kota Bandung"),
        ],
        "documentation": "Setiap pertemuan kami catat dalam notulen singkat: masalah yang dibahas, aksi nyata yang disepakati, dan hasilnya pada pertemuan berikutnya.",
    },
    {
        "regency": "51.01",
        "slug": "komunitas-belajar-guru-sd-gugus-3-negara",
        "title": "Komunitas Belajar Guru SD Gugus 3 Negara",
        "goal": "Meningkatkan kemampuan numerasi dan literasi murid kelas awal",
        "summary": "Guru kelas 1–3 dari lima SD di Gugus 3 Kecamatan Negara berbagi strategi numerasi dan literasi, bergiliran tempat setiap dua minggu.",
        "domain": "Hasil asesmen nasional menunjukkan numerasi murid kelas awal masih rendah. Kami mencoba pembelajaran dengan benda konkret dan membandingkan hasilnya antarsekolah.",
        "type": "between_schools",
        "mode": "face_to_face",
        "schedule": "Dua minggu sekali, Sabtu, 09.00–11.00",
        "place": "Bergiliran di SD anggota gugus",
        "schools": "SD Negeri 1 Negara\nSD Negeri 2 Negara\nSD Negeri 3 Baler Bale Agung\nSD Negeri 1 Lelateng\nSD Negeri 4 Banjar Tengah",
        "join": "Guru kelas awal di Gugus 3 Negara dapat bergabung melalui kepala sekolah masing-masing.",
        "contact": ("I Made Suartana", "made.suartana@gmail.com", "0813 3844 5566"),
        "levels": ["sd"],
        "subjects": ["matematika", "bahasa-indonesia"],
        "topics": ["numerasi", "literasi", "asesmen"],
        "norms": [
            "Tuan rumah bergiliran menyiapkan satu contoh praktik.",
            "Data hasil belajar murid dibagikan tanpa menyebut nama murid.",
            "Setiap anggota mencoba satu strategi sebelum pertemuan berikutnya.",
        ],
        "members": [
            ("I Made Suartana", "teacher", "SD Negeri 1 Negara"),
            ("Ni Luh Putu Ariani", "teacher", "SD Negeri 2 Negara"),
            ("I Ketut Widana", "principal", "SD Negeri 1 Lelateng"),
            ("Ni Wayan Sukerti", "supervisor", "Dinas Pendidikan Kabupaten Jembrana"),
        ],
        "documentation": "Kami menyimpan lembar kerja numerasi yang sudah diuji di kelas agar bisa dipakai guru lain.",
    },
    {
        "regency": "51.01",
        "slug": "komunitas-guru-bahasa-inggris-jembrana",
        "title": "Komunitas Guru Bahasa Inggris Jembrana",
        "goal": "Membuat murid berani berbicara bahasa Inggris di kelas",
        "summary": "Guru bahasa Inggris SMP dan SMA se-Kabupaten Jembrana bertemu daring setiap Rabu malam untuk berbagi kegiatan berbicara yang sederhana.",
        "domain": "Banyak murid paham tata bahasa tetapi takut berbicara. Kami mengumpulkan kegiatan berbicara singkat yang bisa dipakai di kelas besar.",
        "type": "online",
        "mode": "online",
        "schedule": "Setiap Rabu, 19.30–20.30",
        "place": "Rapat daring (tautan dibagikan di grup WhatsApp)",
        "schools": "SMP Negeri 1 Negara\nSMP Negeri 2 Mendoyo\nSMA Negeri 1 Negara\nSMA Negeri 1 Mendoyo",
        "join": "Kirim pesan WhatsApp kepada koordinator dengan nama dan sekolah Anda.",
        "contact": ("Komang Ayu Lestari", "komang.ayu@sman1negara.sch.id", "0819 1234 8899"),
        "levels": ["smp", "sma"],
        "subjects": ["bahasa-inggris"],
        "topics": ["teknologi-pembelajaran", "pembelajaran-berdiferensiasi"],
        "norms": [
            "Kamera boleh mati, tetapi ikut berbicara.",
            "Bagikan bahan yang boleh dipakai ulang oleh anggota lain.",
        ],
        "members": [
            ("Komang Ayu Lestari", "facilitator", "SMA Negeri 1 Negara"),
            ("Gede Arya Wiguna", "teacher", "SMP Negeri 2 Mendoyo"),
            ("Ni Kadek Sri Astuti", "teacher", "SMP Negeri 1 Negara"),
        ],
        "documentation": "",
    },
    {
        "regency": "34.04",
        "slug": "komunitas-praktisi-paud-sleman",
        "title": "Komunitas Praktisi PAUD Sleman",
        "goal": "Menerapkan disiplin positif di kelompok bermain dan TK",
        "summary": "Pendidik PAUD di Sleman belajar bersama tentang disiplin positif dan pembelajaran sosial-emosional, bertemu tatap muka dan daring bergantian.",
        "domain": "Kami ingin mengganti hukuman dengan kesepakatan kelas dan konsekuensi yang mendidik.",
        "type": "between_schools",
        "mode": "blended",
        "schedule": "Sebulan sekali, Jumat minggu terakhir, 13.00–15.00",
        "place": "Aula IGTKI Sleman atau rapat daring",
        "schools": "TK Negeri Pembina Sleman\nKB Tunas Harapan Depok\nTK ABA Gamping",
        "join": "Terbuka untuk pendidik PAUD di Kabupaten Sleman.",
        "contact": ("Siti Rahmawati", "siti.rahma@tkpembina-sleman.sch.id", ""),
        "levels": ["paud"],
        "subjects": [],
        "topics": ["disiplin-positif", "pembelajaran-sosial-emosional"],
        "norms": ["Cerita tentang anak selalu menjaga privasi anak dan keluarganya."],
        "members": [
            ("Siti Rahmawati", "teacher", "TK Negeri Pembina Sleman"),
            ("Endang Purwaningsih", "principal", "KB Tunas Harapan Depok"),
        ],
        "documentation": "",
    },
    {
        "regency": "91.71",
        "slug": "komunitas-belajar-guru-sma-kota-jayapura",
        "title": "Komunitas Belajar Guru SMA Kota Jayapura",
        "goal": "Merancang projek P5 yang berangkat dari lingkungan Papua",
        "summary": "Guru IPA SMA di Kota Jayapura merancang dan merefleksikan projek penguatan profil pelajar Pancasila bertema lingkungan pesisir.",
        "domain": "Kami memakai Teluk Youtefa sebagai laboratorium: kualitas air, mangrove, dan sampah plastik menjadi bahan projek murid.",
        "type": "between_schools",
        "mode": "blended",
        "schedule": "Sebulan sekali, Sabtu minggu pertama, 10.00–12.00",
        "place": "SMA Negeri 1 Jayapura",
        "schools": "SMA Negeri 1 Jayapura\nSMA Negeri 4 Jayapura\nSMA YPPK Taruna Dharma",
        "join": "Hubungi koordinator melalui surel.",
        "contact": ("Yohanis Wenda", "yohanis.wenda@sman1jayapura.sch.id", ""),
        "levels": ["sma"],
        "subjects": ["fisika", "kimia", "biologi"],
        "topics": ["p5"],
        "norms": ["Setiap rancangan projek diuji coba dulu di satu kelas sebelum dibagikan."],
        "members": [
            ("Yohanis Wenda", "facilitator", "SMA Negeri 1 Jayapura"),
            ("Maria Kareth", "teacher", "SMA Negeri 4 Jayapura"),
            ("Daniel Rumbiak", "teacher", "SMA YPPK Taruna Dharma"),
        ],
        "documentation": "",
    },
]

ENGLISH = {
    "komunitas-praktisi-guru-smp-harapan": {
        "slug": "smp-harapan-teachers-community-of-practice",
        "title": "SMP Harapan Teachers' Community of Practice",
        "goal": "Making merdeka belajar real in every SMP Harapan classroom",
        "summary": "SMP Harapan teachers meet once a month at school to discuss one real classroom problem and agree on one concrete action.",
        "domain": "We want every pupil to learn at their own level of readiness. This year we focus on diagnostic assessment at the start of each unit and on differentiated learning.",
        "schedule": "Once a month, second Thursday, 14.00–16.00",
        "place": "SMP Harapan staff room",
        "join": "Open to all SMP Harapan teachers. Just come to the monthly meeting or contact Ms Ratna.",
        "norms": [
            "Respect every member's opinion.",
            "Share practice, including what has not worked yet.",
            "Arrive on time for the monthly meeting.",
            "Every meeting ends with one concrete, measurable action.",
        ],
        "documentation": "We keep short minutes of every meeting: the problem discussed, the action agreed, and its results at the next meeting.",
    },
    "komunitas-belajar-guru-sd-gugus-3-negara": {
        "slug": "negara-cluster-3-primary-teachers-learning-community",
        "title": "Negara Cluster 3 Primary Teachers' Learning Community",
        "goal": "Improving numeracy and literacy in the early primary years",
        "summary": "Grade 1–3 teachers from five primary schools in Cluster 3, Negara district, share numeracy and literacy strategies, meeting at a different school every two weeks.",
        "domain": "The national assessment shows low numeracy in the early grades. We try teaching with concrete objects and compare the results between schools.",
        "schedule": "Every two weeks, Saturday, 09.00–11.00",
        "place": "Taking turns at the cluster's schools",
        "join": "Early-grade teachers in Cluster 3 Negara can join through their principal.",
        "norms": [
            "The host school prepares one example of practice.",
            "Pupils' learning data is shared without their names.",
            "Every member tries one strategy before the next meeting.",
        ],
        "documentation": "We keep the numeracy worksheets we have tested in class so that other teachers can use them.",
    },
    "komunitas-guru-bahasa-inggris-jembrana": {
        "slug": "jembrana-english-teachers-community",
        "title": "Jembrana English Teachers' Community",
        "goal": "Helping pupils dare to speak English in class",
        "summary": "English teachers from junior and senior secondary schools across Jembrana meet online every Wednesday evening to share simple speaking activities.",
        "domain": "Many pupils understand the grammar but are afraid to speak. We collect short speaking activities that work in large classes.",
        "schedule": "Every Wednesday, 19.30–20.30",
        "place": "Online meeting (link shared in the WhatsApp group)",
        "join": "Send the coordinator a WhatsApp message with your name and school.",
        "norms": [
            "Cameras may be off, but do speak up.",
            "Share materials that other members may reuse.",
        ],
        "documentation": "",
    },
    "komunitas-praktisi-paud-sleman": {
        "slug": "sleman-early-childhood-community-of-practice",
        "title": "Sleman Early Childhood Community of Practice",
        "goal": "Practising positive discipline in playgroups and kindergartens",
        "summary": "Early childhood educators in Sleman learn together about positive discipline and social-emotional learning, meeting face to face and online in turn.",
        "domain": "We want to replace punishment with class agreements and consequences that teach.",
        "schedule": "Once a month, last Friday, 13.00–15.00",
        "place": "IGTKI Sleman hall or online meeting",
        "join": "Open to early childhood educators in Sleman regency.",
        "norms": [
            "Stories about children always protect the privacy of the child and their family."
        ],
        "documentation": "",
    },
    "komunitas-belajar-guru-sma-kota-jayapura": {
        "slug": "jayapura-senior-secondary-teachers-learning-community",
        "title": "Jayapura Senior Secondary Teachers' Learning Community",
        "goal": "Designing P5 projects that start from Papua's environment",
        "summary": "Senior secondary science teachers in Jayapura design and reflect on Pancasila student profile projects about the coastal environment.",
        "domain": "We use Youtefa Bay as our laboratory: water quality, mangroves and plastic waste become material for pupils' projects.",
        "schedule": "Once a month, first Saturday, 10.00–12.00",
        "place": "SMA Negeri 1 Jayapura",
        "join": "Contact the coordinator by e-mail.",
        "norms": ["Every project design is tried in one class before it is shared."],
        "documentation": "",
    },
}

EN_INDEX = {
    "Komunitas": "Communities",
    "komunitas": "communities",
    INDEX_INTRO: "Find communities of practice near you: filter by region, school level, subject and how they meet.",
}


def _english_strings(data, english):
    strings = {
        data[key]: english[key]
        for key in ("slug", "title", "goal", "summary", "schedule", "place", "join")
    }
    strings[data["domain"]] = english["domain"]
    strings.update(zip(data["norms"], english["norms"], strict=True))
    if data["documentation"]:
        strings[data["documentation"]] = english["documentation"]
    return strings


def _community_fields(data):
    name, email, whatsapp = data["contact"]
    return {
        "title": data["title"],
        "goal": data["goal"],
        "summary": data["summary"],
        "domain_description": f"<p>{data['domain']}</p>",
        "community_type": data["type"],
        "meeting_mode": data["mode"],
        "meeting_schedule": data["schedule"],
        "meeting_place": data["place"],
        "schools": data["schools"],
        "how_to_join": data["join"],
        "contact_name": name,
        "contact_email": email,
        "contact_whatsapp": whatsapp,
        "documentation": [("paragraph", RichText(f"<p>{data['documentation']}</p>"))]
        if data["documentation"]
        else [],
        "norms": [CommunityNorm(text=text) for text in data["norms"]],
        "members": [
            CommunityMember(name=name, role=role, school=school)
            for name, role, school in data["members"]
        ],
    }


def _set_terms(page, data):
    for field, model, slugs in (
        ("levels", SchoolLevel, data["levels"]),
        ("subjects", Subject, data["subjects"]),
        ("topics", Topic, data["topics"]),
    ):
        getattr(page, field).set(model.objects.filter(locale__language_code="id", slug__in=slugs))


def load(stdout):
    home = HomePage.objects.get(locale__language_code="id", depth=2)
    index, _ = ensure_child_page(
        home, CommunityIndexPage, "komunitas", title="Komunitas", introduction=INDEX_INTRO,
        show_in_menus=True,
    )  # fmt: skip
    translate(index, EN_INDEX)

    for data in COMMUNITIES:
        regency = Regency.objects.get(code=data["regency"])
        region, _ = ensure_child_page(
            index, RegionPage, regency.slug, title=regency.name, regency=regency
        )
        translate(region, {regency.name: regency.name, regency.slug: regency.slug})

        existing = CommunityPage.objects.child_of(region).filter(slug=data["slug"]).first()
        if existing is None:
            page = CommunityPage(slug=data["slug"], **_community_fields(data))
            _set_terms(page, data)
            region.add_child(instance=page)
            page.save_revision().publish()
            stdout.write(f"Created community: {page.title}")
        else:
            page = existing
        translate(page, _english_strings(data, ENGLISH[data["slug"]]))
