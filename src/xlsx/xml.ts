/**
 * XML as the package holds it: a tree of element spans (where each element starts and
 * ends in the original text), parsed by saxes. Editing a part means splicing new text
 * between spans, so every byte outside what we replace stays as the writer left it:
 * unknown elements, namespace declarations, attribute order, whitespace and comments.
 */
import { SaxesParser } from "saxes";

export interface XmlNode {
  /** qualified name as written, e.g. "x14:dataValidations" */
  name: string;
  /** name without its prefix */
  local: string;
  attrs: Record<string, string>;
  /** offset of "<" of the start tag */
  start: number;
  /** offset just after the start tag's ">" */
  openEnd: number;
  /** offset of "<" of the end tag (equals end for a self-closing element) */
  closeStart: number;
  /** offset just after the element */
  end: number;
  selfClosing: boolean;
  children: XmlNode[];
  /** text directly inside, when `keepText` asked for it */
  text: string;
}

export interface ParseOptions {
  /** whether to record the children of an element (ancestors first, the element last) */
  descend?: (path: XmlNode[]) => boolean;
  /** whether to keep the text of an element */
  keepText?: (node: XmlNode) => boolean;
  /** the part the text comes from, named when it is not XML */
  part?: string;
}

/** Text that is not XML; `part` names where it came from. The parser's own words stay out of messages. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly part?: string,
  ) {
    super(message);
  }
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The root element of `text`, with the children `descend` allows. */
export function parseXml(text: string, options: ParseOptions = {}): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  // Depth below the deepest recorded element, for elements we do not record.
  let skipped = 0;
  let root: XmlNode | undefined;
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    if (skipped > 0) {
      if (!tag.isSelfClosing) skipped++;
      return;
    }
    const openEnd = parser.position;
    const start = text.lastIndexOf("<", openEnd - 1);
    const node: XmlNode = {
      name: tag.name,
      local: localName(tag.name),
      attrs: tag.attributes as Record<string, string>,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: "",
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    if (tag.isSelfClosing) return;
    stack.push(node);
    if (options.descend && !options.descend(stack)) {
      stack.pop();
      skipped = 1;
      pending = node;
    }
  });
  // The element whose children are being skipped: its end is set when it closes.
  let pending: XmlNode | undefined;
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    const end = parser.position;
    if (skipped > 0) {
      skipped--;
      if (skipped === 0 && pending) {
        pending.end = end;
        pending.closeStart = text.lastIndexOf("<", end - 1);
        pending = undefined;
      }
      return;
    }
    const node = stack.pop()!;
    node.end = end;
    node.closeStart = text.lastIndexOf("<", end - 1);
  });
  parser.on("text", (t) => {
    if (skipped > 0) return;
    const node = stack[stack.length - 1];
    if (node && options.keepText?.(node)) node.text += t;
  });
  parser.on("cdata", (t) => {
    const node = stack[stack.length - 1];
    if (skipped === 0 && node && options.keepText?.(node)) node.text += t;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e instanceof Error ? e : new Error(String(e));
  }
  if (failure) throw new XmlError(failure.message, options.part);
  if (!root) throw new XmlError("no root element", options.part);
  return root;
}

export function child(node: XmlNode, local: string): XmlNode | undefined {
  return node.children.find((c) => c.local === local);
}

export function children(node: XmlNode, local: string): XmlNode[] {
  return node.children.filter((c) => c.local === local);
}

/** The prefix (with its colon) the part uses for the main namespace, "" when default. */
export function prefixOf(node: XmlNode): string {
  return node.name.slice(0, node.name.length - node.local.length);
}

export function escapeText(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else out += ch;
  }
  return out;
}

export function escapeAttr(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "\n") out += "&#10;";
    else if (ch === "\r") out += "&#13;";
    else if (ch === "\t") out += "&#9;";
    else out += ch;
  }
  return out;
}

export type Attrs = Record<string, string | number | boolean | undefined>;

/** One element as text; attributes in the order given, undefined ones left out. */
export function element(name: string, attrs: Attrs = {}, inner?: string): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${escapeAttr(typeof v === "boolean" ? (v ? "1" : "0") : String(v))}"`;
  }
  return inner === undefined || inner === "" ? `${s}/>` : `${s}>${inner}</${name}>`;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
  /** among insertions at one offset, lower ranks first (a schema's order) */
  rank?: number;
}

/** Applies non-overlapping edits; insertions at one offset go by rank, then in their given order. */
export function splice(text: string, edits: Edit[]): string {
  const sorted = edits
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.rank ?? 0) - (b.rank ?? 0) || a.i - b.i);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping edits");
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The start tag of `node` with some attributes set (undefined removes one); others kept as written. */
export function withAttrs(text: string, node: XmlNode, set: Attrs): string {
  const merged: Attrs = { ...node.attrs };
  for (const [k, v] of Object.entries(set)) merged[k] = v;
  const tag = element(node.name, merged);
  return node.selfClosing ? tag : tag.slice(0, -2) + ">";
}

/** The edit that sets some attributes of `node`; none when they already hold those values. */
export function setAttrs(text: string, node: XmlNode, set: Attrs): Edit[] {
  const same = Object.entries(set).every(([k, v]) =>
    v === undefined
      ? node.attrs[k] === undefined
      : node.attrs[k] === (typeof v === "boolean" ? (v ? "1" : "0") : String(v)),
  );
  return same ? [] : [{ start: node.start, end: node.openEnd, text: withAttrs(text, node, set) }];
}
