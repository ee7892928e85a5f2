/**
 * Excel formula text → syntax tree, for the subset of the language the write plan and
 * ordinary templates use: numbers, strings, TRUE/FALSE, error literals, A1 references
 * and ranges (absolute or relative, sheet-qualified), defined names, function calls,
 * unary minus, %, ^, * /, + -, & and comparisons, with Excel's precedence.
 */

export interface CellRef {
  row: number;
  col: number;
  absRow: boolean;
  absCol: boolean;
}

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | { k: "ref"; sheet?: string; at: CellRef }
  | { k: "range"; sheet?: string; from: CellRef; to: CellRef }
  | { k: "name"; name: string }
  | { k: "call"; fn: string; args: Node[] }
  | { k: "neg"; x: Node }
  | { k: "pct"; x: Node }
  | { k: "bin"; op: string; a: Node; b: Node };

export class FormulaSyntaxError extends Error {}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: string }
  | { t: "ref"; v: CellRef; sheet?: string }
  | { t: "word"; v: string; sheet?: string }
  | { t: "func"; v: string }
  | { t: "op"; v: string }
  | { t: "(" }
  | { t: ")" }
  | { t: "," };

const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

function cellRef(text: string): CellRef | undefined {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(text);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[2].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[4]) - 1;
  if (col > 16384 || row < 0 || row >= 1048576) return undefined;
  return { row, col: col - 1, absCol: m[1] === "$", absRow: m[3] === "$" };
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let sheet: string | undefined;
  const word = /^[A-Za-z_\\$][A-Za-z0-9_.$]*/;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\n" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: "str", v: s });
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError("unterminated sheet name");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      if (src[i] !== "!") throw new FormulaSyntaxError("sheet name without !");
      i++;
      sheet = s;
      continue;
    }
    if (ch === "#") {
      const e = ERRORS.find((x) => src.slice(i, i + x.length).toUpperCase() === x);
      if (!e) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      out.push({ t: "err", v: e });
      i += e.length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const w = word.exec(src.slice(i));
    if (w) {
      const text = w[0];
      i += text.length;
      if (src[i] === "!") {
        sheet = text;
        i++;
        continue;
      }
      const ref = cellRef(text);
      if (ref && src[i] !== "(") out.push({ t: "ref", v: ref, sheet });
      else if (src[i] === "(") {
        if (sheet !== undefined) throw new FormulaSyntaxError("function after sheet name");
        out.push({ t: "func", v: text.toUpperCase() });
      } else out.push({ t: "word", v: text, sheet });
      sheet = undefined;
      continue;
    }
    if (sheet !== undefined) throw new FormulaSyntaxError("sheet name without reference");
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%:".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch } as Token);
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected "${ch}" at ${i}`);
  }
  if (sheet !== undefined) throw new FormulaSyntaxError("sheet name without reference");
  return out;
}

/** Parses formula text with or without its leading "=". */
export function parseFormula(text: string): Node {
  const toks = tokenize(text.startsWith("=") ? text.slice(1) : text);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (...ops: string[]) => {
    const t = toks[p];
    return t !== undefined && t.t === "op" && ops.includes(t.v);
  };
  const expect = (t: Token["t"]) => {
    if (toks[p]?.t !== t) throw new FormulaSyntaxError(`expected ${t}`);
    p++;
  };

  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let a = next();
    while (isOp(...ops)) {
      const op = (toks[p++] as { v: string }).v;
      a = { k: "bin", op, a, b: next() };
    }
    return a;
  };

  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new FormulaSyntaxError("unexpected end");
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "err":
        return { k: "err", v: t.v };
      case "ref": {
        if (isOp(":")) {
          const save = p;
          p++;
          const u = toks[p];
          if (u && u.t === "ref" && u.sheet === undefined) {
            p++;
            return { k: "range", sheet: t.sheet, from: t.v, to: u.v };
          }
          p = save;
        }
        return { k: "ref", sheet: t.sheet, at: t.v };
      }
      case "word": {
        const up = t.v.toUpperCase();
        if (t.sheet === undefined && (up === "TRUE" || up === "FALSE")) return { k: "bool", v: up === "TRUE" };
        if (t.sheet !== undefined) throw new FormulaSyntaxError("sheet-level names are not supported");
        return { k: "name", name: t.v };
      }
      case "func": {
        expect("(");
        const args: Node[] = [];
        if (peek()?.t !== ")") {
          for (;;) {
            args.push(comparison());
            if (peek()?.t === ",") {
              p++;
              continue;
            }
            break;
          }
        }
        expect(")");
        return { k: "call", fn: t.v, args };
      }
      case "(": {
        const e = comparison();
        expect(")");
        return e;
      }
      default:
        throw new FormulaSyntaxError(`unexpected ${t.t}`);
    }
  };
  const postfix = (): Node => {
    let x = primary();
    while (isOp("%")) {
      p++;
      x = { k: "pct", x };
    }
    return x;
  };
  const unary = (): Node => {
    if (isOp("-")) {
      p++;
      return { k: "neg", x: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return postfix();
  };
  const power = binary(unary, ["^"]);
  const mult = binary(power, ["*", "/"]);
  const additive = binary(mult, ["+", "-"]);
  const concat = binary(additive, ["&"]);
  const comparison: () => Node = binary(concat, ["=", "<>", "<", ">", "<=", ">="]);

  const tree = comparison();
  if (p !== toks.length) throw new FormulaSyntaxError("unexpected text after the formula");
  return tree;
}
