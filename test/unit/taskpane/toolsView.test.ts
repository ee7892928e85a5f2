import { analyze, AnalyzeOptions } from "../../../src/core/analyze";
import { WorkbookGrid } from "../../../src/core/grid";
import { rational } from "../../../src/core/rational";
import { FRAMEWORKS } from "../../../src/frameworks";
import { chartData } from "../../../src/taskpane/chartData";
import { assessmentForcedMark } from "../../../src/taskpane/components/assessmentColor";
import { strings } from "../../../src/taskpane/i18n";
import { NO_TARGET_CHOICES, TargetChoices } from "../../../src/taskpane/state";
import { formatSigned } from "../../../src/taskpane/format";
import { planTable, targetView } from "../../../src/taskpane/targetView";
import { targetText, toolsView } from "../../../src/taskpane/toolsView";
import { paneView, shortName } from "../../../src/taskpane/view";
import { evidenceGrid, PEMDI, pemdiGrid, rowOf, SPBE, spbeGrid } from "./grids";
import "./english";

/** Most of these study the planner itself, without the yearly rise limit; the limit has its own test. */
const UNLIMITED: TargetChoices = { ...NO_TARGET_CHOICES, raise: 0 };
const tools = (
  grid: WorkbookGrid,
  opts: AnalyzeOptions = {},
  choices: TargetChoices = UNLIMITED,
  lang: "id" | "en" = "id",
) => {
  const view = toolsView(analyze(grid, FRAMEWORKS, opts), choices, lang)[0];
  return { ...view, target: targetView(view.table, view.choices, lang) };
};
const row = (grid: WorkbookGrid, sheet: string, id: number | string) => rowOf(grid, sheet, id) + 1;

