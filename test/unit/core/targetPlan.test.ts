import { analyze } from "../../../src/core/analyze";
import { predicateLabel } from "../../../src/core/framework";
import { fromInt, fromNumber, rational, Rational } from "../../../src/core/rational";
import { planAssessment, planTarget, TargetPlan } from "../../../src/core/targetPlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import { ACEH_VALUES, DENPASAR_FINAL, DENPASAR_SELF, PEMDI, SPBE, standardSpbe } from "../../fixtures/templates";

const levels = (r: Record<number, number>) => new Map(Object.entries(r).map(([k, v]) => [Number(k), fromInt(v)]));
const FINAL = levels(DENPASAR_FINAL);
const SELF = levels(DENPASAR_SELF);
// The published Aceh Tengah result needs I13 = 7/6 exactly.
const ACEH = new Map<number, Rational>(Object.entries(ACEH_VALUES).map(([k, v]) => [Number(k), fromNumber(v)!]));
ACEH.set(13, rational(7n, 6n));

function ok(p: ReturnType<typeof planTarget>): TargetPlan {
  if (!p.ok) throw new Error(`refused: ${p.reason.en}`);
  return p;
}

const shown = (p: TargetPlan) => p.steps.map((s) => `${s.code}:${s.from.num}→${s.to.num}`);

