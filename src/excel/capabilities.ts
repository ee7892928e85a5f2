/**
 * What this Excel can do, asked of Office at run time (ExcelApi requirement sets), and
 * what that means for the assessor when a part of the write plan cannot go in. The
 * plan's cells and formulas need only the base API; validation, conditional formats,
 * names and events switch on where the host supports them.
 */
import { Bilingual } from "../core/framework";
import { WritePlan } from "../core/writePlan";
import { HostCapabilities } from "./workbookHost";

/** The capabilities the pane sees, plus the API levels only the host cares about. */
export interface ApiLevels extends HostCapabilities {
  /** 1.2: worksheet protection state, used range of values only, column widths */
  protection: boolean;
  /** 1.2: RangeFormat.columnWidth */
  columnWidths: boolean;
  /** 1.9: multi-area ranges (worksheet.getRanges) */
  rangeAreas: boolean;
  /** 1.9: print settings (worksheet.pageLayout) */
  pageLayout: boolean;
  /** 1.7: chart category names and added series */
  chartSeries: boolean;
  /** 1.14: events say whether this add-in caused them */
  triggerSource: boolean;
  /** 1.13: Range.getMergedAreasOrNullObject */
  mergedAreas: boolean;
  /** 1.11: Excel.run waits while a person edits a cell (RunOptions.delayForCellEdit) */
  delayForCellEdit: boolean;
  /** 1.11: the regional settings numbers are shown in (Application.cultureInfo, decimalSeparator) */
  cultureInfo: boolean;
}

export function readApiLevels(office: typeof Office | undefined): ApiLevels {
  const has = (v: string) => {
    try {
      return !!office?.context?.requirements?.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return {
    dataValidation: has("1.8"),
    conditionalFormats: has("1.6"),
    events: has("1.7"),
    names: has("1.4"),
    protection: has("1.2"),
    columnWidths: has("1.2"),
    rangeAreas: has("1.9"),
    pageLayout: has("1.9"),
    chartSeries: has("1.7"),
    triggerSource: has("1.14"),
    mergedAreas: has("1.13"),
    delayForCellEdit: has("1.11"),
    cultureInfo: has("1.11"),
  };
}

export type OptionalPart = "dataValidation" | "conditionalFormats" | "names" | "events";

export interface SkippedPart {
  part: OptionalPart;
  message: Bilingual;
}

/** What the assessor is told when this Excel lacks a part: after an apply, in the settings and in the apply preview. */
export const MISSING_PART: Record<OptionalPart, Bilingual> = {
  dataValidation: {
    id: "Excel ini belum bisa memasang validasi data dari add-in (perlu ExcelApi 1.8): sel nilai tidak dibatasi, tetapi masalahnya tetap tampil di panel.",
    en: "This Excel cannot set data validation from an add-in (needs ExcelApi 1.8): level cells are not restricted, but problems still show in the pane.",
  },
  conditionalFormats: {
    id: "Excel ini belum bisa memasang format bersyarat dari add-in (perlu ExcelApi 1.6): nilai rendah dan nilai tidak sah tidak diwarnai di lembar, tetapi tetap ditandai di panel.",
    en: "This Excel cannot add conditional formats from an add-in (needs ExcelApi 1.6): low and invalid levels are not coloured on the sheet, but the pane still marks them.",
  },
  names: {
    id: "Excel ini belum bisa menambah nama terdefinisi dari add-in (perlu ExcelApi 1.4): ambang nilai rendah tidak diberi nama; rumus hasil tetap berjalan.",
    en: "This Excel cannot add defined names from an add-in (needs ExcelApi 1.4): the low-score threshold gets no name; the result formulas still work.",
  },
  events: {
    id: "Excel ini belum memberi tahu add-in saat nilai berubah (perlu ExcelApi 1.7): setelah mengubah nilai, klik Muat ulang.",
    en: "This Excel does not tell add-ins when a level changes (needs ExcelApi 1.7): after changing a level, click Refresh.",
  },
};

/**
 * The parts this Excel cannot do, with a plain sentence for each. With a plan, only
 * the parts the plan contains; without, every missing part (for the settings view).
 */
export function skippedParts(caps: HostCapabilities, plan?: WritePlan): SkippedPart[] {
  const inPlan: Record<OptionalPart, boolean> = {
    dataValidation: !plan || plan.validations.length > 0,
    conditionalFormats: !plan || plan.conditionalFormats.length > 0,
    names: !plan || plan.names.length > 0,
    events: !plan,
  };
  return (Object.keys(MISSING_PART) as OptionalPart[])
    .filter((p) => !caps[p] && inPlan[p])
    .map((part) => ({ part, message: MISSING_PART[part] }));
}
