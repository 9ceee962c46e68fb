# ruff: noqa: E501 - phrase banks: one (Indonesian, English) pair per line reads best
"""Phrase banks, each entry an (Indonesian, English) pair so a translated page says the
same thing as its source. Written the way teachers write on the portal: kelas, murid,
aksi nyata, refleksi, asesmen, merdeka belajar."""

# slug of the SchoolLevel snippet -> (label in titles, English label, grades, weight)
LEVELS = {
    "sd": ("SD", "Primary", list(range(1, 7)), 40),
    "smp": ("SMP", "Junior Secondary", [7, 8, 9], 25),
    "sma": ("SMA", "Senior Secondary", [10, 11, 12], 15),
    "smk": ("SMK", "Vocational", [10, 11, 12], 10),
    "paud": ("PAUD", "Early Childhood", [], 7),
    "slb": ("SLB", "Special Needs", list(range(1, 10)), 3),
}

# slug of the Subject snippet -> (in a sentence, English)
SUBJECTS = {
    "pendidikan-agama": ("pendidikan agama dan budi pekerti", "religious and moral education"),
    "pendidikan-pancasila": ("Pendidikan Pancasila", "Pancasila education"),
    "bahasa-indonesia": ("Bahasa Indonesia", "Indonesian"),
    "matematika": ("matematika", "mathematics"),
    "ipas": ("IPAS", "science and social studies"),
    "ipa": ("IPA", "science"),
    "ips": ("IPS", "social studies"),
    "bahasa-inggris": ("bahasa Inggris", "English"),
    "seni-budaya": ("seni budaya", "arts and culture"),
    "pjok": ("PJOK", "physical education"),
    "informatika": ("informatika", "informatics"),
    "prakarya": ("prakarya", "crafts"),
    "bahasa-daerah": ("bahasa daerah", "the regional language"),
    "fisika": ("fisika", "physics"),
    "kimia": ("kimia", "chemistry"),
    "biologi": ("biologi", "biology"),
    "sejarah": ("sejarah", "history"),
    "geografi": ("geografi", "geography"),
    "ekonomi": ("ekonomi", "economics"),
    "sosiologi": ("sosiologi", "sociology"),
}

SUBJECTS_BY_LEVEL = {
    "sd": [
        "matematika", "bahasa-indonesia", "ipas", "pendidikan-pancasila", "pjok",
        "seni-budaya", "bahasa-inggris", "pendidikan-agama", "bahasa-daerah",
    ],
    "smp": [
        "matematika", "bahasa-indonesia", "ipa", "ips", "bahasa-inggris", "informatika",
        "prakarya", "seni-budaya", "pjok", "pendidikan-pancasila",
    ],
    "sma": [
        "matematika", "bahasa-indonesia", "bahasa-inggris", "fisika", "kimia", "biologi",
        "sejarah", "geografi", "ekonomi", "sosiologi", "informatika",
    ],
    "smk": ["matematika", "bahasa-indonesia", "bahasa-inggris", "informatika", "prakarya"],
    "paud": [],
    "slb": ["bahasa-indonesia", "matematika", "prakarya"],
}  # fmt: skip

# slug of the Topic snippet -> (in a sentence, English)
TOPICS = {
    "merdeka-belajar": ("merdeka belajar", "merdeka belajar (freedom to learn)"),
    "pembelajaran-berdiferensiasi": ("pembelajaran berdiferensiasi", "differentiated learning"),
    "asesmen": ("asesmen diagnostik dan formatif", "diagnostic and formative assessment"),
    "literasi": ("literasi", "literacy"),
    "numerasi": ("numerasi", "numeracy"),
    "p5": ("projek penguatan profil pelajar Pancasila", "Pancasila student profile projects"),
    "pembelajaran-sosial-emosional": ("pembelajaran sosial-emosional", "social-emotional learning"),
    "disiplin-positif": ("disiplin positif", "positive discipline"),
    "pendidikan-inklusif": ("pendidikan inklusif", "inclusive education"),
    "teknologi-pembelajaran": ("teknologi dalam pembelajaran", "technology in learning"),
    "kepemimpinan-sekolah": ("kepemimpinan sekolah", "school leadership"),
    "refleksi": ("refleksi praktik mengajar", "reflecting on teaching practice"),
}