describe("path to target, Denpasar 2021 final levels (3.19, Baik)", () => {
  test.each([
    // target, steps, index where the plan ends, predicate there
    [3.2, 1, 3.22, "Baik"],
    [3.5, 11, 3.52, "Sangat Baik"],
    [3.7, 18, 3.71, "Sangat Baik"],
    [4.2, 37, 4.2, "Memuaskan"],
    [5.0, 91, 5.0, "Memuaskan"],
  ])("target %s: %i steps, ending at %s %s", (target, n, index, predicate) => {
    const p = ok(planTarget(SPBE, FINAL, { target }));
    expect(p.startUnits).toBe(319n);
    expect(p.reached).toBe(true);
    expect(p.steps).toHaveLength(n);
    expect(Number(p.indexUnits) / 100).toBe(index);
    expect(predicateLabel(p.predicate)).toBe(predicate);
  });

  test("a yearly rise limit: no indicator more than that above its level, still the fewest steps within it", () => {
    const p = ok(planTarget(SPBE, FINAL, { target: 3.7, raise: 1 }));
    expect(p.reached).toBe(true);
    expect(p.steps).toHaveLength(19);
    expect(new Set(p.steps.map((s) => s.indicator)).size).toBe(19);
    expect(p.steps.every((s) => s.to.num - s.from.num === 1n && s.from.num === FINAL.get(s.indicator)!.num)).toBe(true);
    expect(Number(p.indexUnits) / 100).toBe(3.72);
    // A cap given for an indicator still holds when it is lower than the rise allows.
    const capped = ok(planTarget(SPBE, FINAL, { target: 3.7, raise: 2, caps: new Map([[43, 2]]) }));
    expect(capped.steps.some((s) => s.indicator === 43)).toBe(false);
    // A rise of 4 at most leaves nothing out: the plan of the unlimited planner.
    expect(shown(ok(planTarget(SPBE, FINAL, { target: 3.7, raise: 4 })))).toEqual(
      shown(ok(planTarget(SPBE, FINAL, { target: 3.7 }))),
    );
    expect(planTarget(SPBE, FINAL, { target: 3.7, raise: 0 })).toMatchObject({ ok: false, code: "bad-cap" });
  });

  test("3.19 → 3.70: the ten public-service raises (weight 3) first, then eight of weight 2.75; nothing lighter", () => {
    const p = ok(planTarget(SPBE, FINAL, { target: 3.7 }));
    expect(shown(p)).toEqual([
      "43:2→3",
      "44:2→3",
      "43:3→4",
      "44:3→4",
      "42:4→5",
      "43:4→5",
      "44:4→5",
      "45:4→5",
      "46:4→5",
      "47:4→5",
      "33:3→4",
      "34:3→4",
      "37:3→4",
      "38:3→4",
      "39:3→4",
      "40:3→4",
      "32:4→5",
      "33:4→5",
    ]);
    expect(p.steps.map((s) => Number(s.indexUnits) / 100)).toEqual([
      3.22, 3.25, 3.28, 3.31, 3.34, 3.37, 3.4, 3.43, 3.46, 3.49, 3.52, 3.55, 3.58, 3.6, 3.63, 3.66, 3.69, 3.71,
    ]);
    expect(p.index).toEqual(rational(37125n, 10000n));
    expect(p.message.id).toBe("Target 3,70 tercapai dengan 18 langkah: indeks menjadi 3,71, Sangat Baik.");
    expect(p.message.en).toBe("The target 3.70 is reached in 18 steps: the index becomes 3.71, Sangat Baik.");
  });

  test("the predicate change is marked on the step that makes it, and only there", () => {
    const p = ok(planTarget(SPBE, FINAL, { target: 3.7 }));
    const changes = p.steps.flatMap((s, k) =>
      s.predicateBefore ? [[k + 1, s.predicateBefore.name, s.predicate.name]] : [],
    );
    expect(changes).toEqual([[11, "Baik", "Sangat Baik"]]);
  });

  test("public services out of reach: the plan turns to the next heaviest and needs one step more", () => {
    const p = ok(planTarget(SPBE, FINAL, { target: 3.7, outOfReach: [42, 43, 44, 45, 46, 47] }));
    expect(p.steps).toHaveLength(19);
    expect(p.steps.some((s) => s.indicator >= 42)).toBe(false);
    expect(Number(p.indexUnits)).toBe(370);
  });

  test("caps hold: 43 and 44 no higher than 3 this year", () => {
    const p = ok(
      planTarget(SPBE, FINAL, {
        target: 3.7,
        caps: new Map([
          [43, 3],
          [44, 3],
        ]),
      }),
    );
    expect(p.steps).toHaveLength(18);
    expect(shown(p).filter((s) => s.startsWith("43:") || s.startsWith("44:"))).toEqual(["43:2→3", "44:2→3"]);
    expect(Number(p.indexUnits)).toBe(370);
  });

  test("out of reach: said plainly, with the best reachable index after every allowed step", () => {
    const p = ok(planTarget(SPBE, FINAL, { target: 5, outOfReach: [12, 13] }));
    expect(p.reached).toBe(false);
    expect(p.steps).toHaveLength(86);
    expect(p.index).toEqual(rational(4875n, 1000n));
    expect(Number(p.indexUnits)).toBe(488);
    expect(p.message.id).toMatch(/^Target 5,00 tidak dapat dicapai: paling tinggi 4,88, Memuaskan, setelah 86 langkah/);
    expect(p.message.en).toMatch(/^The target 5\.00 cannot be reached: the best is 4\.88, Memuaskan, after 86 steps/);
  });

  test("a target above the top level cannot be reached even with every indicator at 5", () => {
    const p = ok(planTarget(SPBE, FINAL, { target: 5.1 }));
    expect(p.reached).toBe(false);
    expect(Number(p.indexUnits)).toBe(500);
  });

  test("self-assessment 3.75 already meets 3.70: no steps", () => {
    const p = ok(planTarget(SPBE, SELF, { target: 3.7 }));
    expect(p).toMatchObject({ reached: true, steps: [], startUnits: 375n, indexUnits: 375n });
    expect(p.message.en).toMatch(/already meets the target 3\.70/);
  });

  test("a target between two displayed values needs the next one up (3.705 → 3.71)", () => {
    expect(ok(planTarget(SPBE, FINAL, { target: 3.705 })).targetUnits).toBe(371n);
  });
});

