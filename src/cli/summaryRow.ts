/**
 * One row of the batch summary per level column of every workbook: the published shape
 * of `--summary FILE.json` and the source of the .csv and .xlsx forms. Other programs
 * rely on the keys: keep them. The figures come from the single-file report's own JSON of
 * each level column, so a row can never disagree with `spbe-index score FILE --format json`.
 */
import { findAgencyYear } from "../core/agencyYear";
import type { Analysis } from "../core/analyze";
import type { WorkbookGrid } from "../core/grid";
import { both } from "../core/messages";
import { assessmentJson } from "../core/report";
import { numbersOnlyWarning } from "../core/identification";

export type AssessmentStatus = "complete" | "incomplete" | "not-filled" | "unreadable";

export interface SummaryRow {
  /** the path as the user gave it, or inside the folder the user gave */
  file: string;
  sheet: string | null;
  framework: string | null;
  agency: string | null;
  year: number | null;
  column: string | null;
  header: string | null;
  status: AssessmentStatus;
  /** why the file could not be read; null otherwise */
  message: string | null;
  index: number | null;
  predicate: string | null;
  domains: { id: number; index: number | null }[];
  aspects: { id: number; index: number | null }[];
  /** the table's problems and this column's, as the single-file report lists them */
  problems: number;
  lowScores: number;
  /** what the table was identified by ("names", "codes", "numbers", "user"); null when unread */
  identifiedBy: string | null;
}

/** The reason without the file's name in front: the row names the file already. */
export function unreadableRow(file: string, message: string): SummaryRow {
  if (message.startsWith(`${file}: `)) message = message.slice(file.length + 2);
  return {
    file,
    sheet: null,
    framework: null,
    agency: null,
    year: null,
    column: null,
    header: null,
    status: "unreadable",
    message,
    index: null,
    predicate: null,
    domains: [],
    aspects: [],
    problems: 0,
    lowScores: 0,
    identifiedBy: null,
  };
}

export function summaryRows(file: string, analysis: Analysis, grid: WorkbookGrid): SummaryRow[] {
  if (analysis.tables.length === 0) {
    const why = analysis.notes.map((n) => both(n.message)).join("; ");
    return [unreadableRow(file, `tabel indikator tidak ditemukan / no indicator table found${why ? ` (${why})` : ""}`)];
  }
  return analysis.tables.flatMap((t) => {
    const { agency, year } = findAgencyYear(
      grid,
      t.layout.sheetIndex,
      t.layout.headerRow,
      analysis.tables.map((x) => x.layout.sheetIndex),
    );
    return t.assessments.map((a): SummaryRow => {
      const j = assessmentJson(a);
      return {
        file,
        sheet: t.layout.sheet,
        framework: t.framework.id,
        agency,
        year,
        column: j.column,
        header: j.header,
        status: a.complete ? "complete" : a.notFilled ? "not-filled" : "incomplete",
        // An index that rests on row numbers alone says so on its own row.
        message: t.layout.identification.basis === "numbers" ? both(numbersOnlyWarning(t.framework)) : null,
        index: j.index,
        predicate: j.predicate,
        domains: j.domains.map((d) => ({ id: d.id, index: d.index })),
        aspects: j.aspects.map((g) => ({ id: g.id, index: g.index })),
        // The table's own issues (missing rows, weights) and this column's, as the report lists them.
        problems: t.issues.filter((i) => i.column === undefined || i.column === a.column.letter).length,
        lowScores: a.lowScores.length,
        identifiedBy: t.layout.identification.basis,
      };
    });
  });
}
