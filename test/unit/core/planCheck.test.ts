/**
 * A write plan against the workbook of the moment: what of a person's is left, kept or
 * replaced by their choice, what refuses the write, and when a preview still holds.
 */
import { analyze } from "../../../src/core/analyze";
import {
  cellKey,
  checkPlan,
  factsFromGrid,
  FoundValidation,
  sameOutcome,
  validationKey,
  whatChanged,
  WorkbookFacts,
} from "../../../src/core/planCheck";
import { buildWritePlan, WritePlan } from "../../../src/core/writePlan";
import { FRAMEWORKS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import * as T from "../../fixtures/templates";

const grid = workbookGrid(T.standardSpbe());
const plan: WritePlan = buildWritePlan(grid, analyze(grid, FRAMEWORKS));
const facts = (more: Partial<WorkbookFacts> = {}): WorkbookFacts => ({ ...factsFromGrid(grid, plan), ...more });
const E = plan.validations.find((v) => v.ranges[0].startsWith("E"))!;

describe("cells on a person's sheets", () => {
  test.each([
    ["empty", { value: null, formula: null }, "write"],
    ["our link from an earlier apply", { value: 3.19, formula: "='Indeks SPBE'!E9" }, "write"],
    ["text a person typed", { value: "lihat laporan", formula: null }, "left"],
    ["a person's formula without a cached value", { value: null, formula: "=AVERAGE(E7:E63)" }, "left"],
    ["a number a person typed", { value: 3.2, formula: null }, "left"],
  ])("Sampul!C6 holding %s: %s", (_, cell, kind) => {
    const f = facts();
    f.cells[cellKey("Sampul", "C6")] = { ...cell, numberFormat: "General" };
    const c = checkPlan(plan, f);
    expect(c.touches.find((t) => t.sheet === "Sampul" && t.place === "C6")?.kind).toBe(kind);
    expect(c.plan.cells.some((x) => x.sheet === "Sampul" && x.address === "C6")).toBe(kind === "write");
    expect(c.refusal).toBeNull();
  });
});

describe("validation on the level cells", () => {
  const withValidation = (v: FoundValidation) => facts({ validations: { [validationKey(E)]: v } });
  test.each<[string, FoundValidation, string | undefined, boolean]>([
    ["none", { kind: "none" }, undefined, true],
    [
      "ours from an earlier apply",
      { kind: "rule", type: "whole", min: 1, max: 5, errorTitle: E.errorTitle },
      undefined,
      true,
    ],
    ["their whole 1–5", { kind: "rule", type: "whole", min: 1, max: 5, errorTitle: "Salah" }, "validation-kept", false],
    [
      "their list 5,4,3,2,1",
      { kind: "rule", type: "list", items: ["5", "4", "3", "2", "1"], errorTitle: "" },
      "validation-kept",
      false,
    ],
    [
      "their list 1–4",
      { kind: "rule", type: "list", items: ["1", "2", "3", "4"], errorTitle: "" },
      "validation-theirs",
      false,
    ],
    [
      "their decimal 1–5",
      { kind: "rule", type: "decimal", min: 1, max: 5, errorTitle: "" },
      "validation-theirs",
      false,
    ],
    ["mixed", { kind: "mixed" }, "validation-theirs", false],
  ])("%s", (_, found, kind, written) => {
    const c = checkPlan(plan, withValidation(found));
    expect(c.touches.find((t) => t.kind.startsWith("validation"))?.kind).toBe(kind);
    expect(c.plan.validations.includes(E)).toBe(written);
  });

  test("theirs is replaced only by their choice, and the choice is named", () => {
    const f = withValidation({ kind: "mixed" });
    const chosen = checkPlan(plan, f, { replaceValidations: [validationKey(E)] });
    expect(chosen.plan.validations).toContain(E);
    expect(chosen.touches.find((t) => t.choice === validationKey(E))?.kind).toBe("validation-replaced");
  });
});

describe("refusals come before any write", () => {
  test("a protected level sheet", () => {
    expect(checkPlan(plan, facts({ protectedSheets: ["Kertas Kerja"] })).refusal?.en).toMatch(
      /"Kertas Kerja" is protected.*Unprotect Sheet/,
    );
  });
  test("a protected cover is no refusal: its result cells are left", () => {
    const c = checkPlan(plan, facts({ protectedSheets: ["Sampul"] }));
    expect(c.refusal).toBeNull();
    expect(c.touches.filter((t) => t.sheet === "Sampul").map((t) => t.kind)).toEqual(["left", "left"]);
  });
  test("a protected structure when the results sheet must be added, and not when it is there", () => {
    expect(checkPlan(plan, facts({ structureProtected: true })).refusal?.en).toMatch(/Protect Workbook/);
    const there = facts({ structureProtected: true });
    there.sheets.push("Indeks SPBE");
    there.resultsSheets["Indeks SPBE"] = "Kertas Kerja";
    expect(checkPlan(plan, there).refusal).toBeNull();
  });
  test("a sheet of the results sheet's name that is a person's own", () => {
    const taken = facts();
    taken.sheets.push("Indeks SPBE");
    expect(checkPlan(plan, taken).refusal?.en).toMatch(/"Indeks SPBE" is now someone's own/);
  });
});

test("a preview still holds when nothing of the person's changed; what changed is said otherwise", () => {
  const before = checkPlan(plan, facts());
  expect(sameOutcome(before, checkPlan(plan, facts()))).toBe(true);
  const typed = facts();
  typed.cells[cellKey("Sampul", "C7")] = { value: "Baik sekali", formula: null, numberFormat: "General" };
  const now = checkPlan(plan, typed);
  expect(sameOutcome(before, now)).toBe(false);
  expect(whatChanged(before, now).map((m) => m.en)).toEqual([
    'Sampul!C7 holds something a person typed ("Baik sekali"); left as it is (the result is on sheet "Indeks SPBE")',
  ]);
  expect(whatChanged(now, before).map((m) => m.en)).toEqual([
    expect.stringMatching(/^No longer so: Sampul!C7 holds something a person typed/),
  ]);
});
