import { analyze } from "../../../src/core/analyze";
import { rational } from "../../../src/core/rational";
import { planAssessment } from "../../../src/core/targetPlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { compareIndices, indicesOf } from "../../../src/taskpane/changeCue";
import {
  counted,
  formatCount,
  formatDecimal,
  formatNumber,
  formatRational,
  parseTyped,
  pluralOf,
} from "../../../src/taskpane/format";
import { strings } from "../../../src/taskpane/i18n";
import { NO_TARGET_CHOICES } from "../../../src/taskpane/state";
import { targetView } from "../../../src/taskpane/targetView";
import { paneView } from "../../../src/taskpane/view";
import { pemdiGrid, rowOf, spbeGrid } from "./grids";
import "./english";

describe("numbers in the pane's language", () => {
  test.each([
    ["3.19", 2, "3.19", "3,19"],
    ["0.05", 2, "0.05", "0,05"],
    ["-0.5", 2, "−0.50", "−0,50"],
    ["1234.5", 2, "1234.50", "1234,50"],
    ["3.6932", 4, "3.6932", "3,6932"],
  ])("%s with %p places: %s in English, %s in Indonesian", (x, places, en, id) => {
    expect(formatDecimal(x, places, "en")).toBe(en);
    expect(formatDecimal(x, places, "id")).toBe(id);
  });

  test("an exact value is rounded half-up once, by the core, never again by Intl", () => {
    // 3.195 is 3.19499… as a double; exactly it is a half, which goes up.
    expect(formatRational(rational(3195n, 1000n), 2, "id")).toBe("3,20");
    expect(formatRational(rational(-3195n, 1000n), 2, "en")).toBe("−3.20");
    expect(formatRational(rational(1n, 3n), 2, "en")).toBe("0.33");
  });

  test("typed numbers take a decimal comma or point", () => {
    expect(parseTyped("3,7")).toBe(3.7);
    expect(parseTyped(" 3.70 ")).toBe(3.7);
    expect(parseTyped(",5")).toBe(0.5);
    expect(parseTyped("3.")).toBe(3);
    for (const bad of ["", "tiga", "3,7,1", "-1", "1e3", "3 7"]) expect(parseTyped(bad)).toBeNaN();
  });

  test("plain numbers: a target or a step keeps its own places, at least the ones asked for", () => {
    expect(formatNumber(3.7, 2, "id")).toBe("3,70");
    expect(formatNumber(3.705, 2, "id")).toBe("3,705");
    expect(formatNumber(3, 0, "en")).toBe("3");
    expect(formatCount(1234, "id")).toBe("1234");
  });

  test("counts take the plural their language wants", () => {
    expect(pluralOf(1, "en")).toBe("one");
    expect(pluralOf(2, "en")).toBe("other");
    expect(pluralOf(1, "id")).toBe("other");
    expect(counted(1, "en", { one: "problem", other: "problems" })).toBe("1 problem");
    expect(counted(0, "en", { one: "problem", other: "problems" })).toBe("0 problems");
    const en = strings("en");
    expect(en.incompleteHint(1)).toBe("1 error blocks this column's index");
    expect(en.incompleteHint(3)).toBe("3 errors block this column's index");
    expect(en.differCount(1)).toBe("1 indicator differs");
    expect(en.planGroup(9)).toBe("9 steps");
    expect(en.blanks(1, "E")).toBe("1 blank level cell in column E");
    expect(strings("id").blanks(16, "E")).toBe("16 sel nilai kosong di kolom E");
  });

  test("every problem code has words in both languages", () => {
    for (const lang of ["id", "en"] as const) {
      const codes = strings(lang).issueCode;
      expect(Object.values(codes).every((w) => w && !/^[a-z]+(-[a-z]+)+$/.test(w))).toBe(true);
    }
    expect(strings("id").issueCode["out-of-range"]).toBe("di luar rentang");
  });
});

