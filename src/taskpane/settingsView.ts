/** What the settings form starts from: the setup the pane detected, and the choices it offers. */
import { Analysis } from "../core/analyze";
import { WorkbookGrid } from "../core/grid";
import { isPlanSheet, isResultsSheet } from "../core/settings";
import { FRAMEWORKS } from "../frameworks";
import { DetectedSetup } from "./components/SettingsPanel";
import { Language } from "./i18n";
import { thresholdText } from "./view";

export function detectedSetup(grid: WorkbookGrid | null, analysis: Analysis | null, lang: Language): DetectedSetup {
  const first = analysis?.tables[0];
  return {
    // The tool's own sheets (results, plans) are no indicator sheet to choose.
    sheets: grid ? grid.sheets.filter((s) => !isResultsSheet(s) && !isPlanSheet(s)).map((s) => s.name) : [],
    sheet: first?.layout.sheet ?? null,
    headerRow: first ? first.layout.headerRow + 1 : null,
    levelColumns: first?.layout.levelColumns.map((c) => c.letter) ?? [],
    threshold: first ? thresholdText(first.framework, first.threshold, lang) : null,
  };
}

export function frameworkChoices(lang: Language): { id: string; label: string }[] {
  return FRAMEWORKS.map((f) => ({
    id: f.id,
    label: `${lang === "id" ? f.title : f.data.titleEn} (${f.data.shortName})`,
  }));
}

/** The widest level range among the frameworks, for checking a typed threshold. */
export function levelRange(): { min: number; max: number } {
  return {
    min: Math.min(...FRAMEWORKS.map((f) => f.data.levels.min)),
    max: Math.max(...FRAMEWORKS.map((f) => f.data.levels.max)),
  };
}
