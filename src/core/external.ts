/**
 * Indicators whose value comes from another agency's index (Pemdi I5, I6, I7, I18).
 * Where the conversion is known (I5 = 1 + SDI/25) the value is computed exactly.
 */
import { Indicator } from "./framework";
import { add, compare, div, fromNumber, Rational } from "./rational";

export interface ExternalConversion {
  indicator: Indicator;
  source: string;
  formula: string;
}

/** The indicators of a framework whose value can be computed from their source index. */
export function convertible(indicators: readonly Indicator[]): ExternalConversion[] {
  return indicators.flatMap((i) =>
    i.external?.conversion ? [{ indicator: i, source: i.external.source, formula: i.external.conversion.formula }] : [],
  );
}

/** value = offset + source / divisor, kept within the framework's 1–5; undefined when no conversion is known. */
export function externalValue(
  indicator: Indicator,
  source: number,
  min: Rational,
  max: Rational,
): Rational | undefined {
  const c = indicator.external?.conversion;
  const s = fromNumber(source);
  if (!c || !s) return undefined;
  const v = add(fromNumber(c.offset)!, div(s, fromNumber(c.divisor)!));
  if (compare(v, min) < 0) return min;
  if (compare(v, max) > 0) return max;
  return v;
}
