/**
 * Moves the relative references of a formula by whole rows and columns, as Excel does
 * when a formula is copied. The Office host needs it where Excel lacks multi-area ranges
 * (before ExcelApi 1.9): one conditional format per area, each written for its own
 * top-left cell. The file reader and writer need it for shared formulas, which a package
 * stores once for a block of cells. Text in double quotes and quoted sheet names are left
 * alone.
 */
import { columnIndex, columnLetter } from "./grid";

const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
// A cell reference not glued to a longer name, a function call or a sheet name.
const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula
    .split(QUOTED)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(REF, (whole, absCol: string, col: string, absRow: string, row: string) => {
        const c = columnIndex(col);
        if (c === undefined) return whole;
        const newCol = absCol ? c : c + dCol;
        const newRow = absRow ? Number(row) : Number(row) + dRow;
        if (newCol < 0 || newRow < 1) return "#REF!";
        return `${absCol}${columnLetter(newCol)}${absRow}${newRow}`;
      });
    })
    .join("");
}
