/** The meeting's record in words: lines in the pane's language, the minutes in Indonesian, a sheet name never a person's. */
import { analyze } from "../../../src/core/analyze";
import { WorkbookGrid } from "../../../src/core/grid";
import { recordChanges } from "../../../src/core/meetingRecord";
import { FRAMEWORKS } from "../../../src/frameworks";
import { recordLines, recordRows, recordSheetName, recordText } from "../../../src/taskpane/recordView";
import { rowOf, spbeGrid } from "./grids";
import "./english";

function oneChange() {
  const before = spbeGrid();
  const after: WorkbookGrid = JSON.parse(JSON.stringify(before));
  after.sheets[1].values[rowOf(before, "Kertas Kerja", 7)][2] = 7;
  return recordChanges(before, analyze(before, FRAMEWORKS), after, analyze(after, FRAMEWORKS), "local");
}

describe("the record in words", () => {
  test("a line in each language; the minutes and the sheet's rows always Indonesian", () => {
    const record = oneChange();
    const cell = record[0].cell;
    const [id] = recordLines(record, "id");
    const [en] = recordLines(record, "en");
    expect(id.what).toMatch(new RegExp(`^1\\. ${cell} \\(kolom C\\), indikator 7 .*: \\d → 7$`));
    expect(id.effect).toMatch(/^Domain 1 \d,\d\d → tidak dapat dihitung; indeks 3,75 → tidak dapat dihitung$/);
    expect(en.what).toMatch(new RegExp(`^1\\. ${cell} \\(column C\\), indicator 7 .*: \\d → 7$`));
    expect(en.who).toBe("this computer");
    const text = recordText(record, "Indeks SPBE", "3 Desember 2026");
    expect(text.split("\n")).toEqual([
      "Catatan rapat Indeks SPBE, 3 Desember 2026",
      `${id.what}; oleh komputer ini; ${id.effect}.`,
    ]);
    const rows = recordRows(record, "Indeks SPBE", "3 Desember 2026");
    expect(rows[1]).toEqual(["No", "Sel", "Indikator", "Lama", "Baru", "Oleh", "Domain/aspek", "Indeks"]);
    expect(rows[2].slice(0, 2)).toEqual([1, `Kertas Kerja!${cell}`]);
    expect(rows[2][5]).toBe("komputer ini");
  });

  test("the sheet's name: never one that exists already; the session's own sheet again", () => {
    const grid = spbeGrid();
    expect(recordSheetName(grid, null)).toBe("Catatan Rapat");
    grid.sheets.push({ name: "catatan rapat", values: [["notulen kami"]] });
    expect(recordSheetName(grid, null)).toBe("Catatan Rapat 2");
    expect(recordSheetName(grid, "Catatan Rapat 2")).toBe("Catatan Rapat 2");
  });
});
