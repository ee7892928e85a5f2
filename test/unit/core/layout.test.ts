import ExcelJS from "exceljs";
import { analyze } from "../../../src/core/analyze";
import { FRAMEWORKS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import * as T from "../../fixtures/templates";
import { reportJson } from "../../../src/core/report";

const run = (wb: ExcelJS.Workbook, opts = {}) => analyze(workbookGrid(wb), FRAMEWORKS, opts);
const idx = (a: { scores: { total: { units: bigint | null } } }) =>
  a.scores.total.units === null ? null : Number(a.scores.total.units) / 100;

describe("finding the indicator table in templates it has never seen", () => {
  test("cover sheet first, title rows, merged titles, headings between rows, two level columns", () => {
    const a = run(T.standardSpbe());
    expect(a.tables).toHaveLength(1);
    const t = a.tables[0];
    expect(t.layout.sheet).toBe("Kertas Kerja");
    expect(t.layout.headerRow).toBe(3);
    expect(t.framework.id).toBe("spbe-2020");
    expect(t.layout.levelColumns.map((c) => [c.letter, c.kind])).toEqual([
      ["D", "self"],
      ["E", "assessor"],
    ]);
    expect(t.layout.evidenceCol).toBe(5);
    expect(t.assessments.map(idx)).toEqual([3.75, 3.19]);
    expect(t.issues).toEqual([]);
  });

  test("English headers, rows in any order, extra columns ignored", () => {
    const t = run(T.englishShuffled()).tables[0];
    expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["C"]);
    expect(t.layout.rows).toHaveLength(47);
    expect(t.assessments.map(idx)).toEqual([3.19]);
  });

  test("no number column and a two-row merged header: indicators by name, sub-headings kept", () => {
    const t = run(T.namesOnlyTwoRowHeader()).tables[0];
    expect(t.layout.rows.every((r) => r.matchedBy === "name")).toBe(true);
    expect(t.layout.levelColumns.map((c) => [c.header, c.kind])).toEqual([
      ["Tingkat Kematangan Mandiri", "self"],
      ["Tingkat Kematangan Asesor", "assessor"],
    ]);
    expect(t.assessments.map(idx)).toEqual([3.75, 3.19]);
  });

  test("Pemdi with I-codes, weight and evidence columns, I13 as the formula =7/6", () => {
    const t = run(T.pemdiAceh()).tables[0];
    expect(t.framework.id).toBe("pemdi-2026");
    expect(t.layout.weightCol).toBe(2);
    expect(t.layout.evidenceCol).toBe(4);
    expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["D"]);
    expect(t.assessments.map(idx)).toEqual([1.24]);
    expect(t.assessments[0].scores.aspects.map((g) => Number(g.units) / 100)).toEqual([
      1.75, 1.28, 1.0, 1.17, 1.08, 1.4, 1.18,
    ]);
    expect(t.issues).toEqual([]);
  });

  test("Pemdi with bare numbers and English names; a weight that differs from the regulation is reported", () => {
    const t = run(T.pemdiEnglish()).tables[0];
    expect(t.framework.id).toBe("pemdi-2026");
    expect(t.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([["weight-mismatch", "C21", "warning"]]);
    // a weight column is never taken for a level column
    expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["D"]);
    expect(t.assessments[0].complete).toBe(true);
    // the typed 1.17 makes aspect 5 1.09
    expect(Number(t.assessments[0].scores.aspects[4].units) / 100).toBe(1.09);
  });

  test("a workbook with one sheet of each framework is scored sheet by sheet", () => {
    const a = run(T.bothFrameworks());
    expect(a.tables.map((t) => [t.layout.sheet, t.framework.id, idx(t.assessments[0])])).toEqual([
      ["Assessment", "spbe-2020", 3.19],
      ["Pemdi 2026", "pemdi-2026", 1.24],
    ]);
    expect(a.notes.map((n) => n.code)).toContain("several-tables");
    const only = run(T.bothFrameworks(), { sheet: "Pemdi 2026" });
    expect(only.tables.map((t) => t.framework.id)).toEqual(["pemdi-2026"]);
  });

  test("a sheet that fits no framework is said to fit none", () => {
    const a = run(T.unknownLayout());
    expect(a.tables).toEqual([]);
    expect(a.notes[0].message.en).toMatch(/sheet "Anggaran"/);
  });

  test("numbers only, no names: the choice is explained", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Angka");
    ws.addRow(["No", "Nilai"]);
    for (let i = 1; i <= 47; i++) ws.addRow([i, T.DENPASAR_FINAL[i]]);
    const t = run(wb).tables[0];
    expect(t.framework.id).toBe("spbe-2020");
    expect(t.layout.frameworkReason.en).toMatch(/NUMBERS ONLY/);
    expect(idx(t.assessments[0])).toBe(3.19);
  });

  test("--level-column and --framework override what was detected", () => {
    const t = run(T.standardSpbe(), { levelColumns: ["E"] }).tables[0];
    expect(t.layout.levelColumns.map((c) => c.letter)).toEqual(["E"]);
    expect(idx(t.assessments[0])).toBe(3.19);
    const forced = run(T.pemdiAceh(), { framework: FRAMEWORKS.find((f) => f.id === "spbe-2020") });
    expect(forced.tables).toEqual([]);
  });

  test("the template's own result cells are found: a footer row and a cover-sheet label", () => {
    const t = run(T.standardSpbe()).tables[0];
    const labels = t.layout.resultLabels.map((l) => [
      l.kind,
      l.labelCell,
      l.targets.map((x) => x.levelColumn).join(""),
    ]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ["index", "Sampul!B6", "E"],
        ["predicate", "Sampul!B7", "E"],
        ["index", "Kertas Kerja!B65", "DE"],
        ["predicate", "Kertas Kerja!B66", "DE"],
      ]),
    );
  });
});

