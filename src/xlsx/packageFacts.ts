/**
 * What a package says of the places a write plan touches, beyond the grid: protected
 * sheets and a protected workbook structure, the number format of each cell the plan
 * writes on a person's sheet, merged cells, and the validation on the level ranges. The
 * command line checks its plan against these as the add-in does against Excel
 * (core/planCheck.ts), so both leave a person's work alone by the same rules.
 */
import { parseA1, WorkbookGrid } from "../core/grid";
import {
  cellKey,
  factsFromGrid,
  factsWanted,
  FoundCell,
  FoundValidation,
  validationKey,
  WorkbookFacts,
} from "../core/planCheck";
import type { WritePlan } from "../core/writePlan";
import { relationships, resolveTarget, WorkbookParts } from "./readWorkbook";
import { parseRect, Rect, rectText } from "./ranges";
import { child, children, parseXml, XmlNode } from "./xml";
import { Package, partText } from "./zipPackage";

/** Excel's built-in number format 49 is Text ("@"). */
const TEXT_FORMAT_ID = "49";

const truthy = (v: string | undefined) => v === "1" || v === "true";
const contains = (outer: Rect, inner: Rect) =>
  outer.top <= inner.top && outer.bottom >= inner.bottom && outer.left <= inner.left && outer.right >= inner.right;
const overlaps = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const rects = (sqref: string) =>
  sqref
    .split(" ")
    .filter(Boolean)
    .map(parseRect)
    .filter((r): r is Rect => r !== undefined);

/** Style index → is that cell format Text. */
function textStyles(pkg: Package, parts: WorkbookParts): (s: string | undefined) => boolean {
  const rel = relationships(pkg, parts.workbookPart).find((r) => r.type.endsWith("/styles"));
  const part = rel && resolveTarget(parts.workbookPart, rel.target);
  const text = part && partText(pkg, part);
  if (!text) return () => false;
  const root = parseXml(text, { part, descend: (p) => p.length <= 2 || ["cellXfs", "numFmts"].includes(p[1].local) });
  const textIds = new Set([TEXT_FORMAT_ID]);
  for (const f of children(child(root, "numFmts") ?? root, "numFmt"))
    if (f.attrs.formatCode === "@") textIds.add(f.attrs.numFmtId);
  const xfs = children(child(root, "cellXfs") ?? root, "xf").map((x) => textIds.has(x.attrs.numFmtId ?? "0"));
  return (s) => xfs[Number(s ?? 0)] ?? false;
}

/** A sheet's validation rules as the core reads them, each with the rectangles it covers. */
function sheetValidations(root: XmlNode): { rects: Rect[]; found: FoundValidation }[] {
  const out: { rects: Rect[]; found: FoundValidation }[] = [];
  for (const dv of children(child(root, "dataValidations") ?? root, "dataValidation")) {
    const type = dv.attrs.type ?? "none";
    const errorTitle = dv.attrs.errorTitle ?? "";
    const f1 = child(dv, "formula1")?.text ?? "";
    const f2 = child(dv, "formula2")?.text ?? "";
    let found: FoundValidation;
    if (type === "none") continue;
    if ((type === "whole" || type === "decimal") && (dv.attrs.operator ?? "between") === "between") {
      const min = Number(f1);
      const max = Number(f2);
      found =
        Number.isFinite(min) && Number.isFinite(max) && f1 !== "" && f2 !== ""
          ? { kind: "rule", type, min, max, errorTitle }
          : { kind: "rule", type: "other", errorTitle };
    } else if (type === "list" && /^".*"$/.test(f1))
      found = { kind: "rule", type: "list", items: f1.slice(1, -1).split(","), errorTitle };
    else found = { kind: "rule", type: "other", errorTitle };
    out.push({ rects: rects(dv.attrs.sqref ?? ""), found });
  }
  // Excel keeps list rules pointing at other sheets in an extension: <x14:dataValidation>.
  for (const ext of child(root, "extLst")?.children ?? [])
    for (const x14 of children(ext, "dataValidations"))
      for (const rule of children(x14, "dataValidation"))
        out.push({
          rects: rects(child(rule, "sqref")?.text ?? ""),
          found: { kind: "rule", type: "other", errorTitle: rule.attrs.errorTitle ?? "" },
        });
  return out;
}