# (strategy, English, topics it serves): the concrete actions (aksi nyata) teachers try.
STRATEGIES = [
    ("asesmen diagnostik lima soal di awal bab", "a five-question diagnostic assessment at the start of each unit", ["asesmen", "pembelajaran-berdiferensiasi"]),
    ("pengelompokan murid sesuai kesiapan belajar", "grouping pupils by their readiness to learn", ["pembelajaran-berdiferensiasi", "merdeka-belajar"]),
    ("lembar kerja berjenjang", "tiered worksheets", ["pembelajaran-berdiferensiasi"]),
    ("pojok baca di setiap kelas", "a reading corner in every classroom", ["literasi"]),
    ("membaca nyaring 15 menit sebelum pelajaran", "reading aloud for 15 minutes before lessons", ["literasi"]),
    ("jurnal membaca harian murid", "a daily reading journal for pupils", ["literasi", "refleksi"]),
    ("permainan kartu pecahan", "a fraction card game", ["numerasi"]),
    ("benda konkret untuk konsep bilangan", "concrete objects for number concepts", ["numerasi"]),
    ("soal cerita dari kehidupan sehari-hari murid", "word problems taken from pupils' daily lives", ["numerasi", "literasi"]),
    ("kuis formatif singkat dengan kartu jawaban", "short formative quizzes with answer cards", ["asesmen"]),
    ("umpan balik tertulis pada setiap tugas", "written feedback on every assignment", ["asesmen", "refleksi"]),
    ("tiket keluar di akhir pelajaran", "exit tickets at the end of each lesson", ["asesmen"]),
    ("kesepakatan kelas yang disusun bersama murid", "class agreements drawn up with the pupils", ["disiplin-positif", "pembelajaran-sosial-emosional"]),
    ("segitiga restitusi", "the restitution triangle", ["disiplin-positif"]),
    ("cek perasaan di awal hari", "a feelings check-in at the start of the day", ["pembelajaran-sosial-emosional"]),
    ("teknik STOP untuk menenangkan diri", "the STOP technique for calming down", ["pembelajaran-sosial-emosional"]),
    ("tutor sebaya", "peer tutoring", ["pendidikan-inklusif", "pembelajaran-berdiferensiasi"]),
    ("profil belajar murid berkebutuhan khusus", "learning profiles for pupils with special needs", ["pendidikan-inklusif"]),
    ("projek pengelolaan sampah sekolah", "a school waste management project", ["p5"]),
    ("projek kearifan lokal bersama orang tua", "a local wisdom project with parents", ["p5"]),
    ("video pembelajaran pendek buatan guru", "short learning videos made by teachers", ["teknologi-pembelajaran"]),
    ("kuis daring dengan ponsel murid", "online quizzes on pupils' phones", ["teknologi-pembelajaran", "asesmen"]),
    ("supervisi akademik yang berpusat pada murid", "student-centred academic supervision", ["kepemimpinan-sekolah"]),
    ("coaching antarguru", "peer coaching between teachers", ["kepemimpinan-sekolah", "refleksi"]),
    ("lesson study", "lesson study", ["refleksi"]),
    ("observasi kelas antarteman sejawat", "peer classroom observation", ["refleksi"]),
    ("pembelajaran berbasis projek", "project-based learning", ["merdeka-belajar", "p5"]),
    ("pilihan produk akhir untuk murid", "a choice of final product for pupils", ["merdeka-belajar", "pembelajaran-berdiferensiasi"]),
]  # fmt: skip

# (problem as a clause, English, topics)
PROBLEMS = [
    ("banyak murid kelas awal belum lancar membaca", "many pupils in the early grades cannot yet read fluently", ["literasi"]),
    ("murid kesulitan memahami soal cerita", "pupils struggle to understand word problems", ["numerasi", "literasi"]),
    ("murid belum menguasai materi prasyarat", "pupils have not yet mastered the prerequisite material", ["asesmen", "pembelajaran-berdiferensiasi"]),
    ("kemampuan murid dalam satu kelas sangat beragam", "pupils in one class have very different abilities", ["pembelajaran-berdiferensiasi"]),
    ("murid pasif dan takut bertanya", "pupils are passive and afraid to ask questions", ["pembelajaran-sosial-emosional", "merdeka-belajar"]),
    ("hasil asesmen sumatif masih rendah", "summative assessment results are still low", ["asesmen"]),
    ("murid cepat bosan saat pelajaran", "pupils quickly get bored in lessons", ["merdeka-belajar", "teknologi-pembelajaran"]),
    ("kelas kami besar, lebih dari 35 murid", "our classes are large, more than 35 pupils", ["pembelajaran-berdiferensiasi"]),
    ("murid sering terlambat mengumpulkan tugas", "pupils often hand in their work late", ["disiplin-positif"]),
    ("masih ada ejekan dan perundungan kecil di kelas", "there is still teasing and minor bullying in class", ["disiplin-positif", "pembelajaran-sosial-emosional"]),
    ("murid berkebutuhan khusus belum terlayani dengan baik", "pupils with special needs are not yet well served", ["pendidikan-inklusif"]),
    ("murid hafal rumus tetapi tidak bisa menerapkannya", "pupils memorise formulas but cannot apply them", ["numerasi"]),
    ("projek P5 berhenti di tahap pameran", "our P5 projects stop at the exhibition stage", ["p5"]),
    ("guru jarang saling mengamati kelas", "teachers rarely observe each other's classes", ["refleksi", "kepemimpinan-sekolah"]),
    ("supervisi terasa seperti penilaian, bukan pendampingan", "supervision feels like judgement rather than support", ["kepemimpinan-sekolah"]),
    ("ponsel lebih sering mengganggu daripada membantu belajar", "phones distract more than they help learning", ["teknologi-pembelajaran"]),
]  # fmt: skip

