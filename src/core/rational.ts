/**
 * Exact non-negative-friendly rational numbers on BigInt.
 *
 * Scores are sums of level × weight divided by a weight total. Binary floating point
 * gets half-way cases wrong ((1.285).toFixed(2) is "1.28"), so every score is computed
 * as an exact fraction and rounded half-up only when it is displayed.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint; // always > 0, fraction always reduced
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError("denominator is zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export function fromInt(n: number): Rational {
  return { num: BigInt(n), den: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

export function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/**
 * The exact decimal a JavaScript number stands for as people read it: the shortest
 * decimal that round-trips to the same double (what Excel shows at full precision).
 * Returns undefined for NaN and infinities.
 */
export function fromNumber(x: number): Rational | undefined {
  if (!Number.isFinite(x)) return undefined;
  return parseDecimal(String(x));
}

/** Parses "12", "-1.25", "3.", ".5", "1e-7", "2.5E+3". Returns undefined otherwise. */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, sign, intPart, fracPart = "", expPart] = m;
  if (intPart === "" && fracPart === "") return undefined;
  let num = BigInt((intPart || "0") + fracPart);
  let den = 10n ** BigInt(fracPart.length);
  const exp = expPart ? Number(expPart) : 0;
  if (Math.abs(exp) > 400) return undefined;
  if (exp > 0) num *= 10n ** BigInt(exp);
  if (exp < 0) den *= 10n ** BigInt(-exp);
  if (sign === "-") num = -num;
  return rational(num, den);
}

/**
 * Rounds half-up to `decimals` places and returns the integer count of units
 * (3.495 at 2 places → 350n). Negative values (differences between indices) round
 * symmetrically, ties away from zero, so −0.565 shows as −0.57 beside +0.57.
 */
export function roundHalfUpUnits(x: Rational, decimals: number): bigint {
  if (x.num < 0n) return -roundHalfUpUnits({ num: -x.num, den: x.den }, decimals);
  const scaled = x.num * 10n ** BigInt(decimals);
  return (2n * scaled + x.den) / (2n * x.den);
}

/** Half-up rounding as a JavaScript number (for JSON and display). */
export function roundHalfUp(x: Rational, decimals: number): number {
  return Number(roundHalfUpUnits(x, decimals)) / 10 ** decimals;
}

/** Fixed-point text with exactly `decimals` places, rounded half-up. */
export function toFixed(x: Rational, decimals: number): string {
  const units = roundHalfUpUnits(x, decimals);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (negative ? "-" : "") + (decimals > 0 ? `${whole}.${frac}` : whole);
}

/** Closest double, for JSON output of unrounded values. */
export function toNumber(x: Rational): number {
  // Scale to 17 significant decimals, then let the runtime parse that exactly.
  const sign = x.num < 0n ? "-" : "";
  const n = x.num < 0n ? -x.num : x.num;
  const whole = n / x.den;
  let rem = n % x.den;
  let frac = "";
  for (let i = 0; i < 20 && rem !== 0n; i++) {
    rem *= 10n;
    frac += (rem / x.den).toString();
    rem %= x.den;
  }
  return Number(`${sign}${whole}${frac ? "." + frac : ""}`);
}

export function isInteger(x: Rational): boolean {
  return x.den === 1n;
}

/** The smallest power of ten that makes `x` an integer, or undefined when none does. */
export function decimalPlaces(x: Rational): number | undefined {
  let d = x.den;
  let places = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    places++;
  }
  while (d % 2n === 0n || d % 5n === 0n) {
    if (d % 2n === 0n) d /= 2n;
    else d /= 5n;
    places++;
  }
  return d === 1n ? places : undefined;
}
