/**
 * `spbe-index plan`: the fewest raises that reach a target index, for every level
 * column the worksheet holds; with `--write` or `--in-place`, each column's plan is also
 * written into a plan sheet of the workbook (core/planSheet.ts) with live formulas, every
 * other part of the package kept as it was. Exit status as for score: 0 every column
 * planned, 1 a column could not be planned because of problems in it, 2 could not work.
 */
import type { Analysis } from "../core/analyze";
import { inLanguage, say, TextLanguage } from "../core/textLanguage";
import { PlannedAssessment, planAnalysis, planJson, planText } from "../core/toolsReport";
import type { WritePlan } from "../core/writePlan";
import type { CliIo, PlanArgs } from "./run";
import type { WorkbookFile } from "./workbookFile";

export async function runPlan(
  args: PlanArgs,
  analysis: Analysis,
  book: WorkbookFile,
  io: CliIo,
  lang: TextLanguage,
): Promise<number> {
  const target = args.target ?? analysis.tables.find((t) => t.target !== undefined)?.target;
  if (target === undefined) {
    io.err(
      `spbe-index: ${say(lang, "--target tidak diberikan dan lembar hasil tidak menyimpan target", "--target not given and the results sheet stores no target")}`,
    );
    return 2;
  }
  const planned = planAnalysis(analysis, { target, step: args.step, outOfReach: args.outOfReach, caps: args.caps });
  // A bad option gives the same refusal for every column: say it once and stop.
  const refusal = planned.map((p) => p.plan).find((p) => !p.ok && p.code !== "incomplete");
  if (refusal && !refusal.ok) {
    io.err(`spbe-index: ${inLanguage(refusal.reason, lang)}`);
    return 2;
  }
  const status = planned.every((p) => p.plan.ok) ? 0 : 1;
  const out = args.inPlace ? args.file : args.write;
  if (!out) {
    if (args.format === "json") io.out(JSON.stringify(planJson(target, planned), null, 2));
    else io.out(planText(target, planned, lang));
    return status;
  }

  if (args.format !== "json") io.out(planText(target, planned, lang));
  const plan = planSheets(book, planned);
  if (plan.sheets.length === 0) {
    io.err(
      `spbe-index: ${say(lang, "tidak ada rencana yang dapat ditulis; tidak ada yang ditulis", "no plan can be written; nothing was written")}`,
    );
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeTo } = require("./run") as typeof import("./run");
  const written = await writeTo(plan, book, out, args, io);
  if (!written) return 2;
  const sheets = written.plan.sheets.map((x) => `"${x}"`).join(", ");
  if (args.format === "json")
    io.out(
      JSON.stringify({ ...planJson(target, planned), written: { file: out, sheets: written.plan.sheets } }, null, 2),
    );
  const say1 = args.format === "json" ? io.err : io.out;
  say1(
    say(
      lang,
      `Ditulis: ${out} — lembar rencana ${sheets} dengan rumus hidup; ubah sel kuning untuk mencoba kenaikan lain`,
      `Written: ${out} — plan sheet ${sheets} with live formulas; change the yellow cells to try other raises`,
    ),
  );
  for (const n of written.notes) say1(`  ${inLanguage(n, lang)}`);
  return status;
}

/**
 * One plan sheet per column that has a plan: its own sheet found again, or a free name
 * beside the others. The last level column (the assessor's, where there are two) is
 * named first, so the plan a city adopts is "Rencana Target" itself.
 */
function planSheets(book: WorkbookFile, planned: PlannedAssessment[]): WritePlan {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { planSheetName, planSheetPlan } = require("../core/planSheet") as typeof import("../core/planSheet");
  const { emptyWritePlan } = require("../core/writePlan") as typeof import("../core/writePlan");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const grid = book.grid;
  const taken = { sheets: [...grid.sheets] };
  const all = emptyWritePlan();
  for (const p of [...planned].reverse()) {
    if (!p.plan.ok) continue;
    const a = p.table.assessments.find((x) => x.column.letter === p.column)!;
    const name = planSheetName(taken, p.table.layout.sheet, p.column);
    if (!taken.sheets.some((s) => s.name === name)) taken.sheets.push({ name, values: [] });
    const one = planSheetPlan(grid, p.table, a, p.plan, name);
    for (const key of Object.keys(all) as (keyof WritePlan)[]) (all[key] as unknown[]).push(...one[key]);
  }
  return all;
}
