/** A batch summary row says how its table was identified, and says it plainly when by numbers alone. */
import { summaryCsv } from "../../../src/cli/summary";
import { summaryRows } from "../../../src/cli/summaryRow";
import { analyze } from "../../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { FRAMEWORKS } from "../../../src/frameworks";
import * as T from "../../fixtures/templates";

function grid(rows: CellValue[][]): WorkbookGrid {
  return { sheets: [{ name: "S", values: rows }] };
}

test("numbers alone: identifiedBy numbers, and the row's message says so in both languages", () => {
  const values: CellValue[][] = [["No", "Nilai"]];
  for (let i = 1; i <= 47; i++) values.push([i, T.DENPASAR_FINAL[i] as number]);
  const g = grid(values);
  const [row] = summaryRows("angka.xlsx", analyze(g, FRAMEWORKS), g);
  expect(row).toMatchObject({ status: "complete", index: 3.19, identifiedBy: "numbers" });
  expect(row.message).toMatch(
    /^Tabel ini dikenali dari nomor baris saja.* \/ This table was identified by its row numbers alone/,
  );
  expect(summaryCsv([row]).split("\r\n")[1]).toMatch(/,numbers$/);
});

test("names: identifiedBy names and no message", () => {
  const values: CellValue[][] = [["No", "Indikator", "Nilai"]];
  for (const i of T.SPBE.indicators) values.push([i.id, i.name, T.DENPASAR_FINAL[i.id] as number]);
  const g = grid(values);
  const [row] = summaryRows("nama.xlsx", analyze(g, FRAMEWORKS), g);
  expect(row).toMatchObject({ index: 3.19, identifiedBy: "names", message: null });
});
