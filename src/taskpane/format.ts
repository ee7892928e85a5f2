/**
 * Numbers and counts in the pane's language, through the platform's own formatting:
 * Intl.NumberFormat gives "3,19" in Indonesian and "3.19" in English, Intl.PluralRules
 * picks "1 problem" or "2 problems". The core rounds exactly (half-up, integer units);
 * what reaches here is already the decimal to show, so formatting never rounds again.
 */
import { hundredthsText } from "../core/format";
import { Rational, toFixed } from "../core/rational";
import type { Language } from "./i18n";

const LOCALE: Record<Language, string> = { id: "id-ID", en: "en-US" };
const OWN_SIGN: Record<Language, string> = { id: ",", en: "." };

/**
 * The decimal sign Excel shows the cells with, where Excel says (its regional settings,
 * Application.cultureInfo, ExcelApi 1.11): the pane writes numbers as the workbook beside
 * it does, whatever its own language. Set by the pane after each read; unset, the
 * language decides.
 */
let excelSign: string | undefined;

export function followExcelDecimalSign(sign: string | undefined): void {
  excelSign = sign && !/\d/.test(sign) ? sign : undefined;
}

function signed(text: string, lang: Language): string {
  return excelSign && excelSign !== OWN_SIGN[lang] ? text.replace(OWN_SIGN[lang], excelSign) : text;
}

/** ES2023 lets format() take a decimal string and keep every digit; older engines read it as a number, which is exact for what is passed here. */
type DecimalFormat = { format(value: string): string };

const formats = new Map<string, DecimalFormat>();

function numberFormat(lang: Language, places: number, signed: boolean): DecimalFormat {
  const key = `${lang}|${places}|${signed}`;
  let f = formats.get(key);
  if (!f) {
    const intl = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: false,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    f = intl as unknown as DecimalFormat;
    formats.set(key, f);
  }
  return f;
}

/** A real minus sign, as a difference is written: "−0,056". */
function minus(text: string): string {
  return text.replace(/^-/, "−");
}

/** A decimal string ("3.19", "-0.5") in the language, with `places` decimals: "3,19". */
export function formatDecimal(decimal: string, places: number, lang: Language): string {
  return signed(minus(numberFormat(lang, places, false).format(decimal)), lang);
}

/** Hundredths, exactly: 319n → "3,19" in Indonesian, "3.19" in English. */
export function formatUnits(units: bigint, lang: Language): string {
  return formatDecimal(hundredthsText(units), 2, lang);
}

/** An exact value rounded half-up to `places` decimals, in the language. */
export function formatRational(x: Rational, places: number, lang: Language): string {
  return formatDecimal(toFixed(x, places), places, lang);
}

/** A plain number as typed or chosen (a target, a step, a threshold), with at least `places` decimals. */
export function formatNumber(x: number, places: number, lang: Language): string {
  const f = new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: places,
    maximumFractionDigits: Math.max(places, 6),
    useGrouping: false,
  });
  return signed(minus(f.format(x)), lang);
}

/** Signed, with a real minus sign: "−0,056", "+0,013"; zero has no sign ("0,000"). */
export function formatSigned(x: Rational, places: number, lang: Language): string {
  return signed(minus(numberFormat(lang, places, true).format(toFixed(x, places))), lang);
}

/** A whole count in the language ("1.234" in Indonesian would read as a decimal, so no grouping). */
export function formatCount(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0, useGrouping: false }).format(n);
}

/** The plural category of a count: Indonesian has one form, English "one" and "other". */
export function pluralOf(n: number, lang: Language): Intl.LDMLPluralRule {
  return new Intl.PluralRules(LOCALE[lang]).select(n);
}

/** "1 problem", "2 problems": the count and the form of the word its language wants. */
export function counted(
  n: number,
  lang: Language,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return `${formatCount(n, lang)} ${forms[pluralOf(n, lang)] ?? forms.other}`;
}

/**
 * A number typed by a person: decimal comma or point ("3,7", "3.7", ".5"), no grouping,
 * no sign. NaN when it is not such a number.
 */
export function parseTyped(text: string): number {
  const t = text.trim().replace(",", ".");
  return /^\d+(\.\d*)?$|^\.\d+$/.test(t) ? Number(t) : NaN;
}