# (indicator, English, unit, English unit, low, high, only for this topic): higher is better.
INDICATORS = [
    ("murid yang mencapai tujuan pembelajaran", "pupils reaching the learning objective", "%", "%", 30, 90, None),
    ("murid yang lancar membaca", "pupils who read fluently", "%", "%", 25, 85, "literasi"),
    ("rata-rata nilai asesmen formatif", "average formative assessment score", "poin", "points", 50, 88, None),
    ("murid yang mengumpulkan tugas tepat waktu", "pupils handing in work on time", "%", "%", 40, 95, None),
    ("murid yang berani bertanya di kelas", "pupils who dare to ask questions in class", "murid", "pupils", 3, 25, None),
    ("murid yang menjawab soal cerita dengan benar", "pupils solving word problems correctly", "%", "%", 20, 85, "numerasi"),
]  # fmt: skip

# Learning material by subject: (material, English, level, grades).
MATERIALS = {
    "matematika": [
        ("bilangan cacah sampai 100", "whole numbers up to 100", "sd", [1, 2]),
        ("pecahan senilai", "equivalent fractions", "sd", [3, 4]),
        ("bangun datar dan kelilingnya", "plane shapes and their perimeter", "sd", [4, 5]),
        ("penyajian data", "presenting data", "sd", [5, 6]),
        ("sistem persamaan linear dua variabel", "systems of linear equations in two variables", "smp", [8]),
        ("teorema Pythagoras", "Pythagoras' theorem", "smp", [8, 9]),
        ("peluang", "probability", "smp", [9]),
        ("fungsi kuadrat", "quadratic functions", "sma", [10]),
        ("statistika", "statistics", "sma", [11, 12]),
        ("matematika keuangan", "financial mathematics", "smk", [10, 11]),
    ],
    "bahasa-indonesia": [
        ("membaca permulaan", "early reading", "sd", [1, 2]),
        ("teks narasi", "narrative texts", "sd", [3, 4, 5]),
        ("membaca pemahaman", "reading comprehension", "sd", [4, 5, 6]),
        ("teks prosedur", "procedure texts", "smp", [7]),
        ("puisi rakyat", "folk poetry", "smp", [7, 8]),
        ("teks eksposisi", "expository texts", "sma", [10]),
        ("teks negosiasi", "negotiation texts", "smk", [10, 11]),
    ],
    "ipas": [
        ("siklus air", "the water cycle", "sd", [5]),
        ("bagian tubuh tumbuhan", "parts of a plant", "sd", [4]),
        ("keragaman budaya daerahku", "the cultural diversity of my region", "sd", [4, 5]),
        ("sistem tata surya", "the solar system", "sd", [6]),
    ],
    "ipa": [
        ("klasifikasi makhluk hidup", "classifying living things", "smp", [7]),
        ("gaya dan gerak", "forces and motion", "smp", [8]),
        ("sistem pencernaan manusia", "the human digestive system", "smp", [8]),
        ("listrik statis", "static electricity", "smp", [9]),
    ],
    "ips": [
        ("kegiatan ekonomi masyarakat pesisir", "economic life in coastal communities", "smp", [8]),
        ("interaksi sosial", "social interaction", "smp", [7]),
        ("peta dan letak geografis Indonesia", "maps and Indonesia's geographical position", "smp", [7, 8]),
    ],
    "bahasa-inggris": [
        ("greetings and introductions", "greetings and introductions", "sd", [3, 4]),
        ("descriptive text", "descriptive texts", "smp", [7, 8]),
        ("recount text", "recount texts", "smp", [8, 9]),
        ("procedure text", "procedure texts", "sma", [10]),
        ("job application letter", "job application letters", "smk", [11, 12]),
    ],
    "pendidikan-pancasila": [
        ("gotong royong di sekolah", "working together at school", "sd", [2, 3]),
        ("keberagaman di lingkunganku", "diversity around me", "sd", [4, 5]),
        ("norma dalam kehidupan bermasyarakat", "norms in community life", "smp", [7]),
    ],
    "pendidikan-agama": [
        ("nilai kejujuran", "the value of honesty", "sd", [3, 4]),
        ("menghargai perbedaan", "respecting differences", "smp", [7, 8]),
    ],
    "seni-budaya": [
        ("tari daerah", "regional dance", "sd", [4, 5]),
        ("lagu daerah", "regional songs", "sd", [2, 3]),
        ("menggambar ilustrasi", "drawing illustrations", "smp", [8]),
    ],
    "pjok": [
        ("permainan bola kecil", "small ball games", "sd", [3, 4]),
        ("kebugaran jasmani", "physical fitness", "smp", [7, 8, 9]),
    ],
    "informatika": [
        ("berpikir komputasional", "computational thinking", "smp", [7]),
        ("algoritma dan pemrograman", "algorithms and programming", "sma", [10]),
        ("literasi digital", "digital literacy", "smk", [10]),
    ],
    "prakarya": [
        ("kerajinan bambu", "bamboo crafts", "smp", [7, 8]),
        ("pengolahan pangan lokal", "processing local food", "smp", [8, 9]),
        ("kewirausahaan", "entrepreneurship", "smk", [11, 12]),
    ],
    "bahasa-daerah": [
        ("aksara Jawa", "Javanese script", "sd", [4, 5]),
        ("dongeng Sunda", "Sundanese folk tales", "sd", [3]),
        ("satua Bali", "Balinese folk stories", "sd", [4]),
    ],
    "fisika": [
        ("hukum Newton tentang gerak", "Newton's laws of motion", "sma", [10, 11]),
        ("energi terbarukan", "renewable energy", "sma", [10]),
    ],
    "kimia": [
        ("stoikiometri sederhana", "simple stoichiometry", "sma", [10, 11]),
        ("larutan asam dan basa", "acid and base solutions", "sma", [11]),
    ],
    "biologi": [
        ("ekosistem mangrove", "mangrove ecosystems", "sma", [10]),
        ("sel hewan dan tumbuhan", "animal and plant cells", "sma", [11]),
    ],
    "sejarah": [
        ("kerajaan Hindu-Buddha di Nusantara", "Hindu-Buddhist kingdoms of the archipelago", "sma", [10]),
        ("proklamasi kemerdekaan", "the proclamation of independence", "sma", [11]),
    ],
    "geografi": [
        ("mitigasi bencana gempa dan tsunami", "earthquake and tsunami preparedness", "sma", [11, 12]),
    ],
    "ekonomi": [("kebutuhan manusia dan kelangkaan", "human needs and scarcity", "sma", [10])],
    "sosiologi": [("keberagaman sosial di sekitar kita", "social diversity around us", "sma", [10, 11])],
    "_paud": [
        ("mengenal huruf lewat bermain", "learning letters through play", "paud", []),
        ("mengenal angka dengan benda di sekitar", "learning numbers with everyday objects", "paud", []),
        ("bermain peran di sentra", "role play in the learning centres", "paud", []),
    ],
}  # fmt: skip

