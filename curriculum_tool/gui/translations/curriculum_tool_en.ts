<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddPrerequisiteDialog</name>
    <message>
        <location filename="../graph/dialogs.py" line="42"/>
        <source>Tambah prasyarat</source>
        <translation>Add prerequisite</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="49"/>
        <source>wajib — harus selesai lebih dulu</source>
        <translation>required — must be completed first</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="50"/>
        <source>anjuran — sebaiknya lebih dulu</source>
        <translation>recommended — best taken first</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="56"/>
        <source>&amp;Modul:</source>
        <translation>&amp;Module:</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="57"/>
        <source>M&amp;emerlukan:</source>
        <translation>&amp;Requires:</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="58"/>
        <source>&amp;Jenis:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="62"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="63"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="68"/>
        <source>Modul memerlukan prasyaratnya: “PB-201 memerlukan PB-101” berarti PB-101 diambil sebelum PB-201.</source>
        <translation>A module requires its prerequisites: “PB-201 requires PB-101” means PB-101 is taken before PB-201.</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="118"/>
        <source>“{text}” bukan kode modul di katalog.</source>
        <translation>“{text}” is not a module code in the catalog.</translation>
    </message>
</context>
<context>
    <name>AgencyPanel</name>
    <message>
        <location filename="../paths/agency_panel.py" line="62"/>
        <source>Semua peserta</source>
        <translation>All learners</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="63"/>
        <source>Buat jalur untuk semua peserta…</source>
        <translation>Create paths for all learners…</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="66"/>
        <source>Hitung jalur setiap peserta dengan pengaturan di kanan, tulis ke CSV/XLSX/JSONL dan simpan sebagai jalur terkini</source>
        <translation>Compute each learner&apos;s path with the settings on the right, write the paths to CSV/XLSX/JSONL and save them as current paths</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="72"/>
        <source>Ringkasan instansi…</source>
        <translation>Agency summary…</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="74"/>
        <source>Ringkasan XLSX dari jalur yang tersimpan: per pegawai, per modul, per wilayah</source>
        <translation>XLSX summary of the saved paths: by employee, by module, by region</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="80"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="82"/>
        <source>Hentikan; tidak ada berkas yang ditulis dan tidak ada jalur yang disimpan</source>
        <translation>Stop; no file is written and no path is saved</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="86"/>
        <source>Tampilkan NIP dan nama dalam berkas ekspor</source>
        <translation>Show NIP and names in exported files</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="88"/>
        <source>Tanpa centang, berkas ekspor memakai samaran (ANON-…) dan inisial</source>
        <translation>When unchecked, exported files use pseudonyms (ANON-…) and initials</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="106"/>
        <location filename="../paths/agency_panel.py" line="126"/>
        <source>Ringkasan instansi</source>
        <translation>Agency summary</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="108"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="127"/>
        <source>Ringkasan %1 peserta ditulis ke %2.</source>
        <translation>Summary of %1 learners written to %2.</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="134"/>
        <source>Ringkasan tidak ditulis</source>
        <translation>Summary not written</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="137"/>
        <source>Menulis ringkasan instansi…</source>
        <translation>Writing agency summary…</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="149"/>
        <location filename="../paths/agency_panel.py" line="161"/>
        <location filename="../paths/agency_panel.py" line="192"/>
        <location filename="../paths/agency_panel.py" line="266"/>
        <source>Jalur semua peserta</source>
        <translation>Paths for all learners</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="151"/>
        <source>CSV (*.csv);;Excel (*.xlsx);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="192"/>
        <source>Dibatalkan; tidak ada yang ditulis.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="194"/>
        <source>Dibatalkan; tidak ada yang ditulis</source>
        <translation>Cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="200"/>
        <source>Jalur semua peserta tidak dibuat</source>
        <translation>Paths for all learners not created</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="207"/>
        <source>Memuat model…</source>
        <translation>Loading model…</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="211"/>
        <source>Membuat jalur untuk semua peserta…</source>
        <translation>Creating paths for all learners…</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="223"/>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="237"/>
        <source>%p% · %1 dari %2 peserta</source>
        <translation>%p% · %1 of %2 learners</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="253"/>
        <source> NIP peserta disamarkan (ANON-…) dalam berkas.</source>
        <translation> Learner NIPs are masked (ANON-…) in the file.</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="257"/>
        <source>%1 jalur (%2 langkah) ditulis ke %3 dan disimpan sebagai jalur terkini setiap peserta; %4 peserta di bawah minimum JP.</source>
        <translation>%1 paths (%2 steps) written to %3 and saved as each learner&apos;s current path; %4 learners below the minimum JP.</translation>
    </message>
    <message>
        <location filename="../paths/agency_panel.py" line="268"/>
        <source>Jalur %1 peserta ditulis</source>
        <translation>Paths of %1 learners written</translation>
    </message>
</context>
<context>
    <name>ApprovalPanel</name>
    <message>
        <location filename="../paths/approval_panel.py" line="45"/>
        <source>Setujui jalur</source>
        <extracomment>After an approval, with a short message for the status bar. An approval refused: title and text of the message to show. The learner&apos;s stored path as last read, with its approval; None when none.</extracomment>
        <translation>Approve path</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="66"/>
        <source>Belum ada jalur tersimpan</source>
        <translation>No saved path yet</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="67"/>
        <source>Simpan jalur dulu; hanya jalur tersimpan yang dapat disetujui.</source>
        <translation>Save the path first; only a saved path can be approved.</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="75"/>
        <source>Jalur tersimpan: Disetujui oleh {by} pada {at}</source>
        <translation>Saved path: approved by {by} on {at}</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="78"/>
        <source>Jalur tersimpan sudah disetujui.</source>
        <translation>The saved path is already approved.</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="81"/>
        <source>Jalur tersimpan: Diusulkan</source>
        <translation>Saved path: proposed</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="86"/>
        <source>Setujui jalur tersimpan peserta ini (atasan langsung, pengelola pelatihan wilayahnya, atau admin).</source>
        <translation>Approve this learner&apos;s saved path (direct supervisor, a training officer of their region, or an admin).</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="109"/>
        <source>Jalur tidak disetujui</source>
        <translation>Path not approved</translation>
    </message>
    <message>
        <location filename="../paths/approval_panel.py" line="112"/>
        <source>Jalur tersimpan peserta ini disetujui.</source>
        <translation>This learner&apos;s saved path is approved.</translation>
    </message>
</context>
<context>
    <name>CalibrationChart</name>
    <message>
        <location filename="../calibration_chart.py" line="81"/>
        <source>Peluang prediksi (rata-rata bin)</source>
        <translation>Predicted probability (bin mean)</translation>
    </message>
    <message>
        <location filename="../calibration_chart.py" line="82"/>
        <source>Tingkat teramati</source>
        <translation>Observed rate</translation>
    </message>
    <message>
        <location filename="../calibration_chart.py" line="83"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../calibration_chart.py" line="84"/>
        <source>Kalibrasi sempurna</source>
        <translation>Perfect calibration</translation>
    </message>
    <message>
        <location filename="../calibration_chart.py" line="85"/>
        <source>Belum ada data kalibrasi</source>
        <translation>No calibration data yet</translation>
    </message>
    <message>
        <location filename="../calibration_chart.py" line="92"/>
        <source>Bin %1: prediksi %2, teramati %3 (%4 baris)</source>
        <translation>Bin %1: predicted %2, observed %3 (%4 rows)</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../catalog_tab.py" line="448"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="449"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="450"/>
        <source>Bahaya</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="451"/>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="452"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="468"/>
        <source>Modul</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="469"/>
        <source>Kompetensi</source>
        <translation>Competencies</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="480"/>
        <source>Perubahan disimpan (Ctrl+Z untuk membatalkan)</source>
        <translation>Changes saved (Ctrl+Z to undo)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../catalog_tab.py" line="66"/>
        <location filename="../catalog_tab.py" line="81"/>
        <location filename="../catalog_tab.py" line="92"/>
        <source>Kode</source>
        <extracomment>Indonesian column labels, per kind.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="67"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="68"/>
        <source>JP</source>
        <translation>JP</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="69"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="70"/>
        <location filename="../catalog_tab.py" line="102"/>
        <location filename="../catalog_tab.py" line="109"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="71"/>
        <location filename="../catalog_tab.py" line="101"/>
        <location filename="../catalog_tab.py" line="108"/>
        <location filename="../catalog_tab.py" line="118"/>
        <source>Kompetensi</source>
        <translation>Competencies</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="72"/>
        <source>Bahaya</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="73"/>
        <source>Konektivitas min.</source>
        <translation>Min. connectivity</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="74"/>
        <source>Literasi digital min.</source>
        <translation>Min. digital literacy</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="75"/>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="76"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="77"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="78"/>
        <source>Sasaran</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="82"/>
        <location filename="../catalog_tab.py" line="93"/>
        <location filename="../catalog_tab.py" line="114"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="83"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="84"/>
        <source>Deskripsi</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="87"/>
        <location filename="../catalog_tab.py" line="126"/>
        <location filename="../catalog_tab.py" line="131"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="88"/>
        <source>Memerlukan</source>
        <translation>Requires</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="89"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="94"/>
        <source>Induk</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="95"/>
        <source>Indeks bahaya</source>
        <translation>Hazard indices</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="96"/>
        <source>Konektivitas</source>
        <translation>Connectivity</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="97"/>
        <source>3T</source>
        <translation>3T</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="100"/>
        <location filename="../catalog_tab.py" line="116"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="103"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="106"/>
        <location filename="../catalog_tab.py" line="115"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="107"/>
        <source>Nama jabatan</source>
        <translation>Position title</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="110"/>
        <source>Jenjang</source>
        <translation>Grade (jenjang)</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="113"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="117"/>
        <source>Literasi digital</source>
        <translation>Digital literacy</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="119"/>
        <source>Modul selesai</source>
        <translation>Completed modules</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="120"/>
        <source>Status kepegawaian</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="121"/>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="122"/>
        <source>Atasan langsung</source>
        <translation>Direct supervisor</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="125"/>
        <source>Wajib bagi</source>
        <translation>Compulsory for</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="127"/>
        <source>Dasar hukum</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="130"/>
        <source>Peserta</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="132"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="133"/>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="134"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="135"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="136"/>
        <source>L3</source>
        <translation>L3</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="137"/>
        <source>L4</source>
        <translation>L4</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="141"/>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../release_dialog.py" line="98"/>
        <source>Bandingkan rilis katalog</source>
        <translation>Compare catalog releases</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="103"/>
        <source>katalog saat ini</source>
        <translation>current catalog</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="109"/>
        <source>Perbedaan</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="109"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="115"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="117"/>
        <source>ke</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="125"/>
        <source>Jalur tersimpan yang akan berubah (ID disamarkan)</source>
        <translation>Stored paths that would change (ids masked)</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="138"/>
        <source>Belum ada rilis yang diterbitkan.</source>
        <translation>No release has been published yet.</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="147"/>
        <source>Tidak ada perbedaan: isi keduanya sama.</source>
        <translation>No differences: both have the same content.</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="150"/>
        <source>%1 baris berbeda; %2 jalur tersimpan akan berubah.</source>
        <translation>%1 rows differ; %2 stored paths would change.</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="167"/>
        <source>ditambah</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="168"/>
        <source>dihapus</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="170"/>
        <source>diubah</source>
        <translation>changed</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../conflict_dialog.py" line="237"/>
        <source>Data telah diubah orang lain</source>
        <extracomment>What the person chose (or that the write went through without asking). Columns the workspace keeps for itself: not &quot;what&quot; someone changed. The kind&apos;s column labels in the interface&apos;s language (the dialog names fields so).</extracomment>
        <translation>Someone else changed this record</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="247"/>
        <source>Pembatalan ini akan menimpa perubahan itu. Muat ulang untuk melihat data terbaru tanpa membatalkan, atau simpan versi Anda di atas perubahan itu.</source>
        <translation>This undo would overwrite that change. Reload to see the latest data without undoing, or keep your version on top of that change.</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="252"/>
        <source>Muat ulang untuk membuang perubahan Anda dan melihat data terbaru, atau simpan versi Anda di atas perubahan itu (kolom yang Anda ubah memakai isian Anda, kolom lain tetap seperti yang diubahnya).</source>
        <translation>Reload to discard your edit and see the latest data, or keep your version on top of that change (the fields you changed take your values; the others stay as they changed them).</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="260"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="261"/>
        <source>Simpan versi saya</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="262"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="289"/>
        <source>seseorang</source>
        <translation>someone</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="294"/>
        <source>Diubah oleh:</source>
        <translation>Changed by:</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="295"/>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="296"/>
        <source>Waktu:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="298"/>
        <source>data ini dihapus</source>
        <translation>this record was deleted</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="300"/>
        <source>data ini ditambahkan</source>
        <translation>this record was added</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="308"/>
        <source>isi daftarnya (mis. kompetensi atau bahaya)</source>
        <translation>its lists (e.g. competencies or hazards)</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="311"/>
        <source>Perubahan:</source>
        <translation>Changes:</translation>
    </message>
