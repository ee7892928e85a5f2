/**
 * An ExcelJS workbook as the core's plain grid, for tests and scripts that build
 * workbooks with ExcelJS. The command line reads files with readWorkbook instead.
 */
import type ExcelJS from "exceljs";
import { CellValue, SheetGrid, WorkbookGrid } from "../core/grid";

type Raw = ExcelJS.CellValue | undefined;

function plain(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  // A number formatted as a date is still that number to Excel's formulas (and to Office.js):
  // give the core the serial number, not the date text. ExcelJS reads serials this way.
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("") || null;
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      // A formula saved without its value (some generators do this) cannot be scored
      // without recalculating; say so instead of treating it as blank.
      if (r === undefined) return { error: "#BELUM-DIHITUNG/NOT-CALCULATED" };
      return plain(r as Raw);
    }
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Excel reports only the top-left cell of a merged area; ExcelJS repeats its value.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      (values[r] ??= [])[c] = plain(cell.value as Raw);
      const f = cell.formula;
      if (f) (formulas[r] ??= [])[c] = `=${f}`;
    });
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  return { name: ws.name, values, formulas, merges };
}

export function workbookGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: wb.worksheets.map(sheetGrid) };
}
