/**
 * Every word the task pane shows in Indonesian, the type both languages satisfy, and the
 * few English words the messages in both languages need. The rest of English is a chunk of
 * its own (i18n.en.ts). Indonesian when Office runs in Indonesian, English otherwise; the
 * assessor can switch.
 */
import { Bilingual } from "../core/framework";
import { IssueCode } from "../core/messages";

export type Language = "id" | "en";

const id = {
  /** the language these words are in, for the numbers beside them */
  lang: "id" as Language,
  appTitle: "Indeks SPBE",
  loading: "Membaca buku kerja…",
  refresh: "Muat ulang",
  refreshHint: "Baca ulang nilai dari buku kerja",
  apply: "Terapkan ke buku kerja",
  applying: "Menulis ke buku kerja…",
  settings: "Pengaturan",
  closeSettings: "Tutup pengaturan",
  switchLanguage: "English",
  switchLanguageLabel: "Switch to English",
  switchLanguageShort: "EN",
  dismiss: "Tutup pesan",
  errorTitle: "Tidak berhasil",
  liveOn: "Hasil diperbarui sendiri setiap kali nilai berubah.",
  index: "Indeks",
  predicate: "Predikat",
  incomplete: "belum lengkap",
  incompleteHint: (errors: number) => `${errors} galat menghalangi indeks kolom ini`,
  domains: "Indeks domain",
  aspects: "Indeks aspek",
  domain: "Domain",
  aspect: "Aspek",
  ofMax: (v: string, max: number) => `${v} dari ${max}`,
  noValue: "belum dapat dihitung",
  problems: (errors: number, warnings: number) =>
    errors + warnings === 0 ? "Masalah (0)" : `Masalah (${errors + warnings}): ${errors} galat, ${warnings} peringatan`,
  noProblems: "Tidak ada masalah: setiap nilai sah.",
  lowScores: (t: string, n: number) => `Nilai rendah, di bawah ${t} (${n})`,
  noLowScores: (t: string) => `Tidak ada nilai di bawah ${t}.`,
  lowSummary: (n: number, total: number, t: string) => `${n} dari ${total} indikator di bawah ${t}`,
  lowOrder: "Urut menurut kenaikan indeks bila nilainya naik satu tingkat; yang ditandai paling berpengaruh.",
  lowGain: "kenaikan indeks bila naik satu tingkat",
  lowTop: "paling berpengaruh",
  goTo: (place: string) => `Pilih sel ${place}`,
  jumpHint: (cell: string, sheet: string) =>
    `${cell} dipilih di lembar "${sheet}". Papan ketik tetap di panel ini: klik sel itu untuk mengetik di sana.`,
  closeJumpHint: "Tutup petunjuk",
  noCell: "tanpa sel",
  showAll: (n: number) => `Tampilkan semua (${n})`,
  warning: "peringatan",
  error: "galat",
  indicator: "Indikator",
  level: "nilai",
  external: "eksternal",
  externalTitle: "Indikator eksternal",
  externalIntro: "Nilai indikator ini berasal dari indeks instansi lain.",
  externalFrom: (source: string, agency: string) => `dari ${source}, ${agency}`,
  externalConvert: (code: string, from: string) => `Hitung ${code} dari ${from}`,
  externalResult: (code: string, value: string) => `${code} = ${value}; ketik nilai ini di sel indikatornya.`,
  externalBadInput: (scale: string) => `Isi angka ${scale}.`,
  statusNoteLabel: "Asal bobot",
  numbersOnlyLabel: "Dikenali dari nomor saja",
  detected: "Yang terbaca",
  sheet: "Lembar",
  headerRow: "Baris judul",
  levelColumns: "Kolom nilai",
  indicatorRows: "Baris indikator",
  framework: "Kerangka",
  why: "Alasan",
  noTable: "Tabel indikator tidak ditemukan di buku kerja ini.",
  noTableHint: "Buka lembar kerja penilaian, atau pilih lembar dan kolom nilainya di Pengaturan.",
  severalTables: (sheets: string) =>
    `Beberapa tabel indikator ditemukan (${sheets}); semuanya dinilai. Pilih satu lembar di Pengaturan bila perlu.`,
  olderExcel: "Excel ini lebih lama",
  manualTitle: "Excel menghitung hanya saat diminta",
  manual:
    "Perhitungan Excel diatur Manual (Rumus › Opsi Perhitungan), jadi lembar hasil di buku kerja tidak mengikuti perubahan nilai sampai dihitung ulang (F9). Angka di panel ini sudah terkini.",
  calculateNow: "Hitung ulang sekarang",
  calculating: "Menghitung ulang…",
  unreadableRulesTitle: "Format bersyarat tidak terbaca",
  unreadableRules: (sheets: string) =>
    `Excel tidak dapat membaca daftar format bersyarat di lembar ${sheets} (masalah Excel yang dikenal). Nilai tetap terbaca; saat diterapkan, format bersyarat di lembar itu dibiarkan apa adanya. Aturan yang menyebabkannya biasanya aturan yang dibuat dengan menduplikasi aturan lain atau dua aturan "Sorot Aturan Sel" pada rentang yang sama.`,
  previewTitle: "Terapkan ke buku kerja",
  previewIntro: "Yang akan ditulis:",
  previewSheets: (names: string) => `Lembar hasil: ${names}`,
  previewCells: (n: number, own: number) =>
    `${n} sel, ${own} di antaranya di lembar Anda sendiri (sel hasil templat yang kosong)`,
  previewValidations: (n: number) => `Validasi data pada ${n} rentang sel nilai`,
  previewFormats: (n: number) => `${n} format bersyarat (nilai rendah, nilai tidak sah)`,
  previewSkipped: (n: number) => `${n} sel dibiarkan karena sudah diisi orang:`,
  previewSafe: "Tidak ada isian orang yang diubah: nilai, nama, dan catatan Anda tetap seperti adanya.",
  previewChecking: "Memeriksa buku kerja saat ini…",
  previewChanged:
    "Buku kerja berubah sejak pratinjau dibuka, jadi belum ada yang ditulis. Periksa lagi, lalu Terapkan:",
  previewTouches: "Milik Anda yang disentuh atau dibiarkan:",
  previewReplaceTheirs: "Ganti dengan validasi alat ini",
  previewRefused: "Belum dapat diterapkan:",
  appliedLeft: "Dibiarkan apa adanya:",
  previewLiveFormulas: "Hasil ditulis sebagai rumus yang ikut berubah saat nilai diubah, juga tanpa add-in.",
  confirmApply: "Terapkan",
  cancel: "Batal",
  applied: (sheet: string, cells: number) =>
    `Sudah diterapkan: ${cells} sel ditulis. Hasil ada di lembar "${sheet}"; nilai di lembar Anda tidak diubah.`,
  settingsTitle: "Pengaturan",
  settingsSheet: "Lembar indikator",
  settingsAuto: "Otomatis (yang terbaca)",
  settingsHeaderRow: "Baris judul kolom",
  settingsHeaderRowHint:
    "Nomor baris yang berisi judul kolom tabel indikator. Kosongkan untuk deteksi otomatis. Berlaku selama panel terbuka; tidak disimpan di lembar hasil.",
  settingsBadHeaderRow: "Tulis nomor baris, misalnya 4.",
  settingsLevelColumns: "Kolom nilai",
  settingsLevelColumnsHint: "Huruf kolom dipisah koma, misalnya D,E. Kosongkan untuk deteksi otomatis.",
  settingsBadColumns: "Tulis huruf kolom seperti D atau D,E.",
  settingsThreshold: "Ambang nilai rendah",
  settingsThresholdHint: (def: string) =>
    `Nilai di bawah ambang ini masuk daftar nilai rendah. Kosongkan untuk bawaan (${def}).`,
  settingsBadThreshold: (min: number, max: number) => `Isi angka ${min}–${max}.`,
  settingsFramework: "Kerangka",
  settingsLanguage: "Bahasa",
  languageAuto: "Otomatis (ikut Office)",
  languageId: "Bahasa Indonesia",
  languageEn: "English",
  settingsSave: "Gunakan pengaturan ini",
  settingsReset: "Kembali ke deteksi otomatis",
  settingsStoredNote:
    "Setelah Terapkan ke buku kerja, pengaturan ini disimpan di lembar hasil dan terbaca lagi saat buku kerja dibuka.",
  unexpected: (detail: string) => `Terjadi kesalahan yang tidak terduga: ${detail}. Coba Muat ulang.`,
  appliedSkipped: "Bagian yang tidak dapat ditulis oleh Excel ini:",
  tools: "Alat asesor",
  targetTitle: "Menuju target",
  targetLabel: "Target indeks",
  targetHint: (example: string) => `Misalnya ${example}. Ikut disimpan di lembar hasil saat Terapkan ke buku kerja.`,
  targetBad: (max: number, example: string) => `Isi angka 0–${max}, misalnya ${example}.`,
  targetEmpty: "Ketik target indeks untuk melihat langkah tersingkat menuju target.",
  raiseLabel: "Kenaikan per indikator setahun",
  raiseHint: "Paling banyak sejauh ini tiap indikator dinaikkan dalam rencana.",
  raiseBy: (n: string) => `paling banyak ${n}`,
  raiseNone: "tanpa batas",
  stepLabel: "Langkah nilai",
  stepHint: "Besar kenaikan nilai satu indikator dalam satu langkah.",
  planSteps: (title: string) => `Langkah untuk ${title}`,
  stepNumber: (n: number) => `Langkah ${n}`,
  indexAfter: "indeks menjadi",
  predicateChange: "predikat berubah",
  outOfReachHint:
    "Tombol ⊘ di ujung langkah menandai indikatornya di luar jangkauan tahun ini; rencana dihitung ulang tanpa indikator itu.",
  markOutOfReach: (code: string) => `Tandai indikator ${code} di luar jangkauan tahun ini`,
  outOfReachTitle: "Di luar jangkauan tahun ini",
  restoreIndicator: (code: string) => `Kembalikan indikator ${code} ke rencana`,
  reconcileTitle: "Selisih mandiri dan asesor",
  gapLabel: "Selisih indeks",
  gapIncomplete: "Selisih indeks dihitung setelah kedua kolom lengkap.",
  differences: (n: number) => `Indikator yang berbeda, menurut pengaruhnya (${n})`,
  noDifferences: "Kedua kolom sama: tidak ada indikator yang berbeda.",
  differCount: (n: number) => `${n} berbeda`,
  impact: "pengaruh ke indeks",
  notCompared: (codes: string) => `Tidak dibandingkan (nilai tidak sah di salah satu kolom): ${codes}`,
  chartsTitle: "Grafik",
  /** the parts of the pane fetched from the server when first asked for, as their spinner and a failure name them */
  parts: {
    settings: { name: "Pengaturan", loading: "Memuat pengaturan…" },
    preview: { name: "Pratinjau penerapan", loading: "Memuat pratinjau…" },
    tools: { name: "Alat asesor", loading: "Memuat alat asesor…" },
    record: { name: "Catatan rapat", loading: "Memuat catatan rapat…" },
    charts: { name: "Grafik", loading: "Memuat grafik…" },
    menu: { name: "Menu bagian", loading: "Memuat menu…" },
    tabs: { name: "Baris bagian", loading: "Memuat baris bagian…" },
    apply: { name: "Pemeriksaan sebelum menulis", loading: "Memuat pemeriksaan sebelum menulis…" },
    en: { name: "Bahasa Inggris", loading: "Memuat bahasa Inggris…" },
  },
  partFailed: (name: string) => `${name} tidak dapat dimuat`,
  partFailedWhy:
    "Bagian add-in ini tidak terunduh dari servernya: jaringan terputus, atau add-in baru saja diperbarui. Coba lagi; bila tetap gagal, tutup lalu buka kembali panel ini.",
  partBroken: (name: string, detail: string) => `${name} berhenti karena galat: ${detail}`,
  retry: "Coba lagi",
  /** English's words did not arrive: short, as it is said in both languages at the top of the pane */
  englishMissing:
    "Bahasa Inggris tidak terunduh dari server add-in (jaringan terputus, atau add-in baru saja diperbarui); panel tetap berbahasa Indonesia. Coba lagi, atau tutup lalu buka kembali panel ini.",
  chartTarget: (t: string) => `Garis target ${t}`,
  chartLegend: (what: string) => `Keterangan ${what}`,
  chartFigure: (what: string, target: string | null) =>
    `${what} per kolom nilai${target ? `, dengan garis target ${target}` : ""}`,
  evidenceTitle: (n: number) => `Tanpa bukti dukung (${n})`,
  evidenceIntro: (column: string) =>
    `Indikator bernilai di atas 1 yang sel bukti dukungnya (kolom ${column}) kosong. Klik untuk memilih sel buktinya.`,
  evidenceNone: "Setiap nilai di atas 1 punya bukti dukung.",
  issueCode: {
    "not-a-number": "bukan angka",
    "not-whole": "bukan bilangan bulat",
    "out-of-range": "di luar rentang",
    blank: "kosong",
    "error-value": "galat rumus",
    "number-as-text": "angka sebagai teks",
    "level-as-text": "level ditulis sebagai teks",
    "indicator-conflict": "nomor dan nama tidak cocok",
    "duplicate-indicator": "indikator ganda",
    "missing-indicator": "indikator tidak ada",
    "external-missing": "nilai eksternal kosong",
    "weight-mismatch": "bobot berbeda",
    "group-mismatch": "pengelompokan berbeda",
  } as Record<IssueCode, string>,
  filled: (filled: number, total: number) => `terisi ${filled}/${total}`,
  fillLabel: (title: string, filled: number, total: number) => `${title}: ${filled} dari ${total} indikator terisi`,
  notFilled: "belum diisi",
  notFilledHint: (total: number) => `Kolom ini belum berisi nilai; ${total} indikator menunggu.`,
  blockingTitle: (errors: number) => `Yang menghalangi indeks: ${errors} galat`,
  blanks: (n: number, column: string) => `${n} sel nilai kosong di kolom ${column}`,
  blanksFirst: (cell: string) => `mulai dari ${cell}`,
  sections: "Bagian lain",
  sectionProblems: (errors: number, warnings: number) => `Masalah (${errors + warnings})`,
  sectionLow: (n: number) => `Nilai rendah (${n})`,
  sectionMore: "Lainnya",
  moreSections: (n: number) => `${n} bagian lagi`,
  skipToTools: "Langsung ke alat asesor",
  changed: (title: string, index: string, predicate: string, delta: string) =>
    `${title}: indeks ${index}, ${predicate}${delta ? ` (${delta})` : ""}`,
  notComputable: (title: string) => `${title}: indeks belum dapat dihitung`,
  up: "naik",
  down: "turun",
  contributionByDomain: "Sumbangan tiap domain ke selisih indeks",
  contributionByAspect: "Sumbangan tiap aspek ke selisih indeks",
  contributionHint:
    "Angka di kanan adalah bagian selisih indeks keseluruhan dari domain atau aspek itu; di bawah nama, indeks domain atau aspek itu sendiri di kedua kolom.",
  ownIndices: "indeks sendiri",
  contribution: "sumbangan ke selisih indeks",
  planGroup: (steps: number) => `${steps} langkah`,
  planGroups: (title: string) => `Indikator yang dinaikkan untuk ${title}`,
  planDetail: (n: number) => `Rincian ${n} langkah`,
  planIndexAfter: "indeks setelahnya",
  stepChoice: (step: string) => `Tiap langkah menaikkan satu nilai ${step}.`,
  chartBar: (group: string, column: string, value: string) => `${group}, ${column}: ${value}`,
  stale: "usang",
  staleLabel: "indeks terakhir yang dapat dihitung, usang",
  staleSaid: (title: string, reason: string, index: string) =>
    `${title}: indeks belum dapat dihitung karena ${reason}; yang terakhir ${index}`,
  meeting: "Mode rapat",
  planCopy: "Salin rencana",
  planCopied: "Rencana tersalin; tempel ke Excel atau Word sebagai tabel.",
  planWrite: "Tulis rencana ke lembar",
  planWriteHint: "Lembar dengan rumus hidup: rekan tanpa add-in dapat mengubah rencana dan melihat indeksnya.",
  planWritten: (sheet: string) =>
    `Rencana ditulis ke lembar "${sheet}"; ubah sel kuning di sana untuk mencoba kenaikan lain.`,
  cellWord: "Sel",
  fromWord: "Dari",
  toWord: "Ke",
  stepsWord: "Langkah",
  traceHint: "Tampilkan indikator, bobot, dan nilainya",
  traceCaption: (group: string) => `Asal nilai ${group}: indikator, bobot, dan nilai tiap kolom`,
  weight: "Bobot",
  meetingHint: "Untuk ditayangkan: perintah disembunyikan, angka dibesarkan.",
  agendaTitle: (n: number) => `Agenda: nilai yang berbeda (${n})`,
  agendaIntro: (from: string, to: string, gap: string) => `${from} → ${to}, selisih ${gap}. Pengaruh terbesar di atas.`,
  agendaLargest: "terbesar",
  agendaIfAccepted: (index: string) => `bila diterima ${index}`,
  recordTitle: (n: number) => `Catatan rapat (${n})`,
  recordIntro: "Setiap perubahan nilai sejak panel dibuka, berurutan.",
  recordCopy: "Salin sebagai teks",
  recordCopied: "Catatan tersalin.",
  recordCopyFailed: "Tidak dapat menyalin; pilih teks catatan dan salin sendiri.",
  recordWrite: "Tulis ke lembar",
  recordWritten: (sheet: string) => `Catatan ditulis ke lembar "${sheet}".`,
  recordHeading: (title: string, date: string) => `Catatan rapat ${title}, ${date}`,
  recordColumns: ["No", "Sel", "Indikator", "Lama", "Baru", "Oleh", "Domain/aspek", "Indeks"],
  whoLocal: "komputer ini",
  whoRemote: "rekan penulis",
  whoUnknown: "tidak diketahui",
  blankValue: "(kosong)",
  notComputableShort: "tidak dapat dihitung",
  recordBy: "oleh",
  recordTogether: (n: number) => `bersama ${n - 1} perubahan lain`,
  recordLine: (n: number, cell: string, column: string, indicator: string, from: string, to: string) =>
    `${n}. ${cell} (kolom ${column}), indikator ${indicator}: ${from} → ${to}`,
  planMet: (end: string, target: string) =>
    `Indeks ${end}, sudah mencapai target ${target}; tidak perlu menaikkan nilai.`,
  planReached: (target: string, n: number, end: string) =>
    `Target ${target} tercapai dengan ${n} langkah: indeks menjadi ${end}.`,
  planUnreachable: (target: string, end: string, n: number, limited: boolean) =>
    `Target ${target} tidak dapat dicapai: paling tinggi ${end}, setelah ${n} langkah${limited ? ", tanpa indikator di luar jangkauan" : ""}.`,
};

