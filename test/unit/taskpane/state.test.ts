import { checkPlan, validationKey } from "../../../src/core/planCheck";
import { rowsNeeded } from "../../../src/core/readingNeeds";
import { buildWritePlan } from "../../../src/core/writePlan";
import { HostError } from "../../../src/excel/workbookHost";
import { FRAMEWORKS } from "../../../src/frameworks";
import { stagedRead } from "../../support/stagedRead";
import { hostMessage } from "../../../src/taskpane/hostMessage";
import {
  analyzeOptions,
  AUTOMATIC,
  initialState,
  paneLanguage,
  paneReducer,
  PaneState,
  toggledChoice,
} from "../../../src/taskpane/state";
import { pemdiGrid, PEMDI, rowOf, spbeGrid } from "./grids";
import { MemoryHost } from "./memoryHost";
import "./english";

const read = (state: PaneState, grid = spbeGrid(), seq = state.latestRead + 1) =>
  paneReducer(paneReducer(state, { type: "read-started", seq }), { type: "read-done", seq, grid });

/** Apply pressed: the controller builds the plan with Apply's code and hands it to the reducer. */
const openPreview = (s: PaneState) =>
  paneReducer(s, { type: "preview-opened", plan: buildWritePlan(s.grid!, s.analysis!) });

/** A validation's box in the preview: the controller checks the plan again against the same look. */
function toggleChoice(s: PaneState, key: string): PaneState {
  const planChoices = toggledChoice(s.planChoices, key);
  const checked = checkPlan(s.writePlan!, s.checked!.facts, planChoices);
  return paneReducer(s, { type: "choice-toggled", plan: s.writePlan!, planChoices, checked });
}

const indexOf = (s: PaneState, k: number) => s.analysis!.tables[0].assessments[k].scores.total.units;