describe("path to target, Aceh Tengah 2026 (Pemdi, 1.24 Kurang)", () => {
  test("1.24 → 1.50 with the default step 0.25: seven steps on I20, the heaviest indicator, Kurang → Cukup", () => {
    const p = ok(planTarget(PEMDI, ACEH, { target: 1.5 }));
    expect(p.step).toEqual(rational(1n, 4n));
    expect(p.startUnits).toBe(124n);
    expect(p.steps.map((s) => s.code)).toEqual(Array(7).fill("I20"));
    expect(p.steps[0].from).toEqual(rational(13n, 10n));
    expect(p.steps[6].to).toEqual(rational(305n, 100n));
    expect(p.steps[6].predicateBefore?.name).toBe("Kurang");
    expect(predicateLabel(p.predicate)).toBe("Cukup (Membangun)");
  });

  test("a last shorter step up to 5.00 is allowed, and sorted by what it is worth", () => {
    const p = ok(planTarget(PEMDI, ACEH, { target: 2.5 }));
    expect(p.steps).toHaveLength(55);
    const partial = p.steps.filter((s) => s.partial);
    expect(partial.map((s) => [s.code, s.from, s.to])).toEqual([["I20", rational(48n, 10n), fromInt(5)]]);
    // I20's last 0.20 (worth 15 × 0.20 = 3.0) comes before I19's full steps (10 × 0.25 = 2.5).
    expect(p.steps[14].partial).toBe(true);
    expect(p.steps[15].code).toBe("I19");
  });

  test("I13 = 7/6 moves exactly: 7/6 → 17/12", () => {
    const p = ok(planTarget(PEMDI, ACEH, { target: 2.5 }));
    const i13 = p.steps.filter((s) => s.indicator === 13);
    expect(i13[0].from).toEqual(rational(7n, 6n));
    expect(i13[0].to).toEqual(rational(17n, 12n));
  });

  test("the assessor's step: 1.00 reaches 3.00 in 24 steps", () => {
    const p = ok(planTarget(PEMDI, ACEH, { target: 3, step: 1 }));
    expect(p.steps).toHaveLength(24);
    expect(p.reached).toBe(true);
  });
});

describe("refusals, in both languages", () => {
  test.each([
    [
      "an incomplete assessment",
      SPBE,
      new Map([...FINAL].filter(([id]) => id !== 7 && id !== 9)),
      { target: 3.5 },
      "incomplete",
      /7, 9/,
    ],
    ["a step other than one level on SPBE 2020", SPBE, FINAL, { target: 3.5, step: 0.5 }, "bad-step", /0\.5/],
    ["a step finer than 0.01", PEMDI, ACEH, { target: 2, step: 0.001 }, "bad-step", /0\.01/],
    ["a cap above the top level", SPBE, FINAL, { target: 3.5, caps: new Map([[12, 6]]) }, "bad-cap", /12/],
    ["an unknown indicator out of reach", PEMDI, ACEH, { target: 2, outOfReach: [21] }, "unknown-indicator", /21/],
    ["a target that is not a number", SPBE, FINAL, { target: Number.NaN }, "bad-target", /NaN/],
  ] as const)("%s", (_what, f, values, options, code, mentions) => {
    const p = planTarget(f, values, options);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.code).toBe(code);
    expect(p.reason.id).toMatch(mentions);
    expect(p.reason.en).toMatch(mentions);
    expect(p.reason.id).not.toBe(p.reason.en);
  });
});

describe("planning a worksheet column", () => {
  const analysis = analyze(workbookGrid(standardSpbe()), FRAMEWORKS);
  const table = analysis.tables[0];

  test("each step names its level cell", () => {
    const p = ok(planAssessment(table, table.assessments[1], { target: 3.7 }));
    expect(p.steps.slice(0, 2).map((s) => [s.code, s.cell])).toEqual([
      ["43", "E59"],
      ["44", "E60"],
    ]);
  });

  test("a column with problems is refused with the cells to fix", () => {
    const bad = analyze(workbookGrid(standardSpbe({ ...DENPASAR_SELF, 5: "empat" })), FRAMEWORKS).tables[0];
    const p = planAssessment(bad, bad.assessments[0], { target: 3.7 });
    expect(p).toMatchObject({ ok: false, code: "incomplete" });
    if (p.ok) return;
    expect(p.reason.id).toMatch(/Kolom D .*1 masalah \(D11\)/);
    expect(p.reason.en).toMatch(/Column D .*1 problem \(D11\)/);
  });
});
