"""Demo content: the privacy notice (Kebijakan Privasi), in Indonesian and English.

It describes the meeting registration form as it is (communities/registration.py), the
retention periods from settings and the rights of a data subject under UU No. 27/2022."""

from django.conf import settings
from wagtail.rich_text import RichText

from .demo import ensure_child_page, translate
from .models import HomePage, StandardPage
from .privacy import PRIVACY_PAGE_SLUG


def strings():
    """Indonesian paragraphs, list items and headings -> English, with today's settings."""
    days = settings.REGISTRATION_RETENTION_DAYS
    log_days = settings.ACCESS_LOG_RETENTION_DAYS
    return {
        "Kebijakan Privasi": "Privacy policy",
        PRIVACY_PAGE_SLUG: "privacy",
        "Data pribadi apa yang dikumpulkan portal ini, untuk apa, siapa yang melihatnya, "
        "berapa lama disimpan, dan bagaimana Anda menggunakan hak Anda sebagai subjek data "
        "pribadi menurut Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi "
        "(UU PDP).": "What personal data this portal collects, what for, who sees it, how "
        "long it is kept, and how you use your rights as a data subject under Law No. 27 of "
        "2022 on Personal Data Protection (UU PDP).",
        # What
        "Data yang kami simpan saat Anda mendaftar pertemuan": "What we keep when you "
        "register for a meeting",
        "Membaca portal tidak memerlukan akun dan tidak meninggalkan data pribadi. Hanya "
        "formulir pendaftaran pertemuan yang meminta data pribadi, yaitu:": "Reading the "
        "portal needs no account and leaves no personal data. Only the meeting registration "
        "form asks for personal data, namely:",
        "<b>Tanggal pertemuan</b> yang Anda pilih;": "<b>the meeting date</b> you choose;",
        "<b>Nama</b> dan <b>sekolah</b> Anda;": "your <b>name</b> and <b>school</b>;",
        "<b>Alamat e-mail</b> dan/atau <b>nomor WhatsApp</b> Anda (cukup salah satu);": "your "
        "<b>e-mail address</b> and/or <b>WhatsApp number</b> (one of them is enough);",
        "<b>Waktu</b> Anda memberikan persetujuan dan mendaftar.": "<b>the time</b> you gave "
        "your consent and registered.",
        "Setelah pertemuan, pengelola komunitas dapat menandai kehadiran Anda. Kami tidak "
        "menyimpan alamat IP, jenis peramban, atau data lain bersama pendaftaran Anda. Untuk "
        "menangkal spam, alamat jaringan Anda hanya disimpan dalam bentuk tersamar (hash) "
        "selama paling lama satu jam, terpisah dari pendaftaran.": "After the meeting, the "
        "community's maintainers may mark your attendance. We do not keep your IP address, "
        "browser or any other data with your registration. To stop spam, your network "
        "address is kept only in disguised form (a hash) for at most one hour, apart from "
        "registrations.",
        # Why
        "Untuk apa": "What for",
        "Data Anda hanya dipakai untuk menyelenggarakan pertemuan yang Anda pilih: "
        "merencanakan tempat, membuat daftar hadir, dan memberi tahu Anda jika jadwal "
        "berubah atau pertemuan batal. Dasarnya adalah persetujuan eksplisit yang Anda "
        "berikan di formulir. Data Anda tidak dipakai untuk promosi, tidak dijual, dan tidak "
        "dibagikan kepada pihak lain.": "Your data is used only to run the meeting you chose: "
        "planning the room, keeping an attendance list and telling you if the schedule "
        "changes or the meeting is cancelled. The basis is the explicit consent you give on "
        "the form. Your data is not used for promotion, not sold and not shared with anyone "
        "else.",
        # Who
        "Siapa yang dapat melihatnya": "Who can see it",
        "Pendaftaran tidak pernah diterbitkan. Yang dapat melihatnya hanya pengelola "
        "komunitas yang menyelenggarakan pertemuan, editor dinas pendidikan kabupaten/kota "
        "tempat komunitas itu berada, dan administrator portal.": "Registrations are never "
        "published. Only the maintainers of the community that holds the meeting, the "
        "editors of that district's education office and the portal's administrators can "
        "see them.",
        # How long
        "Berapa lama disimpan": "How long it is kept",
        f"Pendaftaran dihapus otomatis {days} hari setelah tanggal pertemuannya. Catatan "
        f"masuk (login) akun pengelola dan editor, termasuk alamat IP, disimpan {log_days} "
        "hari untuk keamanan, lalu dihapus.": f"Registrations are deleted automatically "
        f"{days} days after their meeting date. Sign-in records of maintainer and editor "
        f"accounts, including IP addresses, are kept for {log_days} days for security, then "
        "deleted.",
        # Rights
        "Hak Anda": "Your rights",
        "Sebagai subjek data pribadi, Anda berhak:": "As a data subject, you have the right to:",
        "mengetahui data apa yang kami simpan tentang Anda dan untuk apa;": "know what data we "
        "keep about you and what for;",
        "mendapat salinan data Anda;": "get a copy of your data;",
        "memperbaiki data yang keliru;": "have wrong data corrected;",
        "menarik kembali persetujuan dan meminta data Anda dihapus.": "withdraw your consent "
        "and have your data erased.",
        "Cara mengajukan permintaan": "How to make a request",
        "Hubungi narahubung komunitas yang menyelenggarakan pertemuan; nama, e-mail dan "
        "nomor WhatsApp-nya ada di halaman komunitas. Sebutkan alamat e-mail atau nomor "
        "WhatsApp yang Anda pakai saat mendaftar. Permintaan Anda diteruskan kepada "
        "administrator portal, yang dapat mengekspor atau menghapus semua pendaftaran Anda "
        "di seluruh pertemuan sekaligus. Kami menjawab sesegera mungkin.": "Contact the "
        "contact person of the community that holds the meeting; their name, e-mail and "
        "WhatsApp number are on the community's page. Give the e-mail address or WhatsApp "
        "number you registered with. Your request is passed to the portal's administrators, "
        "who can export or erase all your registrations across every meeting at once. We "
        "answer as soon as we can.",
    }


def _paragraph(html):
    return ("paragraph", RichText(html))


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _items(texts):
    return _paragraph("<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>")


def body(texts):
    """The page body from the Indonesian strings, in the order of strings()."""
    t = list(texts)
    return [
        _heading(t[3]),
        _paragraph(f"<p>{t[4]}</p>"),
        _items(t[5:9]),
        _paragraph(f"<p>{t[9]}</p>"),
        _heading(t[10]),
        _paragraph(f"<p>{t[11]}</p>"),
        _heading(t[12]),
        _paragraph(f"<p>{t[13]}</p>"),
        _heading(t[14]),
        _paragraph(f"<p>{t[15]}</p>"),
        _heading(t[16]),
        _paragraph(f"<p>{t[17]}</p>"),
        _items(t[18:22]),
        _heading(t[22]),
        _paragraph(f"<p>{t[23]}</p>"),
    ]


def load(stdout):
    home = HomePage.objects.filter(locale__language_code="id", depth=2).first()
    texts = strings()
    keys = list(texts)
    page, created = ensure_child_page(
        home,
        StandardPage,
        PRIVACY_PAGE_SLUG,
        title=keys[0],
        introduction=keys[2],
        body=body(keys),
    )
    stdout.write(f"{'Created' if created else 'Kept'} page: {page.title}")
    translate(page, texts)
