"""Demo content for the home app: the home page, the "Tentang" page and the footer."""

from wagtail.rich_text import RichText

from .demo import english, ensure_child_page, translate
from .models import FooterText, HomePage, StandardPage

ABOUT_INTRO = (
    "Komunitas praktisi adalah sekelompok guru, kepala sekolah dan pengawas yang "
    "memiliki kepedulian yang sama tentang pembelajaran dan bertemu secara rutin "
    "untuk menjadi lebih baik bersama."
)
EN = {
    # Home page
    "Beranda": "Home",
    "beranda": "home",
    "Belajar bersama, tumbuh bersama": "Learning together, growing together",
    "Portal bagi komunitas praktisi guru, kepala sekolah dan pengawas di seluruh "
    "Indonesia: berbagi masalah, merancang aksi nyata, dan mendokumentasikan "
    "praktik baik.": "A portal for communities of practice of teachers, principals "
    "and supervisors across Indonesia: share problems, plan concrete actions and "
    "document good practice.",
    "Kenali komunitas praktisi": "Get to know communities of practice",
    "Di sini komunitas belajar menerbitkan catatan pertemuan dan artikel praktik "
    "baik, dan editor dinas pendidikan kabupaten/kota mengkurasi sumber belajar "
    "yang siap dipakai di kelas.": "Here learning communities publish meeting notes "
    "and good-practice articles, and district education office editors curate "
    "learning resources ready to use in class.",
    "Siklus kegiatan komunitas praktisi": "The activity cycle of a community of practice",
    "Berbagi masalah dan mencari solusi bersama.": "Share a problem and look for solutions together.",
    "Merumuskan aksi nyata dengan hasil yang terukur.": "Formulate a concrete action with measurable results.",
    "Berbagi pengalaman praktik baik.": "Share experience of good practice.",
    "Merefleksikan aksi yang sudah dilakukan.": "Reflect on the actions taken.",
    "Mendokumentasikan semuanya sebagai bahan belajar.": "Document everything as learning material.",
    "Dulu saya merasa sendirian menghadapi murid yang tertinggal membaca. Di "
    "komunitas, kami mencoba strategi yang sama di tiga kelas dan membandingkan "
    "hasilnya setiap bulan.": "I used to feel alone with pupils who were behind in "
    "reading. In our community we tried the same strategy in three classes and "
    "compared the results every month.",
    "Bu Ratna, guru Bahasa Indonesia SMP Harapan": "Ms Ratna, Indonesian language teacher at SMP Harapan",
    # About page
    "Tentang Komunitas Praktisi": "About communities of practice",
    "tentang": "about",
    ABOUT_INTRO: "A community of practice is a group of teachers, principals and "
    "supervisors who share a concern about learning and meet regularly to get "
    "better at it together.",
    "Tiga ciri komunitas praktisi": "Three characteristics of a community of practice",
    "<b>Domain</b>: hal yang menjadi kepedulian bersama, misalnya mewujudkan merdeka "
    "belajar di sekolah.": "<b>Domain</b>: what members care about together, for "
    "example making merdeka belajar real at their school.",
    "<b>Komunitas</b>: norma yang disepakati anggota, seperti saling menghargai, mau "
    "berbagi, dan pertemuan rutin.": "<b>Community</b>: the norms the members agreed, "
    "such as respect, willingness to share and a regular meeting.",
    "<b>Praktik</b>: pengetahuan yang dibangun dan disimpan bersama: ringkasan "
    "pertemuan, foto, video dan dokumen.": "<b>Practice</b>: the knowledge they build "
    "and keep together: meeting summaries, photos, videos and documents.",
    "Contoh: Komunitas Praktisi Guru SMP Harapan": "Example: the community of practice of SMP Harapan teachers",
    "Guru-guru SMP Harapan bertemu sebulan sekali di sekolah, setiap Kamis kedua "
    "sepulang mengajar. Tujuan mereka adalah mewujudkan merdeka belajar: setiap "
    "pertemuan dimulai dari satu masalah nyata di kelas dan diakhiri dengan satu "
    "aksi nyata yang hasilnya dibahas pada pertemuan berikutnya.": "The teachers of "
    "SMP Harapan meet once a month at school, on the second Thursday after "
    "lessons. Their goal is to make merdeka belajar real: each meeting starts from "
    "one real problem in class and ends with one concrete action whose results "
    "they discuss at the next meeting.",
    "Kami tidak mencari guru yang sempurna. Kami mencari guru yang mau mencoba, "
    "mencatat, dan berbagi.": "We are not looking for perfect teachers. We are "
    "looking for teachers willing to try, take notes and share.",
    "Pak Hendra, kepala SMP Harapan": "Mr Hendra, principal of SMP Harapan",
    # Footer
    "Portal Komunitas Praktisi dikelola bersama oleh komunitas belajar dan dinas "
    "pendidikan kabupaten/kota. Isi diterbitkan dengan lisensi CC BY-SA 4.0 kecuali "
    "disebutkan lain.": "The Komunitas Praktisi portal is run jointly by learning "
    "communities and district education offices. Content is published under CC "
    "BY-SA 4.0 unless stated otherwise.",
}


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _paragraph(html):
    return ("paragraph", RichText(html))


