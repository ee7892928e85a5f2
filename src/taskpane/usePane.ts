/**
 * The controller: the only place that talks to the workbook host. It reads on start,
 * watches the level cells for live updates, applies a previewed write plan, and turns
 * every host failure into a message. Components get its state and intents as props.
 * Apply's code (building and checking a write plan) is fetched on the first Apply, with
 * the spinner of the Apply button meanwhile; not an Office round trip. English's words are
 * fetched the same way when the person asks for English, with the language button busy.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { Bilingual } from "../core/framework";
import { NO_CHOICES } from "../core/planBasics";
import type { Who } from "../core/meetingRecord";
import type { WritePlan } from "../core/writePlan";
import { rowsNeeded } from "../core/readingNeeds";
import type { SkippedPart } from "../excel/capabilities";
import { HostCapabilities, WorkbookHost } from "../excel/workbookHost";
import { FRAMEWORKS } from "../frameworks";
import { ApplyCode, applyCode, englishWords, isChunkLoadError, whenIdle } from "./chunks";
import { englishFailure, hasEnglish, Language } from "./i18n";
import { hostMessage } from "./hostMessage";
import { watchKey, watchTargets } from "./levelWatch";
import {
  analyzeOptions,
  initialState,
  PaneAction,
  paneLanguage,
  PaneSettings,
  paneReducer,
  PaneState,
  toggledChoice,
  wantedLanguage,
} from "./state";

export interface PaneIntents {
  refresh(): void;
  openPreview(): void;
  closePreview(): void;
  confirmApply(): void;
  /** keep (or no longer keep) a person's validation in the preview: `key` from its touch */
  toggleChoice(key: string): void;
  select(sheet: string, cell: string): void;
  closeJumpHint(): void;
  changeSettings(settings: PaneSettings): void;
  /** null: Office's language; English is fetched first when its words are not here yet */
  changeLanguage(language: Language | null): void;
  /** fetches English again after its words could not be fetched */
  retryLanguage(): void;
  dismissMessage(): void;
  changeTarget(target: number | null): void;
  changeStep(step: number | null): void;
  changeRaise(raise: number): void;
  toggleOutOfReach(framework: string, indicator: number): void;
  /** recalculates the workbook, for an Excel set to Manual calculation */
  calculate(): void;
  /** writes the meeting's record into a sheet of its own (the same one again within a session) */
  writeRecord(sheet: string, plan: WritePlan): void;
  /** writes a level column's target plan into its plan sheet; `key` is "level sheet!column"; the plan is made with Apply's code */
  writePlanSheet(key: string, make: (code: ApplyCode) => { sheet: string; plan: WritePlan }): void;
}

/** The Office.js host says which optional parts of the last apply this Excel skipped; other hosts skip none. */
function lastSkipped(host: WorkbookHost): Bilingual[] {
  const office = host as { lastSkipped?: () => SkippedPart[] };
  return typeof office.lastSkipped === "function" ? office.lastSkipped().map((p) => p.message) : [];
}