describe("path to target, as the pane lists it", () => {
  test("the hint's example is the next predicate above the best column, not a fixed 3,70", () => {
    // SPBE sample: 3,75 (Sangat Baik) → Memuaskan from 4,20.
    expect(tools(spbeGrid()).target.example).toBe("4,20");
    // Pemdi sample: 1,24 (Kurang) → Cukup from 1,50.
    expect(tools(pemdiGrid()).target.example).toBe("1,50");
    expect(tools(pemdiGrid(), {}, NO_TARGET_CHOICES, "en").target.example).toBe("1.50");
  });

  test("a plan a city can adopt: by default no indicator rises more than one level; the limit can be changed or lifted", () => {
    const grid = spbeGrid();
    const one = tools(grid, { target: 3.7 }, NO_TARGET_CHOICES).target;
    expect(one.raise.value).toBe(1);
    expect(one.raise.choices.map((c) => c.text)).toEqual([
      "paling banyak 1",
      "paling banyak 2",
      "paling banyak 3",
      "paling banyak 4",
      "tanpa batas",
    ]);
    const plan = one.plans[1];
    expect(plan.status).toBe("reached");
    expect(plan.message).toBe("Target 3,70 tercapai dengan 19 langkah: indeks menjadi 3,72, Sangat Baik.");
    expect(plan.groups.every((g) => g.steps === 1 && Number(g.to) - Number(g.from) === 1)).toBe(true);
    const two = tools(grid, { target: 3.7 }, { ...NO_TARGET_CHOICES, raise: 2 }).target.plans[1];
    expect(two.groups.every((g) => Number(g.to) - Number(g.from) <= 2)).toBe(true);
    expect(two.groups.some((g) => Number(g.to) - Number(g.from) === 2)).toBe(true);
    // Out of reach under the limit: the plan says so and names the best index.
    const far = tools(grid, { target: 4.5 }, NO_TARGET_CHOICES).target.plans[1];
    expect(far.status).toBe("unreachable");
    // Copied, the plan is a table: a header, then one tab-separated line per indicator.
    const lines = planTable(plan, "id").split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Nilai Asesor (D)",
      "Target 3,70 tercapai dengan 19 langkah: indeks menjadi 3,72, Sangat Baik.",
      "Indikator\tSel\tDari\tKe\tLangkah\tindeks setelahnya",
    ]);
    expect(lines).toHaveLength(3 + 19);
    expect(lines[3].split("\t")).toEqual([
      `${plan.groups[0].code} ${plan.groups[0].name}`,
      plan.groups[0].cell,
      "2",
      "3",
      "1",
      plan.groups[0].index,
    ]);
    // Decimal values: one unit at most, in steps of 0.25.
    const pemdi = tools(pemdiGrid(), { target: 2 }, NO_TARGET_CHOICES).target.plans[0];
    expect(pemdi.groups[0]).toMatchObject({ code: "I20", from: "1,30", to: "2,30" });
  });

  test("Denpasar 2021, assessor 3.19 → target 3.70: 18 steps ending at 3.71, Sangat Baik from step 11; the self-assessment already meets it", () => {
    const grid = spbeGrid();
    const t = tools(grid, { target: 3.7 }).target;
    expect(t).toMatchObject({ frameworkId: "spbe-2020", target: "3,70", step: null, levelMax: 5, outOfReach: [] });
    const [self, assessor] = t.plans;
    expect(self).toMatchObject({ title: "Penilaian Mandiri (C)", status: "met", steps: [] });
    expect(self.message).toBe("Indeks 3,75, Sangat Baik, sudah mencapai target 3,70; tidak perlu menaikkan nilai.");
    expect(assessor.status).toBe("reached");
    expect(assessor.message).toBe("Target 3,70 tercapai dengan 18 langkah: indeks menjadi 3,71, Sangat Baik.");
    expect(assessor.steps).toHaveLength(18);
    expect(assessor.steps[0]).toEqual({
      key: "D-0",
      number: 1,
      indicator: 43,
      code: "43",
      name: "Layanan Data Terbuka",
      sheet: "Kertas Kerja",
      cell: `D${row(grid, "Kertas Kerja", 43)}`,
      from: "2",
      to: "3",
      index: "3,22",
      predicateChange: null,
    });
    expect(assessor.steps.at(-1)!.index).toBe("3,71");
    const changes = assessor.steps.filter((s) => s.predicateChange);
    expect(changes.map((s) => [s.number, s.predicateChange])).toEqual([[11, { from: "Baik", to: "Sangat Baik" }]]);
  });

  test("no target typed or stored: nothing planned; a typed target wins over the stored one", () => {
    expect(tools(spbeGrid()).target).toMatchObject({ target: null, plans: [] });
    expect(tools(spbeGrid(), { target: 3.5 }, { ...UNLIMITED, target: 9 }).target.target).toBe("3,50");
  });

  test("out of reach: the plan goes around the marked indicators, which are named for putting back", () => {
    const choices = { ...UNLIMITED, outOfReach: { "spbe-2020": [43, 44], "pemdi-2026": [1] } };
    const t = tools(spbeGrid(), { target: 3.7 }, choices, "en").target;
    const steps = t.plans[1].steps;
    expect(steps.some((s) => s.indicator === 43 || s.indicator === 44)).toBe(false);
    // Other public-service indicators weigh the same, so the plan is no longer, only different.
    expect(t.plans[1].status).toBe("reached");
    expect(steps).toHaveLength(18);
    expect(steps[0]).toMatchObject({ code: "42", from: "4", to: "5" });
    expect(t.outOfReach).toEqual([
      { id: 43, code: "43", name: "Open data" },
      { id: 44, code: "44", name: "Legal documentation & information network (JDIH)" },
    ]);
  });

  test("unreachable: a plain sentence with the best reachable index, and no list", () => {
    const all = SPBE.indicators.map((i) => i.id).filter((id) => id !== 1);
    const t = tools(spbeGrid(), { target: 4.9 }, { ...UNLIMITED, outOfReach: { "spbe-2020": all } }).target;
    expect(t.plans[1]).toMatchObject({ status: "unreachable", steps: [] });
    expect(t.plans[1].message).toMatch(
      /^Target 4,90 tidak dapat dicapai: paling tinggi 3,\d\d, Baik, setelah \d langkah, tanpa indikator di luar jangkauan\.$/,
    );
  });

  test("an incomplete column says why it cannot be planned", () => {
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 5)][2] = 9;
    const self = tools(grid, { target: 3.7 }).target.plans[0];
    expect(self).toMatchObject({ status: "refused", steps: [] });
    expect(self.message).toMatch(/^Kolom C belum dapat direncanakan: 1 masalah \(C\d+\)/);
  });

  test("Pemdi Aceh Tengah: decimal values move by the chosen step, 0.25 unless another is picked", () => {
    const grid = pemdiGrid();
    const t = tools(grid, { target: 2 }).target;
    expect(t.step).toEqual({
      value: 0.25,
      choices: ["0,10", "0,25", "0,50", "1,00"].map((text) => ({ value: Number(text.replace(",", ".")), text })),
    });
    expect(t.stepText).toBe("0,25");
    const plan = t.plans[0];
    expect(plan.message).toBe("Target 2,00 tercapai dengan 23 langkah: indeks menjadi 2,00, Cukup (Membangun).");
    expect(plan.steps[0]).toMatchObject({
      code: "I20",
      from: "1,30",
      to: "1,55",
      index: "1,28",
      cell: `D${row(grid, "Pemdi 2026", "I20")}`,
    });
    expect(plan.steps.find((s) => s.predicateChange)!.predicateChange).toEqual({
      from: "Kurang (Merintis)",
      to: "Cukup (Membangun)",
    });
    const half = tools(grid, { target: 2 }, { ...UNLIMITED, step: 0.5 }).target;
    expect(half.step!.value).toBe(0.5);
    expect(half.plans[0].steps[0]).toMatchObject({ from: "1,30", to: "1,80" });
    expect(half.plans[0].steps.length).toBeLessThan(23);
    expect(tools(grid, { target: 2 }, { ...UNLIMITED, step: 0.3 }).target.step!.choices.map((c) => c.value)).toEqual([
      0.1, 0.25, 0.3, 0.5, 1,
    ]);
  });
});