describe("pane state", () => {
  test("a read is analysed: the sample's self-assessment 3.75 and assessor 3.19", () => {
    const s = read(initialState("id-ID"));
    expect(s.reading).toBe(false);
    expect(s.analysis!.tables).toHaveLength(1);
    expect(indexOf(s, 0)).toBe(375n);
    expect(indexOf(s, 1)).toBe(319n);
  });

  test("a cell the pane selected stands in the hint until the workbook is read again or the hint is closed", () => {
    const s = read(initialState("id-ID"));
    expect(s.jumped).toBeNull();
    const jumped = paneReducer(s, { type: "selected", sheet: "Kertas Kerja", cell: "D7" });
    expect(jumped.jumped).toEqual({ sheet: "Kertas Kerja", cell: "D7" });
    expect(paneReducer(jumped, { type: "jump-hint-closed" }).jumped).toBeNull();
    expect(read(jumped).jumped).toBeNull();
  });

  test("the answer to an older read is dropped when a newer one was asked for", () => {
    let s = initialState("en-US", true);
    s = paneReducer(s, { type: "read-started", seq: 1 });
    s = paneReducer(s, { type: "read-started", seq: 2 });
    const stale = paneReducer(s, { type: "read-done", seq: 1, grid: pemdiGrid() });
    expect(stale.analysis).toBeNull();
    expect(stale.reading).toBe(true);
    const fresh = paneReducer(stale, { type: "read-done", seq: 2, grid: spbeGrid() });
    expect(fresh.analysis!.tables[0].framework.id).toBe("spbe-2020");
    expect(paneReducer(fresh, { type: "read-failed", seq: 1, error: { id: "x", en: "x" } }).error).toBeNull();
  });

  test("changing the threshold re-analyses without reading again", () => {
    const s = read(initialState("id-ID"));
    const before = s.analysis!.tables[0].assessments[1].lowScores.length;
    const t = paneReducer(s, { type: "settings-changed", settings: { ...AUTOMATIC, threshold: 2 } });
    expect(t.analysis!.tables[0].threshold).toBe(2);
    expect(t.analysis!.tables[0].assessments[1].lowScores.length).toBeLessThan(before);
    expect(t.latestRead).toBe(s.latestRead);
  });

  test("sheet and level column overrides reach the core", () => {
    const s = read(initialState("id-ID"));
    const t = paneReducer(s, {
      type: "settings-changed",
      settings: { ...AUTOMATIC, sheet: "Kertas Kerja", levelColumns: ["D"] },
    });
    expect(t.analysis!.tables[0].assessments.map((a) => a.column.letter)).toEqual(["D"]);
    expect(indexOf(t, 0)).toBe(319n);
  });

  test("a framework override is passed as the compiled framework", () => {
    expect(analyzeOptions({ ...AUTOMATIC, framework: "pemdi-2026" }).framework).toBe(PEMDI);
    expect(analyzeOptions({ ...AUTOMATIC, framework: "no-such" }).framework).toBeUndefined();
    expect(analyzeOptions(AUTOMATIC)).toEqual({});
    expect(analyzeOptions({ ...AUTOMATIC, levelColumns: [] })).toEqual({});
  });

  test("settings stored in the results sheet are read back after an apply", async () => {
    let s = read(initialState("id-ID"));
    s = paneReducer(s, { type: "settings-changed", settings: { ...AUTOMATIC, threshold: 4 } });
    s = openPreview(s);
    const host = new MemoryHost(spbeGrid());
    await host.apply(s.writePlan!);
    const reopened = read(initialState("id-ID"), await host.read());
    expect(reopened.settings).toEqual(AUTOMATIC);
    expect(reopened.analysis!.tables[0].threshold).toBe(4);
  });

  test("apply: the preview holds the write plan; done closes it and names the results sheet", () => {
    let s = read(initialState("id-ID"));
    s = openPreview(s);
    expect(s.writePlan!.sheets).toEqual(["Indeks SPBE"]);
    s = paneReducer(s, { type: "apply-started" });
    expect(s.applying).toBe(true);
    s = paneReducer(s, { type: "apply-done", skipped: [] });
    expect(s).toMatchObject({ applying: false, writePlan: null, appliedSheet: "Indeks SPBE" });
  });

  test("no preview without a table", () => {
    const s = read(initialState("id-ID"), { sheets: [{ name: "Kosong", values: [["halo"]] }] });
    expect(openPreview(s).writePlan).toBeNull();
  });

  test("a host failure closes the preview and keeps the message in both languages", () => {
    let s = openPreview(read(initialState("id-ID")));
    s = paneReducer(s, { type: "apply-started" });
    const err = new HostError("protected", { id: "Lembar dilindungi", en: "The sheet is protected" });
    s = paneReducer(s, { type: "failed", error: hostMessage(err) });
    expect(s).toMatchObject({
      applying: false,
      writePlan: null,
      error: { id: "Lembar dilindungi", en: "The sheet is protected" },
    });
    expect(paneReducer(s, { type: "message-dismissed" }).error).toBeNull();
  });

  test("Apply's code that cannot be fetched: the message names it in both languages and the error offers Apply again", () => {
    let s = paneReducer(read(initialState("id-ID")), { type: "preview-loading" });
    expect(s).toMatchObject({ previewLoading: true, writePlan: null });
    const gone = Object.assign(new Error("Loading chunk 381 failed."), { name: "ChunkLoadError" });
    s = paneReducer(s, { type: "failed", error: hostMessage(gone), retry: "preview" });
    expect(s.error!.id).toMatch(/^Pemeriksaan sebelum menulis tidak dapat dimuat\. .*Coba lagi/);
    expect(s.error!.en).toMatch(/^The check before writing could not be loaded\. .*Try again/);
    expect(s).toMatchObject({ previewLoading: false, retry: "preview" });
    expect(paneReducer(s, { type: "message-dismissed" }).retry).toBeNull();
    // The retry fetches again and opens the preview as the first Apply would have.
    s = openPreview(paneReducer(s, { type: "preview-loading" }));
    expect(s).toMatchObject({ previewLoading: false, retry: null, error: null });
    expect(s.writePlan!.sheets).toEqual(["Indeks SPBE"]);
  });

  test("a level changed by a person changes the result on the next read", () => {
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 2)][3] = 5;
    const s = read(read(initialState("id-ID")), grid);
    expect(indexOf(s, 1)).not.toBe(319n);
  });

  test("language: Office's unless chosen, English once its words are here", () => {
    expect(paneLanguage(initialState("id-ID"))).toBe("id");
    expect(paneLanguage(initialState("en-GB", true))).toBe("en");
    let s = paneReducer(initialState("id-ID"), { type: "language-changed", language: "en" });
    // Chosen, but its words are still being fetched: Indonesian meanwhile, never a missing word.
    expect(paneLanguage(s)).toBe("id");
    s = paneReducer(paneReducer(s, { type: "language-loading" }), { type: "english-loaded" });
    expect(s.languageLoading).toBe(false);
    expect(paneLanguage(s)).toBe("en");
    expect(paneLanguage(paneReducer(s, { type: "language-changed", language: null }))).toBe("id");
  });

  test("English whose words could not be fetched: Indonesian, a message in both languages and a retry", () => {
    const stranded = initialState("en-US", false);
    expect(paneLanguage(stranded)).toBe("id");
    expect(stranded.retry).toBe("language");
    expect(stranded.error?.id).toMatch(
      /^Bahasa Inggris tidak terunduh dari server add-in .*; panel tetap berbahasa Indonesia\./,
    );
    expect(stranded.error?.en).toMatch(
      /^English did not arrive from the add-in.s server .*; the pane stays in Indonesian\./,
    );
    expect(initialState("en-US", true).error).toBeNull();
    const back = paneReducer(stranded, { type: "english-loaded" });
    expect(paneLanguage(back)).toBe("en");
    expect(back.error).toBeNull();
    expect(back.retry).toBeNull();
    // Asked for by the button, and failed: the error stays until English is here.
    let s = paneReducer(initialState("id-ID"), { type: "language-changed", language: "en" });
    s = paneReducer(paneReducer(s, { type: "language-loading" }), { type: "english-failed", error: stranded.error! });
    expect(s).toMatchObject({ languageLoading: false, retry: "language", error: stranded.error });
    expect(paneLanguage(s)).toBe("id");
  });
});