</context>
<context>
    <name>DeskJobs</name>
    <message>
        <location filename="../paths/jobs.py" line="72"/>
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <location filename="../paths/jobs.py" line="108"/>
        <source>Nama berkas harus berakhiran %1.</source>
        <translation>The file name must end in %1.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../graph/details_panel.py" line="38"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="55"/>
        <source>Pilih untuk menandai panahnya (lalu Delete untuk menghapus); klik ganda untuk membuka modulnya</source>
        <translation>Select to highlight its arrow (then Delete to remove it); double-click to open its module</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="67"/>
        <source>Prasyarat langsung:</source>
        <translation>Direct prerequisites:</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="70"/>
        <source>Dibutuhkan langsung oleh:</source>
        <translation>Directly required by:</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="86"/>
        <source>{n} modul dipilih.</source>
        <translation>{n} modules selected.</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="89"/>
        <source>Pilih modul untuk melihat rinciannya, prasyarat yang diperlukannya (jingga) dan modul yang dibukanya (hijau).</source>
        <translation>Select a module to see its details, the prerequisites it requires (orange) and the modules it unlocks (green).</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="102"/>
        <source>{module} memerlukan {requires}: {title} diambil lebih dulu.</source>
        <translation>{module} requires {requires}: {title} is taken first.</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="108"/>
        <source>Tekan Delete untuk menghapus prasyarat ini.</source>
        <translation>Press Delete to remove this prerequisite.</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="117"/>
        <source>JP</source>
        <translation>JP</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="118"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="119"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="120"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="121"/>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="122"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="123"/>
        <source>Kompetensi</source>
        <translation>Competencies</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="124"/>
        <source>Bahaya</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="126"/>
        <source>Memerlukan</source>
        <translation>Requires</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="127"/>
        <source>{n} modul (langsung dan tidak langsung)</source>
        <translation>{n} modules (direct and indirect)</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="131"/>
        <source>Membuka</source>
        <translation>Unlocks</translation>
    </message>
    <message>
        <location filename="../graph/details_panel.py" line="131"/>
        <source>{n} modul</source>
        <translation>{n} modules</translation>
    </message>
</context>
<context>
    <name>DriftChart</name>
    <message>
        <location filename="../drift_chart.py" line="45"/>
        <source>Rerata peluang prediksi</source>
        <translation>Mean predicted probability</translation>
    </message>
    <message>
        <location filename="../drift_chart.py" line="46"/>
        <source>Tingkat teramati</source>
        <translation>Observed rate</translation>
    </message>
    <message>
        <location filename="../drift_chart.py" line="47"/>
        <source>Bergeser</source>
        <translation>Drifted</translation>
    </message>
    <message>
        <location filename="../drift_chart.py" line="48"/>
        <source>Belum ada hasil pelatihan baru untuk dibandingkan</source>
        <translation>No new training outcomes to compare yet</translation>
    </message>
</context>
<context>
    <name>EdgeEditing</name>
    <message>
        <location filename="../graph/editing.py" line="80"/>
        <source>{edge} sudah ada.</source>
        <extracomment>title, text</extracomment>
        <translation>{edge} already exists.</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="89"/>
        <source>Prasyarat tidak dapat ditambahkan</source>
        <translation>The prerequisite cannot be added</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="92"/>
        <source>Tambah prasyarat {edge}</source>
        <translation>Add prerequisite {edge}</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="96"/>
        <source>Ubah jenis {edge} menjadi {kind}</source>
        <translation>Change the type of {edge} to {kind}</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="104"/>
        <source>{module} kini memerlukan {requires} ({kind}). Ctrl+Z untuk mengurungkan.</source>
        <translation>{module} now requires {requires} ({kind}). Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="121"/>
        <source>Hapus prasyarat {edge}</source>
        <translation>Delete prerequisite {edge}</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="126"/>
        <source>{module} tidak lagi memerlukan {requires}. Ctrl+Z untuk mengurungkan.</source>
        <translation>{module} no longer requires {requires}. Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="137"/>
        <source>Pilih dulu panah prasyarat (klik panahnya), lalu tekan Delete.</source>
        <translation>First select a prerequisite arrow (click it), then press Delete.</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="173"/>
        <source>Ditolak: {reason}. Tidak ada yang diubah.</source>
        <translation>Refused: {reason}. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="206"/>
        <source>Diurungkan: {text}</source>
        <translation>Undone: {text}</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="208"/>
        <source>Diulangi: {text}</source>
        <translation>Redone: {text}</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="213"/>
        <source>Ditolak: {module} tidak dapat memerlukan {requires} karena membentuk siklus prasyarat {cycle}. Tidak ada yang diubah.</source>
        <translation>Rejected: {module} cannot require {requires} because that would form the prerequisite cycle {cycle}. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../graph/editing.py" line="225"/>
        <source>Prasyarat baru berjenis {kind}.</source>
        <translation>New prerequisites are {kind}.</translation>
    </message>
</context>
<context>
    <name>EditRights</name>
    <message>
        <location filename="../graph/rights.py" line="69"/>
        <location filename="../graph/rights.py" line="106"/>
        <source>Hanya baca: {reason}</source>
        <translation>Read only: {reason}</translation>
    </message>
    <message>
        <location filename="../graph/rights.py" line="110"/>
        <source>Tidak dapat dihapus: {reason}</source>
        <translation>Cannot be deleted: {reason}</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <location filename="../evaluation_tab.py" line="108"/>
        <source>Corong Kirkpatrick</source>
        <translation>Kirkpatrick funnel</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="109"/>
        <source>Rencana vs realisasi</source>
        <translation>Planned vs actual</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="110"/>
        <source>Drift kalibrasi</source>
        <translation>Calibration drift</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="119"/>
        <source>per modul</source>
        <translation>by module</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="120"/>
        <source>per modalitas</source>
        <translation>by modality</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="121"/>
        <source>per wilayah (provinsi)</source>
        <translation>by region (province)</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="122"/>
        <source>per tahun rencana</source>
        <translation>by plan year</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="126"/>
        <source>Hanya tahun</source>
        <translation>Year only</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="132"/>
        <source>Kelompokkan</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="141"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="142"/>
        <location filename="../evaluation_tab.py" line="205"/>
        <location filename="../evaluation_tab.py" line="383"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="144"/>
        <source>Berjalan</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="145"/>
        <source>Rerata L1</source>
        <translation>Mean L1</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="146"/>
        <source>Rerata L2</source>
        <translation>Mean L2</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="167"/>
        <source>per unit kerja</source>
        <translation>by work unit</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="168"/>
        <source>per peserta</source>
        <translation>by learner</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="170"/>
        <source>Tampilkan NIP dan nama</source>
        <translation>Show NIP and names</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="173"/>
        <source>Tahun rencana</source>
        <translation>Plan year</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="195"/>
        <source>Ambang selisih</source>
        <translation>Gap threshold</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="204"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="206"/>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="207"/>
        <source>Rerata P</source>
        <translation>Mean P</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="208"/>
        <source>Teramati</source>
        <translation>Observed</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="209"/>
        <source>Selisih</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="210"/>
        <source>Bergeser</source>
        <translation>Drifted</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="325"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="383"/>
        <source>Peserta</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="383"/>
        <location filename="../evaluation_tab.py" line="385"/>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="385"/>
        <source>Jumlah peserta</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="389"/>
        <source>Modul direncanakan</source>
        <translation>Modules planned</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="390"/>
        <source>JP direncanakan</source>
        <translation>JP planned</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="391"/>
        <source>Modul diselesaikan</source>
        <translation>Modules completed</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="392"/>
        <source>JP diselesaikan</source>
        <translation>JP completed</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="393"/>
        <source>Rencana yang selesai</source>
        <translation>Planned and completed</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="394"/>
        <source>Realisasi rencana</source>
        <translation>Plan realised</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="402"/>
        <source>(tanpa unit)</source>
        <translation>(no unit)</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="437"/>
        <source>%1 baris; rencana = versi terakhir tahun itu, realisasi = modul yang selesai pada tahun itu</source>
        <translation>%1 rows; planned = that year&apos;s latest version, actual = modules completed that year</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="485"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="486"/>
        <source>terlalu sedikit baris</source>
        <translation>too few rows</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <location filename="../followup_dialogs.py" line="57"/>
        <source>Catat tindak lanjut L3</source>
        <extracomment>What the outcome form records: an enrolment not ended yet, a completion, a drop.</extracomment>
        <translation>Record L3 follow-up</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="60"/>
        <source>Peserta:</source>
        <translation>Learner:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="61"/>
        <source>Modul:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="62"/>
        <source>Berakhir:</source>
        <translation>Ended:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="63"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="64"/>
        <location filename="../followup_dialogs.py" line="76"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="72"/>
        <source>Diterapkan di tempat kerja (L3):</source>
        <translation>Applied at work (L3):</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="74"/>
        <source>Belum dinilai</source>
        <translation>Not assessed yet</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="75"/>
        <source>Ya, hasil unit membaik</source>
        <translation>Yes, the unit&apos;s results improved</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="79"/>
        <source>Hasil unit (L4, opsional):</source>
        <translation>Unit result (L4, optional):</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <location filename="../followup_tab.py" line="62"/>
        <source>Terlambat</source>
        <extracomment>The background of an overdue follow-up (a soft red, readable with black text). The background of a follow-up due now (a soft amber).</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="63"/>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="64"/>
        <source>Akan datang</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="97"/>
        <source>Tampilkan yang akan datang</source>
        <extracomment>The day the list is for (None: today); tests set it.</extracomment>
        <translation>Show upcoming</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="99"/>
        <source>Tampilkan NIP dan nama</source>
        <translation>Show NIP and names</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="102"/>
        <location filename="../followup_tab.py" line="121"/>
        <source>Atasan</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="104"/>
        <location filename="../followup_tab.py" line="122"/>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="113"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="114"/>
        <source>Peserta</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="115"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="116"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="117"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="118"/>
        <source>Berakhir</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="119"/>
        <source>Mulai</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="120"/>
        <source>Batas</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="133"/>
        <source>Catat L3…</source>
        <translation>Record L3…</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="135"/>
        <source>Catat hasil pelatihan…</source>
        <translation>Record training outcome…</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="137"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="157"/>
        <source>Hanya admin yang dapat menampilkan NIP dan nama</source>
        <translation>Only an admin can show NIP and names</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="164"/>
        <source>Atasan mencatat L3 dan L4; hasil pelatihan dicatat pengelola.</source>
        <translation>Supervisors record L3 and L4; training officers record training outcomes.</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="175"/>
        <source>Memuat tindak lanjut…</source>
        <translation>Loading follow-ups…</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="188"/>
        <source>Tindak lanjut tidak dapat dibaca</source>
        <translation>Follow-ups cannot be read</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="209"/>
        <source>Semua atasan</source>
        <translation>All supervisors</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="212"/>
        <source>Semua unit</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="294"/>
        <source>%1 tindak lanjut, %2 terlambat</source>
        <translation>%1 follow-ups, %2 overdue</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="385"/>
        <source>Tidak dapat disimpan</source>
        <translation>Cannot be saved</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="388"/>
        <source>Tersimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <location filename="../funnel_chart.py" line="46"/>
        <source>Terdaftar</source>
        <extracomment>One colour per stage, from reaction (light) to results (dark).</extracomment>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../funnel_chart.py" line="47"/>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../funnel_chart.py" line="48"/>
        <source>L1 Reaksi</source>
        <translation>L1 Reaction</translation>
    </message>
    <message>
        <location filename="../funnel_chart.py" line="49"/>
        <source>L2 Pembelajaran</source>
        <translation>L2 Learning</translation>
    </message>
    <message>
        <location filename="../funnel_chart.py" line="50"/>
        <source>L3 Perilaku</source>
        <translation>L3 Behaviour</translation>
    </message>
    <message>
        <location filename="../funnel_chart.py" line="51"/>
        <source>L4 Hasil</source>
        <translation>L4 Results</translation>
    </message>
    <message>
        <location filename="../funnel_chart.py" line="93"/>
        <source>Belum ada data pendaftaran</source>
        <translation>No enrolment data yet</translation>
    </message>