GIVEN = [
    "Ratna", "Dewi", "Siti", "Yusuf", "Ahmad", "Rizky", "Nur", "Wahyu", "Sri", "Endang",
    "Agus", "Bambang", "Hendra", "Maria", "Yohanis", "Daniel", "Fitri", "Rina", "Andi",
    "Muhammad", "Fajar", "Indah", "Retno", "Budi", "Eko", "Dian", "Nurul", "Rahmat",
    "Hasan", "Yuliana", "Theresia", "Fransiska", "Yosef", "Marthen", "Lina", "Asep", "Cucu",
    "Iwan", "Teguh", "Novi", "Ayu", "Rudi", "Yanti", "Sulastri", "Marlina", "Irfan",
]  # fmt: skip
FAMILY = [
    "Sari", "Lestari", "Wijaya", "Saputra", "Hidayat", "Nasution", "Siregar", "Harahap",
    "Simanjuntak", "Pratama", "Kurniawan", "Wulandari", "Rahmawati", "Rumbiak", "Wenda",
    "Kareth", "Manurung", "Lubis", "Tanjung", "Setiawan", "Susanti", "Handayani",
    "Permatasari", "Nugroho", "Santoso", "Utomo", "Maulana", "Supriadi", "Hutapea",
    "Pattiasina", "Latuconsina", "Mandagi", "Sembiring", "Ginting", "Syahputra",
]  # fmt: skip
BALINESE = [("I Made", "Ni Made"), ("I Ketut", "Ni Ketut"), ("I Wayan", "Ni Wayan"), ("I Komang", "Ni Luh Putu")]  # fmt: skip

