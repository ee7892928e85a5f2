/**
 * The styles part, grown only at its ends: a cell style or highlight the plan needs is
 * looked up among the entries already there (our own from an earlier write included)
 * and appended only when missing, so existing style indexes never move and a second
 * write adds nothing.
 */
import type { CellStyle } from "../core/writePlan";
import { child, element, parseXml, prefixOf, splice, withAttrs, XmlNode } from "./xml";

const CONTAINERS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type Grown = "numFmts" | "fonts" | "fills" | "cellXfs" | "dxfs";

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

export class StyleSheet {
  private readonly root: XmlNode;
  private readonly p: string;
  private readonly raw = new Map<Grown, string[]>();
  private readonly added = new Map<Grown, string[]>();
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;

  constructor(
    private readonly text: string,
    part?: string,
  ) {
    this.root = parseXml(text, { descend: (path) => path.length < 3, part });
    this.p = prefixOf(this.root);
    for (const k of ["numFmts", "fonts", "fills", "cellXfs", "dxfs"] as Grown[]) {
      const c = child(this.root, k);
      this.raw.set(k, c ? c.children.map((n) => text.slice(n.start, n.end)) : []);
      this.added.set(k, []);
    }
    for (const f of child(this.root, "numFmts")?.children ?? []) {
      const id = Number(f.attrs.numFmtId);
      this.customFormats.set(f.attrs.formatCode ?? "", id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
  }

  get changed(): boolean {
    return [...this.added.values()].some((a) => a.length > 0);
  }

  private node(kind: Grown, index: number): XmlNode | undefined {
    const raw = this.raw.get(kind)!;
    const text = index < raw.length ? raw[index] : this.added.get(kind)![index - raw.length];
    return text === undefined ? undefined : parseXml(text);
  }

  private entry(kind: Grown, xml: string): number {
    const raw = this.raw.get(kind)!;
    const found = raw.indexOf(xml);
    if (found >= 0) return found;
    const added = this.added.get(kind)!;
    const again = added.indexOf(xml);
    if (again >= 0) return raw.length + again;
    added.push(xml);
    return raw.length + added.length - 1;
  }

  private numberFormat(code: string): number {
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.entry("numFmts", element(`${this.p}numFmt`, { numFmtId: id, formatCode: code }));
    return id;
  }

  /** The font of `base` made bold/italic/coloured as asked; its other properties kept. */
  private font(baseId: number, s: CellStyle): number {
    const p = this.p;
    const base = this.node("fonts", baseId);
    const baseText = base ? this.fontText(baseId) : "";
    const kept = base ? base.children.filter((c) => !["b", "i", "color"].includes(c.local)) : [];
    const tail = ["name", "family", "charset", "scheme"];
    const before = kept.filter((c) => !tail.includes(c.local)).map((c) => baseText.slice(c.start, c.end));
    const after = kept.filter((c) => tail.includes(c.local)).map((c) => baseText.slice(c.start, c.end));
    const baseColor = base?.children.find((c) => c.local === "color");
    const inner =
      (s.bold ? element(`${p}b`) : "") +
      (s.italic ? element(`${p}i`) : "") +
      before.join("") +
      (s.fontColor
        ? element(`${p}color`, { rgb: argb(s.fontColor) })
        : baseColor
          ? baseText.slice(baseColor.start, baseColor.end)
          : "") +
      after.join("");
    return this.entry("fonts", element(`${p}font`, {}, inner));
  }

  private fontText(id: number): string {
    const raw = this.raw.get("fonts")!;
    return id < raw.length ? raw[id] : this.added.get("fonts")![id - raw.length];
  }

  private fill(hex: string): number {
    const p = this.p;
    return this.entry(
      "fills",
      element(
        `${p}fill`,
        {},
        element(
          `${p}patternFill`,
          { patternType: "solid" },
          element(`${p}fgColor`, { rgb: argb(hex) }) + element(`${p}bgColor`, { indexed: 64 }),
        ),
      ),
    );
  }

  /** The cell format index for a cell now formatted `base`, with the plan's style laid over it. */
  cellFormat(base: number, s: CellStyle | undefined): number {
    if (!s || Object.values(s).every((v) => v === undefined)) return base;
    const p = this.p;
    const xf = this.node("cellXfs", base) ?? this.node("cellXfs", 0);
    const attrs: Record<string, string | number | undefined> = xf
      ? { ...xf.attrs }
      : { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 };
    if (s.numberFormat) {
      attrs.numFmtId = this.numberFormat(s.numberFormat);
      attrs.applyNumberFormat = "1";
    }
    if (s.bold || s.italic || s.fontColor) {
      attrs.fontId = this.font(Number(attrs.fontId ?? 0), s);
      attrs.applyFont = "1";
    }
    if (s.fill) {
      attrs.fillId = this.fill(s.fill);
      attrs.applyFill = "1";
    }
    const xfText = xf ? this.xfText(base) : "";
    let inner = xf ? xf.children.map((c) => xfText.slice(c.start, c.end)).join("") : "";
    if (s.align || s.wrap) {
      attrs.applyAlignment = "1";
      const rest = xf
        ? xf.children.filter((c) => c.local !== "alignment").map((c) => xfText.slice(c.start, c.end))
        : [];
      inner =
        element(`${p}alignment`, {
          horizontal: s.align,
          vertical: s.wrap ? "top" : undefined,
          wrapText: s.wrap ? "1" : undefined,
        }) + rest.join("");
    }
    return this.entry("cellXfs", element(`${p}xf`, attrs, inner));
  }

  private xfText(id: number): string {
    const raw = this.raw.get("cellXfs")!;
    return id < raw.length ? raw[id] : this.added.get("cellXfs")![id - raw.length];
  }

  /** A differential format for a conditional highlight. */
  highlight(fill: string, fontColor: string): number {
    const p = this.p;
    return this.entry(
      "dxfs",
      element(
        `${p}dxf`,
        {},
        element(`${p}font`, {}, element(`${p}color`, { rgb: argb(fontColor) })) +
          element(`${p}fill`, {}, element(`${p}patternFill`, {}, element(`${p}bgColor`, { rgb: argb(fill) }))),
      ),
    );
  }

  /** The part with what was added; the same text when nothing was. */
  toString(): string {
    if (!this.changed) return this.text;
    const edits = [];
    for (const kind of ["numFmts", "fonts", "fills", "cellXfs", "dxfs"] as Grown[]) {
      const added = this.added.get(kind)!;
      if (added.length === 0) continue;
      const count = this.raw.get(kind)!.length + added.length;
      const c = child(this.root, kind);
      if (c && !c.selfClosing) {
        edits.push({ start: c.start, end: c.openEnd, text: withAttrs(this.text, c, { count }) });
        edits.push({ start: c.closeStart, end: c.closeStart, text: added.join("") });
      } else if (c) {
        edits.push({ start: c.start, end: c.end, text: element(c.name, { ...c.attrs, count }, added.join("")) });
      } else {
        const at = insertionPoint(this.root, kind);
        edits.push({
          start: at,
          end: at,
          text: element(`${this.p}${kind}`, { count }, added.join("")),
          rank: CONTAINERS.indexOf(kind),
        });
      }
    }
    return splice(this.text, edits);
  }
}

function insertionPoint(root: XmlNode, kind: string): number {
  const order = CONTAINERS as readonly string[];
  const k = order.indexOf(kind);
  const next = root.children.find((c) => order.indexOf(c.local) > k);
  return next ? next.start : root.closeStart;
}
