/** Every fixture workbook (written by ExcelJS, openpyxl and LibreOffice), and a way to read one as a grid. */
import * as fs from "fs";
import * as path from "path";
import { WorkbookGrid } from "../../src/core/grid";
import { readWorkbook } from "../../src/xlsx/readWorkbook";

const FIXTURES = path.join(__dirname, "../fixtures");

/** Paths under test/fixtures of every .xlsx and .xlsm fixture. */
export const FIXTURE_WORKBOOKS = ["xlsx", "xlsx/rich", "openpyxl"].flatMap((d) =>
  fs
    .readdirSync(path.join(FIXTURES, d))
    .filter((f) => /\.xls[xm]$/.test(f))
    .map((f) => path.join(d, f)),
);

/** The fixture as a grid; undefined for a damaged file, which is refused before anything is analysed. */
export async function fixtureGrid(file: string): Promise<WorkbookGrid | undefined> {
  try {
    return await readWorkbook(path.join(FIXTURES, file));
  } catch {
    return undefined;
  }
}
