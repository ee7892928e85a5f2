/**
 * Metamorphic tests: change a worksheet in ways that must not change its answer —
 * shuffle the rows, renumber No as a row counter, move the number into the label,
 * insert headings, blank and junk rows and columns, repeat a row with its level — and
 * require the same indices. Changes that can make a row ambiguous (a No that no longer
 * matches its name) must give the same indices or a problem: never another number.
 */
import fc from "fast-check";
import { analyze } from "../../../src/core/analyze";
import { Framework } from "../../../src/core/framework";
import { CellValue, SheetGrid } from "../../../src/core/grid";
import { FRAMEWORKS, OTHER_MODELS } from "../../../src/frameworks";

interface Shape {
  levels: number[];
  order: number[];
  /** the No column: indicator codes, a running row counter, or no No column at all */
  numbers: "codes" | "counter" | "none";
  /** how the label is written: the name alone, or with the number inside */
  label: "name" | "indikator" | "dot" | "dash";
  titleRows: number;
  /** where junk columns go (0 = before the first column) */
  junkColumns: number[];
  /** rows inserted among the indicator rows: position in the data and what they hold */
  extraRows: { at: number; kind: "blank" | "heading" | "junk" | "repeat" }[];
}

function levelArb(f: Framework): fc.Arbitrary<number> {
  return f.integerOnly ? fc.integer({ min: 1, max: 5 }) : fc.integer({ min: 100, max: 500 }).map((n) => n / 100);
}

function shapeArb(f: Framework): fc.Arbitrary<Shape> {
  const n = f.indicators.length;
  return fc.record({
    levels: fc.array(levelArb(f), { minLength: n, maxLength: n }),
    order: fc.shuffledSubarray(
      f.indicators.map((_, k) => k),
      { minLength: n, maxLength: n },
    ),
    numbers: fc.constantFrom("codes" as const, "counter" as const, "none" as const),
    label: fc.constantFrom("name" as const, "indikator" as const, "dot" as const, "dash" as const),
    titleRows: fc.integer({ min: 0, max: 3 }),
    junkColumns: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
    extraRows: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: n }),
        kind: fc.constantFrom("blank" as const, "heading" as const, "junk" as const, "repeat" as const),
      }),
      { maxLength: 6 },
    ),
  });
}

/** The plain table: No, Indikator, Nilai, in framework order. */
function plainShape(f: Framework, levels: number[]): Shape {
  return {
    levels,
    order: f.indicators.map((_, k) => k),
    numbers: "codes",
    label: "name",
    titleRows: 0,
    junkColumns: [],
    extraRows: [],
  };
}

function labelOf(f: Framework, k: number, form: Shape["label"]): string {
  const ind = f.indicators[k];
  switch (form) {
    case "name":
      return ind.name;
    case "indikator":
      return `Indikator ${ind.id} : ${ind.name}`;
    case "dot":
      return `${ind.id}. ${ind.name}`;
    case "dash":
      return `Ind. ${ind.id} – ${ind.name}`;
  }
}

function build(f: Framework, s: Shape): SheetGrid {
  const rows: CellValue[][] = [];
  for (let t = 0; t < s.titleRows; t++) rows.push([t === 0 ? `Evaluasi ${f.title} — Kota Contoh` : null]);
  const header: CellValue[] = s.numbers === "none" ? ["Indikator", "Nilai"] : ["No", "Indikator", "Nilai"];
  const data: CellValue[][] = s.order.map((k, i) => {
    const label = labelOf(f, k, s.label);
    const no = s.numbers === "codes" ? f.indicators[k].code : i + 1;
    return s.numbers === "none" ? [label, s.levels[k]] : [no, label, s.levels[k]];
  });
  const width = header.length;
  const extras = [...s.extraRows].sort((a, b) => b.at - a.at);
  for (const e of extras) {
    const blank = (): CellValue[] => Array(width).fill(null);
    const row = blank();
    if (e.kind === "heading")
      row[width - 2] = `Aspek ${f.aspects[e.at % f.aspects.length].id} ${f.aspects[e.at % f.aspects.length].name}`;
    if (e.kind === "junk") row[width - 2] = "Catatan: dokumen pendukung menyusul";
    if (e.kind === "repeat") {
      const src = data[Math.min(e.at, data.length - 1)];
      data.splice(e.at, 0, [...src]);
      continue;
    }
    data.splice(e.at, 0, row);
  }
  const table = [header, ...data];
  // Junk columns anywhere: a blank one, notes, and columns whose header words suggest levels
  // but whose values are not (years, interview marks).
  const junk: [CellValue, (i: number) => CellValue][] = [
    [null, () => null],
    ["Keterangan", (i) => `catatan ${i}`],
    ["Target Waktu", (i) => 2025 + (i % 3)],
    ["Interview", (i) => ["✓", "–", "◆"][i % 3]],
  ];
  for (const [j, at] of s.junkColumns.entries()) {
    const pos = Math.min(at, table[0].length);
    const [head, value] = junk[j % junk.length];
    table.forEach((r, i) => r.splice(pos, 0, i === 0 ? head : r.every((v) => v === null) ? null : value(i)));
  }
  return { name: "Kertas Kerja", values: [...rows, ...table] };
}