describe("self versus assessor", () => {
  test("Denpasar 2021: 3.75 → 3.19, −0.56, split by domain and aspect, rows by effect", () => {
    const grid = spbeGrid();
    const r = tools(grid).reconciliation!;
    expect(r.from).toEqual({ title: "Penilaian Mandiri (C)", index: "3,75" });
    expect(r.to).toEqual({ title: "Nilai Asesor (D)", index: "3,19" });
    expect(r.gap).toBe("−0,56");
    expect(r.total).toBeCloseTo(-0.557, 10);
    expect(r.domains.map((d) => [d.label, d.impact, d.differences])).toEqual([
      ["Domain 1", "−0,05", 9],
      ["Domain 2", "−0,13", 6],
      ["Domain 3", "−0,12", 6],
      ["Domain 4", "−0,26", 8],
    ]);
    // Beside each contribution, the domain's own index in both columns, so one is not read as the other.
    expect(r.domains.map((d) => `${d.own.from} → ${d.own.to}`)).toEqual([
      "3,40 → 3,00",
      "3,80 → 3,30",
      "2,91 → 2,18",
      "4,13 → 3,55",
    ]);
    expect(r.aspects).toHaveLength(8);
    expect(r.aspects[2]).toMatchObject({ label: "Aspek 3", impact: "0,00", differences: 2 });
    expect(r.differences).toHaveLength(29);
    expect(r.differences[0]).toEqual({
      key: "diff-40",
      indicator: 40,
      code: "40",
      name: "Layanan Akuntabilitas Kinerja Organisasi",
      sheet: "Kertas Kerja",
      cell: `D${row(grid, "Kertas Kerja", 40)}`,
      from: "5",
      to: "3",
      impact: "−0,06",
      // The assessor's 3,19 had indicator 40 stayed at the agency's 5: +0,055 on the unrounded index.
      ifAccepted: "3,25",
    });
    // "If accepted" is what the assessor's column scores once that one cell takes the agency's value.
    for (const d of r.differences) {
      const changed: WorkbookGrid = JSON.parse(JSON.stringify(grid));
      changed.sheets[1].values[rowOf(grid, "Kertas Kerja", d.indicator)][3] = Number(d.from);
      const a = paneView(analyze(changed, FRAMEWORKS), "id").tables[0].assessments[1];
      expect([d.code, d.ifAccepted]).toEqual([d.code, a.index]);
    }
    expect(r.unmatched).toEqual([]);
  });

  test("one level column: no comparison; an incomplete column: no difference yet, rows still compared", () => {
    expect(tools(pemdiGrid()).reconciliation).toBeNull();
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 5)][2] = null;
    const r = tools(grid).reconciliation!;
    expect(r.gap).toBeNull();
    expect(r.from.index).toBeNull();
    expect(r.unmatched).toEqual(["5"]);
    expect(r.differences.length).toBeGreaterThan(0);
  });
});

