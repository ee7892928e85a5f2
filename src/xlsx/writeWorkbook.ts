/**
 * The command line's .xlsx file writer: applies a WritePlan to the package as it was read.
 * Only the parts the plan owns change — the sheets it writes to, the results sheet it
 * adds, and the workbook, relationship, content-type and style entries pointing at
 * them; every other part keeps its bytes, and inside the edited parts every element we
 * do not own keeps its text. Charts in the plan are left to the Office host, which draws them.
 */
import type { Bilingual } from "../core/framework";
import { sheetRef } from "../core/grid";
import { bi } from "../core/messages";
import type { WritePlan } from "../core/writePlan";
import { notXml, relationships, relsPartOf, resolveTarget, WorkbookParts } from "./readWorkbook";
import { EMPTY_STYLES, StyleSheet } from "./styles";
import { NEW_WORKSHEET, patchWorksheet, SheetChanges } from "./worksheet";
import {
  child,
  children,
  Edit,
  element,
  escapeText,
  parseXml,
  prefixOf,
  setAttrs,
  splice,
  XmlError,
  XmlNode,
} from "./xml";
import { Package, partText, removePart, savePackage, setPart } from "./zipPackage";

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = `${NS_REL}/`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export class WriteRefused extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(`${bilingual.id} / ${bilingual.en}`);
  }
}

export interface WriteResult {
  data: Uint8Array;
  /** what was left unwritten, and why */
  notes: Bilingual[];
  /** parts whose bytes changed or were added or removed */
  changedParts: string[];
}

/** A new child of the workbook element where the schema orders it. */
function insertAt(root: XmlNode, local: string, xml: string): Edit {
  const rank = WORKBOOK_ORDER.indexOf(local);
  const next = root.children.find((c) => WORKBOOK_ORDER.indexOf(c.local) > rank);
  const at = next ? next.start : root.closeStart;
  return { start: at, end: at, text: xml, rank };
}

/** Appends `xml` as the last child of `node`, opening a self-closing element if need be. */
function appendChild(node: XmlNode, xml: string): Edit {
  if (node.selfClosing) return { start: node.start, end: node.end, text: element(node.name, node.attrs, xml) };
  return { start: node.closeStart, end: node.closeStart, text: xml };
}

function relPrefix(root: XmlNode): string | undefined {
  const decl = Object.entries(root.attrs).find(([k, v]) => k.startsWith("xmlns:") && v === NS_REL);
  return decl?.[0].slice(6);
}

