/**
 * Evaluates a parsed formula the way Excel does for the functions the write plan uses:
 * blank cells are distinct from "", ranges become arrays and operators work element by
 * element (ROUND(D5:D14*100,0) inside SUMPRODUCT), errors propagate, text compares
 * without case, IF evaluates only the branch it takes.
 */
import { CellValue, isCellError } from "../../core/grid";
import { CellRef, Node } from "./parse";

/** null is a blank cell; a matrix is rows of scalars. */
export type Scalar = CellValue;
export type Matrix = Scalar[][];
export type Value = Scalar | Matrix;

export interface EvalHost {
  /** the value of a cell, evaluating its formula first if it has one; undefined when the sheet does not exist */
  cell(sheet: string, row: number, col: number): Scalar | undefined;
  /** the reference text a defined name stands for, parsed */
  name(name: string): Node | undefined;
}

export interface EvalContext {
  host: EvalHost;
  sheet: string;
  /** shift for relative references: a conditional format's formula is written for its top-left cell */
  dRow: number;
  dCol: number;
}

const err = (code: string): Scalar => ({ error: code });
const isMatrix = (v: Value): v is Matrix => Array.isArray(v);
const isErr = (v: Value): v is { error: string } => !isMatrix(v) && isCellError(v as Scalar);

function at(r: CellRef, c: EvalContext): { row: number; col: number } {
  return { row: r.absRow ? r.row : r.row + c.dRow, col: r.absCol ? r.col : r.col + c.dCol };
}

function readCell(c: EvalContext, sheet: string | undefined, row: number, col: number): Scalar {
  if (row < 0 || col < 0) return err("#REF!");
  const v = c.host.cell(sheet ?? c.sheet, row, col);
  return v === undefined ? err("#REF!") : v;
}

/** Excel's "General" text for a number, as & and text comparisons see it. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(15)));
  return s.replace(/e([+-])(\d)$/, "E$10$2").replace(/e/, "E");
}

export function toNumber(v: Scalar): number | { error: string } {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim();
    if (t !== "" && Number.isFinite(Number(t))) return Number(t);
    return { error: "#VALUE!" };
  }
  return v;
}

export function toText(v: Scalar): string | { error: string } {
  if (v === null) return "";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  return v;
}

function toBool(v: Scalar): boolean | { error: string } {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE" || u === "FALSE") return u === "TRUE";
    return { error: "#VALUE!" };
  }
  return v;
}

function typeRank(v: Scalar): number {
  return typeof v === "number" ? 1 : typeof v === "string" ? 2 : 3;
}

function compare(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function scalarOp(op: string, a: Scalar, b: Scalar): Scalar {
  if (isCellError(a)) return a;
  if (isCellError(b)) return b;
  if (op === "&") {
    return (toText(a) as string) + (toText(b) as string);
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    switch (op) {
      case "=":
        return c === 0;
      case "<>":
        return c !== 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const x = toNumber(a);
  if (typeof x !== "number") return x;
  const y = toNumber(b);
  if (typeof y !== "number") return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? err("#DIV/0!") : x / y;
    case "^": {
      const r = Math.pow(x, y);
      return Number.isFinite(r) ? r : err("#NUM!");
    }
  }
  return err("#VALUE!");
}

function dims(v: Matrix): [number, number] {
  return [v.length, v.reduce((n, r) => Math.max(n, r.length), 0)];
}

/** Applies a scalar function element by element when any argument is an array. */
export function lift(args: Value[], f: (...xs: Scalar[]) => Scalar): Value {
  if (!args.some(isMatrix)) return f(...(args as Scalar[]));
  let rows = 0;
  let cols = 0;
  for (const a of args) {
    if (isMatrix(a)) {
      const [r, c] = dims(a);
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
  }
  const pick = (a: Value, r: number, c: number): Scalar => {
    if (!isMatrix(a)) return a;
    const [ar, ac] = dims(a);
    // a single row or column stretches across the other dimension, as in Excel
    const rr = ar === 1 ? 0 : r;
    const cc = ac === 1 ? 0 : c;
    if (rr >= ar || cc >= ac) return err("#N/A");
    return a[rr][cc] ?? null;
  };
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) row.push(f(...args.map((a) => pick(a, r, c))));
    out.push(row);
  }
  return out;
}

