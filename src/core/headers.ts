/**
 * What a column header means, in the words assessors actually use, in Indonesian and
 * English. Headers are compared after `normalize`, so case, punctuation and extra
 * spaces do not matter.
 */

export type ColumnRole = "number" | "name" | "level" | "weight" | "evidence" | "other";

/** Role of a level column, used to tell self-assessment from the assessor's verdict. */
export type AssessmentKind = "self" | "assessor" | "final" | "target" | "level";

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function has(h: string, words: string[]): boolean {
  return words.some((w) => ` ${h} `.includes(` ${w} `));
}

const NUMBER_HEADERS = [
  "no",
  "nomor",
  "no indikator",
  "nomor indikator",
  "ind no",
  "indicator no",
  "no ind",
  "kode",
  "kode indikator",
  "code",
  "id",
  "number",
  "nr",
];
const NAME_WORDS = ["indikator", "indicator", "nama indikator", "uraian", "uraian indikator"];
const WEIGHT_WORDS = ["bobot", "weight", "weights", "bobot indikator"];
const EVIDENCE_WORDS = [
  "bukti dukung",
  "data dukung",
  "evidence",
  "bukti",
  "dokumen pendukung",
  "supporting evidence",
  "supporting documents",
];
const OTHER_WORDS = [
  "penjelasan",
  "keterangan",
  "catatan",
  "catatan asesor",
  "rekomendasi",
  "tindak lanjut",
  "explanation",
  "notes",
  "note",
  "comment",
  "comments",
  "recommendation",
  "follow up",
  "tanggal",
  "date",
  "deadline",
  "batas waktu",
  "pic",
  "penanggung jawab",
  "aspek",
  "aspect",
  "domain",
  "predikat",
  "predicate",
  "gap",
  "selisih",
  "deskripsi",
  "description",
  "justifikasi",
  "justification",
];
const SELF_WORDS = ["mandiri", "penilaian mandiri", "self", "self assessment", "pm", "instansi"];
const ASSESSOR_WORDS = [
  "asesor",
  "assessor",
  "verifikasi",
  "verification",
  "evaluator",
  "validasi",
  "interviu",
  "interview",
  "desk",
];
const FINAL_WORDS = ["akhir", "final", "hasil akhir", "nilai akhir"];
const TARGET_WORDS = ["target", "sasaran", "rencana"];
const LEVEL_WORDS = [
  "tingkat kematangan",
  "level",
  "nilai",
  "maturity",
  "maturity level",
  "skor",
  "score",
  "tingkat",
  "kematangan",
  "capaian",
  "value",
  "penilaian",
  "nilai indikator",
  "ni",
  "rating",
];

const HEADER_CACHE = new Map<string, { role: ColumnRole; kind?: AssessmentKind }>();

/** What a single header cell says its column holds. */
export function classifyHeader(text: string): { role: ColumnRole; kind?: AssessmentKind } {
  let c = HEADER_CACHE.get(text);
  if (!c) {
    if (HEADER_CACHE.size > 5000) HEADER_CACHE.clear();
    HEADER_CACHE.set(text, (c = classify(text)));
  }
  return c;
}

function classify(text: string): { role: ColumnRole; kind?: AssessmentKind } {
  const h = normalize(text);
  if (h === "") return { role: "other" };
  if (NUMBER_HEADERS.includes(h) || /^(no|nomor|kode|ind) (indikator|indicator|ind|urut)?$/.test(h))
    return { role: "number" };
  if (has(h, WEIGHT_WORDS)) return { role: "weight" };
  if (has(h, EVIDENCE_WORDS)) return { role: "evidence" };
  const kind: AssessmentKind | undefined = has(h, FINAL_WORDS)
    ? "final"
    : has(h, ASSESSOR_WORDS)
      ? "assessor"
      : has(h, SELF_WORDS)
        ? "self"
        : has(h, TARGET_WORDS)
          ? "target"
          : undefined;
  const levelish = has(h, LEVEL_WORDS) || kind !== undefined;
  // "Catatan asesor" is a note, not a level: note words win over the assessor words.
  if (has(h, OTHER_WORDS) && !has(h, ["nilai", "level", "tingkat kematangan", "skor", "score"]))
    return { role: "other" };
  if (levelish) return { role: "level", kind: kind ?? "level" };
  if (has(h, NAME_WORDS) || h === "nama" || h === "name") return { role: "name" };
  return { role: "other" };
}

/** Cells that label a result the template wants filled: "Indeks SPBE", "Predikat". */
export function classifyResultLabel(text: string): "index" | "predicate" | undefined {
  const h = normalize(text);
  if (/^(nilai )?(indeks|index)( spbe| pemdi| pemerintah digital| total| akhir| keseluruhan)?( total| akhir)?$/.test(h))
    return "index";
  if (/^(total )?(nilai )?(indeks|index) (spbe|pemdi)( instansi| total)?$/.test(h)) return "index";
  if (/^(spbe|pemdi) (index|indeks)$/.test(h)) return "index";
  if (/^(predikat|predicate)( spbe| pemdi| indeks)?$/.test(h)) return "predicate";
  return undefined;
}