export function usePane(host: WorkbookHost): {
  state: PaneState;
  capabilities: HostCapabilities;
  intents: PaneIntents;
} {
  const [state, dispatch] = useReducer(paneReducer, host.displayLanguage(), (l) => initialState(l, hasEnglish()));
  const capabilities = useMemo(() => host.capabilities(), [host]);
  const seq = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const read = useCallback(
    async (who: Who = null) => {
      const mine = ++seq.current;
      dispatch({ type: "read-started", seq: mine });
      try {
        // Only the rows the analysis needs under the settings of the moment: long evidence sheets stay in Excel.
        const grid = await host.read((soFar) =>
          rowsNeeded(soFar, FRAMEWORKS, analyzeOptions(stateRef.current.settings)),
        );
        dispatch({ type: "read-done", seq: mine, grid, who, excel: host.status?.() });
      } catch (e) {
        dispatch({ type: "read-failed", seq: mine, error: hostMessage(e) });
      }
    },
    [host],
  );

  useEffect(() => {
    void read();
  }, [read]);

  useEffect(() => {
    if (state.rereadWanted) void read();
  }, [state.rereadWanted, read]);

  // Live: watch the level cells of the tables found; re-subscribe only when they move.
  const targets = useMemo(() => watchTargets(state.analysis), [state.analysis]);
  const key = watchKey(targets);
  useEffect(() => {
    if (!capabilities.events || targets.length === 0) return;
    let stopped = false;
    const stops: (() => void)[] = [];
    for (const target of targets) {
      host
        .watch(target, (change) => void read(change ? (change.remote ? "remote" : "local") : null))
        .then(
          (stop) => (stopped ? stop() : stops.push(stop)),
          (e) => dispatch({ type: "failed", error: hostMessage(e) }),
        );
    }
    return () => {
      stopped = true;
      for (const stop of stops) stop();
    };
    // Keyed by content, not identity: a re-read that finds the same table keeps its watch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, key, capabilities.events, read]);

  // Once there is a result, Apply's code is fetched while the pane is idle, so the first Apply does not wait for it.
  const shown = state.analysis !== null;
  useEffect(() => {
    if (!shown) return;
    return whenIdle(() => void applyCode().catch(() => undefined));
  }, [shown]);

  // Apply's code builds the plan from the last read; the preview opens with it.
  const openPreview = useCallback(async () => {
    dispatch({ type: "preview-loading" });
    try {
      const code = await applyCode();
      const { grid, analysis } = stateRef.current;
      if (grid && analysis) dispatch({ type: "preview-opened", plan: code.buildWritePlan(grid, analysis) });
      else dispatch({ type: "preview-closed" });
    } catch (e) {
      dispatch({ type: "failed", error: hostMessage(e), retry: "preview" });
    }
  }, []);

  // Keeping or replacing a person's validation: the same look at the workbook, checked again.
  const toggleChoice = useCallback(async (key: string) => {
    // Here since the preview opened: the box ticks at once.
    const code = applyCode.loaded() ?? (await applyCode());
    const { writePlan, checked, planChoices } = stateRef.current;
    if (!writePlan || !checked) return;
    const choices = toggledChoice(planChoices, key);
    dispatch({
      type: "choice-toggled",
      plan: writePlan,
      planChoices: choices,
      checked: code.checkPlan(writePlan, checked.facts, choices),
    });
  }, []);

  // The preview opened from the last read is checked against the workbook as it is now (one round trip).
  const writePlan = state.writePlan;
  useEffect(() => {
    if (!writePlan) return;
    host.check(writePlan, NO_CHOICES).then(
      (checked) => dispatch({ type: "preview-checked", plan: writePlan, checked }),
      (e) => dispatch({ type: "failed", error: hostMessage(e) }),
    );
  }, [host, writePlan]);

  const confirmApply = useCallback(async () => {
    const { writePlan, checked, planChoices } = stateRef.current;
    if (!writePlan || !checked) return;
    dispatch({ type: "apply-started" });
    try {
      const outcome = await host.apply(writePlan, { choices: planChoices, seen: checked });
      if (!outcome.written) {
        dispatch({ type: "apply-changed", checked: outcome.checked, changes: outcome.changes });
        return;
      }
      dispatch({ type: "apply-done", skipped: lastSkipped(host) });
    } catch (e) {
      dispatch({ type: "failed", error: hostMessage(e) });
      return;
    }
    await read();
  }, [host, read]);

  const calculate = useCallback(async () => {
    if (!host.calculate) return;
    dispatch({ type: "calculate-started" });
    try {
      await host.calculate();
      dispatch({ type: "calculate-done" });
    } catch (e) {
      dispatch({ type: "failed", error: hostMessage(e) });
    }
  }, [host]);

  /** A sheet of the tool's own (the record, a plan) through Apply's look-then-write; `written` says where it went. */
  const writeSheet = useCallback(
    async (make: (code: ApplyCode) => { plan: WritePlan; written: PaneAction }) => {
      dispatch({ type: "apply-started" });
      try {
        // The host's writing code comes in Apply's chunk (a plan sheet's builder too): a failure to fetch it is said as such.
        const { plan, written } = make(await applyCode());
        const outcome = await host.apply(plan);
        if (!outcome.written) {
          dispatch({ type: "failed", error: outcome.changes[0] ?? outcome.checked.refusal ?? hostMessage(null) });
          return;
        }
        dispatch(written);
      } catch (e) {
        dispatch({ type: "failed", error: hostMessage(e) });
        return;
      }
      dispatch({ type: "apply-ended" });
    },
    [host],
  );

  // English's words, when the language wanted is English and they are not in the pane yet: the pane stays in Indonesian until they are here.
  const fetchEnglish = useCallback(async () => {
    if (stateRef.current.englishReady) return;
    if (!hasEnglish()) {
      dispatch({ type: "language-loading" });
      try {
        await englishWords();
      } catch (e) {
        dispatch({ type: "english-failed", error: isChunkLoadError(e) ? englishFailure() : hostMessage(e) });
        return;
      }
    }
    dispatch({ type: "english-loaded" });
  }, []);

  // The language wanted changes at once; the pane speaks it once its words are here (paneLanguage).
  const followLanguage = useCallback(
    (settings: PaneSettings) => {
      if (wantedLanguage({ officeLanguage: stateRef.current.officeLanguage, settings }) === "en") void fetchEnglish();
    },
    [fetchEnglish],
  );

  // An Indonesian pane fetches English while idle once the first result shows, so its button rarely waits.
  const speaking = paneLanguage(state);
  useEffect(() => {
    if (!shown || speaking === "en" || hasEnglish()) return;
    return whenIdle(() => void englishWords().catch(() => undefined));
  }, [shown, speaking]);

  const select = useCallback(
    (sheet: string, cell: string) => {
      host
        .select(sheet, cell)
        .then(() => dispatch({ type: "selected", sheet, cell }))
        .catch((e) => dispatch({ type: "failed", error: hostMessage(e) }));
    },
    [host],
  );

  const intents = useMemo<PaneIntents>(
    () => ({
      refresh: () => void read(null),
      openPreview: () => void openPreview(),
      closePreview: () => dispatch({ type: "preview-closed" }),
      confirmApply: () => void confirmApply(),
      toggleChoice: (key) => void toggleChoice(key).catch((e) => dispatch({ type: "failed", error: hostMessage(e) })),
      closeJumpHint: () => dispatch({ type: "jump-hint-closed" }),
      select,
      changeSettings: (settings) => {
        dispatch({ type: "settings-changed", settings });
        followLanguage(settings);
      },
      changeLanguage: (language) => {
        dispatch({ type: "language-changed", language });
        followLanguage({ ...stateRef.current.settings, language });
      },
      retryLanguage: () => void fetchEnglish(),
      dismissMessage: () => dispatch({ type: "message-dismissed" }),
      changeTarget: (target) => dispatch({ type: "target-changed", target }),
      changeStep: (step) => dispatch({ type: "step-changed", step }),
      changeRaise: (raise) => dispatch({ type: "raise-changed", raise }),
      toggleOutOfReach: (framework, indicator) => dispatch({ type: "out-of-reach-toggled", framework, indicator }),
      calculate: () => void calculate(),
      writeRecord: (sheet, plan) => void writeSheet(() => ({ plan, written: { type: "record-written", sheet } })),
      writePlanSheet: (key, make) =>
        void writeSheet((code) => {
          const { sheet, plan } = make(code);
          return { plan, written: { type: "plan-written", key, sheet } };
        }),
    }),
    [read, openPreview, toggleChoice, confirmApply, select, calculate, writeSheet, followLanguage, fetchEnglish],
  );

  return { state, capabilities, intents };
}
