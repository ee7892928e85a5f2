/** The apply preview as plain data: the write plan as checked against the workbook, in the pane's language. */
import type { CheckedPlan } from "../core/planCheck";
import { Bilingual } from "../core/framework";
import { HostCapabilities } from "../excel/workbookHost";
import { summarizePlan } from "../core/planBasics";
import type { WritePlan } from "../core/writePlan";
import { unavailableFeatures } from "./capabilityNotes";
import { Language, pick } from "./i18n";
import type { PreviewView } from "./components/ApplyPreview";

export function previewView(
  plan: WritePlan,
  checked: CheckedPlan | null,
  changes: Bilingual[],
  capabilities: HostCapabilities,
  lang: Language,
): PreviewView {
  // Until the workbook has been looked at, the plan as the last read allows it.
  const written = checked?.plan ?? plan;
  const sum = summarizePlan(written);
  return {
    checking: checked === null,
    sheets: sum.sheets,
    cells: sum.cells,
    templateCells: sum.templateCells,
    validations: capabilities.dataValidation ? sum.validations : 0,
    conditionalFormats: capabilities.conditionalFormats ? sum.conditionalFormats : 0,
    skipped: written.skipped.map((k) => ({ place: `${k.sheet}!${k.cell}`, message: pick(k.message, lang) })),
    // The cells written on the person's sheets are named by place, in one line: the list stays short.
    writes: (checked?.touches ?? []).filter((t) => t.kind === "write").map((t) => `${t.sheet}!${t.place}`),
    touches: (checked?.touches ?? [])
      .filter((t) => t.kind !== "left" && t.kind !== "write")
      .filter((t) => capabilities.dataValidation || !t.kind.startsWith("validation"))
      .map((t) => ({
        place: `${t.sheet}!${t.place}`,
        message: pick(t.message, lang),
        choice: t.choice ? { key: t.choice, replace: t.kind === "validation-replaced" } : undefined,
      })),
    changes: changes.map((c) => pick(c, lang)),
    refusal: checked?.refusal ? pick(checked.refusal, lang) : null,
    // Events do not concern what is written; the rest does.
    unavailable: unavailableFeatures({ ...capabilities, events: true }, lang),
  };
}
