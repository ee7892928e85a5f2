/** The apply preview as plain data: the write plan's summary in the pane's language. */
import { HostCapabilities } from "../excel/workbookHost";
import { summarizePlan, WritePlan } from "../core/writePlan";
import { unavailableFeatures } from "./capabilityNotes";
import { Language, pick } from "./i18n";
import { PreviewView } from "./components/ApplyPreview";

export function previewView(plan: WritePlan, capabilities: HostCapabilities, lang: Language): PreviewView {
  const sum = summarizePlan(plan);
  return {
    sheets: sum.sheets,
    cells: sum.cells,
    templateCells: sum.templateCells,
    validations: capabilities.dataValidation ? sum.validations : 0,
    conditionalFormats: capabilities.conditionalFormats ? sum.conditionalFormats : 0,
    skipped: plan.skipped.map((k) => ({ place: `${k.sheet}!${k.cell}`, message: pick(k.message, lang) })),
    // Events do not concern what is written; the rest does.
    unavailable: unavailableFeatures({ ...capabilities, events: true }, lang),
  };
}