function indices(f: Framework, s: SheetGrid) {
  const a = analyze({ sheets: [s] }, FRAMEWORKS, { otherModels: OTHER_MODELS });
  const t = a.tables.find((x) => x.framework === f);
  if (!t || a.tables.length !== 1) return { found: false as const };
  const asm = t.assessments[0];
  return {
    found: true as const,
    complete: asm.complete && t.assessments.length === 1,
    errors: t.issues.filter((i) => i.severity === "error").length,
    units: [
      asm.scores.total.units,
      ...asm.scores.domains.map((d) => d.units),
      ...asm.scores.aspects.map((g) => g.units),
    ].map(String),
  };
}

const RUNS = Number(process.env.METAMORPHIC_RUNS ?? 150);

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))("%s: the same worksheet in other shapes", (_id, f) => {
  test("shuffled, renumbered as a row counter, numbers moved into the label, junk and blank rows and columns, headings, repeated rows: the same indices", () => {
    fc.assert(
      fc.property(shapeArb(f), (shape) => {
        const base = indices(f, build(f, plainShape(f, shape.levels)));
        const changed = indices(f, build(f, shape));
        expect(base.found && base.complete).toBe(true);
        expect(changed.found).toBe(true);
        if (!base.found || !changed.found) return;
        expect(changed.complete).toBe(true);
        expect(changed.units).toEqual(base.units);
      }),
      { numRuns: RUNS },
    );
  });

  test("a No that no longer matches its name (two numbers swapped): the same indices or a problem, never another number", () => {
    fc.assert(
      fc.property(
        shapeArb(f),
        fc.integer({ min: 0, max: f.indicators.length - 1 }),
        fc.integer({ min: 1, max: f.indicators.length - 1 }),
        (shape, a, d) => {
          const s: Shape = {
            ...shape,
            numbers: "codes",
            label: shape.label,
            extraRows: shape.extraRows.filter((e) => e.kind !== "repeat"),
          };
          const grid = build(f, s);
          const first = s.titleRows + 1; // first data row
          const dataRows = grid.values
            .slice(first)
            .map((r, i) => ({ r, i: i + first }))
            .filter(({ r }) => r.some((v) => typeof v === "number"));
          const noCol = grid.values[s.titleRows].indexOf("No");
          const x = dataRows[a % dataRows.length];
          const y = dataRows[(a + d) % dataRows.length];
          const tmp = x.r[noCol];
          x.r[noCol] = y.r[noCol];
          y.r[noCol] = tmp;
          const base = indices(f, build(f, plainShape(f, shape.levels)));
          const changed = indices(f, grid);
          if (!changed.found || !base.found) return;
          if (changed.complete) expect(changed.units).toEqual(base.units);
          else expect(changed.errors).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("the same indicator twice with another level: a problem, no index", () => {
    fc.assert(
      fc.property(shapeArb(f), fc.integer({ min: 0, max: f.indicators.length - 1 }), (shape, k) => {
        const s: Shape = { ...shape, extraRows: [] };
        const grid = build(f, s);
        const rows = grid.values.slice(s.titleRows + 1);
        const row = rows[k];
        const copy = [...row];
        const levelCol = grid.values[s.titleRows].indexOf("Nilai");
        const v = copy[levelCol] as number;
        copy[levelCol] = v === f.data.levels.max ? v - 1 : Math.min(v + 1, f.data.levels.max);
        grid.values.push(copy);
        const changed = indices(f, grid);
        expect(changed.found).toBe(true);
        if (changed.found) expect(changed.complete).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