export type Strings = typeof id;

/** The English words of the messages the pane shows in both languages, which must work before the rest of English arrives. */
type FirstEnglish = Pick<Strings, "unexpected" | "parts" | "partFailed" | "partFailedWhy" | "retry" | "englishMissing">;

/** In the first download: what `partFailure`, `unexpectedFailure` and `englishFailure` say in English; i18n.en.ts builds on it. */
export const FIRST_ENGLISH: FirstEnglish = {
  unexpected: (detail: string) => `Something unexpected went wrong: ${detail}. Try Refresh.`,
  parts: {
    settings: { name: "Settings", loading: "Loading the settings…" },
    preview: { name: "The apply preview", loading: "Loading the preview…" },
    tools: { name: "The assessor tools", loading: "Loading the assessor tools…" },
    record: { name: "The meeting record", loading: "Loading the meeting record…" },
    charts: { name: "The charts", loading: "Loading the charts…" },
    menu: { name: "The sections menu", loading: "Loading the menu…" },
    tabs: { name: "The row of sections", loading: "Loading the row of sections…" },
    apply: { name: "The check before writing", loading: "Loading the check before writing…" },
    en: { name: "English", loading: "Loading English…" },
  },
  partFailed: (name: string) => `${name} could not be loaded`,
  partFailedWhy:
    "This part of the add-in did not arrive from its server: the network dropped, or the add-in was just updated. Try again; if it still fails, close and reopen the pane.",
  retry: "Try again",
  englishMissing:
    "English did not arrive from the add-in's server (the network dropped, or the add-in was just updated); the pane stays in Indonesian. Try again, or close and reopen the pane.",
};