/** Every scalar of the arguments, arrays flattened row by row. */
function flat(args: Value[]): { v: Scalar; direct: boolean }[] {
  const out: { v: Scalar; direct: boolean }[] = [];
  for (const a of args) {
    if (isMatrix(a)) for (const r of a) for (const v of r) out.push({ v: v ?? null, direct: false });
    else out.push({ v: a, direct: true });
  }
  return out;
}

/** Excel's ROUND: half away from zero, on the decimal digits a person sees. */
export function roundHalfUp(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  if (digits >= 0) {
    const m = 10 ** digits;
    const scaled = Number((ax * m).toPrecision(15));
    return (sign * Math.round(scaled)) / m;
  }
  const m = 10 ** -digits;
  return sign * Math.round(Number((ax / m).toPrecision(15))) * m;
}

type Fn = (args: Node[], c: EvalContext) => Value;

const num1 =
  (f: (x: number) => number): Fn =>
  (args, c) => {
    if (args.length !== 1) return err("#VALUE!");
    return lift([evaluate(args[0], c)], (v) => {
      const x = toNumber(v);
      return typeof x === "number" ? f(x) : x;
    });
  };

const is1 =
  (f: (v: Scalar) => boolean): Fn =>
  (args, c) => {
    if (args.length !== 1) return err("#VALUE!");
    return lift([evaluate(args[0], c)], (v) => f(v));
  };

const logical =
  (combine: "and" | "or"): Fn =>
  (args, c) => {
    let seen = false;
    let acc = combine === "and";
    for (const { v, direct } of flat(args.map((a) => evaluate(a, c)))) {
      if (isCellError(v)) return v;
      if (v === null || (typeof v === "string" && !direct)) continue;
      const b = toBool(v);
      if (typeof b !== "boolean") return b;
      seen = true;
      acc = combine === "and" ? acc && b : acc || b;
    }
    return seen ? acc : err("#VALUE!");
  };

const FUNCTIONS: Record<string, Fn> = {
  IF: (args, c) => {
    if (args.length < 2 || args.length > 3) return err("#VALUE!");
    let cond = evaluate(args[0], c);
    if (isMatrix(cond)) cond = cond[0]?.[0] ?? null;
    const b = toBool(cond);
    if (typeof b !== "boolean") return b;
    if (b) return evaluate(args[1], c);
    return args.length === 3 ? evaluate(args[2], c) : false;
  },
  IFERROR: (args, c) => {
    if (args.length !== 2) return err("#VALUE!");
    const v = evaluate(args[0], c);
    return isErr(v) ? evaluate(args[1], c) : v;
  },
  ISNUMBER: is1((v) => typeof v === "number"),
  ISTEXT: is1((v) => typeof v === "string"),
  ISBLANK: is1((v) => v === null),
  ISLOGICAL: is1((v) => typeof v === "boolean"),
  ISERROR: is1((v) => isCellError(v)),
  NOT: (args, c) => {
    if (args.length !== 1) return err("#VALUE!");
    return lift([evaluate(args[0], c)], (v) => {
      const b = toBool(v);
      return typeof b === "boolean" ? !b : b;
    });
  },
  AND: logical("and"),
  OR: logical("or"),
  INT: num1(Math.floor),
  ABS: num1(Math.abs),
  ROUND: (args, c) => {
    if (args.length !== 2) return err("#VALUE!");
    return lift([evaluate(args[0], c), evaluate(args[1], c)], (a, d) => {
      const x = toNumber(a);
      if (typeof x !== "number") return x;
      const n = toNumber(d);
      if (typeof n !== "number") return n;
      return roundHalfUp(x, Math.trunc(n));
    });
  },
  SUMPRODUCT: (args, c) => {
    if (args.length === 0) return err("#VALUE!");
    const arrays = args.map((a) => {
      const v = evaluate(a, c);
      return isMatrix(v) ? v : [[v]];
    });
    const [rows, cols] = dims(arrays[0]);
    for (const a of arrays) {
      const [r, k] = dims(a);
      if (r !== rows || k !== cols) return err("#VALUE!");
    }
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < cols; k++) {
        let prod = 1;
        for (const a of arrays) {
          const v = a[r][k] ?? null;
          if (isCellError(v)) return v;
          prod *= typeof v === "number" ? v : 0;
        }
        sum += prod;
      }
    }
    return sum;
  },
  SUM: (args, c) => {
    let s = 0;
    for (const { v, direct } of flat(args.map((a) => evaluate(a, c)))) {
      if (isCellError(v)) return v;
      if (typeof v === "number") s += v;
      else if (direct && v !== null) {
        const x = toNumber(v);
        if (typeof x !== "number") return x;
        s += x;
      }
    }
    return s;
  },
  COUNT: (args, c) => {
    let n = 0;
    for (const { v, direct } of flat(args.map((a) => evaluate(a, c)))) {
      if (typeof v === "number") n++;
      else if (direct && (typeof v === "boolean" || (typeof v === "string" && typeof toNumber(v) === "number"))) n++;
    }
    return n;
  },
  COUNTA: (args, c) => flat(args.map((a) => evaluate(a, c))).filter(({ v }) => v !== null).length,
  MIN: (args, c) => extreme(args, c, Math.min),
  MAX: (args, c) => extreme(args, c, Math.max),
};