</context>
<context>
    <name>GapChart</name>
    <message>
        <location filename="../gap_chart.py" line="191"/>
        <source>Tidak ada kompetensi target.</source>
        <translation>No target competencies.</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="213"/>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="150"/>
        <source>Kini → target</source>
        <extracomment>The top of the proficiency scale. level reached if every step of the path succeeds</extracomment>
        <translation>Current → target</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="306"/>
        <source>Level kini</source>
        <translation>Current level</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="307"/>
        <source>Kesenjangan</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="308"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="309"/>
        <source>Dicapai jalur (jika semua langkah berhasil)</source>
        <translation>Reached by the path (if every step succeeds)</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="329"/>
        <source>Level kini: %1 · target: %2</source>
        <translation>Current level: %1 · target: %2</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="335"/>
        <source>Dicapai jalur jika berhasil: %1</source>
        <translation>Reached by the path if successful: %1</translation>
    </message>
    <message>
        <location filename="../gap_chart.py" line="338"/>
        <source>Jalur ini tidak menutup kesenjangan ini.</source>
        <translation>This path does not close this gap.</translation>
    </message>
</context>
<context>
    <name>GateTable</name>
    <message>
        <location filename="../model_metrics.py" line="159"/>
        <source>Kandidat</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="161"/>
        <source>Model aktif “%1”</source>
        <translation>Active model “%1”</translation>
    </message>
</context>
<context>
    <name>GraphEditorTab</name>
    <message>
        <location filename="../graph/editor_tab.py" line="178"/>
        <source>Lepaskan di atas modul yang diperlukan {code} (tahan Shift untuk anjuran); Esc membatalkan.</source>
        <extracomment>True when there are unsaved edits The last save&apos;s conflict, asking Muat ulang / Simpan versi saya / Batal.</extracomment>
        <translation>Release over the module that {code} requires (hold Shift for recommended); Esc cancels.</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="185"/>
        <source>Zoom {p} %</source>
        <translation>Zoom {p}%</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="231"/>
        <source>Graf prasyarat tidak dapat dimuat</source>
        <translation>The prerequisite graph cannot be loaded</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="340"/>
        <source>Lapis {n}</source>
        <translation>Layer {n}</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="340"/>
        <source>Tanpa hubungan prasyarat ({n} modul)</source>
        <translation>No prerequisite links ({n} modules)</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="255"/>
        <source>{m} modul, {e} prasyarat. Tambah: seret dengan tombol kanan (atau Alt + seret) dari modul ke prasyaratnya, Shift = anjuran. Hapus: klik panah, lalu Delete.</source>
        <translation>{m} modules, {e} prerequisites. Add: right-drag (or Alt + drag) from a module to its prerequisite, Shift = recommended. Delete: click an arrow, then press Delete.</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="262"/>
        <source>Graf dimuat ulang. Perubahan yang belum disimpan ini tidak lagi dapat diterapkan dan dilewati: {edits}</source>
        <translation>Graph reloaded. These unsaved changes can no longer be applied and were skipped: {edits}</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="302"/>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="305"/>
        <source>● Belum disimpan</source>
        <translation>● Unsaved</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="357"/>
        <source>Tidak ada perubahan untuk disimpan.</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="362"/>
        <source>Dampak perubahan tidak dapat dihitung</source>
        <translation>The impact of the changes cannot be calculated</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="372"/>
        <location filename="../graph/editor_tab.py" line="450"/>
        <source>Penyimpanan dibatalkan; perubahan belum disimpan.</source>
        <translation>Save cancelled; the changes have not been saved.</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="388"/>
        <source>Perubahan tidak dapat disimpan</source>
        <translation>The changes cannot be saved</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="393"/>
        <source>Tersimpan: {a} prasyarat ditambah atau diubah, {r} dihapus.</source>
        <translation>Saved: {a} prerequisites added or changed, {r} deleted.</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="418"/>
        <source>Prasyarat telah diubah orang lain</source>
        <translation>Someone else changed the prerequisites</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="425"/>
        <source>Tidak ada yang disimpan. Muat ulang: tampilkan graf terbaru; perubahan Anda yang belum disimpan dibuang. Simpan versi saya: simpan perubahan Anda di atas perubahan itu.</source>
        <translation>Nothing was saved. Reload: show the latest graph; your unsaved edits are discarded. Keep my version: save your edits on top of that change.</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="430"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="431"/>
        <source>Simpan versi saya</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="432"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../graph/editor_tab.py" line="444"/>
        <source>Graf dimuat ulang; perubahan yang belum disimpan dibuang.</source>
        <translation>Graph reloaded; unsaved edits were discarded.</translation>
    </message>
</context>
<context>
    <name>GraphNavigation</name>
    <message>
        <location filename="../graph/navigation.py" line="117"/>
        <source>Dipilih: {edge}. Tekan Delete untuk menghapus.</source>
        <extracomment>the selection was shown anew (it, or the graph, changed) The cycle a refused edge would have closed, drawn red until the user moves on.</extracomment>
        <translation>Selected: {edge}. Press Delete to remove it.</translation>
    </message>
    <message>
        <location filename="../graph/navigation.py" line="143"/>
        <source>Temuan ini tidak menunjuk modul tertentu.</source>
        <translation>This finding does not point to a specific module.</translation>
    </message>
    <message>
        <location filename="../graph/navigation.py" line="164"/>
        <source>Tidak ada modul yang cocok dengan “{text}”.</source>
        <translation>No module matches “{text}”.</translation>
    </message>
    <message>
        <location filename="../graph/navigation.py" line="170"/>
        <source>Ditemukan: {code}{sep}{title}</source>
        <translation>Found: {code}{sep}{title}</translation>
    </message>
</context>
<context>
    <name>GraphTexts</name>
    <message>
        <location filename="../graph/texts.py" line="26"/>
        <source>wajib</source>
        <extracomment>The one separator between a module&apos;s code and title in lists and completers. Region code → name, for the scope of local modules.</extracomment>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="26"/>
        <source>anjuran</source>
        <translation>recommended</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="33"/>
        <source>nasional</source>
        <translation>national</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="36"/>
        <source>lokal: {code} {name}</source>
        <translation>local: {code} {name}</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="38"/>
        <source>lokal: {code}</source>
        <translation>local: {code}</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="52"/>
        <source>lokal {scope}</source>
        <translation>local {scope}</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="53"/>
        <source>{jp} JP</source>
        <translation>{jp} JP</translation>
    </message>
    <message>
        <location filename="../graph/texts.py" line="58"/>
        <source>{code} — {title}
{jp} JP · {modality} · level {level}
{status} · {scope}</source>
        <translation>{code} — {title}
{jp} JP · {modality} · level {level}
{status} · {scope}</translation>
    </message>