describe("the apply preview in a shared workbook", () => {
  test("checked against the workbook; a choice recomputes it; a changed workbook keeps it open with what changed", async () => {
    let s = read(initialState("id-ID"));
    s = openPreview(s);
    expect(s.checked).toBeNull();
    const host = new MemoryHost(spbeGrid());
    const plan = s.writePlan!;
    // An answer for an older preview is dropped.
    const stale = paneReducer(s, { type: "preview-checked", plan: { ...plan }, checked: await host.check(plan) });
    expect(stale.checked).toBeNull();
    const checked = await host.check(plan);
    const key = validationKey(plan.validations[0]);
    checked.facts.validations[key] = { kind: "mixed" };
    s = paneReducer(s, { type: "preview-checked", plan, checked: checkPlan(plan, checked.facts) });
    expect(s.checked!.touches.find((t) => t.choice === key)?.kind).toBe("validation-theirs");
    s = toggleChoice(s, key);
    expect(s.planChoices.replaceValidations).toEqual([key]);
    expect(s.checked!.touches.find((t) => t.choice === key)?.kind).toBe("validation-replaced");
    s = paneReducer(s, { type: "apply-started" });
    const changes = [{ id: "Sampul!C6 berubah", en: "Sampul!C6 changed" }];
    s = paneReducer(s, { type: "apply-changed", checked: s.checked!, changes });
    expect(s.applying).toBe(false);
    expect(s.writePlan).toBe(plan);
    expect(s.previewChanges).toEqual(changes);
    s = toggleChoice(s, key);
    s = paneReducer(s, { type: "apply-done", skipped: [] });
    expect(s.writePlan).toBeNull();
    expect(s.appliedLeft.map((m) => m.en)).toEqual([expect.stringMatching(/^Your validation on .* is kept/)]);
  });
});