describe("the meeting view's data", () => {
  const E = 3; // the assessor's column in the test grid is D (index 3); C is the self-assessment

  test("an empty column is 'not filled', with no list of its blank cells; a half-filled one gets one line for its blanks", () => {
    const grid = spbeGrid();
    const sheet = grid.sheets.find((s) => s.name === "Kertas Kerja")!;
    for (let code = 1; code <= 47; code++) sheet.values[rowOf(grid, "Kertas Kerja", code)][E] = null;
    for (const code of [4, 9, 30]) sheet.values[rowOf(grid, "Kertas Kerja", code)][2] = null;
    const t = paneView(analyze(grid, FRAMEWORKS), "id").tables[0];
    const [self, assessor] = t.assessments;
    expect(assessor).toMatchObject({ empty: true, filled: 0, total: 47, index: null });
    expect(self).toMatchObject({ empty: false, filled: 44, total: 47, index: null });
    const first = `C${rowOf(grid, "Kertas Kerja", 4) + 1}`;
    expect(t.blocking).toEqual([
      expect.objectContaining({
        code: "blank",
        codeText: "kosong",
        cell: first,
        message: `3 sel nilai kosong di kolom C, mulai dari ${first}`,
      }),
    ]);
    // The full list has every blank cell of the half-filled column; the empty column is one note, not 47 problems.
    expect(t.problems.filter((p) => p.code === "blank")).toHaveLength(3);
  });

  test("a bad value blocks the index and is listed under the cards as itself", () => {
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 5)][2] = 3.5;
    const t = paneView(analyze(grid, FRAMEWORKS), "id").tables[0];
    expect(t.blocking).toHaveLength(1);
    expect(t.blocking[0]).toMatchObject({ code: "not-whole", codeText: "bukan bilangan bulat", severity: "error" });
  });

  test("a change between two readings: the card's cue and one sentence for the live region", () => {
    const before = paneView(analyze(spbeGrid(), FRAMEWORKS), "id");
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 43)][E] = 4;
    const after = paneView(analyze(grid, FRAMEWORKS), "id");
    const moved = after.tables[0].assessments[1];
    const delta = moved.indexUnits! - 319;
    expect(delta).toBeGreaterThan(0);
    const found = compareIndices(indicesOf(before), after, strings("id"));
    const shown = `0,${String(delta).padStart(2, "0")}`;
    expect(found.cues).toEqual({ "Kertas Kerja|D": { direction: "up", text: `▲ ${shown}` } });
    expect(found.announcement).toBe(`Nilai Asesor (D): indeks ${moved.index}, ${moved.predicate} (naik ${shown})`);
    expect(compareIndices(indicesOf(after), after, strings("id"))).toEqual({ cues: {}, announcement: "" });
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 43)][E] = 9;
    const broken = compareIndices(indicesOf(after), paneView(analyze(grid, FRAMEWORKS), "en"), strings("en"));
    expect(broken).toEqual({ cues: {}, announcement: "Nilai Asesor (D): the index cannot be computed yet" });
  });
});

describe("path to target, grouped by indicator", () => {
  test("Pemdi: one line per indicator with its whole raise, its step count and the index so far; the steps still add up", () => {
    const grid = pemdiGrid();
    const analysis = analyze(grid, FRAMEWORKS, { target: 2 });
    const plan = targetView(analysis.tables[0], NO_TARGET_CHOICES, "id").plans[0];
    expect(plan.groups.length).toBeLessThan(plan.steps.length);
    expect(plan.groups.reduce((n, g) => n + g.steps, 0)).toBe(plan.steps.length);
    expect(new Set(plan.groups.map((g) => g.code)).size).toBe(plan.groups.length);
    const i20 = plan.groups.find((g) => g.code === "I20")!;
    expect(i20).toMatchObject({ from: "1,30", cell: `D${rowOf(grid, "Pemdi 2026", "I20") + 1}` });
    expect(i20.steps).toBe(plan.steps.filter((s) => s.code === "I20").length);
    expect(i20.to).toBe(plan.steps.filter((s) => s.code === "I20").at(-1)!.to);
    // The running index climbs, and ends where the plan ends.
    const units = plan.groups.map((g) => Number(g.index.replace(",", ".")));
    expect([...units].sort((a, b) => a - b)).toEqual(units);
    expect(plan.groups.at(-1)!.index).toBe(plan.steps.at(-1)!.index);
    expect(plan.groups.filter((g) => g.predicateChange).map((g) => g.predicateChange)).toEqual([
      { from: "Kurang (Merintis)", to: "Cukup (Membangun)" },
    ]);
  });

  test("SPBE: indicators 43 and 44 appear once each, with every step on them counted", () => {
    const t = analyze(spbeGrid(), FRAMEWORKS, { target: 4 }).tables[0];
    const core = planAssessment(t, t.assessments[1], { target: 4 });
    if (!core.ok) throw new Error("plannable");
    // Without the yearly rise limit, so an indicator is raised several times.
    const unlimited = { ...NO_TARGET_CHOICES, raise: 0 };
    const plan = targetView(analyze(spbeGrid(), FRAMEWORKS, { target: 4 }).tables[0], unlimited, "en").plans[1];
    for (const code of ["43", "44"]) {
      const times = core.steps.filter((s) => s.code === code).length;
      expect(times).toBeGreaterThan(1);
      expect(plan.groups.filter((g) => g.code === code)).toEqual([expect.objectContaining({ steps: times })]);
    }
    expect(plan.groups.at(-1)!.index).toBe(plan.steps.at(-1)!.index);
  });
});