describe("every level cell is checked", () => {
  const t = run(T.badInputs()).tables[0];
  test.each(T.BAD_CELLS)("indicator $id holding $value → $code", ({ id, code }) => {
    const issue = t.issues.find((i) => i.indicator === id && i.code !== "duplicate-indicator");
    expect(issue?.code).toBe(code);
    expect(issue?.cell).toMatch(/^C\d+$/);
    expect(issue?.message.id).toContain(issue!.cell!);
    expect(issue?.message.en).toContain(issue!.cell!);
  });

  test("a duplicated and a missing indicator are reported; no index is presented as final", () => {
    const dup = t.issues.find((i) => i.code === "duplicate-indicator")!;
    expect(dup).toMatchObject({ indicator: 21, cell: "A23" });
    const missing = t.issues.find((i) => i.code === "missing-indicator")!;
    expect(missing.indicator).toBe(40);
    expect(missing.cell).toBeUndefined();
    // It says where the row belongs: after the indicator before it that the table has.
    const row39 = t.layout.rows.find((r) => r.indicatorId === 39)!.row + 1;
    expect(missing.message.id).toMatch(new RegExp(`; tempatnya setelah indikator 39 \\(baris ${row39}\\)$`));
    expect(missing.message.en).toMatch(new RegExp(`; it belongs after indicator 39 \\(row ${row39}\\)$`));
    expect(t.assessments[0].complete).toBe(false);
    const json = reportJson(run(T.badInputs()));
    expect("assessments" in json && json.assessments[0].index).toBeNull();
  });

  test("Pemdi: a decimal is fine, a blank external indicator is its own kind of problem", () => {
    const values = { ...T.ACEH_VALUES, 5: null as unknown as number, 8: null as unknown as number };
    const t2 = run(T.pemdiAceh(values)).tables[0];
    expect(t2.issues.map((i) => [i.indicator, i.code])).toEqual([
      [5, "external-missing"],
      [8, "blank"],
    ]);
    expect(t2.issues[0].message.en).toMatch(/Satu Data/);
  });
});