</context>
<context>
    <name>GraphToolbar</name>
    <message>
        <location filename="../graph/toolbar.py" line="26"/>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="28"/>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="30"/>
        <source>Tambah prasyarat…</source>
        <translation>Add prerequisite…</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="33"/>
        <source>Tambah prasyarat dengan memilih modul dan prasyaratnya</source>
        <translation>Add a prerequisite by choosing a module and its prerequisite</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="36"/>
        <source>Hapus prasyarat</source>
        <translation>Delete prerequisite</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="39"/>
        <source>Hapus panah prasyarat yang dipilih</source>
        <translation>Delete the selected prerequisite arrow</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="42"/>
        <location filename="../graph/toolbar.py" line="134"/>
        <source>Jenis: wajib</source>
        <translation>Type: required</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="44"/>
        <source>Jenis prasyarat baru: wajib atau anjuran (Shift saat melepas = anjuran)</source>
        <translation>Type of new prerequisites: required or recommended (Shift on release = recommended)</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="47"/>
        <source>Perbesar</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="48"/>
        <source>Perkecil</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="50"/>
        <source>Muat semua</source>
        <translation>Fit all</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="50"/>
        <source>Tampilkan seluruh graf</source>
        <translation>Show the whole graph</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="53"/>
        <source>Susun ulang</source>
        <translation>Rearrange</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="56"/>
        <source>Susun ulang tata letak menurut lapis</source>
        <translation>Rearrange the layout by layer</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="59"/>
        <source>Cari</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="62"/>
        <source>Cari modul menurut kode atau judul</source>
        <translation>Find a module by code or title</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="65"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="68"/>
        <source>Simpan perubahan prasyarat ke workspace</source>
        <translation>Save prerequisite changes to the workspace</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="95"/>
        <source>Cari kode atau judul modul… (Ctrl+F)</source>
        <translation>Find a module code or title… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="124"/>
        <source>Urungkan: {text} (Ctrl+Z)</source>
        <translation>Undo: {text} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="129"/>
        <source>Ulangi: {text} (Ctrl+Shift+Z)</source>
        <translation>Redo: {text} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../graph/toolbar.py" line="134"/>
        <source>Jenis: anjuran</source>
        <translation>Type: recommended</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../guide.py" line="22"/>
        <source>Panduan perancang kurikulum</source>
        <translation>Curriculum designer&apos;s guide</translation>
    </message>
    <message>
        <location filename="../guide.py" line="23"/>
        <source>Panduan pengelola pelatihan</source>
        <translation>Training officer&apos;s guide</translation>
    </message>
    <message>
        <location filename="../guide.py" line="24"/>
        <source>Panduan staf wilayah</source>
        <translation>Regional staff&apos;s guide</translation>
    </message>
    <message>
        <location filename="../guide.py" line="32"/>
        <source>&lt;b&gt;Katalog&lt;/b&gt;: pilih Kompetensi atau Modul, ubah sel langsung di tabel; isian yang salah ditolak dengan alasannya. Ctrl+Z mengurungkan.</source>
        <translation>&lt;b&gt;Catalog&lt;/b&gt;: choose Competencies or Modules and edit cells in the table; a wrong entry is refused with its reason. Ctrl+Z undoes.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="37"/>
        <source>&lt;b&gt;Graf Prasyarat&lt;/b&gt;: seret dari satu modul ke modul lain untuk menambah prasyarat. Siklus ditolak dan disebut namanya; temuan lint ada di panel kanan.</source>
        <translation>&lt;b&gt;Prerequisite Graph&lt;/b&gt;: drag from one module to another to add a prerequisite. A cycle is refused and named; lint findings are in the right-hand panel.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="42"/>
        <source>Sebelum menyimpan, lihat &lt;b&gt;Dampak&lt;/b&gt;: jalur peserta yang tersimpan dan akan berubah karena suntingan ini.</source>
        <translation>Before saving, look at the &lt;b&gt;Impact&lt;/b&gt;: the stored learner paths this edit would change.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="47"/>
        <source>&lt;b&gt;Berkas → Ekspor&lt;/b&gt; (Ctrl+E): kamus ke Moodle atau CASE, graf ke GraphML untuk Gephi atau yEd.</source>
        <translation>&lt;b&gt;File → Export&lt;/b&gt; (Ctrl+E): the dictionary to Moodle or CASE, the graph to GraphML for Gephi or yEd.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="54"/>
        <source>&lt;b&gt;Berkas → Impor&lt;/b&gt; (Ctrl+I): muat peserta (learners.csv atau XLSX). NIP dan nama disamarkan di setiap ekspor kecuali Anda memilih sebaliknya.</source>
        <translation>&lt;b&gt;File → Import&lt;/b&gt; (Ctrl+I): load learners (learners.csv or XLSX). NIP and names are masked in every export unless you choose otherwise.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="59"/>
        <source>&lt;b&gt;Peserta &amp;amp; Jalur&lt;/b&gt;: cari peserta (Ctrl+F), pilih, dan jalurnya dihitung: setiap langkah dengan alasan, kesenjangan, dan JP.</source>
        <translation>&lt;b&gt;Learners &amp;amp; Paths&lt;/b&gt;: search a learner (Ctrl+F), select them and their path is planned: every step with its reasons, the gaps and the JP.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="64"/>
        <source>Atur anggaran JP, minimum tahunan dan periode; simpan jalur (Ctrl+S) atau ekspor PDF (Ctrl+P) untuk ditandatangani peserta dan atasan.</source>
        <translation>Set the JP budget, the yearly minimum and the periods; save the path (Ctrl+S) or export a PDF (Ctrl+P) for the learner and their supervisor to sign.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="69"/>
        <source>&lt;b&gt;Semua peserta → Buat jalur untuk semua peserta&lt;/b&gt;: seluruh instansi sekaligus, dengan kemajuan dan tombol Batal; jalur tersimpan baru diganti setelah semuanya selesai.</source>
        <translation>&lt;b&gt;All learners → Plan paths for all learners&lt;/b&gt;: the whole agency at once, with progress and a Cancel button; the stored paths are replaced only when every path is done.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="77"/>
        <source>&lt;b&gt;Wilayah &amp;amp; Modul Lokal&lt;/b&gt;: pilih provinsi atau kabupaten/kota; lihat indeks bahaya dan konektivitasnya.</source>
        <translation>&lt;b&gt;Regions &amp;amp; Local Modules&lt;/b&gt;: choose a province or a regency/city; see its hazard indices and connectivity.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="82"/>
        <source>Tambahkan &lt;b&gt;standar wilayah&lt;/b&gt;: tingkat kompetensi yang harus dicapai setiap ASN di wilayah itu (misalnya kebencanaan di zona gempa).</source>
        <translation>Add &lt;b&gt;regional standards&lt;/b&gt;: the competency level every civil servant in the region should reach (disaster management in a quake zone, for example).</translation>
    </message>
    <message>
        <location filename="../guide.py" line="87"/>
        <source>Tambahkan &lt;b&gt;modul lokal&lt;/b&gt; sebagai draf, lalu ajukan untuk ditinjau; modul baru dipakai dalam jalur setelah disetujui.</source>
        <translation>Add &lt;b&gt;local modules&lt;/b&gt; as drafts, then submit them for review; a new module is used in paths once it is approved.</translation>
    </message>
    <message>
        <location filename="../guide.py" line="92"/>
        <source>Modul dengan bahaya hanya ditawarkan di wilayah yang indeks bahayanya minimal 0,3, agar latihan tsunami tidak dikirim ke daerah kekeringan.</source>
        <translation>A module about a hazard is offered only where that hazard&apos;s index is at least 0.3, so tsunami drills are not sent to drought regions.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../history_model.py" line="45"/>
        <source>Waktu</source>
        <extracomment>How many changes are read at a time.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="46"/>
        <source>Orang</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="47"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="48"/>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="49"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="50"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="51"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="52"/>
        <source>Kolom berubah</source>
        <translation>Changed columns</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="53"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="56"/>
        <source>tambah</source>
        <translation>add</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="57"/>
        <source>ubah</source>
        <translation>change</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="58"/>
        <source>hapus</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../history_model.py" line="61"/>
        <source>model peluang keberhasilan</source>
        <extracomment>Tables the core&apos;s names leave unnamed.</extracomment>
        <translation>success models</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../history_tab.py" line="83"/>
        <source>Semua tabel</source>
        <translation>All tables</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="87"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="91"/>
        <source>Tampilkan NIP dan nama</source>
        <translation>Show NIPs and names</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="93"/>
        <source>Tampilkan lebih banyak</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Orang</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="109"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="132"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="132"/>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="132"/>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="168"/>
        <source>Hanya admin yang dapat menampilkan NIP dan nama</source>
        <translation>Only an admin can show NIPs and names</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="192"/>
        <source>Memuat riwayat…</source>
        <translation>Loading history…</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="221"/>
        <source>Semua orang</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="225"/>
        <source>Semua wilayah</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="233"/>
        <source>%1 perubahan ditampilkan</source>
        <translation>%1 changes shown</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="235"/>
        <source>(masih ada yang lebih lama)</source>
        <translation>(older ones remain)</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="243"/>
        <source>Riwayat tidak dapat dibaca</source>
        <translation>History cannot be read</translation>
    </message>
</context>
<context>
    <name>ImpactDialog</name>
    <message>
        <location filename="../graph/dialogs.py" line="142"/>
        <source>Dampak pada jalur peserta</source>
        <translation>Impact on learner paths</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="143"/>
        <source>{n} jalur peserta akan berubah</source>
        <translation>{n} learner paths will change</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="150"/>
        <source>Perubahan prasyarat ini mengubah jalur yang sudah diberikan kepada peserta berikut (ID disamarkan). Setelah menyimpan, buat ulang rekomendasi mereka.</source>
        <translation>These prerequisite changes alter the paths already given to the following learners (IDs masked). After saving, regenerate their recommendations.</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="162"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="163"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="181"/>
        <source>{module} memerlukan {requires} ({kind})</source>
        <translation>{module} requires {requires} ({kind})</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="185"/>
        <source>{module} tidak lagi memerlukan {requires}</source>
        <translation>{module} no longer requires {requires}</translation>
    </message>
    <message>
        <location filename="../graph/dialogs.py" line="192"/>
        <source>peserta {n}</source>
        <translation>learner {n}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../vocab_labels.py" line="38"/>
        <source>Karhutla</source>
        <extracomment>The translation context of every label here. Shorter names where a column is narrow (BNPB&apos;s own abbreviations).</extracomment>
        <translation>Forest fires</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="39"/>
        <source>Abrasi</source>
        <translation>Abrasion</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="42"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="43"/>
        <source>Rendah</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="44"/>
        <source>Tinggi</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="47"/>
        <source>0 — tidak ada</source>
        <translation>0 — none</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="48"/>
        <source>1 — dasar (mengetik, surel)</source>
        <translation>1 — basic (typing, email)</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="49"/>
        <source>2 — menengah (aplikasi perkantoran, formulir daring)</source>
        <translation>2 — intermediate (office applications, online forms)</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="50"/>
        <source>3 — mahir (analisis data)</source>
        <translation>3 — advanced (data analysis)</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="53"/>
        <source>wajib (hard)</source>
        <translation>required (hard)</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="54"/>
        <source>dianjurkan (soft)</source>
        <translation>recommended (soft)</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="57"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="58"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="59"/>
        <source>JP</source>
        <translation>JP</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="60"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="61"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="62"/>
        <location filename="../vocab_labels.py" line="63"/>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="64"/>
        <source>Bahaya</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="65"/>
        <source>Konektivitas minimum</source>
        <translation>Minimum connectivity</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="66"/>
        <source>Literasi digital minimum</source>
        <translation>Minimum digital literacy</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="67"/>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="69"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="70"/>
        <source>Sasaran</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="71"/>
        <source>Prasyarat</source>
        <translation>Prerequisites</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="72"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../vocab_labels.py" line="73"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../regions/fields.py" line="72"/>
        <source>Ketik kode atau nama kompetensi…</source>
        <translation>Type a competency code or name…</translation>
    </message>