describe("levels without evidence", () => {
  test("per level column, counted per domain, pointing at the empty evidence cell", () => {
    const grid = evidenceGrid({ 3: "SK Walikota", 11: "" });
    const e = tools(grid).evidence!;
    expect(e.column).toBe("E");
    const [self, assessor] = e.assessments;
    expect(self.title).toBe("Penilaian Mandiri (C)");
    // Every indicator above 1 without evidence, except indicator 3, which has its decree.
    expect(self.gaps.map((g) => g.code)).not.toContain("3");
    expect(self.gaps.find((g) => g.code === "11")).toEqual({
      key: "C-11",
      code: "11",
      name: "Arsitektur SPBE",
      sheet: "Kertas Kerja",
      cell: `E${row(grid, "Kertas Kerja", 11)}`,
      level: "4",
    });
    expect(self.groups.map((g) => g.label)).toEqual(["Domain 1", "Domain 2", "Domain 3", "Domain 4"]);
    expect(self.groups.reduce((n, g) => n + g.count, 0)).toBe(self.gaps.length);
    // Indicator 2: the agency claims 2, the assessor gives 1; only the claim lacks evidence.
    expect(self.gaps.find((g) => g.code === "2")!.level).toBe("2");
    expect(assessor.gaps.map((g) => g.code)).not.toContain("2");
    expect(e.count).toBe(new Set([...self.gaps, ...assessor.gaps].map((g) => g.code)).size);
  });

  test("Pemdi counts per aspect; a table without an evidence column has no such view", () => {
    expect(tools(spbeGrid()).evidence).toBeNull();
    const grid = pemdiGrid();
    const sheet = grid.sheets[0];
    sheet.values[2][4] = "Data Dukung";
    const e = tools(grid).evidence!;
    expect(e.assessments[0].groups.map((g) => g.label)).toEqual(PEMDI.aspects.map((a) => `Aspek ${a.id}`));
    // No evidence at all: every value above 1.00 is a claim without it.
    const values = analyze(grid, FRAMEWORKS).tables[0].assessments[0].values;
    const above = PEMDI.indicators.filter((i) => values.get(i.id)!.num > values.get(i.id)!.den);
    expect(e.count).toBe(above.length);
    expect(e.assessments[0].groups.reduce((n, g) => n + g.count, 0)).toBe(above.length);
  });
});