describe("a row's number and name must agree", () => {
  const rows = () => T.SPBE.indicators.map((i) => [i.id, i.name, T.DENPASAR_FINAL[i.id]] as (string | number)[]);

  test("two rows whose numbers were swapped: indicator-conflict on each, naming both indicators and the cell; no index", () => {
    const values = [["No", "Indikator", "Nilai"], ...rows()];
    [values[1][0], values[19][0]] = [values[19][0], values[1][0]];
    const t = analyze({ sheets: [{ name: "S", values }] }, FRAMEWORKS).tables[0];
    const conflicts = t.issues.filter((i) => i.code === "indicator-conflict");
    expect(conflicts.map((i) => [i.cell, i.severity])).toEqual([
      ["B2", "error"],
      ["B20", "error"],
    ]);
    expect(conflicts[0].message.en).toMatch(
      /^Cell B2: this row's number points to indicator 19 but its name to indicator 1 /,
    );
    expect(t.issues.some((i) => i.code === "missing-indicator")).toBe(false);
    expect(t.assessments[0].complete).toBe(false);
  });

  test("a shifted page: every level cell filled counts as filled; one line names the absent and repeated indicators", () => {
    const values: (string | number)[][] = [["Indikator", "Nilai"]];
    for (const i of T.SPBE.indicators) {
      // indicators 8 and 20 never written; indicator 3 written in their place, each time with another level
      const id = i.id === 8 || i.id === 20 ? 3 : i.id;
      values.push([T.SPBE.byId.get(id)!.name, i.id === 8 ? 2 : 1 + (i.id % 5)]);
    }
    const a = analyze({ sheets: [{ name: "S", values }] }, FRAMEWORKS);
    const t = a.tables[0];
    expect(t.assessments[0]).toMatchObject({ filled: 47, total: 47, complete: false });
    const line = t.notes.find((n) => n.code === "absent-repeated")!;
    expect(line.message.en).toBe("not in the table: indicators 8, 20; repeated: indicator 3 (rows 4, 9, 21)");
    expect(line.message.id).toBe("tidak ada di tabel: indikator 8, 20; berulang: indikator 3 (baris 4, 9, 21)");
    expect(t.notes.some((n) => n.code === "partly-filled")).toBe(false);
  });

  test("a running counter beside names in another order is read by name, and the note says so", () => {
    const shuffled = rows()
      .reverse()
      .map((r, k) => [k + 1, r[1], r[2]]);
    const t = analyze({ sheets: [{ name: "S", values: [["No", "Indikator", "Nilai"], ...shuffled] }] }, FRAMEWORKS)
      .tables[0];
    expect(idx(t.assessments[0])).toBe(3.19);
    expect(t.notes.map((n) => n.code)).toContain("numbering");
  });
});

describe("an indicator named as its aspect", () => {
  const PEMDI = FRAMEWORKS.find((f) => f.id === "pemdi-2026")!;
  /** Names only, aspect headings between them, I10 and I20 written with their aspect's name. */
  const sheet = () => {
    const values: (string | number | null)[][] = [["Indikator", "Nilai"]];
    for (const a of PEMDI.aspects) {
      values.push([a.name, null]);
      for (const id of a.indicatorIds) {
        const i = PEMDI.byId.get(id)!;
        values.push([id === 10 || id === 20 ? a.name : i.name, T.ACEH_VALUES[id] as number]);
      }
    }
    return values;
  };

  test("after an indicator of its aspect it is that indicator; before them it is the heading", () => {
    const t = analyze({ sheets: [{ name: "Pemdi", values: sheet() }] }, FRAMEWORKS).tables[0];
    expect(t.layout.rows).toHaveLength(20);
    expect(t.layout.rows.find((r) => r.indicatorId === 10)!.row).toBe(14);
    expect(t.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(t.assessments[0].values.get(20)).toBeDefined();
  });
});