describe("path-to-target choices", () => {
  test("a typed target goes into the analysis (so an apply stores it); cleared, the stored one is used again", async () => {
    let s = read(initialState("id-ID"));
    expect(s.analysis!.tables[0].target).toBeUndefined();
    s = paneReducer(s, { type: "target-changed", target: 3.7 });
    expect(s.targetChoices.target).toBe(3.7);
    expect(s.analysis!.tables[0].target).toBe(3.7);
    s = openPreview(s);
    const host = new MemoryHost(spbeGrid());
    await host.apply(s.writePlan!);
    let reopened = read(initialState("id-ID"), await host.read());
    expect(reopened.analysis!.tables[0].target).toBe(3.7);
    reopened = paneReducer(reopened, { type: "target-changed", target: 4 });
    expect(reopened.analysis!.tables[0].target).toBe(4);
    reopened = paneReducer(reopened, { type: "target-changed", target: null });
    expect(reopened.analysis!.tables[0].target).toBe(3.7);
  });

  test("a target typed before the first read waits for it", () => {
    const s = paneReducer(initialState("id-ID"), { type: "target-changed", target: 3.5 });
    expect(s.analysis).toBeNull();
    expect(read(s).analysis!.tables[0].target).toBe(3.5);
  });

  test("out of reach is kept per framework and toggles; the step is the assessor's", () => {
    let s = read(initialState("id-ID"));
    const analysis = s.analysis;
    s = paneReducer(s, { type: "out-of-reach-toggled", framework: "spbe-2020", indicator: 43 });
    s = paneReducer(s, { type: "out-of-reach-toggled", framework: "spbe-2020", indicator: 44 });
    s = paneReducer(s, { type: "out-of-reach-toggled", framework: "pemdi-2026", indicator: 1 });
    expect(s.targetChoices.outOfReach).toEqual({ "spbe-2020": [43, 44], "pemdi-2026": [1] });
    s = paneReducer(s, { type: "out-of-reach-toggled", framework: "spbe-2020", indicator: 43 });
    expect(s.targetChoices.outOfReach["spbe-2020"]).toEqual([44]);
    s = paneReducer(s, { type: "step-changed", step: 0.5 });
    expect(s.targetChoices.step).toBe(0.5);
    // Neither changes what the workbook holds, so the analysis stays as it was.
    expect(s.analysis).toBe(analysis);
  });

  test("what an older Excel skipped is kept with the apply's message, and goes with it", () => {
    let s = openPreview(read(initialState("id-ID")));
    const skipped = [{ id: "validasi dilewati", en: "validation skipped" }];
    s = paneReducer(s, { type: "apply-done", skipped });
    expect(s).toMatchObject({ appliedSheet: "Indeks SPBE", appliedSkipped: skipped });
    s = paneReducer(s, { type: "message-dismissed" });
    expect(s).toMatchObject({ appliedSheet: null, appliedSkipped: [] });
  });
});

describe("host messages", () => {
  test("a HostError keeps its two messages, also from another bundle's class", () => {
    expect(hostMessage(new HostError("edit-mode", { id: "Sel sedang diedit", en: "A cell is being edited" }))).toEqual({
      id: "Sel sedang diedit",
      en: "A cell is being edited",
    });
    expect(hostMessage({ code: "sync-failed", text: { id: "a", en: "b" } })).toEqual({ id: "a", en: "b" });
  });
  test("anything else is said to be unexpected, in both languages", () => {
    const m = hostMessage(new Error("boom"));
    expect(m.id).toContain("boom");
    expect(m.en).toContain("boom");
    expect(m.id).not.toBe(m.en);
  });
});

describe("a grid read only in part", () => {
  /** The sample with a long notes sheet, read as the pane reads it: only the rows the settings of the moment need. */
  const partial = () => {
    const full = spbeGrid();
    full.sheets.push({ name: "Catatan", values: Array.from({ length: 400 }, (_, r) => [`catatan ${r}`]) });
    return stagedRead(full, (g) => rowsNeeded(g, FRAMEWORKS, {})).grid;
  };

  test("settings the rows read serve are analysed at once", () => {
    const s = read(initialState("id-ID"), partial());
    expect(s.grid!.sheets.find((x) => x.name === "Catatan")!.rowsRead).toEqual([[0, 59]]);
    const t = paneReducer(s, { type: "settings-changed", settings: { ...AUTOMATIC, threshold: 2 } });
    expect(t.rereadWanted).toBe(false);
    expect(t.analysis!.tables[0].threshold).toBe(2);
  });

  test("a header row below the rows read: no analysis of part of the sheet, a read instead", () => {
    const s = read(initialState("id-ID"), partial());
    const t = paneReducer(s, { type: "settings-changed", settings: { ...AUTOMATIC, headerRow: 300 } });
    expect(t.rereadWanted).toBe(true);
    expect(t.analysis).toBeNull();
    expect(t.reading).toBe(true);
    expect(paneReducer(t, { type: "read-started", seq: t.latestRead + 1 }).rereadWanted).toBe(false);
  });
});
