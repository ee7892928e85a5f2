/**
 * An index only for an assessment: lists that are not assessments (numbered people,
 * places, goods, questions) never get one, whatever their size or values; a table of
 * numbers alone is scored only when nothing speaks against it, and says so.
 */
import fc from "fast-check";
import { analyze } from "../../../src/core/analyze";
import { Framework } from "../../../src/core/framework";
import { CellValue } from "../../../src/core/grid";
import { fromNumber } from "../../../src/core/rational";
import { score } from "../../../src/core/scoring";
import { reportJson, reportText } from "../../../src/core/report";
import { FRAMEWORKS, OTHER_MODELS } from "../../../src/frameworks";

const read = (values: CellValue[][]) =>
  analyze({ sheets: [{ name: "Daftar", values }] }, FRAMEWORKS, { otherModels: OTHER_MODELS });

const FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Wayan", "Made", "Nyoman", "Putu", "Ketut", "Rina", "Andi"];
const LAST = ["Santoso", "Aminah", "Salim", "Lestari", "Hartono", "Sudarma", "Wijaya", "Pratama", "Susanti"];
const PLACES = ["Kecamatan", "Desa", "Kelurahan", "Kabupaten", "Kota"];
const PLACE_NAMES = ["Ubud", "Kuta", "Sukawati", "Mekarsari", "Sukamaju", "Tegallalang", "Payangan", "Blahbatuh"];
const GOODS = ["Laptop", "Printer", "Meja kerja", "Kursi putar", "Lemari arsip", "Proyektor", "Kendaraan dinas"];
const BRANDS = ["merek A", "tipe 2", "kayu jati", "besi", "warna hitam", "ukuran besar"];
const QUESTIONS = [
  "Materi disampaikan dengan jelas",
  "Narasumber menguasai materi",
  "Waktu pelatihan cukup",
  "Ruangan nyaman",
  "Konsumsi memadai",
  "Peserta aktif bertanya",
];

type Kind = "people" | "places" | "goods" | "questions";
const HEADERS: Record<Kind, string[]> = {
  people: ["Nama Pegawai", "Nama", "Nama Peserta", "Indikator"],
  places: ["Kecamatan", "Desa", "Nama Wilayah", "Uraian"],
  goods: ["Nama Barang", "Uraian", "Barang"],
  questions: ["Uraian", "Pertanyaan", "Indikator", "Aspek yang dinilai"],
};
const VALUE_HEADERS = ["Nilai", "Skor", "Nilai Peserta", "Nilai Akhir", "Capaian", "Verifikasi"];

