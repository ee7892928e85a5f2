import { convertible, externalValue } from "../../../src/core/external";
import { toFixed } from "../../../src/core/rational";
import { FRAMEWORKS } from "../../../src/frameworks";

const PEMDI = FRAMEWORKS.find((f) => f.id === "pemdi-2026")!;

test("I5 = 1 + SDI/25, as in the official indicator module (SDI 25 → 2.00, SDI 68.75 → 3.75)", () => {
  const [i5] = convertible(PEMDI.indicators);
  expect(i5.indicator.code).toBe("I5");
  expect(toFixed(externalValue(i5.indicator, 25, PEMDI.levelMin, PEMDI.levelMax)!, 2)).toBe("2.00");
  expect(toFixed(externalValue(i5.indicator, 68.75, PEMDI.levelMin, PEMDI.levelMax)!, 2)).toBe("3.75");
  expect(toFixed(externalValue(i5.indicator, 100, PEMDI.levelMin, PEMDI.levelMax)!, 2)).toBe("5.00");
  expect(toFixed(externalValue(i5.indicator, 150, PEMDI.levelMin, PEMDI.levelMax)!, 2)).toBe("5.00");
});

test("external indicators are marked; only I5's conversion is known", () => {
  expect(PEMDI.indicators.filter((i) => i.external).map((i) => i.code)).toEqual(["I5", "I6", "I7", "I18"]);
  expect(convertible(PEMDI.indicators).map((c) => c.indicator.code)).toEqual(["I5"]);
  const i6 = PEMDI.byId.get(6)!;
  expect(externalValue(i6, 50, PEMDI.levelMin, PEMDI.levelMax)).toBeUndefined();
});
