import { analyze } from "../../../src/core/analyze";
import { FRAMEWORKS } from "../../../src/frameworks";
import { MISSING_PART } from "../../../src/excel/capabilities";
import { watchKey, watchTargets } from "../../../src/taskpane/levelWatch";
import { previewView } from "../../../src/taskpane/previewView";
import { buildWritePlan } from "../../../src/core/writePlan";
import { formatUnits } from "../../../src/taskpane/format";
import { externalSuggestion, paneView, raiseGain, topGains } from "../../../src/taskpane/view";
import { fromInt, sub, toNumber } from "../../../src/core/rational";
import { CellValue } from "../../../src/core/grid";
import { planSheetPlan } from "../../../src/core/planSheet";
import { planAssessment } from "../../../src/core/targetPlan";
import { detectedSetup } from "../../../src/taskpane/settingsView";
import { strings } from "../../../src/taskpane/i18n";
import { pemdiGrid, rowOf, spbeGrid } from "./grids";
import { ALL_CAPABILITIES } from "./memoryHost";
import "./english";

describe("what the pane shows", () => {
  test.each([
    [319n, "3.19", "3,19"],
    [300n, "3.00", "3,00"],
    [5n, "0.05", "0,05"],
    [-57n, "−0.57", "−0,57"],
    [123456n, "1234.56", "1234,56"],
  ])("%p hundredths show as %s in English, %s in Indonesian", (u, en, id) => {
    expect(formatUnits(u, "en")).toBe(en);
    expect(formatUnits(u, "id")).toBe(id);
  });

  test("SPBE 2020: index and predicate per level column, 4 domains and 8 aspects with a bar per column", () => {
    const v = paneView(analyze(spbeGrid(), FRAMEWORKS), "id");
    const t = v.tables[0];
    expect(t.assessments.map((a) => [a.title, a.index, a.predicate])).toEqual([
      ["Penilaian Mandiri (C)", "3,75", "Sangat Baik"],
      ["Nilai Asesor (D)", "3,19", "Baik"],
    ]);
    expect(t.assessments.map((a) => [a.indexUnits, a.filled, a.total, a.empty])).toEqual([
      [375, 47, 47, false],
      [319, 47, 47, false],
    ]);
    expect(t.blocking).toEqual([]);
    expect(t.domains.map((d) => d.bars.map((b) => b.text).join("/"))).toEqual([
      "3,40/3,00",
      "3,80/3,30",
      "2,91/2,18",
      "4,13/3,55",
    ]);
    expect(t.aspects).toHaveLength(8);
    expect(t.detection.statusNote).toBeNull();
    expect(t.identificationWarning).toBeNull();
    expect(t.detection).toMatchObject({
      sheet: "Kertas Kerja",
      headerRow: 3,
      indicatorRows: 47,
      levelColumns: "Penilaian Mandiri (C), Nilai Asesor (D)",
    });
    const d2 = `D${rowOf(spbeGrid(), "Kertas Kerja", 2) + 1}`;
    expect(t.lowScores.find((l) => l.cell === d2)).toMatchObject({
      indicatorCode: "2",
      value: "1",
      sheet: "Kertas Kerja",
      column: "D",
    });
    expect(t.threshold).toBe("3");
  });

  test("Pemdi 2026: no domains, the predicate with its alias, the status note, external indicators marked", () => {
    const grid = pemdiGrid();
    grid.sheets[0].values[rowOf(grid, "Pemdi 2026", "I6")][3] = null;
    const a = analyze(grid, FRAMEWORKS);
    const id = paneView(a, "id").tables[0];
    expect(id.domains).toEqual([]);
    expect(id.aspects).toHaveLength(7);
    expect(id.assessments[0].complete).toBe(false);
    // where the weights come from is a detail of the detection, not a warning above the index
    expect(id.detection.statusNote).toMatch(/^bobot dari sumber sekunder .* Aceh Tengah 2026: indeks 1,24/);
    expect(id.identificationWarning).toBeNull();
    const missing = id.problems.find((p) => p.code === "external-missing")!;
    expect(missing).toMatchObject({ external: true, sheet: "Pemdi 2026" });
    expect(missing.cell).toMatch(/^D\d+$/);
    expect(id.external.map((e) => e.code)).toEqual(["I5", "I6", "I7", "I18"]);
    expect(id.lowScores.filter((l) => l.external).map((l) => l.indicatorCode)).toEqual(["I5", "I7", "I18"]);

    const complete = paneView(analyze(pemdiGrid(), FRAMEWORKS), "en").tables[0];
    expect(complete.assessments[0]).toMatchObject({
      index: "1.24",
      predicate: "Kurang (Merintis)",
      predicateGloss: "Initiate",
    });
    expect(complete.aspects.map((g) => g.bars[0].text)).toEqual([
      "1.75",
      "1.28",
      "1.00",
      "1.17",
      "1.08",
      "1.40",
      "1.18",
    ]);
    expect(complete.detection.statusNote).toMatch(/reproduced to the last digit$/);
    expect(complete.lowScores.find((l) => l.indicatorCode === "I13")!.value).toBe("1.17");
  });

  test("an incomplete assessment has no index and counts its problems; messages follow the language", () => {
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 5)][2] = "tiga";
    const a = analyze(grid, FRAMEWORKS);
    const [self, final] = paneView(a, "en").tables[0].assessments;
    expect(self).toMatchObject({ complete: false, index: null, predicate: null, problemCount: 1 });
    expect(final.index).toBe("3.19");
    const cell = `C${rowOf(grid, "Kertas Kerja", 5) + 1}`;
    expect(paneView(a, "en").tables[0].problems).toEqual([
      expect.objectContaining({ code: "not-a-number", cell, message: expect.stringMatching(/^Cell/) }),
    ]);
    expect(paneView(a, "id").tables[0].problems[0].message).toMatch(/^Sel/);
  });

  test("problems are counted one way everywhere: errors and warnings, the card and the blocking list by errors", () => {
    const grid = spbeGrid();
    const rows = grid.sheets[1].values;
    // Two errors in column C (one a word, two blank cells), and a repeated row with the same levels: a warning.
    rows[rowOf(grid, "Kertas Kerja", 5)][2] = "tiga";
    rows[rowOf(grid, "Kertas Kerja", 6)][2] = null;
    rows[rowOf(grid, "Kertas Kerja", 7)][2] = null;
    rows.push([...rows[rowOf(grid, "Kertas Kerja", 9)]]);
    const t = paneView(analyze(grid, FRAMEWORKS), "id").tables[0];
    expect(t.problemCounts).toEqual({ errors: 3, warnings: 1 });
    expect(t.problems).toHaveLength(4);
    // The two blank cells are one line under the cards, and still two errors.
    expect(t.blocking).toHaveLength(2);
    expect(t.blockingErrors).toBe(3);
    expect(t.assessments[0].problemCount).toBe(3);
    const id = strings("id");
    const en = strings("en");
    expect(id.sectionProblems(3, 1)).toBe("Masalah (4)");
    expect(id.problems(3, 1)).toBe("Masalah (4): 3 galat, 1 peringatan");
    expect(en.problems(1, 1)).toBe("Problems (2): 1 error, 1 warning");
    expect(id.blockingTitle(3)).toBe("Yang menghalangi indeks: 3 galat");
    expect(en.blockingTitle(1)).toBe("Blocking the index: 1 error");
    expect(id.incompleteHint(3)).toBe("3 galat menghalangi indeks kolom ini");
  });

  test("low scores where nearly everything is low: how many of how many, the largest gain in index first, the few that gain most marked", () => {
    const grid = pemdiGrid();
    const t = paneView(analyze(grid, FRAMEWORKS), "id").tables[0];
    const [g] = t.lowGroups;
    expect(g.summary).toBe("19 dari 20 indikator di bawah 2,50");
    expect(g.items).toHaveLength(19);
    // Not the order of the sheet: what a one-level rise is worth.
    expect(g.items.slice(0, 2).map((l) => [l.indicatorCode, l.gain, l.top])).toEqual([
      ["I20", "+0,15", true],
      ["I19", "+0,10", true],
    ]);
    expect(g.items.filter((l) => l.top)).toHaveLength(2);
    const gains = g.items.map((l) => Number(l.gain.replace(",", ".").replace("+", "")));
    expect(gains).toEqual([...gains].sort((x, y) => y - x));
    // Each gain is what the core's index does when that level rises by one.
    const before = analyze(grid, FRAMEWORKS).tables[0].assessments[0].scores.total.unrounded!;
    const top = g.items[0];
    const row = grid.sheets[0].values.findIndex((r) => r && r[0] === top.indicatorCode);
    grid.sheets[0].values[row][3] = (grid.sheets[0].values[row][3] as number) + 1;
    const after = analyze(grid, FRAMEWORKS).tables[0].assessments[0].scores.total.unrounded!;
    const f = analyze(grid, FRAMEWORKS).tables[0].framework;
    expect(sub(after, before)).toEqual(raiseGain(f, 20, fromInt(1)));
    expect(toNumber(sub(after, before))).toBeCloseTo(0.15, 10);
  });

  test("the few marked: ties at the cut are marked while they stay few; a short list marks nothing", () => {
    const r = (n: number) => fromInt(n);
    expect(topGains([r(5), r(4), r(3)])).toBe(0);
    expect(topGains([r(5), r(4), r(3), r(2)])).toBe(3);
    expect(topGains([r(3), r(3), r(3), r(3), r(2)])).toBe(4);
    expect(topGains([r(9), r(5), r(3), r(3), r(3), r(3), r(3), r(3), r(1)])).toBe(2);
    expect(topGains([r(3), r(3), r(3), r(3), r(3), r(3), r(3)])).toBe(0);
    // SPBE's sample: the assessor's four public-service raises at +0,03 are marked, the rest not.
    const t = paneView(analyze(spbeGrid(), FRAMEWORKS), "id").tables[0];
    const assessor = t.lowGroups.find((x) => x.column === "D")!;
    expect(assessor.summary).toBe("14 dari 47 indikator di bawah 3");
    expect(assessor.items.filter((l) => l.top).map((l) => [l.indicatorCode, l.gain])).toEqual([
      ["43", "+0,03"],
      ["44", "+0,03"],
      ["11", "+0,03"],
      ["12", "+0,03"],
    ]);
  });

  test("no table: the pane says why, sheet by sheet", () => {
    const v = paneView(
      analyze(
        {
          sheets: [
            {
              name: "Catatan",
              values: [
                ["No", "Indikator"],
                [1, "apa saja"],
              ],
            },
          ],
        },
        FRAMEWORKS,
      ),
      "id",
    );
    expect(v.tables).toEqual([]);
    expect(v.notes.join(" ")).toContain("Catatan");
  });

  test("external conversion: I5 = 1 + SDI/25, exactly, within the scale", () => {
    const a = analyze(pemdiGrid(), FRAMEWORKS);
    expect(externalSuggestion(a, 5, "50", "en")).toBe("3.00");
    expect(externalSuggestion(a, 5, "50", "id")).toBe("3,00");
    expect(externalSuggestion(a, 5, "67,33", "id")).toBe("3,6932");
    expect(externalSuggestion(a, 5, "67.33", "en")).toBe("3.6932");
    expect(externalSuggestion(a, 5, "101", "id")).toBeNull();
    expect(externalSuggestion(a, 5, "banyak", "id")).toBeNull();
    expect(externalSuggestion(a, 6, "50", "id")).toBeNull();
  });

  test("the apply preview counts what the plan writes, and leaves out what this Excel cannot do", () => {
    const grid = spbeGrid();
    const plan = buildWritePlan(grid, analyze(grid, FRAMEWORKS));
    const full = previewView(plan, null, [], ALL_CAPABILITIES, "id");
    expect(full.checking).toBe(true);
    expect(full.sheets).toEqual(["Indeks SPBE"]);
    expect(full.cells).toBe(plan.cells.length);
    expect(full.validations).toBeGreaterThan(0);
    expect(full.unavailable).toEqual([]);
    const old = previewView(
      plan,
      null,
      [],
      { dataValidation: false, conditionalFormats: false, events: false, names: true },
      "en",
    );
    expect(old.validations).toBe(0);
    expect(old.conditionalFormats).toBe(0);
    expect(old.unavailable).toEqual([MISSING_PART.dataValidation.en, MISSING_PART.conditionalFormats.en]);
  });

  test("live updates watch the level cells of each table and nothing else", () => {
    const a = analyze(spbeGrid(), FRAMEWORKS);
    const targets = watchTargets(a);
    expect(targets).toHaveLength(1);
    expect(targets[0].sheet).toBe("Kertas Kerja");
    expect(targets[0].ranges.every((r) => /^[CD]\d+(:[CD]\d+)?$/.test(r))).toBe(true);
    expect(watchKey(watchTargets(analyze(spbeGrid(), FRAMEWORKS)))).toBe(watchKey(targets));
    expect(watchTargets(null)).toEqual([]);
  });
});

describe("the settings' sheet choices", () => {
  test("the tool's own sheets, results and plans, are not offered as the indicator sheet", () => {
    const grid = spbeGrid();
    const t = analyze(grid, FRAMEWORKS).tables[0];
    const a = t.assessments[1];
    const plan = planAssessment(t, a, { target: 3.7 });
    if (!plan.ok) throw new Error(plan.reason.en);
    const plans = planSheetPlan(grid, t, a, plan, "Rencana Target");
    const results = buildWritePlan(grid, analyze(grid, FRAMEWORKS));
    for (const p of [plans, results]) {
      const sheet = { name: p.sheets[0], values: [] as CellValue[][] };
      for (const c of p.cells.filter((x) => /^[AB][1-3]$/.test(x.address))) {
        const row = Number(c.address.slice(1)) - 1;
        (sheet.values[row] ??= [])[c.address[0] === "A" ? 0 : 1] = c.value ?? null;
      }
      grid.sheets.push(sheet);
    }
    expect(detectedSetup(grid, analyze(grid, FRAMEWORKS), "id").sheets).toEqual(["Sampul", "Kertas Kerja"]);
  });
});
