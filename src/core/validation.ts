/**
 * Every level cell is checked against the framework's rules. A cell gives either an
 * exact value or an issue naming the cell, the indicator and what is wrong with it.
 */
import { Framework, Indicator } from "./framework";
import { CellValue, isCellError } from "./grid";
import { bi, Issue, IssueCode, showValue } from "./messages";
import { Rational, compare, fromNumber, isInteger, parseDecimal } from "./rational";

export type CellCheck = { ok: true; value: Rational } | { ok: false; code: IssueCode; id: string; en: string };

function range(f: Framework): string {
  return `${f.data.levels.min}–${f.data.levels.max}`;
}

export function checkLevel(f: Framework, indicator: Indicator, v: CellValue): CellCheck {
  const whole = f.integerOnly;
  const kindId = whole ? "bilangan bulat" : "angka desimal";
  const kindEn = whole ? "a whole number" : "a number";
  if (v === null || (typeof v === "string" && v.trim() === "")) {
    if (indicator.external) {
      const src = indicator.external.source;
      const conv = indicator.external.conversion;
      const how = conv ? `; nilai = ${conv.formula}` : "";
      const howEn = conv ? `; value = ${conv.formula}` : "";
      return {
        ok: false,
        code: "external-missing",
        id: `nilai eksternal belum diisi (berasal dari ${src}${how}); isi nilainya, atau 1 bila indeks itu belum terbit`,
        en: `external value not filled in (it comes from ${src}${howEn}); enter it, or 1 while that index is not yet published`,
      };
    }
    return { ok: false, code: "blank", id: `kosong; isi ${kindId} ${range(f)}`, en: `blank; enter ${kindEn} ${range(f)}` };
  }
  if (isCellError(v)) {
    return { ok: false, code: "error-value", id: `berisi galat ${v.error}; perbaiki rumus atau isi nilainya`, en: `holds the error ${v.error}; fix the formula or enter the value` };
  }
  if (typeof v === "boolean") {
    return { ok: false, code: "not-a-number", id: `berisi ${v ? "TRUE" : "FALSE"}, bukan angka`, en: `holds ${v ? "TRUE" : "FALSE"}, not a number` };
  }
  if (typeof v === "string") {
    const t = v.trim();
    const asNumber = parseDecimal(t) ?? parseDecimal(t.replace(",", "."));
    if (asNumber && /^[+-]?[\d.,]+$/.test(t)) {
      return {
        ok: false,
        code: "number-as-text",
        id: `angka ${showValue(v)} tersimpan sebagai teks; ketik ulang sebagai angka`,
        en: `the number ${showValue(v)} is stored as text; type it again as a number`,
      };
    }
    return { ok: false, code: "not-a-number", id: `${showValue(v)} bukan angka; isi ${kindId} ${range(f)}`, en: `${showValue(v)} is not a number; enter ${kindEn} ${range(f)}` };
  }
  const value = fromNumber(v);
  if (!value) return { ok: false, code: "not-a-number", id: `${v} bukan angka`, en: `${v} is not a number` };
  if (whole && !isInteger(value)) {
    return { ok: false, code: "not-whole", id: `${v} bukan bilangan bulat; level ${range(f)} tanpa desimal`, en: `${v} is not a whole number; levels are ${range(f)} without decimals` };
  }
  if (compare(value, f.levelMin) < 0 || compare(value, f.levelMax) > 0) {
    return { ok: false, code: "out-of-range", id: `${v} di luar rentang ${range(f)}`, en: `${v} is outside the range ${range(f)}` };
  }
  return { ok: true, value };
}

/** The issue for a failed check, with place and indicator. */
export function levelIssue(check: Exclude<CellCheck, { ok: true }>, sheet: string, cell: string, column: string, indicator: Indicator): Issue {
  const label = `indikator ${indicator.code}`;
  const labelEn = `indicator ${indicator.code}`;
  return {
    code: check.code,
    severity: "error",
    sheet,
    cell,
    column,
    indicator: indicator.id,
    message: bi(`Sel ${cell} (${label}): ${check.id}.`, `Cell ${cell} (${labelEn}): ${check.en}.`),
  };
}
