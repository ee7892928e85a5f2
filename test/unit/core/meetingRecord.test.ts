/** The meeting's record: what changed between two readings, by indicator, with its effect on the domain and the index. */
import { analyze } from "../../../src/core/analyze";
import { parseA1, WorkbookGrid } from "../../../src/core/grid";
import { checkPlan, factsFromGrid } from "../../../src/core/planCheck";
import { RECORD_SHEET_LABEL } from "../../../src/core/settings";
import { recordChanges, recordSheetPlan } from "../../../src/core/meetingRecord";
import { FRAMEWORKS } from "../../../src/frameworks";
import { pemdiGrid, rowOf, spbeGrid } from "../taskpane/grids";

const copy = (g: WorkbookGrid): WorkbookGrid => JSON.parse(JSON.stringify(g));
const SHEET = "Kertas Kerja";
const spbe = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;

function changed(grid: WorkbookGrid, edits: [number, number, unknown][]): WorkbookGrid {
  const g = copy(grid);
  const s = g.sheets.find((x) => x.name === SHEET)!;
  for (const [indicator, col, v] of edits) s.values[rowOf(grid, SHEET, indicator)][col] = v as never;
  return g;
}

function record(before: WorkbookGrid, after: WorkbookGrid, who: "local" | "remote" | null = "local") {
  return recordChanges(before, analyze(before, FRAMEWORKS), after, analyze(after, FRAMEWORKS), who);
}

