import { score } from "../../../src/core/scoring";
import { fromInt, fromNumber, Rational, toFixed, parseDecimal } from "../../../src/core/rational";
import { predicateLabel } from "../../../src/core/framework";
import { FRAMEWORKS } from "../../../src/frameworks";
import denpasar from "../../data/denpasar-2021.json";
import aceh from "../../data/aceh-tengah-2026.json";

const SPBE = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
const PEMDI = FRAMEWORKS.find((f) => f.id === "pemdi-2026")!;

function levels(rec: Record<string, number>, key = (k: string) => Number(k)): Map<number, Rational> {
  return new Map(Object.entries(rec).map(([k, v]) => [key(k), fromNumber(v)!]));
}

const show = (u: bigint | null) => (u === null ? null : (Number(u) / 100).toFixed(2));

describe("SPBE 2020: published results", () => {
  test("Denpasar 2021 final levels give 3.00 / 3.30 / 2.18 / 3.55, index 3.19, Baik", () => {
    const s = score(SPBE, levels(denpasar.finalLevels));
    expect(s.domains.map((d) => show(d.units))).toEqual(["3.00", "3.30", "2.18", "3.55"]);
    expect(show(s.total.units)).toBe("3.19");
    expect(toFixed(s.total.unrounded!, 4)).toBe("3.1925");
    expect(s.predicate!.name).toBe("Baik");
  });

  test("Denpasar 2021 self-assessed levels give 3.75 (unrounded 3.7495), Sangat Baik", () => {
    const s = score(SPBE, levels(denpasar.selfAssessedLevels));
    expect(show(s.total.units)).toBe("3.75");
    expect(toFixed(s.total.unrounded!, 4)).toBe("3.7495");
    expect(s.domains.map((d) => show(d.units))).toEqual(["3.40", "3.80", "2.91", "4.13"]);
    expect(s.predicate!.name).toBe("Sangat Baik");
  });

  test("the framework's weights add up: 47 indicators, 8 aspects, 4 domains, total 100", () => {
    expect(SPBE.indicators).toHaveLength(47);
    expect(SPBE.aspects).toHaveLength(8);
    expect(SPBE.domains).toHaveLength(4);
    expect(SPBE.totalWeight).toEqual(fromInt(100));
  });

  test("an exact tie rounds up: 3.495 is 3.50, Sangat Baik", () => {
    const base = new Map(SPBE.indicators.map((i) => [i.id, fromInt(3)]));
    // 3 + (3·2·6 + 2.5·3 + 1.5·4)/100 = 3 + 49.5/100 = 3.495 exactly
    const lv = new Map(base);
    [42, 43, 44, 45, 46, 47].forEach((id) => lv.set(id, fromInt(5)));
    [11, 12, 13].forEach((id) => lv.set(id, fromInt(4)));
    [21, 22, 23, 24].forEach((id) => lv.set(id, fromInt(4)));
    const s = score(SPBE, lv);
    expect(s.total.unrounded).toEqual(parseDecimal("3.495"));
    expect(show(s.total.units)).toBe("3.50");
    expect(s.predicate!.name).toBe("Sangat Baik");
  });

  test.each([
    [179n, "Kurang"],
    [180n, "Cukup"],
    [259n, "Cukup"],
    [260n, "Baik"],
    [349n, "Baik"],
    [350n, "Sangat Baik"],
    [419n, "Sangat Baik"],
    [420n, "Memuaskan"],
    [500n, "Memuaskan"],
  ])("SPBE band: %s hundredths → %s (lower bounds inclusive)", (units, name) => {
    const { predicateFor } = jest.requireActual("../../../src/core/framework");
    expect(predicateFor(SPBE, units).name).toBe(name);
  });
});

describe("Pemdi 2026: published result", () => {
  const values = (i13: number) =>
    new Map(
      Object.entries(aceh.indicatorValues).map(([k, v]) => [Number(k.slice(1)), fromNumber(k === "I13" ? i13 : v)!]),
    );

  test("Aceh Tengah 2026 (I13 = 7/6): aspects 1.75/1.28/1.00/1.17/1.08/1.40/1.18, index 1.24, Kurang (Merintis)", () => {
    const s = score(PEMDI, values(7 / 6));
    expect(s.domains).toEqual([]);
    expect(s.aspects.map((a) => show(a.units))).toEqual(["1.75", "1.28", "1.00", "1.17", "1.08", "1.40", "1.18"]);
    expect(show(s.total.units)).toBe("1.24");
    expect(predicateLabel(s.predicate!)).toBe("Kurang (Merintis)");
  });

  test("the displayed 1.17 instead of 7/6 turns aspect 5 into 1.09", () => {
    const s = score(PEMDI, values(1.17));
    expect(show(s.aspects[4].units)).toBe("1.09");
  });

  test.each([
    [149n, "Kurang (Merintis)"],
    [150n, "Cukup (Membangun)"],
    [249n, "Cukup (Membangun)"],
    [250n, "Baik (Berkembang)"],
    [350n, "Sangat Baik (Melembaga)"],
    [399n, "Sangat Baik (Melembaga)"],
    [400n, "Memuaskan (Unggul)"],
  ])("Pemdi band: %s hundredths → %s", (units, label) => {
    const { predicateFor } = jest.requireActual("../../../src/core/framework");
    expect(predicateLabel(predicateFor(PEMDI, units))).toBe(label);
  });

  test("a missing value leaves its groups and the index unknown, never zero", () => {
    const v = values(7 / 6);
    v.delete(13);
    const s = score(PEMDI, v);
    expect(s.total.units).toBeNull();
    expect(s.aspects[4].units).toBeNull();
    expect(show(s.aspects[0].units)).toBe("1.75");
  });
});

describe("framework names", () => {
  test("names are names: an indicator's other wording is a header synonym, not a note in its English name", () => {
    for (const f of FRAMEWORKS) {
      for (const i of f.indicators)
        expect({ code: i.code, en: i.en }).toEqual({ code: i.code, en: expect.not.stringMatching(/sources:/) });
    }
    const spbe = FRAMEWORKS.find((f) => f.id === "spbe-2020")!;
    expect(spbe.byId.get(13)!.altNames).toContain("Tingkat Kematangan Rencana dan Anggaran SPBE");
  });
});
