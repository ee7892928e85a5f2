/**
 * The task pane wired up: the controller hook's state turned into view data, and its
 * intents passed down as callbacks. The only component that knows a host exists.
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import { WorkbookHost } from "../excel/workbookHost";
import { unavailableFeatures } from "./capabilityNotes";
import { Pane } from "./components/Pane";
import type { MaybeLazy } from "./components/lazyPart";
import type { ToolChartsProps } from "./components/ToolCharts";
import { followExcelDecimalSign } from "./format";
import { FIRST_ENGLISH, languageFromOffice, pick, strings } from "./i18n";
import { previewView } from "./previewView";
import { detectedSetup, frameworkChoices, levelRange } from "./settingsView";
import { paneLanguage } from "./state";
import type { ColumnPlan } from "./targetView";
import { toolsView } from "./toolsView";
import { copyText } from "./clipboard";
import { recordSheetPlan } from "../core/meetingRecord";
import { frameworkById } from "../frameworks";
import { useMeetingMode } from "./meetingMode";
import { recordLines, recordRows, recordSheetName, recordText } from "./recordView";
import { usePane } from "./usePane";
import { externalSuggestion, paneView } from "./view";

export interface AppProps {
  host: WorkbookHost;
  /** the chart view; index.tsx passes it lazily loaded, so its library stays out of the first download */
  charts?: MaybeLazy<ToolChartsProps>;
}

/** How wide meeting mode asks the task pane to be: the most Excel on the web allows (TaskPaneApi 1.1). */
export const MEETING_WIDTH = 500;

/**
 * Meeting mode widens the task pane where Office lets an add-in set its width, and gives
 * back the width the person had when it ends. Where Office cannot, the pane stays as wide
 * as the person left it.
 */
function useMeetingWidth(host: WorkbookHost, meeting: boolean) {
  const before = useRef<number | null>(null);
  useEffect(() => {
    if (!host.setPaneWidth) return;
    if (meeting) {
      if (before.current === null && window.innerWidth < MEETING_WIDTH) {
        before.current = window.innerWidth;
        if (!host.setPaneWidth(MEETING_WIDTH)) before.current = null;
      }
    } else if (before.current !== null) {
      host.setPaneWidth(before.current);
      before.current = null;
    }
  }, [host, meeting]);
}

