/**
 * `spbe-index plan`: the fewest raises that reach a target index, for every level
 * column the worksheet holds. Exit status as for score: 0 every column planned,
 * 1 a column could not be planned because of problems in it, 2 could not work.
 */
import type { Analysis } from "../core/analyze";
import { inLanguage, say, TextLanguage } from "../core/textLanguage";
import { planAnalysis, planJson, planText } from "../core/toolsReport";
import type { CliIo, PlanArgs } from "./run";

export function runPlan(args: PlanArgs, analysis: Analysis, io: CliIo, lang: TextLanguage): number {
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
  if (args.format === "json") io.out(JSON.stringify(planJson(target, planned), null, 2));
  else io.out(planText(target, planned, lang));
  return planned.every((p) => p.plan.ok) ? 0 : 1;
}
