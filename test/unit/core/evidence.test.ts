import { analyze } from "../../../src/core/analyze";
import { fromInt } from "../../../src/core/rational";
import { evidenceGaps, tableEvidenceGaps } from "../../../src/core/evidence";
import { FRAMEWORKS } from "../../../src/frameworks";
import { workbookGrid } from "../../../src/xlsx/readGrid";
import { DENPASAR_FINAL, englishShuffled, pemdiAceh, SPBE, standardSpbe } from "../../fixtures/templates";
import ExcelJS from "exceljs";

const table = (wb: ExcelJS.Workbook) => analyze(workbookGrid(wb), FRAMEWORKS).tables[0];

describe("levels above 1 without evidence", () => {
  // The standard template leaves "Bukti Dukung" empty on every third indicator.
  test("Denpasar template: every third indicator, in both columns, counted per domain and aspect", () => {
    const gaps = tableEvidenceGaps(table(standardSpbe()))!;
    expect(gaps.map((g) => g.column)).toEqual(["D", "E"]);
    const multiplesOfThree = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45];
    for (const g of gaps) expect(g.gaps.map((x) => x.indicator)).toEqual(multiplesOfThree);
    expect(gaps[1].domains.map((d) => [d.id, d.count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(gaps[1].aspects.map((a) => a.count)).toEqual([3, 1, 2, 0, 3, 1, 3, 2]);
    expect(gaps[1].gaps[0]).toEqual({ indicator: 3, code: "3", cell: "E9", evidenceCell: "F9", level: fromInt(4) });
  });

  test("level 1 needs no evidence", () => {
    const gaps = tableEvidenceGaps(table(standardSpbe(undefined, { ...DENPASAR_FINAL, 3: 1, 6: 1 })))!;
    expect(gaps[1].gaps.map((x) => x.indicator)).not.toContain(3);
    expect(gaps[1].gaps.map((x) => x.indicator)).not.toContain(6);
    expect(gaps[0].gaps.map((x) => x.indicator)).toContain(3);
  });

  test("Pemdi (Aceh Tengah): counted per aspect, no domains; values above 1.00 only", () => {
    // The Pemdi template records evidence ("ada") on odd indicators only.
    const [g] = tableEvidenceGaps(table(pemdiAceh()))!;
    expect(g.gaps.map((x) => x.code)).toEqual(["I2", "I4", "I12", "I20"]);
    expect(g.domains).toEqual([]);
    expect(g.aspects.map((a) => a.count)).toEqual([1, 1, 0, 1, 0, 0, 1]);
  });

  test("no evidence column, nothing to judge", () => {
    expect(tableEvidenceGaps(table(englishShuffled()))).toBeUndefined();
  });

  test("only indicators the evidence column covers are judged; whitespace is no evidence", () => {
    const values = new Map(SPBE.indicators.map((i) => [i.id, fromInt(3)]));
    const r = evidenceGaps(
      SPBE,
      values,
      new Map([
        [1, "  "],
        [2, "SK Wali Kota"],
      ]),
    );
    expect(r.gaps.map((x) => x.indicator)).toEqual([1]);
    expect(r.gaps[0].cell).toBeUndefined();
  });
});