function nameOf(kind: Kind, i: number): string {
  switch (kind) {
    case "people":
      return `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    case "places":
      return `${PLACES[i % PLACES.length]} ${PLACE_NAMES[(i * 3) % PLACE_NAMES.length]}`;
    case "goods":
      return `${GOODS[i % GOODS.length]} ${BRANDS[(i * 5) % BRANDS.length]}`;
    case "questions":
      return `${QUESTIONS[i % QUESTIONS.length]} (sesi ${1 + Math.floor(i / QUESTIONS.length)})`;
  }
}

interface List {
  kind: Kind;
  rows: number;
  header: number;
  valueHeader: number;
  decimals: boolean;
  titleRows: number;
  values: number[];
}

const listArb: fc.Arbitrary<List> = fc
  .record({
    kind: fc.constantFrom<Kind>("people", "places", "goods", "questions"),
    // both frameworks' sizes exactly, and anything from 20 to 200
    rows: fc.oneof(fc.constantFrom(20, 47), fc.integer({ min: 20, max: 200 })),
    header: fc.nat(3),
    valueHeader: fc.nat(VALUE_HEADERS.length - 1),
    decimals: fc.boolean(),
    titleRows: fc.integer({ min: 0, max: 2 }),
    values: fc.array(fc.integer({ min: 100, max: 500 }), { minLength: 200, maxLength: 200 }),
  })
  .map((l) => l);

function build(l: List): CellValue[][] {
  const heads = HEADERS[l.kind];
  const out: CellValue[][] = [];
  for (let t = 0; t < l.titleRows; t++) out.push([t === 0 ? "DAFTAR NILAI TAHUN 2026" : null]);
  out.push(["No", heads[l.header % heads.length], VALUE_HEADERS[l.valueHeader]]);
  for (let i = 0; i < l.rows; i++) {
    const v = l.values[i];
    out.push([i + 1, nameOf(l.kind, i), l.decimals ? v / 100 : Math.round(v / 100)]);
  }
  return out;
}

describe("lists that are not assessments never get an index", () => {
  test("numbered lists of people, places, goods and questions, 20 to 200 rows, level-like values", () => {
    fc.assert(
      fc.property(listArb, (l) => {
        const a = read(build(l));
        expect(a.tables).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test.each([
    ["60 employees", "people", 60, false],
    ["47 districts", "places", 47, false],
    ["a training evaluation of 50 questions", "questions", 50, false],
    ["20 villages with decimal values", "places", 20, true],
  ] as const)("%s: no table, and the sheet's note says why", (_what, kind, rows, decimals) => {
    const values = Array.from({ length: 200 }, (_, i) => 100 + ((i * 37) % 400));
    const a = read(build({ kind, rows, header: 0, valueHeader: 0, decimals, titleRows: 1, values }));
    expect(a.tables).toEqual([]);
    const note = a.notes.find((n) => n.code === "not-an-assessment")!;
    expect(note.message.en).toMatch(/^sheet "Daftar": column B holds names \(e\.g\. ".+"\) that match no indicator/);
    expect(note.message.id).toMatch(/kolom B berisi nama/);
  });

  test("an inventory of 174 agencies with 0/1 flags and no names column: more numbered rows than indicators", () => {
    const values: CellValue[][] = [["No", "Verifikasi"]];
    for (let i = 1; i <= 174; i++) values.push([i, i % 3 ? 1 : 0]);
    const a = read(values);
    expect(a.tables).toEqual([]);
    expect(a.notes.map((n) => n.message.en).join("\n")).toMatch(
      /174 numbered rows, more than the 47 indicators of SPBE 2020; this is not an assessment table/,
    );
  });
});

describe("numbers alone, where nothing speaks against them", () => {
  const numbersOnly = (n: number, level: (i: number) => number) => {
    const values: CellValue[][] = [["No", "Nilai"]];
    for (let i = 1; i <= n; i++) values.push([i, level(i)]);
    return values;
  };

  test("exactly 47 numbered rows and no text: scored, said prominently in the text, the JSON and the detection line", () => {
    const a = read(numbersOnly(47, (i) => 1 + (i % 5)));
    const t = a.tables[0];
    expect(t.layout.identification).toEqual({ basis: "numbers", names: 0, codes: 0, numbers: 47, indicators: 47 });
    expect(t.assessments[0].complete).toBe(true);
    const json = reportJson(a);
    expect("identification" in json && json.identification).toMatchObject({ basis: "numbers", numbersOnly: true });
    const text = reportText(a, "en");
    expect(text.split("\n")[1]).toMatch(/^ {2}! This table was identified by its row numbers alone/);
    expect(text).toMatch(/framework SPBE 2020: NUMBERS ONLY: no indicator names or codes; 47 rows numbered 1–47/);
  });

  test("20 numbered rows of decimals: Pemdi 2026 by numbers alone, never SPBE 2020", () => {
    const t = read(numbersOnly(20, (i) => 1 + (i % 4) / 4)).tables[0];
    expect(t.framework.id).toBe("pemdi-2026");
    expect(t.layout.identification.basis).toBe("numbers");
  });

  test("46 of 47 numbers: too little to identify", () => {
    const a = read(numbersOnly(46, () => 3));
    expect(a.tables).toEqual([]);
    expect(a.notes[0].message.en).toMatch(/numbers only \(no names or codes\) and 46 of the 47 SPBE 2020 indicators/);
  });

  test("a notes column of text beside the numbers: not scored", () => {
    const values = numbersOnly(47, () => 3).map((r, i) => [...r, i === 0 ? "Keterangan" : "sudah diverifikasi"]);
    expect(read(values).tables).toEqual([]);
  });
});

describe("real templates keep their index", () => {
  interface Template {
    levels: number[];
    codes: "plain" | "ik" | "ind" | "dotted";
    headings: "none" | "numbered" | "named";
    subtotals: boolean;
    computed: boolean;
  }

  const templateArb = (f: Framework): fc.Arbitrary<Template> =>
    fc.record({
      levels: fc.array(
        f.integerOnly ? fc.integer({ min: 1, max: 5 }) : fc.integer({ min: 100, max: 500 }).map((n) => n / 100),
        { minLength: f.indicators.length, maxLength: f.indicators.length },
      ),
      codes: fc.constantFrom<Template["codes"]>("plain", "ik", "ind", ...(f.domains.length ? [] : ["dotted" as const])),
      headings: fc.constantFrom<Template["headings"]>("none", "numbered", "named"),
      subtotals: fc.boolean(),
      computed: fc.boolean(),
    });

  /** No | Aspek | Indikator | Bobot | Nilai [| Nilai Tertimbang], aspect rows numbered like indicators, with formulas. */
  function template(f: Framework, t: Template): { values: CellValue[][]; formulas: (string | null)[][] } {
    const values: CellValue[][] = [
      ["No", "Aspek", "Indikator", "Bobot", "Nilai", ...(t.computed ? ["Nilai Tertimbang"] : [])],
    ];
    const formulas: (string | null)[][] = [[]];
    for (const a of f.aspects) {
      const members = f.indicators.filter((i) => i.aspectId === a.id);
      if (t.headings !== "none") {
        const r = values.length + 1;
        const sub = `=SUM(E${r + 1}:E${r + members.length})`;
        values.push([
          t.headings === "numbered" ? a.id : null,
          t.headings === "numbered" ? `Aspek ${a.id} ${a.name}` : a.name,
          null,
          null,
          t.subtotals ? 0 : null,
        ]);
        formulas.push([null, null, null, null, t.subtotals ? sub : null]);
      }
      for (const i of members) {
        const r = values.length + 1;
        const code =
          t.codes === "plain"
            ? i.code
            : t.codes === "ik"
              ? `IK-${String(i.id).padStart(2, "0")}`
              : t.codes === "ind"
                ? `Ind. ${String(i.id).padStart(2, "0")}`
                : i.altCodes[0];
        const level = t.levels[f.indicators.indexOf(i)];
        values.push([
          code,
          null,
          i.name,
          i.weightNumber,
          level,
          ...(t.computed ? [(i.weightNumber * level) / 100] : []),
        ]);
        formulas.push([null, null, null, null, null, ...(t.computed ? [`=D${r}*E${r}/100`] : [])]);
      }
    }
    return { values, formulas };
  }

  test.each(FRAMEWORKS.map((f) => [f.id, f] as const))(
    "%s: aspect rows (numbered or named, with subtotals), codes of every form, a computed column: the same index",
    (_id, f) => {
      fc.assert(
        fc.property(templateArb(f), (t) => {
          const { values, formulas } = template(f, t);
          const a = analyze({ sheets: [{ name: "Kertas Kerja", values, formulas }] }, FRAMEWORKS);
          expect(a.tables).toHaveLength(1);
          const table = a.tables[0];
          expect(table.framework).toBe(f);
          expect(table.layout.levelColumns.map((c) => c.letter)).toEqual(["E"]);
          expect(table.layout.identification.basis).not.toBe("numbers");
          const expected = score(f, new Map(f.indicators.map((i, k) => [i.id, fromNumber(t.levels[k])!])));
          expect(table.assessments[0].scores.total.units).toBe(expected.total.units);
        }),
        { numRuns: 40 },
      );
    },
  );
});

test("--framework names the regulation, not that a list is an assessment: the employees still get no index", () => {
  const values: CellValue[][] = [["No", "Nama Pegawai", "Nilai"]];
  for (let i = 1; i <= 47; i++) values.push([i, `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`, 1 + (i % 5)]);
  const spbe = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
  const a = analyze({ sheets: [{ name: "Daftar", values }] }, FRAMEWORKS, { framework: spbe });
  expect(a.tables).toEqual([]);
});