/** What the rules of a sheet put on a planned validation's ranges: one rule over all of them, none, or a mix. */
function validationOn(ranges: string[], rules: { rects: Rect[]; found: FoundValidation }[]): FoundValidation {
  const wanted = ranges.map(parseRect).filter((r): r is Rect => r !== undefined);
  const meeting = rules.filter((r) => r.rects.some((a) => wanted.some((w) => overlaps(a, w))));
  if (meeting.length === 0) return { kind: "none" };
  const only = meeting[0];
  if (meeting.length === 1 && wanted.every((w) => only.rects.some((a) => contains(a, w)))) return only.found;
  return { kind: "mixed" };
}

export function packageFacts(pkg: Package, parts: WorkbookParts, grid: WorkbookGrid, plan: WritePlan): WorkbookFacts {
  const wb = parseXml(partText(pkg, parts.workbookPart)!, { descend: (p) => p.length < 2 });
  const isText = textStyles(pkg, parts);
  const wanted = factsWanted(plan);
  const cells: Record<string, Partial<FoundCell>> = {};
  const validations: Record<string, FoundValidation> = {};
  const protectedSheets: string[] = [];
  const touched = new Set([
    ...plan.cells.map((c) => c.sheet),
    ...plan.validations.map((v) => v.sheet),
    ...plan.conditionalFormats.map((f) => f.sheet),
  ]);
  for (const entry of parts.sheets) {
    if (!touched.has(entry.name)) continue;
    const text = partText(pkg, entry.part);
    if (text === undefined) continue;
    const targets = wanted.cells.filter((c) => c.sheet === entry.name);
    const rows = new Set(targets.map((c) => parseA1(c.address)!.row + 1));
    const root = parseXml(text, {
      descend: (p) => {
        if (p.length <= 1) return true;
        const top = p[1].local;
        if (p.length === 2) return ["sheetData", "mergeCells", "dataValidations", "extLst"].includes(top);
        if (top === "sheetData") return p.length === 3 && rows.has(Number(p[2].attrs.r));
        if (top === "extLst") return p.length <= 6;
        return top === "dataValidations" && p.length <= 4;
      },
      keepText: (n) => n.local === "formula1" || n.local === "formula2" || n.local === "sqref",
    });
    if (truthy(child(root, "sheetProtection")?.attrs.sheet)) protectedSheets.push(entry.name);
    const merges = children(child(root, "mergeCells") ?? root, "mergeCell")
      .map((m) => parseRect(m.attrs.ref ?? ""))
      .filter((r): r is Rect => r !== undefined);
    const styleOf = new Map<string, string | undefined>();
    for (const row of children(child(root, "sheetData") ?? root, "row"))
      for (const c of children(row, "c")) if (c.attrs.r) styleOf.set(c.attrs.r, c.attrs.s);
    for (const c of targets) {
      const at = parseA1(c.address)!;
      const me = { top: at.row, left: at.col, bottom: at.row, right: at.col };
      const merge = merges.find((m) => contains(m, me));
      cells[cellKey(c.sheet, c.address)] = {
        numberFormat: isText(styleOf.get(c.address)) ? "@" : "General",
        ...(merge && (merge.top !== at.row || merge.left !== at.col) ? { hiddenIn: rectText(merge) } : {}),
      };
    }
    const rules = sheetValidations(root);
    for (const v of wanted.validations.filter((x) => x.sheet === entry.name))
      validations[validationKey(v)] = validationOn(v.ranges, rules);
  }
  const lock = child(wb, "workbookProtection");
  const facts = factsFromGrid(grid, plan, {
    protectedSheets,
    structureProtected: truthy(lock?.attrs.lockStructure),
    validations,
  });
  for (const [key, more] of Object.entries(cells)) if (facts.cells[key]) Object.assign(facts.cells[key], more);
  return facts;
}
