/**
 * Scoring one workbook of a batch: read, analyse and, when asked, build the scored
 * workbook's bytes; keep only the summary rows, so the workbook is released before the
 * next one is read. The same function runs in a worker thread and, for small batches,
 * in the main thread; saving the bytes is the main thread's, as for a single file.
 */
import { analyze } from "../core/analyze";
import type { Bilingual } from "../core/framework";
import { buildWritePlan } from "../core/writePlan";
import { FRAMEWORKS, frameworkById, OTHER_MODELS } from "../frameworks";
import { summaryRows, SummaryRow, unreadableRow } from "./summaryRow";
import { FileReader, readWorkbookFile, WorkbookError } from "./workbookFile";

export interface ScoreTask {
  /** path to read */
  path: string;
  /** how the summary names it */
  file: string;
  sheet?: string;
  levelColumns?: string[];
  framework?: string;
  threshold?: number;
  /** 1-based row of the table's column headers, when the person names it */
  headerRow?: number;
  /** where the scored workbook goes, when asked */
  writeTo?: string;
  /** why the file cannot be read, known before reading it */
  problem?: string;
}

export interface TaskResult {
  rows: SummaryRow[];
  /** the scored workbook to save at `writeTo` */
  output?: Uint8Array;
  /** what the writer left unwritten */
  notes?: Bilingual[];
  /** it scored, but the scored workbook could not be made */
  writeError?: string;
}

function unexpected(e: unknown): string {
  return `galat tak terduga / unexpected error: ${e instanceof Error ? e.message : String(e)}`;
}

export async function runScoreTask(task: ScoreTask, io: FileReader): Promise<TaskResult> {
  if (task.problem) return { rows: [unreadableRow(task.file, task.problem)] };
  let book;
  let analysis;
  let rows;
  try {
    const options = {
      sheet: task.sheet,
      levelColumns: task.levelColumns?.length ? task.levelColumns : undefined,
      framework: task.framework ? frameworkById(task.framework) : undefined,
      threshold: task.threshold,
      headerRow: task.headerRow,
      otherModels: OTHER_MODELS,
    };
    book = await readWorkbookFile(io, task.path, options);
    analysis = analyze(book.grid, FRAMEWORKS, options);
    rows = summaryRows(task.file, analysis, book.grid);
  } catch (e) {
    // One strange workbook becomes its own row; the batch goes on.
    return { rows: [unreadableRow(task.file, e instanceof WorkbookError ? e.message : unexpected(e))] };
  }
  if (!task.writeTo || analysis.tables.length === 0) return { rows };
  const refused = book.refuseTarget(task.writeTo);
  if (refused) return { rows, writeError: refused };
  try {
    const written = await book.write(buildWritePlan(book.grid, analysis));
    // A copy of its own, so the bytes can move to the main thread without taking a shared buffer along.
    return {
      rows,
      output: new Uint8Array(written.data),
      notes: [...written.notes, ...written.left.map((k) => k.message)],
    };
  } catch (e) {
    return { rows, writeError: `${task.writeTo}: ${e instanceof WorkbookError ? e.message : unexpected(e)}` };
  }
}