SCHOOLS = {
    "sd": ["SD Negeri {n} {town}", "SD Inpres {town}", "MI Muhammadiyah {n} {town}", "SD Katolik Santo Yosef {town}", "SD Islam Terpadu Al Hikmah {town}"],
    "smp": ["SMP Negeri {n} {town}", "MTs Negeri {n} {town}", "SMP Kristen {town}"],
    "sma": ["SMA Negeri {n} {town}", "MA Negeri {n} {town}", "SMA Katolik {town}"],
    "smk": ["SMK Negeri {n} {town}", "SMK Muhammadiyah {n} {town}"],
    "paud": ["TK Negeri Pembina {town}", "KB Tunas Harapan {town}", "TK Pertiwi {town}", "RA Al Falah {town}"],
    "slb": ["SLB Negeri {n} {town}", "SLB Bina Insani {town}"],
}  # fmt: skip
STREETS = ["Jl. Merdeka", "Jl. Pahlawan", "Jl. Jenderal Sudirman", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Ahmad Yani", "Jl. Pendidikan", "Jl. Sisingamangaraja"]  # fmt: skip

DAYS = [("Senin", "Monday"), ("Selasa", "Tuesday"), ("Rabu", "Wednesday"), ("Kamis", "Thursday"), ("Jumat", "Friday"), ("Sabtu", "Saturday")]  # fmt: skip
ORDINALS = [("pertama", "first"), ("kedua", "second"), ("ketiga", "third"), ("terakhir", "last")]
MONTHS = [
    ("Januari", "January"), ("Februari", "February"), ("Maret", "March"), ("April", "April"),
    ("Mei", "May"), ("Juni", "June"), ("Juli", "July"), ("Agustus", "August"),
    ("September", "September"), ("Oktober", "October"), ("November", "November"),
    ("Desember", "December"),
]  # fmt: skip

# --- communities --------------------------------------------------------------------------

# (template, English, kind): kind says which communities it fits.
COMMUNITY_NAMES = [
    ("Komunitas Belajar Guru {level} {town}", "{town} {level_en} Teachers' Learning Community", "any"),
    ("Komunitas Praktisi Guru {Subject} {level} {town}", "{town} {level_en} {Subject_en} Teachers' Community of Practice", "subject"),
    ("KKG Gugus {n} {town}", "Cluster {n} Teachers' Working Group (KKG), {town}", "sd"),
    ("KKG Kelas Awal Gugus {n} {town}", "Cluster {n} Early Grades Teachers' Working Group, {town}", "sd"),
    ("MGMP {Subject} {level} {town}", "{town} {level_en} {Subject_en} Teachers' Forum (MGMP)", "subject"),
    ("Komunitas Praktisi Guru {school}", "{school} Teachers' Community of Practice", "school"),
    ("Komunitas Belajar {school}", "{school} Learning Community", "school"),
    ("Kombel {Topic} {town}", "{town} {Topic_en} Learning Community", "any"),
    ("Komunitas Guru Penggerak {town}", "{town} Guru Penggerak Community", "any"),
    ("Komunitas Kepala Sekolah {level} {town}", "{town} {level_en} Principals' Community", "leaders"),
    ("IGTKI {town}: Komunitas Praktisi PAUD", "{town} Early Childhood Teachers' Community of Practice (IGTKI)", "paud"),
]  # fmt: skip

GOALS = [
    ("Mewujudkan merdeka belajar di setiap kelas {level} {town}", "Making merdeka belajar real in every {level_en_lower} classroom in {town}"),
    ("Memperkuat {topic} di kelas-kelas {level}", "Strengthening {topic_en} in {level_en_lower} classrooms"),
    ("Membiasakan {strategy} di sekolah kami", "Making {strategy_en} a habit in our schools"),
    ("Agar setiap murid belajar sesuai kesiapannya", "Helping every pupil learn at their own level of readiness"),
    ("Belajar bersama menjadi guru {subject} yang lebih baik", "Learning together to teach {subject_en} better"),
]  # fmt: skip

SUMMARIES = [
    ("Guru {subject} {level} dari {k} sekolah di {town} bertemu {freq} untuk berbagi praktik {topic} dan menyepakati satu aksi nyata.", "{Subject_sentence_en} teachers from {k} {level_en_lower} schools in {town} meet {freq_en} to share {topic_en} practice and agree on one concrete action."),
    ("Kami guru-guru {level} di {town} yang ingin belajar bersama tentang {topic}. Setiap pertemuan dimulai dari satu masalah nyata di kelas.", "We are {level_en_lower} teachers in {town} who want to learn together about {topic_en}. Every meeting starts from one real classroom problem."),
    ("Komunitas ini mempertemukan guru, kepala sekolah dan pengawas di {town} untuk mencoba {strategy} dan merefleksikan hasilnya bersama.", "This community brings together teachers, principals and supervisors in {town} to try {strategy_en} and reflect on the results together."),
    ("Berbagi, mencoba, mengukur, merefleksikan: guru {level} {town} belajar {topic} dari praktik mengajar mereka sendiri.", "Share, try, measure, reflect: {level_en_lower} teachers in {town} learn about {topic_en} from their own teaching."),
]  # fmt: skip

DOMAINS = [
    ("Di kelas kami, {problem}. Tahun ini kami fokus pada {topic} dan mencoba {strategy}.", "In our classes, {problem_en}. This year we focus on {topic_en} and are trying {strategy_en}."),
    ("Kami melihat bahwa {problem}. Karena itu kami belajar bersama tentang {topic}, mengamati kelas satu sama lain, dan mendokumentasikan apa yang berhasil.", "We noticed that {problem_en}. So we are learning together about {topic_en}, observing each other's classes and documenting what works."),
]  # fmt: skip

FREQUENCIES = [
    ("sebulan sekali", "once a month", "Sebulan sekali, {day} minggu {ordinal}", "Once a month, {ordinal_en} {day_en}"),
    ("dua minggu sekali", "every two weeks", "Dua minggu sekali, {day}", "Every two weeks, {day_en}"),
    ("setiap minggu", "every week", "Setiap {day}", "Every {day_en}"),
]  # fmt: skip

PLACES = [
    ("Ruang guru {school}", "{school} staff room", "face_to_face"),
    ("Perpustakaan {school}", "{school} library", "face_to_face"),
    ("Bergiliran di sekolah anggota", "Taking turns at members' schools", "face_to_face"),
    ("Aula {school} atau rapat daring", "{school} hall or online meeting", "blended"),
    ("Rapat daring (tautan dibagikan di grup WhatsApp)", "Online meeting (link shared in the WhatsApp group)", "online"),
]  # fmt: skip

JOIN = [
    ("Terbuka untuk semua guru {level} di {town}. Datang saja ke pertemuan berikutnya.", "Open to all {level_en_lower} teachers in {town}. Just come to the next meeting."),
    ("Hubungi koordinator melalui WhatsApp dengan nama dan sekolah Anda.", "Send the coordinator a WhatsApp message with your name and school."),
    ("Guru dapat bergabung melalui kepala sekolah masing-masing.", "Teachers can join through their principal."),
    ("Isi formulir pendaftaran yang dibagikan koordinator, lalu ikuti satu pertemuan sebagai tamu.", "Fill in the form the coordinator shares, then attend one meeting as a guest."),
]  # fmt: skip

NORMS = [
    ("Saling menghargai pendapat setiap anggota.", "Respect every member's opinion."),
    ("Berbagi praktik, termasuk yang belum berhasil.", "Share practice, including what has not worked yet."),
    ("Hadir tepat waktu dan mengabari jika berhalangan.", "Arrive on time and let us know if you cannot come."),
    ("Setiap pertemuan ditutup dengan satu aksi nyata yang terukur.", "Every meeting ends with one concrete, measurable action."),
    ("Data hasil belajar murid dibagikan tanpa menyebut nama murid.", "Pupils' learning data is shared without their names."),
    ("Tuan rumah bergiliran menyiapkan satu contoh praktik.", "The host takes a turn to prepare one example of practice."),
    ("Kamera boleh mati, tetapi ikut berbicara.", "Cameras may be off, but do speak up."),
    ("Bahan yang dibagikan boleh dipakai ulang oleh anggota lain.", "Materials shared here may be reused by other members."),
    ("Cerita tentang murid selalu menjaga privasi murid dan keluarganya.", "Stories about pupils always protect the privacy of the pupil and their family."),
]  # fmt: skip

DOCUMENTATION = [
    ("Setiap pertemuan kami catat dalam notulen singkat: masalah yang dibahas, aksi nyata yang disepakati, dan hasilnya pada pertemuan berikutnya.", "We keep short minutes of every meeting: the problem discussed, the action agreed and its results at the next meeting."),
    ("Kami menyimpan lembar kerja dan modul ajar yang sudah diuji di kelas agar bisa dipakai guru lain.", "We keep the worksheets and teaching modules we have tested in class so that other teachers can use them."),
    ("Foto kegiatan hanya kami bagikan dengan izin orang tua murid.", "We only share photos of our activities with the permission of pupils' parents."),
]  # fmt: skip

# --- meetings -----------------------------------------------------------------------------

MEETING_TITLES = {
    "share_problem": [
        ("Berbagi masalah: {problem}", "Sharing a problem: {problem_en}"),
        ("Diskusi kasus {grade_id}: {problem}", "Case discussion, {grade_en}: {problem_en}"),
    ],
    "formulate_action": [
        ("Merancang aksi nyata tentang {topic}", "Planning a concrete action on {topic_en}"),
        ("Menyusun rencana {strategy}", "Planning {strategy_en}"),
    ],
    "share_practice": [
        ("Berbagi praktik baik: {strategy}", "Sharing good practice: {strategy_en}"),
        ("Praktik baik {subject} {grade_id}", "Good practice in {grade_en} {subject_en}"),
        ("Lokakarya {topic}", "Workshop on {topic_en}"),
    ],
    "reflect": [
        ("Refleksi aksi nyata: {strategy}", "Reflecting on our action: {strategy_en}"),
        ("Refleksi bulan {month}", "{month_en} reflection"),
    ],
    "document": [
        ("Mendokumentasikan praktik {topic}", "Documenting our {topic_en} practice"),
        ("Menulis artikel praktik baik bersama", "Writing a good-practice article together"),
    ],
}  # fmt: skip

AGENDA_OPENING = [
    ("Pembukaan dan cek kabar (10 menit)", "Opening and check-in (10 minutes)"),
    ("Pembukaan dan kesepakatan waktu", "Opening and agreeing on timings"),
]
AGENDA_MIDDLE = {
    "share_problem": [("Berbagi satu masalah kelas: {problem}", "Sharing one classroom problem: {problem_en}"), ("Mencari akar masalah bersama dengan diagram tulang ikan", "Finding the root cause together with a fishbone diagram")],
    "formulate_action": [("Memilih satu strategi: {strategy}", "Choosing one strategy: {strategy_en}"), ("Menentukan indikator keberhasilan yang terukur", "Deciding on a measurable indicator of success")],
    "share_practice": [("Praktik baik dari {name}: {strategy}", "Good practice from {name}: {strategy_en}"), ("Tanya jawab dan mencoba di kelompok kecil", "Questions and trying it out in small groups")],
    "reflect": [("Refleksi aksi nyata bulan lalu: apa yang berhasil, apa yang belum", "Reflection on last month's action: what worked and what did not yet"), ("Membandingkan data sebelum dan sesudah", "Comparing the data before and after")],
    "document": [("Menyusun praktik baik dengan alur masalah, aksi, hasil, refleksi", "Writing up good practice as problem, action, result, reflection"), ("Memilih foto dan dokumen yang boleh dibagikan", "Choosing the photos and documents that may be shared")],
}  # fmt: skip
AGENDA_CLOSING = [
    (
        "Menyepakati aksi nyata untuk pertemuan berikutnya",
        "Agreeing on an action for the next meeting",
    ),
    ("Penutup dan refleksi singkat", "Closing and a short reflection"),
]

MEETING_SUMMARIES = [
    ("{n} guru hadir. Kami membahas mengapa {problem} dan sepakat mencoba {strategy} selama empat minggu.", "{n} teachers attended. We discussed why {problem_en} and agreed to try {strategy_en} for four weeks."),
    ("{name} berbagi pengalaman menerapkan {strategy}. Anggota mencatat tiga hal yang akan dicoba di kelas masing-masing.", "{name} shared their experience of {strategy_en}. Members noted three things to try in their own classes."),
    ("Hasil aksi nyata bulan lalu: {indicator} naik {from_to}. Kami sepakat melanjutkan dan mengajak sekolah lain.", "Results of last month's action: {indicator_en} rose {from_to_en}. We agreed to carry on and invite other schools."),
]  # fmt: skip

ACTIONS = [
    ("Mencoba {strategy} di satu kelas", "Try {strategy_en} in one class", "{Indicator} naik minimal {gain}", "{Indicator_en} up by at least {gain_en}"),
    ("Menyusun {strategy} untuk bab berikutnya", "Prepare {strategy_en} for the next unit", "Dipakai di semua kelas paralel", "Used in all parallel classes"),
    ("Mengamati kelas rekan dan mencatat respons murid", "Observe a colleague's class and note pupils' responses", "Satu catatan observasi per anggota", "One observation note per member"),
]  # fmt: skip

# --- practice articles --------------------------------------------------------------------

ARTICLE_TITLES = [
    ("{Strategy}: dari {before}{unit_short} menjadi {after}{unit_short} {indicator}", "{Strategy_en}: from {before}{unit_short_en} to {after}{unit_short_en} {indicator_en}"),
    ("Belajar {material} lewat {strategy} di {grade_id}", "Learning {material_en} through {strategy_en} in {grade_en}"),
    ("Ketika {problem}: pengalaman guru {subject} {school}", "When {problem_en}: the experience of {subject_en} teachers at {school}"),
    ("Refleksi kami menerapkan {strategy}", "Our reflection on {strategy_en}"),
    ("Satu semester {strategy} di {school}", "One semester of {strategy_en} at {school}"),
    ("Mengajar {material} dengan {strategy}", "Teaching {material_en} with {strategy_en}"),
]  # fmt: skip

ARTICLE_SUMMARIES = [
    ("Selama satu semester, guru {subject} {school} mencoba {strategy}. {Indicator} naik {from_to}.", "For one semester, the {subject_en} teachers at {school} tried {strategy_en}. {Indicator_en} rose {from_to_en}."),
    ("Berawal dari masalah {problem}, anggota komunitas merancang aksi nyata berupa {strategy} dan mengukur hasilnya bersama.", "Starting from the problem that {problem_en}, community members planned a concrete action, {strategy_en}, and measured the results together."),
    ("Catatan praktik baik tentang {topic}: apa yang kami coba, apa yang berhasil, dan apa yang masih perlu diperbaiki.", "Notes on good practice in {topic_en}: what we tried, what worked and what still needs work."),
]  # fmt: skip

PROBLEM_TEXTS = [
    ("Pada awal semester kami melihat bahwa {problem}. Saat kami periksa hasilnya, {indicator} baru {before_u}.", "At the start of the semester we saw that {problem_en}. When we checked, {indicator_en} stood at only {before_u_en}."),
    ("Kami mengajar semua murid dengan cara yang sama, padahal {problem}.", "We taught every pupil the same way, although {problem_en}."),
]  # fmt: skip
ACTION_TEXTS = [
    ("Di pertemuan komunitas kami menyepakati satu aksi nyata: {strategy}. Setiap dua minggu kami saling mengamati kelas dan membahasnya di ruang guru.", "At the community's meeting we agreed on one concrete action: {strategy_en}. Every two weeks we observed each other's classes and discussed them in the staff room."),
    ("Kami mencoba {strategy} pada materi {material}. Kepala sekolah dan pengawas ikut mengamati dan memberi umpan balik.", "We tried {strategy_en} with the topic of {material_en}. The principal and the supervisor observed and gave feedback."),
]  # fmt: skip
REFLECTION_TEXTS = [
    ("Murid lebih berani mencoba ketika tugasnya sesuai kesiapan mereka. Yang masih sulit adalah membagi waktu di kelas besar.", "Pupils were more willing to try when the task matched their readiness. What is still hard is managing time in large classes."),
    ("Perubahan kecil yang dilakukan bersama ternyata lebih bertahan daripada program besar yang dikerjakan sendiri.", "Small changes made together lasted longer than big programmes carried out alone."),
    ("Kami belajar bahwa mengukur sebelum dan sesudah membuat diskusi di komunitas lebih jujur dan fokus.", "We learned that measuring before and after made our community's discussions more honest and focused."),
]  # fmt: skip
NEXT_STEPS = [
    ("Semester depan kami akan mengajak guru kelas paralel untuk mencobanya.", "Next semester we will invite the teachers of parallel classes to try it."),
    ("Kami akan menulis modul ajar yang bisa dipakai sekolah lain.", "We will write a teaching module that other schools can use."),
]  # fmt: skip
QUOTES = [
    ("Kami tidak mencari guru yang sempurna. Kami mencari guru yang mau mencoba, mencatat, dan berbagi.", "We are not looking for perfect teachers. We are looking for teachers willing to try, take notes and share."),
    ("Dulu saya merasa sendirian menghadapi murid yang tertinggal. Di komunitas, kami mencari jalan keluar bersama.", "I used to feel alone with pupils who were falling behind. In our community we look for a way forward together."),
    ("Murid saya sekarang menunggu-nunggu pojok baca dibuka setiap pagi.", "My pupils now look forward to the reading corner opening every morning."),
]  # fmt: skip
IMAGE_ALTS = [
    ("Murid bekerja dalam kelompok kecil di kelas", "Pupils working in small groups in class"),
    ("Guru mendampingi murid membaca di pojok baca", "A teacher helping pupils read in the reading corner"),
    ("Anggota komunitas berdiskusi di ruang guru", "Community members talking in the staff room"),
    ("Hasil karya murid dipajang di dinding kelas", "Pupils' work displayed on the classroom wall"),
]  # fmt: skip

# --- learning resources -------------------------------------------------------------------

# resource type -> (title prefix, English prefix, weight, content kind)
RESOURCE_TYPES = {
    "teaching_module": ("Modul Ajar", "Teaching Module", 30, "document"),
    "worksheet": ("LKPD", "Student Worksheet", 22, "document"),
    "assessment": ("Asesmen Formatif", "Formative Assessment", 14, "document"),
    "video": ("Video Pembelajaran", "Learning Video", 10, "video"),
    "presentation": ("Presentasi", "Presentation", 8, "document"),
    "article": ("Artikel", "Article", 6, "link"),
    "guide": ("Panduan Guru", "Teacher's Guide", 6, "document"),
    "book": ("Buku Cerita", "Storybook", 4, "document"),
}
RESOURCE_SUMMARIES = [
    ("{Type} {material} untuk {grade_id}, lengkap dengan langkah pembelajaran dan asesmen formatif.", "A {type_en_lower} on {material_en} for {grade_en}, with lesson steps and formative assessment."),
    ("Dibuat dan diuji di kelas oleh {author}. Siap dipakai dan boleh disesuaikan dengan kebutuhan murid.", "Made and tried in class by {author}. Ready to use and may be adapted to pupils' needs."),
    ("Bahan ajar {subject} tentang {material} yang sudah ditinjau editor dinas pendidikan.", "{Subject_sentence_en} teaching material on {material_en}, reviewed by district education editors."),
]  # fmt: skip
RESOURCE_DESCRIPTIONS = [
    ("Sumber belajar ini membantu guru mengajarkan {material} dengan {strategy}.", "This resource helps teachers teach {material_en} with {strategy_en}."),
    ("Setiap kegiatan dimulai dari pengalaman murid sehari-hari dan diakhiri dengan refleksi singkat.", "Each activity starts from pupils' daily experience and ends with a short reflection."),
    ("Guru dapat memilih kegiatan sesuai kesiapan murid: ada versi dasar, menengah, dan pengayaan.", "Teachers can choose activities by pupils' readiness: there are basic, intermediate and enrichment versions."),
]  # fmt: skip
OBJECTIVE_VERBS = [
    ("menjelaskan", "explain"),
    ("mengidentifikasi contoh", "identify examples of"),
    ("menerapkan konsep", "apply the idea of"),
    ("menyajikan hasil pengamatan tentang", "present observations about"),
    ("membandingkan dan mengelompokkan", "compare and group"),
]
VIDEOS = [
    "https://www.youtube.com/watch?v=5MgBikgcWnY",
    "https://www.youtube.com/watch?v=HAnw168huqA",
    "https://www.youtube.com/watch?v=kJQP7kiw5Fk",
    "https://vimeo.com/76979871",
]
LICENCES = [("cc-by", 30), ("cc-by-sa", 30), ("cc-by-nc", 15), ("cc-by-nc-sa", 10), ("cc0", 5), ("all-rights-reserved", 10)]  # fmt: skip
