/**
 * Every level cell is checked against the framework's rules. A cell gives either an
 * exact value or an issue naming the cell, the indicator and what is wrong with it.
 */
import { Bilingual, Framework, Indicator } from "./framework";
import { CellValue, isCellError } from "./grid";
import { numberTextId } from "./format";
import { bi, flat, Issue, IssueCode, showValue } from "./messages";
import { levelOf } from "./formulas";
import { normalize } from "./headers";
import { Rational, fromNumber, isInteger, parseDecimal } from "./rational";

export type CellCheck =
  | { ok: true; value: Rational }
  /** short: the failure in a few words, for a line beside the index ("7 di luar 1–5") */
  | { ok: false; code: IssueCode; id: string; en: string; short?: Bilingual };

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
    return {
      ok: false,
      code: "blank",
      id: `kosong; isi ${kindId} ${range(f)}`,
      en: `blank; enter ${kindEn} ${range(f)}`,
    };
  }
  if (isCellError(v)) {
    return {
      ok: false,
      code: "error-value",
      id: `berisi galat ${v.error}; perbaiki rumus atau isi nilainya`,
      en: `holds the error ${v.error}; fix the formula or enter the value`,
    };
  }
  if (typeof v === "boolean") {
    return {
      ok: false,
      code: "not-a-number",
      id: `berisi ${v ? "TRUE" : "FALSE"}, bukan angka`,
      en: `holds ${v ? "TRUE" : "FALSE"}, not a number`,
    };
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
    const meant = textLevel(f, t);
    if (meant !== undefined) {
      return {
        ok: false,
        code: "level-as-text",
        id: `${showValue(v)} adalah teks yang berarti level ${meant}; ketik angka ${meant} (rumus buku kerja hanya menghitung angka)`,
        en: `${showValue(v)} is text meaning level ${meant}; type the number ${meant} (the workbook's formulas count numbers only)`,
      };
    }
    return {
      ok: false,
      code: "not-a-number",
      id: `${showValue(v)} bukan angka; isi ${kindId} ${range(f)}`,
      en: `${showValue(v)} is not a number; enter ${kindEn} ${range(f)}`,
    };
  }
  const level = levelOf(f, v);
  if (level) return { ok: true, value: level };
  const value = fromNumber(v);
  if (!value)
    return { ok: false, code: "not-a-number", id: `${numberTextId(v)} bukan angka`, en: `${v} is not a number` };
  if (whole && !isInteger(value)) {
    return {
      ok: false,
      code: "not-whole",
      id: `${numberTextId(v)} bukan bilangan bulat; level ${range(f)} tanpa desimal`,
      en: `${v} is not a whole number; levels are ${range(f)} without decimals`,
      short: bi(`${numberTextId(v)} bukan bilangan bulat`, `${v} is not whole`),
    };
  }
  return {
    ok: false,
    code: "out-of-range",
    id: `${numberTextId(v)} di luar rentang ${range(f)}`,
    en: `${v} is outside the range ${range(f)}`,
    short: bi(`${numberTextId(v)} di luar ${range(f)}`, `${v} outside ${range(f)}`),
  };
}

const LEVEL_WORD = /^(?:level|tingkat|tingkatan|lvl|lv)\s*/;

/**
 * The level a text names, when it names exactly one: "Level 3", "Tingkat 3",
 * "3 - Terdefinisi", "Level 3 — Terdefinisi", "Terdefinisi", "Rintisan 1". A bare "3" is
 * not taken here (that is a number stored as text), nor is a sentence that mentions a level.
 */
export function textLevel(f: Framework, text: string): number | undefined {
  const h = normalize(text);
  const prefixed = LEVEL_WORD.test(h);
  let rest = h.replace(LEVEL_WORD, "");
  const found: number[] = [];
  const lead = /^(\d+)(?: |$)/.exec(rest);
  if (lead) {
    found.push(Number(lead[1]));
    rest = rest.slice(lead[0].length);
  }
  const tail = / (\d+)$/.exec(rest);
  if (tail) {
    found.push(Number(tail[1]));
    rest = rest.slice(0, tail.index);
  }
  rest = rest.trim();
  if (rest) {
    const named = levelNames(f).get(rest);
    if (named === undefined) return undefined;
    found.push(named);
  } else if (!prefixed) return undefined;
  if (found.length === 0 || found.some((n) => n !== found[0])) return undefined;
  const n = found[0];
  return n >= f.data.levels.min && n <= f.data.levels.max ? n : undefined;
}

const NAMES = new WeakMap<Framework, Map<string, number>>();

/** Every name the framework gives a level, normalised → level. */
export function levelNames(f: Framework): Map<string, number> {
  let m = NAMES.get(f);
  if (!m) {
    m = new Map();
    for (const l of f.data.levels.names) {
      for (const name of [l.process, l.service, l.name, l.alias]) if (name) m.set(normalize(name), l.level);
    }
    NAMES.set(f, m);
  }
  return m;
}

/** The issue for a failed check, with place and indicator. */
export function levelIssue(
  check: Exclude<CellCheck, { ok: true }>,
  sheet: string,
  cell: string,
  column: string,
  indicator: Indicator,
): Issue {
  const label = `indikator ${indicator.code}`;
  const labelEn = `indicator ${indicator.code}`;
  return {
    code: check.code,
    severity: "error",
    sheet,
    cell,
    column,
    indicator: indicator.id,
    message: bi(flat`Sel ${cell} (${label}): ${check.id}.`, flat`Cell ${cell} (${labelEn}): ${check.en}.`),
    reason: check.short ?? bi(check.id, check.en),
  };
}