</context>
<context>
    <name>LearnerDetail</name>
    <message>
        <location filename="../paths/learner_detail.py" line="51"/>
        <source>Memuat model dan peserta…</source>
        <translation>Loading model and learners…</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="57"/>
        <source>Simpan jalur</source>
        <translation>Save path</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="58"/>
        <source>Simpan sebagai jalur terkini peserta ini (Ctrl+S)</source>
        <translation>Save as this learner&apos;s current path (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="59"/>
        <source>Ekspor PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="61"/>
        <source>Rencana pengembangan kompetensi untuk ditandatangani (Ctrl+P)</source>
        <translation>Competency development plan for signing (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="63"/>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="64"/>
        <source>Langkah jalur ini sebagai tabel XLSX</source>
        <translation>This path&apos;s steps as an XLSX table</translation>
    </message>
    <message>
        <location filename="../paths/learner_detail.py" line="97"/>
        <source>literasi digital %1</source>
        <translation>digital literacy %1</translation>
    </message>
</context>
<context>
    <name>LearnerList</name>
    <message>
        <location filename="../paths/learner_list.py" line="65"/>
        <source>Cari peserta: ID, nama, jabatan, wilayah… (Ctrl+F)</source>
        <translation>Find learners: ID, name, position, region… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="68"/>
        <source>Impor peserta…</source>
        <translation>Import learners…</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="70"/>
        <source>Tambah atau perbarui peserta dari berkas learners.csv / .xlsx</source>
        <translation>Add or update learners from a learners.csv / .xlsx file</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="131"/>
        <source>%1 peserta</source>
        <translation>%1 learners</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="133"/>
        <source>%1 dari %2 peserta</source>
        <translation>%1 of %2 learners</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="178"/>
        <source>Impor peserta</source>
        <translation>Import learners</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="180"/>
        <source>Peserta (*.csv *.xlsx);;Semua berkas (*)</source>
        <translation>Learners (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="197"/>
        <location filename="../paths/learner_list.py" line="207"/>
        <source>Impor peserta ditolak</source>
        <translation>Learner import rejected</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="200"/>
        <source>Mengimpor peserta…</source>
        <translation>Importing learners…</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="212"/>
        <source>Impor peserta ditolak: %1 masalah; tidak ada yang berubah</source>
        <translation>Learner import rejected: %1 problems; nothing changed</translation>
    </message>
    <message>
        <location filename="../paths/learner_list.py" line="218"/>
        <source>Peserta diimpor: %1 baru, %2 diperbarui</source>
        <translation>Learners imported: %1 new, %2 updated</translation>
    </message>
</context>
<context>
    <name>LearnerTableModel</name>
    <message>
        <location filename="../paths/learner_model.py" line="29"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="30"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="31"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="32"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="33"/>
        <source>Literasi digital</source>
        <translation>Digital literacy</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="38"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="39"/>
        <source>dasar</source>
        <translation>basic</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="40"/>
        <source>menengah</source>
        <translation>intermediate</translation>
    </message>
    <message>
        <location filename="../paths/learner_model.py" line="41"/>
        <source>mahir</source>
        <translation>advanced</translation>
    </message>
</context>
<context>
    <name>LegendBox</name>
    <message>
        <location filename="../graph/legend.py" line="20"/>
        <source>Keterangan</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="34"/>
        <source>wajib</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="34"/>
        <source>anjuran</source>
        <translation>recommended</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="35"/>
        <source>A → B: A memerlukan B (B diambil lebih dulu).</source>
        <translation>A → B: A requires B (B is taken first).</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="37"/>
        <source>nasional</source>
        <translation>national</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="38"/>
        <source>lokal (daerah)</source>
        <translation>local (regional)</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="39"/>
        <source>draf / ditinjau</source>
        <translation>draft / in review</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="44"/>
        <source>dipilih</source>
        <translation>selected</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="45"/>
        <source>diperlukan</source>
        <translation>needed</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="46"/>
        <source>dibuka</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <location filename="../graph/legend.py" line="47"/>
        <source>siklus ditolak</source>
        <translation>rejected cycle</translation>
    </message>
</context>
<context>
    <name>LintPanel</name>
    <message>
        <location filename="../graph/lint_panel.py" line="38"/>
        <source>Temuan pemeriksaan graf (lint)</source>
        <extracomment>What lint checks a graph against besides the graph itself (workspace record kinds). the :class:`~curriculum_tool.graph.Finding` chosen</extracomment>
        <translation>Graph check findings (lint)</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="45"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="46"/>
        <source>Aturan</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="47"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="48"/>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="49"/>
        <source>Perbaikan</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="111"/>
        <source>{e} galat, {w} peringatan.</source>
        <translation>{e} errors, {w} warnings.</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="116"/>
        <source>Rantai wajib terpanjang: {jp} JP dalam {n} langkah ({chain}).</source>
        <translation>Longest required chain: {jp} JP in {n} steps ({chain}).</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="123"/>
        <source>Tidak ada temuan.</source>
        <translation>No findings.</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="131"/>
        <source>Galat</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="131"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="135"/>
        <source>siklus</source>
        <translation>cycle</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="136"/>
        <source>kode tak dikenal</source>
        <translation>unknown code</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="137"/>
        <source>nasional memerlukan lokal</source>
        <translation>national requires local</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="138"/>
        <source>prasyarat di luar wilayah</source>
        <translation>prerequisite outside the region</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="139"/>
        <source>prasyarat belum disetujui</source>
        <translation>unapproved prerequisite</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="140"/>
        <source>prasyarat berlebih</source>
        <translation>redundant prerequisite</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="141"/>
        <source>modul yatim</source>
        <translation>orphan module</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="142"/>
        <source>modul tak terjangkau</source>
        <translation>unreachable module</translation>
    </message>
    <message>
        <location filename="../graph/lint_panel.py" line="143"/>
        <source>level tak diajarkan</source>
        <translation>level not taught</translation>
    </message>
</context>
<context>
    <name>LocalModuleForm</name>
    <message>
        <location filename="../regions/local_module_form.py" line="86"/>
        <source>Ubah modul lokal {code}</source>
        <extracomment>Hazards with at least this index in the region are pre-checked on a new module. ``save(module_row, [(requires, kind)])`` → problems as ``(column, message)``; an empty list means the workspace accepted and stored the module.</extracomment>
        <translation>Edit local module {code}</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="88"/>
        <source>Tambah modul lokal — {name} ({code})</source>
        <translation>Add local module — {name} ({code})</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="110"/>
        <source>mis. PB-PALU-201</source>
        <translation>e.g. PB-PALU-201</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="113"/>
        <source>1–400 (1 JP = 45 menit)</source>
        <translation>1–400 (1 JP = 45 minutes)</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="119"/>
        <source>unit atau nama penyusun</source>
        <translation>unit or author name</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="122"/>
        <source>kosong = semua; mis. pengawas;administrator</source>
        <translation>empty = everyone; e.g. pengawas;administrator</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="126"/>
        <source>Untuk siapa modul ini: jenjang (pelaksana, fungsional_keterampilan, fungsional_ahli, pengawas, administrator, jpt) dan/atau status (cpns, pns, pppk), dipisah &apos;;&apos;. Kosong berarti untuk semua peserta.</source>
        <translation>Who the module is for: grades (pelaksana, fungsional_keterampilan, fungsional_ahli, pengawas, administrator, jpt) and/or statuses (cpns, pns, pppk), separated by &apos;;&apos;. Empty means every learner.</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="134"/>
        <source>Modul lokal hanya ditawarkan di wilayah ini dan wilayah di bawahnya.</source>
        <translation>A local module is offered only in this region and the regions below it.</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="143"/>
        <source>Identitas modul</source>
        <translation>Module identity</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="145"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="146"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="147"/>
        <source>JP</source>
        <translation>JP</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="148"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="149"/>
        <location filename="../regions/local_module_form.py" line="183"/>
        <location filename="../regions/local_module_form.py" line="199"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="150"/>
        <source>Cakupan</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="151"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="152"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="153"/>
        <source>Sasaran</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="155"/>
        <source>Syarat penyampaian</source>
        <translation>Delivery requirements</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="157"/>
        <source>Konektivitas minimum</source>
        <translation>Minimum connectivity</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="158"/>
        <source>Literasi digital minimum</source>
        <translation>Minimum digital literacy</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="160"/>
        <source>Konektivitas {name}: {value}</source>
        <translation>Connectivity of {name}: {value}</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="178"/>
        <source>Bahaya yang ditangani</source>
        <translation>Hazards addressed</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="183"/>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="183"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="193"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="195"/>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="203"/>
        <source>Kompetensi yang diajarkan (level yang dicapai)</source>
        <translation>Competencies taught (level reached)</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="209"/>
        <source>Prasyarat</source>
        <translation>Prerequisites</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="215"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="218"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="261"/>
        <source>{status} — modul baru selalu dimulai sebagai draf</source>
        <translation>{status} — a new module always starts as a draft</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="269"/>
        <source>Kode adalah identitas modul dan tidak dapat diubah.</source>
        <translation>The code identifies the module and cannot be changed.</translation>
    </message>
    <message>
        <location filename="../regions/local_module_form.py" line="300"/>
        <source>(tidak dikenal)</source>
        <translation>(unknown)</translation>
    </message>
</context>
<context>
    <name>LocalModulesPanel</name>
    <message>
        <location filename="../regions/modules_panel.py" line="73"/>
        <source>Modul lokal</source>
        <extracomment>After each successful write, with a short message for the status bar.</extracomment>
        <translation>Local modules</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="82"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="83"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="84"/>
        <source>JP</source>
        <translation>JP</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="85"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="86"/>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="87"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="88"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="110"/>
        <source>Tambah modul lokal…</source>
        <translation>Add local module…</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="111"/>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="112"/>
        <location filename="../regions/modules_panel.py" line="177"/>
        <source>Ajukan untuk ditinjau</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="113"/>
        <source>Kembalikan…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="171"/>
        <source>Tambah modul lokal wilayah ini</source>
        <translation>Add a local module of this region</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="173"/>
        <source>Ubah modul terpilih</source>
        <translation>Edit the selected module</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="187"/>
        <source>Alur kerja: Draf → Ditinjau → Disetujui. Hanya modul yang disetujui yang direkomendasikan kepada peserta.</source>
        <translation>Workflow: Draft → In review → Approved. Only approved modules are recommended to learners.</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="118"/>
        <source>Ubah modul…</source>
        <translation>Edit module…</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="139"/>
        <source>Belum ada modul lokal untuk {name}.</source>
        <translation>No local modules for {name} yet.</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="142"/>
        <source>Modul lokal wilayah induk yang juga ditawarkan di sini: {items}</source>
        <translation>Local modules of parent regions also offered here: {items}</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="178"/>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="179"/>
        <source>Sudah disetujui</source>
        <translation>Already approved</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="195"/>
        <source>Kembalikan modul ke draf dengan catatan apa yang harus diperbaiki.</source>
        <translation>Return the module to draft with a note on what to fix.</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="206"/>
        <source>Catatan terakhir dari {by} pada {at}</source>
        <translation>Last note from {by} on {at}</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="210"/>
        <source>: “{note}”</source>
        <translation>: “{note}”</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="232"/>
        <source>Ubah modul yang sudah disetujui</source>
        <translation>Edit an approved module</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="234"/>
        <source>Modul {code} sudah disetujui dan dapat muncul di jalur belajar peserta. Perubahan berlaku pada rekomendasi berikutnya. Lanjutkan?</source>
        <translation>Module {code} is already approved and may appear in learners&apos; learning paths. Changes apply to the next recommendations. Continue?</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="318"/>
        <source>Modul lokal {code} disimpan ({status}).</source>
        <translation>Local module {code} saved ({status}).</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="370"/>
        <source> dan kabupaten/kota di bawahnya</source>
        <translation> and the regencies/cities below it</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="372"/>
        <source>Modul {code} disetujui; kini dapat direkomendasikan kepada peserta di {where}.</source>
        <translation>Module {code} approved; it can now be recommended to learners in {where}.</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="375"/>
        <source>Modul {code} dikembalikan ke draf.</source>
        <translation>Module {code} returned to draft.</translation>
    </message>
    <message>
        <location filename="../regions/modules_panel.py" line="377"/>
        <source>Modul {code} diajukan untuk ditinjau.</source>
        <translation>Module {code} submitted for review.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>Katalog</source>
        <extracomment>The tables shown read-only under Data, in the order a user meets them. A task tab: each has status_message, workspace_edited, set_workspace and reload.</extracomment>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106"/>
        <source>Graf Prasyarat</source>
        <translation>Prerequisite Graph</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107"/>
        <source>Peserta &amp;&amp; Jalur</source>
        <translation>Learners &amp;&amp; Paths</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="108"/>
        <source>Wilayah &amp;&amp; Modul Lokal</source>
        <translation>Regions &amp;&amp; Local Modules</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="128"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162"/>
        <source>&amp;Buka workspace…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="165"/>
        <source>Workspace &amp;baru…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167"/>
        <source>Workspace &amp;terakhir</source>
        <translation>&amp;Recent workspaces</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>&amp;Impor…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170"/>
        <source>&amp;Ekspor…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172"/>
        <source>&amp;Muat ulang</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173"/>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175"/>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177"/>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183"/>
        <source>B&amp;ahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>Panduan untuk tab ini</source>
        <translation>Guide for this tab</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204"/>
        <location filename="../main_window.py" line="399"/>
        <source>Tentang curriculum-tool</source>
        <translation>About curriculum-tool</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="257"/>
        <source>Perubahan Anda tercatat di Riwayat atas nama ini.</source>
        <translation>Your changes are recorded in the History under this name.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>Workspace: %1 · %2 modul · %3 wilayah · %4 peserta</source>
        <translation>Workspace: %1 · %2 modules · %3 regions · %4 learners</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="270"/>
        <source>Model: %1 (%2…)</source>
        <translation>Model: %1 (%2…)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272"/>
        <source>Model: belum ada</source>
        <translation>Model: none yet</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="278"/>
        <source>Buka workspace</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280"/>
        <source>Workspace SQLite (*.sqlite);;Semua berkas (*)</source>
        <translation>SQLite workspace (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="288"/>
        <source>Workspace baru dari katalog nasional</source>
        <translation>New workspace from the national catalog</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="290"/>
        <source>Workspace SQLite (*.sqlite)</source>
        <translation>SQLite workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="301"/>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302"/>
        <source>Graf prasyarat punya perubahan yang belum disimpan. Simpan dulu?</source>
        <translation>The prerequisite graph has unsaved changes. Save them first?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="318"/>
        <source>Workspace tidak dapat dibuka</source>
        <translation>The workspace cannot be opened</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331"/>
        <source>Mengimpor %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339"/>
        <location filename="../main_window.py" line="356"/>
        <location filename="../main_window.py" line="359"/>
        <source>Impor ditolak</source>
        <translation>Import rejected</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401"/>
        <source>curriculum-tool %1
Jalur belajar yang dipersonalisasi dan relevan secara lokal bagi ASN (UU 5/2014, PP 11/2017: minimal 20 JP per tahun).</source>
        <translation>curriculum-tool %1
Personalized, locally relevant learning paths for civil servants (ASN) (Law 5/2014, Government Regulation 11/2017: at least 20 JP per year).</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="418"/>
        <source>Modul</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="419"/>
        <source>Kompetensi</source>
        <translation>Competencies</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="420"/>
        <source>Prasyarat</source>
        <translation>Prerequisites</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="421"/>
        <source>Wilayah</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="422"/>
        <source>Standar Wilayah</source>
        <translation>Regional Standards</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="423"/>
        <source>Standar Jabatan</source>
        <translation>Job Standards</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="424"/>
        <source>Program Wajib</source>
        <translation>Compulsory Programmes</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="425"/>
        <source>Peserta</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../evaluation_tab.py" line="496"/>
        <source>Evaluasi</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../followup_tab.py" line="403"/>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
</context>
<context>
    <name>MetricsTable</name>
    <message>
        <location filename="../model_metrics.py" line="24"/>
        <source>Tingkat dasar</source>
        <extracomment>Baseline keys of a card, in display order, with their Indonesian names.</extracomment>
        <translation>Base rate</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="25"/>
        <source>Tingkat per modul</source>
        <translation>Per-module rate</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="26"/>
        <source>Regresi logistik</source>
        <translation>Logistic regression</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="51"/>
        <source>Kemampuan membedakan berhasil dari tidak: 0,5 acak, 1 sempurna; lebih besar lebih baik</source>
        <extracomment>Metric keys of a card, with column titles and whether a higher value is better.</extracomment>
        <translation>Ability to tell success from failure: 0.5 random, 1 perfect; higher is better</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="54"/>
        <source>Kerugian logaritmik: lebih kecil lebih baik</source>
        <translation>Logarithmic loss: lower is better</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="55"/>
        <source>Rata-rata kuadrat galat peluang: lebih kecil lebih baik</source>
        <translation>Mean squared error of the probabilities: lower is better</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="57"/>
        <source>Galat kalibrasi: selisih rata-rata antara peluang prediksi dan tingkat teramati; lebih kecil lebih baik</source>
        <translation>Calibration error: mean difference between predicted probability and observed rate; lower is better</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="68"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="82"/>
        <source>Model yang dilatih</source>
        <translation>Trained model</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="92"/>
        <source>Terbaik di kolom ini</source>
        <translation>Best in this column</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="105"/>
        <source>Batas atas (peluang sebenarnya)</source>
        <translation>Upper bound (ground truth)</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="108"/>
        <source>AUC peluang sebenarnya dari simulator pada baris uji yang sama: tidak ada model yang dapat melampauinya</source>
        <translation>AUC of the simulator&apos;s true probabilities on the same test rows: no model can exceed it</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="128"/>
        <source>Model menempuh %1 jarak dari AUC 0,5 (acak) ke batas atas.</source>
        <translation>The model covers %1 of the distance from AUC 0.5 (random) to the upper bound.</translation>
    </message>
    <message>
        <location filename="../model_metrics.py" line="135"/>
        <source>Cetak tebal: terbaik di kolomnya. AUC lebih besar lebih baik; yang lain lebih kecil lebih baik.</source>
        <translation>Bold: best in its column. Higher AUC is better; for the others, lower is better.</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <location filename="../model_card.py" line="80"/>
        <source>Metrik uji (peserta yang disisihkan)</source>
        <translation>Test metrics (held-out learners)</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="97"/>
        <source>Kalibrasi</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="101"/>
        <source>Per provinsi (data uji)</source>
        <translation>By province (test data)</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="107"/>
        <source>Kartu model</source>
        <translation>Model card</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="38"/>
        <source>Kandidat</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="40"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="42"/>
        <source>Pensiun</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="91"/>
        <source>Gerbang promosi (baris uji yang sama)</source>
        <translation>Promotion gate (same held-out rows)</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="142"/>
        <source>dibuat %1</source>
        <translation>created %1</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="148"/>
        <source>Model ini ditolak dan tidak akan dipakai: %1</source>
        <translation>This model was rejected and will not be used: %1</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="160"/>
        <source>&lt;b&gt;Belum ada model dipilih&lt;/b&gt;</source>
        <translation>&lt;b&gt;No model selected&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="162"/>
        <source>&lt;b&gt;Belum ada model&lt;/b&gt;</source>
        <translation>&lt;b&gt;No model yet&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="167"/>
        <source>Latih model dari hasil pelatihan workspace ini dengan “Latih model…”.</source>
        <translation>Train a model from this workspace&apos;s training outcomes with “Train model…”.</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="198"/>
        <source>Lolos gerbang: dipromosikan</source>
        <translation>Passed the gate: promoted</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="200"/>
        <source>Tidak lolos gerbang: tetap kandidat</source>
        <translation>Did not pass the gate: kept as a candidate</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="212"/>
        <source>Dipromosikan dengan alasan oleh %1 pada %2: %3</source>
        <translation>Promoted with a reason by %1 on %2: %3</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="223"/>
        <source>selesai dan diterapkan di tempat kerja (Kirkpatrick level 3, l3 = 1)</source>
        <translation>completed and applied at work (Kirkpatrick level 3, l3 = 1)</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="225"/>
        <source>selesai mengikuti modul</source>
        <translation>completed the module</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="235"/>
        <source>Sasaran: %1. Diuji pada %2 pendaftaran peserta yang disisihkan sejak %3; dilatih pada %4 pendaftaran peserta lain sebelum tanggal itu.</source>
        <translation>Target: %1. Tested on %2 enrollments of held-out learners from %3 onward; trained on %4 enrollments of other learners before that date.</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="245"/>
        <source>Model yang disimpan dilatih ulang pada semua %1 baris berlabel.</source>
        <translation>The saved model was retrained on all %1 labeled rows.</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="275"/>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="282"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="283"/>
        <source>Baris berlabel</source>
        <translation>Labeled rows</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="284"/>
        <source>Tanpa label</source>
        <translation>Unlabeled</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="286"/>
        <source>Tingkat keberhasilan</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="290"/>
        <source>Rentang tanggal</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="293"/>
        <source>SHA-256 data</source>
        <translation>Data SHA-256</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="295"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="296"/>
        <source>Evaluasi</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="297"/>
        <source>Pemisahan</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="298"/>
        <source>Batas tanggal</source>
        <translation>Cutoff date</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="300"/>
        <source>Baris latih / uji</source>
        <translation>Training / test rows</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="304"/>
        <source>Dilatih ulang pada semua baris</source>
        <translation>Retrained on all rows</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="305"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="305"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="309"/>
        <source>Katalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="310"/>
        <source>Rilis</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="310"/>
        <source>(belum dirilis)</source>
        <translation>(not released)</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="312"/>
        <source>SHA-256 katalog</source>
        <translation>Catalog SHA-256</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="315"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="316"/>
        <source>Estimator</source>
        <translation>Estimator</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="317"/>
        <source>Seed (angka acak awal)</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="318"/>
        <source>SHA-256 berkas</source>
        <translation>File SHA-256</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="319"/>
        <source>Fitur</source>
        <translation>Features</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="320"/>
        <source>Kategorikal</source>
        <translation>Categorical</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="321"/>
        <source>Numerik</source>
        <translation>Numeric</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="322"/>
        <source>Versi pustaka</source>
        <translation>Library versions</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="329"/>
        <source>Tidak cocok dengan instalasi ini: %1</source>
        <translation>Does not match this installation: %1</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="336"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="337"/>
        <source>Penggunaan yang dimaksud</source>
        <translation>Intended use</translation>
    </message>
    <message>
        <location filename="../model_card.py" line="339"/>
        <source>Batasan</source>
        <translation>Limitations</translation>
    </message>
</context>
<context>
    <name>ModelList</name>
    <message>
        <location filename="../model_list.py" line="33"/>
        <source>Nama</source>
        <extracomment>The item data role holding each cell&apos;s model name. Sorting the state column: the active model first, then candidates, then retired ones.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="34"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="35"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="36"/>
        <source>Baris data</source>
        <translation>Data rows</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="37"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="38"/>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="39"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="84"/>
        <source>Ditolak: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="93"/>
        <source>L3 (diterapkan)</source>
        <translation>L3 (applied)</translation>
    </message>
    <message>
        <location filename="../model_list.py" line="95"/>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
</context>
<context>
    <name>ModelTab</name>
    <message>
        <location filename="../model_tab.py" line="81"/>
        <source>Model peluang keberhasilan</source>
        <extracomment>A training run stored a model (active or candidate), by name. True when a training run starts, False when it ends (stored, failed or cancelled).</extracomment>
        <translation>Success probability models</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="86"/>
        <source>Latih model…</source>
        <translation>Train model…</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="87"/>
        <source>Latih model baru dari hasil pelatihan workspace</source>
        <translation>Train a new model from the workspace&apos;s training outcomes</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="89"/>
        <source>Promosikan</source>
        <translation>Promote</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="92"/>
        <source>Jadikan model terpilih model aktif (dipakai untuk skor, rekomendasi dan batch); tanpa lolos gerbang promosi perlu alasan tertulis</source>
        <translation>Make the selected model the active one (used for scores, recommendations and batches); without passing the promotion gate a written reason is needed</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="216"/>
        <source>Alasan promosi</source>
        <translation>Reason for promotion</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="218"/>
        <source>Model “%1” tidak lolos gerbang promosi terhadap model aktif.
Tuliskan alasan mempromosikannya; alasan ini disimpan di kartu model.</source>
        <translation>Model “%1” did not pass the promotion gate against the active model.
Write why you promote it; the reason is kept in the model card.</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="234"/>
        <source>Model ditolak</source>
        <translation>Model rejected</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="235"/>
        <source>Model “%1” tidak dapat dijadikan aktif:
%2</source>
        <translation>Model “%1” cannot be made active:
%2</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="248"/>
        <source>Alasan wajib diisi</source>
        <translation>A reason is required</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="249"/>
        <source>Model “%1” tidak dipromosikan: alasannya kosong.</source>
        <translation>Model “%1” was not promoted: the reason is empty.</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="257"/>
        <source>Model tidak dapat diaktifkan</source>
        <translation>The model cannot be activated</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="261"/>
        <source>Model aktif sekarang: %1</source>
        <translation>Active model is now %1</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="301"/>
        <source>Melatih model “%1”…</source>
        <translation>Training model “%1”…</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="330"/>
        <source>Model “%1” disimpan di workspace %2</source>
        <translation>Model “%1” saved in workspace %2</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="340"/>
        <source>Model “%1” disimpan dan dijadikan aktif (AUC %2)</source>
        <translation>Model “%1” saved and made active (AUC %2)</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="343"/>
        <source>Model “%1” disimpan sebagai kandidat (AUC %2): tidak lolos gerbang promosi</source>
        <translation>Model “%1” stored as a candidate (AUC %2): it did not pass the promotion gate</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="356"/>
        <source>Pelatihan model gagal</source>
        <translation>Model training failed</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="357"/>
        <source>Model tidak dapat dilatih</source>
        <translation>The model cannot be trained</translation>
    </message>
    <message>
        <location filename="../model_tab.py" line="362"/>
        <source>Pelatihan dibatalkan; tidak ada model disimpan</source>
        <translation>Training cancelled; no model saved</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../followup_dialogs.py" line="103"/>
        <source>Catat hasil pelatihan</source>
        <translation>Record training outcome</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="110"/>
        <source>Peserta:</source>
        <translation>Learner:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="114"/>
        <source>Modul:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="116"/>
        <source>Terdaftar (belum berakhir)</source>
        <translation>Enrolled (not ended yet)</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="117"/>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="118"/>
        <source>Tidak selesai</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="119"/>
        <source>Keadaan:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="127"/>
        <source>L1 reaksi (0–100):</source>
        <translation>L1 reaction (0–100):</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="128"/>
        <source>L2 nilai akhir (0–100):</source>
        <translation>L2 post-test (0–100):</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="137"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="144"/>
        <source>Rencana berakhir:</source>
        <translation>Planned end:</translation>
    </message>
    <message>
        <location filename="../followup_dialogs.py" line="144"/>
        <source>Tanggal berakhir:</source>
        <translation>End date:</translation>
    </message>
</context>
<context>
    <name>PathExports</name>
    <message>
        <location filename="../paths/path_exports.py" line="57"/>
        <source>Ekspor jalur ke PDF</source>
        <extracomment>Columns of a learner&apos;s path written by &quot;Ekspor XLSX…&quot; (no personal data).</extracomment>
        <translation>Export path to PDF</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="59"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="69"/>
        <source>PDF tidak ditulis</source>
        <translation>PDF not written</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="72"/>
        <source>PDF ditulis: %1</source>
        <translation>PDF written: %1</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="84"/>
        <source>Ekspor jalur ke XLSX</source>
        <translation>Export path to XLSX</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="86"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="116"/>
        <source>XLSX tidak ditulis</source>
        <translation>XLSX not written</translation>
    </message>
    <message>
        <location filename="../paths/path_exports.py" line="119"/>
        <source>Jalur ditulis: %1</source>
        <translation>Path written: %1</translation>
    </message>
</context>
<context>
    <name>PathOptionsPanel</name>
    <message>
        <location filename="../paths/options_panel.py" line="26"/>
        <source>Anggaran JP: paling banyak sekian JP untuk jalur ini (1 JP = 45 menit)</source>
        <translation>JP budget: at most this many JP for this path (1 JP = 45 minutes)</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="33"/>
        <source>Minimum JP per tahun (PP 11/2017 pasal 203: 20 JP); jalur diisi sampai minimum bila modul penutup kesenjangan kurang</source>
        <translation>Minimum JP per year (Government Regulation 11/2017, article 203: 20 JP); the path is topped up to the minimum when gap-closing modules fall short</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="42"/>
        <source>Jalur dibagi ke dalam beberapa periode, masing-masing paling banyak anggaran/periode JP, dengan prasyarat lebih dulu</source>
        <translation>The path is split into several periods of at most budget/periods JP each, prerequisites first</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="47"/>
        <source>&amp;Luring bila koneksi lemah</source>
        <translation>&amp;Offline where connectivity is weak</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="49"/>
        <source>Bila konektivitas wilayah lemah, modul kebencanaan daring diganti modul luring yang mengajarkan hal yang sama</source>
        <translation>Where the region&apos;s connectivity is weak, an online disaster module is replaced by an offline module that teaches the same</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="54"/>
        <source>Literasi &amp;digital dulu</source>
        <translation>&amp;Digital literacy first</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="56"/>
        <source>Peserta berliterasi digital 0 yang terhalang modul penutup kesenjangannya mendapat modul literasi digital tingkat 1 lebih dulu</source>
        <translation>A learner at digital literacy 0 whom literacy keeps from gap-closing modules gets a tier-1 digital literacy module first</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="61"/>
        <source>Risiko &amp;wilayah dulu</source>
        <translation>Regional &amp;hazards first</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="63"/>
        <source>Bila modul untuk bahaya di wilayah peserta menutup kesenjangan yang dituntut jabatannya (staf kebencanaan), jalur memuat sedikitnya satu modul seperti itu</source>
        <translation>Where a module for the hazards of the learner&apos;s region closes a gap their job sets (disaster staff), the path holds at least one such module</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="73"/>
        <source>&amp;Anggaran JP</source>
        <translation>&amp;JP budget</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="74"/>
        <source>M&amp;inimum JP</source>
        <translation>M&amp;inimum JP</translation>
    </message>
    <message>
        <location filename="../paths/options_panel.py" line="75"/>
        <source>&amp;Periode</source>
        <translation>&amp;Periods</translation>
    </message>
</context>
<context>
    <name>PathTimeline</name>
    <message>
        <location filename="../paths/timeline.py" line="39"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="40"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="41"/>
        <source>JP</source>
        <translation>JP</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="42"/>
        <source>Modalitas</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="43"/>
        <source>Peluang berhasil</source>
        <translation>Success probability</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="44"/>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="82"/>
        <source>Periode %1 · %2 langkah · %3 JP</source>
        <translation>Period %1 · %2 steps · %3 JP</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="103"/>
        <source>Tidak ada langkah: tidak ada modul yang dapat diikuti yang menutup kesenjangan. Lihat &quot;Tidak dipilih&quot;.</source>
        <translation>No steps: no available module closes a gap. See &quot;Not selected&quot;.</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="121"/>
        <source>Program wajib · %1 · %2 JP, di luar anggaran JP</source>
        <translation>Compulsory programmes · %1 · %2 JP, outside the JP budget</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="134"/>
        <source>Wajib menurut %1</source>
        <translation>Compulsory under %1</translation>
    </message>
    <message>
        <location filename="../paths/timeline.py" line="176"/>
        <source>%1 JP · %2 · peluang berhasil %3% · nilai %4</source>
        <translation>%1 JP · %2 · success probability %3% · value %4</translation>
    </message>
</context>
<context>
    <name>PathView</name>
    <message>
        <location filename="../paths/path_view.py" line="41"/>
        <source>Kesenjangan kompetensi: level kini dan target</source>
        <translation>Competency gaps: current and target level</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="50"/>
        <source>Pilih langkah untuk melihat alasannya.</source>
        <translation>Select a step to see why it was chosen.</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="61"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="61"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="61"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="61"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="69"/>
        <source>Jalur belajar</source>
        <translation>Learning path</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="70"/>
        <location filename="../paths/path_view.py" line="96"/>
        <source>Tidak dipilih</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="148"/>
        <source>Tidak dipilih (%1)</source>
        <translation>Not selected (%1)</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="156"/>
        <source>&lt;b&gt;%1 JP&lt;/b&gt; dari anggaran %2 JP</source>
        <translation>&lt;b&gt;%1 JP&lt;/b&gt; of a %2 JP budget</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="161"/>
        <source>⚠ di bawah minimum %1 JP</source>
        <translation>⚠ below the minimum of %1 JP</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="174"/>
        <source>✓ memenuhi minimum %1 JP</source>
        <translation>✓ meets the minimum of %1 JP</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="178"/>
        <source>nilai harapan %1</source>
        <translation>expected value %1</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="179"/>
        <source>model %1</source>
        <translation>model %1</translation>
    </message>
    <message>
        <location filename="../paths/path_view.py" line="181"/>
        <source>tersimpan</source>
        <translation>saved</translation>
    </message>
</context>
<context>
    <name>PathsTab</name>
    <message>
        <location filename="../paths_tab.py" line="187"/>
        <location filename="../paths_tab.py" line="188"/>
        <location filename="../paths_tab.py" line="299"/>
        <source>Memuat model dan peserta…</source>
        <translation>Loading model and learners…</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="214"/>
        <source>Jalur belum dapat dihitung: %1</source>
        <translation>The path cannot be computed yet: %1</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="218"/>
        <source>Model %1 dimuat; %2 peserta</source>
        <translation>Model %1 loaded; %2 learners</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="232"/>
        <source>Pilih peserta di daftar kiri untuk melihat kesenjangan kompetensi dan jalur belajarnya.</source>
        <translation>Select a learner in the list on the left to see their competency gaps and learning path.</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="245"/>
        <source>Workspace tidak dapat dimuat: %1</source>
        <translation>The workspace cannot be loaded: %1</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="247"/>
        <source>Workspace tidak dapat dimuat</source>
        <translation>The workspace cannot be loaded</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="301"/>
        <source>Jalur belum dapat dihitung.</source>
        <translation>The path cannot be computed yet.</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="307"/>
        <source>Jalur tidak dapat dihitung.</source>
        <translation>The path cannot be computed.</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="315"/>
        <source>Simpan sebagai jalur terkini peserta ini (Ctrl+S)</source>
        <translation>Save as this learner&apos;s current path (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="374"/>
        <source>Jalur tidak disimpan</source>
        <translation>Path not saved</translation>
    </message>
    <message>
        <location filename="../paths_tab.py" line="381"/>
        <source>Jalur disimpan sebagai jalur terkini: %1 langkah, %2 JP</source>
        <translation>Path saved as the current path: %1 steps, %2 JP</translation>
    </message>
</context>
<context>
    <name>PrerequisitePicker</name>
    <message>
        <location filename="../regions/prerequisite_picker.py" line="78"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../regions/prerequisite_picker.py" line="78"/>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../regions/prerequisite_picker.py" line="78"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../regions/prerequisite_picker.py" line="95"/>
        <source>Saring modul… (kode atau judul)</source>
        <translation>Filter modules… (code or title)</translation>
    </message>
    <message>
        <location filename="../regions/prerequisite_picker.py" line="164"/>
        <source>Belum ada prasyarat dipilih.</source>
        <translation>No prerequisites selected yet.</translation>
    </message>
    <message>
        <location filename="../regions/prerequisite_picker.py" line="167"/>
        <source>Dipilih: {modules}</source>
        <translation>Selected: {modules}</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../transfer.py" line="63"/>
        <source>Berkas ditolak seluruhnya; workspace tidak berubah. %1 masalah:</source>
        <extracomment>Moodle&apos;s course-completion report: outcomes of one module, chosen when importing.</extracomment>
        <translation>The whole file was rejected; the workspace is unchanged. %1 problems:</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="70"/>
        <source>Salin semua</source>
        <translation>Copy all</translation>
    </message>
</context>
<context>
    <name>ProvinceTable</name>
    <message>
        <location filename="../province_slices.py" line="24"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../province_slices.py" line="25"/>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../province_slices.py" line="26"/>
        <source>Tingkat</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../province_slices.py" line="27"/>
        <source>Prediksi</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <location filename="../province_slices.py" line="28"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location filename="../province_slices.py" line="36"/>
        <source>Tingkat keberhasilan teramati di provinsi ini</source>
        <translation>Observed success rate in this province</translation>
    </message>
    <message>
        <location filename="../province_slices.py" line="37"/>
        <source>Rata-rata peluang prediksi model di provinsi ini</source>
        <translation>The model&apos;s mean predicted probability in this province</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../release_dialog.py" line="58"/>
        <source>Terbitkan rilis katalog</source>
        <extracomment>The compare dialog&apos;s &quot;newer&quot; choice that is not a release: the catalog now.</extracomment>
        <translation>Publish a catalog release</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="60"/>
        <source>mis. 2025.1</source>
        <translation>e.g. 2025.1</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="62"/>
        <source>Apa yang berubah dan mengapa</source>
        <translation>What changed and why</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="67"/>
        <source>Nama rilis</source>
        <translation>Release name</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="68"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="72"/>
        <source>Terbitkan</source>
        <translation>Publish</translation>
    </message>
</context>
<context>
    <name>RecordBrowser</name>
    <message>
        <location filename="../catalog_tab.py" line="269"/>
        <source>Tambah…</source>
        <extracomment>The version of each record shown, read before the records (see :meth:`load`).</extracomment>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="270"/>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="271"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="299"/>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="348"/>
        <source>Data ini telah dihapus orang lain; tabel dimuat ulang.</source>
        <translation>Someone else deleted this record; the table was reloaded.</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="349"/>
        <source>Data tidak ada lagi</source>
        <translation>The record is gone</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="357"/>
        <source>kode ini sudah ada; ubah data itu atau pilih kode lain</source>
        <translation>this code already exists; edit that record or choose another code</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="381"/>
        <source>Simpan %1</source>
        <translation>Save %1</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="396"/>
        <source>Hapus data</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="397"/>
        <source>Hapus %1? (Dapat dibatalkan dengan Ctrl+Z)</source>
        <translation>Delete %1? (Can be undone with Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="410"/>
        <source>Tidak dapat dihapus</source>
        <translation>Cannot be deleted</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="413"/>
        <source>Hapus %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location filename="../catalog_tab.py" line="424"/>
        <source>Tidak dapat dibatalkan</source>
        <translation>Cannot be undone</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../record_form.py" line="115"/>
        <source>Ubah data</source>
        <extracomment>Columns offered as a closed list. What a list column looks like, shown as the field&apos;s placeholder.</extracomment>
        <translation>Edit record</translation>
    </message>
    <message>
        <location filename="../record_form.py" line="115"/>
        <source>Tambah data</source>
        <translation>Add record</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../catalog_tab.py" line="224"/>
        <source>Saring… (semua kolom)</source>
        <translation>Filter… (all columns)</translation>
    </message>
</context>
<context>
    <name>RegionSummary</name>
    <message>
        <location filename="../regions/region_summary.py" line="38"/>
        <location filename="../regions/region_summary.py" line="98"/>
        <source>Pilih wilayah</source>
        <translation>Select a region</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="41"/>
        <location filename="../regions/region_summary.py" line="100"/>
        <source>Pilih provinsi atau kabupaten/kota di pohon wilayah.</source>
        <translation>Select a province or regency/city in the region tree.</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="49"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="50"/>
        <source>Induk</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="51"/>
        <source>Konektivitas</source>
        <translation>Connectivity</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="52"/>
        <source>Daerah 3T</source>
        <translation>3T region</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="56"/>
        <source>Bahaya</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="56"/>
        <source>Indeks</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="56"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="75"/>
        <source>Indeks bahaya (0–1)</source>
        <translation>Hazard index (0–1)</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="79"/>
        <source>Indeks per bahaya; kabupaten/kota yang tidak menyatakan suatu bahaya memakai indeks provinsinya.</source>
        <translation>Index per hazard; a regency/city that does not state a hazard uses its province&apos;s index.</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="113"/>
        <source>Kabupaten/kota di {province}</source>
        <translation>Regency/city in {province}</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="115"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="121"/>
        <source>Ya — tertinggal, terdepan, terluar</source>
        <translation>Yes — disadvantaged, frontier, outermost</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="121"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="138"/>
        <source>(dari provinsi)</source>
        <translation>(from province)</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="140"/>
        <source>(dari {code})</source>
        <translation>(from {code})</translation>
    </message>
    <message>
        <location filename="../regions/region_summary.py" line="143"/>
        <source>wilayah ini</source>
        <translation>this region</translation>
    </message>
</context>
<context>
    <name>RegionTree</name>
    <message>
        <location filename="../regions/region_tree.py" line="37"/>
        <source>Saring wilayah… (kode atau nama)</source>
        <extracomment>The region now current in the tree, or None when there is none.</extracomment>
        <translation>Filter regions… (code or name)</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="56"/>
        <source>Wilayah</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="70"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="71"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="72"/>
        <source>Konektivitas</source>
        <translation>Connectivity</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="73"/>
        <source>3T</source>
        <translation>3T</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="74"/>
        <source>Bahaya tertinggi</source>
        <translation>Highest hazard</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="103"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="120"/>
        <source> (dari provinsi)</source>
        <translation> (from province)</translation>
    </message>
    <message>
        <location filename="../regions/region_tree.py" line="123"/>
        <source>Daerah tertinggal, terdepan dan terluar</source>
        <translation>Disadvantaged, frontier and outermost region</translation>
    </message>
</context>
<context>
    <name>RegionalStandardsPanel</name>
    <message>
        <location filename="../regions/standards_panel.py" line="43"/>
        <source>Standar kompetensi wilayah</source>
        <extracomment>After each successful write, with a short message for the status bar.</extracomment>
        <translation>Regional competency standards</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="50"/>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="50"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="50"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="66"/>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="67"/>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="68"/>
        <source>Hapus…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="72"/>
        <source>Hapus standar…</source>
        <translation>Delete standard…</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="76"/>
        <source>Ubah standar…</source>
        <translation>Edit standard…</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="90"/>
        <source>Juga berlaku dari wilayah induk: {items}</source>
        <translation>Also applies from parent regions: {items}</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="114"/>
        <source>Tambah standar wilayah ini</source>
        <translation>Add a standard of this region</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="115"/>
        <source>Ubah standar terpilih</source>
        <translation>Edit the selected standard</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="116"/>
        <source>Hapus standar terpilih</source>
        <translation>Delete the selected standard</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="168"/>
        <source>Standar {competency} level {level} untuk {region} disimpan.</source>
        <translation>Standard {competency} level {level} for {region} saved.</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="182"/>
        <source>Hapus standar wilayah</source>
        <translation>Delete regional standard</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="184"/>
        <source>Hapus standar {competency} level {level} untuk {name} ({code})?
Peserta di wilayah ini tidak lagi ditargetkan mencapai level ini.</source>
        <translation>Delete the standard {competency} level {level} for {name} ({code})?
Learners in this region will no longer be targeted to reach this level.</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="198"/>
        <source>Standar tidak dihapus</source>
        <translation>Standard not deleted</translation>
    </message>
    <message>
        <location filename="../regions/standards_panel.py" line="201"/>
        <source>Standar {competency} untuk {region} dihapus.</source>
        <translation>Standard {competency} for {region} deleted.</translation>
    </message>
</context>
<context>
    <name>ReleaseBar</name>
    <message>
        <location filename="../release_dialog.py" line="224"/>
        <source>Terbitkan rilis…</source>
        <translation>Publish release…</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="226"/>
        <source>Bandingkan rilis…</source>
        <translation>Compare releases…</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="248"/>
        <source>Belum ada rilis katalog.</source>
        <translation>No catalog release yet.</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="253"/>
        <source>Katalog saat ini: rilis %1</source>
        <translation>Current catalog: release %1</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="255"/>
        <source>Katalog sudah berubah sejak rilis %1</source>
        <translation>The catalog has changed since release %1</translation>
    </message>
    <message>
        <location filename="../release_dialog.py" line="265"/>
        <source>Rilis %1 diterbitkan</source>
        <translation>Release %1 published</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../regions/review_dialog.py" line="49"/>
        <source>Ajukan modul {code} untuk ditinjau</source>
        <extracomment>The three steps the dialog asks a note for.</extracomment>
        <translation>Submit module {code} for review</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="50"/>
        <source>Setujui modul {code}</source>
        <translation>Approve module {code}</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="51"/>
        <source>Kembalikan modul {code} ke draf</source>
        <translation>Return module {code} to draft</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="54"/>
        <source>Komentar untuk peninjau (boleh kosong):</source>
        <translation>Comment for the reviewer (optional):</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="56"/>
        <source>Catatan persetujuan (boleh kosong). Modul yang disetujui dapat direkomendasikan kepada peserta.</source>
        <translation>Approval note (optional). An approved module can be recommended to learners.</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="59"/>
        <source>Catatan untuk penyusun: apa yang harus diperbaiki (wajib diisi):</source>
        <translation>Note for the author: what to fix (required):</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="62"/>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="63"/>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="64"/>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="77"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../regions/review_dialog.py" line="103"/>
        <source>Tuliskan dulu apa yang harus diperbaiki.</source>
        <translation>First write what needs fixing.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../roles.py" line="42"/>
        <source>Peran Anda ({role}) tidak dapat mengubah {what}.</source>
        <translation>Your role ({role}) cannot change {what}.</translation>
    </message>
</context>
<context>
    <name>StandardDialog</name>
    <message>
        <location filename="../regions/standard_dialog.py" line="43"/>
        <source>Ubah standar wilayah</source>
        <translation>Edit regional standard</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="43"/>
        <source>Tambah standar wilayah</source>
        <translation>Add regional standard</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="52"/>
        <source>Mengapa setiap ASN di wilayah ini perlu mencapai level ini, mis. indeks bahaya dan sumbernya</source>
        <translation>Why every civil servant in this region needs to reach this level, e.g. the hazard index and its source</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="66"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="67"/>
        <source>Kompetensi</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="68"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="69"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="73"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../regions/standard_dialog.py" line="76"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../train_dialog.py" line="53"/>
        <source>Berhasil diterapkan di tempat kerja (selesai dan L3)</source>
        <translation>Applied at work (completed and L3)</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="58"/>
        <source>Selesai mengikuti modul</source>
        <translation>Completed the module</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="64"/>
        <source>Latih model baru</source>
        <translation>Train a new model</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="68"/>
        <source>Model dilatih dari hasil pelatihan (outcomes) di workspace ini, diuji pada peserta yang disisihkan, lalu disimpan dan dijadikan model aktif.</source>
        <translation>The model is trained on the training outcomes in this workspace, tested on held-out learners, then saved and made the active model.</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="80"/>
        <source>Seed (angka acak awal): seed dan data yang sama memberi hasil yang sama</source>
        <translation>Random seed: the same seed and data give the same result</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="86"/>
        <source>Huruf, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;, paling banyak 80</source>
        <translation>Letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, at most 80</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="88"/>
        <source>opsional: truth.csv dari simulator</source>
        <translation>optional: truth.csv from the simulator</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="90"/>
        <source>Pilih…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="99"/>
        <source>Sasaran:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="100"/>
        <source>Seed (angka acak awal):</source>
        <translation>Random seed:</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="101"/>
        <source>Nama model:</source>
        <translation>Model name:</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="102"/>
        <source>Peluang sebenarnya (simulator):</source>
        <translation>Ground truth:</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="106"/>
        <source>Latih</source>
        <translation>Train</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="107"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="123"/>
        <source>Peluang sebenarnya dari simulator</source>
        <translation>Simulator ground truth</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="125"/>
        <source>CSV (*.csv);;Semua berkas (*)</source>
        <translation>CSV (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="135"/>
        <source>Nama model: huruf, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos; (paling banyak 80), diawali huruf atau angka.</source>
        <translation>Model name: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 80), starting with a letter or digit.</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="140"/>
        <source>Berkas peluang sebenarnya tidak ditemukan.</source>
        <translation>Ground truth file not found.</translation>
    </message>
    <message>
        <location filename="../train_dialog.py" line="147"/>
        <source>Model dengan nama ini sudah ada dan akan diganti.</source>
        <translation>A model with this name already exists and will be replaced.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../training_panel.py" line="32"/>
        <source>Membaca hasil pelatihan dan menyusun fitur</source>
        <extracomment>What each training stage is doing, in Indonesian (English in the translations); keyed by the stage keys of :data:`curriculum_tool.model.train.STAGES`.</extracomment>
        <translation>Reading training outcomes and building features</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="34"/>
        <source>Memisahkan data latih dan data uji</source>
        <translation>Splitting training and test data</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="35"/>
        <source>Melatih model</source>
        <translation>Fitting the model</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="36"/>
        <source>Melatih pembanding</source>
        <translation>Fitting the baselines</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="37"/>
        <source>Mengukur pada peserta yang disisihkan</source>
        <translation>Measuring on the held-out learners</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="39"/>
        <source>Melatih ulang pada semua pendaftaran berlabel</source>
        <translation>Refitting on all labelled enrolments</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="41"/>
        <source>Menyimpan model</source>
        <translation>Saving the model</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="85"/>
        <location filename="../training_panel.py" line="106"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="86"/>
        <source>Hentikan pelatihan (Esc); tidak ada model disimpan</source>
        <translation>Stop training (Esc); no model is saved</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="103"/>
        <source>%v dari %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="104"/>
        <source>Melatih model “%1”: memulai…</source>
        <translation>Training model “%1”: starting…</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="113"/>
        <source>Melatih model “%1”: %2</source>
        <translation>Training model “%1”: %2</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="131"/>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../training_panel.py" line="133"/>
        <source>Membatalkan: berhenti setelah tahap ini…</source>
        <translation>Cancelling: stopping after this stage…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../transfer.py" line="94"/>
        <source>Ekspor</source>
        <extracomment>Whose modules a course-completion report may be of (default: the parent&apos;s). The module a course-completion report is of, once chosen (None: by its name).</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="94"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="98"/>
        <source>Pilih…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="104"/>
        <source>Tampilkan NIP dan nama apa adanya (tanpa samaran)</source>
        <translation>Show NIP and names as they are (unmasked)</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="106"/>
        <source>Ganti seluruh tabel (--replace)</source>
        <translation>Replace the whole table (--replace)</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="110"/>
        <source>Jenis data</source>
        <translation>Data type</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="111"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="132"/>
        <source>Ekspor ke</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="134"/>
        <source>Impor dari</source>
        <translation>Import from</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="160"/>
        <source>Nama berkas %1 tidak menunjuk satu modul. Laporan penyelesaian kursus ini untuk modul:</source>
        <translation>The file name %1 does not name one module. This course-completion report is for module:</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="164"/>
        <source>Modul laporan penyelesaian</source>
        <translation>Module of the completion report</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <location filename="../graph/warning_bar.py" line="27"/>
        <source>Tutup peringatan</source>
        <translation>Close warning</translation>
    </message>
</context>
</TS>