export function App({ host, charts }: AppProps) {
  const { state, capabilities, intents } = usePane(host);
  const [meeting, setMeeting] = useMeetingMode();
  const lang = paneLanguage(state);
  const s = strings(lang);
  // Numbers take the decimal sign Excel shows the cells with, where Excel says; the views below depend on it.
  const sign = state.excel.decimalSeparator;
  followExcelDecimalSign(sign);
  const view = useMemo(
    () => (state.analysis ? paneView(state.analysis, lang, state.lastValid) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.analysis, state.lastValid, lang, sign],
  );
  const tools = useMemo(
    () => (state.analysis ? toolsView(state.analysis, state.targetChoices, lang) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.analysis, state.targetChoices, lang, sign],
  );
  const preview = useMemo(
    () =>
      state.writePlan ? previewView(state.writePlan, state.checked, state.previewChanges, capabilities, lang) : null,
    [state.writePlan, state.checked, state.previewChanges, capabilities, lang],
  );
  const detected = useMemo(() => detectedSetup(state.grid, state.analysis, lang), [state.grid, state.analysis, lang]);
  const analysis = state.analysis;
  const convert = useCallback(
    (id: number, text: string) => (analysis ? externalSuggestion(analysis, id, text, lang) : null),
    [analysis, lang],
  );
  const officeLang = languageFromOffice(state.officeLanguage);
  const record = state.record;
  const lines = useMemo(() => recordLines(record, lang), [record, lang]);
  // The minutes name the framework and the day, in Indonesian, whatever the pane's language.
  const minutesTitle = () => frameworkById(record[0]?.framework ?? "")?.title ?? strings("id").appTitle;
  const today = () => new Date().toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric" });
  // After an apply, the parts it skipped are listed with the confirmation; the standing
  // notice leaves those out meanwhile, so no sentence shows twice.
  const appliedSkipped = state.appliedSkipped.map((m) => pick(m, lang));
  const unavailable = unavailableFeatures(capabilities, lang).filter((u) => !appliedSkipped.includes(u));
  // A column's plan written into its own sheet, the same one again within a session.
  const writePlanSheet = (sheet: string, column: string, found: ColumnPlan) => {
    if (!state.grid) return;
    const key = `${sheet}!${column}`;
    const grid = state.grid;
    const known = state.planSheets[key];
    // The sheet's name and plan are made with Apply's code, fetched for it if it is not here yet.
    intents.writePlanSheet(key, (code) => {
      const name = known ?? code.planSheetName(grid, sheet, column);
      return { sheet: name, plan: code.planSheetPlan(grid, found.table, found.assessment, found.plan, name) };
    });
  };
  useEffect(() => {
    // Screen readers pick their voice from the document's language.
    document.documentElement.lang = lang;
  }, [lang]);
  useMeetingWidth(host, meeting);
  // English's words could not be fetched: the pane speaks Indonesian and says why in English too, for who reads only that.
  const englishMissing = state.retry === "language" && state.error !== null && lang === "id";

  return (
    <Pane
      s={s}
      view={view}
      reading={state.reading}
      live={capabilities.events}
      unavailable={unavailable}
      error={state.error ? pick(state.error, lang) : null}
      errorInEnglish={englishMissing ? state.error!.en : null}
      appliedSheet={state.appliedSheet}
      appliedCells={state.appliedCells}
      appliedSkipped={appliedSkipped}
      appliedLeft={state.appliedLeft.map((m) => pick(m, lang))}
      preview={preview}
      previewLoading={state.previewLoading}
      applying={state.applying}
      settings={{
        settings: state.settings,
        detected,
        frameworks: frameworkChoices(lang),
        levelRange: levelRange(),
        onSave: intents.changeSettings,
      }}
      onRefresh={intents.refresh}
      onApply={intents.openPreview}
      onConfirmApply={intents.confirmApply}
      onCancelApply={intents.closePreview}
      onToggleChoice={intents.toggleChoice}
      onSelect={intents.select}
      // The quick switch flips to the other language; choosing Office's own goes back to "automatic".
      onSwitchLanguage={() => {
        const next = lang === "id" ? "en" : "id";
        intents.changeLanguage(next === officeLang ? null : next);
      }}
      onDismiss={intents.dismissMessage}
      jumped={state.jumped}
      onCloseJumpHint={intents.closeJumpHint}
      onRetry={
        state.retry === "preview" ? intents.openPreview : state.retry === "language" ? intents.retryLanguage : undefined
      }
      retryLabel={englishMissing ? `${s.retry} / ${FIRST_ENGLISH.retry}` : undefined}
      languageLoading={state.languageLoading}
      meeting={meeting}
      onMeeting={setMeeting}
      record={{
        lines,
        writtenTo: state.recordSheet,
        onCopy: () => copyText(recordText(record, minutesTitle(), today())),
        onWrite: () => {
          const sheet = recordSheetName(state.grid, state.recordSheet);
          intents.writeRecord(sheet, recordSheetPlan(sheet, recordRows(record, minutesTitle(), today())));
        },
      }}
      convert={convert}
      tools={tools}
      toolsIntents={{
        onTarget: intents.changeTarget,
        onStep: intents.changeStep,
        onRaise: intents.changeRaise,
        onToggleOutOfReach: intents.toggleOutOfReach,
        Charts: charts,
        planSheet: {
          busy: state.applying,
          written: state.planSheets,
          onWrite: writePlanSheet,
        },
      }}
      excel={{
        manualCalculation: state.excel.manualCalculation,
        unreadableRules: state.excel.unreadableRules,
        calculating: state.calculating,
        onCalculate: host.calculate ? intents.calculate : undefined,
      }}
    />
  );
}
