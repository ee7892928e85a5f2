/**
 * The one seam between the command line and its .xlsx file reader and writer: a path becomes the core's
 * grid and a way to build the scored workbook. Every command and every batch worker
 * reads through here, so the reader and the writer change in one file.
 */
import type { Bilingual } from "../core/framework";
import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/writePlan";
import type { AnalyzeOptions } from "../core/analyze";
import { checkPlan } from "../core/planCheck";
import { rowsNeeded } from "../core/readingNeeds";
import { FRAMEWORKS, OTHER_MODELS } from "../frameworks";
import { packageFacts } from "../xlsx/packageFacts";
import { isMacroEnabled, MAX_CELLS, notXml, packageGrid } from "../xlsx/readWorkbook";
import { XmlError } from "../xlsx/xml";
import { openPackage, PackageError } from "../xlsx/zipPackage";
import { bi, both } from "../core/messages";
import { FileError } from "./files";

/** A workbook that could not be read or written; its message says why, in both languages. */
export class WorkbookError extends Error {
  /** `file`, when given, leads the message: the reason is about that file's contents */
  constructor(
    readonly bilingual: Bilingual,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${both(bilingual)}` : both(bilingual));
  }
}

export interface ScoredWorkbook {
  data: Buffer;
  /** what was left unwritten, and why */
  notes: Bilingual[];
  /** the plan as written: without what of the person's it left */
  plan: WritePlan;
  /** what of the person's the write left as it was, kept, or changed (a Text format), and why */
  left: { place: string; what: "left" | "kept" | "format"; message: Bilingual }[];
}

export interface WorkbookFile {
  grid: WorkbookGrid;
  /** the person's workbook with only the plan's parts changed; throws WorkbookError when the writer refuses */
  write(plan: WritePlan): Promise<ScoredWorkbook>;
  /** why the scored workbook cannot be saved under `target` (a macro project and the name's extension), if it cannot */
  refuseTarget(target: string): string | undefined;
}

export interface FileReader {
  readFile(p: string): Promise<Buffer>;
  exists(p: string): boolean;
}

/**
 * Reads a workbook. With `options` (the analysis's own), only the rows that analysis
 * looks at are read (`rowsNeeded`): a long log or evidence sheet beside the indicator
 * table costs its header band.
 */
export async function readWorkbookFile(io: FileReader, file: string, options?: AnalyzeOptions): Promise<WorkbookFile> {
  let data: Buffer;
  try {
    data = await io.readFile(file);
  } catch (e) {
    if (e instanceof FileError) throw new WorkbookError(e.bilingual);
    if ((e as NodeJS.ErrnoException)?.code === "ENOENT")
      throw new WorkbookError(bi(`berkas tidak ada: ${file}`, `file not found: ${file}`));
    throw e;
  }
  try {
    const pkg = openPackage(data);
    const needs =
      options && ((g: WorkbookGrid) => rowsNeeded(g, FRAMEWORKS, { ...options, otherModels: OTHER_MODELS }));
    const { grid, parts } = packageGrid(pkg, MAX_CELLS, needs);
    const macros = isMacroEnabled(pkg, parts);
    return {
      grid,
      async write(plan) {
        // The writer is loaded only by a command that writes.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const writer = require("../xlsx/writeWorkbook") as typeof import("../xlsx/writeWorkbook");
        // The same rules as the add-in: a person's cells, formulas and validation stay theirs.
        let facts: ReturnType<typeof packageFacts>;
        try {
          facts = packageFacts(pkg, parts, grid, plan);
        } catch (e) {
          if (e instanceof XmlError) throw new WorkbookError(notXml(e.part ?? "?"));
          if (e instanceof PackageError) throw new WorkbookError(e.bilingual);
          throw e;
        }
        const checked = checkPlan(plan, facts);
        if (checked.refusal) throw new WorkbookError(checked.refusal);
        const left: ScoredWorkbook["left"] = [
          ...checked.plan.skipped.map((k) => ({
            place: `${k.sheet}!${k.cell}`,
            what: "left" as const,
            message: k.message,
          })),
          ...checked.touches
            .filter((t) => t.kind === "format" || t.kind.startsWith("validation"))
            .map((t) => ({
              place: `${t.sheet}!${t.place}`,
              what: t.kind === "format" ? ("format" as const) : ("kept" as const),
              message: t.message,
            })),
        ];
        try {
          const w = writer.writeWorkbook(pkg, parts, checked.plan);
          return {
            data: Buffer.from(w.data.buffer, w.data.byteOffset, w.data.byteLength),
            notes: w.notes,
            left,
            plan: checked.plan,
          };
        } catch (e) {
          if (e instanceof writer.WriteRefused || e instanceof PackageError) throw new WorkbookError(e.bilingual);
          throw e;
        }
      },
      refuseTarget(target) {
        if (macros === target.toLowerCase().endsWith(".xlsm")) return undefined;
        return macros
          ? `${file} berisi makro; simpan hasilnya sebagai .xlsm, bukan ${target} / contains macros; write the result as .xlsm, not ${target}`
          : `${file} tidak berisi makro; simpan hasilnya sebagai .xlsx, bukan ${target} / has no macros; write the result as .xlsx, not ${target}`;
      },
    };
  } catch (e) {
    if (e instanceof PackageError) throw new WorkbookError(e.bilingual, file);
    // Whatever else stops the reader is still the file's damage, said in the one shape, never in a parser's words.
    throw new WorkbookError(bi("berkas .xlsx rusak, tidak terbaca", "corrupt .xlsx, cannot be read"), file);
  }
}