def _quote(text, attribution):
    return ("quote", {"text": text, "attribution": attribution})


def _key(prefix, text):
    # Source strings are defined once above; look them up by their start.
    return next(k for k in EN if k.startswith(prefix) and (text is None or text in k))


def load(stdout):
    home = HomePage.objects.filter(locale__language_code="id", depth=2).first()

    about, created = ensure_child_page(
        home,
        StandardPage,
        "tentang",
        title="Tentang Komunitas Praktisi",
        show_in_menus=True,
        introduction=ABOUT_INTRO,
        body=[
            _heading("Tiga ciri komunitas praktisi"),
            _paragraph(
                "<ul>"
                + "".join(
                    f"<li>{_key(p, None)}</li>"
                    for p in ("<b>Domain</b>", "<b>Komunitas</b>", "<b>Praktik</b>")
                )
                + "</ul>"
            ),
            _heading("Contoh: Komunitas Praktisi Guru SMP Harapan"),
            _paragraph(f"<p>{_key('Guru-guru SMP Harapan', None)}</p>"),
            _quote(_key("Kami tidak mencari", None), "Pak Hendra, kepala SMP Harapan"),
        ],
    )
    stdout.write(f"{'Created' if created else 'Kept'} page: {about.title}")

    if not home.introduction:
        home.title = home.draft_title = "Beranda"
        home.hero_heading = "Belajar bersama, tumbuh bersama"
        home.hero_text = _key("Portal bagi komunitas", None)
        home.hero_cta_text = "Kenali komunitas praktisi"
        home.hero_cta_page = about
        home.introduction = f"<p>{_key('Di sini komunitas', None)}</p>"
        cycle = [
            k for k in EN if k.startswith(("Berbagi", "Merumuskan", "Merefleksikan", "Mendok"))
        ]
        home.body = [
            _heading("Siklus kegiatan komunitas praktisi"),
            _paragraph("<ol>" + "".join(f"<li>{k}</li>" for k in cycle) + "</ol>"),
            _quote(_key("Dulu saya", None), "Bu Ratna, guru Bahasa Indonesia SMP Harapan"),
        ]
        home.save_revision().publish()
        stdout.write("Filled the home page")
    translate(home, EN)  # parents before children
    translate(about, EN)

    footer = FooterText.objects.filter(locale=home.locale).first()
    if footer is None:
        footer = FooterText.objects.create(
            locale=home.locale, body=f"<p>{_key('Portal Komunitas Praktisi dikelola', None)}</p>"
        )
    translate(footer, EN, english())