describe("the meeting's record", () => {
  test("one level changed: its cell, old and new, who, and the domain and index before and after", () => {
    const before = spbeGrid();
    const after = changed(before, [[2, 3, 5]]);
    const a0 = analyze(before, FRAMEWORKS).tables[0].assessments[1];
    const a1 = analyze(after, FRAMEWORKS).tables[0].assessments[1];
    const [c, ...rest] = record(before, after, "remote");
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      framework: "spbe-2020",
      sheet: SHEET,
      cell: `D${rowOf(before, SHEET, 2) + 1}`,
      column: "D",
      indicator: 2,
      to: 5,
      who: "remote",
      together: 1,
    });
    expect(c.from).toBe(before.sheets[1].values[rowOf(before, SHEET, 2)][3]);
    expect(c.group).toEqual({
      kind: "domain",
      id: 1,
      from: a0.scores.domains[0].units,
      to: a1.scores.domains[0].units,
    });
    expect(c.index).toEqual({ from: a0.scores.total.units, to: a1.scores.total.units });
    expect(c.index.to).not.toBe(c.index.from);
  });

  test("a typo is recorded with no index after it; putting it right, with the index back", () => {
    const before = spbeGrid();
    const typo = changed(before, [[7, 2, 7]]);
    const [c] = record(before, typo);
    expect(c).toMatchObject({ column: "C", to: 7, index: { to: null } });
    expect(c.index.from).not.toBeNull();
    const [back] = record(typo, before);
    expect(back).toMatchObject({ from: 7, index: { from: null, to: c.index.from } });
  });

  test("several cells in one reading (a paste) are each listed, marked as changed together", () => {
    const before = spbeGrid();
    const after = changed(before, [
      [1, 3, 1],
      [30, 3, 1],
    ]);
    const r = record(before, after);
    expect(r.map((c) => c.indicator)).toEqual([1, 30]);
    expect(r.map((c) => c.together)).toEqual([2, 2]);
  });

  test("nothing changed, a note typed beside the table, or rows moved: nothing recorded", () => {
    const before = spbeGrid();
    expect(record(before, copy(before))).toEqual([]);
    const noted = copy(before);
    noted.sheets[1].values[rowOf(before, SHEET, 3)][6] = "cek dokumen";
    expect(record(before, noted)).toEqual([]);
    // Two indicator rows swapped with their levels: the same levels, so nothing changed.
    const moved = copy(before);
    const rows = moved.sheets[1].values;
    const [i, j] = [rowOf(before, SHEET, 3), rowOf(before, SHEET, 4)];
    [rows[i], rows[j]] = [rows[j], rows[i]];
    expect(record(before, moved)).toEqual([]);
  });

  test("Pemdi has no domains: the effect is on the indicator's aspect", () => {
    const before = pemdiGrid();
    const after = copy(before);
    const t = analyze(before, FRAMEWORKS).tables[0];
    const row = t.layout.rows.find((r) => r.indicatorId === 1)!.row;
    const col = t.layout.levelColumns[0].col;
    after.sheets.find((s) => s.name === t.layout.sheet)!.values[row][col] = 4.5;
    const [c] = recordChanges(before, analyze(before, FRAMEWORKS), after, analyze(after, FRAMEWORKS), null);
    expect(c.group.kind).toBe("aspect");
    expect(c.group.id).toBe(t.framework.byId.get(1)!.aspectId);
    expect(c.who).toBeNull();
  });

  test("the record's sheet: its title marked as the tool's, its label in A3, the header bold from row 4, nothing else planned", () => {
    const plan = recordSheetPlan("Catatan Rapat", [["Judul"], ["No", "Sel"], [1, "Kertas Kerja!D8"]]);
    expect(plan.sheets).toEqual(["Catatan Rapat"]);
    expect(plan.cells).toEqual([
      {
        sheet: "Catatan Rapat",
        address: "A1",
        value: "Judul — dicatat oleh spbe-index / recorded by spbe-index",
        style: { bold: true },
      },
      { sheet: "Catatan Rapat", address: "A3", value: RECORD_SHEET_LABEL },
      { sheet: "Catatan Rapat", address: "A4", value: "No", style: { bold: true } },
      { sheet: "Catatan Rapat", address: "B4", value: "Sel", style: { bold: true } },
      { sheet: "Catatan Rapat", address: "A5", value: 1 },
      { sheet: "Catatan Rapat", address: "B5", value: "Kertas Kerja!D8" },
    ]);
    expect(plan.validations).toEqual([]);
    expect(plan.conditionalFormats).toEqual([]);
    expect(plan.names).toEqual([]);
    expect(plan.charts).toEqual([]);
  });

  /** The workbook after a plan of text and numbers was written into it. */
  function written(grid: WorkbookGrid, plan: ReturnType<typeof recordSheetPlan>): WorkbookGrid {
    const g = copy(grid);
    for (const name of plan.sheets)
      if (!g.sheets.some((s) => s.name === name)) g.sheets.push({ name, values: [], formulas: [] } as never);
    for (const c of plan.cells) {
      const s = g.sheets.find((x) => x.name === c.sheet)!;
      const p = parseA1(c.address)!;
      while (s.values.length <= p.row) s.values.push([]);
      s.values[p.row][p.col] = c.value as never;
    }
    return g;
  }

  test("the session's second write goes into the record sheet the first one made; a person's sheet of that name is refused", () => {
    const rows = [["Judul"], ["No", "Sel", "Indikator"], [1, "Kertas Kerja!D8", "Kebijakan Internal Arsitektur SPBE"]];
    const first = recordSheetPlan("Catatan Rapat", rows);
    const grid = written(spbeGrid(), first);
    const again = recordSheetPlan("Catatan Rapat", [
      ...rows,
      [2, "Kertas Kerja!D9", "Kebijakan Internal Peta Rencana"],
    ]);
    const checked = checkPlan(again, factsFromGrid(grid, again));
    expect(checked.refusal).toBeNull();
    expect(checked.plan.cells).toHaveLength(again.cells.length);

    const persons = copy(spbeGrid());
    persons.sheets.push({
      name: "Catatan Rapat",
      values: [["Notulen rapat 3 Desember"], [], ["Hadir: 12 orang"]],
    } as never);
    const refused = checkPlan(again, factsFromGrid(persons, again));
    expect(refused.refusal?.en).toMatch(/Catatan Rapat/);
  });

  test("a record sheet is never read as an assessment, however many indicators and levels it lists", () => {
    const before = spbeGrid();
    const after = changed(
      before,
      Array.from({ length: 30 }, (_, k) => [k + 1, 3, 5] as [number, number, unknown]),
    );
    const changes = record(before, after);
    expect(changes.length).toBeGreaterThanOrEqual(12);
    const rows = [
      ["Judul"],
      ["No", "Sel", "Indikator", "Lama", "Baru"],
      ...changes.map((c, k) => [k + 1, `${c.sheet}!${c.cell}`, spbe.indicators[c.indicator - 1].name, 2, 5]),
    ];
    const grid = written(after, recordSheetPlan("Catatan Rapat", rows));
    expect(analyze(grid, FRAMEWORKS).tables.map((t) => t.layout.sheet)).toEqual([SHEET]);
    // The record alone (its workbook's indicator sheet deleted) is still no assessment.
    const alone = { ...grid, sheets: grid.sheets.filter((x) => x.name === "Catatan Rapat") };
    expect(analyze(alone, FRAMEWORKS).tables).toEqual([]);
  });
});