class Relationships {
  private readonly edits: Edit[] = [];
  private readonly root: XmlNode;
  private readonly ids: Set<string>;
  constructor(
    private readonly pkg: Package,
    private readonly part: string,
  ) {
    this.root = parseXml(this.text, { part: relsPartOf(part) });
    this.ids = new Set(this.root.children.map((r) => r.attrs.Id));
  }
  get text(): string {
    return partText(this.pkg, relsPartOf(this.part)) ?? RELS_XML;
  }
  add(type: string, target: string): string {
    let n = this.ids.size + 1;
    while (this.ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.ids.add(id);
    this.edits.push(
      appendChild(
        this.root,
        element(`${prefixOf(this.root)}Relationship`, { Id: id, Type: REL + type, Target: target }),
      ),
    );
    return id;
  }
  remove(id: string): void {
    const r = this.root.children.find((c) => c.attrs.Id === id);
    if (r) this.edits.push({ start: r.start, end: r.end, text: "" });
  }
  save(changed: Set<string>): void {
    if (this.edits.length === 0) return;
    setPart(this.pkg, relsPartOf(this.part), splice(this.text, this.edits));
    changed.add(relsPartOf(this.part));
  }
}

/** The scored workbook; a part the writer must edit that is not XML is refused as damage, naming it. */
export function writeWorkbook(pkg: Package, parts: WorkbookParts, plan: WritePlan): WriteResult {
  try {
    return patchPackage(pkg, parts, plan);
  } catch (e) {
    if (e instanceof XmlError) throw new WriteRefused(notXml(e.part ?? "?"));
    throw e;
  }
}

function patchPackage(pkg: Package, parts: WorkbookParts, plan: WritePlan): WriteResult {
  const changed = new Set<string>();
  const notes: Bilingual[] = [];
  const wbPart = parts.workbookPart;
  const wbText = partText(pkg, wbPart)!;
  const wb = parseXml(wbText, {
    part: wbPart,
    descend: (p) => p.length < 2 || (p.length === 2 && ["sheets", "definedNames"].includes(p[1].local)),
    keepText: (n) => n.local === "definedName",
  });
  const wp = prefixOf(wb);
  const wbEdits: Edit[] = [];
  const rels = new Relationships(pkg, wbPart);
  const ctText = partText(pkg, "[Content_Types].xml")!;
  const ct = parseXml(ctText, { part: "[Content_Types].xml" });
  const ctEdits: Edit[] = [];

  // The results sheets the workbook does not have yet.
  const sheetsNode = child(wb, "sheets");
  if (!sheetsNode) throw new WriteRefused(bi("buku kerja tidak berisi daftar lembar", "the workbook lists no sheets"));
  const allSheets = children(sheetsNode, "sheet");
  const partOf = new Map(parts.sheets.map((s) => [s.name, s.part]));
  const missing = plan.sheets.filter((s) => !partOf.has(s));
  const locked = child(wb, "workbookProtection");
  if (missing.length && locked && ["1", "true"].includes(locked.attrs.lockStructure ?? "")) {
    throw new WriteRefused(
      bi(
        `struktur buku kerja terlindung; lembar "${missing[0]}" tidak dapat ditambahkan. Buka proteksi struktur di Excel (Tinjau › Proteksi Buku Kerja) lalu coba lagi`,
        `the workbook's structure is protected; sheet "${missing[0]}" cannot be added. Unprotect the structure in Excel (Review › Protect Workbook) and try again`,
      ),
    );
  }
  let sheetId = Math.max(0, ...allSheets.map((s) => Number(s.attrs.sheetId) || 0));
  const rp = relPrefix(wb);
  const sheetDir = parts.sheets[0]
    ? parts.sheets[0].part.slice(0, parts.sheets[0].part.lastIndexOf("/") + 1)
    : `${wbPart.slice(0, wbPart.lastIndexOf("/") + 1)}worksheets/`;
  let fileNo = 1;
  const order = allSheets.map((s) => s.attrs.name);
  for (const name of missing) {
    while (pkg.parts.has(`${sheetDir}sheet${fileNo}.xml`)) fileNo++;
    const part = `${sheetDir}sheet${fileNo}.xml`;
    setPart(pkg, part, NEW_WORKSHEET);
    const id = rels.add("worksheet", `/${part}`);
    sheetId++;
    const idAttr = rp ? { [`${rp}:id`]: id } : { "xmlns:r": NS_REL, "r:id": id };
    wbEdits.push(appendChild(sheetsNode, element(`${wp}sheet`, { name, sheetId, ...idAttr })));
    ctEdits.push(
      appendChild(ct, element(`${prefixOf(ct)}Override`, { PartName: `/${part}`, ContentType: CT_WORKSHEET })),
    );
    partOf.set(name, part);
    order.push(name);
  }

  // Styles: the part the workbook points at, or a new one.
  const wbRels = relationships(pkg, wbPart);
  const stylesRel = wbRels.find((r) => r.type.endsWith("/styles"));
  let stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : undefined;
  const stylesText = stylesPart ? partText(pkg, stylesPart) : undefined;
  const styles = new StyleSheet(stylesText ?? EMPTY_STYLES, stylesPart);

  // Sheets, each patched once with everything the plan wants in it.
  const bySheet = new Map<string, SheetChanges>();
  const changes = (s: string) => {
    if (!bySheet.has(s)) bySheet.set(s, { cells: [], validations: [], conditionalFormats: [], columnWidths: [] });
    return bySheet.get(s)!;
  };
  for (const c of plan.cells) changes(c.sheet).cells.push(c);
  for (const v of plan.validations) changes(v.sheet).validations.push(v);
  for (const c of plan.conditionalFormats) changes(c.sheet).conditionalFormats.push(c);
  for (const w of plan.columnWidths) changes(w.sheet).columnWidths.push({ column: w.column, width: w.width });
  for (const p of plan.printSetups) changes(p.sheet).print = p;
  let formulaRemoved = false;
  const written = new Set<string>();
  for (const [name, ch] of bySheet) {
    const part = partOf.get(name);
    const text = part && partText(pkg, part);
    if (!part || text === undefined)
      throw new WriteRefused(
        bi(`lembar "${name}" tidak ada di dalam berkas`, `sheet "${name}" is missing from the package`),
      );
    const out = patchWorksheet(text, ch, styles, part);
    if (out.protected) {
      const counts: [number, string, string][] = [
        [ch.cells.length, "sel", "cells"],
        [ch.validations.length, "validasi", "validations"],
        [ch.conditionalFormats.length, "format bersyarat", "conditional formats"],
      ];
      const held = counts.filter(([n]) => n > 0);
      const id = held.map(([n, w]) => `${n} ${w}`).join(", ");
      const en = held.map(([n, , w]) => `${n} ${w}`).join(", ");
      notes.push(
        bi(
          `Lembar "${name}" terlindung; tidak ada yang ditulis ke dalamnya (${id}). Buka proteksinya lalu jalankan lagi`,
          `Sheet "${name}" is protected; nothing was written into it (${en}). Unprotect it and run again`,
        ),
      );
      continue;
    }
    formulaRemoved ||= out.formulaRemoved;
    written.add(name);
    if (out.text !== text) {
      setPart(pkg, part, out.text);
      changed.add(part);
    }
  }
  if (styles.changed) {
    if (!stylesPart) {
      stylesPart = `${wbPart.slice(0, wbPart.lastIndexOf("/") + 1)}styles.xml`;
      rels.add("styles", `/${stylesPart}`);
      ctEdits.push(
        appendChild(ct, element(`${prefixOf(ct)}Override`, { PartName: `/${stylesPart}`, ContentType: CT_STYLES })),
      );
    }
    setPart(pkg, stylesPart, styles.toString());
    changed.add(stylesPart);
  }

  // Defined names: ours replaced by name, print titles per results sheet.
  const names = plan.names.map((n) => ({ name: n.name, local: undefined as number | undefined, ref: n.reference }));
  for (const p of plan.printSetups) {
    if (written.has(p.sheet))
      names.push({
        name: "_xlnm.Print_Titles",
        local: order.indexOf(p.sheet),
        ref: `${sheetRef(p.sheet)}${p.titleRows}`,
      });
  }
  const namesNode = child(wb, "definedNames");
  const existing = namesNode ? children(namesNode, "definedName") : [];
  const fresh: string[] = [];
  for (const n of names) {
    const local = n.local === undefined ? undefined : String(n.local);
    const old = existing.find(
      (d) => (d.attrs.name ?? "").toLowerCase() === n.name.toLowerCase() && d.attrs.localSheetId === local,
    );
    if (old) {
      if (old.text !== n.ref) wbEdits.push({ start: old.openEnd, end: old.closeStart, text: escapeText(n.ref) });
    } else fresh.push(element(`${wp}definedName`, { name: n.name, localSheetId: local }, escapeText(n.ref)));
  }
  if (fresh.length) {
    if (namesNode) wbEdits.push(appendChild(namesNode, fresh.join("")));
    else {
      wbEdits.push(insertAt(wb, "definedNames", element(`${wp}definedNames`, {}, fresh.join(""))));
    }
  }

  // Whoever opens the file next recalculates everything, whatever their settings.
  const calcPr = child(wb, "calcPr");
  if (calcPr) wbEdits.push(...setAttrs(wbText, calcPr, { fullCalcOnLoad: "1" }));
  else {
    wbEdits.push(insertAt(wb, "calcPr", element(`${wp}calcPr`, { fullCalcOnLoad: "1" })));
  }

  // A formula turned into a constant would leave the calculation chain naming a cell
  // without a formula, which Excel reports as damage; it rebuilds a missing chain.
  const chain = wbRels.find((r) => r.type.endsWith("/calcChain"));
  if (formulaRemoved && chain) {
    const part = resolveTarget(wbPart, chain.target);
    removePart(pkg, part);
    changed.add(part);
    rels.remove(chain.id);
    const o = ct.children.find((c) => c.attrs.PartName === `/${part}`);
    if (o) ctEdits.push({ start: o.start, end: o.end, text: "" });
  }

  if (wbEdits.length) {
    setPart(pkg, wbPart, splice(wbText, wbEdits));
    changed.add(wbPart);
  }
  if (ctEdits.length) {
    setPart(pkg, "[Content_Types].xml", splice(ctText, ctEdits));
    changed.add("[Content_Types].xml");
  }
  rels.save(changed);
  for (const n of missing) changed.add(partOf.get(n)!);
  return { data: savePackage(pkg), notes, changedParts: [...changed].sort() };
}