describe("charts", () => {
  test("domains and aspects, one series per level column, and the target as a line across", () => {
    const a = analyze(spbeGrid(), FRAMEWORKS, { target: 3.7 });
    const table = paneView(a, "id").tables[0];
    const [domains, aspects] = chartData(table, 3.7, strings("id"));
    expect(domains.key).toBe("domains");
    expect(domains.series.map((s) => [s.legend, s.position, s.points.map((p) => `${p.x}=${p.y}`).join(" ")])).toEqual([
      ["Penilaian Mandiri (C)", 0, "D1=3.4 D2=3.8 D3=2.91 D4=4.13"],
      ["Nilai Asesor (D)", 1, "D1=3 D2=3.3 D3=2.18 D4=3.55"],
    ]);
    expect(domains.series[1].points[2].group).toBe("Domain 3 Manajemen SPBE");
    expect(domains.target).toEqual({
      legend: "Garis target 3,70",
      points: domains.series[0].points.map((p) => ({
        x: p.x,
        y: 3.7,
        group: p.group,
        text: "3,70",
        label: `${p.group}, Garis target 3,70: 3,70`,
      })),
    });
    expect(domains.series[1].points[2]).toMatchObject({ text: "2,18" });
    expect(domains.description).toBe("Indeks domain per kolom nilai, dengan garis target 3,70");
    expect(aspects.series[0].points.map((p) => p.x)).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"]);
    expect(aspects.max).toBe(5);
  });

  test("under forced colours each column's bars are told apart by fill and outline, in system colours only", () => {
    const SYSTEM = ["Canvas", "CanvasText", "Highlight"];
    const marks = [0, 1, 2, 3].map(assessmentForcedMark);
    for (const m of marks) {
      expect(SYSTEM).toContain(m.fill);
      expect(SYSTEM).toContain(m.stroke);
    }
    // No two columns drawn alike, whatever the hues were.
    expect(new Set(marks.map((m) => `${m.fill}|${m.stroke}|${m.dash}`)).size).toBe(4);
    // The first is filled, the others outlined: a filled bar beside an empty one, as the cards' edges differ.
    expect(marks[0].fill).not.toBe("Canvas");
    expect(marks.slice(1).every((m) => m.fill === "Canvas" && m.stroke === "CanvasText")).toBe(true);
    expect(assessmentForcedMark(4)).toEqual(marks[0]);
  });

  test("each chart's legend is named for screen readers in the pane's language", () => {
    const table = paneView(analyze(spbeGrid(), FRAMEWORKS), "id").tables[0];
    expect(chartData(table, null, strings("id")).map((c) => c.legendLabel)).toEqual([
      "Keterangan Indeks domain",
      "Keterangan Indeks aspek",
    ]);
    const en = paneView(analyze(spbeGrid(), FRAMEWORKS), "en").tables[0];
    expect(chartData(en, null, strings("en"))[0].legendLabel).toBe("Legend of Domain indices");
  });

  test("Pemdi has only the aspect chart; without a target, no line; an incomplete column draws no bars", () => {
    const grid = pemdiGrid();
    grid.sheets[0].values[rowOf(grid, "Pemdi 2026", "I2")][3] = null;
    const charts = chartData(paneView(analyze(grid, FRAMEWORKS), "en").tables[0], null, strings("en"));
    expect(charts.map((c) => c.key)).toEqual(["aspects"]);
    expect(charts[0].target).toBeNull();
    expect(charts[0].description).toBe("Aspect indices per level column");
  });
});

describe("formatting", () => {
  test.each([
    [{ num: -56n, den: 100n }, 2, "−0.56", "−0,56"],
    [{ num: 13n, den: 1000n }, 3, "+0.013", "+0,013"],
    [{ num: 0n, den: 1n }, 3, "0.000", "0,000"],
    [rational(-1n, 10000n), 3, "0.000", "0,000"],
    [rational(-5n, 10000n), 3, "−0.001", "−0,001"],
  ])("%p → %s in English, %s in Indonesian", (x, places, en, id) => {
    expect(formatSigned(x, places, "en")).toBe(en);
    expect(formatSigned(x, places, "id")).toBe(id);
  });

  test.each([
    [3.7, "3.70", "3,70"],
    [4, "4.00", "4,00"],
    [3.705, "3.705", "3,705"],
  ])("target %p shows as %s in English, %s in Indonesian", (t, en, id) => {
    expect(targetText(t, "en")).toBe(en);
    expect(targetText(t, "id")).toBe(id);
  });

  test("short names drop what every indicator name repeats", () => {
    const byCode = (code: string) => SPBE.indicators.find((i) => i.code === code)!;
    expect(shortName(byCode("1"), "id")).toBe("Kebijakan Internal Arsitektur SPBE");
    expect(shortName(byCode("13"), "en")).toBe("Integration of SPBE plans and budget");
    expect(shortName(PEMDI.indicators[4], "id")).toBe("Tata Kelola Data");
  });
});
