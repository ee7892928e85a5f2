/**
 * The strict fake Excel host: an in-memory workbook behind the subset of the Excel
 * JavaScript API the add-in uses. Test and workbench support only; the task pane
 * never imports it, so it never ships in the add-in's bundle.
 *
 *   const fake = createFakeExcel(grid, { apiVersion: "1.9", displayLanguage: "id-ID" });
 *   const host = createOfficeHost(fake.Excel, fake.Office);
 *   fake.workbook.setValue("Kertas Kerja", "E7", 4); // as a person types
 *   fake.syncs;                                      // round trips so far
 */
import { WorkbookGrid } from "../core/grid";
import { FakeRequestContext, PAYLOAD_LIMIT_BYTES } from "./api";
import { FakeWorkbookHandle } from "./handle";
import { WorkbookModel } from "./workbookModel";

export { FakeOfficeError } from "./errors";
export { FakeWorkbookHandle } from "./handle";
export type { FakeCellView, FakeChartView, FakeRuleView, FakeSnapshot } from "./handle";
export type { FakeCellStyle, FakeValidation } from "./workbookModel";

export interface FakeExcelOptions {
  /** highest ExcelApi requirement set this Excel supports, e.g. "1.3" for an old perpetual licence */
  apiVersion?: string;
  /** Office.context.displayLanguage */
  displayLanguage?: string;
  /** the regional settings numbers are shown in (Application.cultureInfo, ExcelApi 1.11); the display language's by default */
  culture?: string;
  theme?: "light" | "dark";
  /** bytes a request or a response may hold; Excel on the web's 5 MB by default */
  payloadLimit?: number;
  /**
   * Whether this Office has TaskPaneApi 1.1 (`Office.extensionLifeCycle.taskpane.setWidth`);
   * yes by default, no for an Excel older than ExcelApi 1.14, which predates it.
   */
  taskPaneApi?: boolean;
  /** called with the width the pane was set to, where a width within Excel on the web's range was asked */
  onPaneWidth?(width: number): void;
}

/**
 * Excel on the web's range for `TaskPane.setWidth` (`@types/office-js`, TaskPaneApi 1.1:
 * "Web (Excel): Between 350 and 500 px (inclusive)"; "If you pass a width beyond the
 * minimum and maximum constraints, the task pane isn't resized and no error is shown").
 */
export const PANE_WIDTH_RANGE = { min: 350, max: 500 } as const;

export interface FakeExcel {
  /** pass where `typeof Excel` is expected */
  Excel: typeof Excel;
  /** pass where `typeof Office` is expected */
  Office: typeof Office;
  workbook: FakeWorkbookHandle;
  /** context.sync calls made so far, by anyone */
  readonly syncs: number;
  /** bytes of each round trip's request and response so far, in order */
  readonly traffic: readonly { request: number; response: number }[];
  /**
   * A colleague's Excel on the same shared workbook: its add-in's writes reach this
   * Excel's change handlers with source "Remote", as co-authoring delivers them.
   */
  coAuthor(): FakeExcel;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/**
 * Where Excel.RunOptions.delayForCellEdit is honoured. The type definitions carry no
 * requirement set for RunOptions; Microsoft's page "Delay execution while cell is being
 * edited" places it with ExcelApi 1.11, and an older Excel ignores an option it does not know.
 */
export const DELAY_FOR_CELL_EDIT_SET = "1.11";

const THEMES = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#363636",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
};

export function createFakeExcel(initial: WorkbookGrid, options: FakeExcelOptions = {}): FakeExcel {
  const model = new WorkbookModel({
    apiVersion: options.apiVersion ?? "1.14",
    displayLanguage: options.displayLanguage ?? "en-US",
    culture: options.culture ?? options.displayLanguage ?? "en-US",
    payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT_BYTES,
  });
  model.load(initial);
  let clients = 0;
  const excelOn = (client: number): FakeExcel => fakeExcel(model, options, client, () => excelOn(++clients));
  return excelOn(0);
}

function fakeExcel(
  model: WorkbookModel,
  options: FakeExcelOptions,
  client: number,
  coAuthor: () => FakeExcel,
): FakeExcel {
  async function run<T>(first: unknown, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T>;
    let ctx: FakeRequestContext;
    if (first instanceof FakeRequestContext) ctx = first;
    else if (
      typeof first === "object" &&
      first !== null &&
      (first as { context?: unknown }).context instanceof FakeRequestContext
    ) {
      ctx = (first as { context: FakeRequestContext }).context;
    } else {
      ctx = new FakeRequestContext(model, client);
      // Excel.run(options, batch): RunOptions
      const options = typeof first === "object" && first !== null ? (first as { delayForCellEdit?: unknown }) : {};
      ctx.delayForCellEdit = options.delayForCellEdit === true && model.supports(DELAY_FOR_CELL_EDIT_SET);
    }
    ctx.setOpen(true);
    try {
      const result = await batch(ctx);
      // Excel.run sends whatever is still queued when the batch returns.
      if (ctx.pendingOperations > 0) await ctx.sync();
      return result;
    } finally {
      ctx.setOpen(false);
    }
  }

  const excel = {
    run,
    ConditionalFormatType: { custom: "Custom" },
    DataValidationOperator: { between: "Between" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    EventSource: { local: "Local", remote: "Remote" },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      notImplemented: "NotImplemented",
    },
  };

  const taskPaneApi = options.taskPaneApi ?? model.supports("1.14");
  const office = {
    HostType: { Excel: "Excel" },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      displayLanguage: model.options.displayLanguage,
      officeTheme: THEMES[options.theme ?? "light"],
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          (name === "ExcelApi" && model.supports(version ?? "1.1")) ||
          (name === "TaskPaneApi" && taskPaneApi && (version ?? "1.1") === "1.1"),
      },
    },
    // Present only where the requirement set is: calling it elsewhere fails as a missing member would.
    ...(taskPaneApi
      ? {
          extensionLifeCycle: {
            taskpane: {
              setWidth(width: number) {
                if (!Number.isFinite(width) || width < PANE_WIDTH_RANGE.min || width > PANE_WIDTH_RANGE.max) return;
                options.onPaneWidth?.(width);
              },
            },
          },
        }
      : {}),
  };

  return {
    Excel: excel as unknown as typeof Excel,
    Office: office as unknown as typeof Office,
    workbook: new FakeWorkbookHandle(model),
    get syncs() {
      return model.syncCount;
    },
    get traffic() {
      return model.traffic;
    },
    coAuthor,
  };
}