function extreme(args: Node[], c: EvalContext, pick: (a: number, b: number) => number): Scalar {
  let best: number | undefined;
  for (const { v } of flat(args.map((a) => evaluate(a, c)))) {
    if (isCellError(v)) return v;
    if (typeof v === "number") best = best === undefined ? v : pick(best, v);
  }
  return best ?? 0;
}

export function isSupportedFunction(name: string): boolean {
  return name in FUNCTIONS;
}

export function evaluate(n: Node, c: EvalContext): Value {
  switch (n.k) {
    case "num":
      return n.v;
    case "str":
      return n.v;
    case "bool":
      return n.v;
    case "err":
      return err(n.v);
    case "ref": {
      const p = at(n.at, c);
      return readCell(c, n.sheet, p.row, p.col);
    }
    case "range": {
      const a = at(n.from, c);
      const b = at(n.to, c);
      const top = Math.min(a.row, b.row);
      const bottom = Math.max(a.row, b.row);
      const left = Math.min(a.col, b.col);
      const right = Math.max(a.col, b.col);
      if (top < 0 || left < 0) return err("#REF!");
      const out: Matrix = [];
      for (let r = top; r <= bottom; r++) {
        const row: Scalar[] = [];
        for (let k = left; k <= right; k++) row.push(readCell(c, n.sheet, r, k));
        out.push(row);
      }
      return out;
    }
    case "name": {
      const ref = c.host.name(n.name);
      if (!ref) return err("#NAME?");
      return evaluate(ref, { ...c, dRow: 0, dCol: 0 });
    }
    case "call": {
      const f = FUNCTIONS[n.fn];
      return f ? f(n.args, c) : err("#NAME?");
    }
    case "neg":
      return lift([evaluate(n.x, c)], (v) => {
        const x = toNumber(v);
        return typeof x === "number" ? -x : x;
      });
    case "pct":
      return lift([evaluate(n.x, c)], (v) => {
        const x = toNumber(v);
        return typeof x === "number" ? x / 100 : x;
      });
    case "bin":
      return lift([evaluate(n.a, c), evaluate(n.b, c)], (a, b) => scalarOp(n.op, a, b));
  }
}

/** The value a cell shows: arrays give their top-left element, a blank result shows 0. */
export function cellResult(v: Value): Scalar {
  let s = isMatrix(v) ? (v[0]?.[0] ?? null) : v;
  if (s === null) s = 0;
  if (typeof s === "number" && !Number.isFinite(s)) return err("#NUM!");
  return s;
}
