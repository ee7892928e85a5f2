/**
 * ExcelJS host, writing side: applies a WritePlan to an ExcelJS workbook. The plan
 * decides everything; this file only translates it into ExcelJS calls.
 */
import type ExcelJS from "exceljs";
import { WritePlan, CellStyle } from "../core/writePlan";
import { parseA1, a1 } from "../core/grid";

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle | undefined) {
  if (!s) return;
  if (s.bold || s.italic || s.fontColor) {
    cell.font = { ...(cell.font ?? {}), bold: s.bold, italic: s.italic, ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}) };
  }
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.align || s.wrap) cell.alignment = { ...(cell.alignment ?? {}), horizontal: s.align, wrapText: s.wrap, vertical: s.wrap ? "top" : undefined };
}

function eachCell(range: string, fn: (address: string) => void) {
  const [from, to = from] = range.split(":");
  const a = parseA1(from)!;
  const b = parseA1(to)!;
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) fn(a1(r, c));
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of plan.sheets) if (!wb.getWorksheet(name)) wb.addWorksheet(name);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`sheet "${name}" is not in the workbook`);
    return ws;
  };
  for (const c of plan.cells) {
    const cell = sheet(c.sheet).getCell(c.address);
    if (c.formula) {
      cell.value = { formula: c.formula.replace(/^=/, ""), result: c.result } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = c.value ?? null;
    }
    applyStyle(cell, c.style);
  }
  for (const v of plan.validations) {
    const ws = sheet(v.sheet);
    for (const range of v.ranges) {
      eachCell(range, (address) => {
        ws.getCell(address).dataValidation = {
          type: v.type,
          operator: "between",
          allowBlank: true,
          formulae: [v.min, v.max],
          showInputMessage: true,
          promptTitle: v.inputTitle,
          prompt: v.inputMessage,
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: v.errorTitle,
          error: v.errorMessage,
        };
      });
    }
  }
  const planned = new Map<string, Set<string>>();
  for (const cf of plan.conditionalFormats) {
    if (!planned.has(cf.sheet)) planned.set(cf.sheet, new Set());
    planned.get(cf.sheet)!.add(cf.formula);
  }
  for (const [name, formulas] of planned) {
    // Our own earlier rules are recognised by their exact formula and replaced, never doubled.
    const ws = sheet(name) as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    ws.conditionalFormattings = ws.conditionalFormattings.filter(
      (cf) => !cf.rules.some((r) => "formulae" in r && ((r.formulae ?? []) as unknown[]).some((f) => formulas.has(String(f).replace(/^=/, "")))),
    );
  }
  plan.conditionalFormats.forEach((cf, i) => {
    sheet(cf.sheet).addConditionalFormatting({
      ref: cf.ranges.join(" "),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            font: { color: { argb: argb(cf.fontColor) } },
          },
        },
      ],
    });
  });
  for (const n of plan.names) {
    const existing = wb.definedNames.getRanges(n.name);
    for (const r of existing.ranges ?? []) wb.definedNames.remove(r, n.name);
    wb.definedNames.add(n.reference, n.name);
  }
  for (const w of plan.columnWidths) sheet(w.sheet).getColumn(w.column).width = w.width;
  // Whoever opens the file next recalculates everything, whatever their settings.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}