/**
 * The English table, once its chunk (i18n.en.ts, fetched by `englishWords` in chunks.ts) is
 * here. The pane asks for English only then (`paneLanguage` in state.ts); until then
 * `strings("en")` answers in Indonesian rather than with a missing word.
 */
let english: Strings | null = null;

export function addEnglish(words: Strings): void {
  english = words;
}

export function hasEnglish(): boolean {
  return english !== null;
}

export function strings(lang: Language): Strings {
  return lang === "en" && english ? english : id;
}

/** A part of the pane whose chunk could not be fetched, in both languages, for the pane's error message. */
export function partFailure(part: keyof Strings["parts"]): Bilingual {
  const say = (s: FirstEnglish) => `${s.partFailed(s.parts[part].name)}. ${s.partFailedWhy}`;
  return { id: say(id), en: say(FIRST_ENGLISH) };
}

/** English's words could not be fetched: the pane goes on in Indonesian and says so, in English too for who reads only that. */
export function englishFailure(): Bilingual {
  return { id: id.englishMissing, en: FIRST_ENGLISH.englishMissing };
}

/** A failure the pane did not foresee, with what it knows of it. */
export function unexpectedFailure(detail: string): Bilingual {
  return { id: id.unexpected(detail), en: FIRST_ENGLISH.unexpected(detail) };
}

/** Indonesian when Office runs in Indonesian ("id", "id-ID", "in-ID"), English otherwise. */
export function languageFromOffice(displayLanguage: string | undefined): Language {
  const l = (displayLanguage ?? "").toLowerCase();
  return l.startsWith("id") || l.startsWith("in-") ? "id" : "en";
}

/** The core's bilingual texts, in the pane's language. */
export function pick(m: Bilingual, lang: Language): string {
  return lang === "id" ? m.id : m.en;
}
